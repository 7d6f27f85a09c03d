"""A period's own rules: present, ordered, not absurdly long, near the consultation.

Shared by the incapacity certificate and the standalone fit note, which both carry one.
"""

from __future__ import annotations

from datetime import date, timedelta

from fitnote_desktop.domain.findings import Finding
from fitnote_desktop.domain.model import Period
from fitnote_desktop.domain.rules.common import err, warn

RETROACTIVE_WARNING_DAYS = 7  # begin this many days before the consultation: unusual
FUTURE_WARNING_DAYS = 30  # begin this many days after the consultation: unusual
LONG_PERIOD_DAYS = 365


def check_period(
    period: Period | None,
    field: str,
    *,
    consultation: date | None = None,
    end_required: bool = True,
) -> list[Finding]:
    if period is None:
        return [err("period.missing", field)]
    out: list[Finding] = []
    if period.end is None:
        if end_required:
            out.append(err("period.end_missing", f"{field}.end"))
    elif period.end < period.begin:
        out.append(err("period.inverted", f"{field}.end"))
    elif (period.end - period.begin).days + 1 > LONG_PERIOD_DAYS:
        out.append(
            warn("period.very_long", f"{field}.end", days=(period.end - period.begin).days + 1)
        )
    if consultation is not None:
        if period.begin < consultation - timedelta(days=RETROACTIVE_WARNING_DAYS):
            out.append(
                warn(
                    "period.begin_far_past",
                    f"{field}.begin",
                    days=(consultation - period.begin).days,
                )
            )
        elif period.begin > consultation + timedelta(days=FUTURE_WARNING_DAYS):
            out.append(
                warn(
                    "period.begin_far_future",
                    f"{field}.begin",
                    days=(period.begin - consultation).days,
                )
            )
    return out
