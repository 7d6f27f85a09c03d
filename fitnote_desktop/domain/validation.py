"""The rules a document must satisfy before it is signed, as structured findings.

``validate(document, today=...)`` returns every finding at once (the editor shows them
all next to their fields while the physician types). Errors block signing; warnings
ask for a second look. ``today`` is a parameter, never ``date.today()``, so the rules
are pure and testable, and the endpoint can check with its own clock.

Field paths are dotted paths into the canonical JSON (``body.period.end``,
``body.fit_note.capacities[2].code``) so the UI and the endpoint's error responses
point at the same place.
"""

from __future__ import annotations

import re
from datetime import date, timedelta

from fitnote_desktop.domain.findings import Finding, Severity
from fitnote_desktop.domain.identifiers import niss_error, niss_info, riziv_error
from fitnote_desktop.domain.model import (
    CertificateKind,
    CodeSystem,
    Diagnosis,
    Document,
    FitNote,
    FitNoteStatus,
    IncapacityCertificate,
    IncapacityReason,
    InvalidityRecognition,
    PartialResumption,
    Period,
    Recipient,
    Sex,
)

RETROACTIVE_WARNING_DAYS = 7  # begin this many days before the consultation: unusual
FUTURE_WARNING_DAYS = 30  # begin this many days after the consultation: unusual
RELAPSE_WINDOW_DAYS = 14  # primary incapacity: relapse within 14 days = same period
LONG_PERIOD_DAYS = 365
MAX_INVALIDITY_MONTHS = 12
MAX_HOURS_PER_WEEK = 50
VALID_QUALIFIERS = frozenset({0, 1, 2, 3, 4, 8, 9})

_CODE_FORMATS: dict[CodeSystem, re.Pattern[str]] = {
    CodeSystem.ICPC2: re.compile(r"^[A-Z]\d{2}(\.\d{1,3})?$"),
    CodeSystem.ICD10: re.compile(r"^[A-Z]\d{2}(\.[0-9A-Z]{1,4})?$"),
    CodeSystem.SNOMED_CT: re.compile(r"^\d{6,18}$"),
}

ACCIDENT_REASONS = frozenset(
    {IncapacityReason.ACCIDENT, IncapacityReason.WORK_ACCIDENT, IncapacityReason.TRAVEL_ACCIDENT}
)


def _err(code: str, field: str, /, **params: object) -> Finding:
    return Finding(code, field, Severity.ERROR, dict(params))


def _warn(code: str, field: str, /, **params: object) -> Finding:
    return Finding(code, field, Severity.WARNING, dict(params))


def add_months(day: date, months: int) -> date:
    """Same day ``months`` later, clamped to the month's end (31 Jan + 1 → 28/29 Feb)."""
    month_index = day.month - 1 + months
    year, month = day.year + month_index // 12, month_index % 12 + 1
    for d in (day.day, 30, 29, 28):
        try:
            return date(year, month, d)
        except ValueError:
            continue
    raise AssertionError("unreachable")


def validate(document: Document, *, today: date) -> list[Finding]:
    """All findings for ``document`` as of ``today`` (errors and warnings)."""
    findings: list[Finding] = []
    findings += _header(document, today)
    body = document.body
    if isinstance(body, IncapacityCertificate):
        findings += _incapacity(document, body)
    elif isinstance(body, FitNote):
        findings += _fit_note(body, "body", standalone=True, document=document)
    elif isinstance(body, PartialResumption):
        findings += _partial_resumption(body)
    elif isinstance(body, InvalidityRecognition):
        findings += _invalidity(body)
    findings += _dates_after_birth(document)
    return findings


# ---------------------------------------------------------------------------- header


def _header(doc: Document, today: date) -> list[Finding]:
    out: list[Finding] = []
    if code := niss_error(doc.patient.niss):
        out.append(_err(code, "patient.niss"))
    if not doc.patient.family_name.strip() or not doc.patient.given_name.strip():
        out.append(_err("patient.name_missing", "patient.family_name"))
    if code := riziv_error(doc.author.riziv):
        out.append(_err(code, "author.riziv"))
    if not doc.author.family_name.strip():
        out.append(_err("author.name_missing", "author.family_name"))
    if doc.consultation.date > today:
        out.append(_err("consultation.in_future", "consultation.date"))
    if doc.sent_electronically and not doc.consent.electronic_sending:
        out.append(_err("consent.electronic_missing", "consent.electronic_sending"))
    if not doc.recipients:
        out.append(_err("recipients.missing", "recipients"))
    fit = doc.fit_note
    if (
        fit is not None
        and fit.capacities
        and Recipient.EMPLOYER in doc.recipients
        and not doc.consent.share_capacities_with_employer
    ):
        out.append(_warn("consent.capacities_not_shared", "consent.share_capacities_with_employer"))
    return out


