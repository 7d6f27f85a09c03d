"""The 17 rules of issue 12 (Belgian conformance), one or more tests each.

Sources: the Mult-eMediatt schematron and KMEHR 1.42 in ../shared/kmehr, DOMAIN.md.
"""

from __future__ import annotations

import uuid
from dataclasses import replace
from datetime import UTC, date, datetime, timedelta

import pytest

from fitnote_desktop.domain import datasets, icf, samples, timeline
from fitnote_desktop.domain.findings import Severity
from fitnote_desktop.domain.icpc import icpc_label
from fitnote_desktop.domain.model import (
    AuthorisingRole,
    CertificateKind,
    CodeSystem,
    Diagnosis,
    Document,
    Employment,
    EmploymentSituation,
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
)
from fitnote_desktop.domain.periods import exceeds_three_months, relapse_window_end
from fitnote_desktop.domain.validation import validate

DAY = samples.SAMPLE_DAY
INITIAL = samples.incapacity()
MALE_NISS = "85073003130"


def cert(doc: Document, **changes: object) -> Document:
    assert isinstance(doc.body, IncapacityCertificate)
    return replace(doc, body=replace(doc.body, **changes))


def found(doc: Document, **kwargs: object) -> dict[str, Severity]:
    today = kwargs.pop("today", doc.consultation.date)
    return {f.code: f.severity for f in validate(doc, today=today, **kwargs)}  # type: ignore[arg-type]


def finding(doc: Document, code: str, **kwargs: object):  # type: ignore[no-untyped-def]
    today = kwargs.pop("today", doc.consultation.date)
    return next(f for f in validate(doc, today=today, **kwargs) if f.code == code)  # type: ignore[arg-type]


# 1 -------------------------------------------------------------- KMEHR code values


def test_rule1_employment_codes_are_kmehr_or_local() -> None:
    assert EmploymentSituation.EMPLOYED.kmehr_code == "employed"
    assert EmploymentSituation.CIVIL_SERVANT.kmehr_code == "civilservant"
    assert EmploymentSituation.SELF_EMPLOYED.kmehr_code == "selfemployed"
    assert EmploymentSituation.JOB_SEEKER.kmehr_code is None
    assert EmploymentSituation.OTHER.kmehr_code is None
    seeker = replace(INITIAL, employment=Employment(EmploymentSituation.JOB_SEEKER))
    assert found(seeker)["employment.local_situation"] is Severity.WARNING
    assert "employment.local_situation" not in found(INITIAL)


# 2 -------------------------------------------------------------- one "incapacity for"


def test_rule2_not_work_to_the_mutuality_is_flagged() -> None:
    school = cert(INITIAL, incapacity_for=IncapacityFor.SCHOOL)
    assert found(school)["incapacity.for_not_work"] is Severity.WARNING
    assert isinstance(INITIAL.body, IncapacityCertificate)
    assert isinstance(INITIAL.body.incapacity_for, IncapacityFor)  # a value, not a list


# 3 -------------------------------------------------------------- hospital stay


def test_rule3_hospitalisation_is_a_stay_not_a_reason() -> None:
    assert "hospitalisation" not in {r.value for r in IncapacityReason}
    assert len(IncapacityReason) == 6
    stay = cert(INITIAL, hospital_stay=HospitalStay(DAY, DAY + timedelta(days=2)))
    assert found(stay)["hospital_stay.hospital_missing"] is Severity.WARNING
    named = cert(INITIAL, hospital_stay=HospitalStay(DAY, DAY + timedelta(days=2), "AZ Sint-Jan"))
    assert not [c for c in found(named) if c.startswith("hospital_stay")]
    outside = cert(named, hospital_stay=HospitalStay(DAY + timedelta(days=40), None, "AZ"))
    assert found(outside)["hospital_stay.outside_period"] is Severity.ERROR


# 4 -------------------------------------------------------------- three months


@pytest.mark.parametrize(
    ("begin", "end", "too_long"),
    [
        (date(2026, 1, 15), date(2026, 4, 14), False),  # three months minus one day
        (date(2026, 1, 15), date(2026, 4, 15), True),
        (date(2026, 11, 30), date(2027, 2, 28), False),  # day 28 < 30: the schematron allows
        (date(2026, 1, 31), date(2026, 4, 30), False),
        (date(2026, 1, 1), date(2026, 3, 31), False),
        (date(2026, 1, 1), date(2026, 4, 1), True),
        (date(2026, 1, 15), date(2026, 5, 1), True),
    ],
)
def test_rule4_schematron_arithmetic(begin: date, end: date, too_long: bool) -> None:
    assert exceeds_three_months(begin, end) is too_long


