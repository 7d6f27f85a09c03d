"""ICF catalogue: work-relevant categories, the qualifier scale, core sets and search.

Why this module exists: Belgian fit-notes state what a patient can still do in ICF
terms (International Classification of Functioning, Disability and Health), and the
physician, the advising physician, the occupational physician and the employer may each
read the note in Dutch, French, German or English. The codes are the shared language;
the labels must be the official titles in each language so that the four readers see
the same category.

Design choices:

* The data lives in ``resources/icf/catalogue.json`` and ``core_sets.json`` so that
  clinicians and translators can review plain files; nothing is read at import time
  (the domain stays pure and start-up stays fast). :func:`load_catalogue` reads once
  and caches.
* Only a work-relevant subset of ICF is carried (body functions ``b``, activities and
  participation ``d``, environmental factors ``e``); body structures ``s`` are left out
  because a fit-note describes capacities, not anatomy. Components and chapters are
  entries too, so a UI can browse the tree.
* Search must keep up with typing during a 10-minute consultation, so a normalised
  token index (accent- and case-folded, sorted for prefix lookup) is built once per
  catalogue; a query is a handful of ``bisect`` look-ups, not a scan of every label.

Stdlib only: this is the domain layer.
"""

from __future__ import annotations

import json
import re
import unicodedata
from bisect import bisect_left
from collections.abc import Iterable, Iterator, Mapping, Sequence
from dataclasses import dataclass, field
from functools import cache
from types import MappingProxyType
from typing import Any, Literal

from fitnote_desktop.resources import resource_path

__all__ = [
    "SUPPORTED_LANGUAGES",
    "CoreSet",
    "IcfCatalogue",
    "IcfCategory",
    "IcfDataError",
    "Qualifier",
    "SearchHit",
    "fold_text",
    "load_catalogue",
    "search",
]

#: Languages every label, hint and core-set name is provided in (Belgium's three official
#: languages plus English, the WHO reference language).
SUPPORTED_LANGUAGES: tuple[str, ...] = ("nl", "fr", "de", "en")

#: Components carried by the catalogue, in ICF order.
COMPONENTS: tuple[str, ...] = ("b", "d", "e")

Kind = Literal["component", "chapter", "category"]

# A component letter; a chapter digit 1-9; then 2, 3 or 4 more digits for the second,
# third and fourth ICF levels (b130, b1300, b28013).
_CODE_RE = re.compile(r"[bdes](?:[1-9](?:\d{2}(?:\d{1,2})?)?)?")
# What a user may type to look a code up: "d43", "D430", "d430.2" (a qualifier suffix is
# ignored) or "e310+2" (facilitator notation).
_CODE_QUERY_RE = re.compile(r"([bdes]\d{0,5})(?:[.+]\d*)?")

# A codable category (second level or deeper): what may carry a qualifier.
_CODABLE_RE = re.compile(r"[bdes][1-9]\d{2}(?:\d{1,2})?")

_EMPTY: Mapping[str, str] = MappingProxyType({})
_EMPTY_KW: Mapping[str, tuple[str, ...]] = MappingProxyType({})

# Scores. Tiers are far apart so that the tie-breakers (requested language, shorter code,
# code order) only ever order hits *within* a tier.
SCORE_EXACT_CODE = 1000
SCORE_CODE_PREFIX = 900
SCORE_LABEL_STARTS = 700
SCORE_LABEL_WORDS = 500
SCORE_KEYWORD_WORDS = 450
SCORE_LABEL_PREFIXES = 300
SCORE_KEYWORD_PREFIXES = 250
SCORE_TEXT_WORDS = 200
SCORE_TEXT_PREFIXES = 100

# Word prefixes up to this length have their postings merged in advance.
_SHORT_PREFIX = 2

# Index fields, best first: official label, curated keywords, hint and statement texts.
_FIELD_LABEL, _FIELD_KEYWORD, _FIELD_TEXT = 0, 1, 2


class IcfDataError(ValueError):
    """The catalogue or core-set data is inconsistent (a bug in ``resources/icf``)."""


# ---------------------------------------------------------------------------- text folding

