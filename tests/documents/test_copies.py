"""The printed copies: the right fields, in the right language, for the right reader."""

from __future__ import annotations

import json
import re
from collections.abc import Callable

import pytest

from fitnote_desktop.documents import labels
from fitnote_desktop.documents.copies import RenderedCopy, copy_language, render, render_all
from fitnote_desktop.domain import samples
from fitnote_desktop.domain.model import (
    AdviceOption,
    AuthorisingRole,
    CertificateKind,
    DocumentKind,
    EmploymentSituation,
    FitNoteStatus,
    IncapacityFor,
    IncapacityReason,
    Language,
    Recipient,
)
from fitnote_desktop.domain.reference import make_reference
from fitnote_desktop.resources import resource_path

from .conftest import pdf_text

ALL_RECIPIENTS = list(Recipient)
REF = make_reference(samples.incapacity())


def flat(text: str) -> str:
    """Whitespace-normalised: a title may wrap onto two lines in a narrow column."""
    return " ".join(text.split())


EXPECTED = {
    "nl": [
        "Getuigschrift van arbeidsongeschiktheid",
        "Eerste getuigschrift",
        "van 16/11/2026 tot en met 29/11/2026 (14 dagen)",
        "Ondergetekende arts verklaart Émilie Vanderbeke-Dubois op 16/11/2026",
        "Opgemaakt te Gent op 16/11/2026",
        "RIZIV-nr. 1-23456-25-004",
        "Verlaten van de woning toegestaan",
    ],
    "fr": [
        "Certificat d’incapacité de travail",
        "Premier certificat",
        "du 16/11/2026 au 29/11/2026 inclus (14 jours)",
        "certifie avoir examiné Émilie Vanderbeke-Dubois le 16/11/2026",
        "Fait à Gent, le 16/11/2026",
        "N° INAMI 1-23456-25-004",
        "Sortie du domicile autorisée",
    ],
    "de": [
        "Bescheinigung über Arbeitsunfähigkeit",
        "Erstbescheinigung",
        "vom 16.11.2026 bis einschließlich 29.11.2026 (14 Tage)",
        "Émilie Vanderbeke-Dubois am 16.11.2026 untersucht",
        "Ausgestellt in Gent am 16.11.2026",
        "LIKIV-Nr. 1-23456-25-004",
        "Verlassen der Wohnung erlaubt",
    ],
    "en": [
        "Certificate of incapacity for work",
        "Initial certificate",
        "from 16/11/2026 to 29/11/2026 inclusive (14 days)",
        "examined Émilie Vanderbeke-Dubois on 16/11/2026",
        "Issued at Gent on 16/11/2026",
        "RIZIV/INAMI no. 1-23456-25-004",
        "May leave home",
    ],
}
COPY_FOR = {
    ("nl", Recipient.ADVISING_PHYSICIAN): "Exemplaar voor de adviserend arts van het ziekenfonds",
    ("fr", Recipient.ADVISING_PHYSICIAN): "Exemplaire pour le médecin-conseil de la mutualité",
    ("nl", Recipient.OCCUPATIONAL_PHYSICIAN): "Exemplaar voor de arbeidsarts",
    ("fr", Recipient.OCCUPATIONAL_PHYSICIAN): "Exemplaire pour le médecin du travail",
    ("de", Recipient.EMPLOYER): "Exemplar für den Arbeitgeber",
    ("en", Recipient.PATIENT): "Copy for the patient",
}


@pytest.mark.parametrize("lang", ["nl", "fr", "de", "en"])
@pytest.mark.parametrize("recipient", ALL_RECIPIENTS)
def test_fields_in_the_chosen_language(
    texts: Callable[..., str], lang: str, recipient: Recipient
) -> None:
    text = flat(texts("incapacity-initial", recipient, lang))
    for expected in EXPECTED[lang]:
        assert expected in text, expected
    assert "Émilie Vanderbeke-Dubois" in text
    assert "Groepspraktijk De Linde" in text and "Lindestraat 12, 9000 Gent" in text
    assert REF in text  # footer, every copy
    if (lang, recipient) in COPY_FOR:
        assert COPY_FOR[(lang, recipient)] in text
    other = {"nl", "fr", "de", "en"} - {lang}
    for o in other:  # no title of another language slipped in
        assert EXPECTED[o][0] not in text


