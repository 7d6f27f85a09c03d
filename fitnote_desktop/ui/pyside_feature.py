"""PySide6's ``__feature__`` import hook, without keeping every module's source in memory.

Once PySide6 is imported, every import goes through its hook, which records whether the new
module "uses PySide" (for ``from __feature__ import snake_case``) by searching
``inspect.getsource(module)`` for "PySide6". ``inspect`` reads the source through
``linecache``, which keeps every line of the ~450 modules the app imports for the rest of the
process: about 17 MB of resident memory, a seventh of the app's, for nothing (issue 14).
:func:`install` replaces that check with one that reads the module's file (or its loader's
source) and gives the same verdict without the cache. PySide6 is imported here (the package only:
its import hook comes with it); a PySide6 without this hook is left alone.
"""

from __future__ import annotations

import sys
from pathlib import Path
from types import ModuleType

import PySide6  # noqa: F401 - installs the import hook that install() adjusts

_FEATURE_MODULES = ("shibokensupport.feature", "PySide6.support.feature")


def uses_pyside(module: ModuleType) -> bool:
    """PySide's own verdict ("PySide6" occurs in the module's source), minus ``linecache``.

    A module from a ``.py`` file: its bytes are searched (Python source is ASCII-compatible,
    so the ASCII word is found in any of its encodings); otherwise the loader's source.
    """
    spec = getattr(module, "__spec__", None)
    origin = getattr(spec, "origin", None)
    if isinstance(origin, str) and origin.endswith(".py"):
        try:
            return b"PySide6" in Path(origin).read_bytes()
        except OSError:
            return False
    get_source = getattr(getattr(spec, "loader", None), "get_source", None)
    if spec is None or get_source is None:
        return False  # built-in, frozen or embedded: inspect finds no source either
    try:
        source = get_source(spec.name)
    except (ImportError, OSError, SyntaxError, UnicodeDecodeError):
        return False
    return isinstance(source, str) and "PySide6" in source


def install() -> bool:
    """Use :func:`uses_pyside` in PySide's hook; False when this PySide6 has no such hook."""
    for name in _FEATURE_MODULES:
        feature = sys.modules.get(name)
        if feature is not None and callable(getattr(feature, "_mod_uses_pyside", None)):
            feature._mod_uses_pyside = uses_pyside  # type: ignore[attr-defined]
            return True
    return False
