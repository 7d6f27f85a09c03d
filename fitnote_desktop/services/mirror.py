"""Mirror information: the physician's own figures beside the region's and Belgium's.

Own figures come from the profile (``MirrorFacts`` port, no network), the peers'
from the endpoint (``PeerFigures`` port, which may be offline): the screen shows the
first at once and the second when, and if, it arrives. The CSV export is written here
so that the file has the same figures whatever shows them.
"""

from __future__ import annotations

import csv
import io
from dataclasses import dataclass
from datetime import date
from typing import Protocol

from fitnote_desktop.domain.mirror import (
    ALL_GROUPS,
    DURATION_BINS,
    CertificateFact,
    GroupFigures,
    group_figures,
)
from fitnote_desktop.domain.periods import add_months
from fitnote_desktop.gc_pause import gc_paused
from fitnote_desktop.services.errors import ServiceError
from fitnote_desktop.services.ports import Clock

DEFAULT_MONTHS = 12
LOOK_BACK_MONTHS = 12  # facts read before the window, to recognise episodes begun earlier


class MirrorFacts(Protocol):
    """The profile's issued certificates reduced to mirror facts."""

    def facts(self, since: date) -> list[CertificateFact]: ...


@dataclass(frozen=True)
class PeerReport:
    """The endpoint's answer: per group, figures or None (suppressed cell)."""

    region: str
    since: date
    region_cells: dict[str, GroupFigures | None]
    national_cells: dict[str, GroupFigures | None]
    synthetic: bool = False  # the demo endpoint's figures include its synthetic population


class PeerFigures(Protocol):
    """Regional aggregates from the endpoint; raises when it cannot be reached."""

    def regional(self, months: int, region: str = "") -> PeerReport: ...


@dataclass(frozen=True)
class OwnReport:
    since: date
    months: int
    groups: tuple[GroupFigures, ...]  # ALL_GROUPS last

    def by_group(self) -> dict[str, GroupFigures]:
        return {g.group: g for g in self.groups}


class Mirror:
    """The use cases of the mirror screen and ``fitnote-desktop mirror``."""

    def __init__(
        self, *, facts: MirrorFacts, peers: PeerFigures | None, clock: Clock = date.today
    ) -> None:
        self._facts = facts
        self._peers = peers
        self._clock = clock

    @property
    def has_peers(self) -> bool:
        return self._peers is not None

    def own(self, months: int = DEFAULT_MONTHS) -> OwnReport:
        """The physician's figures over the last ``months`` months."""
        since = add_months(self._clock(), -months)
        with gc_paused():  # a fact per certificate, then dropped: no cycle among them
            facts = self._facts.facts(add_months(since, -LOOK_BACK_MONTHS))
            return OwnReport(since, months, group_figures(facts, since))

    def peers(self, months: int = DEFAULT_MONTHS, region: str = "") -> PeerReport:
        """The region's and Belgium's figures (the caller's region when ``region`` is empty).

        Raises ``ServiceError("transport.not_configured")`` without an endpoint, and the
        transport's errors when it cannot be reached: the caller shows its own figures.
        """
        if self._peers is None:
            raise ServiceError("transport.not_configured")
        return self._peers.regional(months, region)


CSV_SCOPES = ("you", "region", "all")
CSV_HEADER = (
    "scope",
    "group",
    "group_label",
    "certificates",
    "episodes",
    "median_days",
    *(f"days_{low}_{high}" if high else f"days_{low}_plus" for low, high in DURATION_BINS),
    "fit_note_share",
    "prolonged_share",
    "partial_resumption_share",
    "suppressed",
)


def _cell(value: float | None, *, share: bool = False) -> str:
    if value is None:
        return ""
    return f"{value:.3f}" if share else f"{value:g}"


def _csv_row(scope: str, group: str, label: str, fig: GroupFigures | None) -> list[str]:
    if fig is None:
        return [scope, group, label, *([""] * (len(CSV_HEADER) - 4)), "yes"]
    return [
        scope,
        group,
        label,
        str(fig.certificates),
        str(fig.episodes),
        _cell(fig.median_days),
        *(str(n) for n in fig.distribution),
        _cell(fig.fit_note_share, share=True),
        _cell(fig.prolonged_share, share=True),
        _cell(fig.partial_resumption_share, share=True),
        "no",
    ]


def csv_text(own: OwnReport, peers: PeerReport | None, labels: dict[str, str] | None = None) -> str:
    """The figures as CSV (one row per scope and group; shares as fractions 0..1).

    ``labels`` maps group ids to the names shown in the UI language. Groups come in
    the order of ``own`` then any group only the peers have; ``all`` last.
    """
    labels = labels or {}
    groups = group_order(own, peers)
    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\n")
    writer.writerow(CSV_HEADER)
    mine = own.by_group()
    for group in groups:
        label = labels.get(group, group)
        if group in mine:
            writer.writerow(_csv_row("you", group, label, mine[group]))
        if peers is not None:
            for scope, cells in (("region", peers.region_cells), ("all", peers.national_cells)):
                if group in cells:
                    writer.writerow(_csv_row(scope, group, label, cells[group]))
    return out.getvalue()


def group_order(own: OwnReport, peers: PeerReport | None) -> list[str]:
    """The groups the screen and the CSV list: own groups first, ``all`` last."""
    seen: list[str] = [g.group for g in own.groups if g.group != ALL_GROUPS]
    if peers is not None:
        for cells in (peers.region_cells, peers.national_cells):
            seen += [g for g in sorted(cells) if g != ALL_GROUPS and g not in seen]
    return [*seen, ALL_GROUPS]
