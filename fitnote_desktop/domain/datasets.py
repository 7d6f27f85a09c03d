"""What each recipient may see of a document: one explicit whitelist per recipient.

Privacy by construction: a :class:`RecipientView` is built field by field from the
document, so a new field added to the model reaches nobody until it is added here on
purpose. Only the advising physician of the mutuality ever receives diagnoses, the
reason, the accident or hospital-stay details, the antedating and duration
justifications and the author's own national number (a signing and login attribute,
never certificate content for the others). The occupational physician gets the
fit-note and the period; the employer the period, the out-of-home flag and, only with
the patient's consent, the fit-note's advice and capacities; the patient a summary
without diagnosis plus what to do next.
"""

from __future__ import annotations

import dataclasses
from dataclasses import dataclass, replace
from datetime import date
from typing import Any

from fitnote_desktop.domain.model import (
    CertificateKind,
    Consultation,
    Diagnosis,
    Document,
    DocumentKind,
    Employment,
    FitNote,
    HospitalStay,
    IncapacityCertificate,
    IncapacityFor,
    IncapacityReason,
    InvalidityRecognition,
    Language,
    PartialResumption,
    Period,
    Practitioner,
    Recipient,
    StayAbroad,
)


@dataclass(frozen=True)
class MedicalDetails:
    """Only for the advising physician."""

    reason: IncapacityReason | None = None
    diagnoses: tuple[Diagnosis, ...] = ()
    accident_date: date | None = None
    occupational_disease_declared: date | None = None
    hospital_stay: HospitalStay | None = None
    stay_abroad: StayAbroad | None = None
    antedating_justification: str = ""
    duration_justification: str = ""
    expected_delivery: date | None = None
    maternity_leave: Period | None = None


@dataclass(frozen=True)
class RecipientView:
    recipient: Recipient
    document_id: str
    kind: DocumentKind
    language: Language
    author: Practitioner
    patient_name: str
    consultation: Consultation
    period: Period | None
    patient_niss: str | None = None  # not for the employer
    patient_birth_date: date | None = None
    certificate_kind: CertificateKind | None = None
    incapacity_for: IncapacityFor | None = None
    out_of_home_allowed: bool | None = None
    expected_return: date | None = None
    previous_reference: str = ""
    employment: Employment | None = None
    fit_note: FitNote | None = None
    capacities_withheld: bool = False  # employer: capacities exist but no consent
    partial_resumption: PartialResumption | None = None
    invalidity: InvalidityRecognition | None = None  # without diagnoses except advising
    medical: MedicalDetails | None = None
    next_steps: tuple[str, ...] = ()  # message codes, for the patient's copy

    def as_dict(self) -> dict[str, Any]:
        """JSON-ready form (used by the endpoint's per-recipient delivery and by tests)."""
        from fitnote_desktop.domain.canonical import _encode_fields

        return _encode_fields(self)


def _employer_fit_note(fit: FitNote, consent: bool) -> tuple[FitNote | None, bool]:
    """Employer: the fit-note's verdict and review date always; advice only with consent."""
    if consent:
        return fit, False
    withheld = bool(fit.capacities or fit.advice or fit.free_advice)
    return FitNote(status=fit.status, review_date=fit.review_date, period=fit.period), withheld


def next_steps(document: Document) -> tuple[str, ...]:
    """What the patient should do after the consultation, as message codes."""
    steps: list[str] = []
    if document.kind is DocumentKind.INCAPACITY:
        if Recipient.EMPLOYER in document.recipients:
            steps.append("next.inform_employer")
        if not document.consent.electronic_sending:
            steps.append("next.send_to_mutuality")
        else:
            steps.append("next.sent_electronically")
        cert = document.body
        if isinstance(cert, IncapacityCertificate) and cert.out_of_home_allowed is False:
            steps.append("next.stay_home")
        steps.append("next.occupational_contact")
    elif document.kind is DocumentKind.FIT_NOTE:
        steps.append("next.discuss_fit_note")
    elif document.kind is DocumentKind.PARTIAL_RESUMPTION:
        steps.append("next.inform_mutuality_resumption")
    else:
        steps.append("next.invalidity_renewal")
    fit = document.fit_note
    if fit is not None and fit.review_date is not None:
        steps.append("next.review_date")
    return tuple(steps)


