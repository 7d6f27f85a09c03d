"""Outbox and receipts: the transport layer's durable queue, inside the encrypted database.

Signing happens offline; sending happens when the network is back. An outbox item per
(document, operation) survives restarts and crashes: ``queued`` -> ``sending`` ->
``accepted`` | ``rejected`` (``retracted`` for an accepted retraction). The transport
decides *when* to retry (backoff, jitter) and tells the store through
:meth:`OutboxRepository.reschedule`; the document UUID is the idempotency key, so an item
found in ``sending`` after a crash can simply be sent again
(:meth:`OutboxRepository.requeue_interrupted`).

Each result is stored in one transaction with the document's new status, the receipt and
an audit entry, so the outbox, the document and the receipts never disagree. The sender
groups a drain step's changes (results of the items that came back, claims of the next
ones) in one :meth:`OutboxRepository.batch`: one commit, hence one fsync, per step instead
of two per document; each change keeps its own savepoint, so one refused change does not
undo the others. A batch runs prebuilt statements (:mod:`~fitnote_desktop.store.outbox_sql`)
and keeps the audit chain's head for its transaction: the drain's CPU went there.

``last_error_detail`` is for technical detail (HTTP status, endpoint error code), capped
at 500 characters; callers must not put medical content in it.
"""

from __future__ import annotations

import builtins
import uuid
from collections.abc import Callable, Iterable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass, replace
from datetime import datetime
from enum import StrEnum
from typing import Any, NamedTuple

from sqlalchemy import func, insert, select, update
from sqlalchemy.engine import Connection, Row

from fitnote_desktop.store.audit import AuditLog
from fitnote_desktop.store.documents import DocumentRepository, DocumentStatus
from fitnote_desktop.store.engine import Database
from fitnote_desktop.store.errors import InvalidTransitionError, RecordNotFoundError
from fitnote_desktop.store.outbox_sql import (
    INSERT_RECEIPT,
    SELECT_ITEM,
    UPDATE_ITEM,
    savepoint,
    set_document_status,
)
from fitnote_desktop.store.schema import documents, outbox, receipts, utc_text

MAX_ERROR_DETAIL = 500


class OutboxStatus(StrEnum):
    QUEUED = "queued"
    SENDING = "sending"
    ACCEPTED = "accepted"
    REJECTED = "rejected"
    RETRACTED = "retracted"


class OutboxOperation(StrEnum):
    SUBMIT = "submit"
    RETRACT = "retract"


@dataclass(frozen=True)
class OutboxItem:
    id: int
    document_id: uuid.UUID
    operation: OutboxOperation
    status: OutboxStatus
    attempts: int
    next_attempt_at: datetime
    last_error_code: str | None
    last_error_detail: str | None
    created_at: datetime
    updated_at: datetime


@dataclass(frozen=True, repr=False)
class ReceiptRecord:
    id: int
    document_id: uuid.UUID
    operation: OutboxOperation
    status: str
    receipt: bytes
    payload_hash: str
    received_at: datetime

    def __repr__(self) -> str:
        return f"ReceiptRecord(id={self.id}, document_id={self.document_id}, {self.status})"


def _item(row: Row[Any] | _ItemRow) -> OutboxItem:
    return OutboxItem(
        id=row.id,
        document_id=row.document_id,
        operation=OutboxOperation(row.operation),
        status=OutboxStatus(row.status),
        attempts=row.attempts,
        next_attempt_at=row.next_attempt_at,
        last_error_code=row.last_error_code,
        last_error_detail=row.last_error_detail,
        created_at=row.created_at,
        updated_at=row.updated_at,
    )


def _detail(detail: str | None) -> str | None:
    return None if detail is None else detail[:MAX_ERROR_DETAIL]


# Document status that goes with an outbox result, per operation.
_RESULT_DOCUMENT_STATUS = {
    (OutboxOperation.SUBMIT, OutboxStatus.ACCEPTED): DocumentStatus.ACCEPTED,
    (OutboxOperation.SUBMIT, OutboxStatus.REJECTED): DocumentStatus.REJECTED,
    (OutboxOperation.RETRACT, OutboxStatus.ACCEPTED): DocumentStatus.RETRACTED,
}


