"""The inbox of a desk physician: the caseload's documents, newest first, with filters.

Documents are stored as signed payloads; the desk decodes them (the sandbox's volumes
make that cheap) and keeps those the registry assigns to the physician
(``desk.caseload``). Each row says what a physician triages on: kind, period, the day
of incapacity reached (counted from the start of the episode, ``domain.timeline``), the
fit-note's verdict and the questions still unanswered (overdue ones counted apart).
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date

import sqlalchemy as sa
from sqlalchemy.orm import Session as DbSession

from fitnote_desktop.domain.canonical import document_from_bytes
from fitnote_desktop.domain.model import Document, DocumentKind, FitNoteStatus
from fitnote_desktop.domain.timeline import Episode, split_episodes
from fitnote_desktop.endpoint import db
from fitnote_desktop.endpoint.desk.caseload import assigned
from fitnote_desktop.endpoint.settings import RegistryEntry

SCAN_LIMIT = 5000  # newest documents read per inbox (a sandbox, not a national store)
KINDS = tuple(k.value for k in DocumentKind)
FIT_FILTERS = (*(s.value for s in FitNoteStatus), "none")


@dataclass(frozen=True)
class Entry:
    """A stored document of the caseload, decoded."""

    row: db.Document
    document: Document


@dataclass(frozen=True)
class Filters:
    """The inbox's GET form; an unknown value means "all"."""

    kind: str = ""
    fit: str = ""
    open_only: bool = False

    @classmethod
    def parse(cls, kind: str, fit: str, open_only: str) -> Filters:
        return cls(
            kind if kind in KINDS else "",
            fit if fit in FIT_FILTERS else "",
            open_only == "1",
        )


@dataclass(frozen=True)
class InboxRow:
    entry: Entry
    day_of_incapacity: int | None  # as of today, or the last day of an ended episode
    open_questions: int
    overdue_questions: int


def _decoded(rows: Iterable[db.Document], who: RegistryEntry) -> list[Entry]:
    out = []
    for row in rows:
        document = document_from_bytes(row.payload)
        if assigned(who, document):
            out.append(Entry(row, document))
    return out


def caseload(dbs: DbSession, who: RegistryEntry) -> list[Entry]:
    """Every document assigned to ``who``, newest received first."""
    rows = dbs.execute(
        sa.select(db.Document).order_by(db.Document.received_at.desc()).limit(SCAN_LIMIT)
    ).scalars()
    return _decoded(rows, who)


def find(dbs: DbSession, who: RegistryEntry, document_id: str) -> Entry | None:
    """One document of ``who``'s caseload; ``None`` alike when missing or someone else's."""
    row = dbs.get(db.Document, document_id[:36])
    if row is None:
        return None
    found = _decoded([row], who)
    return found[0] if found else None


def dossier_entries(dbs: DbSession, who: RegistryEntry, dossier_id: str) -> list[Entry]:
    """The caseload's documents of one patient, in order of receipt."""
    rows = dbs.execute(
        sa.select(db.Document)
        .where(db.Document.dossier_id == dossier_id)
        .order_by(db.Document.received_at)
    ).scalars()
    return _decoded(rows, who)


def episode_of(entries: Iterable[Entry], document_id: str) -> Episode | None:
    """The incapacity episode that holds ``document_id`` (built from the same patient's
    documents); a stand-alone fit-note or partial resumption falls in the episode whose
    span covers its start."""
    documents = [e.document for e in entries]
    episodes = split_episodes(documents)
    for episode in episodes:
        if any(str(d.id) == document_id for d in episode.documents):
            return episode
    target = next((d for d in documents if str(d.id) == document_id), None)
    if target is None or target.period is None:
        return None
    begin = target.period.begin
    for episode in episodes:
        if episode.start <= begin and (episode.end is None or begin <= episode.end):
            return episode
    return None


def day_of_incapacity(episode: Episode | None, today: date) -> int | None:
    if episode is None or episode.start > today:
        return None
    last = today if episode.end is None or episode.end >= today else episode.end
    return (last - episode.start).days + 1


def _matches(entry: Entry, filters: Filters) -> bool:
    document = entry.document
    if filters.kind and document.kind.value != filters.kind:
        return False
    if filters.fit:
        fit = document.fit_note
        status = fit.status.value if fit is not None else "none"
        if status != filters.fit:
            return False
    return True


def rows(
    dbs: DbSession,
    who: RegistryEntry,
    filters: Filters,
    today: date,
    question_counts: dict[str, tuple[int, int]],
) -> list[InboxRow]:
    """The inbox's rows; ``question_counts``: document id → (open, overdue)."""
    entries = caseload(dbs, who)
    by_dossier: dict[str, list[Entry]] = defaultdict(list)
    for entry in entries:
        by_dossier[entry.row.dossier_id].append(entry)
    out = []
    for entry in entries:
        if not _matches(entry, filters):
            continue
        open_count, overdue = question_counts.get(entry.row.id, (0, 0))
        if filters.open_only and not open_count:
            continue
        episode = episode_of(by_dossier[entry.row.dossier_id], entry.row.id)
        out.append(InboxRow(entry, day_of_incapacity(episode, today), open_count, overdue))
    return out
