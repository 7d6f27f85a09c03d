"""Unusual content prints without overflow or crash; the QR code is what it claims."""

from __future__ import annotations

import subprocess
from dataclasses import replace

import pytest

from fitnote_desktop.documents.copies import render_copy
from fitnote_desktop.documents.flowables import qr_modules
from fitnote_desktop.documents.style import MARGIN_X, PAGE_WIDTH
from fitnote_desktop.documents.text import REPLACEMENT, clean, shape_arabic, visual
from fitnote_desktop.domain import samples
from fitnote_desktop.domain.icf import load_catalogue
from fitnote_desktop.domain.model import (
    Diagnosis,
    Document,
    IcfCapacity,
    IncapacityCertificate,
    Recipient,
)
from fitnote_desktop.domain.reference import qr_payload

from .conftest import pdf_text

LONG_WORD = "Aé" * 150  # 300 characters without a space


def _with(doc: Document, **cert_changes: object) -> Document:
    body = doc.body
    assert isinstance(body, IncapacityCertificate)
    return replace(doc, body=replace(body, **cert_changes))  # type: ignore[arg-type]


def _text_box_overflow(pdf: bytes) -> list[str]:
    """Words pdftotext places outside the page's printable width (overflow check)."""
    out = subprocess.run(
        ["pdftotext", "-bbox", "-", "-"], input=pdf, capture_output=True, check=True
    ).stdout.decode()
    import re

    bad = []
    for m in re.finditer(r'<word xMin="([\d.]+)" yMin="[\d.]+" xMax="([\d.]+)"[^>]*>([^<]*)<', out):
        x0, x1 = float(m.group(1)), float(m.group(2))
        if x0 < MARGIN_X - 1 or x1 > PAGE_WIDTH - MARGIN_X + 1:
            bad.append(m.group(3))
    return bad


@pytest.fixture(scope="module")
def extreme() -> Document:
    """Very long names, diagnosis and free texts; 20 capacities; RTL and emoji."""
    doc = samples.incapacity()
    catalogue = load_catalogue()
    codes = [c.code for c in catalogue.categories() if c.code.startswith(("d", "b"))][:20]
    capacities = tuple(
        IcfCapacity(
            code, i % 5, f"Statement {i}: " + "kan zittend werken met pauzes " * (i % 4 + 1)
        )
        for i, code in enumerate(codes)
    )
    fit = doc.fit_note
    assert fit is not None
    patient = replace(
        doc.patient,
        given_name="Marie-" + "Anne" * 20,
        family_name="Van " + LONG_WORD,
    )
    author = replace(doc.author, practice_name="Groepspraktijk " + "X" * 120, family_name=LONG_WORD)
    return _with(
        replace(doc, patient=patient, author=author),
        diagnoses=(
            Diagnosis(LONG_WORD, "L86"),
            Diagnosis("Lumbago " * 60, "L84"),
        ),
        fit_note=replace(
            fit,
            capacities=capacities,
            free_advice="שלום עולם – مرحبا بكم في العيادة 😀🚑👍🏽 ❤️ "
            + "\u202eRTL-override\u202c \x00\x07 tab\there\n"
            + "Zweite Zeile: Straße, € 5, ï ë ç " * 20,
        ),
    )


@pytest.mark.parametrize("recipient", list(Recipient))
@pytest.mark.parametrize("lang", ["nl", "nl+fr"])
def test_extreme_content_renders_within_the_page(
    extreme: Document, recipient: Recipient, lang: str
) -> None:
    copy = render_copy(extreme, recipient, lang)
    assert copy.pages >= 2
    text = pdf_text(copy.pdf)
    assert f"1/{copy.pages}" in text and f"{copy.pages}/{copy.pages}" in text
    assert _text_box_overflow(copy.pdf) == []
    flat = "".join(text.split())
    assert "Aé" * 20 in flat  # the long name is printed (wrapped), not dropped
    if recipient in (Recipient.ADVISING_PHYSICIAN, Recipient.OCCUPATIONAL_PHYSICIAN):
        assert "d" in flat and "Statement19" in flat  # all 20 capacities are there


def test_rtl_emoji_and_controls_are_shown_or_replaced(extreme: Document) -> None:
    text = pdf_text(render_copy(extreme, Recipient.OCCUPATIONAL_PHYSICIAN, "nl").pdf)
    assert "Straße, € 5, ï ë ç" in text
    assert REPLACEMENT in text  # 🚑 and friends: one visible replacement mark
    assert "\x00" not in text and "\u202e" not in text
    assert "שלום" in text or "םולש" in text  # Hebrew is printed (poppler re-orders it)


def test_signature_box_is_on_the_last_signed_page(extreme: Document) -> None:
    copy = render_copy(extreme, Recipient.ADVISING_PHYSICIAN, "nl")
    assert copy.signature is not None
    assert copy.signature.page == copy.pages - 1


