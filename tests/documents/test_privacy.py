"""No diagnosis on paper for the employer or the patient, whatever the document holds.

Generated documents (tests/doc_strategies.py) carry diagnoses marked ``DXMARK<i>`` with
varying codes, free texts, recipients and consent flags; every copy is rendered and
read back with pdftotext, the way anyone holding the paper would read it.
"""

from __future__ import annotations

from dataclasses import replace

from hypothesis import HealthCheck, assume, given, settings
from hypothesis import strategies as st

from fitnote_desktop.documents.copies import render
from fitnote_desktop.domain.model import (
    Document,
    IncapacityCertificate,
    InvalidityRecognition,
    Recipient,
)
from tests.doc_strategies import DIAGNOSIS_MARKER, documents, free_text

from .conftest import pdf_text


def _user_texts(doc: Document) -> list[str]:
    """Free texts the physician typed outside the diagnosis (they may print anywhere)."""
    out = [doc.consent.reference, doc.patient.full_name]
    fit = doc.fit_note
    if fit is not None:
        out += [fit.free_advice, *(c.statement for c in fit.capacities)]
    body = doc.body
    if isinstance(body, InvalidityRecognition):
        out.append(body.remarks)
    return out


@st.composite
def documents_with_free_text(draw: st.DrawFn) -> Document:
    doc = draw(documents())
    body = doc.body
    # vary the patient-visible free text too (residence, capacity statement)
    if isinstance(body, IncapacityCertificate) and body.fit_note and body.fit_note.capacities:
        caps = list(body.fit_note.capacities)
        caps[0] = replace(caps[0], statement=draw(free_text))
        doc = replace(
            doc, body=replace(body, fit_note=replace(body.fit_note, capacities=tuple(caps)))
        )
    return doc


def _flat(text: str) -> str:
    return "".join(text.split())


@settings(max_examples=25, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(doc=documents_with_free_text(), language=st.sampled_from(["nl", "fr", "de", "en", "nl+fr"]))
def test_diagnosis_never_printed_for_employer_or_patient(doc: Document, language: str) -> None:
    diagnoses = doc.diagnoses
    assume(diagnoses)  # fit-notes and resumptions carry none
    codes = {d.code for d in diagnoses if d.code}
    typed = _flat(" ".join(_user_texts(doc)))
    assume(DIAGNOSIS_MARKER not in typed and not any(c in typed for c in codes))

    for recipient in (Recipient.EMPLOYER, Recipient.PATIENT):
        text = _flat(pdf_text(render(doc, recipient, language)))
        assert DIAGNOSIS_MARKER not in text, recipient
        for code in codes:
            assert code not in text, (recipient, code)
        for d in diagnoses:
            assert _flat(d.text) not in text, recipient

    advising = _flat(pdf_text(render(doc, Recipient.ADVISING_PHYSICIAN, language)))
    for i, d in enumerate(diagnoses):
        assert f"{DIAGNOSIS_MARKER}{i}" in advising
        assert d.code in advising


@settings(max_examples=10, deadline=None)
@given(doc=documents())
def test_occupational_physician_gets_no_diagnosis_either(doc: Document) -> None:
    typed = _flat(" ".join(_user_texts(doc)))
    assume(DIAGNOSIS_MARKER not in typed)
    text = _flat(pdf_text(render(doc, Recipient.OCCUPATIONAL_PHYSICIAN, "nl")))
    assert DIAGNOSIS_MARKER not in text
