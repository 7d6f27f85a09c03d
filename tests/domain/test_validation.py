"""Every rule, triggered by the smallest change to a valid document, names its code and field."""

from dataclasses import replace
from datetime import date, timedelta
from decimal import Decimal

import pytest

from fitnote_desktop.domain import samples
from fitnote_desktop.domain.findings import Severity, has_errors
from fitnote_desktop.domain.model import (
    AdviceOption,
    CodeSystem,
    Consent,
    Consultation,
    Diagnosis,
    Document,
    FitNote,
    FitNoteStatus,
    HospitalStay,
    IcfCapacity,
    IncapacityCertificate,
    IncapacityFor,
    IncapacityReason,
    InvalidityRecognition,
    PartialResumption,
    Period,
    PreviousCertificate,
    Recipient,
    Sex,
    StayAbroad,
)
from fitnote_desktop.domain.periods import add_months
from fitnote_desktop.domain.validation import validate

TODAY = date(2027, 1, 31)
DAY = samples.SAMPLE_DAY


def cert(doc: Document, **changes: object) -> Document:
    body = doc.body
    assert isinstance(body, IncapacityCertificate)
    return replace(doc, body=replace(body, **changes))


def fit(doc: Document, **changes: object) -> Document:
    body = doc.body
    assert isinstance(body, IncapacityCertificate) and body.fit_note is not None
    return cert(doc, fit_note=replace(body.fit_note, **changes))


def signing_day(doc: Document) -> date:
    """Signed on the day of the consultation (no antedating), unless that is after TODAY."""
    return min(TODAY, doc.consultation.date)


def codes(doc: Document, **kwargs: object) -> dict[str, tuple[str, Severity]]:
    """First finding per code: its field and severity."""
    out: dict[str, tuple[str, Severity]] = {}
    for f in validate(doc, today=signing_day(doc), **kwargs):  # type: ignore[arg-type]
        out.setdefault(f.code, (f.field, f.severity))
    return out


@pytest.mark.parametrize("name", sorted(samples.all_samples()))
def test_samples_are_valid(name: str) -> None:
    doc = samples.all_samples()[name]
    findings = validate(doc, today=signing_day(doc))
    assert findings == [], findings


MALE_NISS = "85073003130"  # same birth date, odd sequence 031: a man
INITIAL = samples.incapacity()
PROLONG = samples.prolongation()
RELAPSE = samples.relapse()

