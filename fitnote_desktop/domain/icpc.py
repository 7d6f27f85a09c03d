"""Labels of known ICPC-2 codes, shown as the physician types a diagnosis code.

The list in ``resources/icpc2/labels.json`` is deliberately small: only ICPC-2 rubric
titles we are sure of, in nl, fr, de and en. An unknown code is not an error (the
classification has some 700 rubrics); it just has no label. Read on first use, never
at import.
"""

from __future__ import annotations

import json
from collections.abc import Mapping
from functools import cache

from fitnote_desktop.domain.model import LANGUAGES


@cache
def _labels() -> Mapping[str, Mapping[str, str]]:
    from fitnote_desktop.resources import resource_path

    with resource_path("icpc2", "labels.json").open(encoding="utf-8") as fh:
        data: dict[str, dict[str, str]] = json.load(fh)["labels"]
    return data


def icpc_label(code: str, lang: str) -> str | None:
    """The rubric title of ``code`` in ``lang``, or None when the code is not in the list."""
    if lang not in LANGUAGES:
        raise ValueError(f"unsupported language {lang!r}")
    entry = _labels().get(code.strip().upper())
    return entry[lang] if entry is not None else None


def known_codes() -> frozenset[str]:
    return frozenset(_labels())
