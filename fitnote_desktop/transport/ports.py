"""What the outbox worker needs from the store, as small protocols.

They mirror ``fitnote_desktop.store.outbox.OutboxRepository`` (the real, SQLCipher-backed
queue) so that the worker runs against it unchanged, and against the in-memory
:class:`MemoryOutbox` in fast unit tests. Statuses and operations are compared as
strings, so the store's ``StrEnum`` values and plain strings both fit.
"""

from __future__ import annotations

import json
import threading
import uuid
from collections.abc import Callable
from dataclasses import dataclass, replace
from datetime import UTC, datetime
from typing import Protocol

from fitnote_desktop.signing.envelope import make_envelope, parse_envelope


class OutboxItemLike(Protocol):
    @property
    def id(self) -> int: ...
    @property
    def document_id(self) -> uuid.UUID: ...
    @property
    def operation(self) -> str: ...
    @property
    def status(self) -> str: ...
    @property
    def attempts(self) -> int: ...


class OutboxStore(Protocol):
    """The queue: the subset of ``store.outbox.OutboxRepository`` the worker uses."""

    def due_items(self, now: datetime | None = None, limit: int = 20) -> list[OutboxItemLike]: ...

    def mark_sending(self, item_id: int) -> OutboxItemLike: ...

    def reschedule(
        self,
        item_id: int,
        *,
        next_attempt_at: datetime,
        error_code: str,
        detail: str | None = None,
    ) -> OutboxItemLike: ...

    def mark_result(
        self,
        item_id: int,
        outcome: str,
        *,
        receipt: bytes | None = None,
        payload_hash: str | None = None,
        received_at: datetime | None = None,
        error_code: str | None = None,
        detail: str | None = None,
    ) -> OutboxItemLike: ...

    def requeue_interrupted(self) -> int: ...


class SignedPayloads(Protocol):
    """Where the worker finds the signed bytes to send for an item."""

    def signed_document(self, document_id: uuid.UUID) -> tuple[bytes, bytes]:
        """``(canonical payload, detached CMS)`` of a signed document."""
        ...

    def signed_retraction(self, document_id: uuid.UUID) -> tuple[bytes, bytes] | None:
        """The signed retraction statement for ``document_id``, if one was made."""
        ...


class SignedRecord(Protocol):
    @property
    def payload(self) -> bytes: ...
    @property
    def signature(self) -> bytes | None: ...


class SignedDocumentStore(Protocol):
    """The part of the store's ``DocumentRepository`` that :class:`StorePayloads` reads."""

    def get(self, document_id: uuid.UUID) -> SignedRecord: ...
    def set_retraction(self, document_id: uuid.UUID, statement: bytes) -> None: ...
    def retraction(self, document_id: uuid.UUID) -> bytes | None: ...


class StorePayloads:
    """:class:`SignedPayloads` over the store's ``DocumentRepository``.

    The store keeps the signed document bytes and the signed retraction statement
    (``set_retraction``), both encrypted in the profile, so that a retraction signed
    offline survives a restart and is sent when the network is back.
    """

    def __init__(self, documents: SignedDocumentStore) -> None:
        self._documents = documents

    def signed_document(self, document_id: uuid.UUID) -> tuple[bytes, bytes]:
        record = self._documents.get(document_id)
        if record.signature is None:
            raise LookupError("the document is not signed")
        return bytes(record.payload), bytes(record.signature)

    def remember_retraction(self, document_id: uuid.UUID, payload: bytes, cms: bytes) -> None:
        statement = json.dumps(make_envelope(payload, cms), sort_keys=True).encode()
        self._documents.set_retraction(document_id, statement)

    def signed_retraction(self, document_id: uuid.UUID) -> tuple[bytes, bytes] | None:
        statement = self._documents.retraction(document_id)
        if statement is None:
            return None
        return parse_envelope(json.loads(statement))


# ---------------------------------------------------------------------------- in memory