def test_rule4_only_when_the_mutuality_receives_it() -> None:
    long = cert(
        INITIAL,
        period=Period(DAY, DAY + timedelta(days=100)),
        expected_return=DAY + timedelta(days=101),
        fit_note=None,
    )
    assert found(long)["period.over_three_months"] is Severity.ERROR
    patient_only = replace(long, recipients=(Recipient.PATIENT,))
    assert "period.over_three_months" not in found(patient_only)


# 5 -------------------------------------------------------------- diagnoses


def test_rule5_diagnoses_at_most_three_one_principal_code_or_text() -> None:
    four = tuple(Diagnosis("x", f"L8{i}", CodeSystem.ICPC2) for i in range(4))
    assert found(cert(INITIAL, diagnoses=four))["diagnosis.too_many"] is Severity.ERROR
    two_principal = (Diagnosis("a", principal=True), Diagnosis("b", principal=True))
    assert "diagnosis.principal_multiple" in found(cert(INITIAL, diagnoses=two_principal))
    code_only = (Diagnosis(code="P76", code_system=CodeSystem.ICPC2, principal=True),)
    assert not [c for c in found(cert(INITIAL, diagnoses=code_only)) if c.startswith("diagn")]
    assert "diagnosis.empty" in found(cert(INITIAL, diagnoses=(Diagnosis(),)))


def test_rule5_principal_is_the_marked_one() -> None:
    second = (Diagnosis("a"), Diagnosis("b", principal=True))
    body = cert(INITIAL, diagnoses=second).body
    assert isinstance(body, IncapacityCertificate)
    assert body.principal_diagnosis == second[1]


def test_rule5_icpc_labels_in_four_languages() -> None:
    assert icpc_label("L03", "en") == "Low back symptom/complaint"
    assert icpc_label("p76", "en") == "Depressive disorder"
    assert icpc_label("R74", "fr")
    assert icpc_label("R74", "de") and icpc_label("R74", "nl")
    assert icpc_label("Z99", "en") is None


# 6 -------------------------------------------------------------- first prognosis


def test_rule6_first_prognosis_mandatory_and_after_the_period() -> None:
    assert found(cert(INITIAL, expected_return=None))["incapacity.expected_return_missing"]
    inside = cert(INITIAL, expected_return=DAY + timedelta(days=3))
    assert found(inside)["incapacity.return_inside_period"] is Severity.ERROR


# 7 -------------------------------------------------------------- relapse window


def test_rule7_relapse_window_primary_and_invalidity() -> None:
    end = date(2026, 3, 10)
    assert relapse_window_end(end, invalidity=False) == date(2026, 3, 24)  # end + 14
    assert relapse_window_end(end, invalidity=True) == date(2026, 6, 10)


def _relapse_after(previous: Document, begin: date) -> Document:
    prev = previous.period
    assert prev is not None and prev.end is not None
    rel = samples.relapse(previous)
    return replace(
        cert(
            rel,
            period=Period(begin, begin + timedelta(days=6)),
            expected_return=begin + timedelta(days=7),
            previous=PreviousCertificate(str(previous.id), prev.begin, prev.end),
        ),
        consultation=replace(rel.consultation, date=begin),
    )


def test_rule7_relapse_during_invalidity_has_three_months() -> None:
    # an episode that began more than a year before the previous certificate's end
    old_start = DAY - timedelta(days=400)
    chain = []
    begin = old_start
    for i in range(30):
        end = begin + timedelta(days=13)
        chain.append(
            replace(
                cert(INITIAL, period=Period(begin, end)),
                id=uuid.UUID(int=i + 1),
            )
        )
        begin = end + timedelta(days=1)
    last = chain[-1]
    assert last.period is not None and last.period.end is not None
    late = _relapse_after(last, last.period.end + timedelta(days=40))
    assert "relapse.outside_window" not in found(late, others=chain)
    assert "relapse.outside_window" in found(late, others=chain[-1:])  # without the history


def test_rule7_timeline_uses_the_same_window() -> None:
    first = INITIAL
    assert first.period is not None and first.period.end is not None
    day14 = _relapse_after(first, first.period.end + timedelta(days=14))
    day15 = _relapse_after(first, first.period.end + timedelta(days=15))
    assert len(timeline.split_episodes([first, day14])) == 1
    assert len(timeline.split_episodes([first, day15])) == 2


# 8 -------------------------------------------------------------- overlaps across all


