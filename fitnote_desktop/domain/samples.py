"""Deterministic sample documents of every kind.

They feed the example files in ``resources/examples/`` (golden files for the canonical
form), the demo profile, and tests of every layer. Fixed ids and dates, so the bytes
never change unless the model does.
"""

from __future__ import annotations

import uuid
from dataclasses import replace
from datetime import UTC, date, datetime, timedelta
from decimal import Decimal

from fitnote_desktop.demo import DEMO_GP, DEMO_SPECIALIST, DemoPhysician
from fitnote_desktop.domain.model import (
    Address,
    AdviceOption,
    AuthorisingRole,
    CertificateKind,
    CodeSystem,
    Consent,
    Consultation,
    Diagnosis,
    Document,
    Employment,
    EmploymentSituation,
    FitNote,
    FitNoteStatus,
    HospitalStay,
    IcfCapacity,
    IncapacityCertificate,
    IncapacityFor,
    IncapacityReason,
    InvalidityRecognition,
    Language,
    PartialResumption,
    Patient,
    Period,
    Practitioner,
    PreviousCertificate,
    Recipient,
    Sex,
)

SAMPLE_DAY = date(2026, 11, 16)  # a Monday: the consultation of the samples


def practitioner(who: DemoPhysician = DEMO_GP) -> Practitioner:
    return Practitioner(
        given_name=who.given_name,
        family_name=who.family_name,
        riziv=who.riziv,
        niss=who.niss,
        practice_name="Groepspraktijk De Linde" if who is DEMO_GP else "Clinique Saint-Luc",
        address=Address("Lindestraat", "12", "9000", "Gent")
        if who is DEMO_GP
        else Address("Avenue Hippocrate", "10", "1200", "Woluwe-Saint-Lambert"),
        phone="+32 9 123 45 67" if who is DEMO_GP else "+32 2 764 11 11",
    )


def patient() -> Patient:
    return Patient(
        niss="85073003229",
        given_name="Émilie",
        family_name="Vanderbeke-Dubois",
        language=Language.NL,
        address=Address("Kortrijksesteenweg", "250", "9000", "Gent"),
        birth_date=date(1985, 7, 30),
        sex=Sex.FEMALE,
    )


def consent(day: date = SAMPLE_DAY, *, employer: bool = True) -> Consent:
    return Consent(
        electronic_sending=True,
        share_capacities_with_employer=employer,
        episode_sharing=True,
        recorded_at=datetime(day.year, day.month, day.day, 9, 30, tzinfo=UTC),
        reference="CONSENT-2026-0042",
    )


def fit_note(begin: date = SAMPLE_DAY, *, period: Period | None = None) -> FitNote:
    return FitNote(
        status=FitNoteStatus.FIT_ADAPTED,
        advice=(AdviceOption.PHASED_RETURN, AdviceOption.AMENDED_DUTIES),
        free_advice="Geen tillen boven 5 kg; afwisselend zitten en staan.",
        review_date=begin + timedelta(days=13),
        capacities=(
            IcfCapacity("d430", 2, "Kan tot 5 kg heffen en dragen."),
            IcfCapacity("d415", 1, "Kan 4 uur per dag zittend werken, met pauzes."),
            IcfCapacity("d450", 1, "Kan korte afstanden wandelen (tot 500 m)."),
        ),
        period=period,
    )


def incapacity(
    *,
    id: str = "6f1c2b1e-7a3d-4c5e-9b8a-0d1e2f3a4b5c",
    begin: date = SAMPLE_DAY,
    end: date | None = None,
    with_fit_note: bool = True,
) -> Document:
    end = end or begin + timedelta(days=13)
    return Document(
        id=uuid.UUID(id),
        author=practitioner(),
        patient=patient(),
        consultation=Consultation(begin, "Gent"),
        language=Language.NL,
        employment=Employment(
            EmploymentSituation.EMPLOYED, "Magazijnier", "Logistiek Noord NV", None
        ),
        consent=consent(begin),
        episode_id="EP-6f1c2b1e",
        body=IncapacityCertificate(
            certificate_kind=CertificateKind.INITIAL,
            period=Period(begin, end),
            reason=IncapacityReason.ILLNESS,
            incapacity_for=IncapacityFor.WORK,
            diagnoses=(
                Diagnosis(
                    "Lumbago met uitstraling naar het linkerbeen",
                    "L86",
                    CodeSystem.ICPC2,
                    principal=True,
                ),
            ),
            out_of_home_allowed=True,
            expected_return=end + timedelta(days=1),
            fit_note=fit_note(begin) if with_fit_note else None,
        ),
    )


def prolongation(previous: Document | None = None) -> Document:
    previous = previous or incapacity()
    prev_period = previous.period
    assert prev_period is not None and prev_period.end is not None
    begin = prev_period.end + timedelta(days=1)
    end = begin + timedelta(days=20)
    cert = previous.body
    assert isinstance(cert, IncapacityCertificate)
    return replace(
        previous,
        id=uuid.UUID("0b9f3c4d-2e1a-4f6b-8c7d-5e4f3a2b1c0d"),
        author=practitioner(DEMO_SPECIALIST),
        consultation=Consultation(begin, "Woluwe-Saint-Lambert"),
        language=Language.FR,
        body=replace(
            cert,
            certificate_kind=CertificateKind.PROLONGATION,
            period=Period(begin, end),
            reason=IncapacityReason.ILLNESS,
            hospital_stay=HospitalStay(
                admission=begin,
                discharge=begin + timedelta(days=2),
                hospital_name="Cliniques universitaires Saint-Luc",
            ),
            diagnoses=(
                Diagnosis("Hernie discale L5-S1 opérée", "M51.1", CodeSystem.ICD10, principal=True),
            ),
            expected_return=end + timedelta(days=1),
            previous=PreviousCertificate(
                str(previous.id), prev_period.begin, prev_period.end, previous.author.riziv
            ),
            fit_note=FitNote(status=FitNoteStatus.NOT_FIT, review_date=end - timedelta(days=3)),
        ),
    )


