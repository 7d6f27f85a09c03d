"""Cyclic garbage collection paused while a screen's figures are built.

The worklist and the mirror each make tens of thousands of short-lived tuples (a row
per stored document, then the rows they keep) in one burst. Python's cyclic collector
runs every 700 new containers and, now and then, walks the whole heap: on the worklist
of 2,000 patients that cost about 14 ms of a 40 ms build (measured with
``gc.callbacks``), and more in the app, whose heap is larger. None of these objects
forms a cycle (reference counting frees them as soon as they are dropped), so the
collector has nothing to find during the burst; it runs again, as usual, afterwards.

Process-wide, like the collector itself: a second thread entering while it is paused
leaves it to the first to switch it back on, and it is only switched back on when it
was on before.
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
