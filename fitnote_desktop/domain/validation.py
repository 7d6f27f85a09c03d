"""The rules a document must satisfy before it is signed, as structured findings.

``validate(document, today=...)`` returns every finding at once (the editor shows them
all next to their fields while the physician types). Errors block signing; warnings
ask for a second look. ``today`` is a parameter, never ``date.today()``, so the rules
are pure and testable, and the endpoint can check with its own clock.

The rules of issue 12 follow the real Belgian flow (KMEHR 1.42 and the Mult-eMediatt
schematron in ../shared/kmehr, DOMAIN.md); the README's "Domain rules implemented"
section lists each with its source. ``others`` are the patient's other non-retracted
documents, whoever issued them (own, fetched, typed from a paper copy): overlaps, the
previous certificate's dates and the invalidity phase are checked against them.

Field paths are dotted paths into the canonical JSON (``body.period.end``,
``body.fit_note.capacities[2].code``) so the UI and the endpoint's error responses
point at the same place.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from datetime import date, datetime, timedelta

from fitnote_desktop.domain.findings import Finding, Severity
from fitnote_desktop.domain.identifiers import niss_error, niss_info, riziv_error
from fitnote_desktop.domain.model import (
    AuthorisingRole,
    CertificateKind,
    CodeSystem,
    Diagnosis,
    Document,
    EmploymentSituation,
    FitNote,
    FitNoteStatus,
    IncapacityCertificate,
    IncapacityFor,
    IncapacityReason,
    InvalidityRecognition,
    PartialResumption,
    Period,
    Recipient,
    Sex,
)
from fitnote_desktop.domain.periods import (
    RELAPSE_WINDOW_DAYS,
    add_months,
    exceeds_three_months,
    in_invalidity,
    relapse_window_end,
)
from fitnote_desktop.domain.timeline import split_episodes

__all__ = ["RELAPSE_WINDOW_DAYS", "add_months", "validate"]

RETROACTIVE_WARNING_DAYS = 7  # begin this many days before the consultation: unusual
FUTURE_WARNING_DAYS = 30  # begin this many days after the consultation: unusual
ANTEDATING_DAYS = 2  # Belgian practice: more than 2 days back needs a justification
MAX_DIAGNOSES = 3  # schematron: count(diagnosis items) < 4
INVALIDITY_MAX_LEAD_MONTHS = 3  # a recognition starts at most this far after the consultation
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
PLACEHOLDERS = ("...", "…")  # left in a statement template: the physician has to fill them


def _err(code: str, field: str, /, **params: object) -> Finding:
    return Finding(code, field, Severity.ERROR, dict(params))


def _warn(code: str, field: str, /, **params: object) -> Finding:
    return Finding(code, field, Severity.WARNING, dict(params))


def validate(
    document: Document,
    *,
    today: date,
    others: Sequence[Document] = (),
    now: datetime | None = None,
    signer_role: AuthorisingRole | None = None,
) -> list[Finding]:
    """All findings for ``document`` as of ``today`` (errors and warnings).

    ``others``: the patient's other non-retracted documents, whoever issued them.
    ``now``: the signing moment, when known, for the consent's ``recorded_at``.
    ``signer_role``: the role of the physician who will sign (a partial resumption's
    "authorised by" must be that role).
    """
    others = [o for o in others if o.id != document.id and str(o.id) != document.replaces]
    findings: list[Finding] = []
    findings += _header(document, today, now)
    body = document.body
    if isinstance(body, IncapacityCertificate):
        findings += _incapacity(document, body, today, others)
    elif isinstance(body, FitNote):
        findings += _fit_note(body, "body", standalone=True, document=document)
    elif isinstance(body, PartialResumption):
        findings += _partial_resumption(document, body, signer_role)
    elif isinstance(body, InvalidityRecognition):
        findings += _invalidity(document, body)
    findings += _dates_after_birth(document)
    return findings


def to_mutuality(doc: Document) -> bool:
    """The advising physician (mutuality, or Medex for a civil servant) receives it."""
    return Recipient.ADVISING_PHYSICIAN in doc.recipients


def patient_sex(doc: Document) -> Sex:
    """The sex the NISS encodes decides (rule 14); the typed value only without a valid NISS."""
    if niss_error(doc.patient.niss) is None:
        sex = niss_info(doc.patient.niss).sex
        if sex is not Sex.UNKNOWN:
            return sex
    return doc.patient.sex


# ---------------------------------------------------------------------------- header


def _header(doc: Document, today: date, now: datetime | None) -> list[Finding]:
    out: list[Finding] = []
    if code := niss_error(doc.patient.niss):
        out.append(_err(code, "patient.niss"))
    if not doc.patient.family_name.strip() or not doc.patient.given_name.strip():
        out.append(_err("patient.name_missing", "patient.family_name"))
    if code := riziv_error(doc.author.riziv):
        out.append(_err(code, "author.riziv"))
    if not doc.author.family_name.strip():
        out.append(_err("author.name_missing", "author.family_name"))
    if doc.author.niss and niss_error(doc.author.niss) is not None:
        out.append(_err("author.niss_invalid", "author.niss"))
    if doc.consultation.date > today:
        out.append(_err("consultation.in_future", "consultation.date"))
    if doc.sent_electronically and not doc.consent.electronic_sending:
        out.append(_err("consent.electronic_missing", "consent.electronic_sending"))
    out += _consent(doc, today, now)
    if not doc.recipients:
        out.append(_err("recipients.missing", "recipients"))
    employment = doc.employment
    if employment is not None and to_mutuality(doc) and employment.situation.kmehr_code is None:
        out.append(_warn("employment.local_situation", "employment.situation"))
    fit = doc.fit_note
    if (
        fit is not None
        and fit.capacities
        and Recipient.EMPLOYER in doc.recipients
        and not doc.consent.share_capacities_with_employer
    ):
        out.append(_warn("consent.capacities_not_shared", "consent.share_capacities_with_employer"))
    return out


def _consent(doc: Document, today: date, now: datetime | None) -> list[Finding]:
    """Consent is explicit per document and recorded no later than the signing."""
    consent = doc.consent
    recorded = consent.recorded_at
    given = consent.electronic_sending or consent.episode_sharing
    if recorded is None:
        return [_warn("consent.recorded_at_missing", "consent.recorded_at")] if given else []
    if now is not None and recorded.tzinfo is not None and now.tzinfo is not None:
        late = recorded > now
    else:
        late = recorded.date() > today
    return [_err("consent.recorded_after_signing", "consent.recorded_at")] if late else []


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


def _incapacity(
    doc: Document, cert: IncapacityCertificate, today: date, others: Sequence[Document]
) -> list[Finding]:
    consultation = doc.consultation.date
    out = _period(cert.period, "body.period", consultation=None)
    out += _antedating(doc, cert, today)
    if cert.period.begin > consultation + timedelta(days=FUTURE_WARNING_DAYS):
        out.append(
            _warn(
                "period.begin_far_future",
                "body.period.begin",
                days=(cert.period.begin - consultation).days,
            )
        )
    begin, end = cert.period.begin, cert.period.end
    if to_mutuality(doc):
        if end is not None and end >= begin and exceeds_three_months(begin, end):
            out.append(_err("period.over_three_months", "body.period.end"))
        if cert.incapacity_for is not IncapacityFor.WORK:
            out.append(_warn("incapacity.for_not_work", "body.incapacity_for"))
    out += _diagnoses(cert.diagnoses, "body.diagnoses", required=to_mutuality(doc))
    if cert.expected_return is None:
        out.append(_err("incapacity.expected_return_missing", "body.expected_return"))
    elif cert.expected_return <= begin:
        out.append(_err("incapacity.return_before_begin", "body.expected_return"))
    elif end is not None and cert.expected_return <= end:
        out.append(_err("incapacity.return_inside_period", "body.expected_return"))
    out += _reason(cert)
    out += _hospital_stay(cert)
    out += _pregnancy(doc, cert)
    previous = _resolved_previous(cert, others)
    out += _previous(cert, previous, others)
    out += _overlaps(doc, cert, others)
    if cert.stay_abroad is not None:
        stay = cert.stay_abroad
        if stay.end < stay.begin:
            out.append(_err("period.inverted", "body.stay_abroad.end"))
        elif not (cert.period.contains(stay.begin) and cert.period.contains(stay.end)):
            out.append(_warn("stay_abroad.outside_period", "body.stay_abroad.begin"))
    if cert.fit_note is not None:
        out += _fit_note(cert.fit_note, "body.fit_note", standalone=False, document=doc)
        review = cert.fit_note.review_date
        if review is not None and review < begin:
            out.append(_err("fitnote.review_before_begin", "body.fit_note.review_date"))
    return out


def _antedating(doc: Document, cert: IncapacityCertificate, today: date) -> list[Finding]:
    """A begin or a consultation more than 2 days back needs a justification (warning)."""
    if cert.antedating_justification.strip():
        return []
    consultation = doc.consultation.date
    out: list[Finding] = []
    if cert.period.begin < consultation - timedelta(days=ANTEDATING_DAYS):
        out.append(
            _warn(
                "incapacity.antedated_begin",
                "body.antedating_justification",
                days=(consultation - cert.period.begin).days,
            )
        )
    if consultation < today - timedelta(days=ANTEDATING_DAYS):
        out.append(
            _warn(
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
            out.append(_err("reason.accident_date_missing", "body.accident_date"))
        elif cert.accident_date > begin:
            out.append(_err("reason.accident_after_begin", "body.accident_date"))
    if (
        cert.reason is IncapacityReason.OCCUPATIONAL_DISEASE
        and cert.occupational_disease_declared is None
    ):
        out.append(_err("reason.disease_declaration_missing", "body.occupational_disease_declared"))
    return out


def _hospital_stay(cert: IncapacityCertificate) -> list[Finding]:
    stay = cert.hospital_stay
    if stay is None:
        return []
    if stay.discharge is not None and stay.discharge < stay.admission:
        return [_err("period.inverted", "body.hospital_stay.discharge")]
    out: list[Finding] = []
    overlaps = stay.admission <= (cert.period.end or stay.admission) and (
        stay.discharge is None or stay.discharge >= cert.period.begin
    )
    if not overlaps:
        out.append(_err("hospital_stay.outside_period", "body.hospital_stay.admission"))
    if not stay.hospital_name.strip() and not stay.hospital_id.strip():
        out.append(_warn("hospital_stay.hospital_missing", "body.hospital_stay.hospital_name"))
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
        out.append(_err("reason.pregnancy_sex", "body.reason"))
    if sex is Sex.MALE:
        if cert.expected_delivery is not None:
            out.append(_err("pregnancy.details_not_applicable", "body.expected_delivery"))
        if cert.maternity_leave is not None:
            out.append(_err("pregnancy.details_not_applicable", "body.maternity_leave.begin"))
    self_employed = (
        doc.employment is not None and doc.employment.situation is EmploymentSituation.SELF_EMPLOYED
    )
    if pregnancy and self_employed and sex is not Sex.MALE and to_mutuality(doc):
        if cert.expected_delivery is None:
            out.append(_err("pregnancy.expected_delivery_missing", "body.expected_delivery"))
        if cert.maternity_leave is None:
            out.append(_err("pregnancy.maternity_leave_missing", "body.maternity_leave.begin"))
    leave = cert.maternity_leave
    if leave is not None and leave.end is not None and leave.end < leave.begin:
        out.append(_err("period.inverted", "body.maternity_leave.end"))
    return out


def _certificates(others: Sequence[Document]) -> list[tuple[Document, IncapacityCertificate]]:
    return [(o, o.body) for o in others if isinstance(o.body, IncapacityCertificate)]


def _resolved_previous(
    cert: IncapacityCertificate, others: Sequence[Document]
) -> tuple[date | None, date | None]:
    """Begin and end of the previous certificate: typed on the document, else from ``others``."""
    prev = cert.previous
    if prev is None:
        return None, None
    begin, end = prev.begin, prev.end
    ref = prev.reference.strip()
    for other, body in _certificates(others):
        if ref and ref == str(other.id):
            begin = begin or body.period.begin
            end = end or body.period.end
    return begin, end


def _episode_start(day: date, others: Sequence[Document]) -> date:
    """First day of the chain of certificates (within relapse windows) that reaches ``day``."""
    for episode in split_episodes(others):
        if episode.start <= day and (episode.end is None or day <= episode.end):
            return episode.start
    return day


def _previous(
    cert: IncapacityCertificate,
    previous: tuple[date | None, date | None],
    others: Sequence[Document],
) -> list[Finding]:
    kind = cert.certificate_kind
    if kind is CertificateKind.INITIAL:
        return []
    prev = cert.previous
    if prev is None or not prev.reference.strip():
        return [_err("certificate.previous_missing", "body.previous.reference")]
    prev_end = previous[1]
    if prev_end is None:
        return [_warn("certificate.previous_end_unknown", "body.previous.end")]
    begin = cert.period.begin
    expected = prev_end + timedelta(days=1)
    if kind is CertificateKind.PROLONGATION:
        if begin > expected:
            return [_err("prolongation.gap", "body.period.begin", days=(begin - expected).days)]
        if begin < expected:
            return [_err("prolongation.overlap", "body.period.begin", days=(expected - begin).days)]
        return []
    # relapse: a new incapacity after a resumption of work
    if begin <= prev_end:
        return [_err("relapse.overlap", "body.period.begin")]
    invalidity = _in_invalidity(prev_end, others)
    last = relapse_window_end(prev_end, invalidity=invalidity)
    if begin > last:
        return [
            _warn(
                "relapse.outside_window",
                "body.period.begin",
                days=(begin - prev_end).days,
                window=(last - prev_end).days,
            )
        ]
    return []


def _in_invalidity(prev_end: date, others: Sequence[Document]) -> bool:
    """Whether the previous incapacity had reached invalidity (one year) when it ended."""
    if any(
        isinstance(o.body, InvalidityRecognition)
        and o.body.valid_from <= prev_end <= o.body.valid_until
        for o in others
    ):
        return True
    return in_invalidity(_episode_start(prev_end, others), prev_end)


def _overlaps(
    doc: Document, cert: IncapacityCertificate, others: Sequence[Document]
) -> list[Finding]:
    """A certificate may not cover a day another non-retracted certificate covers.

    Each finding names the other certificate (``reference``) so the editor can open it;
    an initial certificate that starts within the relapse window after another one is
    flagged: it belongs to the same incapacity (a prolongation or a relapse).
    """
    out: list[Finding] = []
    mine = cert.period
    last_day = mine.end or mine.begin
    for other, body in _certificates(others):
        theirs = body.period
        their_end = theirs.end or theirs.begin
        if mine.begin <= their_end and theirs.begin <= last_day:
            out.append(
                _err(
                    "certificate.overlaps",
                    "body.period.begin",
                    reference=str(other.id),
                    begin=theirs.begin.isoformat(),
                    end=their_end.isoformat(),
                )
            )
        elif (
            cert.certificate_kind is CertificateKind.INITIAL
            and their_end < mine.begin <= their_end + timedelta(days=1 + RELAPSE_WINDOW_DAYS)
        ):
            out.append(
                _warn(
                    "certificate.same_incapacity",
                    "body.certificate_kind",
                    reference=str(other.id),
                    end=their_end.isoformat(),
                )
            )
    return out


def _diagnoses(diagnoses: tuple[Diagnosis, ...], field: str, *, required: bool) -> list[Finding]:
    """At most 3, each a code and/or a text, at most one marked principal.

    Required only when the advising physician (mutuality or Medex) receives the document;
    a school or sports certificate for the patient needs none.
    """
    out: list[Finding] = []
    if required and not diagnoses:
        out.append(_err("diagnosis.missing", f"{field}[0].text"))
    if len(diagnoses) > MAX_DIAGNOSES:
        out.append(_err("diagnosis.too_many", f"{field}[{MAX_DIAGNOSES}]", maximum=MAX_DIAGNOSES))
    if sum(1 for dx in diagnoses if dx.principal) > 1:
        out.append(_err("diagnosis.principal_multiple", f"{field}[0].principal"))
    for i, dx in enumerate(diagnoses):
        if not dx.text.strip() and not dx.code.strip():
            out.append(_err("diagnosis.empty", f"{field}[{i}].text"))
        elif dx.code and dx.code_system is None:
            out.append(_err("diagnosis.code_system_missing", f"{field}[{i}].code_system"))
        elif (
            dx.code_system is not None
            and dx.code
            and not _CODE_FORMATS[dx.code_system].match(dx.code.strip().upper())
        ):
            system = dx.code_system.value
            out.append(_err("diagnosis.code_format", f"{field}[{i}].code", system=system))
    return out


# ---------------------------------------------------------------------------- fit-note


def _fit_note(fit: FitNote, field: str, *, standalone: bool, document: Document) -> list[Finding]:
    from fitnote_desktop.domain.icf import (  # data loaded lazily, once
        is_codable_syntax,
        load_catalogue,
    )

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
            if is_codable_syntax(cap.code):
                out.append(_warn("icf.code_not_in_catalogue", f"{cfield}.code", code=cap.code))
            else:
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
        elif any(mark in cap.statement for mark in PLACEHOLDERS):
            out.append(_err("icf.statement_placeholder", f"{cfield}.statement", code=cap.code))
    return out


# ---------------------------------------------------------------------------- others


def _partial_resumption(
    doc: Document, pr: PartialResumption, signer_role: AuthorisingRole | None
) -> list[Finding]:
    """Nature, volume and conditions; asked for before resuming, by the signer's own role."""
    out: list[Finding] = []
    if pr.end is not None and pr.end < pr.start:
        out.append(_err("period.inverted", "body.end"))
    if pr.start < doc.consultation.date:
        out.append(_err("resumption.start_before_consultation", "body.start"))
    if not pr.nature.strip():
        out.append(_err("resumption.nature_missing", "body.nature"))
    if not pr.conditions.strip():
        out.append(_warn("resumption.conditions_missing", "body.conditions"))
    if signer_role is not None and pr.authorised_by is not signer_role:
        out.append(_err("resumption.authorised_by_not_signer", "body.authorised_by"))
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


