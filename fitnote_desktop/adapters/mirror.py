"""The mirror's ports: the profile's certificates as facts, the endpoint's regional figures.

``StoreMirrorFacts`` maps each issued certificate's principal diagnosis code to its
pathology group (``domain.pathology``) and drops everything else; ``EndpointPeers``
turns the JSON of ``GET /v1/mirror`` into a ``PeerReport``.
"""

from __future__ import annotations

from collections.abc import Mapping
from datetime import date
from typing import TYPE_CHECKING, Any

from fitnote_desktop.domain.mirror import (
    DURATION_BINS,
    OTHER_GROUP,
    CertificateFact,
    GroupFigures,
)
from fitnote_desktop.domain.pathology import group_of
from fitnote_desktop.services.errors import ServiceError
from fitnote_desktop.services.mirror import PeerReport
from fitnote_desktop.store.engine import Database
from fitnote_desktop.store.mirror_facts import certificate_rows

if TYPE_CHECKING:
    from fitnote_desktop.transport.client import EndpointClient


class StoreMirrorFacts:
    """The ``MirrorFacts`` port over an unlocked profile's database."""

    def __init__(self, database: Database) -> None:
        self._db = database

    def facts(self, since: date) -> list[CertificateFact]:
        # one pass over 10,000 rows: the few hundred distinct codes and dates are mapped
        # once, and the loop body is kept to dictionary look-ups (it is most of mirror.ms)
        groups: dict[tuple[str, str], str] = {}
        days: dict[str, date] = {}
        out = []
        for patient, kind, begin, end, code, system, fit_note in certificate_rows(self._db, since):
            if begin is None:
                continue
            group = groups.get((system, code))
            if group is None:
                group = groups[system, code] = group_of(system, code) or OTHER_GROUP
            start = days.get(begin)
            if start is None:
                start = days[begin] = date.fromisoformat(begin)
            finish = None
            if end is not None:
                finish = days.get(end)
                if finish is None:
                    finish = days[end] = date.fromisoformat(end)
            out.append(CertificateFact(patient, kind, start, finish, group, fit_note != 0))
        return out


def _share(value: object) -> float | None:
    return float(value) if isinstance(value, int | float) else None


def cell_from(raw: Mapping[str, Any]) -> GroupFigures | None:
    """The figures of one cell of the answer, None for a suppressed one."""
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


def _cells(raw: object) -> dict[str, GroupFigures | None]:
    if not isinstance(raw, list):
        return {}
    return {str(c["group"]): cell_from(c) for c in raw if isinstance(c, Mapping) and "group" in c}


def peer_report(raw: Mapping[str, Any]) -> PeerReport:
    """The ``PeerReport`` of the endpoint's JSON answer."""
    return PeerReport(
        region=str(raw.get("region", "")),
        since=date.fromisoformat(str(raw["since"])),
        region_cells=_cells(raw.get("region_figures")),
        national_cells=_cells(raw.get("national_figures")),
        synthetic=bool(raw.get("includes_synthetic", False)),
    )


class EndpointPeers:
    """The ``PeerFigures`` port over the endpoint client (None: no endpoint configured)."""

    def __init__(self, client: EndpointClient | None) -> None:
        self._client = client

    def regional(self, months: int, region: str = "") -> PeerReport:
        if self._client is None:
            raise ServiceError("transport.not_configured")
        return peer_report(self._client.mirror(months, region))
