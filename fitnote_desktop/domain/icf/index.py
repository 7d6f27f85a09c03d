"""The search index: built once per catalogue so a keystroke is a few ``bisect`` look-ups.

A physician searches while typing during a short consultation; scanning every label of
four languages per keystroke would lag. The index holds the folded words of each entry's
label, keywords and texts, sorted for prefix look-up, and ranks hits in score tiers.
"""

from __future__ import annotations

import re
from bisect import bisect_left
from collections.abc import Iterable, Sequence

from fitnote_desktop.domain.icf.entries import (
    SUPPORTED_LANGUAGES,
    IcfCategory,
    SearchHit,
    check_lang,
)
from fitnote_desktop.domain.icf.text import fold_text, german_variant

# What a user may type to look a code up: "d43", "D430", "d430.2" (a qualifier suffix is
# ignored) or "e310+2" (facilitator notation).
_CODE_QUERY_RE = re.compile(r"([bdes]\d{0,5})(?:[.+]\d*)?")

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


class SearchIndex:
    """Folded-word and label-start index over one catalogue's entries, in code order."""

    def __init__(self, entries: tuple[IcfCategory, ...]) -> None:
        """Build the structures :meth:`search` uses, once per catalogue.

        A *slot* is ``entry_index * 4 + language_index``: one language's text of one
        entry. ``_tokens`` is the sorted list of folded words with, per token, its
        ``(slot, field)`` postings, so a word prefix is a contiguous ``bisect`` range.
        Prefixes of one or two letters match hundreds of tokens, so their merged
        slot → level maps are precomputed (keystroke-by-keystroke search starts there).
        ``_starts`` is the sorted list of folded labels, to find labels that *start*
        with the query by ``bisect`` as well.
        """
        self._entries = entries
        postings: dict[str, set[tuple[int, int]]] = {}
        starts: set[tuple[str, int]] = set()

        def add(slot: int, fld: int, texts: Iterable[str], german: bool) -> None:
            for text in texts:
                folded = {fold_text(text)}
                if german:
                    folded.add(german_variant(text))
                if fld == _FIELD_LABEL:
                    starts.update((f, slot) for f in folded)
                for token in " ".join(folded).split():
                    postings.setdefault(token, set()).add((slot, fld))

        for ci, cat in enumerate(self._entries):
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
        """Ranked hits for *query*; the ranking is documented on :meth:`IcfCatalogue.search`."""
        if lang is not None:
            check_lang(lang)
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
                len(self._entries[ci].code),
                self._entries[ci].code,
                ci,
                mlang,
            )
            for ci, (score, mlang) in best.items()
            if not codable_only or self._entries[ci].is_codable
        )
        return [
            SearchHit(self._entries[ci], -neg_score, mlang)
            for neg_score, _, _, _, ci, mlang in ranked[:limit]
        ]

    def _score_code(self, query: str, best: dict[int, tuple[int, str | None]]) -> None:
        match = _CODE_QUERY_RE.fullmatch(query.strip().lower())
        if match is None:
            return
        prefix = match.group(1)
        start = bisect_left(self._entries, prefix, key=lambda c: c.code)
        for ci in range(start, len(self._entries)):
            code = self._entries[ci].code
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
