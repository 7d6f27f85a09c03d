"""The loaded ICF catalogue: look-up, hierarchy, qualifiers, core sets, and its search.

:func:`load_catalogue` gives the shipped one, read once from ``resources/icf``.
"""

from __future__ import annotations

import json
from collections.abc import Iterable, Iterator, Mapping
from functools import cache
from typing import Any

from fitnote_desktop.domain.icf.data import (
    category_from_json,
    require_all_languages,
    validate_category,
)
from fitnote_desktop.domain.icf.entries import (
    CoreSet,
    IcfCategory,
    IcfDataError,
    Qualifier,
    SearchHit,
    check_lang,
    freeze,
)
from fitnote_desktop.domain.icf.index import SearchIndex
from fitnote_desktop.resources import resource_path


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
            validate_category(cat)
            if cat.parent is not None:
                if cat.parent not in self._by_code:
                    raise IcfDataError(f"{cat.code}: parent {cat.parent!r} is not in the catalogue")
                self._children.setdefault(cat.parent, []).append(cat)

        self._qualifiers: tuple[Qualifier, ...] = tuple(sorted(qualifiers, key=lambda q: q.value))
        self._qualifier_by_value = {q.value: q for q in self._qualifiers}
        if len(self._qualifier_by_value) != len(self._qualifiers):
            raise IcfDataError("duplicate qualifier value")
        for q in self._qualifiers:
            require_all_languages(f"qualifier {q.value}", q.labels)
        self._qualifier_notes = freeze(qualifier_notes)

        self._core_sets: tuple[CoreSet, ...] = tuple(core_sets)
        self._core_set_by_key = {cs.key: cs for cs in self._core_sets}
        if len(self._core_set_by_key) != len(self._core_sets):
            raise IcfDataError("duplicate core set key")
        for cs in self._core_sets:
            require_all_languages(f"core set {cs.key}", cs.labels)
            for code in cs.codes:
                if not self.is_valid_code(code):
                    raise IcfDataError(f"core set {cs.key}: {code!r} is not a catalogued category")

        self._index = SearchIndex(self._sorted)

    # ------------------------------------------------------------------ construction

    @classmethod
    def from_json(
        cls, catalogue: Mapping[str, Any], core_sets: Mapping[str, Any] | None = None
    ) -> IcfCatalogue:
        """Build from the decoded ``catalogue.json`` (and optionally ``core_sets.json``)."""
        try:
            categories = [category_from_json(e) for e in catalogue["entries"]]
            qdata = catalogue["qualifiers"]
            qualifiers = [
                Qualifier(
                    value=int(q["value"]),
                    labels=freeze(q["labels"]),
                    percent_range=(
                        (int(q["percent_range"][0]), int(q["percent_range"][1]))
                        if q.get("percent_range")
                        else None
                    ),
                    fitnote_wording=freeze(q.get("fitnote_wording")),
                )
                for q in qdata["values"]
            ]
            sets = [
                CoreSet(
                    key=str(cs["key"]),
                    labels=freeze(cs["labels"]),
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
        return self._qualifier_notes.get(check_lang(lang), "")

    # ------------------------------------------------------------------ core sets

    @property
    def core_sets(self) -> tuple[CoreSet, ...]:
        """Suggested selections, in file order."""
        return self._core_sets

    def core_set(self, key: str) -> CoreSet | None:
        """Core set by key, or ``None``."""
        return self._core_set_by_key.get(key)

    # ------------------------------------------------------------------ search

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
        return self._index.search(query, lang, limit, codable_only=codable_only)


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
