"""Locate the data files (ICF catalogue, messages, fonts, schema, translations).

Why a function and not ``importlib.resources``: the data lives in the top-level
``resources/`` and ``translations/`` folders of the source tree (so translators and
clinicians edit plain files), while a wheel or a PyInstaller bundle carries them
inside the package as ``fitnote_desktop/_data/``. This finds either.
"""

from __future__ import annotations

import sys
from functools import cache
from pathlib import Path

_PACKAGE_DIR = Path(__file__).resolve().parent


@cache
def data_root() -> Path:
    """Directory holding ``resources/`` and ``translations/``."""
    candidates = [
        _PACKAGE_DIR / "_data",  # wheel / bundle layout
        _PACKAGE_DIR.parent,  # source tree (editable install)
    ]
    bundle = getattr(sys, "_MEIPASS", None)
    if bundle:
        candidates.insert(0, Path(bundle) / "fitnote_desktop" / "_data")
    for candidate in candidates:
        if (candidate / "resources").is_dir():
            return candidate
    raise FileNotFoundError("fitnote-desktop data files (resources/) not found")


def resource_path(*parts: str) -> Path:
    """Path of a file under ``resources/``."""
    return data_root().joinpath("resources", *parts)


def translations_path(*parts: str) -> Path:
    """Path of a file under ``translations/``."""
    return data_root().joinpath("translations", *parts)
