"""Python's cyclic garbage collector paused while the app starts, until the first screen.

Starting the app allocates some 70,000 long-lived objects (the modules, classes and
functions of PySide6, SQLAlchemy and the app) and almost no cyclic garbage (a few hundred
objects). The collector cannot know that: it ran about 150 times before the main window
appeared, scanning the same young objects again and again, about a tenth of the start-up's
CPU on the GUI thread (issue 14). :func:`pause` turns it off once PySide6 is imported;
:func:`resume` moves every object alive at that point into the permanent generation
(``gc.freeze``: never scanned again, so later collections stay as short as on a small
program) and turns the collector back on. The price is that the little cyclic garbage of
the start-up is never freed. Reference counting frees everything else as usual meanwhile.
"""

from __future__ import annotations

import gc

_paused = False


def pause() -> None:
    """Turn the collector off until :func:`resume` (nothing if it is off already)."""
    global _paused
    if gc.isenabled():
        gc.disable()
        _paused = True


def resume() -> None:
    """Freeze what the start-up built and turn the collector on again; only once, and only
    when :func:`pause` turned it off (a later unlock, or a test, changes nothing)."""
    global _paused
    if _paused:
        _paused = False
        gc.freeze()
        gc.enable()