def _dates_after_birth(doc: Document) -> list[Finding]:
    birth = doc.patient.birth_date
    if birth is None and niss_error(doc.patient.niss) is None:
        birth = niss_info(doc.patient.niss).birth_date
    period = doc.period
    if birth is None or period is None:
        return []
    out: list[Finding] = []
    if period.begin < birth:
        out.append(_err("patient.date_before_birth", _begin_field(doc)))
    if doc.consultation.date < birth:
        out.append(_err("patient.date_before_birth", "consultation.date"))
    return out


def _begin_field(doc: Document) -> str:
    body = doc.body
    if isinstance(body, PartialResumption):
        return "body.start"
    if isinstance(body, InvalidityRecognition):
        return "body.valid_from"
    return "body.period.begin"


def _period(
    period: Period | None,
    field: str,
    *,
    consultation: date | None = None,
    end_required: bool = True,
) -> list[Finding]:
    if period is None:
        return [_err("period.missing", field)]
    out: list[Finding] = []
    if period.end is None:
        if end_required:
            out.append(_err("period.end_missing", f"{field}.end"))
    elif period.end < period.begin:
        out.append(_err("period.inverted", f"{field}.end"))
    elif (period.end - period.begin).days + 1 > LONG_PERIOD_DAYS:
        out.append(
            _warn("period.very_long", f"{field}.end", days=(period.end - period.begin).days + 1)
        )
    if consultation is not None:
        if period.begin < consultation - timedelta(days=RETROACTIVE_WARNING_DAYS):
            out.append(
                _warn(
                    "period.begin_far_past",
                    f"{field}.begin",
                    days=(consultation - period.begin).days,
                )
            )
        elif period.begin > consultation + timedelta(days=FUTURE_WARNING_DAYS):
            out.append(
                _warn(
                    "period.begin_far_future",
                    f"{field}.begin",
                    days=(period.begin - consultation).days,
                )
            )
    return out


# ---------------------------------------------------------------------------- incapacity


def _incapacity(doc: Document, cert: IncapacityCertificate) -> list[Finding]:
    out = _period(cert.period, "body.period", consultation=doc.consultation.date)
    begin = cert.period.begin
    out += _diagnoses(cert.diagnoses, "body.diagnoses")
    if cert.expected_return is not None and cert.expected_return <= begin:
        out.append(_err("incapacity.return_before_begin", "body.expected_return"))
    out += _reason(cert)
    out += _previous(cert)
    if cert.stay_abroad is not None:
        stay = cert.stay_abroad
        if stay.end < stay.begin:
            out.append(_err("period.inverted", "body.stay_abroad.end"))
        elif not (cert.period.contains(stay.begin) and cert.period.contains(stay.end)):
            out.append(_warn("stay_abroad.outside_period", "body.stay_abroad.begin"))
    if cert.reason is IncapacityReason.PREGNANCY and doc.patient.sex is Sex.MALE:
        out.append(_warn("reason.pregnancy_sex", "body.reason"))
    if cert.fit_note is not None:
        out += _fit_note(cert.fit_note, "body.fit_note", standalone=False, document=doc)
        review = cert.fit_note.review_date
        if review is not None and review < begin:
            out.append(_err("fitnote.review_before_begin", "body.fit_note.review_date"))
    return out


def _reason(cert: IncapacityCertificate) -> list[Finding]:
    out: list[Finding] = []
    begin = cert.period.begin
    if cert.reason in ACCIDENT_REASONS:
        if cert.accident_date is None:
            out.append(_err("reason.accident_date_missing", "body.accident_date"))
        elif cert.accident_date > begin:
            out.append(_err("reason.accident_after_begin", "body.accident_date"))
    if (
        cert.reason is IncapacityReason.OCCUPATIONAL_DISEASE
        and cert.occupational_disease_declared is None
    ):
        out.append(_err("reason.disease_declaration_missing", "body.occupational_disease_declared"))
    stay = cert.hospital_stay
    if stay is not None:
        if stay.discharge is not None and stay.discharge < stay.admission:
            out.append(_err("period.inverted", "body.hospital_stay.discharge"))
        else:
            overlaps = stay.admission <= (cert.period.end or stay.admission) and (
                stay.discharge is None or stay.discharge >= begin
            )
            if not overlaps:
                out.append(_err("hospital_stay.outside_period", "body.hospital_stay.admission"))
    return out