class OutboxRepository:
    def __init__(
        self,
        db: Database,
        audit: AuditLog,
        documents_repo: DocumentRepository,
        clock: Callable[[], datetime],
    ) -> None:
        self._db = db
        self._audit = audit
        self._documents = documents_repo
        self._clock = clock

    def enqueue(
        self,
        document_id: uuid.UUID,
        operation: OutboxOperation | str = OutboxOperation.SUBMIT,
        *,
        not_before: datetime | None = None,
    ) -> OutboxItem:
        """Queue a signed document for sending (or an accepted one for retraction).

        Idempotent: enqueuing what is already queued returns the existing item. A
        rejected submission is queued again (same signed bytes, new attempts).
        """
        op = OutboxOperation(operation)
        now = self._clock()
        with self._db.write() as conn:
            status = conn.execute(
                select(documents.c.status).where(documents.c.id == document_id)
            ).scalar()
            if status is None:
                raise RecordNotFoundError()
            existing = conn.execute(
                select(outbox).where(outbox.c.document_id == document_id, outbox.c.operation == op)
            ).first()
            if existing is not None and existing.status in ("queued", "sending"):
                return _item(existing)
            if op is OutboxOperation.SUBMIT:
                self._documents.set_status_in(conn, document_id, DocumentStatus.QUEUED)
            elif status != DocumentStatus.ACCEPTED:
                raise InvalidTransitionError()
            if existing is not None:
                if existing.status != OutboxStatus.REJECTED:
                    raise InvalidTransitionError()
                conn.execute(
                    update(outbox)
                    .where(outbox.c.id == existing.id)
                    .values(
                        status=OutboxStatus.QUEUED.value,
                        next_attempt_at=not_before or now,
                        updated_at=now,
                    )
                )
                item_id = existing.id
            else:
                key = conn.execute(
                    insert(outbox).values(
                        document_id=document_id,
                        operation=op.value,
                        status=OutboxStatus.QUEUED.value,
                        attempts=0,
                        next_attempt_at=not_before or now,
                        created_at=now,
                        updated_at=now,
                    )
                ).inserted_primary_key
                assert key is not None  # a single-row INSERT always reports its key
                item_id = key[0]
            self._audit.append(
                conn, "outbox.enqueued", document_id=document_id, detail={"operation": op.value}
            )
            return _get(conn, item_id)

    def due_items(self, now: datetime | None = None, limit: int = 20) -> list[OutboxItem]:
        """Queued items whose next attempt time has come, oldest due first."""
        now = now or self._clock()
        with self._db.read() as conn:
            rows = conn.execute(
                select(outbox)
                .where(
                    outbox.c.status == OutboxStatus.QUEUED.value, outbox.c.next_attempt_at <= now
                )
                .order_by(outbox.c.next_attempt_at, outbox.c.id)
                .limit(limit)
            )
            return [_item(r) for r in rows]

    def earliest_attempt(self) -> datetime | None:
        """When the first queued item falls due (held ones far in the future), or ``None``."""
        with self._db.read() as conn:
            due: datetime | None = conn.execute(
                select(func.min(outbox.c.next_attempt_at)).where(
                    outbox.c.status == OutboxStatus.QUEUED.value
                )
            ).scalar_one_or_none()
        return due

    @contextmanager
    def batch(self) -> Iterator[OutboxBatch]:
        """Several state changes in one write transaction (see :class:`OutboxBatch`)."""
        with self._db.write() as conn:
            yield OutboxBatch(conn, self._audit, self._clock)

    def mark_sending(self, item_id: int) -> OutboxItem:
        """Claim a queued item for one attempt (counts the attempt)."""
        with self.batch() as batch:
            return batch.mark_sending(item_id)

    def reschedule(
        self,
        item_id: int,
        *,
        next_attempt_at: datetime,
        error_code: str,
        detail: str | None = None,
    ) -> OutboxItem:
        """A transient failure: back to ``queued`` until ``next_attempt_at``."""
        with self.batch() as batch:
            return batch.reschedule(
                item_id, next_attempt_at=next_attempt_at, error_code=error_code, detail=detail
            )

    def mark_result(
        self,
        item_id: int,
        outcome: OutboxStatus | str,
        *,
        receipt: bytes | None = None,
        payload_hash: str | None = None,
        received_at: datetime | None = None,
        error_code: str | None = None,
        detail: str | None = None,
    ) -> OutboxItem:
        """Final answer of the endpoint (see :meth:`OutboxBatch.mark_result`)."""
        with self.batch() as batch:
            return batch.mark_result(
                item_id,
                outcome,
                receipt=receipt,
                payload_hash=payload_hash,
                received_at=received_at,
                error_code=error_code,
                detail=detail,
            )

    def requeue_interrupted(self) -> int:
        """Items left in ``sending`` by a crash go back to ``queued``; returns how many."""
        with self._db.write() as conn:
            result = conn.execute(
                update(outbox)
                .where(outbox.c.status == OutboxStatus.SENDING.value)
                .values(status=OutboxStatus.QUEUED.value, updated_at=self._clock())
            )
            return int(result.rowcount or 0)

    def list(
        self,
        statuses: Iterable[OutboxStatus | str] | None = None,
        *,
        document_id: uuid.UUID | None = None,
    ) -> builtins.list[OutboxItem]:
        query = select(outbox).order_by(outbox.c.created_at, outbox.c.id)
        if statuses is not None:
            query = query.where(outbox.c.status.in_([OutboxStatus(s).value for s in statuses]))
        if document_id is not None:
            query = query.where(outbox.c.document_id == document_id)
        with self._db.read() as conn:
            return [_item(r) for r in conn.execute(query)]

    def get(self, item_id: int) -> OutboxItem:
        with self._db.read() as conn:
            return _get(conn, item_id)

    def receipts(self, document_id: uuid.UUID) -> builtins.list[ReceiptRecord]:
        with self._db.read() as conn:
            rows = conn.execute(
                select(receipts)
                .where(receipts.c.document_id == document_id)
                .order_by(receipts.c.id)
            )
            return [
                ReceiptRecord(
                    r.id,
                    r.document_id,
                    OutboxOperation(r.operation),
                    r.status,
                    bytes(r.receipt),
                    r.payload_hash,
                    r.received_at,
                )
                for r in rows
            ]


