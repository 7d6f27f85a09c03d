"""In-memory adapters for the service ports: fast unit tests of the use cases.

Not used by the application: ``app.py`` wires the encrypted store, the real signer
and the transport. These exist so that a rule of a use case can be tested in
milliseconds, and so the UI can be exercised in isolation; the end-to-end tests run on
the real adapters.
"""

from __future__ import annotations

import unicodedata
import uuid
from collections.abc import Callable, Sequence
from dataclasses import replace
from datetime import UTC, datetime

from fitnote_desktop.domain.identifiers import compact
from fitnote_desktop.domain.model import Document, Patient
from fitnote_desktop.services.errors import ServiceError
from fitnote_desktop.services.ports import (
    ConnectionState,
    DocumentRecord,
    DocumentStatus,
    OutboxEntry,
    PatientRecord,
)


def fold(text: str) -> str:
    """Lower case without accents: "Émilie" matches "emilie"."""
    norm = unicodedata.normalize("NFKD", text.casefold())
    return "".join(c for c in norm if not unicodedata.combining(c))


def _now() -> datetime:
    return datetime.now(UTC)


class MemoryPatients:
    def __init__(self) -> None:
        self._rows: dict[str, PatientRecord] = {}

    def search(self, text: str, limit: int = 50) -> list[PatientRecord]:
        words = fold(text).split()
        digits = compact(text)
        out = []
        for rec in self.recent(len(self._rows)):
            name = fold(rec.patient.full_name)
            if (digits.isdigit() and rec.patient.niss.startswith(digits)) or (
                words and all(w in name for w in words)
            ):
                out.append(rec)
        return out[:limit]

    def recent(self, limit: int = 20) -> list[PatientRecord]:
        rows = sorted(self._rows.values(), key=lambda r: r.updated_at or _now(), reverse=True)
        return rows[:limit]

    def get(self, patient_id: str) -> PatientRecord:
        try:
            return self._rows[patient_id]
        except KeyError:
            raise ServiceError("store.not_found") from None

    def add(self, patient: Patient) -> PatientRecord:
        if any(r.patient.niss == patient.niss for r in self._rows.values()):
            raise ServiceError("store.patient_exists")
        rec = PatientRecord(uuid.uuid4().hex, patient, _now())
        self._rows[rec.id] = rec
        return rec

    def touch(self, patient_id: str) -> None:
        self._rows[patient_id] = replace(self.get(patient_id), updated_at=_now())

    def update(self, patient_id: str, patient: Patient) -> PatientRecord:
        self.get(patient_id)
        rec = PatientRecord(patient_id, patient, _now())
        self._rows[patient_id] = rec
        return rec


class MemoryDocuments:
    def __init__(self) -> None:
        self._rows: dict[str, DocumentRecord] = {}
        self._envelopes: dict[str, tuple[bytes, bytes]] = {}

    def save_draft(self, patient_id: str, document: Document) -> DocumentRecord:
        key = str(document.id)
        old = self._rows.get(key)
        if old is not None and not old.status.editable:
            raise ServiceError("store.document_immutable")
        rec = DocumentRecord(
            document, patient_id, DocumentStatus.DRAFT, (old.version + 1) if old else 1, _now()
        )
        self._rows[key] = rec
        return rec

    def get(self, document_id: str) -> DocumentRecord:
        try:
            return self._rows[document_id]
        except KeyError:
            raise ServiceError("store.not_found") from None

    def for_patient(self, patient_id: str) -> list[DocumentRecord]:
        rows = [r for r in self._rows.values() if r.patient_id == patient_id]
        return sorted(rows, key=lambda r: r.updated_at or _now(), reverse=True)

    def delete_draft(self, document_id: str) -> None:
        if self.get(document_id).status.editable:
            del self._rows[document_id]

    def mark_signed(
        self, document_id: str, payload: bytes, signature: bytes, status: DocumentStatus
    ) -> DocumentRecord:
        rec = replace(self.get(document_id), status=status, signed_at=_now(), updated_at=_now())
        self._rows[document_id] = rec
        self._envelopes[document_id] = (payload, signature)
        return rec

    def signed_envelope(self, document_id: str) -> tuple[bytes, bytes]:
        return self._envelopes[document_id]

    def set_status(
        self, document_id: str, status: DocumentStatus, error: str | None = None
    ) -> DocumentRecord:
        rec = replace(self.get(document_id), status=status, last_error=error, updated_at=_now())
        self._rows[document_id] = rec
        return rec

    def count(self) -> int:
        return len(self._rows)

    def mark_replaced(self, original_id: str, replaced_by: str) -> None:
        rec = self.get(original_id)
        self._rows[original_id] = replace(
            rec, status=DocumentStatus.REPLACED, replaced_by=replaced_by, updated_at=_now()
        )


class MemorySender:
    """An outbox that never sends: everything stays queued (a laptop offline)."""

    def __init__(self, documents: MemoryDocuments) -> None:
        self._documents = documents
        self._queue: dict[str, OutboxEntry] = {}

    def enqueue(self, document_id: str, payload: bytes, signature: bytes) -> None:
        name = self._documents.get(document_id).document.patient.full_name
        self._queue[document_id] = OutboxEntry(
            document_id, name, DocumentStatus.QUEUED, updated_at=_now()
        )

    def entries(self) -> Sequence[OutboxEntry]:
        return list(self._queue.values())

    def retry_now(self, document_id: str | None = None) -> None:
        return None

    def state(self) -> ConnectionState:
        return ConnectionState(False, len(self._queue), "transport.offline")

    def retract(self, document_id: str, sign: Callable[[bytes], bytes]) -> None:
        sign(f"retract {document_id}".encode())
        self._documents.set_status(document_id, DocumentStatus.RETRACTED)

    def fetch_episode(
        self, reference: str, consent_reference: str, patient_niss: str
    ) -> list[Document]:
        raise ServiceError("transport.offline")

    def messaging(self) -> object:
        raise ServiceError("transport.offline")
