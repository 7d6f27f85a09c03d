"""Issue 12 on paper: ICF notation (rule 16), invalidity in preparation (rule 12), the
physician's own NISS (rule 9) and the new fields on the advising physician's copy."""

from __future__ import annotations

from dataclasses import replace
from datetime import timedelta

import pytest

from fitnote_desktop.documents.copies import render_copy
from fitnote_desktop.domain import samples
from fitnote_desktop.domain.model import (
    Document,
    IcfCapacity,
    IncapacityCertificate,
    Period,
    Recipient,
)

from .conftest import pdf_text


def text_of(doc: Document, recipient: Recipient, lang: str = "en") -> str:
    return " ".join(pdf_text(render_copy(doc, recipient, lang).pdf).split())


def test_environmental_factor_is_a_barrier_never_a_capacity() -> None:
    doc = samples.incapacity()
    assert isinstance(doc.body, IncapacityCertificate) and doc.body.fit_note is not None
    fit = replace(doc.body.fit_note, capacities=(IcfCapacity("e310", 2, "Family support."),))
    text = text_of(replace(doc, body=replace(doc.body, fit_note=fit)), Recipient.PATIENT)
    assert "e310.2" in text and "barrier: moderate" in text.lower()
    assert "e310._2" not in text


def test_invalidity_recognition_says_measure_in_preparation() -> None:
    doc = samples.invalidity_recognition()
    for recipient in (Recipient.ADVISING_PHYSICIAN, Recipient.PATIENT):
        text = text_of(doc, recipient, "fr")
        assert "encore en préparation" in text and "projet de loi" in text


def test_partial_resumption_prints_the_nature_of_the_work() -> None:
    doc = samples.partial_resumption()
    text = text_of(doc, Recipient.ADVISING_PHYSICIAN, "nl")
    assert "Aard van het werk" in text and "orderpicking" in text


@pytest.mark.parametrize("recipient", list(Recipient))
def test_physicians_own_niss_is_on_no_copy(recipient: Recipient) -> None:
    """The author's NISS is a signing attribute: the advising physician's dataset carries
    it, but it is printed on no paper copy (formatted or not)."""
    doc = samples.incapacity()
    text = text_of(doc, recipient, "nl")
    niss = doc.author.niss
    assert niss not in text.replace(".", "").replace("-", "").replace(" ", "")


def test_advising_physician_copy_has_antedating_and_maternity_details() -> None:
    doc = samples.incapacity()
    assert isinstance(doc.body, IncapacityCertificate)
    day = samples.SAMPLE_DAY
    body = replace(
        doc.body,
        antedating_justification="Home visit, patient bedridden since Friday.",
        expected_delivery=day + timedelta(days=60),
        maternity_leave=Period(day + timedelta(days=30), day + timedelta(days=120)),
    )
    doc = replace(doc, body=body)
    advising = text_of(doc, Recipient.ADVISING_PHYSICIAN)
    assert "Justification of the antedating" in advising and "bedridden" in advising
    assert "Expected delivery date" in advising and "Maternity leave" in advising
    for other in (Recipient.EMPLOYER, Recipient.PATIENT, Recipient.OCCUPATIONAL_PHYSICIAN):
        text = text_of(doc, other)
        assert "bedridden" not in text and "Maternity leave" not in text