def _previous(cert: IncapacityCertificate) -> list[Finding]:
    kind = cert.certificate_kind
    if kind is CertificateKind.INITIAL:
        return []
    prev = cert.previous
    if prev is None or not prev.reference.strip():
        return [_err("certificate.previous_missing", "body.previous.reference")]
    if prev.end is None:
        return [_warn("certificate.previous_end_unknown", "body.previous.end")]
    begin = cert.period.begin
    expected = prev.end + timedelta(days=1)
    if kind is CertificateKind.PROLONGATION:
        if begin > expected:
            return [_err("prolongation.gap", "body.period.begin", days=(begin - expected).days)]
        if begin < expected:
            return [_err("prolongation.overlap", "body.period.begin", days=(expected - begin).days)]
        return []
    # relapse: a new incapacity after a resumption
    if begin <= prev.end:
        return [_err("relapse.overlap", "body.period.begin")]
    gap = (begin - prev.end).days - 1  # days worked in between
    if gap > RELAPSE_WINDOW_DAYS:
        return [
            _warn(
                "relapse.outside_window", "body.period.begin", days=gap, window=RELAPSE_WINDOW_DAYS
            )
        ]
    return []


def _diagnoses(diagnoses: tuple[Diagnosis, ...], field: str) -> list[Finding]:
    out: list[Finding] = []
    if not diagnoses or not diagnoses[0].text.strip():
        out.append(_err("diagnosis.missing", f"{field}[0].text"))
    for i, dx in enumerate(diagnoses):
        if dx.code and dx.code_system is None:
            out.append(_err("diagnosis.code_system_missing", f"{field}[{i}].code_system"))
        elif dx.code and not _CODE_FORMATS[dx.code_system].match(dx.code.strip().upper()):
            out.append(
                _err("diagnosis.code_format", f"{field}[{i}].code", system=dx.code_system.value)
            )
    return out


# ---------------------------------------------------------------------------- fit-note


def _fit_note(fit: FitNote, field: str, *, standalone: bool, document: Document) -> list[Finding]:
    from fitnote_desktop.domain.icf import load_catalogue  # data loaded lazily, once

    out: list[Finding] = []
    if standalone:
        out += _period(fit.period, f"{field}.period", consultation=document.consultation.date)
        if (
            fit.review_date is not None
            and fit.period is not None
            and fit.review_date < fit.period.begin
        ):
            out.append(_err("fitnote.review_before_begin", f"{field}.review_date"))
    if (
        fit.status is FitNoteStatus.FIT_ADAPTED
        and not fit.advice
        and not fit.capacities
        and not fit.free_advice.strip()
    ):
        out.append(_err("fitnote.adapted_without_advice", f"{field}.advice"))
    catalogue = load_catalogue()
    seen: set[str] = set()
    for i, cap in enumerate(fit.capacities):
        cfield = f"{field}.capacities[{i}]"
        if not catalogue.is_valid_code(cap.code):
            out.append(_err("icf.unknown_code", f"{cfield}.code", code=cap.code))
        if cap.qualifier not in VALID_QUALIFIERS:
            out.append(
                _err("icf.invalid_qualifier", f"{cfield}.qualifier", qualifier=cap.qualifier)
            )
        if cap.code in seen:
            out.append(_warn("icf.duplicate", f"{cfield}.code", code=cap.code))
        seen.add(cap.code)
        if not cap.statement.strip():
            out.append(_warn("icf.statement_missing", f"{cfield}.statement", code=cap.code))
    return out


# ---------------------------------------------------------------------------- others


def _partial_resumption(pr: PartialResumption) -> list[Finding]:
    out: list[Finding] = []
    if pr.end is not None and pr.end < pr.start:
        out.append(_err("period.inverted", "body.end"))
    if pr.percentage is None and pr.hours_per_week is None:
        out.append(_err("resumption.extent_missing", "body.percentage"))
    if pr.percentage is not None and pr.hours_per_week is not None:
        out.append(_err("resumption.extent_ambiguous", "body.hours_per_week"))
    if pr.percentage is not None and not 1 <= pr.percentage <= 99:
        out.append(_err("resumption.percentage_range", "body.percentage", percentage=pr.percentage))
    if pr.hours_per_week is not None and not 0 < pr.hours_per_week < MAX_HOURS_PER_WEEK:
        out.append(
            _err("resumption.hours_range", "body.hours_per_week", maximum=MAX_HOURS_PER_WEEK)
        )
    if not pr.related_certificate.strip():
        out.append(_warn("resumption.certificate_unlinked", "body.related_certificate"))
    return out


def _invalidity(inv: InvalidityRecognition) -> list[Finding]:
    out: list[Finding] = []
    if inv.valid_until < inv.valid_from:
        out.append(_err("period.inverted", "body.valid_until"))
    elif inv.valid_until >= add_months(inv.valid_from, MAX_INVALIDITY_MONTHS):
        out.append(_err("invalidity.too_long", "body.valid_until", months=MAX_INVALIDITY_MONTHS))
    if inv.incapacity_since is not None and inv.valid_from < add_months(inv.incapacity_since, 12):
        out.append(_warn("invalidity.before_one_year", "body.incapacity_since"))
    out += _diagnoses(inv.diagnoses, "body.diagnoses")
    return out