def test_rule8_overlap_with_any_other_certificate_names_it() -> None:
    foreign = replace(
        INITIAL,
        id=uuid.UUID(int=99),
        author=samples.practitioner(samples.DEMO_SPECIALIST),
    )
    mine = replace(INITIAL, id=uuid.UUID(int=100))
    overlap = finding(mine, "certificate.overlaps", others=[foreign])
    assert overlap.severity is Severity.ERROR
    assert overlap.params["reference"] == str(foreign.id)
    assert "certificate.overlaps" not in found(mine, others=[mine])  # itself is no other
    replacing = replace(mine, replaces=str(foreign.id))
    assert "certificate.overlaps" not in found(replacing, others=[foreign])


def test_rule8_previous_dates_come_from_the_other_certificates() -> None:
    prolong = samples.prolongation()
    unknown_dates = cert(prolong, previous=PreviousCertificate(str(INITIAL.id)))
    assert "certificate.previous_end_unknown" in found(unknown_dates)
    assert not [
        c
        for c in found(unknown_dates, others=[INITIAL])
        if c.startswith(("prolong", "certificate"))
    ]


def test_rule8_initial_right_after_another_is_the_same_incapacity() -> None:
    assert INITIAL.period is not None and INITIAL.period.end is not None
    begin = INITIAL.period.end + timedelta(days=3)
    again = replace(
        cert(
            INITIAL,
            period=Period(begin, begin + timedelta(days=5)),
            expected_return=begin + timedelta(days=6),
        ),
        id=uuid.UUID(int=7),
    )
    assert found(again, others=[INITIAL])["certificate.same_incapacity"] is Severity.WARNING


# 9 -------------------------------------------------------------- physician's NISS


@pytest.mark.parametrize("recipient", list(Recipient))
def test_rule9_author_niss_only_for_the_advising_physician(recipient: Recipient) -> None:
    assert INITIAL.author.niss
    view = datasets.project(INITIAL, recipient)
    expected = INITIAL.author.niss if recipient is Recipient.ADVISING_PHYSICIAN else ""
    assert view.author.niss == expected
    assert (INITIAL.author.niss in str(view.as_dict())) is bool(expected)


def test_rule9_author_niss_must_be_valid() -> None:
    bad = replace(INITIAL, author=replace(INITIAL.author, niss="12345678901"))
    assert found(bad)["author.niss_invalid"] is Severity.ERROR


# 10 ------------------------------------------------------------- consent


def test_rule10_consent_not_recorded_after_signing() -> None:
    late = replace(
        INITIAL,
        consent=replace(INITIAL.consent, recorded_at=datetime(2026, 11, 17, 8, tzinfo=UTC)),
    )
    assert found(late)["consent.recorded_after_signing"] is Severity.ERROR
    signing = datetime(2026, 11, 16, 9, 0, tzinfo=UTC)  # before the 9:30 of the sample
    assert "consent.recorded_after_signing" in found(INITIAL, now=signing)
    assert "consent.recorded_after_signing" not in found(INITIAL, now=signing + timedelta(hours=1))
    unrecorded = replace(INITIAL, consent=replace(INITIAL.consent, recorded_at=None))
    assert found(unrecorded)["consent.recorded_at_missing"] is Severity.WARNING


# 11 ------------------------------------------------------------- partial resumption


def _resumption(**changes: object) -> Document:
    doc = samples.partial_resumption()
    assert isinstance(doc.body, PartialResumption)
    return replace(doc, body=replace(doc.body, **changes))


def test_rule11_nature_volume_conditions_and_no_retroactive_start() -> None:
    doc = samples.partial_resumption()
    assert found(_resumption(nature=""))["resumption.nature_missing"] is Severity.ERROR
    assert found(_resumption(conditions=""))["resumption.conditions_missing"] is Severity.WARNING
    early = _resumption(start=doc.consultation.date - timedelta(days=1))
    assert found(early)["resumption.start_before_consultation"] is Severity.ERROR


def test_rule11_authorised_by_is_the_signers_role() -> None:
    doc = samples.partial_resumption()
    own = found(doc, signer_role=AuthorisingRole.TREATING_PHYSICIAN)
    assert "resumption.authorised_by_not_signer" not in own
    other = found(doc, signer_role=AuthorisingRole.OCCUPATIONAL_PHYSICIAN)
    assert other["resumption.authorised_by_not_signer"] is Severity.ERROR


# 12 ------------------------------------------------------------- invalidity recognition


