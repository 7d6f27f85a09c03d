"""Incapacity certificate rules: period, return date, reason, hospital stay, pregnancy.

The checks against the patient's other certificates are in ``history.py``; the embedded
fit note's in ``fit_note.py``.
"""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date, timedelta

from fitnote_desktop.domain.findings import Finding
from fitnote_desktop.domain.model import (
    Document,
    EmploymentSituation,
    IncapacityCertificate,
    IncapacityFor,
    IncapacityReason,
    Sex,
)
from fitnote_desktop.domain.periods import exceeds_three_months
from fitnote_desktop.domain.rules.common import err, patient_sex, to_mutuality, warn
from fitnote_desktop.domain.rules.diagnoses import check_diagnoses
from fitnote_desktop.domain.rules.fit_note import check_fit_note
from fitnote_desktop.domain.rules.history import check_overlaps, check_previous, resolved_previous
from fitnote_desktop.domain.rules.period import FUTURE_WARNING_DAYS, check_period

ANTEDATING_DAYS = 2  # Belgian practice: more than 2 days back needs a justification
ACCIDENT_REASONS = frozenset(
    {IncapacityReason.ACCIDENT, IncapacityReason.WORK_ACCIDENT, IncapacityReason.TRAVEL_ACCIDENT}
)


def check_incapacity(
    doc: Document, cert: IncapacityCertificate, today: date, others: Sequence[Document]
) -> list[Finding]:
    consultation = doc.consultation.date
    out = check_period(cert.period, "body.period", consultation=None)
    out += _antedating(doc, cert, today)
    if cert.period.begin > consultation + timedelta(days=FUTURE_WARNING_DAYS):
        out.append(
            warn(
                "period.begin_far_future",
                "body.period.begin",
                days=(cert.period.begin - consultation).days,
            )
        )
    begin, end = cert.period.begin, cert.period.end
    if to_mutuality(doc):
        if end is not None and end >= begin and exceeds_three_months(begin, end):
            out.append(err("period.over_three_months", "body.period.end"))
        if cert.incapacity_for is not IncapacityFor.WORK:
            out.append(warn("incapacity.for_not_work", "body.incapacity_for"))
    out += check_diagnoses(cert.diagnoses, "body.diagnoses", required=to_mutuality(doc))
    if cert.out_of_home_allowed is None and to_mutuality(doc):
        # the electronic flow always states it (the Mult-eMediatt schematron requires it)
        out.append(err("incapacity.out_of_home_missing", "body.out_of_home_allowed"))
    if cert.expected_return is None:
        out.append(err("incapacity.expected_return_missing", "body.expected_return"))
    elif cert.expected_return <= begin:
        out.append(err("incapacity.return_before_begin", "body.expected_return"))
    elif end is not None and cert.expected_return <= end:
        out.append(err("incapacity.return_inside_period", "body.expected_return"))
    out += _reason(cert)
    out += _hospital_stay(cert)
    out += _pregnancy(doc, cert)
    previous = resolved_previous(cert, others)
    out += check_previous(cert, previous, others)
    out += check_overlaps(doc, cert, others)
    if cert.stay_abroad is not None:
        stay = cert.stay_abroad
        if stay.end < stay.begin:
            out.append(err("period.inverted", "body.stay_abroad.end"))
        elif not (cert.period.contains(stay.begin) and cert.period.contains(stay.end)):
            out.append(warn("stay_abroad.outside_period", "body.stay_abroad.begin"))
    if cert.fit_note is not None:
        out += check_fit_note(cert.fit_note, "body.fit_note", standalone=False, document=doc)
        review = cert.fit_note.review_date
        if review is not None and review < begin:
            out.append(err("fitnote.review_before_begin", "body.fit_note.review_date"))
    return out


def _antedating(doc: Document, cert: IncapacityCertificate, today: date) -> list[Finding]:
    """A begin or a consultation more than 2 days back needs a justification (warning)."""
    if cert.antedating_justification.strip():
        return []
    consultation = doc.consultation.date
    out: list[Finding] = []
    if cert.period.begin < consultation - timedelta(days=ANTEDATING_DAYS):
        out.append(
            warn(
                "incapacity.antedated_begin",
                "body.antedating_justification",
                days=(consultation - cert.period.begin).days,
            )
        )
    if consultation < today - timedelta(days=ANTEDATING_DAYS):
        out.append(
            warn(
                "incapacity.antedated_consultation",
                "body.antedating_justification",
                days=(today - consultation).days,
            )
        )
    return out


def _reason(cert: IncapacityCertificate) -> list[Finding]:
    out: list[Finding] = []
    begin = cert.period.begin
    if cert.reason in ACCIDENT_REASONS:
        if cert.accident_date is None:
            out.append(err("reason.accident_date_missing", "body.accident_date"))
        elif cert.accident_date > begin:
            out.append(err("reason.accident_after_begin", "body.accident_date"))
    if (
        cert.reason is IncapacityReason.OCCUPATIONAL_DISEASE
        and cert.occupational_disease_declared is None
    ):
        out.append(err("reason.disease_declaration_missing", "body.occupational_disease_declared"))
    return out


def _hospital_stay(cert: IncapacityCertificate) -> list[Finding]:
    stay = cert.hospital_stay
    if stay is None:
        return []
    if stay.discharge is not None and stay.discharge < stay.admission:
        return [err("period.inverted", "body.hospital_stay.discharge")]
    out: list[Finding] = []
    overlaps = stay.admission <= (cert.period.end or stay.admission) and (
        stay.discharge is None or stay.discharge >= cert.period.begin
    )
    if not overlaps:
        out.append(err("hospital_stay.outside_period", "body.hospital_stay.admission"))
    if not stay.hospital_name.strip() and not stay.hospital_id.strip():
        out.append(warn("hospital_stay.hospital_missing", "body.hospital_stay.hospital_name"))
    return out


def _pregnancy(doc: Document, cert: IncapacityCertificate) -> list[Finding]:
    """The sex the NISS encodes decides; a self-employed woman's pregnancy needs two dates.

    Schematron: for reason pregnancy, a self-employed patient and the mutuality as
    recipient, the items expectedbirthgivingdate and maternityleave are required, and
    both require the patient's sex to be female.
    """
    out: list[Finding] = []
    sex = patient_sex(doc)
    pregnancy = cert.reason is IncapacityReason.PREGNANCY
    if pregnancy and sex is Sex.MALE:
        out.append(err("reason.pregnancy_sex", "body.reason"))
    if sex is Sex.MALE:
        if cert.expected_delivery is not None:
            out.append(err("pregnancy.details_not_applicable", "body.expected_delivery"))
        if cert.maternity_leave is not None:
            out.append(err("pregnancy.details_not_applicable", "body.maternity_leave.begin"))
    self_employed = (
        doc.employment is not None and doc.employment.situation is EmploymentSituation.SELF_EMPLOYED
    )
    if pregnancy and self_employed and sex is not Sex.MALE and to_mutuality(doc):
        if cert.expected_delivery is None:
            out.append(err("pregnancy.expected_delivery_missing", "body.expected_delivery"))
        if cert.maternity_leave is None:
            out.append(err("pregnancy.maternity_leave_missing", "body.maternity_leave.begin"))
    leave = cert.maternity_leave
    if leave is not None and leave.end is not None and leave.end < leave.begin:
        out.append(err("period.inverted", "body.maternity_leave.end"))
    return out
