"""Cyclic garbage collection paused while one copy is laid out or signed.

Platypus makes thousands of objects per copy (flowables, their lines, table cell styles,
PDF objects) that live until the PDF is written; pyHanko does the same for a signature.
Python's cyclic collector runs every 700 new containers and walked them again and again,
promoting them towards its full-heap collections: about a tenth of a copy's CPU in
issue 14's profile. The few hundred objects in cycles that a copy or a signature leaves
behind are collected, as usual, after it.

The same switch as ``services.gc_pause`` (documents is an adapter: it does not import the
services). Process-wide, like the collector itself: a second thread entering while it is
paused leaves it to the first to switch it back on, and it is only switched back on when
it was on before.
"""

from __future__ import annotations

import gc
from collections.abc import Iterator
from contextlib import contextmanager


@contextmanager
def collector_paused() -> Iterator[None]:
    collecting = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if collecting:
            gc.enable()
