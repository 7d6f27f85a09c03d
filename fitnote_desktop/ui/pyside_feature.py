"""PySide6's ``__feature__`` import hook, without reading the source of every module.

Once PySide6 is imported, every import goes through its hook, which records whether the new
module "uses PySide" by searching ``inspect.getsource(module)`` for "PySide6": such a module
gets feature selection 0 ("no feature") in ``pyside_feature_dict``, any other -1 ("ignore
this module": shiboken keeps the selection of the module that ran before). The verdict only
matters once some module selects a feature (``from __feature__ import snake_case``), which no
module of this app does (tests/ui/test_pyside_feature.py checks it); until then every module
sees selection 0 whichever verdict is recorded.

Reading the source of the ~350 modules imported after PySide6 cost about a tenth of the
start-up's CPU (the big SQLAlchemy files among them), and through ``linecache`` it kept every
line in memory (about 17 MB, issue 14). :func:`install` replaces the check with the verdict
"uses PySide" for every module: PySide's default selection, recorded without reading a file.
PySide6 is imported here (the package only: its import hook comes with it); a PySide6 without
this hook is left alone.
"""

from __future__ import annotations

import sys
from types import ModuleType

import PySide6  # noqa: F401 - installs the import hook that install() adjusts

_FEATURE_MODULES = ("shibokensupport.feature", "PySide6.support.feature")


def uses_pyside(module: ModuleType) -> bool:
    """Every module gets PySide's default feature selection ("no feature", see above)."""
    return True


def install() -> bool:
    """Use :func:`uses_pyside` in PySide's hook; False when this PySide6 has no such hook."""
    for name in _FEATURE_MODULES:
        feature = sys.modules.get(name)
        if feature is not None and callable(getattr(feature, "_mod_uses_pyside", None)):
            feature._mod_uses_pyside = uses_pyside  # type: ignore[attr-defined]
            return True
    return False
