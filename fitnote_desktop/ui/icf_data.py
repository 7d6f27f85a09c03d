"""The ICF catalogue as the UI needs it, loaded once and tolerant of a missing label.

A label that cannot be found must never break the editor: the code itself is shown.
"""

from __future__ import annotations

import logging
from functools import cache
from typing import Any

log = logging.getLogger(__name__)


@cache
def catalogue() -> Any:
    from fitnote_desktop.domain.icf import load_catalogue

    return load_catalogue()


def label(code: str, lang: str) -> str:
    try:
        return str(catalogue().label(code, lang))
    except Exception:  # unknown code or catalogue not installed: show the code only
        return ""


def qualifier_words(value: int, lang: str) -> str:
    """The catalogue's fit-note wording of a qualifier (the same words as in the picker)."""
    try:
        q = catalogue().qualifier(value)
        return "" if q is None else str(q.wording(lang))
    except Exception:
        return ""
