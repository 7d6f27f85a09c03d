"""Text folding shared by the search index and its queries: case, accents, German umlauts."""

from __future__ import annotations

import re
import unicodedata

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


def german_variant(text: str) -> str:
    """Fold German text with umlauts spelled out (Gedächtnis → gedaechtnis)."""
    return fold_text(unicodedata.normalize("NFC", text.casefold()).translate(_UMLAUTS))
