"""Drafts: start a document, autosave it, check it, delete it; read a patient's file.

Everything here works offline on the encrypted store. Signing a draft is in
``services.sending``; the drafts that continue a signed document in
``services.follow_ups``.
"""

from __future__ import annotations

from dataclasses import dataclass, replace
from datetime import date

from fitnote_desktop.domain import consent, lifecycle, timeline
from fitnote_desktop.domain.findings import Finding
from fitnote_desktop.domain.lifecycle import Action, DocumentStatus
from fitnote_desktop.domain.model import Consent, Document, DocumentKind
from fitnote_desktop.services.context import DocumentCheck, standing_documents
from fitnote_desktop.services.errors import translating
from fitnote_desktop.services.guard import require
from fitnote_desktop.services.ports import (
    Clock,
    DocumentRecord,
    DocumentRepository,
    Now,
    PatientRepository,
    Profile,
)

_NOT_ISSUED = (DocumentStatus.DRAFT, DocumentStatus.RETRACTED)


@dataclass(frozen=True)
class ConsentOffer:
    """ "Same consent as on ``given_on``": shown to the physician, recorded only if confirmed."""

    consent: Consent  # without ``recorded_at``; keeps the patient's consent reference
    given_on: date


class Drafts:
    """A physician's drafts and the documents of a patient, as the editor sees them."""

    def __init__(
        self,
        *,
        profile: Profile,
        patients: PatientRepository,
        documents: DocumentRepository,
        clock: Clock,
        now: Now,
    ) -> None:
        self._profile = profile
        self._patients = patients
        self._documents = documents
        self._clock = clock
        self._now = now
        self._check = DocumentCheck(profile=profile, documents=documents, clock=clock, now=now)

    def new(self, kind: DocumentKind, patient_id: str) -> DocumentRecord:
        """A fresh draft for the patient, with the job carried over (never the consent)."""
        with translating("store.error"):
            patient = self._patients.get(patient_id).patient
            doc = lifecycle.new_document(
                kind, author=self._profile.author, patient=patient, today=self._clock()
            )
            doc = self._carry_over(patient_id, doc)
            return self._documents.save_draft(patient_id, doc)

    def _carry_over(self, patient_id: str, doc: Document) -> Document:
        """The job comes from the patient's last document that names one.

        The consent does not (rule 10): it is given per document, and
        :meth:`consent_offer` proposes the last one for the physician to confirm.
        """
        for rec in self._documents.for_patient(patient_id):  # most recent first
            previous = rec.document
            if previous.employment and previous.employment.job_title:
                return replace(doc, employment=previous.employment)
        return doc

    def consent_offer(self, patient_id: str) -> ConsentOffer | None:
        """The consent of the patient's last signed document, to offer on a new one."""
        signed = [r.document for r in self.for_patient(patient_id) if not r.status.editable]
        found = consent.consent_offer(signed)
        return ConsentOffer(*found) if found is not None else None

    def record_consent(self, document_id: str, given: Consent) -> DocumentRecord:
        """Record the consent the physician confirmed on a draft, as of now."""
        with translating("store.error"):
            record = self._documents.get(document_id)
        require(record, Action.EDIT, "store.document_signed")
        doc = replace(record.document, consent=replace(given, recorded_at=self._now()))
        return self.save(record.patient_id, doc)

    def save(self, patient_id: str, document: Document) -> DocumentRecord:
        """Autosave: every call keeps a version; the store refuses it once signed."""
        with translating("store.error"):
            return self._documents.save_draft(patient_id, document)

    def validate(self, document: Document, patient_id: str | None = None) -> list[Finding]:
        """Every finding, checked against the patient's other standing documents.

        ``patient_id`` defaults to the patient of the stored draft with this id.
        """
        return self._check.findings(document, patient_id)

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
        """The current episode of incapacity, from every certificate that stands.

        Own documents and the certificates issued elsewhere that a follow-up names with
        their dates: the episode and its "coming up" moments are built from all of them.
        """
        docs = standing_documents(self.for_patient(patient_id))
        return timeline.episode_timeline(docs, self._clock())