@pytest.mark.parametrize("lang", ["nl", "fr", "de", "en"])
def test_capacities_table_has_label_in_language_and_qualifier_in_words(
    texts: Callable[..., str], lang: str
) -> None:
    from fitnote_desktop.domain.icf import load_catalogue

    catalogue = load_catalogue()
    text = flat(texts("incapacity-initial", Recipient.OCCUPATIONAL_PHYSICIAN, lang))
    assert "d430._2" in text and "d415._1" in text and "d450._1" in text  # capacity qualifier
    assert catalogue.label("d430", lang) in text
    assert flat(catalogue.qualifier(2).fitnote_wording[lang]) in text  # type: ignore[union-attr]
    assert "Kan tot 5 kg heffen en dragen." in text  # the physician's own statement


def test_niss_and_birth_date_for_physicians_and_patient_not_employer(
    texts: Callable[..., str],
) -> None:
    for recipient in ALL_RECIPIENTS:
        text = flat(texts("incapacity-initial", recipient, "nl"))
        has_niss = "85.07.30-032.29" in text
        assert has_niss is (recipient is not Recipient.EMPLOYER), recipient
        assert ("30/07/1985" in text) is (recipient is not Recipient.EMPLOYER), recipient


def test_advising_physician_gets_the_medical_details(texts: Callable[..., str]) -> None:
    text = flat(texts("incapacity-initial", Recipient.ADVISING_PHYSICIAN, "nl"))
    assert "Lumbago met uitstraling naar het linkerbeen — L86 (ICPC-2)" in text
    assert "MEDISCHE GEGEVENS" in text and "ziekte" in text
    assert "Vertrouwelijk" in text
    prolongation = flat(texts("incapacity-prolongation", Recipient.ADVISING_PHYSICIAN, "fr"))
    assert "Hernie discale L5-S1 opérée — M51.1 (ICD-10)" in prolongation
    assert "Prolongation" in prolongation and "Certificat précédent" in prolongation
    assert "Séjour à l'hôpital" in prolongation
    assert (
        "du 30/11/2026 au 02/12/2026 inclus (3 jours) — Cliniques universitaires Saint-Luc"
        in prolongation
    )


def test_employer_copy_default_is_two_columns_nl_fr(
    copies: Callable[..., RenderedCopy], texts: Callable[..., str]
) -> None:
    doc = samples.incapacity()
    assert doc.employment is not None and doc.employment.employer_language is None
    assert copy_language(doc, Recipient.EMPLOYER) == "nl+fr"
    assert copy_language(doc, Recipient.ADVISING_PHYSICIAN) == "nl"
    copy = copies("incapacity-initial", Recipient.EMPLOYER)
    assert copy.language == "nl+fr"
    text = flat(texts("incapacity-initial", Recipient.EMPLOYER))
    for expected in (
        "Getuigschrift van arbeidsongeschiktheid",
        "Certificat d’incapacité de travail",
        "van 16/11/2026 tot en met 29/11/2026 (14 dagen)",
        "du 16/11/2026 au 29/11/2026 inclus (14 jours)",
        "Exemplaar voor de werkgever",
        "Exemplaire pour l’employeur",
        "Dit exemplaar bevat geen medische gegevens.",
        "Soulever et porter des objets",  # capacity labels in both languages
        "Optillen en dragen van voorwerpen",
    ):
        assert expected in text, expected
    # layout: the two languages sit side by side (same line in -layout mode)
    layout = pdf_text(copy.pdf, layout=True)
    assert any(
        "Exemplaar voor de werkgever" in ln and "pour l’employeur" in ln
        for ln in layout.splitlines()
    )


