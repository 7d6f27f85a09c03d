"""The printed documents' own vocabulary, in nl, fr, de and en, and locale formatting.

Why a catalogue separate from ``resources/messages/``: messages are sentences about
*findings* (what is wrong with a draft); these labels are the *form* of a document
(titles, field names, code words, the patient's next steps). They follow the official
Belgian vocabulary (arbeidsongeschiktheid / incapacité de travail, adviserend arts /
médecin-conseil, arbeidsarts / médecin du travail, Vertrauensarzt, ENSS...), and a
translator edits the JSON in ``resources/labels/`` without touching code.

Dates are printed numerically, day first, in the form each language uses on Belgian
administrative forms: ``16/11/2026`` in nl, fr and en, ``16.11.2026`` in de. One format
everywhere in a copy (fields, period, signature line), so a reader compares dates
without converting.
"""

from __future__ import annotations

import json
from collections.abc import Mapping
from datetime import date
from decimal import Decimal
from functools import cache
from typing import Any

from fitnote_desktop.domain.model import LANGUAGES

FALLBACK_LANGUAGE = "en"
BILINGUAL = "nl+fr"  # the employer copy when the employer's language is unknown
COPY_LANGUAGES = (*LANGUAGES, BILINGUAL)


@cache
def catalogue(lang: str) -> Mapping[str, str]:
    """The label catalogue of one language (read once, cached)."""
    from fitnote_desktop.resources import resource_path

    if lang not in LANGUAGES:
        raise ValueError(f"unsupported language {lang!r}")
    with resource_path("labels", f"{lang}.json").open(encoding="utf-8") as fh:
        data: dict[str, str] = json.load(fh)
    return data


class _Keep(dict[str, Any]):
    def __missing__(self, key: str) -> str:
        return "{" + key + "}"


def label(key: str, lang: str, **params: Any) -> str:
    """The label for ``key`` in ``lang``; falls back to English, then to the key.

    A missing translation must degrade to a readable English word on paper rather
    than crash the printing of a certificate in front of the patient.
    """
    template = catalogue(lang).get(key) or catalogue(FALLBACK_LANGUAGE).get(key) or key
    return template.format_map(_Keep(params)) if params else template


def has_label(key: str, lang: str = FALLBACK_LANGUAGE) -> bool:
    return key in catalogue(lang)


def format_date(day: date | None, lang: str) -> str:
    if day is None:
        return label("value.none", lang)
    sep = "." if lang == "de" else "/"
    return f"{day.day:02d}{sep}{day.month:02d}{sep}{day.year:04d}"


def format_number(value: Decimal | int, lang: str) -> str:
    """``19,5`` in nl/fr/de, ``19.5`` in en; no trailing zeros."""
    text = format(Decimal(value).normalize(), "f")
    return text if lang == "en" else text.replace(".", ",")


def yes_no(value: bool | None, lang: str) -> str:
    if value is None:
        return label("value.none", lang)
    return label("value.yes" if value else "value.no", lang)


def split_languages(language: str) -> tuple[str, ...]:
    """``"nl+fr"`` -> ``("nl", "fr")``; validates every part."""
    parts = tuple(p.strip() for p in language.split("+"))
    if not parts or any(p not in LANGUAGES for p in parts) or len(set(parts)) != len(parts):
        raise ValueError(f"unsupported copy language {language!r}; use one of {COPY_LANGUAGES}")
    return parts
