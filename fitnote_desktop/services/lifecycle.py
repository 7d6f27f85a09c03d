"""The lifecycle of a document as pure functions: new, prolong, relapse, replace, duplicate.

No I/O and no clock: each function takes ``today`` and returns a new draft
:class:`Document`. The services persist what these return; the UI never builds a
prolongation itself. Keeping them pure makes the rules ("start = the day after the
previous end") testable without a database.
"""

from __future__ import annotations

import uuid
from dataclasses import replace
from datetime import date, timedelta

from fitnote_desktop.domain.model import (
    CertificateKind,
    Consultation,
    Document,
    DocumentKind,
    Employment,
    FitNote,
    FitNoteStatus,
    IncapacityCertificate,
    InvalidityRecognition,
    PartialResumption,
    Patient,
    Period,
    Practitioner,
    PreviousCertificate,
    Recipient,
    new_document_id,
)
from fitnote_desktop.services.errors import ServiceError

DEFAULT_RECIPIENTS: dict[DocumentKind, tuple[Recipient, ...]] = {
    DocumentKind.INCAPACITY: tuple(Recipient),
    DocumentKind.FIT_NOTE: (
        Recipient.OCCUPATIONAL_PHYSICIAN,
        Recipient.EMPLOYER,
        Recipient.PATIENT,
    ),
    DocumentKind.PARTIAL_RESUMPTION: (
        Recipient.ADVISING_PHYSICIAN,
        Recipient.EMPLOYER,
        Recipient.PATIENT,
    ),
    DocumentKind.INVALIDITY_RECOGNITION: (Recipient.ADVISING_PHYSICIAN, Recipient.PATIENT),
}


def new_episode_id() -> str:
    return f"EP-{uuid.uuid4().hex[:12]}"


def _place(author: Practitioner) -> str:
    return author.address.city if author.address is not None else ""


def new_document(
    kind: DocumentKind,
    *,
    author: Practitioner,
    patient: Patient,
    today: date,
    employment: Employment | None = None,
) -> Document:
    """A fresh draft of ``kind`` for ``patient``, in the patient's language.

    Dates start today; the end date of a certificate is left empty on purpose: it is
    the one decision the physician must take, and the editor offers one-key durations.
    """
    body: IncapacityCertificate | FitNote | PartialResumption | InvalidityRecognition
    if kind is DocumentKind.INCAPACITY:
        body = IncapacityCertificate(
            certificate_kind=CertificateKind.INITIAL, period=Period(today, None)
        )
    elif kind is DocumentKind.FIT_NOTE:
        body = FitNote(status=FitNoteStatus.FIT_ADAPTED, period=Period(today, None))
    elif kind is DocumentKind.PARTIAL_RESUMPTION:
        body = PartialResumption(start=today)
    else:
        body = InvalidityRecognition(valid_from=today, valid_until=today + timedelta(days=364))
    return Document(
        author=author,
        patient=patient,
        consultation=Consultation(today, _place(author)),
        body=body,
        language=patient.language,
        employment=employment or Employment(),
        recipients=DEFAULT_RECIPIENTS[kind],
        episode_id=new_episode_id() if kind is DocumentKind.INCAPACITY else "",
    )


def _certificate(doc: Document) -> IncapacityCertificate:
    if not isinstance(doc.body, IncapacityCertificate):
        raise ServiceError("lifecycle.not_a_certificate")
    return doc.body


def previous_of(doc: Document) -> PreviousCertificate:
    """How a follow-up refers to ``doc``: its id, dates and author."""
    cert = _certificate(doc)
    return PreviousCertificate(str(doc.id), cert.period.begin, cert.period.end, doc.author.riziv)


