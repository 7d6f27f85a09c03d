"""What changed between a certificate and its follow-up: found part by part, told per reader.

Generated documents (tests/doc_strategies.py) are paired with one edit of one part: that
part, and only that part, is reported. Each recipient is told only of the parts its own
dataset shows: a changed diagnosis never reaches the employer's list.
"""

from __future__ import annotations

import json
from collections.abc import Callable
from dataclasses import replace
from datetime import date, timedelta
from decimal import Decimal

from doc_strategies import documents
from hypothesis import given, settings
from hypothesis import strategies as st

from fitnote_desktop.domain import lifecycle, samples
from fitnote_desktop.domain.changes import (
    FieldChange,
    Part,
    changes_line,
    changes_seen_by,
    changes_since,
    followed_reference,
)
from fitnote_desktop.domain.model import (
    AdviceOption,
    AuthorisingRole,
    Diagnosis,
    Document,
    EmploymentSituation,
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
    Recipient,
    StayAbroad,
)

MEDICAL = {
    Part.REASON,
    Part.DIAGNOSIS,
    Part.ACCIDENT_DATE,
    Part.OCCUPATIONAL_DISEASE,
    Part.HOSPITAL_STAY,
    Part.STAY_ABROAD,
    Part.PREGNANCY,
    Part.ANTEDATING,
}


def _body(doc: Document, **changes: object) -> Document:
    return replace(doc, body=replace(doc.body, **changes))  # type: ignore[arg-type]


def _cert(doc: Document) -> IncapacityCertificate:
    assert isinstance(doc.body, IncapacityCertificate)
    return doc.body


def _fit(doc: Document, **changes: object) -> Document:
    fit = _cert(doc).fit_note or FitNote(status=FitNoteStatus.FIT_ADAPTED)
    return _body(doc, fit_note=replace(fit, **changes))  # type: ignore[arg-type]


def _other_verdict(fit: FitNote | None) -> FitNote:
    if fit is None:
        return FitNote(status=FitNoteStatus.NOT_FIT)
    fit_adapted = fit.status is FitNoteStatus.FIT_ADAPTED
    return replace(fit, status=FitNoteStatus.NOT_FIT if fit_adapted else FitNoteStatus.FIT_ADAPTED)


def _later(day: date | None, n: int) -> date:
    return (day or date(2026, 12, 1)) + timedelta(days=n)


# One edit per part of a certificate of incapacity (with its fit-note): each changes
# exactly that part, whatever the generated document holds.
CERTIFICATE_EDITS: dict[Part, Callable[[Document, int], Document]] = {
    Part.PATIENT: lambda d, n: replace(d, patient=replace(d.patient, given_name=f"Ann{n}x")),
    Part.PERIOD: lambda d, n: _body(
        d, period=Period(_cert(d).period.begin, _later(_cert(d).period.end, n))
    ),
    Part.INCAPACITY_FOR: lambda d, n: _body(
        d,
        incapacity_for=IncapacityFor.SPORT
        if _cert(d).incapacity_for is not IncapacityFor.SPORT
        else IncapacityFor.WORK,
    ),
    Part.OUT_OF_HOME: lambda d, n: _body(d, out_of_home_allowed=not _cert(d).out_of_home_allowed),
    Part.EXPECTED_RETURN: lambda d, n: _body(
        d, expected_return=_later(_cert(d).expected_return, n)
    ),
    Part.REASON: lambda d, n: _body(
        d,
        reason=IncapacityReason.PREGNANCY
        if _cert(d).reason is not IncapacityReason.PREGNANCY
        else IncapacityReason.ILLNESS,
    ),
    Part.DIAGNOSIS: lambda d, n: _body(
        d, diagnoses=(*_cert(d).diagnoses[:2], Diagnosis(f"Nieuwe diagnose {n}"))
    ),
    Part.ACCIDENT_DATE: lambda d, n: _body(d, accident_date=_later(_cert(d).accident_date, n)),
    Part.OCCUPATIONAL_DISEASE: lambda d, n: _body(
        d, occupational_disease_declared=_later(_cert(d).occupational_disease_declared, n)
    ),
    Part.HOSPITAL_STAY: lambda d, n: _body(
        d, hospital_stay=HospitalStay(date(2026, 1, 1) + timedelta(days=n), hospital_name="AZ")
    ),
    Part.STAY_ABROAD: lambda d, n: _body(
        d, stay_abroad=StayAbroad(date(2026, 2, 1), date(2026, 2, 1) + timedelta(days=n), "FR")
    ),
    Part.PREGNANCY: lambda d, n: _body(d, expected_delivery=_later(_cert(d).expected_delivery, n)),
    Part.ANTEDATING: lambda d, n: _body(
        d, antedating_justification=f"{_cert(d).antedating_justification} late {n}"
    ),
    Part.FIT_NOTE: lambda d, n: _body(d, fit_note=_other_verdict(_cert(d).fit_note)),
    Part.ADVICE: lambda d, n: _fit(
        d,
        free_advice=f"{(_cert(d).fit_note or FitNote(FitNoteStatus.FIT_ADAPTED)).free_advice}"
        f" more {n}",
    ),
    Part.CAPACITIES: lambda d, n: _fit(
        d,
        capacities=(
            *(_cert(d).fit_note or FitNote(FitNoteStatus.FIT_ADAPTED)).capacities,
            IcfCapacity("d430", n % 5, "Kan licht heffen."),
        ),
    ),
    Part.REVIEW_DATE: lambda d, n: _fit(
        d,
        review_date=_later(
            (_cert(d).fit_note or FitNote(FitNoteStatus.FIT_ADAPTED)).review_date, n
        ),
    ),
    Part.EMPLOYMENT: lambda d, n: (
        replace(
            d,
            employment=replace(
                d.employment, situation=EmploymentSituation.OTHER, job_title=f"Job {n}"
            ),
        )
        if d.employment is not None
        else d
    ),
}