def addressed_to(doc: Document, recipient: Recipient) -> Document:
    """``doc`` as sent to ``recipient`` as well. An export (KMEHR to the mutuality's
    EMR, say) is a sending: the rules that depend on who receives the document (three
    months and diagnoses for the mutuality, consent for the physicians) must hold for it."""
    if recipient in doc.recipients:
        return doc
    return replace(doc, recipients=(*doc.recipients, recipient))


def project(document: Document, recipient: Recipient) -> RecipientView:
    """The view of ``document`` that ``recipient`` is allowed to receive."""
    body = document.body
    cert = body if isinstance(body, IncapacityCertificate) else None
    base: dict[str, Any] = {
        "recipient": recipient,
        "document_id": str(document.id),
        "kind": document.kind,
        "language": document.language,
        "author": replace(document.author, niss=""),  # advising physician: restored below
        "patient_name": document.patient.full_name,
        "consultation": document.consultation,
        "period": document.period,
    }
    if cert is not None:
        base["certificate_kind"] = cert.certificate_kind
        base["incapacity_for"] = cert.incapacity_for
        base["out_of_home_allowed"] = cert.out_of_home_allowed
        base["previous_reference"] = cert.previous.reference if cert.previous else ""
    if isinstance(body, PartialResumption):
        base["partial_resumption"] = body
    if isinstance(body, InvalidityRecognition):
        # remarks are free text written for the advising physician: as medical as a diagnosis
        base["invalidity"] = replace(body, diagnoses=(), remarks="")
    fit = document.fit_note

    if recipient is Recipient.ADVISING_PHYSICIAN:
        medical = MedicalDetails()
        if cert is not None:
            medical = MedicalDetails(
                reason=cert.reason,
                diagnoses=cert.diagnoses,
                accident_date=cert.accident_date,
                occupational_disease_declared=cert.occupational_disease_declared,
                hospital_stay=cert.hospital_stay,
                stay_abroad=cert.stay_abroad,
                antedating_justification=cert.antedating_justification,
                duration_justification=cert.duration_justification or "",
                expected_delivery=cert.expected_delivery,
                maternity_leave=cert.maternity_leave,
            )
        elif isinstance(body, InvalidityRecognition):
            base["invalidity"] = body
            medical = MedicalDetails(diagnoses=body.diagnoses)
        return RecipientView(
            **{**base, "author": document.author},
            patient_niss=document.patient.niss,
            patient_birth_date=document.patient.birth_date,
            expected_return=cert.expected_return if cert else None,
            employment=document.employment,
            fit_note=fit,
            medical=medical,
        )
    if recipient is Recipient.OCCUPATIONAL_PHYSICIAN:
        return RecipientView(
            **base,
            patient_niss=document.patient.niss,
            patient_birth_date=document.patient.birth_date,
            expected_return=cert.expected_return if cert else None,
            employment=document.employment,
            fit_note=fit,
        )
    if recipient is Recipient.EMPLOYER:
        employer_fit, withheld = (None, False)
        if fit is not None:
            employer_fit, withheld = _employer_fit_note(
                fit, document.consent.share_capacities_with_employer
            )
        if isinstance(body, PartialResumption):
            # conditions are free text written for the mutuality: the employer gets the extent
            base["partial_resumption"] = replace(body, conditions="")
        return RecipientView(**base, fit_note=employer_fit, capacities_withheld=withheld)
    # patient summary: everything practical, nothing diagnostic
    return RecipientView(
        **base,
        patient_niss=document.patient.niss,
        patient_birth_date=document.patient.birth_date,
        expected_return=cert.expected_return if cert else None,
        fit_note=fit,
        next_steps=next_steps(document),
    )


def field_names() -> tuple[str, ...]:
    return tuple(f.name for f in dataclasses.fields(RecipientView))