def test_employer_language_known_gives_one_language(sample) -> None:  # type: ignore[no-untyped-def]
    from dataclasses import replace

    doc = replace(sample, employment=replace(sample.employment, employer_language=Language.DE))
    assert copy_language(doc, Recipient.EMPLOYER) == "de"
    text = flat(pdf_text(render(doc, Recipient.EMPLOYER)))
    assert "Bescheinigung über Arbeitsunfähigkeit" in text
    assert "Getuigschrift" not in text


def test_employer_without_consent_sees_no_capacities(sample) -> None:  # type: ignore[no-untyped-def]
    from dataclasses import replace

    doc = replace(sample, consent=replace(sample.consent, share_capacities_with_employer=False))
    text = flat(pdf_text(render(doc, Recipient.EMPLOYER, "nl")))
    assert "d430" not in text and "Kan tot 5 kg" not in text and "Geen tillen" not in text
    assert "niet ingestemd met het delen van de werkcapaciteiten" in text
    assert "Mogelijk geschikt om te werken" in text  # the verdict itself is shared
    assert "29/11/2026" in text  # review date


def test_patient_copy_has_number_and_next_steps(texts: Callable[..., str]) -> None:
    text = flat(texts("incapacity-initial", Recipient.PATIENT, "nl"))
    assert f"Documentnummer: {REF}" in text
    assert "WAT MOET U NU DOEN?" in text
    assert "Bezorg het exemplaar voor de werkgever" in text
    assert "Volgende evaluatie bij uw arts: 29/11/2026." in text
    assert "Lumbago" not in text and "L86" not in text


@pytest.mark.parametrize("name", list(samples.all_samples()))
@pytest.mark.parametrize("lang", ["nl", "fr", "de", "en", "nl+fr"])
def test_every_sample_every_copy_renders_one_valid_pdf(
    copies: Callable[..., RenderedCopy], name: str, lang: str
) -> None:
    for recipient in ALL_RECIPIENTS:
        copy = copies(name, recipient, lang)
        assert copy.pdf.startswith(b"%PDF-") and copy.pdf.rstrip().endswith(b"%%EOF")
        assert copy.pages >= 1
        assert copy.signature is not None


@pytest.mark.parametrize(
    ("name", "lang", "expected"),
    [
        (
            "fit-note",
            "nl",
            [
                "Geschiktheidsattest",
                "Geldig voor de periode",
                "van 30/11/2026 tot en met 27/12/2026 (28 dagen)",
            ],
        ),
        ("fit-note", "fr", ["Certificat d’aptitude", "Valable pour la période"]),
        (
            "partial-resumption",
            "nl",
            [
                "Toelating tot gedeeltelijke werkhervatting",
                "50 % van een voltijdse betrekking",
                "21/12/2026",
                "behandelend arts",
            ],
        ),
        (
            "partial-resumption-hours",
            "fr",
            ["Autorisation de reprise partielle du travail", "19,5 heures par semaine"],
        ),
        ("partial-resumption-hours", "en", ["19.5 hours per week"]),
        (
            "invalidity-recognition",
            "fr",
            [
                "Renouvellement de la reconnaissance d’invalidité",
                "01/12/2026",
                "30/11/2027",
                "06/10/2025",
            ],
        ),
        ("incapacity-relapse", "de", ["Rückfall", "Vorherige Bescheinigung"]),
    ],
)
def test_titles_and_fields_per_kind(
    texts: Callable[..., str], name: str, lang: str, expected: list[str]
) -> None:
    text = flat(texts(name, Recipient.PATIENT, lang))
    for e in expected:
        assert e in text, e


def test_render_all_gives_each_recipient_its_usual_language() -> None:
    out = render_all(samples.prolongation())
    assert set(out) == set(Recipient)
    assert out[Recipient.ADVISING_PHYSICIAN].language == "fr"
    assert out[Recipient.EMPLOYER].language == "nl+fr"
    assert len({c.reference for c in out.values()}) == 1


def test_output_is_deterministic(sample) -> None:  # type: ignore[no-untyped-def]
    assert render(sample, Recipient.EMPLOYER, "nl") == render(sample, Recipient.EMPLOYER, "nl")


