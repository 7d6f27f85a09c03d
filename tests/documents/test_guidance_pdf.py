"""The duration justification is printed on the advising physician's copy only."""

from __future__ import annotations

from dataclasses import replace

import pytest

from fitnote_desktop.documents.copies import render_copy
from fitnote_desktop.domain import samples
from fitnote_desktop.domain.model import Document, IncapacityCertificate, Recipient

from .conftest import pdf_text


def text_of(doc: Document, recipient: Recipient, lang: str) -> str:
    return " ".join(pdf_text(render_copy(doc, recipient, lang).pdf).split())


@pytest.mark.parametrize(
    ("lang", "label"),
    [("en", "Justification of the duration"), ("fr", "Justification de la durée")],
)
def test_duration_justification_on_the_advising_copy_only(lang: str, label: str) -> None:
    doc = samples.incapacity()
    assert isinstance(doc.body, IncapacityCertificate)
    doc = replace(
        doc, body=replace(doc.body, duration_justification="Waiting for the MRI on 12 March.")
    )
    advising = text_of(doc, Recipient.ADVISING_PHYSICIAN, lang)
    assert label in advising and "Waiting for the MRI" in advising
    for other in (Recipient.EMPLOYER, Recipient.PATIENT, Recipient.OCCUPATIONAL_PHYSICIAN):
        text = text_of(doc, other, lang)
        assert "MRI" not in text and label not in text


def test_no_justification_no_line() -> None:
    text = text_of(samples.incapacity(), Recipient.ADVISING_PHYSICIAN, "en")
    assert "Justification of the duration" not in text
