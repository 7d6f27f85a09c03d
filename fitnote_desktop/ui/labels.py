"""Translated labels for the domain's enumerations, read at call time.

Functions, not constants: the text must be looked up in the language active when a
widget (re)translates itself. Every literal sits in a ``QCoreApplication.translate``
call so that ``pyside6-lupdate`` extracts it.
"""

from __future__ import annotations

from datetime import date
from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication

from fitnote_desktop.domain.lifecycle import DocumentStatus
from fitnote_desktop.domain.model import (
    AdviceOption,
    AuthorisingRole,
    CertificateKind,
    CodeSystem,
    DocumentKind,
    EmploymentSituation,
    FitNoteStatus,
    IncapacityCertificate,
    IncapacityFor,
    IncapacityReason,
    Language,
    Recipient,
    Sex,
)

if TYPE_CHECKING:
    from fitnote_desktop.services.ports import DocumentRecord


def document_kind(kind: DocumentKind) -> str:
    return {
        DocumentKind.INCAPACITY: QCoreApplication.translate("Labels", "Incapacity certificate"),
        DocumentKind.FIT_NOTE: QCoreApplication.translate("Labels", "Fit-note"),
        DocumentKind.PARTIAL_RESUMPTION: QCoreApplication.translate("Labels", "Partial resumption"),
        DocumentKind.INVALIDITY_RECOGNITION: QCoreApplication.translate(
            "Labels", "Invalidity recognition"
        ),
    }[kind]


def certificate_kind(kind: CertificateKind) -> str:
    return {
        CertificateKind.INITIAL: QCoreApplication.translate("Labels", "Initial certificate"),
        CertificateKind.PROLONGATION: QCoreApplication.translate("Labels", "Prolongation"),
        CertificateKind.RELAPSE: QCoreApplication.translate("Labels", "Relapse"),
    }[kind]


def incapacity_for(value: IncapacityFor) -> str:
    return {
        IncapacityFor.WORK: QCoreApplication.translate("Labels", "Work"),
        IncapacityFor.SCHOOL: QCoreApplication.translate("Labels", "School"),
        IncapacityFor.SCHOOL_SPORTS: QCoreApplication.translate("Labels", "School sports"),
        IncapacityFor.SWIM: QCoreApplication.translate("Labels", "Swimming"),
        IncapacityFor.SPORT: QCoreApplication.translate("Labels", "Sport"),
        IncapacityFor.HEAVY_PHYSICAL_ACTIVITY: QCoreApplication.translate(
            "Labels", "Heavy physical activity"
        ),
        IncapacityFor.TRAVEL: QCoreApplication.translate("Labels", "Travel"),
        IncapacityFor.VOTE: QCoreApplication.translate("Labels", "Voting"),
    }[value]


def reason(value: IncapacityReason) -> str:
    return {
        IncapacityReason.ILLNESS: QCoreApplication.translate("Labels", "Illness"),
        IncapacityReason.ACCIDENT: QCoreApplication.translate("Labels", "Accident"),
        IncapacityReason.WORK_ACCIDENT: QCoreApplication.translate("Labels", "Work accident"),
        IncapacityReason.TRAVEL_ACCIDENT: QCoreApplication.translate(
            "Labels", "Accident on the way to or from work"
        ),
        IncapacityReason.OCCUPATIONAL_DISEASE: QCoreApplication.translate(
            "Labels", "Occupational disease"
        ),
        IncapacityReason.PREGNANCY: QCoreApplication.translate("Labels", "Pregnancy-related"),
    }[value]


def employment(value: EmploymentSituation) -> str:
    return {
        EmploymentSituation.EMPLOYED: QCoreApplication.translate("Labels", "Employee"),
        EmploymentSituation.CIVIL_SERVANT: QCoreApplication.translate("Labels", "Civil servant"),
        EmploymentSituation.SELF_EMPLOYED: QCoreApplication.translate("Labels", "Self-employed"),
        EmploymentSituation.JOB_SEEKER: QCoreApplication.translate("Labels", "Job seeker"),
        EmploymentSituation.OTHER: QCoreApplication.translate("Labels", "Other"),
    }[value]


def fit_status(value: FitNoteStatus) -> str:
    return {
        FitNoteStatus.NOT_FIT: QCoreApplication.translate("Labels", "Not fit for work"),
        FitNoteStatus.FIT_ADAPTED: QCoreApplication.translate(
            "Labels", "May be fit for work, taking into account:"
        ),
    }[value]


def advice(value: AdviceOption) -> str:
    return {
        AdviceOption.PHASED_RETURN: QCoreApplication.translate("Labels", "Phased return"),
        AdviceOption.ALTERED_HOURS: QCoreApplication.translate("Labels", "Altered hours"),
        AdviceOption.AMENDED_DUTIES: QCoreApplication.translate("Labels", "Amended duties"),
        AdviceOption.WORKPLACE_ADAPTATIONS: QCoreApplication.translate(
            "Labels", "Workplace adaptations"
        ),
        AdviceOption.OTHER_WORK: QCoreApplication.translate("Labels", "Other work"),
    }[value]