def test_rule12_invalidity_dates_bounded() -> None:
    doc = samples.invalidity_recognition()
    assert isinstance(doc.body, InvalidityRecognition)
    years_ahead = replace(
        doc,
        body=replace(doc.body, valid_from=date(2029, 1, 1), valid_until=date(2029, 12, 31)),
    )
    assert found(years_ahead)["invalidity.starts_far_ahead"] is Severity.ERROR
    since_future = replace(doc, body=replace(doc.body, incapacity_since=DAY + timedelta(days=1)))
    assert found(since_future)["invalidity.since_in_future"] is Severity.ERROR


# 13 ------------------------------------------------------------- antedating


def test_rule13_antedating_needs_a_justification() -> None:
    two_back = cert(INITIAL, period=Period(DAY - timedelta(days=2), DAY + timedelta(days=13)))
    assert "incapacity.antedated_begin" not in found(two_back)
    three_back = cert(two_back, period=Period(DAY - timedelta(days=3), DAY + timedelta(days=13)))
    assert found(three_back)["incapacity.antedated_begin"] is Severity.WARNING
    assert "incapacity.antedated_begin" not in found(
        cert(three_back, antedating_justification="Patiënt was bedlegerig, huisbezoek.")
    )
    late_signing = found(INITIAL, today=DAY + timedelta(days=3))
    assert late_signing["incapacity.antedated_consultation"] is Severity.WARNING
    assert "incapacity.antedated_consultation" not in found(INITIAL, today=DAY + timedelta(days=2))


def test_rule13_justification_reaches_only_the_advising_physician() -> None:
    doc = cert(INITIAL, antedating_justification="JUSTIFICATION-MARK")
    for recipient in Recipient:
        shown = "JUSTIFICATION-MARK" in str(datasets.project(doc, recipient).as_dict())
        assert shown is (recipient is Recipient.ADVISING_PHYSICIAN)


# 14 ------------------------------------------------------------- pregnancy


def test_rule14_sex_from_the_niss_decides() -> None:
    typed_female = replace(
        INITIAL, patient=replace(INITIAL.patient, niss=MALE_NISS, sex=Sex.FEMALE)
    )
    pregnant = cert(typed_female, reason=IncapacityReason.PREGNANCY)
    assert found(pregnant)["reason.pregnancy_sex"] is Severity.ERROR
    typed_male = replace(INITIAL, patient=replace(INITIAL.patient, sex=Sex.MALE))  # NISS: woman
    assert "reason.pregnancy_sex" not in found(cert(typed_male, reason=IncapacityReason.PREGNANCY))


def test_rule14_self_employed_woman_gives_delivery_and_maternity_leave() -> None:
    doc = cert(
        replace(INITIAL, employment=Employment(EmploymentSituation.SELF_EMPLOYED)),
        reason=IncapacityReason.PREGNANCY,
    )
    codes = found(doc)
    assert codes["pregnancy.expected_delivery_missing"] is Severity.ERROR
    assert codes["pregnancy.maternity_leave_missing"] is Severity.ERROR
    complete = cert(
        doc,
        expected_delivery=DAY + timedelta(days=60),
        maternity_leave=Period(DAY + timedelta(days=30), DAY + timedelta(days=120)),
    )
    assert not [c for c in found(complete) if c.startswith("pregnancy.")]
    employed = cert(INITIAL, reason=IncapacityReason.PREGNANCY)
    assert not [c for c in found(employed) if c.startswith("pregnancy.")]


# 15 ------------------------------------------------------------- RIZIV: see test_identifiers

# 16 ------------------------------------------------------------- ICF notation


def test_rule16_capacity_notation_and_catalogue_warning() -> None:
    assert icf.capacity_notation("d430", 2) == "d430._2"
    assert icf.capacity_notation("b130", 1) == "b130.1"
    assert icf.capacity_notation("e310", 2) == "e310.2"
    fit = INITIAL.fit_note
    assert fit is not None
    outside = cert(INITIAL, fit_note=replace(fit, capacities=(IcfCapacity("d4309", 1, "x"),)))
    assert found(outside)["icf.code_not_in_catalogue"] is Severity.WARNING


# 17 ------------------------------------------------------------- placeholders


@pytest.mark.parametrize("statement", ["Kan tot ... kg heffen.", "Peut porter … kg."])
def test_rule17_placeholders_are_an_error(statement: str) -> None:
    fit = INITIAL.fit_note
    assert fit is not None
    doc = cert(INITIAL, fit_note=replace(fit, capacities=(IcfCapacity("d430", 2, statement),)))
    assert found(doc)["icf.statement_placeholder"] is Severity.ERROR


def test_kinds_of_certificates_are_kmehr_transaction_types() -> None:
    assert {k.value for k in CertificateKind} == {"initial", "prolongation", "relapse"}
