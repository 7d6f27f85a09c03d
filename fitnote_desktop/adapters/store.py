"""Patients and documents in the encrypted store, as the services' records.

Drafts are stored as canonical JSON bytes (the same form that is later signed), so
what the physician saw is exactly what gets signed. The store has its own row records
(``store.PatientRecord``, ``store.DocumentRecord``); only ``services.ports`` records
leave this module.
"""

from __future__ import annotations

import uuid
from datetime import date

from fitnote_desktop.adapters.ids import as_uuid
from fitnote_desktop.domain import canonical
from fitnote_desktop.domain.lifecycle import DocumentStatus
from fitnote_desktop.domain.model import (
    Address,
    CertificateKind,
    Document,
    IncapacityCertificate,
    Language,
    Patient,
    Sex,
)
from fitnote_desktop.services.ports import DocumentRecord, PatientRecord
from fitnote_desktop.store import DocumentRecord as StoredDocument
from fitnote_desktop.store import DocumentRepository, OutboxRepository, PatientRepository
from fitnote_desktop.store import PatientRecord as StoredPatient
from fitnote_desktop.store.errors import RecordNotFoundError

# Outbox states in which the last error of the document's outbox item matters.
_OUTBOX_ERROR_STATES = (DocumentStatus.QUEUED, DocumentStatus.REJECTED, DocumentStatus.SENT)


class StorePatients:
    """Patients in the encrypted store; address, birth date and sex ride in ``data``."""

    def __init__(self, repo: PatientRepository) -> None:
        self.repo = repo

    @staticmethod
    def _to_record(row: StoredPatient) -> PatientRecord:
        data = dict(row.data or {})
        addr = data.get("address")
        birth = data.get("birth_date")
        patient = Patient(
            niss=row.niss or "",
            given_name=row.given_name,
            family_name=row.family_name,
            language=Language(row.language or "nl"),
            address=Address(**addr) if isinstance(addr, dict) else None,
            birth_date=date.fromisoformat(birth) if isinstance(birth, str) and birth else None,
            sex=Sex(data.get("sex", "unknown")),
        )
        return PatientRecord(str(row.id), patient, row.last_used_at or row.updated_at)

    @staticmethod
    def _data(patient: Patient) -> dict[str, object]:
        data: dict[str, object] = {"sex": patient.sex.value}
        if patient.address is not None:
            a = patient.address
            data["address"] = {
                "street": a.street,
                "house_number": a.house_number,
                "postal_code": a.postal_code,
                "city": a.city,
                "country": a.country,
            }
        if patient.birth_date is not None:
            data["birth_date"] = patient.birth_date.isoformat()
        return data

    def search(self, text: str, limit: int = 50) -> list[PatientRecord]:
        return [self._to_record(r) for r in self.repo.search(text, limit)]

    def recent(self, limit: int = 20) -> list[PatientRecord]:
        return [self._to_record(r) for r in self.repo.recent(limit)]

    def get(self, patient_id: str) -> PatientRecord:
        return self._to_record(self.repo.get(as_uuid(patient_id)))

    def add(self, patient: Patient) -> PatientRecord:
        row = self.repo.create(
            given_name=patient.given_name,
            family_name=patient.family_name,
            niss=patient.niss,
            language=patient.language.value,
            data=self._data(patient),
        )
        return self._to_record(row)

    def update(self, patient_id: str, patient: Patient) -> PatientRecord:
        row = self.repo.update(
            as_uuid(patient_id),
            given_name=patient.given_name,
            family_name=patient.family_name,
            niss=patient.niss,
            language=patient.language.value,
            data=self._data(patient),
        )
        return self._to_record(row)

    def touch(self, patient_id: str) -> None:
        self.repo.touch(as_uuid(patient_id))


class StoreDocuments:
    """Documents in the encrypted store: drafts with history, then immutable signed bytes.

    ``outbox`` supplies the last sending error of a queued or refused document.
    """

    def __init__(self, repo: DocumentRepository, outbox: OutboxRepository | None = None) -> None:
        self.repo = repo
        self.outbox = outbox

    def _exists(self, ident: uuid.UUID) -> bool:
        try:
            self.repo.get_summary(ident)
        except RecordNotFoundError:
            return False
        return True

    def _local(self, reference: str | None) -> uuid.UUID | None:
        """``reference`` as the id of a document in this store, else None (issued elsewhere)."""
        if not reference:
            return None
        try:
            ident = uuid.UUID(reference)
        except ValueError:  # a certificate known only from a paper copy
            return None
        return ident if self._exists(ident) else None

    def save_draft(self, patient_id: str, document: Document) -> DocumentRecord:
        payload = canonical.canonical_bytes(document)
        period = document.period
        begin = period.begin if period else None
        end = period.end if period else None
        doc_id = document.id
        if self._exists(doc_id):
            self.repo.autosave(
                doc_id,
                payload,
                kind=document.kind.value,
                language=document.language.value,
                period_begin=begin,
                period_end=end,
            )
        else:
            body = document.body
            cert = body.certificate_kind if isinstance(body, IncapacityCertificate) else None
            prev = body.previous if isinstance(body, IncapacityCertificate) else None
            ref = prev.reference if prev else None
            self.repo.create_draft(
                patient_id=as_uuid(patient_id),
                kind=document.kind.value,
                language=document.language.value,
                payload=payload,
                id=doc_id,
                period_begin=begin,
                period_end=end,
                prolongation_of=self._local(ref) if cert is CertificateKind.PROLONGATION else None,
                relapse_of=self._local(ref) if cert is CertificateKind.RELAPSE else None,
                replaces=self._local(document.replaces),
            )
        return self.get(str(doc_id))

    def _record(self, row: StoredDocument) -> DocumentRecord:
        status = row.status
        error = None
        if self.outbox is not None and status in _OUTBOX_ERROR_STATES:
            items = self.outbox.list(document_id=row.id)
            if items:
                error = items[-1].last_error_code
        return DocumentRecord(
            document=canonical.document_from_bytes(bytes(row.payload)),
            patient_id=str(row.patient_id),
            status=status,
            version=row.version,
            updated_at=row.updated_at,
            signed_at=row.signed_at,
            last_error=error,
            replaced_by=str(row.replaced_by) if row.replaced_by else "",
            payload_sha256=row.payload_hash,
        )

    def get(self, document_id: str) -> DocumentRecord:
        return self._record(self.repo.get(as_uuid(document_id)))

    def for_patient(self, patient_id: str) -> list[DocumentRecord]:
        rows = self.repo.list(patient_id=as_uuid(patient_id))
        return [self._record(self.repo.get(r.id)) for r in rows]

    def delete_draft(self, document_id: str) -> None:
        self.repo.delete_draft(as_uuid(document_id))

    def mark_signed(self, document_id: str, payload: bytes, signature: bytes) -> DocumentRecord:
        self.repo.mark_signed(as_uuid(document_id), payload=payload, signature=signature)
        return self.get(document_id)

    def set_status(self, document_id: str, status: DocumentStatus) -> DocumentRecord:
        self.repo.set_status(as_uuid(document_id), status)
        return self.get(document_id)

    def mark_replaced(self, original_id: str, replaced_by: str) -> None:
        self.repo.mark_replaced(as_uuid(original_id), as_uuid(replaced_by))
