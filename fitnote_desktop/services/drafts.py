"""Drafts: start a document, autosave it, check it, delete it; read a patient's file.

Everything here works offline on the encrypted store. Signing a draft is in
``services.sending``; the drafts that continue a signed document in
``services.follow_ups``.
"""

from __future__ import annotations

from dataclasses import replace
from datetime import date

from fitnote_desktop.domain import lifecycle, timeline
from fitnote_desktop.domain.findings import Finding
from fitnote_desktop.domain.lifecycle import Action, DocumentStatus
from fitnote_desktop.domain.model import Document, DocumentKind
from fitnote_desktop.domain.validation import validate as domain_validate
from fitnote_desktop.services.errors import translating
from fitnote_desktop.services.guard import require
from fitnote_desktop.services.ports import (
    Clock,
    DocumentRecord,
    DocumentRepository,
    PatientRepository,
    Profile,
)

_NOT_ISSUED = (DocumentStatus.DRAFT, DocumentStatus.RETRACTED)


class Drafts:
    """A physician's drafts and the documents of a patient, as the editor sees them."""

    def __init__(
        self,
        *,
        profile: Profile,
        patients: PatientRepository,
        documents: DocumentRepository,
        clock: Clock,
    ) -> None:
        self._profile = profile
        self._patients = patients
        self._documents = documents
        self._clock = clock

    def new(self, kind: DocumentKind, patient_id: str) -> DocumentRecord:
        """A fresh draft for the patient, with job and consent carried over."""
        with translating("store.error"):
            patient = self._patients.get(patient_id).patient
            doc = lifecycle.new_document(
                kind, author=self._profile.author, patient=patient, today=self._clock()
            )
            doc = self._carry_over(patient_id, doc)
            return self._documents.save_draft(patient_id, doc)

    def _carry_over(self, patient_id: str, doc: Document) -> Document:
        """Job and the patient's recorded consent come from the patient's last document.

        The consent was given by this patient and recorded by this practice; asking the
        physician to tick it again at every certificate adds clicks, not protection.
        """
        employment = consent = None
        for rec in self._documents.for_patient(patient_id):  # most recent first
            previous = rec.document
            if employment is None and previous.employment and previous.employment.job_title:
                employment = previous.employment
            signed = rec.status is not DocumentStatus.DRAFT
            if consent is None and signed and previous.consent.electronic_sending:
                consent = previous.consent
        if employment is not None:
            doc = replace(doc, employment=employment)
        if consent is not None:
            doc = replace(doc, consent=consent)
        return doc

    def save(self, patient_id: str, document: Document) -> DocumentRecord:
        """Autosave: every call keeps a version; the store refuses it once signed."""
        with translating("store.error"):
            return self._documents.save_draft(patient_id, document)

    def validate(self, document: Document) -> list[Finding]:
        return domain_validate(document, today=self._clock())

    def delete(self, document_id: str) -> None:
        """Delete a draft and its history; nothing signed is ever deleted."""
        with translating("store.error"):
            record = self._documents.get(document_id)
            require(record, Action.DELETE, "store.document_signed")
            self._documents.delete_draft(document_id)

    def get(self, document_id: str) -> DocumentRecord:
        with translating("store.error"):
            return self._documents.get(document_id)

    def for_patient(self, patient_id: str) -> list[DocumentRecord]:
        """The patient's documents, most recent first."""
        with translating("store.error"):
            return self._documents.for_patient(patient_id)

    def last_certificate(self, patient_id: str) -> DocumentRecord | None:
        """The most recent signed incapacity certificate (what "Prolong" continues)."""
        best: tuple[DocumentRecord, date] | None = None
        for rec in self.for_patient(patient_id):
            period = rec.document.period
            if rec.document.kind is not DocumentKind.INCAPACITY or period is None:
                continue
            if rec.status in _NOT_ISSUED:
                continue
            if best is None or period.begin > best[1]:
                best = (rec, period.begin)
        return best[0] if best is not None else None

    def timeline(self, patient_id: str) -> timeline.Episode | None:
        """The current episode of incapacity, from the documents that were issued."""
        docs = [
            r.document
            for r in self.for_patient(patient_id)
            if r.status not in (DocumentStatus.RETRACTED, DocumentStatus.DRAFT)
        ]
        return timeline.episode_timeline(docs, self._clock())
