"""Human messages for finding and error codes, in nl, fr, de and en.

The domain and every adapter speak in stable codes (``period.end_missing``,
``store.wrong_passphrase``); this module turns a code into a sentence in the user's
language. The catalogues are plain JSON in ``resources/messages/`` so that translators
edit data, not code; they are read once, on first use (no I/O at import).
"""

from __future__ import annotations

import json
import re
import string
from collections.abc import Mapping
from datetime import date
from functools import cache
from typing import Any

from fitnote_desktop.domain.findings import Finding

DEFAULT_LANGUAGE = "en"


@cache
def catalogue(lang: str) -> Mapping[str, str]:
    """The message catalogue of one language (cached)."""
    # the model (some 40 ms to import) is not needed before the unlock dialog is shown
    from fitnote_desktop.domain.model import LANGUAGES
    from fitnote_desktop.resources import resource_path

    if lang not in LANGUAGES:
        raise ValueError(f"unsupported language {lang!r}")
    with resource_path("messages", f"{lang}.json").open(encoding="utf-8") as fh:
        data: dict[str, str] = json.load(fh)
    return data


def placeholders(template: str) -> frozenset[str]:
    return frozenset(name for _, name, _, _ in string.Formatter().parse(template) if name)


def message(code: str, lang: str = DEFAULT_LANGUAGE, /, **params: Any) -> str:
    """The sentence for ``code``; falls back to English, then to the code itself.

    Missing parameters are left visible as ``{name}`` rather than raising: a message
    shown to a physician must never turn into a crash. Dates (``date`` values or the
    ISO text findings carry) read as Belgian physicians write them: 19/11/2026.
    """
    template = catalogue(lang).get(code) or catalogue(DEFAULT_LANGUAGE).get(code)
    if template is None:
        return code
    shown = {name: _as_shown(value) for name, value in params.items()}
    return template.format_map(_Defaults(shown))


_ISO_DATE = re.compile(r"\d{4}-\d{2}-\d{2}")


def _as_shown(value: Any) -> Any:
    if isinstance(value, str) and _ISO_DATE.fullmatch(value):
        value = date.fromisoformat(value)
    if isinstance(value, date):
        return value.strftime("%d/%m/%Y")
    return value


def render(finding: Finding, lang: str = DEFAULT_LANGUAGE) -> str:
    return message(finding.code, lang, **finding.params)


def has_message(code: str) -> bool:
    return code in catalogue(DEFAULT_LANGUAGE)


class _Defaults(dict[str, Any]):
    def __missing__(self, key: str) -> str:
        return "{" + key + "}"
