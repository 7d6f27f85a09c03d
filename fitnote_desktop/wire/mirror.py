"""The JSON of ``GET /v1/mirror``: anonymised figures per pathology group, both directions.

A cell is either the figures of a group (``domain.mirror.GroupFigures`` without its
physician count: how many physicians made a cell is not published) or
``{"group": id, "suppressed": true}`` when too few physicians or certificates made it.
The endpoint encodes with :func:`cell_json`, the client decodes with :func:`cell_from`.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from fitnote_desktop.domain.mirror import DURATION_BINS, GroupFigures

NATIONAL = "BE"  # the region code of "all of Belgium"
MAX_MONTHS = 24
DEFAULT_MONTHS = 12


def cell_json(figures: GroupFigures, *, suppressed: bool) -> dict[str, Any]:
    if suppressed:
        return {"group": figures.group, "suppressed": True}
    return {
        "group": figures.group,
        "suppressed": False,
        "certificates": figures.certificates,
        "episodes": figures.episodes,
        "median_days": figures.median_days,
        "distribution": list(figures.distribution),
        "fit_note_share": figures.fit_note_share,
        "prolonged_share": figures.prolonged_share,
        "partial_resumption_share": figures.partial_resumption_share,
    }


def _share(value: object) -> float | None:
    return float(value) if isinstance(value, int | float) else None


def cell_from(raw: Mapping[str, Any]) -> GroupFigures | None:
    """The figures of a cell, None for a suppressed one."""
    if raw.get("suppressed", True):
        return None
    distribution = tuple(int(x) for x in raw.get("distribution") or ())
    if len(distribution) != len(DURATION_BINS):
        distribution = (0,) * len(DURATION_BINS)
    return GroupFigures(
        group=str(raw["group"]),
        certificates=int(raw.get("certificates", 0)),
        episodes=int(raw.get("episodes", 0)),
        median_days=_share(raw.get("median_days")),
        distribution=distribution,
        fit_note_share=_share(raw.get("fit_note_share")),
        prolonged_share=_share(raw.get("prolonged_share")),
        partial_resumption_share=_share(raw.get("partial_resumption_share")),
    )
