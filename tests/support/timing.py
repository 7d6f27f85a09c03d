"""Timing for the benchmarks in ``tests/perf``: the median of repeated runs after a warm-up.

The median, not the mean: one run slowed by the garbage collector or another process
on a shared machine should not move the figure.
"""

from __future__ import annotations

import statistics
import time
from collections.abc import Callable


def median_seconds(action: Callable[[], object], rounds: int) -> float:
    """Median wall time of ``action`` over ``rounds`` runs, after one untimed warm-up run
    (imports, module initialisation, caches)."""
    action()
    times = []
    for _ in range(rounds):
        start = time.perf_counter()
        action()
        times.append(time.perf_counter() - start)
    return statistics.median(times)