def test_empty_signature_field_is_over_the_box_on_its_page(extreme: Document) -> None:
    """The field is written with the page (one revision), on the box's page, over the box."""
    import io

    from pyhanko.pdf_utils.reader import PdfFileReader
    from pyhanko.sign.fields import enumerate_sig_fields

    copy = render_copy(extreme, Recipient.ADVISING_PHYSICIAN, "nl")
    assert copy.signature is not None and copy.pages > 1
    reader = PdfFileReader(io.BytesIO(copy.pdf))
    assert reader.xrefs.total_revisions == 1
    ((name, value, ref),) = list(enumerate_sig_fields(reader))
    assert name == "Signature1" and value is None  # empty, ready for sign_pdf
    widget = ref.get_object()
    page_ref, _ = reader.find_page_for_modification(copy.signature.page)
    assert widget.raw_get("/P") == page_ref
    assert list(page_ref.get_object().raw_get("/Annots")) == [ref]
    assert [float(v) for v in widget["/Rect"]] == [round(v) for v in copy.signature.box]
    assert int(widget["/F"]) == 132 and "/AP" in widget  # printed, locked, has an appearance
    assert int(reader.root["/AcroForm"]["/SigFlags"]) == 1
    draft = render_copy(extreme, Recipient.ADVISING_PHYSICIAN, "nl", draft=True)
    assert not list(enumerate_sig_fields(PdfFileReader(io.BytesIO(draft.pdf))))


def test_qr_code_on_the_page_matches_the_payload(tmp_path) -> None:  # type: ignore[no-untyped-def]
    """Rasterise the page and read every module back: what is printed is the encoding."""
    from PIL import Image

    doc = samples.incapacity()
    endpoint = "https://certificates.example.be:8443"
    copy = render_copy(doc, Recipient.EMPLOYER, "nl", verify_base_url=endpoint)
    assert copy.qr is not None and copy.qr.page == 0
    dpi = 300
    (tmp_path / "copy.pdf").write_bytes(copy.pdf)
    subprocess.run(
        [
            "pdftoppm",
            "-r",
            str(dpi),
            "-gray",
            "-png",
            "-singlefile",
            "-f",
            "1",
            "-l",
            "1",
            str(tmp_path / "copy.pdf"),
            str(tmp_path / "page"),
        ],
        capture_output=True,
        check=True,
    )
    image = Image.open(tmp_path / "page.png").convert("L")
    scale = dpi / 72
    x0, _y0, x1, y1 = copy.qr.box
    height_px = image.height
    modules = qr_modules(qr_payload(doc, verify_base_url=endpoint))
    n = len(modules)
    size = (x1 - x0) / n
    for r in range(n):
        for c in range(n):
            px = (x0 + (c + 0.5) * size) * scale
            py = height_px - (y1 - (r + 0.5) * size) * scale
            dark = image.getpixel((int(px), int(py))) < 128
            assert dark == modules[r][c], (r, c)


def test_qr_modules_are_reportlabs_encoding() -> None:
    from reportlab.graphics.barcode.qr import QrCodeWidget

    payload = qr_payload(samples.incapacity())
    widget = QrCodeWidget(payload, barLevel="M")
    widget.qr.make()
    assert qr_modules(payload) == tuple(tuple(bool(m) for m in row) for row in widget.qr.modules)


def test_draft_has_no_qr_code() -> None:
    assert render_copy(samples.incapacity(), Recipient.PATIENT, "nl", draft=True).qr is None


# ---------------------------------------------------------------------------- text


def test_clean_drops_controls_and_replaces_missing_glyphs_once_per_run() -> None:
    supported = {ord(c) for c in "abc d"}.__contains__
    assert clean("a\x00b\u202ec\u200d d", supported) == "abc d"
    assert clean("a😀😀b", lambda _: True) == f"a{REPLACEMENT}b"  # astral: always replaced
    assert clean("aßb", supported) == f"a{REPLACEMENT}b"
    assert clean("a\tb", lambda _: True) == "a b"
    assert clean("e\u0301", lambda _: True) == "é"  # NFC


def test_hebrew_run_is_reversed_inside_ltr_text_numbers_kept() -> None:
    assert visual("Hebrew שלום עולם 123 end") == "Hebrew 123 םלוע םולש end"
    assert visual("(שלום) x") == "(םולש) x"
    assert visual("plain text (1)") == "plain text (1)"


def test_arabic_letters_get_contextual_forms_and_lam_alef() -> None:
    shaped = shape_arabic("مرحبا")
    assert shaped == "\ufee3\ufeae\ufea3\ufe92\ufe8e"  # initial, final, initial, medial, final
    assert shape_arabic("لا") == "\ufefb"  # lam-alef ligature
    assert all(not ("\u0600" <= ch <= "\u06ff") for ch in shape_arabic("السلام عليكم"))


def test_sparse_document_renders_cleanly() -> None:
    """No practice name, address, phone, place, birth date, employment or fit-note."""
    doc = samples.incapacity(with_fit_note=False)
    doc = replace(
        doc,
        author=replace(doc.author, practice_name="", address=None, phone=""),
        patient=replace(doc.patient, birth_date=None),
        consultation=replace(doc.consultation, place=""),
        employment=None,
    )
    for recipient in Recipient:
        copy = render_copy(doc, recipient, "en")
        text = " ".join(pdf_text(copy.pdf).split())
        assert copy.pages == 1
        assert "Issued on 16/11/2026" in text and "An Peeters" in text
        assert "None" not in text and "{" not in text