class OutboxBatch:
    """Outbox state changes inside one open write transaction (:meth:`OutboxRepository.batch`).

    Every change runs in its own savepoint: a change the state machine refuses raises
    and leaves the transaction, and the changes before and after it, intact. The
    statements are the prebuilt ones of :mod:`fitnote_desktop.store.outbox_sql`, on the
    transaction's own DBAPI cursor, with the audit chain's head kept for the batch.
    """

    def __init__(
        self,
        conn: Connection,
        audit: AuditLog,
        clock: Callable[[], datetime],
    ) -> None:
        self._cursor = conn.connection.driver_connection.cursor()  # type: ignore[union-attr]
        self._chain = audit.chain(self._cursor)
        self._clock = clock

    def mark_sending(self, item_id: int) -> OutboxItem:
        """Claim a queued item for one attempt (counts the attempt)."""
        with savepoint(self._cursor, self._chain):
            item = self._get(item_id)
            if item.status is not OutboxStatus.QUEUED:
                raise InvalidTransitionError()
            changed = replace(
                item,
                status=OutboxStatus.SENDING,
                attempts=item.attempts + 1,
                updated_at=self._clock(),
            )
            return self._write(changed)

    def release(self, item_id: int) -> OutboxItem:
        """A claimed item that was not sent after all (the drain stopped before its turn):
        ``queued`` again as it was, its attempt not counted."""
        with savepoint(self._cursor, self._chain):
            item = self._get(item_id)
            if item.status is not OutboxStatus.SENDING:
                raise InvalidTransitionError()
            changed = replace(
                item,
                status=OutboxStatus.QUEUED,
                attempts=item.attempts - 1,
                updated_at=self._clock(),
            )
            return self._write(changed)

    def reschedule(
        self,
        item_id: int,
        *,
        next_attempt_at: datetime,
        error_code: str,
        detail: str | None = None,
    ) -> OutboxItem:
        """A transient failure: back to ``queued`` until ``next_attempt_at``."""
        with savepoint(self._cursor, self._chain):
            item = self._get(item_id)
            if item.status not in (OutboxStatus.SENDING, OutboxStatus.QUEUED):
                raise InvalidTransitionError()
            return self._write(
                replace(
                    item,
                    status=OutboxStatus.QUEUED,
                    next_attempt_at=next_attempt_at,
                    last_error_code=error_code,
                    last_error_detail=_detail(detail),
                    updated_at=self._clock(),
                ),
            )

    def mark_result(
        self,
        item_id: int,
        outcome: OutboxStatus | str,
        *,
        receipt: bytes | None = None,
        payload_hash: str | None = None,
        received_at: datetime | None = None,
        error_code: str | None = None,
        detail: str | None = None,
    ) -> OutboxItem:
        """Final answer of the endpoint: ``accepted`` or ``rejected``.

        Stores the receipt (if any), moves the document (accepted/rejected, or retracted
        for an accepted retraction) and audits, all or nothing.
        """
        result = OutboxStatus(outcome)
        if result not in (OutboxStatus.ACCEPTED, OutboxStatus.REJECTED):
            raise InvalidTransitionError()
        now = self._clock()
        with savepoint(self._cursor, self._chain):
            item = self._get(item_id)
            if item.status not in (OutboxStatus.SENDING, OutboxStatus.QUEUED):
                raise InvalidTransitionError()
            final: OutboxStatus = result
            if item.operation is OutboxOperation.RETRACT and result is OutboxStatus.ACCEPTED:
                final = OutboxStatus.RETRACTED
            done = self._write(
                replace(
                    item,
                    status=final,
                    last_error_code=error_code,
                    last_error_detail=_detail(detail),
                    updated_at=now,
                ),
            )
            if receipt is not None:
                self._cursor.execute(
                    INSERT_RECEIPT,
                    (
                        str(item.document_id),
                        item.operation.value,
                        final.value,
                        bytes(receipt),
                        payload_hash or "",
                        utc_text(received_at or now),
                    ),
                )
            doc_status = _RESULT_DOCUMENT_STATUS.get((item.operation, result))
            if doc_status is not None:
                set_document_status(
                    self._cursor, self._chain, item.document_id, doc_status, self._clock()
                )
            self._chain.append(
                "outbox.result",
                document_id=item.document_id,
                detail={
                    "operation": item.operation.value,
                    "result": final.value,
                    "error": error_code,
                },
            )
            return done

    def _get(self, item_id: int) -> OutboxItem:
        row = self._cursor.execute(SELECT_ITEM, (item_id,)).fetchone()
        if row is None:
            raise RecordNotFoundError()
        return _item(_ItemRow(*row))

    def _write(self, changed: OutboxItem) -> OutboxItem:
        """Store the changeable columns of ``changed`` (read in the same transaction) and
        return it: no second read for the caller."""
        self._cursor.execute(
            UPDATE_ITEM,
            (
                changed.status.value,
                changed.attempts,
                utc_text(changed.next_attempt_at),
                changed.last_error_code,
                changed.last_error_detail,
                utc_text(changed.updated_at),
                changed.id,
            ),
        )
        return changed


class _ItemRow(NamedTuple):
    """An outbox row as :data:`~fitnote_desktop.store.outbox_sql.SELECT_ITEM` reads it,
    decoded as the schema's column types decode it."""

    id: int
    document_id_text: str
    operation: str
    status: str
    attempts: int
    next_attempt_text: str
    last_error_code: str | None
    last_error_detail: str | None
    created_text: str
    updated_text: str

    @property
    def document_id(self) -> uuid.UUID:
        return uuid.UUID(self.document_id_text)

    @property
    def next_attempt_at(self) -> datetime:
        return datetime.fromisoformat(self.next_attempt_text)

    @property
    def created_at(self) -> datetime:
        return datetime.fromisoformat(self.created_text)

    @property
    def updated_at(self) -> datetime:
        return datetime.fromisoformat(self.updated_text)


def _get(conn: Connection, item_id: int) -> OutboxItem:
    row = conn.execute(select(outbox).where(outbox.c.id == item_id)).first()
    if row is None:
        raise RecordNotFoundError()
    return _item(row)
