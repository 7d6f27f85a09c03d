"""``GET /mirror``: anonymised figures per pathology group of a region and of Belgium,
for treating physicians comparing their own prescribing (``endpoint.mirror``)."""

from __future__ import annotations

from datetime import date
from typing import Annotated

from fastapi import APIRouter, Query
from pydantic import BaseModel

from fitnote_desktop.domain.mirror import DURATION_BINS
from fitnote_desktop.endpoint import mirror
from fitnote_desktop.endpoint.deps import Auth, Context, Db
from fitnote_desktop.endpoint.errors import ApiError, error_responses
from fitnote_desktop.wire import routes
from fitnote_desktop.wire.mirror import DEFAULT_MONTHS, MAX_MONTHS, NATIONAL

router = APIRouter(tags=["mirror"])

REGION_PATTERN = r"^[A-Z]{2}(-[A-Z0-9]{1,5})?$"


class MirrorCellOut(BaseModel):
    """One pathology group; only ``group`` and ``suppressed`` when the cell is too small."""

    group: str
    suppressed: bool
    certificates: int | None = None
    episodes: int | None = None
    median_days: float | None = None
    distribution: list[int] | None = None
    fit_note_share: float | None = None
    prolonged_share: float | None = None
    partial_resumption_share: float | None = None


class MirrorThresholdsOut(BaseModel):
    physicians: int
    certificates: int


class MirrorOut(BaseModel):
    region: str
    months: int
    since: date
    includes_synthetic: bool
    thresholds: MirrorThresholdsOut
    bins: list[list[int | None]]
    region_figures: list[MirrorCellOut]
    national_figures: list[MirrorCellOut]


@router.get(
    routes.MIRROR,
    response_model=MirrorOut,
    response_model_exclude_none=True,
    responses=error_responses(
        "auth.required", "auth.session_invalid", "auth.session_expired", "mirror.treating_only"
    ),
)
def regional_figures(
    caller: Auth,
    dbs: Db,
    context: Context,
    region: Annotated[str | None, Query(pattern=REGION_PATTERN, max_length=8)] = None,
    months: Annotated[int, Query(ge=1, le=MAX_MONTHS)] = DEFAULT_MONTHS,
) -> MirrorOut:
    """Figures of ``region`` (default: the caller's, from the registry) and of Belgium.

    A cell (region × pathology group) is published only when at least 10 distinct
    physicians and 50 certificates made it, else ``suppressed``. Computed from the
    accepted documents (plus, on a demo endpoint, its marked synthetic population) and
    cached for a minute. No patient or physician identity is part of the answer.
    """
    if caller.role != "treating":
        raise ApiError("mirror.treating_only")
    wanted = region or mirror.caller_region(dbs, caller.riziv)
    today = context.settings.clock().date()
    key = (months, today)
    computed = context.mirror.get(key)
    if computed is None:
        computed = mirror.compute(dbs, today, months)
        context.mirror.put(key, computed)
    cells = computed["cells"]
    return MirrorOut(
        region=wanted,
        months=months,
        since=date.fromisoformat(computed["since"]),
        includes_synthetic=computed["synthetic"],
        thresholds=MirrorThresholdsOut(
            physicians=mirror.MIN_PHYSICIANS, certificates=mirror.MIN_CERTIFICATES
        ),
        bins=[[low, high] for low, high in DURATION_BINS],
        region_figures=[MirrorCellOut(**c) for c in cells.get(wanted, [])] if wanted else [],
        national_figures=[MirrorCellOut(**c) for c in cells[NATIONAL]],
    )