def prolong(previous: Document, *, author: Practitioner, today: date) -> Document:
    """A prolongation prefilled from ``previous``: start = the day after its end.

    The duration of the previous certificate is proposed again; the fit-note is kept
    (capacities rarely change in a week) but its review date is cleared.
    """
    cert = _certificate(previous)
    if cert.period.end is None:
        raise ServiceError("lifecycle.previous_without_end")
    begin = cert.period.end + timedelta(days=1)
    length = (cert.period.end - cert.period.begin).days
    end = begin + timedelta(days=length)
    fit = replace(cert.fit_note, review_date=None) if cert.fit_note is not None else None
    return replace(
        previous,
        id=new_document_id(),
        author=author,
        consultation=Consultation(today, _place(author)),
        replaces="",
        episode_id=previous.episode_id or new_episode_id(),
        body=replace(
            cert,
            certificate_kind=CertificateKind.PROLONGATION,
            period=Period(begin, end),
            expected_return=None,
            previous=previous_of(previous),
            fit_note=fit,
        ),
    )


def prolong_external(
    *,
    reference: str,
    previous_begin: date | None,
    previous_end: date | None,
    previous_author_riziv: str,
    patient: Patient,
    author: Practitioner,
    today: date,
    episode: Document | None = None,
) -> Document:
    """Prolong a certificate issued by another physician (the specialist's case).

    With the fetched ``episode`` (the last certificate) the draft is prefilled from it;
    offline, only the reference and dates from the patient's paper copy are known and
    the draft stays linkable once back online.
    """
    if episode is not None and isinstance(episode.body, IncapacityCertificate):
        draft = prolong(episode, author=author, today=today)
        return replace(draft, patient=replace(draft.patient, **_keep_local(patient)))
    draft = new_document(DocumentKind.INCAPACITY, author=author, patient=patient, today=today)
    cert = _certificate(draft)
    begin = previous_end + timedelta(days=1) if previous_end else today
    return replace(
        draft,
        body=replace(
            cert,
            certificate_kind=CertificateKind.PROLONGATION,
            period=Period(begin, None),
            previous=PreviousCertificate(
                reference.strip(), previous_begin, previous_end, previous_author_riziv
            ),
        ),
    )


def _keep_local(patient: Patient) -> dict[str, object]:
    """Local patient data wins over the fetched copy (address, language kept current)."""
    return {"address": patient.address, "language": patient.language}


def relapse(previous: Document, *, author: Practitioner, today: date) -> Document:
    """A relapse after ``previous``: a new incapacity from today, linked to it."""
    cert = _certificate(previous)
    return replace(
        previous,
        id=new_document_id(),
        author=author,
        consultation=Consultation(today, _place(author)),
        replaces="",
        episode_id=previous.episode_id or new_episode_id(),
        body=replace(
            cert,
            certificate_kind=CertificateKind.RELAPSE,
            period=Period(today, None),
            expected_return=None,
            previous=previous_of(previous),
            fit_note=None,
        ),
    )


def replacement(original: Document, *, author: Practitioner, today: date) -> Document:
    """A corrected copy of a sent document; signing it replaces (and retracts) the original."""
    return replace(
        original,
        id=new_document_id(),
        author=author,
        consultation=Consultation(today, _place(author)),
        replaces=str(original.id),
    )


def duplicate(original: Document, *, author: Practitioner, today: date) -> Document:
    """ "Duplicate as new": same content, a new initial document from today."""
    doc = replace(
        original,
        id=new_document_id(),
        author=author,
        consultation=Consultation(today, _place(author)),
        replaces="",
        episode_id=new_episode_id() if original.kind is DocumentKind.INCAPACITY else "",
    )
    period = original.period
    length = (period.end - period.begin) if period and period.end else None
    body = doc.body
    if isinstance(body, IncapacityCertificate):
        body = replace(
            body,
            certificate_kind=CertificateKind.INITIAL,
            previous=None,
            period=Period(today, today + length if length is not None else None),
            expected_return=None,
        )
    elif isinstance(body, FitNote) and body.period is not None:
        body = replace(body, period=Period(today, today + length if length else None))
    elif isinstance(body, PartialResumption):
        body = replace(body, start=today, end=today + length if length is not None else None)
    elif isinstance(body, InvalidityRecognition):
        body = replace(body, valid_from=today, valid_until=today + timedelta(days=364))
    return replace(doc, body=body)
