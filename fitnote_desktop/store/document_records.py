"""What the document store hands out: metadata records and saved versions.

Kept apart from the repository so the types readers import (services' ports, adapters)
carry no SQL. The records are frozen; those holding a payload keep it out of ``repr``
because the payload is medical content.
"""

from __future__ import annotations

import hashlib
import uuid
from dataclasses import dataclass
from datetime import date, datetime

from fitnote_desktop.domain.lifecycle import DocumentStatus


def payload_hash(payload: bytes) -> str:
    return hashlib.sha256(payload).hexdigest()


@dataclass(frozen=True)
class DocumentSummary:
    """Metadata of a document, without payload or signature (for lists)."""

    id: uuid.UUID
    patient_id: uuid.UUID
    kind: str
    status: DocumentStatus
    language: str
    created_at: datetime
    updated_at: datetime
    period_begin: date | None
    period_end: date | None
    payload_hash: str
    version: int
    signed_at: datetime | None
    prolongation_of: uuid.UUID | None
    relapse_of: uuid.UUID | None
    replaces: uuid.UUID | None
    replaced_by: uuid.UUID | None
    retracted_at: datetime | None

    @property
    def editable(self) -> bool:
        return self.status is DocumentStatus.DRAFT


@dataclass(frozen=True, repr=False)
class DocumentRecord(DocumentSummary):
    payload: bytes
    signature: bytes | None

    def __repr__(self) -> str:  # the payload is medical content: keep it out of logs
        return f"DocumentRecord(id={self.id}, status={self.status.value}, v{self.version})"


@dataclass(frozen=True)
class VersionInfo:
    document_id: uuid.UUID
    version: int
    saved_at: datetime
    payload_hash: str
    size: int


@dataclass(frozen=True, repr=False)
class VersionRecord(VersionInfo):
    payload: bytes

    def __repr__(self) -> str:
        return f"VersionRecord(document_id={self.document_id}, version={self.version})"
