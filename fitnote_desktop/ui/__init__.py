"""The PySide6 user interface. Only talks to ``fitnote_desktop.services``.

Importing this package first guards against a reference-counting bug of PySide6 6.12 on
Python 3.11: several bindings that return ``None`` (``QComboBox.itemData`` of an item
without data, ``QWidget.focusProxy``/``parent`` when there is none, ``QListWidgetItem.
data`` of an unset role, ...) drop one reference to ``None`` each time without taking
one. After a few thousand such calls ``None`` is "deallocated" and the interpreter
aborts ("none_dealloc"), at a random later spot. Python 3.12+ made ``None`` immortal,
so there the bug is invisible; on 3.11 we give ``None`` a reference count so large
that it can never reach zero, which is what 3.12 does by design.

It then stops PySide6's import hook from keeping the source of every module imported after
it in memory (:mod:`fitnote_desktop.ui.pyside_feature`).
"""

from __future__ import annotations

import ctypes
import sys


def _immortalise_none() -> None:
    if sys.version_info >= (3, 12):
        return
    refcount = ctypes.c_ssize_t.from_address(id(None))
    if refcount.value < 1 << 40:
        refcount.value += 1 << 40


_immortalise_none()

from fitnote_desktop.ui import pyside_feature  # noqa: E402 - after the guard above

pyside_feature.install()
