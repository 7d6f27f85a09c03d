"""Cyclic garbage collection paused while a burst of short-lived objects is made.

Python's cyclic collector runs every 700 new containers and, now and then, walks the whole
heap. Some of our work makes tens of thousands of objects in one burst that live until the
burst ends: the worklist and the mirror (a tuple per stored document, then the rows they
keep: on the worklist of 2,000 patients about 14 ms of a 40 ms build, measured with
``gc.callbacks``), a PDF copy laid out by platypus (flowables, their lines, cell styles,
PDF objects) and a copy signed by pyHanko (about a tenth of a copy's CPU in issue 14's
profile). The collector has little or nothing to find during the burst; the few objects
in cycles it leaves are collected, as usual, afterwards.

One module for every layer that needs it (services and documents): it belongs to none.
Process-wide, like the collector itself: a second thread entering while it is paused
leaves it to the first to switch it back on, and it is only switched back on when it was
on before.
"""

from __future__ import annotations

import gc
from collections.abc import Iterator
from contextlib import contextmanager


@contextmanager
def gc_paused() -> Iterator[None]:
    was_enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if was_enabled:
            gc.enable()
