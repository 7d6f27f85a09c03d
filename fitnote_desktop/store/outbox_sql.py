"""The outbox's per-document statements, prebuilt SQL on the DBAPI cursor (issue 14).

A drain writes, per document, a claim (outbox row) and a result (outbox row, receipt,
document status, two audit entries). Through SQLAlchemy Core each statement was built,
cache-keyed and wrapped again for every document, and the document status change read
the whole document row, payload included, twice: the profile of a 1,000-document drain
found about 60 % of the client's CPU there, and only a fifth of that in SQLCipher
itself. These statements do the same reads and writes with the same values as the
schema's column types would bind (UUIDs as text, timestamps as ``utc_text``), inside the
transaction SQLAlchemy opened, so what is durable when does not change.
"""

from __future__ import annotations

import uuid
from collections.abc import Iterator
from contextlib import contextmanager
from datetime import datetime
from typing import Any

from fitnote_desktop.domain.lifecycle import DocumentStatus
from fitnote_desktop.store.audit import AuditChain
from fitnote_desktop.store.documents import status_changes
from fitnote_desktop.store.errors import RecordNotFoundError
from fitnote_desktop.store.schema import utc_text

SELECT_ITEM = (
    "SELECT id, document_id, operation, status, attempts, next_attempt_at, last_error_code, "
    "last_error_detail, created_at, updated_at FROM outbox WHERE id = ?"
)
UPDATE_ITEM = (
    "UPDATE outbox SET status = ?, attempts = ?, next_attempt_at = ?, last_error_code = ?, "
    "last_error_detail = ?, updated_at = ? WHERE id = ?"
)
INSERT_RECEIPT = (
    "INSERT INTO receipts (document_id, operation, status, receipt, payload_hash, "
    "received_at) VALUES (?, ?, ?, ?, ?, ?)"
)
_SELECT_DOCUMENT_STATUS = "SELECT status, patient_id FROM documents WHERE id = ?"
_UPDATE_DOCUMENT_STATUS = "UPDATE documents SET status = ?, updated_at = ? WHERE id = ?"
_UPDATE_DOCUMENT_RETRACTED = (
    "UPDATE documents SET status = ?, updated_at = ?, retracted_at = ? WHERE id = ?"
)
_SAVEPOINT = "SAVEPOINT fitnote_outbox_change"
_ROLLBACK = "ROLLBACK TO fitnote_outbox_change"
_RELEASE = "RELEASE fitnote_outbox_change"


@contextmanager
def savepoint(cursor: Any, chain: AuditChain) -> Iterator[None]:
    """One change, all or nothing, inside the open transaction; on failure the audit
    chain's head goes back to where it was, with the rows rolled back."""
    head = chain.head
    cursor.execute(_SAVEPOINT)
    try:
        yield
    except BaseException:
        cursor.execute(_ROLLBACK)
        cursor.execute(_RELEASE)
        chain.head = head
        raise
    cursor.execute(_RELEASE)


def set_document_status(
    cursor: Any, chain: AuditChain, document_id: uuid.UUID, target: DocumentStatus, now: datetime
) -> None:
    """``DocumentRepository.set_status_in`` for an outbox result (accepted, rejected,
    retracted): same transition rules and audit entry, without reading the payload."""
    row = cursor.execute(_SELECT_DOCUMENT_STATUS, (str(document_id),)).fetchone()
    if row is None:
        raise RecordNotFoundError()
    current = DocumentStatus(row[0])
    if not status_changes(current, target, replaced_by=None):  # "replaced" is refused here
        return
    stamp = utc_text(now)
    if target is DocumentStatus.RETRACTED:
        cursor.execute(_UPDATE_DOCUMENT_RETRACTED, (target.value, stamp, stamp, str(document_id)))
    else:
        cursor.execute(_UPDATE_DOCUMENT_STATUS, (target.value, stamp, str(document_id)))
    chain.append(
        "document.status",
        document_id=document_id,
        patient_id=uuid.UUID(row[1]),
        detail={"from": current.value, "to": target.value},
    )