@dataclass(frozen=True)
class MemoryItem:
    id: int
    document_id: uuid.UUID
    operation: str
    status: str
    attempts: int
    next_attempt_at: datetime
    last_error_code: str | None = None
    last_error_detail: str | None = None


@dataclass(frozen=True)
class MemoryReceipt:
    document_id: uuid.UUID
    operation: str
    status: str
    receipt: bytes
    payload_hash: str
    received_at: datetime


class MemoryOutbox:
    """An in-memory :class:`OutboxStore` + :class:`SignedPayloads` with the store's rules."""

    def __init__(self, clock: Callable[[], datetime] | None = None) -> None:
        self._clock = clock or (lambda: datetime.now(UTC))
        self._lock = threading.Lock()
        self.items: dict[int, MemoryItem] = {}
        self.payloads: dict[uuid.UUID, tuple[bytes, bytes]] = {}
        self.retractions: dict[uuid.UUID, tuple[bytes, bytes]] = {}
        self.receipts: list[MemoryReceipt] = []

    def enqueue(
        self, document_id: uuid.UUID, payload: bytes, signature: bytes, operation: str = "submit"
    ) -> MemoryItem:
        with self._lock:
            if operation == "submit":
                self.payloads[document_id] = (payload, signature)
            else:
                self.retractions[document_id] = (payload, signature)
            item = MemoryItem(
                len(self.items) + 1, document_id, operation, "queued", 0, self._clock()
            )
            self.items[item.id] = item
            return item

    def due_items(self, now: datetime | None = None, limit: int = 20) -> list[MemoryItem]:
        now = now or self._clock()
        with self._lock:
            due = [
                i for i in self.items.values() if i.status == "queued" and i.next_attempt_at <= now
            ]
        return sorted(due, key=lambda i: (i.next_attempt_at, i.id))[:limit]

    def mark_sending(self, item_id: int) -> MemoryItem:
        with self._lock:
            item = self.items[item_id]
            if item.status != "queued":
                raise ValueError("invalid transition")
            item = replace(item, status="sending", attempts=item.attempts + 1)
            self.items[item_id] = item
            return item

    def reschedule(
        self, item_id: int, *, next_attempt_at: datetime, error_code: str, detail: str | None = None
    ) -> MemoryItem:
        with self._lock:
            item = replace(
                self.items[item_id],
                status="queued",
                next_attempt_at=next_attempt_at,
                last_error_code=error_code,
                last_error_detail=detail,
            )
            self.items[item_id] = item
            return item

    def mark_result(
        self,
        item_id: int,
        outcome: str,
        *,
        receipt: bytes | None = None,
        payload_hash: str | None = None,
        received_at: datetime | None = None,
        error_code: str | None = None,
        detail: str | None = None,
    ) -> MemoryItem:
        with self._lock:
            item = self.items[item_id]
            if item.status not in ("sending", "queued"):
                raise ValueError("invalid transition")
            final = str(outcome)
            if item.operation == "retract" and final == "accepted":
                final = "retracted"
            item = replace(item, status=final, last_error_code=error_code, last_error_detail=detail)
            self.items[item_id] = item
            if receipt is not None:
                self.receipts.append(
                    MemoryReceipt(
                        item.document_id,
                        item.operation,
                        final,
                        receipt,
                        payload_hash or "",
                        received_at or self._clock(),
                    )
                )
            return item

    def requeue_interrupted(self) -> int:
        with self._lock:
            stuck = [i for i in self.items.values() if i.status == "sending"]
            for i in stuck:
                self.items[i.id] = replace(i, status="queued")
            return len(stuck)

    def signed_document(self, document_id: uuid.UUID) -> tuple[bytes, bytes]:
        return self.payloads[document_id]

    def signed_retraction(self, document_id: uuid.UUID) -> tuple[bytes, bytes] | None:
        return self.retractions.get(document_id)
