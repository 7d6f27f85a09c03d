"""Decoding and checking the catalogue data: a broken resource file fails loudly.

Every entry must have a well-formed code, the parent its code implies and a label in
every supported language; anything else is a bug in ``resources/icf``.
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from types import MappingProxyType
from typing import Any

from fitnote_desktop.domain.icf.entries import (
    COMPONENTS,
    EMPTY_KW,
    SUPPORTED_LANGUAGES,
    IcfCategory,
    IcfDataError,
    code_kind,
    freeze,
)

# A component letter; a chapter digit 1-9; then 2, 3 or 4 more digits for the second,
# third and fourth ICF levels (b130, b1300, b28013).
_CODE_RE = re.compile(r"[bdes](?:[1-9](?:\d{2}(?:\d{1,2})?)?)?")


def require_all_languages(what: str, labels: Mapping[str, str]) -> None:
    for lang in SUPPORTED_LANGUAGES:
        value = labels.get(lang)
        if not isinstance(value, str) or not value.strip():
            raise IcfDataError(f"{what}: missing {lang} label")


def _expected_parent(code: str) -> str | None:
    """Component has none; chapter → component; b130 → chapter b1; b1300 → b130."""
    if len(code) == 1:
        return None
    if len(code) == 2:
        return code[0]
    if len(code) == 4:
        return code[:2]
    return code[:-1]


def validate_category(cat: IcfCategory) -> None:
    if not _CODE_RE.fullmatch(cat.code):
        raise IcfDataError(f"malformed ICF code {cat.code!r}")
    if cat.code[0] not in COMPONENTS:
        raise IcfDataError(f"{cat.code}: component {cat.code[0]!r} is not catalogued")
    if cat.parent != _expected_parent(cat.code):
        raise IcfDataError(
            f"{cat.code}: parent {cat.parent!r}, expected {_expected_parent(cat.code)!r}"
        )
    require_all_languages(cat.code, cat.labels)


def category_from_json(entry: Mapping[str, Any]) -> IcfCategory:
    code = str(entry["code"])
    declared = entry.get("kind")
    if declared is not None and declared != code_kind(code):
        raise IcfDataError(f"{code}: kind {declared!r} does not match the code")
    keywords = entry.get("keywords") or {}
    return IcfCategory(
        code=code,
        parent=entry.get("parent"),
        component=code[0],
        chapter=code[:2] if len(code) >= 2 else None,
        labels=freeze(entry["labels"]),
        hints=freeze(entry.get("hints")),
        statement_templates=freeze(entry.get("statement_templates")),
        keywords=(
            MappingProxyType({k: tuple(v) for k, v in keywords.items()}) if keywords else EMPTY_KW
        ),
    )
