"""fitnote-desktop: Belgian incapacity certificates and ICF fit-notes for physicians.

``__version__`` is read from the installed package's metadata on first access (PEP 562):
``importlib.metadata`` costs tens of milliseconds at start, and the window does not need it.
"""

from __future__ import annotations

from functools import cache


@cache
def _version() -> str:
    from importlib.metadata import PackageNotFoundError, version

    try:
        return version("fitnote-desktop")
    except PackageNotFoundError:  # running from a source tree that was never installed
        return "0.0.0+source"


def __getattr__(name: str) -> str:
    if name == "__version__":
        return _version()
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
