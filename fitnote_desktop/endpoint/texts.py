"""The texts of the endpoint's public pages in nl, fr, de and en, and the language choice.

Why one catalogue (``templates/texts.json``) beside the templates: a translator edits one
file for the pages and for ``fitnote-desktop verify-copy``, which prints the very same
sentences, and a test checks that every key exists in all four languages. The vocabulary
of the documents themselves (titles, periods, dates) is not repeated here: it comes from
the printed copies' labels, so that the page says what the paper says.
"""

from __future__ import annotations

import json
from collections.abc import Mapping
from functools import cache
from pathlib import Path
from typing import Any

LANGUAGES = ("nl", "fr", "de", "en")
DEFAULT_LANGUAGE = "nl"  # the majority language, as on the bilingual employer copy
LANGUAGE_NAMES = {"nl": "Nederlands", "fr": "Français", "de": "Deutsch", "en": "English"}
TEMPLATES = Path(__file__).resolve().parent / "templates"


@cache
def catalogue() -> Mapping[str, Mapping[str, str]]:
    """``{language: {key: text}}``, read once: ``templates/texts.json`` and the texts of
    each set of pages beside their templates (``templates/desk/texts.json``: keys
    ``desk.*``), so that every page shares the frame's texts and one test covers all."""
    data: dict[str, dict[str, str]] = {}
    for path in (TEMPLATES / "texts.json", *sorted(TEMPLATES.glob("*/texts.json"))):
        with path.open(encoding="utf-8") as fh:
            for lang, texts in json.load(fh).items():
                data.setdefault(lang, {}).update(texts)
    return data


def page_text(key: str, lang: str, **params: Any) -> str:
    """The text of ``key`` in ``lang`` (English, then the key, when a translation lacks)."""
    texts = catalogue()
    template = texts.get(lang, {}).get(key) or texts["en"].get(key) or key
    return template.format(**params) if params else template


def choose_language(asked: str | None, accept_language: str | None) -> str:
    """``?lang=`` when it names a language we have, else the browser's preference
    (``Accept-Language``, by quality), else Dutch."""
    if asked and asked.lower() in LANGUAGES:
        return asked.lower()
    ranked: list[tuple[float, int, str]] = []
    for position, item in enumerate((accept_language or "").split(",")):
        tag, _, params = item.strip().partition(";")
        quality = 1.0
        for param in params.split(";"):
            name, _, value = param.strip().partition("=")
            if name == "q":
                try:
                    quality = float(value)
                except ValueError:
                    quality = 0.0
        primary = tag.strip().lower().split("-")[0]
        if primary in LANGUAGES and quality > 0:
            ranked.append((-quality, position, primary))
    return min(ranked)[2] if ranked else DEFAULT_LANGUAGE
