"""A real encrypted profile with a known set of signed certificates, for the mirror tests.

Today is ``TODAY`` (2026-11-29): the twelve-month window starts on 2025-11-29.

* patient A, low back pain (ICPC-2 L03): 1-10 Sep with a fit-note, prolonged 11-20 Sep
  without, then a partial resumption from 21 Sep: one 20-day episode, prolonged,
  followed by a partial resumption;
* patient B, low back pain: 1-5 Oct, no fit-note: a 5-day episode;
* patient C, depression (ICD-10 F32.1): 1 Jun - 30 Jul with a fit-note: 60 days;
* patient D: a low back pain *draft* (never counted) and a certificate of January 2025
  (before the window and more than its relapse window before anything else).

Expected: low back pain 3 certificates, 2 episodes, median 12.5 days, fit-note 1/3,
prolonged 1/2, partial resumption 1/2; depression 1 certificate, 60 days; all groups
4 certificates, 3 episodes, median 20.
"""

from __future__ import annotations

import dataclasses
import uuid
from datetime import date

from fitnote_desktop.domain import canonical, samples
from fitnote_desktop.domain.model import CodeSystem, Diagnosis, Document, Period
from fitnote_desktop.store import Profile

TODAY = date(2026, 11, 29)

LOW_BACK = Diagnosis("Lumbago", "L03", CodeSystem.ICPC2, principal=True)
DEPRESSION = Diagnosis("Depressie", "F32.1", CodeSystem.ICD10, principal=True)


def certificate(begin: date, end: date, diagnosis: Diagnosis, *, fit_note: bool) -> Document:
    doc = samples.incapacity(id=str(uuid.uuid4()), begin=begin, end=end, with_fit_note=fit_note)
    assert isinstance(doc.body, samples.IncapacityCertificate)
    return dataclasses.replace(doc, body=dataclasses.replace(doc.body, diagnoses=(diagnosis,)))


def partial(start: date) -> Document:
    doc = samples.partial_resumption()
    assert isinstance(doc.body, samples.PartialResumption)
    body = dataclasses.replace(doc.body, start=start, end=None)
    return dataclasses.replace(doc, id=uuid.uuid4(), body=body)


def store(profile: Profile, patient: uuid.UUID, doc: Document, *, sign: bool = True) -> None:
    payload = canonical.canonical_bytes(doc)
    period = doc.period or Period(date.min, None)
    profile.documents.create_draft(
        patient_id=patient,
        kind=doc.kind.value,
        language=doc.language.value,
        payload=payload,
        id=doc.id,
        period_begin=period.begin,
        period_end=period.end,
    )
    if sign:
        profile.documents.mark_signed(doc.id, payload=payload, signature=b"test signature")


def fill(profile: Profile, today: date = TODAY) -> None:
    """Write the documents described in the module docstring into ``profile``, every date
    moved by ``today - TODAY`` (for code that reads the real clock)."""
    shift = today - TODAY

    def day(y: int, m: int, d: int) -> date:
        return date(y, m, d) + shift

    ids = [
        profile.patients.create(given_name="P", family_name=name).id
        for name in ("A", "B", "C", "D")
    ]
    a, b, c, d = ids
    store(profile, a, certificate(day(2026, 9, 1), day(2026, 9, 10), LOW_BACK, fit_note=True))
    store(profile, a, certificate(day(2026, 9, 11), day(2026, 9, 20), LOW_BACK, fit_note=False))
    store(profile, a, partial(day(2026, 9, 21)))
    store(profile, b, certificate(day(2026, 10, 1), day(2026, 10, 5), LOW_BACK, fit_note=False))
    store(profile, c, certificate(day(2026, 6, 1), day(2026, 7, 30), DEPRESSION, fit_note=True))
    store(
        profile,
        d,
        certificate(day(2026, 11, 20), day(2026, 11, 25), LOW_BACK, fit_note=True),
        sign=False,
    )
    store(profile, d, certificate(day(2025, 1, 6), day(2025, 1, 10), LOW_BACK, fit_note=True))