def _invalidity(doc: Document, inv: InvalidityRecognition) -> list[Finding]:
    """A measure in preparation (2026 draft law): bounded dates, at most 12 months."""
    out: list[Finding] = []
    lead_limit = add_months(doc.consultation.date, INVALIDITY_MAX_LEAD_MONTHS)
    if inv.valid_from > lead_limit:
        out.append(
            _err(
                "invalidity.starts_far_ahead",
                "body.valid_from",
                months=INVALIDITY_MAX_LEAD_MONTHS,
            )
        )
    if inv.incapacity_since is not None and inv.incapacity_since > doc.consultation.date:
        out.append(_err("invalidity.since_in_future", "body.incapacity_since"))
    if inv.valid_until < inv.valid_from:
        out.append(_err("period.inverted", "body.valid_until"))
    elif inv.valid_until >= add_months(inv.valid_from, MAX_INVALIDITY_MONTHS):
        out.append(_err("invalidity.too_long", "body.valid_until", months=MAX_INVALIDITY_MONTHS))
    if inv.incapacity_since is not None and inv.valid_from < add_months(inv.incapacity_since, 12):
        out.append(_warn("invalidity.before_one_year", "body.incapacity_since"))
    out += _diagnoses(inv.diagnoses, "body.diagnoses", required=to_mutuality(doc))
    return out
