"""Each recipient sees only its dataset; above all, no diagnosis outside the advising physician."""

import json
from dataclasses import replace

from doc_strategies import DIAGNOSIS_MARKER, JUSTIFICATION_MARKER, documents
from hypothesis import given, settings

from fitnote_desktop.domain import samples
from fitnote_desktop.domain.datasets import project
from fitnote_desktop.domain.model import Document, IncapacityCertificate, Recipient


def dump(doc: Document, recipient: Recipient) -> str:
    return json.dumps(project(doc, recipient).as_dict(), ensure_ascii=False)


@given(documents())
@settings(max_examples=150)
def test_no_diagnosis_reaches_employer_or_patient(doc: Document) -> None:
    for recipient in (Recipient.EMPLOYER, Recipient.PATIENT, Recipient.OCCUPATIONAL_PHYSICIAN):
        text = dump(doc, recipient)
        assert DIAGNOSIS_MARKER not in text
        assert JUSTIFICATION_MARKER not in text
        for dx in doc.diagnoses:
            assert f'"{dx.code}"' not in text
        view = project(doc, recipient)
        assert view.medical is None
    if doc.diagnoses:  # fit-notes and resumptions carry none
        assert DIAGNOSIS_MARKER in dump(doc, Recipient.ADVISING_PHYSICIAN)
    body = doc.body
    if isinstance(body, IncapacityCertificate) and body.duration_justification:
        assert JUSTIFICATION_MARKER in dump(doc, Recipient.ADVISING_PHYSICIAN)


@given(documents())
@settings(max_examples=80)
def test_employer_never_gets_the_niss_and_capacities_only_with_consent(doc: Document) -> None:
    view = project(doc, Recipient.EMPLOYER)
    assert view.patient_niss is None
    assert doc.patient.niss not in dump(doc, Recipient.EMPLOYER)
    fit = doc.fit_note
    if fit is not None and fit.capacities and not doc.consent.share_capacities_with_employer:
        assert view.fit_note is not None and view.fit_note.capacities == ()
        assert view.capacities_withheld
        for cap in fit.capacities:
            assert cap.statement not in dump(doc, Recipient.EMPLOYER)
    if fit is not None and doc.consent.share_capacities_with_employer:
        assert view.fit_note == fit


def test_occupational_physician_gets_fit_note_and_period() -> None:
    doc = samples.incapacity()
    view = project(doc, Recipient.OCCUPATIONAL_PHYSICIAN)
    assert view.fit_note == doc.fit_note
    assert view.period == doc.period
    assert view.employment == doc.employment


def test_advising_physician_gets_everything_medical() -> None:
    doc = samples.prolongation()
    view = project(doc, Recipient.ADVISING_PHYSICIAN)
    body = doc.body
    assert isinstance(body, IncapacityCertificate)
    assert view.medical is not None
    assert view.medical.diagnoses == body.diagnoses
    assert view.medical.hospital_stay == body.hospital_stay
    assert view.previous_reference == body.previous.reference  # type: ignore[union-attr]


def test_patient_summary_says_what_to_do_next() -> None:
    doc = samples.incapacity()
    view = project(doc, Recipient.PATIENT)
    assert "next.inform_employer" in view.next_steps
    assert "next.sent_electronically" in view.next_steps
    paper = replace(doc, consent=replace(doc.consent, electronic_sending=False))
    assert "next.send_to_mutuality" in project(paper, Recipient.PATIENT).next_steps


def test_invalidity_diagnosis_and_remarks_only_for_advising_physician() -> None:
    doc = samples.invalidity_recognition()
    for recipient in (Recipient.PATIENT, Recipient.EMPLOYER, Recipient.OCCUPATIONAL_PHYSICIAN):
        assert "Dépression" not in dump(doc, recipient)
        assert "psychiatrique" not in dump(doc, recipient)
    assert "Dépression" in dump(doc, Recipient.ADVISING_PHYSICIAN)
    assert "psychiatrique" in dump(doc, Recipient.ADVISING_PHYSICIAN)


def test_employer_does_not_see_resumption_conditions() -> None:
    doc = samples.partial_resumption()
    view = project(doc, Recipient.EMPLOYER)
    assert view.partial_resumption is not None
    assert view.partial_resumption.percentage == 50
    assert view.partial_resumption.conditions == ""
