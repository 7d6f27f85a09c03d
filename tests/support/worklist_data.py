"""Issued certificates and recognitions written straight into a real encrypted store.

The worklist reads what the store holds; these helpers put it there as the signing flow
leaves it (a signed payload with its period columns), without a signer or an endpoint.
"""

from __future__ import annotations

import uuid
from dataclasses import replace
from datetime import date, timedelta
from typing import Any

from fitnote_desktop.domain import canonical, samples
from fitnote_desktop.domain.model import (
    Document,
    FitNoteStatus,
    IncapacityCertificate,
    InvalidityRecognition,
    Period,
)


def certificate(
    begin: date, end: date | None, *, fit_note: FitNoteStatus | None = FitNoteStatus.FIT_ADAPTED
) -> Document:
    doc = samples.incapacity(id=str(uuid.uuid4()), begin=begin, end=end or begin)
    assert isinstance(doc.body, IncapacityCertificate)
    body = doc.body
    fit = replace(body.fit_note, status=fit_note) if fit_note and body.fit_note else None
    return replace(doc, body=replace(body, period=Period(begin, end), fit_note=fit))


def recognition(valid_from: date, valid_until: date, since: date) -> Document:
    doc = samples.invalidity_recognition()
    assert isinstance(doc.body, InvalidityRecognition)
    body = replace(doc.body, valid_from=valid_from, valid_until=valid_until, incapacity_since=since)
    return replace(doc, id=uuid.uuid4(), body=body)


def add_patient(profile: Any, given: str, family: str) -> uuid.UUID:
    return profile.patients.create(given_name=given, family_name=family).id


def issue(profile: Any, patient_id: uuid.UUID, doc: Document, *, status: str = "signed") -> str:
    """Store ``doc`` as signed (then moved to ``status``: queued, sent, accepted...)."""
    payload = canonical.canonical_bytes(doc)
    period = doc.period
    assert period is not None
    profile.documents.create_draft(
        patient_id=patient_id,
        kind=doc.kind.value,
        language=doc.language.value,
        payload=payload,
        id=doc.id,
        period_begin=period.begin,
        period_end=period.end,
    )
    profile.documents.mark_signed(doc.id, payload=payload, signature=b"not-a-real-cms")
    path = {"queued": ["queued"], "sent": ["queued", "sent"], "accepted": ["queued", "accepted"]}
    path["rejected"] = ["queued", "rejected"]
    path["retracted"] = ["queued", "accepted", "retracted"]
    for step in path.get(status, []):
        profile.documents.set_status(doc.id, step)
    return str(doc.id)


def span(today: date, start_days_ago: int, end_in_days: int | None) -> tuple[date, date | None]:
    return (
        today - timedelta(days=start_days_ago),
        None if end_in_days is None else today + timedelta(days=end_in_days),
    )