CASES = [
    # identifiers and header
    (
        replace(INITIAL, patient=replace(INITIAL.patient, niss="85073003228")),
        "niss.checksum",
        "patient.niss",
    ),
    (replace(INITIAL, patient=replace(INITIAL.patient, niss="")), "niss.missing", "patient.niss"),
    (
        replace(INITIAL, author=replace(INITIAL.author, riziv="12345626004")),
        "riziv.checksum",
        "author.riziv",
    ),
    (
        replace(INITIAL, patient=replace(INITIAL.patient, family_name=" ")),
        "patient.name_missing",
        "patient.family_name",
    ),
    (
        replace(INITIAL, consultation=Consultation(TODAY + timedelta(days=1))),
        "consultation.in_future",
        "consultation.date",
    ),
    (
        replace(INITIAL, consent=Consent()),
        "consent.electronic_missing",
        "consent.electronic_sending",
    ),
    (replace(INITIAL, recipients=()), "recipients.missing", "recipients"),
    # dates
    (cert(INITIAL, period=Period(DAY, None)), "period.end_missing", "body.period.end"),
    (
        cert(INITIAL, period=Period(DAY, DAY - timedelta(days=1))),
        "period.inverted",
        "body.period.end",
    ),
    (
        cert(INITIAL, period=Period(DAY - timedelta(days=3), DAY + timedelta(days=5))),
        "incapacity.antedated_begin",
        "body.antedating_justification",
    ),
    (
        cert(
            INITIAL,
            period=Period(DAY + timedelta(days=40), DAY + timedelta(days=50)),
            expected_return=None,
        ),
        "period.begin_far_future",
        "body.period.begin",
    ),
    (
        cert(INITIAL, period=Period(DAY, DAY + timedelta(days=400))),
        "period.very_long",
        "body.period.end",
    ),
    (
        replace(INITIAL, patient=replace(INITIAL.patient, birth_date=DAY + timedelta(days=1))),
        "patient.date_before_birth",
        "body.period.begin",
    ),
    (cert(INITIAL, expected_return=DAY), "incapacity.return_before_begin", "body.expected_return"),
    # reasons
    (
        cert(INITIAL, reason=IncapacityReason.WORK_ACCIDENT),
        "reason.accident_date_missing",
        "body.accident_date",
    ),
    (
        cert(INITIAL, reason=IncapacityReason.ACCIDENT, accident_date=DAY + timedelta(days=2)),
        "reason.accident_after_begin",
        "body.accident_date",
    ),
    (
        cert(INITIAL, reason=IncapacityReason.OCCUPATIONAL_DISEASE),
        "reason.disease_declaration_missing",
        "body.occupational_disease_declared",
    ),
    (
        cert(
            INITIAL, hospital_stay=HospitalStay(DAY + timedelta(days=30), DAY + timedelta(days=31))
        ),
        "hospital_stay.outside_period",
        "body.hospital_stay.admission",
    ),
    (
        cert(INITIAL, hospital_stay=HospitalStay(DAY + timedelta(days=3), DAY + timedelta(days=1))),
        "period.inverted",
        "body.hospital_stay.discharge",
    ),
    (
        replace(
            cert(INITIAL, reason=IncapacityReason.PREGNANCY),
            patient=replace(INITIAL.patient, niss=MALE_NISS, sex=Sex.FEMALE),
        ),
        "reason.pregnancy_sex",
        "body.reason",
    ),
    (
        cert(INITIAL, stay_abroad=StayAbroad(DAY + timedelta(days=10), DAY + timedelta(days=20))),
        "stay_abroad.outside_period",
        "body.stay_abroad.begin",
    ),
    # prolongation / relapse
    (cert(PROLONG, previous=None), "certificate.previous_missing", "body.previous.reference"),
    (
        cert(PROLONG, previous=PreviousCertificate("paper-ref", DAY, None)),
        "certificate.previous_end_unknown",
        "body.previous.end",
    ),
    (
        cert(PROLONG, previous=PreviousCertificate("ref", DAY, DAY + timedelta(days=10))),
        "prolongation.gap",
        "body.period.begin",
    ),
    (
        cert(PROLONG, previous=PreviousCertificate("ref", DAY, DAY + timedelta(days=20))),
        "prolongation.overlap",
        "body.period.begin",
    ),
    (
        cert(RELAPSE, previous=PreviousCertificate("ref", DAY, DAY + timedelta(days=25))),
        "relapse.overlap",
        "body.period.begin",
    ),
    (
        cert(
            RELAPSE,
            previous=PreviousCertificate("ref", DAY - timedelta(days=40), DAY - timedelta(days=30)),
        ),
        "relapse.outside_window",
        "body.period.begin",
    ),
    # diagnosis
    (cert(INITIAL, diagnoses=()), "diagnosis.missing", "body.diagnoses[0].text"),
    (
        cert(INITIAL, diagnoses=(Diagnosis("Lumbago", "L86"),)),
        "diagnosis.code_system_missing",
        "body.diagnoses[0].code_system",
    ),
    (
        cert(INITIAL, diagnoses=(Diagnosis("Lumbago", "L8", CodeSystem.ICPC2),)),
        "diagnosis.code_format",
        "body.diagnoses[0].code",
    ),
    # fit-note and ICF
    (
        fit(INITIAL, advice=(), capacities=(), free_advice=""),
        "fitnote.adapted_without_advice",
        "body.fit_note.advice",
    ),
    (
        fit(INITIAL, review_date=DAY - timedelta(days=1)),
        "fitnote.review_before_begin",
        "body.fit_note.review_date",
    ),
    (
        fit(INITIAL, capacities=(IcfCapacity("x430", 1, "x"),)),
        "icf.unknown_code",
        "body.fit_note.capacities[0].code",
    ),
    (
        fit(INITIAL, capacities=(IcfCapacity("d999", 1, "x"),)),
        "icf.code_not_in_catalogue",
        "body.fit_note.capacities[0].code",
    ),
    (
        fit(INITIAL, capacities=(IcfCapacity("d430", 5, "x"),)),
        "icf.invalid_qualifier",
        "body.fit_note.capacities[0].qualifier",
    ),
    (
        fit(INITIAL, capacities=(IcfCapacity("d430", 1, "x"), IcfCapacity("d430", 2, "y"))),
        "icf.duplicate",
        "body.fit_note.capacities[1].code",
    ),
    (
        fit(INITIAL, capacities=(IcfCapacity("d430", 1, " "),)),
        "icf.statement_missing",
        "body.fit_note.capacities[0].statement",
    ),
    (
        replace(INITIAL, consent=replace(INITIAL.consent, share_capacities_with_employer=False)),
        "consent.capacities_not_shared",
        "consent.share_capacities_with_employer",
    ),
]


@pytest.mark.parametrize(("doc", "code", "field"), CASES, ids=[c[1] for c in CASES])
def test_rule(doc: Document, code: str, field: str) -> None:
    found = codes(doc)
    assert code in found, found
    assert found[code][0] == field


