"""The contract of ``GET /v1/mirror`` (anonymised figures per pathology group).

The answer holds ``region_figures`` and ``national_figures``: lists of cells, each either
the figures of one group (counts, ``median_days``, ``distribution`` as episodes per
length class of ``bins``, shares as fractions 0..1) or
``{"group": id, "suppressed": true}`` when too few physicians or certificates made it.
How many physicians made a cell is never published.
"""

from __future__ import annotations

NATIONAL = "BE"  # the region code of "all of Belgium"
MAX_MONTHS = 24
DEFAULT_MONTHS = 12
