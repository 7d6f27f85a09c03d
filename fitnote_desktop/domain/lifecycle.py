"""The lifecycle of a document: its statuses, the moves between them, what the
physician may do next, and the builders of follow-up drafts.

This is the one place that decides. The store refuses a status change that
:data:`TRANSITIONS` does not allow, the services refuse an action that
:func:`allowed_actions` does not offer, and the UI shows exactly the actions it offers:
the three can no longer disagree.

No I/O and no clock: each builder takes ``today`` and returns a new draft
:class:`Document`. The services persist what these return; the UI never builds a
prolongation itself. Keeping them pure makes the rules ("start = the day after the
previous end") testable without a database.
"""

from __future__ import annotations

import uuid
from dataclasses import replace
from datetime import date, timedelta
from enum import StrEnum
from typing import Final

from fitnote_desktop.domain.model import (
    CertificateKind,
    Consent,
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


class LifecycleError(ValueError):
    """A follow-up that cannot be built from this document; ``code`` is a message code."""

    def __init__(self, code: str) -> None:
        super().__init__(code)
        self.code = code


class DocumentStatus(StrEnum):
    """Where a document is in its life, as the physician sees it (and the store keeps)."""

    DRAFT = "draft"
    SIGNED = "signed"  # signed; paper only (no electronic recipient) or about to be queued
    QUEUED = "queued"  # signed, waiting in the outbox (offline is normal)
    SENDING = "sending"  # an outbox entry in flight (never a stored document status)
    SENT = "sent"  # delivered, receipt not yet verified
    ACCEPTED = "accepted"  # receipt verified and stored
    REJECTED = "rejected"  # the endpoint refused it; reason in ``last_error``
    RETRACTED = "retracted"
    REPLACED = "replaced"  # superseded by a corrected document

    @property
    def editable(self) -> bool:
        return self is DocumentStatus.DRAFT


S = DocumentStatus
TRANSITIONS: Final[dict[DocumentStatus, frozenset[DocumentStatus]]] = {
    S.DRAFT: frozenset({S.SIGNED}),  # only by signing
    S.SIGNED: frozenset({S.QUEUED, S.RETRACTED, S.REPLACED}),
    S.QUEUED: frozenset({S.SENT, S.ACCEPTED, S.REJECTED}),
    S.SENDING: frozenset(),
    S.SENT: frozenset({S.ACCEPTED, S.REJECTED}),
    S.ACCEPTED: frozenset({S.RETRACTED, S.REPLACED}),
    S.REJECTED: frozenset({S.QUEUED, S.REPLACED}),
    S.RETRACTED: frozenset(),
    S.REPLACED: frozenset(),
}
"""Allowed status moves. Rejected may be queued again (e.g. after the endpoint's
registry was fixed) because the signed bytes are unchanged; anything else that must
change content goes through a replacement document."""


def can_move(current: DocumentStatus, target: DocumentStatus) -> bool:
    return target in TRANSITIONS[current]


class Action(StrEnum):
    """What the physician may do with a document, named by lifecycle verb."""

    EDIT = "edit"
    SIGN = "sign"
    DELETE = "delete"
    PROLONG = "prolong"
    RELAPSE = "relapse"
    REPLACE = "replace"
    RETRACT = "retract"
    DUPLICATE = "duplicate"


_ENDED = frozenset({S.RETRACTED, S.REPLACED})


def allowed_actions(kind: DocumentKind, status: DocumentStatus) -> frozenset[Action]:
    """The actions on a document of ``kind`` in ``status``: the UI's buttons and menus,
    the services' guard and the store's table all follow this.

    - A draft is edited, signed or deleted; nothing signed is ever edited or deleted.
    - Only a certificate of incapacity is prolonged or continued by a relapse, and not
      once it was retracted or replaced.
    - A signed document is corrected by a replacement while it still stands (signed,
      accepted, or refused by the endpoint).
    - Retracting needs something to retract: a paper-only signed document (locally) or
      one the endpoint accepted (a signed retraction); not one still in the outbox.
    - Any document can be duplicated as a new draft.
    """
    if status.editable:
        return frozenset({Action.EDIT, Action.SIGN, Action.DELETE, Action.DUPLICATE})
    actions = {Action.DUPLICATE}
    if kind is DocumentKind.INCAPACITY and status not in _ENDED:
        actions |= {Action.PROLONG, Action.RELAPSE}
    if can_move(status, S.REPLACED):
        actions.add(Action.REPLACE)
    if can_move(status, S.RETRACTED):
        actions.add(Action.RETRACT)
    return frozenset(actions)


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
        raise LifecycleError("lifecycle.not_a_certificate")
    return doc.body


def previous_of(doc: Document) -> PreviousCertificate:
    """How a follow-up refers to ``doc``: its id, dates and author."""
    cert = _certificate(doc)
    return PreviousCertificate(str(doc.id), cert.period.begin, cert.period.end, doc.author.riziv)


def prolong(previous: Document, *, author: Practitioner, today: date) -> Document:
    """A prolongation prefilled from ``previous``: start = the day after its end.

    The duration of the previous certificate is proposed again; the fit-note is kept
    (capacities rarely change in a week) but its review date is cleared. Consent is not
    copied (it is given per document: ``consent.consent_offer`` proposes the last one),
    nor are the previous certificate's hospital stay and its antedating and duration
    justifications.
    """
    cert = _certificate(previous)
    if cert.period.end is None:
        raise LifecycleError("lifecycle.previous_without_end")
    begin = cert.period.end + timedelta(days=1)
    length = (cert.period.end - cert.period.begin).days
    end = begin + timedelta(days=length)
    fit = replace(cert.fit_note, review_date=None) if cert.fit_note is not None else None
    return _continuation(
        previous, CertificateKind.PROLONGATION, Period(begin, end), fit, author=author, today=today
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
        return replace(draft, patient=_keep_local(draft.patient, patient))
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


def _keep_local(fetched: Patient, local: Patient) -> Patient:
    """Local patient data wins over the fetched copy (address, language kept current)."""
    return replace(fetched, address=local.address, language=local.language)


def relapse(previous: Document, *, author: Practitioner, today: date) -> Document:
    """A relapse after ``previous``: a new incapacity from today, linked to it."""
    return _continuation(
        previous, CertificateKind.RELAPSE, Period(today, None), None, author=author, today=today
    )


def _continuation(
    previous: Document,
    kind: CertificateKind,
    period: Period,
    fit_note: FitNote | None,
    *,
    author: Practitioner,
    today: date,
) -> Document:
    """A certificate that continues ``previous``'s episode (prolongation or relapse).

    What belongs to that consultation alone is not carried over: the consent (asked
    again per document), the first prognosis, the hospital stay and the antedating
    justification.
    """
    return replace(
        previous,
        id=new_document_id(),
        author=author,
        consultation=Consultation(today, _place(author)),
        replaces="",
        consent=Consent(),
        episode_id=previous.episode_id or new_episode_id(),
        body=replace(
            _certificate(previous),
            certificate_kind=kind,
            period=period,
            expected_return=None,
            hospital_stay=None,
            antedating_justification="",
            duration_justification=None,
            previous=previous_of(previous),
            fit_note=fit_note,
        ),
    )


def replacement(original: Document, *, author: Practitioner, today: date) -> Document:
    """A corrected copy of a sent document; signing it replaces (and retracts) the original.

    The consent is asked again: it is recorded per document.
    """
    return replace(
        original,
        id=new_document_id(),
        author=author,
        consultation=Consultation(today, _place(author)),
        replaces=str(original.id),
        consent=Consent(),
    )


def duplicate(original: Document, *, author: Practitioner, today: date) -> Document:
    """ "Duplicate as new": same content, a new initial document from today."""
    doc = replace(
        original,
        id=new_document_id(),
        author=author,
        consultation=Consultation(today, _place(author)),
        replaces="",
        consent=Consent(),
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
            hospital_stay=None,
            antedating_justification="",
            duration_justification=None,
        )
    elif isinstance(body, FitNote) and body.period is not None:
        body = replace(body, period=Period(today, today + length if length else None))
    elif isinstance(body, PartialResumption):
        body = replace(body, start=today, end=today + length if length is not None else None)
    elif isinstance(body, InvalidityRecognition):
        body = replace(body, valid_from=today, valid_until=today + timedelta(days=364))
    return replace(doc, body=body)