@st.composite
def certificates(draw: st.DrawFn) -> Document:
    doc = draw(documents())
    return doc if isinstance(doc.body, IncapacityCertificate) else samples.incapacity()


@given(documents())
@settings(max_examples=60)
def test_a_document_compared_with_itself_has_no_change(doc: Document) -> None:
    assert changes_since(doc, doc) == ()
    same_content = replace(doc, id=samples.prolongation().id)  # another id, same content
    assert changes_since(doc, same_content) == ()
    for recipient in Recipient:
        assert changes_seen_by(doc, doc, recipient) == ()


@given(certificates(), st.sampled_from(list(CERTIFICATE_EDITS)), st.integers(1, 40))
@settings(max_examples=200)
def test_each_edited_part_of_a_certificate_is_found_and_only_that_one(
    doc: Document, part: Part, n: int
) -> None:
    if part is Part.EMPLOYMENT and doc.employment is None:
        doc = samples.incapacity()
    if part in (Part.ADVICE, Part.CAPACITIES, Part.REVIEW_DATE) and _cert(doc).fit_note is None:
        doc = _body(doc, fit_note=FitNote(status=FitNoteStatus.FIT_ADAPTED))
    edited = CERTIFICATE_EDITS[part](doc, n)
    found = changes_since(doc, edited)
    assert [c.part for c in found] == [part]
    (change,) = found
    assert change.before != change.after
    json.dumps(change.as_dict())  # plain data, as the web desk sends it


@given(certificates(), st.sampled_from(sorted(MEDICAL)), st.integers(1, 40))
@settings(max_examples=120)
def test_a_medical_change_is_told_to_the_advising_physician_only(
    doc: Document, part: Part, n: int
) -> None:
    edited = CERTIFICATE_EDITS[part](doc, n)
    assert [c.part for c in changes_seen_by(doc, edited, Recipient.ADVISING_PHYSICIAN)] == [part]
    for recipient in (Recipient.EMPLOYER, Recipient.PATIENT, Recipient.OCCUPATIONAL_PHYSICIAN):
        assert changes_seen_by(doc, edited, recipient) == ()


@given(documents(), documents())
@settings(max_examples=120)
def test_no_reader_but_the_advising_physician_learns_of_a_medical_part(
    before: Document, after: Document
) -> None:
    after = replace(after, consent=before.consent)  # the same consent: the same cut
    for recipient in (Recipient.EMPLOYER, Recipient.PATIENT, Recipient.OCCUPATIONAL_PHYSICIAN):
        parts = {c.part for c in changes_seen_by(before, after, recipient)}
        assert not parts & MEDICAL, recipient
        every = {c.part for c in changes_since(before, after)}
        assert {c.part for c in changes_seen_by(before, after, recipient)} <= every


def test_the_employer_learns_of_advice_only_with_the_patients_consent() -> None:
    doc = samples.incapacity()
    edited = CERTIFICATE_EDITS[Part.ADVICE](doc, 3)
    assert [c.part for c in changes_seen_by(doc, edited, Recipient.EMPLOYER)] == [Part.ADVICE]
    no_consent = replace(doc.consent, share_capacities_with_employer=False)
    doc, edited = replace(doc, consent=no_consent), replace(edited, consent=no_consent)
    assert changes_seen_by(doc, edited, Recipient.EMPLOYER) == ()
    assert [c.part for c in changes_seen_by(doc, edited, Recipient.OCCUPATIONAL_PHYSICIAN)] == [
        Part.ADVICE
    ]


