"""Rules on the parts every document has: patient, author, consultation, consent, recipients."""

from __future__ import annotations

from datetime import date, datetime

from fitnote_desktop.domain.findings import Finding
from fitnote_desktop.domain.identifiers import niss_error, niss_info, riziv_error
from fitnote_desktop.domain.model import (
    Document,
    InvalidityRecognition,
    PartialResumption,
    Recipient,
)
from fitnote_desktop.domain.rules.common import err, to_mutuality, warn


def check_header(doc: Document, today: date, now: datetime | None) -> list[Finding]:
    out: list[Finding] = []
    if code := niss_error(doc.patient.niss):
        out.append(err(code, "patient.niss"))
    if not doc.patient.family_name.strip() or not doc.patient.given_name.strip():
        out.append(err("patient.name_missing", "patient.family_name"))
    if code := riziv_error(doc.author.riziv):
        out.append(err(code, "author.riziv"))
    if not doc.author.family_name.strip():
        out.append(err("author.name_missing", "author.family_name"))
    if doc.author.niss and niss_error(doc.author.niss) is not None:
        out.append(err("author.niss_invalid", "author.niss"))
    if doc.consultation.date > today:
        out.append(err("consultation.in_future", "consultation.date"))
    if doc.sent_electronically and not doc.consent.electronic_sending:
        out.append(err("consent.electronic_missing", "consent.electronic_sending"))
    out += _consent(doc, today, now)
    if not doc.recipients:
        out.append(err("recipients.missing", "recipients"))
    employment = doc.employment
    if employment is not None and to_mutuality(doc) and employment.situation.kmehr_code is None:
        out.append(warn("employment.local_situation", "employment.situation"))
    fit = doc.fit_note
    if (
        fit is not None
        and fit.capacities
        and Recipient.EMPLOYER in doc.recipients
        and not doc.consent.share_capacities_with_employer
    ):
        out.append(warn("consent.capacities_not_shared", "consent.share_capacities_with_employer"))
    return out


def _consent(doc: Document, today: date, now: datetime | None) -> list[Finding]:
    """Consent is explicit per document and recorded no later than the signing."""
    consent = doc.consent
    recorded = consent.recorded_at
    given = consent.electronic_sending or consent.episode_sharing
    if recorded is None:
        return [warn("consent.recorded_at_missing", "consent.recorded_at")] if given else []
    if now is not None and recorded.tzinfo is not None and now.tzinfo is not None:
        late = recorded > now
    else:
        late = recorded.date() > today
    return [err("consent.recorded_after_signing", "consent.recorded_at")] if late else []


def check_dates_after_birth(doc: Document) -> list[Finding]:
    birth = doc.patient.birth_date
    if birth is None and niss_error(doc.patient.niss) is None:
        birth = niss_info(doc.patient.niss).birth_date
    period = doc.period
    if birth is None or period is None:
        return []
    out: list[Finding] = []
    if period.begin < birth:
        out.append(err("patient.date_before_birth", _begin_field(doc)))
    if doc.consultation.date < birth:
        out.append(err("patient.date_before_birth", "consultation.date"))
    return out


def _begin_field(doc: Document) -> str:
    body = doc.body
    if isinstance(body, PartialResumption):
        return "body.start"
    if isinstance(body, InvalidityRecognition):
        return "body.valid_from"
    return "body.period.begin"