def test_pdf_metadata_names_copy_not_content(sample) -> None:  # type: ignore[no-untyped-def]
    from fitnote_desktop.documents.pades import copy_info

    pdf = render(sample, Recipient.EMPLOYER, "fr")
    info = copy_info(pdf)
    assert info.language == "fr" and not info.draft
    assert b"Lumbago" not in pdf


def test_bad_arguments_are_value_errors(sample) -> None:  # type: ignore[no-untyped-def]
    with pytest.raises(ValueError, match="recipient"):
        render(sample, "mutuality", "nl")
    with pytest.raises(ValueError, match="language"):
        render(sample, Recipient.PATIENT, "es")
    with pytest.raises(ValueError):
        render(sample, Recipient.PATIENT, "nl+fr+de")
    with pytest.raises(ValueError, match="reference"):
        render(sample, Recipient.PATIENT, "nl", reference=make_reference(samples.relapse()))


# ---------------------------------------------------------------------------- catalogue


def test_label_catalogues_have_the_same_keys_and_no_empty_value() -> None:
    keys = None
    for lang in ("nl", "fr", "de", "en"):
        data = json.loads(resource_path("labels", f"{lang}.json").read_text("utf-8"))
        assert all(isinstance(v, str) and v.strip() for v in data.values()), lang
        assert keys is None or set(data) == keys, lang
        keys = set(data)


@pytest.mark.parametrize(
    ("prefix", "values"),
    [
        ("certificate_kind", CertificateKind),
        ("copy", Recipient),
        ("notice", Recipient),
        ("incapacity_for", IncapacityFor),
        ("reason", IncapacityReason),
        ("employment", EmploymentSituation),
        ("fit_status", FitNoteStatus),
        ("advice", AdviceOption),
        ("authorised_by", AuthorisingRole),
    ],
)
def test_every_code_value_has_a_word(prefix: str, values: type) -> None:
    for v in values:  # type: ignore[attr-defined]
        assert labels.has_label(f"{prefix}.{v.value}"), f"{prefix}.{v.value}"


def test_every_kind_has_a_title_and_every_next_step_a_text() -> None:
    import inspect

    from fitnote_desktop.domain import datasets

    for kind in DocumentKind:
        assert labels.has_label(f"title.{kind.value}") or kind is DocumentKind.INCAPACITY
    codes = set(re.findall(r"\"(next\.[a-z_]+)\"", inspect.getsource(datasets.next_steps)))
    assert len(codes) >= 5, "next_steps codes not found"
    for code in codes:
        assert labels.has_label(code), code


def test_dates_are_day_first_per_language() -> None:
    from datetime import date

    d = date(2026, 11, 16)
    assert labels.format_date(d, "nl") == "16/11/2026"
    assert labels.format_date(d, "fr") == "16/11/2026"
    assert labels.format_date(d, "en") == "16/11/2026"
    assert labels.format_date(d, "de") == "16.11.2026"


def test_invalidity_remarks_only_on_the_advising_physicians_copy(
    texts: Callable[..., str],
) -> None:
    # free remarks are written for the advising physician and may reveal the diagnosis
    assert "Suivi psychiatrique" in flat(
        texts("invalidity-recognition", Recipient.ADVISING_PHYSICIAN, "fr")
    )
    for recipient in (Recipient.EMPLOYER, Recipient.PATIENT):
        other = flat(texts("invalidity-recognition", recipient, "fr"))
        assert "Suivi psychiatrique" not in other and "Dépression" not in other


def test_each_document_prints_its_own_reference_when_copies_alternate() -> None:
    """The reference is hashed once per document object (``copies._reference``): copies
    of two documents rendered in turn each carry their own document's reference."""
    from dataclasses import replace

    from fitnote_desktop.documents.copies import render_copy

    first = samples.incapacity()
    second = replace(first, language=Language.FR)
    for doc in (first, second, first, second):
        for recipient in (Recipient.EMPLOYER, Recipient.PATIENT):
            assert render_copy(doc, recipient).reference == make_reference(doc)
    assert make_reference(first) != make_reference(second)