def test_the_parts_of_a_resumption_and_of_an_invalidity_recognition() -> None:
    resumption = samples.partial_resumption()
    body = resumption.body
    assert isinstance(body, PartialResumption)
    for part, edited in (
        (Part.PERIOD, replace(body, end=body.start + timedelta(days=30))),
        (Part.EXTENT, replace(body, percentage=None, hours_per_week=Decimal("19.5"))),
        (Part.NATURE, replace(body, nature="Administratie")),
        (Part.CONDITIONS, replace(body, conditions="Geen trappen")),
        (Part.AUTHORISED_BY, replace(body, authorised_by=AuthorisingRole.OCCUPATIONAL_PHYSICIAN)),
    ):
        after = replace(resumption, body=edited)
        assert [c.part for c in changes_since(resumption, after)] == [part]
    conditions = replace(resumption, body=replace(body, conditions="Geen trappen"))
    assert changes_seen_by(resumption, conditions, Recipient.EMPLOYER) == ()

    invalidity = samples.invalidity_recognition()
    inv = invalidity.body
    assert isinstance(inv, InvalidityRecognition)
    for part, edited_inv in (
        (Part.PERIOD, replace(inv, valid_until=inv.valid_until - timedelta(days=31))),
        (Part.INCAPACITY_SINCE, replace(inv, incapacity_since=date(2025, 9, 1))),
        (Part.REMARKS, replace(inv, remarks="Kinesitherapie")),
        (Part.DIAGNOSIS, replace(inv, diagnoses=())),
    ):
        after = replace(invalidity, body=edited_inv)
        assert [c.part for c in changes_since(invalidity, after)] == [part]
    remarks = replace(invalidity, body=replace(inv, remarks="Kinesitherapie"))
    assert changes_seen_by(invalidity, remarks, Recipient.PATIENT) == ()


def test_a_prolongation_as_the_lifecycle_builds_it() -> None:
    """Start after the previous end; prognosis and review date are asked again."""
    previous = samples.incapacity()
    draft = lifecycle.prolong(previous, author=previous.author, today=date(2026, 11, 29))
    found = changes_since(previous, draft)
    assert [c.part for c in found] == [Part.PERIOD, Part.EXPECTED_RETURN, Part.REVIEW_DATE]
    period = found[0]
    assert period.before == {"begin": "2026-11-16", "end": "2026-11-29"}
    assert period.after == {"begin": "2026-11-30", "end": "2026-12-13"}
    assert found[1].after is None
    assert followed_reference(draft) == str(previous.id)


def test_what_a_follow_up_is_compared_with() -> None:
    previous = samples.incapacity()
    today = date(2026, 11, 29)
    replacement = lifecycle.replacement(previous, author=previous.author, today=today)
    assert followed_reference(replacement) == str(previous.id)
    assert changes_since(previous, replacement) == ()  # nothing corrected yet
    relapse = lifecycle.relapse(previous, author=previous.author, today=today)
    assert followed_reference(relapse) == ""  # a new incapacity, not compared
    assert followed_reference(previous) == ""


REF = "6f1c2b1e-7a3d-4c5e-9b8a-0d1e2f3a4b5c · 3fa2b9c1"
PERIOD_AND_DIAGNOSIS = (
    FieldChange(Part.PERIOD, None, None),
    FieldChange(Part.DIAGNOSIS, None, None),
)


def test_the_line_in_four_languages() -> None:
    assert changes_line(REF, PERIOD_AND_DIAGNOSIS, "en") == (
        f"Changes since {REF}: period, diagnosis"
    )
    assert changes_line(REF, PERIOD_AND_DIAGNOSIS, "nl") == (
        f"Wijzigingen sinds {REF}: periode, diagnose"
    )
    assert changes_line(REF, PERIOD_AND_DIAGNOSIS, "fr") == (
        f"Modifications depuis {REF} : période, diagnostic"
    )
    assert changes_line(REF, PERIOD_AND_DIAGNOSIS, "de") == (
        f"Änderungen seit {REF}: Zeitraum, Diagnose"
    )
    assert changes_line(REF, (), "nl") == f"Geen wijzigingen sinds {REF}"


def test_every_part_has_its_word_in_every_language() -> None:
    from fitnote_desktop.domain.messages import catalogue

    for lang in ("nl", "fr", "de", "en"):
        words = catalogue(lang)
        for part in Part:
            assert words[f"changes.part.{part.value}"].strip(), (lang, part)
        line = changes_line(REF, tuple(FieldChange(p, 1, 2) for p in Part), lang)
        assert "changes.part" not in line and REF in line


def test_advice_options_count_as_advice() -> None:
    doc = samples.incapacity()
    edited = _fit(doc, advice=(AdviceOption.OTHER_WORK,))
    assert [c.part for c in changes_since(doc, edited)] == [Part.ADVICE]


def test_a_part_left_blank_on_both_sides_is_no_change() -> None:
    """Documents of other kinds: a part one lacks and the other leaves empty is equal."""
    resumption = samples.partial_resumption()
    body = resumption.body
    assert isinstance(body, PartialResumption)
    resumption = replace(resumption, body=replace(body, nature="", conditions=""))
    invalidity = samples.invalidity_recognition()
    inv = invalidity.body
    assert isinstance(inv, InvalidityRecognition)
    invalidity = replace(invalidity, body=replace(inv, remarks=""))
    parts = {c.part for c in changes_since(resumption, invalidity)}
    assert not parts & {Part.NATURE, Part.CONDITIONS, Part.REMARKS, Part.ADVICE}
    assert {Part.PERIOD, Part.EXTENT, Part.INCAPACITY_SINCE} <= parts
