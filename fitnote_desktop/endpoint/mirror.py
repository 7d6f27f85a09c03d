"""Anonymised regional figures for ``GET /v1/mirror``, computed from what the endpoint stores.

Every accepted (not retracted) incapacity certificate and partial resumption is reduced
to a ``domain.mirror.CertificateFact``: pathology group of its principal diagnosis,
period, fit-note flag, the dossier pseudonym as patient key and the author's RIZIV
number as physician key. The demo's synthetic population (``synthetic_certificates``)
joins as facts of its own. The arithmetic is the desktop's (``domain.mirror``).

Small cells identify people: a cell (region × pathology group) is published only when at
least ``MIN_PHYSICIANS`` distinct physicians and ``MIN_CERTIFICATES`` certificates made
it; otherwise it says ``suppressed`` and nothing else. Neither physician counts nor
any key leave this module.

The computation reads a year of documents, so it is cached per worker for
``mirror_cache_ttl`` (default a minute): figures over twelve months do not change
meaningfully within it.
"""

from __future__ import annotations

import json
import threading
import time
from collections import defaultdict
from collections.abc import Iterator
from dataclasses import dataclass, field
from datetime import UTC, date, datetime
from typing import Any

import sqlalchemy as sa
from sqlalchemy.orm import Session as DbSession

from fitnote_desktop.domain.mirror import (
    INCAPACITY,
    OTHER_GROUP,
    PARTIAL_RESUMPTION,
    CertificateFact,
    GroupFigures,
    group_figures,
)
from fitnote_desktop.domain.pathology import group_of
from fitnote_desktop.domain.periods import add_months
from fitnote_desktop.endpoint import db
from fitnote_desktop.wire.mirror import NATIONAL

MIN_PHYSICIANS = 10
MIN_CERTIFICATES = 50
LOOK_BACK_MONTHS = 12  # facts read before the window, to recognise episodes begun earlier


def suppressed(figures: GroupFigures) -> bool:
    """Whether a cell is too small to publish."""
    return figures.physicians < MIN_PHYSICIANS or figures.certificates < MIN_CERTIFICATES


@dataclass(frozen=True)
class _Regional:
    facts: tuple[tuple[str, CertificateFact], ...]  # (region, fact)
    synthetic: bool


def _day(value: object) -> date | None:
    return date.fromisoformat(value) if isinstance(value, str) and value else None


def _fact_of(payload: bytes, physician: str, patient: str) -> CertificateFact | None:
    """The fact of a stored payload; None when it lacks what the mirror needs."""
    try:
        data = json.loads(payload)
        body = data["body"]
        kind = data["kind"]
        if kind == INCAPACITY:
            begin, end = _day(body["period"].get("begin")), _day(body["period"].get("end"))
        else:
            begin, end = _day(body.get("start")), _day(body.get("end"))
    except (ValueError, KeyError, TypeError, AttributeError):
        return None
    if begin is None:
        return None
    diagnoses = [d for d in body.get("diagnoses") or () if isinstance(d, dict)]
    principal = next((d for d in diagnoses if d.get("principal")), None) or (
        diagnoses[0] if diagnoses else {}
    )
    group = group_of(str(principal.get("code_system") or ""), str(principal.get("code") or ""))
    return CertificateFact(
        patient=patient,
        kind=kind,
        begin=begin,
        end=end,
        group=group or OTHER_GROUP,
        fit_note=isinstance(body.get("fit_note"), dict),
        physician=physician,
    )


def _stored_facts(dbs: DbSession, since: date) -> Iterator[tuple[str, CertificateFact]]:
    regions: dict[str, str] = {
        riziv: region
        for riziv, region in dbs.execute(
            sa.select(db.PractitionerRegion.riziv, db.PractitionerRegion.region)
        )
    }
    rows = dbs.execute(
        sa.select(db.Document.payload, db.Document.author_riziv, db.Document.dossier_id).where(
            db.Document.kind.in_((INCAPACITY, PARTIAL_RESUMPTION)),
            db.Document.status == "accepted",
            db.Document.retracted_at.is_(None),
            db.Document.received_at >= _midnight(since),
        )
    )
    for payload, riziv, dossier in rows:
        fact = _fact_of(payload, riziv, dossier)
        if fact is not None and fact.begin >= since:
            yield regions.get(riziv, ""), fact


def _synthetic_facts(dbs: DbSession, since: date) -> Iterator[tuple[str, CertificateFact]]:
    t = db.SyntheticCertificate
    rows = dbs.execute(
        sa.select(
            t.region, t.physician, t.patient, t.kind, t.begin, t.end, t.pathology_group, t.fit_note
        ).where(t.begin >= since)
    )
    for region, physician, patient, kind, begin, end, group, fit_note in rows:
        yield region, CertificateFact(patient, kind, begin, end, group, bool(fit_note), physician)


def _midnight(day: date) -> datetime:
    return datetime(day.year, day.month, day.day, tzinfo=UTC)


def _load(dbs: DbSession, since: date) -> _Regional:
    with dbs.begin():
        real = list(_stored_facts(dbs, since))
        synthetic = list(_synthetic_facts(dbs, since))
    return _Regional(tuple(real + synthetic), bool(synthetic))


@dataclass
class MirrorCache:
    """The computed figures per (months, day), kept ``ttl`` seconds (per worker)."""

    ttl: float
    _entries: dict[tuple[int, date], tuple[float, dict[str, Any]]] = field(default_factory=dict)
    _lock: threading.Lock = field(default_factory=threading.Lock)

    def get(self, key: tuple[int, date]) -> dict[str, Any] | None:
        with self._lock:
            entry = self._entries.get(key)
        if entry is None or time.monotonic() - entry[0] > self.ttl:
            return None
        return entry[1]

    def put(self, key: tuple[int, date], value: dict[str, Any]) -> None:
        with self._lock:
            self._entries = {k: v for k, v in self._entries.items() if k[1] == key[1]}
            self._entries[key] = (time.monotonic(), value)


def cell_json(figures: GroupFigures) -> dict[str, Any]:
    """A published cell, or only its group and ``suppressed`` (``wire.mirror``)."""
    if suppressed(figures):
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


def _cells(figures: tuple[GroupFigures, ...]) -> list[dict[str, Any]]:
    return [cell_json(f) for f in figures]


def compute(dbs: DbSession, today: date, months: int) -> dict[str, Any]:
    """Published cells of every region and of Belgium (``NATIONAL``) over ``months``."""
    since = add_months(today, -months)
    loaded = _load(dbs, add_months(since, -LOOK_BACK_MONTHS))
    by_region: dict[str, list[CertificateFact]] = defaultdict(list)
    for region, fact in loaded.facts:
        if region:
            by_region[region].append(fact)
    cells = {r: _cells(group_figures(facts, since)) for r, facts in by_region.items()}
    cells[NATIONAL] = _cells(group_figures((f for _, f in loaded.facts), since))
    return {"since": since.isoformat(), "cells": cells, "synthetic": loaded.synthetic}


def caller_region(dbs: DbSession, riziv: str) -> str:
    with dbs.begin():
        row = dbs.get(db.PractitionerRegion, riziv)
    return row.region if row is not None else ""