# Letters that NFKD does not decompose but that users type as two ASCII letters.
_LIGATURES = str.maketrans({"œ": "oe", "æ": "ae", "ø": "o", "ł": "l", "đ": "d", "ð": "d"})
# German users often type umlauts as ae/oe/ue; German text is indexed both ways.
_UMLAUTS = str.maketrans({"ä": "ae", "ö": "oe", "ü": "ue"})
_NON_WORD = re.compile(r"[\W_]+")


def fold_text(text: str) -> str:
    """Case- and accent-fold *text* into space-separated words.

    Why: physicians type fast and without accents ("ecouter", "gedachtnis"), and the
    same fold must be applied to the index and to the query for matches to be exact.
    Casefold first (ß → ss), then NFKD and drop combining marks (é → e), then turn any
    punctuation, including apostrophes and hyphens, into word breaks.
    """
    folded = text.casefold()
    if not folded.isascii():  # fast path: most English text needs no decomposition
        folded = unicodedata.normalize("NFKD", folded.translate(_LIGATURES))
        folded = "".join(ch for ch in folded if not unicodedata.combining(ch))
    return " ".join(_NON_WORD.split(folded)).strip()


def _german_variant(text: str) -> str:
    """Fold German text with umlauts spelled out (Gedächtnis → gedaechtnis)."""
    return fold_text(unicodedata.normalize("NFC", text.casefold()).translate(_UMLAUTS))


# ---------------------------------------------------------------------------- value types


def _freeze(mapping: Mapping[str, str] | None) -> Mapping[str, str]:
    return MappingProxyType(dict(mapping)) if mapping else _EMPTY


def _code_kind(code: str) -> Kind:
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
    hints: Mapping[str, str] = field(default_factory=lambda: _EMPTY, hash=False)
    statement_templates: Mapping[str, str] = field(default_factory=lambda: _EMPTY, hash=False)
    keywords: Mapping[str, tuple[str, ...]] = field(default_factory=lambda: _EMPTY_KW, hash=False)

    @property
    def kind(self) -> Kind:
        """``component``, ``chapter`` or ``category``."""
        return _code_kind(self.code)

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
        return self.labels[_check_lang(lang)]

    def hint(self, lang: str) -> str | None:
        """Work-context hint in *lang*, if the catalogue has one."""
        return self.hints.get(_check_lang(lang))

    def statement_template(self, lang: str) -> str | None:
        """Positive fit-note opening in *lang*, if the catalogue has one."""
        return self.statement_templates.get(_check_lang(lang))


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
    fitnote_wording: Mapping[str, str] = field(default_factory=lambda: _EMPTY, hash=False)

    def label(self, lang: str) -> str:
        """ICF label in *lang*."""
        return self.labels[_check_lang(lang)]

    def wording(self, lang: str) -> str:
        """Positive fit-note wording in *lang* (falls back to the ICF label)."""
        lang = _check_lang(lang)
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
        return self.labels[_check_lang(lang)]


@dataclass(frozen=True, slots=True)
class SearchHit:
    """One search result.

    ``matched_lang`` is the language whose text matched, or ``None`` when the hit came
    from the code itself.
    """

    category: IcfCategory
    score: int
    matched_lang: str | None


def _check_lang(lang: str) -> str:
    if lang not in SUPPORTED_LANGUAGES:
        raise ValueError(f"unsupported language {lang!r}; expected one of {SUPPORTED_LANGUAGES}")
    return lang


# ---------------------------------------------------------------------------- catalogue