def resumption(**changes: object) -> Document:
    doc = samples.partial_resumption()
    assert isinstance(doc.body, PartialResumption)
    return replace(doc, body=replace(doc.body, **changes))


@pytest.mark.parametrize(
    ("changes", "code"),
    [
        ({"percentage": 0}, "resumption.percentage_range"),
        ({"percentage": 100}, "resumption.percentage_range"),
        ({"percentage": None}, "resumption.extent_missing"),
        ({"hours_per_week": Decimal("19")}, "resumption.extent_ambiguous"),
        ({"percentage": None, "hours_per_week": Decimal("0")}, "resumption.hours_range"),
        ({"end": DAY}, "period.inverted"),
        ({"related_certificate": ""}, "resumption.certificate_unlinked"),
    ],
)
def test_partial_resumption_rules(changes: dict, code: str) -> None:
    assert code in codes(resumption(**changes))


@pytest.mark.parametrize("pct", [1, 50, 99])
def test_partial_resumption_percentages_in_range_are_fine(pct: int) -> None:
    assert codes(resumption(percentage=pct)) == {}


def invalidity(**changes: object) -> Document:
    doc = samples.invalidity_recognition()
    assert isinstance(doc.body, InvalidityRecognition)
    return replace(doc, body=replace(doc.body, **changes))


def test_invalidity_recognition_limited_to_twelve_months() -> None:
    start = date(2026, 12, 1)
    assert codes(invalidity(valid_until=add_months(start, 12) - timedelta(days=1))) == {}
    assert "invalidity.too_long" in codes(invalidity(valid_until=add_months(start, 12)))
    assert "period.inverted" in codes(invalidity(valid_until=start - timedelta(days=1)))
    assert "invalidity.before_one_year" in codes(invalidity(incapacity_since=date(2026, 6, 1)))
    assert "diagnosis.missing" in codes(invalidity(diagnoses=()))


def test_standalone_fit_note_needs_a_period() -> None:
    doc = samples.standalone_fit_note()
    assert isinstance(doc.body, FitNote)
    no_period = replace(doc, body=replace(doc.body, period=None))
    assert codes(no_period)["period.missing"][0] == "body.period"
    adapted_empty = replace(doc, body=FitNote(FitNoteStatus.FIT_ADAPTED, period=doc.body.period))
    assert "fitnote.adapted_without_advice" in codes(adapted_empty)
    only_advice = replace(
        doc,
        body=FitNote(
            FitNoteStatus.FIT_ADAPTED, advice=(AdviceOption.ALTERED_HOURS,), period=doc.body.period
        ),
    )
    assert not has_errors(validate(only_advice, today=TODAY))


def test_prolongation_starting_the_day_after_is_accepted() -> None:
    assert codes(PROLONG) == {}
    body = PROLONG.body
    assert isinstance(body, IncapacityCertificate) and body.previous is not None
    assert body.period.begin == body.previous.end + timedelta(days=1)


def test_relapse_begin_end_plus_fourteen_is_accepted_and_end_plus_fifteen_warns() -> None:
    prev_end = DAY - timedelta(days=1)
    within = cert(
        RELAPSE,
        previous=PreviousCertificate("ref", DAY - timedelta(days=10), prev_end),
        period=Period(prev_end + timedelta(days=14), prev_end + timedelta(days=20)),
    )
    assert "relapse.outside_window" not in codes(within)
    beyond = cert(
        within, period=Period(prev_end + timedelta(days=15), prev_end + timedelta(days=20))
    )
    assert codes(beyond)["relapse.outside_window"][1] is Severity.WARNING


def test_warnings_do_not_block_signing() -> None:
    doc = cert(INITIAL, period=Period(DAY - timedelta(days=10), DAY + timedelta(days=5)))
    findings = validate(doc, today=TODAY)
    assert findings and not has_errors(findings)


def test_swimming_certificate_for_the_patient_needs_no_diagnosis() -> None:
    doc = cert(
        replace(INITIAL, recipients=(Recipient.PATIENT,)),
        incapacity_for=IncapacityFor.SWIM,
        diagnoses=(),
        fit_note=None,
    )
    assert codes(doc) == {}
    to_mutuality = replace(doc, recipients=(Recipient.ADVISING_PHYSICIAN, Recipient.PATIENT))
    assert codes(to_mutuality)["diagnosis.missing"][1] is Severity.ERROR
    assert codes(to_mutuality)["incapacity.for_not_work"][1] is Severity.WARNING


def test_add_months_clamps_to_month_end() -> None:
    assert add_months(date(2026, 1, 31), 1) == date(2026, 2, 28)
    assert add_months(date(2028, 1, 31), 1) == date(2028, 2, 29)
    assert add_months(date(2026, 11, 30), 3) == date(2027, 2, 28)
