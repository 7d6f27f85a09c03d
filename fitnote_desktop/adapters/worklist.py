"""The worklist's store port over ``store.worklist``'s queries (rows → service records)."""

from __future__ import annotations

import uuid
from collections.abc import Collection, Mapping, Sequence
from datetime import date
from itertools import groupby

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


def _day(value: str | None) -> date | None:
    try:
        return date.fromisoformat(value) if value else None
    except ValueError:
        return None


def _case_document(row: EpisodeDocumentRow) -> CaseDocument:
    return CaseDocument(
        document_id=row.document_id,
        kind=_KINDS[row.kind],
        status=_STATUSES[row.status],
        begin=date.fromisoformat(row.period_begin),
        end=date.fromisoformat(row.period_end) if row.period_end else None,
        fit_note=_FIT_NOTES.get(row.fit_note_status or ""),
        incapacity_since=_day(row.incapacity_since),
    )


class StoreWorklist:
    def __init__(self, queries: WorklistQueries) -> None:
        self._queries = queries

    def case_files(self, today: date) -> Sequence[CaseFile]:
        rows = self._queries.episode_documents(today)
        return [
            CaseFile(
                patient_id=pid,
                patient_name=_name(group[0].given_name, group[0].family_name),
                documents=tuple(_case_document(r) for r in group),
            )
            for pid, grouped in groupby(rows, key=lambda r: r.patient_id)
            if (group := list(grouped))
        ]

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
