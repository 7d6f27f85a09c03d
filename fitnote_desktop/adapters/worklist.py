"""The worklist's store port over ``store.worklist``'s queries (rows → service records)."""

from __future__ import annotations

import uuid
from collections.abc import Collection, Mapping, Sequence
from datetime import date
from itertools import groupby
from operator import attrgetter

from fitnote_desktop.domain.lifecycle import DocumentStatus
from fitnote_desktop.domain.model import DocumentKind, FitNoteStatus
from fitnote_desktop.services.worklist import (
    CaseDocument,
    CaseFile,
    DocumentOwner,
    OutboxMark,
    OutboxState,
)
from fitnote_desktop.store.worklist import EpisodeDocumentRow, WorklistQueries
from fitnote_desktop.transport.ports import is_held


def _name(given: str, family: str) -> str:
    return f"{given} {family}".strip()


# Lookups by stored text: a dict is several times cheaper than calling the enum, and
# the worklist converts a few thousand values per build.
_KINDS = {k.value: k for k in DocumentKind}
_STATUSES = {s.value: s for s in DocumentStatus}
_FIT_NOTES = {f.value: f for f in FitNoteStatus}  # a newer answer unknown here: none


def _day(value: str) -> date | None:
    try:
        return date.fromisoformat(value)
    except ValueError:
        return None


def _case_document(row: EpisodeDocumentRow) -> CaseDocument:
    """Dates parsed, codes looked up; called once per stored row, so kept to plain calls."""
    end, since = row.period_end, row.incapacity_since
    return CaseDocument(
        row.document_id,
        _KINDS[row.kind],
        _STATUSES[row.status],
        _fromiso(row.period_begin),
        _fromiso(end) if end else None,
        _FIT_NOTES.get(row.fit_note_status) if row.fit_note_status else None,
        _day(since) if since else None,
    )


_fromiso = date.fromisoformat
_patient = attrgetter("patient_id")


class StoreWorklist:
    def __init__(self, queries: WorklistQueries) -> None:
        self._queries = queries

    def case_files(self, today: date) -> Sequence[CaseFile]:
        files = []
        for pid, grouped in groupby(self._queries.episode_documents(today), key=_patient):
            group = list(grouped)
            first = group[0]
            files.append(
                CaseFile(
                    patient_id=pid,
                    patient_name=_name(first.given_name, first.family_name),
                    documents=tuple(map(_case_document, group)),
                )
            )
        return files

    def outbox_marks(self) -> Sequence[OutboxMark]:
        out = []
        for row in self._queries.open_outbox():
            if row.status == "rejected":
                state = OutboxState.REFUSED
            elif row.status == "queued" and is_held(row.next_attempt_at):
                state = OutboxState.HELD
            else:
                state = OutboxState.WAITING
            out.append(
                OutboxMark(
                    str(row.document_id),
                    str(row.patient_id),
                    _name(row.given_name, row.family_name),
                    state,
                )
            )
        return out

    def owners(self, document_ids: Collection[str]) -> Mapping[str, DocumentOwner]:
        ids = []
        for text in document_ids:
            try:
                ids.append(uuid.UUID(text))
            except ValueError:  # a thread about a document this store never held
                continue
        return {
            str(r.document_id): DocumentOwner(str(r.patient_id), _name(r.given_name, r.family_name))
            for r in self._queries.owners(ids)
        }
