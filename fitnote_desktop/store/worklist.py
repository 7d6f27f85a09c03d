"""The read queries behind the sick-leave worklist (the home screen), on indexed columns.

None of them decodes a document. The patients with an issued certificate or recognition
not ended before today are found by a range on ``ix_documents_kind_period_end``, then all
their issued certificates and recognitions through ``ix_documents_worklist``, which also
holds the two payload fields the worklist shows (its ``json_extract`` expressions, the
very ones of the query: migration 0008); the outbox items still waiting or refused come
through ``ix_outbox_status_next``. Issued means signed,
whatever happened at the endpoint since: drafts are not certificates yet, and retracted
or replaced ones no longer count.
"""

from __future__ import annotations

import uuid
from collections.abc import Collection
from dataclasses import dataclass
from datetime import date, datetime
from typing import Any, NamedTuple

from sqlalchemy import (
    ColumnElement,
    Select,
    String,
    and_,
    case,
    cast,
    func,
    literal_column,
    select,
    type_coerce,
)
from sqlalchemy.dialects import sqlite
from sqlalchemy.types import Text

from fitnote_desktop.store.engine import Database
from fitnote_desktop.store.schema import documents, outbox, patients

EPISODE_KINDS = ("incapacity", "invalidity-recognition")
ISSUED_STATUSES = ("signed", "queued", "sent", "accepted", "rejected")
OPEN_OUTBOX_STATUSES = ("queued", "sending", "rejected")


class EpisodeDocumentRow(NamedTuple):
    """As stored: ids and dates are their text forms (UUID, ISO date).

    A named tuple, not a dataclass: thousands are made per read of the home screen, and
    a tuple is made several times faster.
    """

    document_id: str
    patient_id: str
    given_name: str
    family_name: str
    kind: str
    status: str
    period_begin: str
    period_end: str | None
    fit_note_status: str | None  # of a certificate ending today or later, else None
    incapacity_since: str | None  # of a recognition


@dataclass(frozen=True)
class OutboxRow:
    document_id: uuid.UUID
    patient_id: uuid.UUID
    given_name: str
    family_name: str
    status: str
    next_attempt_at: datetime


@dataclass(frozen=True)
class OwnerRow:
    document_id: uuid.UUID
    patient_id: uuid.UUID
    given_name: str
    family_name: str


def _payload_field(path: str) -> object:
    return func.json_extract(cast(documents.c.payload, Text), path)


def episode_documents_query(today: date | ColumnElement[Any]) -> Select[Any]:
    """Issued certificates and recognitions of every patient who has one ending on or
    after ``today``, ordered by patient and start.

    An issued one always has an end (signing refuses a certificate without one, and a
    recognition is valid until a date), so the range on the index is the whole filter.
    The patients are found first, then their documents through the patient index.
    """
    candidates = (
        select(documents.c.patient_id)
        .where(
            documents.c.kind.in_(EPISODE_KINDS),
            documents.c.period_end >= today,
            documents.c.status.in_(ISSUED_STATUSES),
        )
        .distinct()
        .subquery("on_leave")
    )
    # the fit-note's answer matters for the current certificate only (it ends today or
    # later): the other payloads are not even read
    current_cert = and_(documents.c.kind == "incapacity", documents.c.period_end >= today)
    recognition = documents.c.kind == "invalidity-recognition"
    return (
        select(
            # as stored text: converting 10,000 ids and dates through the column types
            # costs more than the query (the adapter parses what it keeps)
            type_coerce(documents.c.id, String),
            type_coerce(documents.c.patient_id, String),
            patients.c.given_name,
            patients.c.family_name,
            documents.c.kind,
            documents.c.status,
            type_coerce(documents.c.period_begin, String),
            type_coerce(documents.c.period_end, String),
            case((current_cert, _payload_field("$.body.fit_note.status")), else_=None),
            case((recognition, _payload_field("$.body.incapacity_since")), else_=None),
        )
        .select_from(candidates)
        .join(documents, documents.c.patient_id == candidates.c.patient_id)
        .join(patients, patients.c.id == documents.c.patient_id)
        .where(
            documents.c.kind.in_(EPISODE_KINDS),
            documents.c.status.in_(ISSUED_STATUSES),
            documents.c.period_begin.is_not(None),
        )
        .order_by(documents.c.patient_id, documents.c.period_begin)
    )


# Compiled once to the driver's SQL (constants inlined, ``:today`` left for the driver):
# the home screen is read again at every status change, and its rows are plain text (ids,
# dates), so SQLAlchemy's result layer would only add its per-row cost (two thirds of
# the query's time on 1,700 rows).
_EPISODE_DOCUMENTS = str(
    episode_documents_query(literal_column(":today")).compile(
        dialect=sqlite.dialect(), compile_kwargs={"literal_binds": True}
    )
)


class WorklistQueries:
    def __init__(self, db: Database) -> None:
        self._db = db

    def episode_documents(self, today: date) -> list[EpisodeDocumentRow]:
        """See :func:`episode_documents_query`."""
        with self._db.read() as conn:
            driver = conn.connection.driver_connection
            assert driver is not None
            rows = driver.execute(_EPISODE_DOCUMENTS, {"today": today.isoformat()}).fetchall()
        return [EpisodeDocumentRow._make(row) for row in rows]

    def open_outbox(self) -> list[OutboxRow]:
        """Outbox items queued, being sent or refused, with their document's patient."""
        query = (
            select(
                outbox.c.document_id,
                documents.c.patient_id,
                patients.c.given_name,
                patients.c.family_name,
                outbox.c.status,
                outbox.c.next_attempt_at,
            )
            .join(documents, documents.c.id == outbox.c.document_id)
            .join(patients, patients.c.id == documents.c.patient_id)
            .where(outbox.c.status.in_(OPEN_OUTBOX_STATUSES))
            .order_by(outbox.c.id)
        )
        with self._db.read() as conn:
            return [OutboxRow(*row) for row in conn.execute(query)]

    def owners(self, document_ids: Collection[uuid.UUID]) -> list[OwnerRow]:
        """The patient of each of ``document_ids`` that this store holds."""
        if not document_ids:
            return []
        query = (
            select(
                documents.c.id,
                documents.c.patient_id,
                patients.c.given_name,
                patients.c.family_name,
            )
            .join(patients, patients.c.id == documents.c.patient_id)
            .where(and_(documents.c.id.in_(list(document_ids))))
        )
        with self._db.read() as conn:
            return [OwnerRow(*row) for row in conn.execute(query)]