class IcfCatalogue:
    """The loaded catalogue: look-up, hierarchy, qualifiers, core sets and search.

    Construct it from data (``from_json``) or get the shipped one from
    :func:`load_catalogue`. The constructor validates the data and builds the search
    index, so a broken resource file fails loudly at first use instead of producing
    wrong fit-notes.
    """

    def __init__(
        self,
        categories: Iterable[IcfCategory],
        qualifiers: Iterable[Qualifier],
        core_sets: Iterable[CoreSet] = (),
        qualifier_notes: Mapping[str, str] | None = None,
    ) -> None:
        self._by_code: dict[str, IcfCategory] = {}
        for cat in categories:
            if cat.code in self._by_code:
                raise IcfDataError(f"duplicate ICF code {cat.code!r}")
            self._by_code[cat.code] = cat
        self._sorted: tuple[IcfCategory, ...] = tuple(
            sorted(self._by_code.values(), key=lambda c: c.code)
        )
        self._children: dict[str, list[IcfCategory]] = {}
        for cat in self._sorted:
            _validate_category(cat)
            if cat.parent is not None:
                if cat.parent not in self._by_code:
                    raise IcfDataError(f"{cat.code}: parent {cat.parent!r} is not in the catalogue")
                self._children.setdefault(cat.parent, []).append(cat)

        self._qualifiers: tuple[Qualifier, ...] = tuple(sorted(qualifiers, key=lambda q: q.value))
        self._qualifier_by_value = {q.value: q for q in self._qualifiers}
        if len(self._qualifier_by_value) != len(self._qualifiers):
            raise IcfDataError("duplicate qualifier value")
        for q in self._qualifiers:
            _require_all_languages(f"qualifier {q.value}", q.labels)
        self._qualifier_notes = _freeze(qualifier_notes)

        self._core_sets: tuple[CoreSet, ...] = tuple(core_sets)
        self._core_set_by_key = {cs.key: cs for cs in self._core_sets}
        if len(self._core_set_by_key) != len(self._core_sets):
            raise IcfDataError("duplicate core set key")
        for cs in self._core_sets:
            _require_all_languages(f"core set {cs.key}", cs.labels)
            for code in cs.codes:
                if not self.is_valid_code(code):
                    raise IcfDataError(f"core set {cs.key}: {code!r} is not a catalogued category")

        self._build_index()

    # ------------------------------------------------------------------ construction

    @classmethod
    def from_json(
        cls, catalogue: Mapping[str, Any], core_sets: Mapping[str, Any] | None = None
    ) -> IcfCatalogue:
        """Build from the decoded ``catalogue.json`` (and optionally ``core_sets.json``)."""
        try:
            categories = [_category_from_json(e) for e in catalogue["entries"]]
            qdata = catalogue["qualifiers"]
            qualifiers = [
                Qualifier(
                    value=int(q["value"]),
                    labels=_freeze(q["labels"]),
                    percent_range=(
                        (int(q["percent_range"][0]), int(q["percent_range"][1]))
                        if q.get("percent_range")
                        else None
                    ),
                    fitnote_wording=_freeze(q.get("fitnote_wording")),
                )
                for q in qdata["values"]
            ]
            sets = [
                CoreSet(
                    key=str(cs["key"]),
                    labels=_freeze(cs["labels"]),
                    codes=tuple(cs["codes"]),
                    source=str(cs.get("source", "")),
                )
                for cs in (core_sets or {}).get("core_sets", ())
            ]
        except (KeyError, TypeError, IndexError) as exc:
            raise IcfDataError(f"malformed ICF data: {exc!r}") from exc
        return cls(categories, qualifiers, sets, qdata.get("environmental_note"))

    # ------------------------------------------------------------------ look-up

    def __len__(self) -> int:
        return len(self._sorted)

    def __iter__(self) -> Iterator[IcfCategory]:
        """All entries (components, chapters, categories) in code order."""
        return iter(self._sorted)

    def __contains__(self, code: object) -> bool:
        return isinstance(code, str) and code in self._by_code

    def get(self, code: str) -> IcfCategory | None:
        """Entry for *code*; tolerant of case and surrounding spaces ("D430 " → d430)."""
        return self._by_code.get(code.strip().lower())

    def is_valid_code(self, code: str) -> bool:
        """Whether *code* is a catalogued, codable category written canonically.

        Why strict: this guards what gets signed and sent, so "D430" or "d4" (a chapter,
        which carries no qualifier) are rejected; use :meth:`get` for lenient look-up.
        """
        cat = self._by_code.get(code) if isinstance(code, str) else None
        return cat is not None and cat.is_codable

    def categories(self) -> tuple[IcfCategory, ...]:
        """Codable categories only, in code order."""
        return tuple(c for c in self._sorted if c.is_codable)

    def children(self, code: str) -> tuple[IcfCategory, ...]:
        """Direct children of *code* (chapters of a component, categories of a chapter...)."""
        cat = self.get(code)
        return tuple(self._children.get(cat.code, ())) if cat else ()

    def ancestors(self, code: str) -> tuple[IcfCategory, ...]:
        """Component first, down to the parent of *code* (for breadcrumbs)."""
        cat = self.get(code)
        chain: list[IcfCategory] = []
        while cat is not None and cat.parent is not None:
            cat = self._by_code[cat.parent]
            chain.append(cat)
        return tuple(reversed(chain))

    def components(self) -> tuple[IcfCategory, ...]:
        """The component entries (b, d, e)."""
        return tuple(c for c in self._sorted if c.kind == "component")

    def chapters(self, component: str | None = None) -> tuple[IcfCategory, ...]:
        """Chapter entries, optionally of one component."""
        return tuple(
            c
            for c in self._sorted
            if c.kind == "chapter" and (component is None or c.component == component)
        )

    def label(self, code: str, lang: str) -> str:
        """Title of *code* in *lang*; ``KeyError`` for an unknown code."""
        cat = self.get(code)
        if cat is None:
            raise KeyError(code)
        return cat.label(lang)

    # ------------------------------------------------------------------ qualifiers

    @property
    def qualifiers(self) -> tuple[Qualifier, ...]:
        """The generic qualifier scale, 0-4 then 8 and 9."""
        return self._qualifiers

    def qualifier(self, value: int) -> Qualifier | None:
        """Scale entry for *value*, or ``None``."""
        if isinstance(value, bool) or not isinstance(value, int):
            return None
        return self._qualifier_by_value.get(value)

    def is_valid_qualifier(self, value: object) -> bool:
        """Whether *value* is on the scale (an ``int``; ``True`` is not 1 here)."""
        return isinstance(value, int) and self.qualifier(value) is not None

    def qualifier_note(self, lang: str) -> str:
        """Why an e-code qualifier reads as a barrier, in *lang* (empty if not provided)."""
        return self._qualifier_notes.get(_check_lang(lang), "")

    # ------------------------------------------------------------------ core sets

    @property
    def core_sets(self) -> tuple[CoreSet, ...]:
        """Suggested selections, in file order."""
        return self._core_sets

    def core_set(self, key: str) -> CoreSet | None:
        """Core set by key, or ``None``."""
        return self._core_set_by_key.get(key)

    # ------------------------------------------------------------------ search

    def _build_index(self) -> None:
        """Build the structures :meth:`search` uses, once per catalogue.

        A *slot* is ``entry_index * 4 + language_index``: one language's text of one
        entry. ``_tokens`` is the sorted list of folded words with, per token, its
        ``(slot, field)`` postings, so a word prefix is a contiguous ``bisect`` range.
        Prefixes of one or two letters match hundreds of tokens, so their merged
        slot → level maps are precomputed (keystroke-by-keystroke search starts there).
        ``_starts`` is the sorted list of folded labels, to find labels that *start*
        with the query by ``bisect`` as well.
        """
        postings: dict[str, set[tuple[int, int]]] = {}
        starts: set[tuple[str, int]] = set()

        def add(slot: int, fld: int, texts: Iterable[str], german: bool) -> None:
            for text in texts:
                folded = {fold_text(text)}
                if german:
                    folded.add(_german_variant(text))
                if fld == _FIELD_LABEL:
                    starts.update((f, slot) for f in folded)
                for token in " ".join(folded).split():
                    postings.setdefault(token, set()).add((slot, fld))

        for ci, cat in enumerate(self._sorted):
            for li, lang in enumerate(SUPPORTED_LANGUAGES):
                slot = ci * 4 + li
                german = lang == "de"
                add(slot, _FIELD_LABEL, [cat.labels[lang]], german)
                add(slot, _FIELD_KEYWORD, cat.keywords.get(lang, ()), german)
                extra = [cat.hints.get(lang, ""), cat.statement_templates.get(lang, "")]
                add(slot, _FIELD_TEXT, extra, german)

        self._tokens: list[str] = sorted(postings)
        self._postings: list[tuple[tuple[int, int], ...]] = [
            tuple(sorted(postings[t])) for t in self._tokens
        ]
        self._starts: list[tuple[str, int]] = sorted(starts)
        self._short_prefix_levels: dict[str, dict[int, int]] = {}
        for token, token_postings in zip(self._tokens, self._postings, strict=True):
            for n in range(1, min(_SHORT_PREFIX, len(token)) + 1):
                levels = self._short_prefix_levels.setdefault(token[:n], {})
                partial = 0 if n == len(token) else 1
                for slot, fld in token_postings:
                    level = fld * 2 + partial
                    if level < levels.get(slot, 99):
                        levels[slot] = level

    def search(
        self,
        query: str,
        lang: str | None = None,
        limit: int = 20,
        *,
        codable_only: bool = False,
    ) -> list[SearchHit]:
        """Rank entries matching *query* by code or by words in any supported language.

        A code query ("d43", "D430", "d430.2") matches that code exactly (best) and every
        code that starts with it. A word query matches when every word is a prefix of some
        word of one language's text, folded for case and accents. Ranking, best first:
        exact code > code prefix > label starting with the query > all words whole in the
        label > whole in label+keywords > word prefixes in the label > in keywords >
        hints/templates. Ties prefer *lang*, then shorter (more general) codes, then code
        order. *codable_only* drops components and chapters (for a capacity picker).
        """
        if lang is not None:
            _check_lang(lang)
        if not isinstance(query, str) or limit <= 0:
            return []
        words = fold_text(query).split()
        if not words:
            return []

        # best[entry_index] = (score, matched_lang)
        best: dict[int, tuple[int, str | None]] = {}
        self._score_code(query, best)
        self._score_words(words, lang, best)

        ranked = sorted(
            (
                -score,
                0 if lang is not None and mlang == lang else 1,
                len(self._sorted[ci].code),
                self._sorted[ci].code,
                ci,
                mlang,
            )
            for ci, (score, mlang) in best.items()
            if not codable_only or self._sorted[ci].is_codable
        )
        return [
            SearchHit(self._sorted[ci], -neg_score, mlang)
            for neg_score, _, _, _, ci, mlang in ranked[:limit]
        ]

    def _score_code(self, query: str, best: dict[int, tuple[int, str | None]]) -> None:
        match = _CODE_QUERY_RE.fullmatch(query.strip().lower())
        if match is None:
            return
        prefix = match.group(1)
        start = bisect_left(self._sorted, prefix, key=lambda c: c.code)
        for ci in range(start, len(self._sorted)):
            code = self._sorted[ci].code
            if not code.startswith(prefix):
                break
            best[ci] = (SCORE_EXACT_CODE if code == prefix else SCORE_CODE_PREFIX, None)

    def _word_levels(self, word: str) -> dict[int, int]:
        """Slot → best level for *word*; level = field * 2 + (0 whole word | 1 prefix)."""
        cached = self._short_prefix_levels.get(word)
        if cached is not None or len(word) <= _SHORT_PREFIX:
            return cached or {}
        levels: dict[int, int] = {}
        tokens = self._tokens
        i = bisect_left(tokens, word)
        while i < len(tokens) and tokens[i].startswith(word):
            partial = 0 if tokens[i] == word else 1
            for slot, fld in self._postings[i]:
                level = fld * 2 + partial
                if level < levels.get(slot, 99):
                    levels[slot] = level
            i += 1
        return levels

    def _label_start_slots(self, phrase: str) -> set[int]:
        """Slots whose folded label starts with *phrase*."""
        found: set[int] = set()
        i = bisect_left(self._starts, (phrase, -1))
        while i < len(self._starts) and self._starts[i][0].startswith(phrase):
            found.add(self._starts[i][1])
            i += 1
        return found

    def _score_words(
        self, words: Sequence[str], lang: str | None, best: dict[int, tuple[int, str | None]]
    ) -> None:
        per_word = [self._word_levels(word) for word in words]
        if not all(per_word):
            return  # a word matching nothing: no text can contain all the words
        per_word.sort(key=len)
        starting = self._label_start_slots(" ".join(words))
        rest = per_word[1:]
        for slot, first in per_word[0].items():
            worst = first
            whole = not first & 1
            for levels in rest:
                level = levels.get(slot)
                if level is None:
                    break
                if level > worst:
                    worst = level
                if level & 1:
                    whole = False
            else:
                fld = worst >> 1
                if fld == _FIELD_LABEL:
                    if slot in starting:
                        score = SCORE_LABEL_STARTS
                    else:
                        score = SCORE_LABEL_WORDS if whole else SCORE_LABEL_PREFIXES
                elif fld == _FIELD_KEYWORD:
                    score = SCORE_KEYWORD_WORDS if whole else SCORE_KEYWORD_PREFIXES
                else:
                    score = SCORE_TEXT_WORDS if whole else SCORE_TEXT_PREFIXES
                ci, li = divmod(slot, 4)
                mlang = SUPPORTED_LANGUAGES[li]
                current = best.get(ci)
                if (
                    current is None
                    or score > current[0]
                    or (score == current[0] and mlang == lang and current[1] != lang)
                ):
                    best[ci] = (score, mlang)


