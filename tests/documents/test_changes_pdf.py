"""The "changes since" line on the copies of a follow-up, read back with pdftotext.

The advising physician's copy names every changed part; the employer's copy names only
what the employer's dataset shows, and never that a diagnosis changed (generated pairs,
every copy language).
"""

from __future__ import annotations

from dataclasses import replace

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from fitnote_desktop.documents.copies import render
from fitnote_desktop.domain import samples
from fitnote_desktop.domain.changes import Part, part_name
from fitnote_desktop.domain.model import (
    Diagnosis,
    Document,
    IncapacityCertificate,
    Period,
    Recipient,
)
from fitnote_desktop.domain.reference import make_reference
from tests.doc_strategies import documents

from .conftest import pdf_text

PREVIOUS_REF = "6f1c2b1e-7a3d-4c5e-9b8a-0d1e2f3a4b5c · 0a1b2c3d"
MEDICAL_PARTS = (Part.DIAGNOSIS, Part.REASON, Part.HOSPITAL_STAY, Part.ANTEDATING)


def _flat(text: str) -> str:
    return " ".join(text.split())


def _cert(doc: Document) -> IncapacityCertificate:
    assert isinstance(doc.body, IncapacityCertificate)
    return doc.body


def test_the_advising_copy_of_a_prolongation_names_what_changed() -> None:
    previous = samples.incapacity()
    current = samples.prolongation(previous)
    text = _flat(
        pdf_text(
            render(
                current,
                Recipient.ADVISING_PHYSICIAN,
                "nl",
                previous=previous,
                previous_reference=PREVIOUS_REF,
            )
        )
    )
    assert (
        f"Wijzigingen sinds {PREVIOUS_REF}: periode, vermoedelijke werkhervatting, diagnose,"
        " ziekenhuisverblijf, geschiktheidsattest, advies, capaciteiten, volgende evaluatie"
    ) in text
    french = _flat(pdf_text(render(current, Recipient.ADVISING_PHYSICIAN, previous=previous)))
    assert f"Modifications depuis {make_reference(previous)} : période," in french
    assert "diagnostic" in french


def test_without_the_followed_document_no_line_is_printed() -> None:
    current = samples.prolongation()
    text = _flat(pdf_text(render(current, Recipient.ADVISING_PHYSICIAN, "en")))
    assert "Changes since" not in text


def test_a_diagnosis_corrected_by_a_replacement_is_not_told_to_the_employer() -> None:
    original = samples.incapacity()
    cert = _cert(original)
    corrected = replace(
        original,
        replaces=str(original.id),
        body=replace(cert, diagnoses=(Diagnosis("Ischias links", "L86"),)),
    )
    advising = _flat(
        pdf_text(render(corrected, Recipient.ADVISING_PHYSICIAN, "en", previous=original))
    )
    assert f"Changes since {make_reference(original)}: diagnosis" in advising
    for recipient in (Recipient.EMPLOYER, Recipient.PATIENT, Recipient.OCCUPATIONAL_PHYSICIAN):
        for language in ("en", "nl+fr"):
            text = _flat(pdf_text(render(corrected, recipient, language, previous=original)))
            # not even "no changes": a line at all would hint at what changed
            for since in ("Changes since", "Wijzigingen sinds", "Modifications depuis"):
                assert since not in text, (recipient, language)


def test_the_employer_reads_of_a_changed_period_and_nothing_medical() -> None:
    original = samples.incapacity()
    cert = _cert(original)
    longer = Period(cert.period.begin, cert.period.end and cert.period.end.replace(day=30))
    corrected = replace(
        original,
        replaces=str(original.id),
        body=replace(cert, period=longer, diagnoses=(Diagnosis("Ischias links", "L86"),)),
    )
    text = _flat(pdf_text(render(corrected, Recipient.EMPLOYER, "nl+fr", previous=original)))
    ref = make_reference(original)
    assert f"Wijzigingen sinds {ref}: periode" in text
    assert f"Modifications depuis {ref} : période" in text
    assert "diagnos" not in text.lower()


@settings(max_examples=12, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(
    previous=documents(),
    current=documents(),
    language=st.sampled_from(["nl", "fr", "de", "en", "nl+fr"]),
)
def test_the_employers_line_never_names_a_medical_part(
    previous: Document, current: Document, language: str
) -> None:
    """Whatever the two documents hold, the employer's copy names no medical part."""
    text = _flat(pdf_text(render(current, Recipient.EMPLOYER, language, previous=previous)))
    for lang in language.split("+"):
        for part in MEDICAL_PARTS:
            assert part_name(part, lang) not in text, (lang, part)


def test_the_cli_prints_a_prolongation_with_what_changed(tmp_path, capsys) -> None:  # type: ignore[no-untyped-def]
    from fitnote_desktop.cli import main
    from fitnote_desktop.resources import resource_path

    initial = resource_path("examples", "incapacity-initial.json")
    prolongation = resource_path("examples", "incapacity-prolongation.json")
    out = tmp_path / "advising.pdf"
    args = ["pdf", str(prolongation), "-r", "advising-physician", "--lang", "en", "-o", str(out)]
    assert main([*args, "--previous", str(initial), "--previous-reference", PREVIOUS_REF]) == 0
    text = _flat(pdf_text(out.read_bytes()))
    assert f"Changes since {PREVIOUS_REF}: period, expected return to work, diagnosis" in text

    # a document that does not follow the one given is refused, in one line
    fit_note = resource_path("examples", "fit-note.json")
    code = main([*args, "--previous", str(fit_note)])
    assert code == 2
    assert "does not prolong or replace" in capsys.readouterr().err
