"""What the outbox worker needs from the store, as small protocols.

They mirror ``fitnote_desktop.store.outbox.OutboxRepository`` (the real, SQLCipher-backed
queue) so that the transport layer does not import the store. Statuses and operations
are compared as strings, so the store's ``StrEnum`` values fit.
"""

from __future__ import annotations

import json
import uuid
from collections.abc import Iterable, Mapping, Sequence
from contextlib import AbstractContextManager
from datetime import UTC, datetime
from typing import Protocol

from fitnote_desktop.signing.envelope import make_envelope, parse_envelope

# A queued item due at this moment waits for the physician (a login the platform refused
# cannot succeed by retrying): see transport.outbox. Here, beside the queue's protocols,
# so that the outbox view can tell without loading the HTTP client.
HELD_UNTIL = datetime(9999, 1, 1, tzinfo=UTC)


def is_held(next_attempt_at: datetime | None) -> bool:
    """Is a queued item with this due time waiting for the physician's action?"""
    if next_attempt_at is None:
        return False
    moment = next_attempt_at if next_attempt_at.tzinfo else next_attempt_at.replace(tzinfo=UTC)
    return moment >= HELD_UNTIL


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
    @property
    def next_attempt_at(self) -> datetime: ...
    @property
    def last_error_code(self) -> str | None: ...
    @property
    def last_error_detail(self) -> str | None: ...


class OutboxChanges(Protocol):
    """State changes of outbox items: ``store.outbox.OutboxBatch`` (one transaction)."""

    def mark_sending(self, item_id: int) -> OutboxItemLike: ...

    def release(self, item_id: int) -> OutboxItemLike: ...

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


class OutboxStore(Protocol):
    """The queue: the subset of ``store.outbox.OutboxRepository`` the worker uses."""

    def due_items(
        self, now: datetime | None = None, limit: int = 20
    ) -> Sequence[OutboxItemLike]: ...

    def earliest_attempt(self) -> datetime | None:
        """When the first queued item falls due, or ``None`` when none is queued."""
        ...

    def batch(self) -> AbstractContextManager[OutboxChanges]:
        """Several :class:`OutboxChanges` committed together, each all or nothing."""
        ...

    def requeue_interrupted(self) -> int: ...

    def list(self, statuses: Iterable[str] | None = None) -> Sequence[OutboxItemLike]: ...


class SignedPayloads(Protocol):
    """Where the worker finds the signed bytes to send for an item."""

    def signed_document(self, document_id: uuid.UUID) -> tuple[bytes, bytes]:
        """``(canonical payload, detached CMS)`` of a signed document."""
        ...

    def signed_documents(
        self, document_ids: Iterable[uuid.UUID]
    ) -> Mapping[uuid.UUID, tuple[bytes, bytes]]:
        """:meth:`signed_document` of several documents at once; the ones that are not
        signed are left out (their :meth:`signed_document` says why)."""
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
    def signed_payloads(
        self, document_ids: Iterable[uuid.UUID]
    ) -> Mapping[uuid.UUID, tuple[bytes, bytes | None]]: ...
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

    def signed_documents(
        self, document_ids: Iterable[uuid.UUID]
    ) -> dict[uuid.UUID, tuple[bytes, bytes]]:
        found = self._documents.signed_payloads(document_ids)
        return {key: (payload, cms) for key, (payload, cms) in found.items() if cms is not None}

    def remember_retraction(self, document_id: uuid.UUID, payload: bytes, cms: bytes) -> None:
        statement = json.dumps(make_envelope(payload, cms), sort_keys=True).encode()
        self._documents.set_retraction(document_id, statement)

    def signed_retraction(self, document_id: uuid.UUID) -> tuple[bytes, bytes] | None:
        statement = self._documents.retraction(document_id)
        if statement is None:
            return None
        return parse_envelope(json.loads(statement))