def standalone_fit_note() -> Document:
    begin = SAMPLE_DAY + timedelta(days=14)
    return Document(
        id=uuid.UUID("3c2d1e0f-9a8b-4c7d-8e6f-1a2b3c4d5e6f"),
        author=practitioner(),
        patient=patient(),
        consultation=Consultation(begin, "Gent"),
        language=Language.NL,
        employment=Employment(EmploymentSituation.EMPLOYED, "Magazijnier", "Logistiek Noord NV"),
        consent=consent(begin),
        recipients=(Recipient.OCCUPATIONAL_PHYSICIAN, Recipient.EMPLOYER, Recipient.PATIENT),
        episode_id="EP-6f1c2b1e",
        body=fit_note(begin, period=Period(begin, begin + timedelta(days=27))),
    )


def partial_resumption() -> Document:
    start = SAMPLE_DAY + timedelta(days=35)
    return Document(
        id=uuid.UUID("9d8c7b6a-5f4e-4d3c-a2b1-0f9e8d7c6b5a"),
        author=practitioner(),
        patient=patient(),
        consultation=Consultation(start - timedelta(days=3), "Gent"),
        language=Language.NL,
        employment=Employment(EmploymentSituation.EMPLOYED, "Magazijnier", "Logistiek Noord NV"),
        consent=consent(start - timedelta(days=3)),
        recipients=(Recipient.ADVISING_PHYSICIAN, Recipient.EMPLOYER, Recipient.PATIENT),
        episode_id="EP-6f1c2b1e",
        body=PartialResumption(
            start=start,
            end=start + timedelta(days=90),
            percentage=50,
            nature="Magazijnwerk: orderpicking zonder heffen boven 5 kg.",
            conditions="Halve dagen, geen nachtwerk.",
            authorised_by=AuthorisingRole.TREATING_PHYSICIAN,
            related_certificate="6f1c2b1e-7a3d-4c5e-9b8a-0d1e2f3a4b5c",
        ),
    )


def partial_resumption_hours() -> Document:
    doc = partial_resumption()
    body = doc.body
    assert isinstance(body, PartialResumption)
    return replace(
        doc,
        id=uuid.UUID("1a2b3c4d-5e6f-4a7b-8c9d-0e1f2a3b4c5d"),
        body=replace(body, percentage=None, hours_per_week=Decimal("19.5")),
    )


def invalidity_recognition() -> Document:
    valid_from = date(2026, 12, 1)
    return Document(
        id=uuid.UUID("7e6d5c4b-3a29-4817-a6f5-e4d3c2b1a098"),
        author=practitioner(),
        patient=replace(patient(), language=Language.FR),
        consultation=Consultation(SAMPLE_DAY, "Gent"),
        language=Language.FR,
        employment=Employment(EmploymentSituation.EMPLOYED, "Magasinier", "Logistiek Noord NV"),
        consent=consent(),
        recipients=(Recipient.ADVISING_PHYSICIAN, Recipient.PATIENT),
        body=InvalidityRecognition(
            valid_from=valid_from,
            valid_until=date(2027, 11, 30),
            incapacity_since=date(2025, 10, 6),
            diagnoses=(
                Diagnosis(
                    "Dépression majeure récurrente", "F33.1", CodeSystem.ICD10, principal=True
                ),
            ),
            remarks="Suivi psychiatrique hebdomadaire.",
        ),
    )


def all_samples() -> dict[str, Document]:
    """Every kind, keyed by the example file name it is written to."""
    initial = incapacity()
    return {
        "incapacity-initial": initial,
        "incapacity-prolongation": prolongation(initial),
        "incapacity-relapse": relapse(initial),
        "fit-note": standalone_fit_note(),
        "partial-resumption": partial_resumption(),
        "partial-resumption-hours": partial_resumption_hours(),
        "invalidity-recognition": invalidity_recognition(),
    }


def relapse(previous: Document | None = None) -> Document:
    previous = previous or incapacity()
    prev_period = previous.period
    assert prev_period is not None and prev_period.end is not None
    begin = prev_period.end + timedelta(days=9)
    cert = previous.body
    assert isinstance(cert, IncapacityCertificate)
    return replace(
        previous,
        id=uuid.UUID("5a4b3c2d-1e0f-4a9b-8c7d-6e5f4a3b2c1d"),
        consultation=Consultation(begin, "Gent"),
        body=replace(
            cert,
            certificate_kind=CertificateKind.RELAPSE,
            period=Period(begin, begin + timedelta(days=6)),
            expected_return=begin + timedelta(days=7),
            previous=PreviousCertificate(
                str(previous.id), prev_period.begin, prev_period.end, previous.author.riziv
            ),
            fit_note=None,
        ),
    )
