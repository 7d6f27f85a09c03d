"""ICF search benchmark: the queries a GP types during a consultation, against a naive scan.

The unit tests check what search finds; how fast it finds it is measured here. Figures
are ratios to a baseline measured in the same run, so they compare across machines: the
baseline is the simplest search there is, a substring test of the folded query against
every catalogue entry's folded label in one language (no index, no ranking). Run with:

    FITNOTE_PERF=1 python -m pytest tests/perf/test_icf_perf.py -s
"""

from __future__ import annotations

import pytest
from support.timing import median_seconds

from fitnote_desktop.domain.icf import fold_text, load_catalogue, search

pytestmark = pytest.mark.perf

ROUNDS = 200
QUERIES = ("d43", "tillen", "soulever et porter", "Gedächtnis", "stress", "e", "low back pain")


def test_search_per_query_against_a_naive_scan() -> None:
    catalogue = load_catalogue()
    folded_labels = [(cat.code, fold_text(cat.label("nl"))) for cat in catalogue]

    def naive_scan(query: str) -> list[str]:
        needle = fold_text(query)
        return [code for code, label in folded_labels if needle in label]

    print()
    print(f"{'query':<22} {'hits':>5} {'search µs':>10} {'scan µs':>9} {'x scan':>7}")
    for query in QUERIES:
        hits = len(search(query))
        searched = median_seconds(lambda q=query: search(q), ROUNDS)
        scanned = median_seconds(lambda q=query: naive_scan(q), ROUNDS)
        print(
            f"{query:<22} {hits:>5} {searched * 1e6:>10.1f} {scanned * 1e6:>9.1f} "
            f"{searched / scanned:>7.2f}"
        )
