"""Whether the patient may leave the house is a yes/no the physician answers, never a silent no.

Not answered (None) on a new certificate; the validation asks for it when the certificate
goes to the mutuality (the Mult-eMediatt schematron requires the element); the PDF and
the KMEHR message state it only once answered; documents stored with ``false`` still read.
"""

from __future__ import annotations

from dataclasses import replace
from datetime import UTC, date, datetime

import pytest

from fitnote_desktop.documents import content
from fitnote_desktop.documents.kmehr import export_kmehr, import_kmehr
from fitnote_desktop.domain import canonical, datasets, samples
from fitnote_desktop.domain.findings import Severity
from fitnote_desktop.domain.model import (
    CertificateKind,
    Document,
    IncapacityCertificate,
    Period,
    Recipient,
)
from fitnote_desktop.domain.validation import validate

TODAY = date(2027, 1, 31)
NOW = datetime(2026, 11, 16, 10, 30, tzinfo=UTC)
CODE = "incapacity.out_of_home_missing"


def leave_house(answer: bool | None, doc: Document | None = None) -> Document:
    doc = doc or samples.incapacity()
    assert isinstance(doc.body, IncapacityCertificate)
    return replace(doc, body=replace(doc.body, out_of_home_allowed=answer))


def test_a_new_certificate_has_no_answer():
    body = IncapacityCertificate(CertificateKind.INITIAL, Period(date(2026, 11, 23), None))
    assert body.out_of_home_allowed is None


def test_unanswered_is_an_error_on_its_field_for_the_mutuality():
    findings = [f for f in validate(leave_house(None), today=TODAY) if f.code == CODE]
    assert [(f.field, f.severity) for f in findings] == [
        ("body.out_of_home_allowed", Severity.ERROR)
    ]


@pytest.mark.parametrize("answer", [True, False])
def test_yes_and_no_are_both_answers(answer: bool):
    assert CODE not in {f.code for f in validate(leave_house(answer), today=TODAY)}


def test_not_asked_when_no_mutuality_receives_the_certificate():
    doc = leave_house(None)
    doc = replace(doc, recipients=(Recipient.PATIENT,))
    assert CODE not in {f.code for f in validate(doc, today=TODAY)}


def test_stored_documents_keep_their_answer_and_unanswered_stays_unanswered():
    for answer in (True, False, None):
        doc = leave_house(answer)
        data = canonical.to_dict(doc)
        assert ("out_of_home_allowed" in data["body"]) is (answer is not None)
        assert canonical.document_from_bytes(canonical.canonical_bytes(doc)) == doc


def test_a_legacy_false_still_reads_as_no():
    data = canonical.to_dict(leave_house(True))
    data["body"]["out_of_home_allowed"] = False
    doc = canonical.from_dict(data)
    assert isinstance(doc.body, IncapacityCertificate)
    assert doc.body.out_of_home_allowed is False


def test_the_pdf_states_it_only_once_answered():
    def states_it(doc: Document) -> bool:
        view = datasets.project(doc, Recipient.PATIENT)
        section = content._incapacity_section(view)
        assert section is not None
        return any(field.label("en") == "May leave home" for field in section.fields)

    assert states_it(leave_house(False))
    assert states_it(leave_house(True))
    assert not states_it(leave_house(None))


def test_only_a_no_tells_the_patient_to_stay_home():
    assert "next.stay_home" in datasets.next_steps(leave_house(False))
    assert "next.stay_home" not in datasets.next_steps(leave_house(None))
    assert "next.stay_home" not in datasets.next_steps(leave_house(True))


@pytest.mark.parametrize("answer", [True, False])
def test_kmehr_carries_the_answer_both_ways(answer: bool):
    xml = export_kmehr(leave_house(answer), "advising-physician", now=NOW)
    assert f"<outofhomeallowed>{str(answer).lower()}</outofhomeallowed>" in xml.decode()
    back = import_kmehr(xml).body
    assert isinstance(back, IncapacityCertificate)
    assert back.out_of_home_allowed is answer


def test_kmehr_never_writes_a_no_that_was_not_given():
    xml = export_kmehr(leave_house(None), "advising-physician", now=NOW)
    assert b"outofhomeallowed" not in xml
    back = import_kmehr(xml).body
    assert isinstance(back, IncapacityCertificate)
    assert back.out_of_home_allowed is None