# ---------------------------------------------------------------------------- validation


def _require_all_languages(what: str, labels: Mapping[str, str]) -> None:
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


def _validate_category(cat: IcfCategory) -> None:
    if not _CODE_RE.fullmatch(cat.code):
        raise IcfDataError(f"malformed ICF code {cat.code!r}")
    if cat.code[0] not in COMPONENTS:
        raise IcfDataError(f"{cat.code}: component {cat.code[0]!r} is not catalogued")
    if cat.parent != _expected_parent(cat.code):
        raise IcfDataError(
            f"{cat.code}: parent {cat.parent!r}, expected {_expected_parent(cat.code)!r}"
        )
    _require_all_languages(cat.code, cat.labels)


def _category_from_json(entry: Mapping[str, Any]) -> IcfCategory:
    code = str(entry["code"])
    declared = entry.get("kind")
    if declared is not None and declared != _code_kind(code):
        raise IcfDataError(f"{code}: kind {declared!r} does not match the code")
    keywords = entry.get("keywords") or {}
    return IcfCategory(
        code=code,
        parent=entry.get("parent"),
        component=code[0],
        chapter=code[:2] if len(code) >= 2 else None,
        labels=_freeze(entry["labels"]),
        hints=_freeze(entry.get("hints")),
        statement_templates=_freeze(entry.get("statement_templates")),
        keywords=(
            MappingProxyType({k: tuple(v) for k, v in keywords.items()}) if keywords else _EMPTY_KW
        ),
    )


