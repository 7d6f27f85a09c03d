"""The catalogue's value types: categories, the qualifier scale, core sets, search hits.

Also the vocabulary they share (supported languages, components, entry kinds) and the
error raised when the data files are inconsistent.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from types import MappingProxyType
from typing import Literal

#: Languages every label, hint and core-set name is provided in (Belgium's three official
#: languages plus English, the WHO reference language).
SUPPORTED_LANGUAGES: tuple[str, ...] = ("nl", "fr", "de", "en")
#: Components carried by the catalogue, in ICF order.
COMPONENTS: tuple[str, ...] = ("b", "d", "e")
Kind = Literal["component", "chapter", "category"]
EMPTY: Mapping[str, str] = MappingProxyType({})
EMPTY_KW: Mapping[str, tuple[str, ...]] = MappingProxyType({})


class IcfDataError(ValueError):
    """The catalogue or core-set data is inconsistent (a bug in ``resources/icf``)."""


def freeze(mapping: Mapping[str, str] | None) -> Mapping[str, str]:
    return MappingProxyType(dict(mapping)) if mapping else EMPTY


def code_kind(code: str) -> Kind:
    if len(code) == 1:
        return "component"
    if len(code) == 2:
        return "chapter"
    return "category"


@dataclass(frozen=True, slots=True)
class IcfCategory:
    """One ICF entry: a component (``b``), a chapter (``b1``) or a category (``b130``).

    ``labels`` hold the official ICF title per language; ``hints`` a one-line reminder
    of what matters for work; ``statement_templates`` a positively phrased opening for
    the fit-note ("Can lift and carry up to … kg"), with ``…`` where the physician fills
    in a value; ``keywords`` lay or clinical search terms that are not in the title.
    """

    code: str
    parent: str | None
    component: str
    chapter: str | None
    labels: Mapping[str, str] = field(hash=False)
    hints: Mapping[str, str] = field(default_factory=lambda: EMPTY, hash=False)
    statement_templates: Mapping[str, str] = field(default_factory=lambda: EMPTY, hash=False)
    keywords: Mapping[str, tuple[str, ...]] = field(default_factory=lambda: EMPTY_KW, hash=False)

    @property
    def kind(self) -> Kind:
        """``component``, ``chapter`` or ``category``."""
        return code_kind(self.code)

    @property
    def level(self) -> int:
        """ICF level: 0 component, 1 chapter, 2 for ``b130``, 3 for ``b1300``, 4 for ``b28013``."""
        digits = len(self.code) - 1
        return digits if digits < 2 else digits - 1

    @property
    def is_codable(self) -> bool:
        """Whether this entry can carry a qualifier on a fit-note (not a component/chapter)."""
        return self.kind == "category"

    def label(self, lang: str) -> str:
        """Title in *lang*."""
        return self.labels[check_lang(lang)]

    def hint(self, lang: str) -> str | None:
        """Work-context hint in *lang*, if the catalogue has one."""
        return self.hints.get(check_lang(lang))

    def statement_template(self, lang: str) -> str | None:
        """Positive fit-note opening in *lang*, if the catalogue has one."""
        return self.statement_templates.get(check_lang(lang))


@dataclass(frozen=True, slots=True)
class Qualifier:
    """A value of the ICF generic qualifier (extent of impairment, limitation or barrier).

    ``percent_range`` is the WHO band (inclusive) or ``None`` for 8 and 9. ICF labels
    speak of problems; ``fitnote_wording`` says the same thing the way a fit-note should,
    in terms of limitation of what the patient can do.
    """

    value: int
    labels: Mapping[str, str] = field(hash=False)
    percent_range: tuple[int, int] | None
    fitnote_wording: Mapping[str, str] = field(default_factory=lambda: EMPTY, hash=False)

    def label(self, lang: str) -> str:
        """ICF label in *lang*."""
        return self.labels[check_lang(lang)]

    def wording(self, lang: str) -> str:
        """Positive fit-note wording in *lang* (falls back to the ICF label)."""
        lang = check_lang(lang)
        return self.fitnote_wording.get(lang) or self.labels[lang]


@dataclass(frozen=True, slots=True)
class CoreSet:
    """A suggested selection of categories for a common situation (e.g. low back pain)."""

    key: str
    labels: Mapping[str, str] = field(hash=False)
    codes: tuple[str, ...]
    source: str = ""

    def label(self, lang: str) -> str:
        """Name in *lang*."""
        return self.labels[check_lang(lang)]


@dataclass(frozen=True, slots=True)
class SearchHit:
    """One search result.

    ``matched_lang`` is the language whose text matched, or ``None`` when the hit came
    from the code itself.
    """

    category: IcfCategory
    score: int
    matched_lang: str | None


def check_lang(lang: str) -> str:
    if lang not in SUPPORTED_LANGUAGES:
        raise ValueError(f"unsupported language {lang!r}; expected one of {SUPPORTED_LANGUAGES}")
    return lang