def recipient(value: Recipient) -> str:
    return {
        Recipient.ADVISING_PHYSICIAN: QCoreApplication.translate(
            "Labels", "Advising physician (mutuality)"
        ),
        Recipient.OCCUPATIONAL_PHYSICIAN: QCoreApplication.translate(
            "Labels", "Occupational physician"
        ),
        Recipient.EMPLOYER: QCoreApplication.translate("Labels", "Employer"),
        Recipient.PATIENT: QCoreApplication.translate("Labels", "Patient"),
    }[value]


def recipient_short(value: Recipient) -> str:
    return {
        Recipient.ADVISING_PHYSICIAN: QCoreApplication.translate("Labels", "Advising physician"),
        Recipient.OCCUPATIONAL_PHYSICIAN: QCoreApplication.translate(
            "Labels", "Occupational physician"
        ),
        Recipient.EMPLOYER: QCoreApplication.translate("Labels", "Employer"),
        Recipient.PATIENT: QCoreApplication.translate("Labels", "Patient"),
    }[value]


def authorised_by(value: AuthorisingRole) -> str:
    return {
        AuthorisingRole.TREATING_PHYSICIAN: QCoreApplication.translate(
            "Labels", "Treating physician"
        ),
        AuthorisingRole.OCCUPATIONAL_PHYSICIAN: QCoreApplication.translate(
            "Labels", "Occupational physician"
        ),
    }[value]


def language(value: Language | str) -> str:
    return {
        "nl": QCoreApplication.translate("Labels", "Dutch"),
        "fr": QCoreApplication.translate("Labels", "French"),
        "de": QCoreApplication.translate("Labels", "German"),
        "en": QCoreApplication.translate("Labels", "English"),
    }[str(value)]


def sex(value: Sex) -> str:
    return {
        Sex.MALE: QCoreApplication.translate("Labels", "male"),
        Sex.FEMALE: QCoreApplication.translate("Labels", "female"),
        Sex.UNKNOWN: QCoreApplication.translate("Labels", "sex unknown"),
    }[value]


def code_system(value: CodeSystem | None) -> str:
    if value is None:
        return QCoreApplication.translate("Labels", "no code")
    return value.value


def status(value: DocumentStatus) -> str:
    return {
        DocumentStatus.DRAFT: QCoreApplication.translate("Labels", "Draft"),
        DocumentStatus.QUEUED: QCoreApplication.translate("Labels", "Waiting to send"),
        DocumentStatus.SENDING: QCoreApplication.translate("Labels", "Sending"),
        DocumentStatus.ACCEPTED: QCoreApplication.translate("Labels", "Sent, receipt received"),
        DocumentStatus.REJECTED: QCoreApplication.translate("Labels", "Rejected"),
        DocumentStatus.RETRACTED: QCoreApplication.translate("Labels", "Retracted"),
        DocumentStatus.SIGNED: QCoreApplication.translate("Labels", "Signed"),
        DocumentStatus.SENT: QCoreApplication.translate("Labels", "Sent, waiting for receipt"),
        DocumentStatus.REPLACED: QCoreApplication.translate("Labels", "Replaced"),
    }[value]


QUALIFIER_CODES = (0, 1, 2, 3, 4, 8, 9)


def qualifier(value: int) -> str:
    """ICF generic qualifier as words (the extent of the *difficulty*)."""
    return {
        0: QCoreApplication.translate("Labels", "no difficulty"),
        1: QCoreApplication.translate("Labels", "mild difficulty"),
        2: QCoreApplication.translate("Labels", "moderate difficulty"),
        3: QCoreApplication.translate("Labels", "severe difficulty"),
        4: QCoreApplication.translate("Labels", "complete difficulty"),
        8: QCoreApplication.translate("Labels", "not specified"),
        9: QCoreApplication.translate("Labels", "not applicable"),
    }.get(value, str(value))


def qualifier_range(value: int) -> str:
    return {0: "0–4 %", 1: "5–24 %", 2: "25–49 %", 3: "50–95 %", 4: "96–100 %"}.get(value, "")


def day_text(day: date | None) -> str:
    """A date as the lists show it (dd/mm/yyyy); "…" for an open end."""
    return day.strftime("%d/%m/%Y") if day else "…"


def period_text(rec: DocumentRecord) -> str:
    """A document's period as the lists show it (patient page, outbox, PIN dialog)."""
    p = rec.document.period
    return f"{day_text(p.begin)} – {day_text(p.end)}" if p else ""


def kind_text(rec: DocumentRecord) -> str:
    """A document's kind as the lists show it: a prolongation or a fit-note is named."""
    doc = rec.document
    text = document_kind(doc.kind)
    if isinstance(doc.body, IncapacityCertificate):
        if doc.body.certificate_kind is not CertificateKind.INITIAL:
            text = certificate_kind(doc.body.certificate_kind)
        if doc.body.fit_note is not None:
            text += " + " + document_kind(DocumentKind.FIT_NOTE).lower()
    return text