# ---------------------------------------------------------------------------- shipped data


@cache
def load_catalogue() -> IcfCatalogue:
    """The shipped catalogue, read from ``resources/icf`` on first call and then cached."""
    with resource_path("icf", "catalogue.json").open(encoding="utf-8") as fh:
        catalogue = json.load(fh)
    with resource_path("icf", "core_sets.json").open(encoding="utf-8") as fh:
        core_sets = json.load(fh)
    return IcfCatalogue.from_json(catalogue, core_sets)


def search(
    query: str, lang: str | None = None, limit: int = 20, *, codable_only: bool = False
) -> list[SearchHit]:
    """Search the shipped catalogue; see :meth:`IcfCatalogue.search`."""
    return load_catalogue().search(query, lang, limit, codable_only=codable_only)


def is_codable_syntax(code: str) -> bool:
    """Whether ``code`` is written like a codable ICF category (b130, d4300, e310)."""
    return bool(_CODABLE_RE.fullmatch(code))


def capacity_notation(code: str, qualifier: int) -> str:
    """The ICF notation of a fit-note statement with its generic qualifier.

    A fit-note states what the patient *can* do: for activities and participation the
    qualifier is the second one, *capacity*, after an unspecified performance slot
    (``d430._2``). Body functions carry a single impairment qualifier (``b130.2``).
    Environmental factors grade a barrier (``e310.2``), never a capacity of the patient.
    """
    if code.startswith("d"):
        return f"{code}._{qualifier}"
    return f"{code}.{qualifier}"
