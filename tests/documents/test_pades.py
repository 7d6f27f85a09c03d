"""PAdES-B-B: pdfsig accepts the signed copy, rejects a tampered one; drafts are refused."""

from __future__ import annotations

import io
import re
import subprocess
from pathlib import Path

import pytest

from fitnote_desktop.documents.copies import render, render_copy
from fitnote_desktop.documents.pades import PdfSigningError, copy_info, sign_pdf
from fitnote_desktop.domain.model import Recipient

from .conftest import pdf_text, pdfsig


@pytest.fixture(scope="module")
def signed(sample, gp_signer) -> bytes:  # type: ignore[no-untyped-def]
    return sign_pdf(render(sample, Recipient.EMPLOYER), gp_signer)


def test_pdfsig_reports_the_signature_valid(signed: bytes, tmp_path: Path) -> None:
    out = pdfsig(signed, tmp_path)
    # -nocert: poppler checks the signature over the signed byte ranges but not the
    # chain, whose root is the generated demo CA that this machine does not trust.
    assert "Signature Validation: Signature is Valid." in out
    assert "Total document signed" in out
    assert "Signature Type: ETSI.CAdES.detached" in out
    assert "Signature Field Name: Signature1" in out
    assert "An Peeters (Signature)" in out


def _flip_inside_content_stream(pdf: bytes) -> bytes:
    """Change one byte of the first page's compressed content: same length, same xref."""
    match = re.search(rb"stream\r?\n", pdf)
    assert match is not None
    pos = match.end() + 20
    data = bytearray(pdf)
    data[pos] ^= 0xFF
    return bytes(data)


def _change_title(pdf: bytes) -> bytes:
    start = pdf.index(b"/Title (") + len(b"/Title (")
    data = bytearray(pdf)
    data[start] = ord("X") if data[start] != ord("X") else ord("Y")
    return bytes(data)


@pytest.mark.parametrize("tamper", [_flip_inside_content_stream, _change_title])
def test_pdfsig_reports_a_modified_copy_invalid(signed: bytes, tmp_path: Path, tamper) -> None:  # type: ignore[no-untyped-def]
    byte_range = [
        int(x) for x in re.search(rb"/ByteRange \[\s*(\d+) (\d+) (\d+) (\d+)", signed).groups()
    ]  # type: ignore[union-attr]
    modified = tamper(signed)
    changed = next(i for i, (a, b) in enumerate(zip(signed, modified, strict=True)) if a != b)
    assert byte_range[0] <= changed < byte_range[0] + byte_range[1]  # inside the signed range
    out = pdfsig(modified, tmp_path)
    assert "Signature is Valid" not in out
    assert "Digest Mismatch" in out or "Invalid" in out


def test_pyhanko_validates_intact_and_trusted_with_the_demo_root(signed: bytes, demo_pki) -> None:  # type: ignore[no-untyped-def]
    from pyhanko.pdf_utils.reader import PdfFileReader
    from pyhanko.sign.validation import validate_pdf_signature
    from pyhanko_certvalidator import ValidationContext

    reader = PdfFileReader(io.BytesIO(signed))
    (embedded,) = reader.embedded_signatures
    assert embedded.sig_object["/SubFilter"] == "/ETSI.CAdES.detached"
    vc = ValidationContext(trust_roots=demo_pki.citizen_trust_roots(), allow_fetching=False)
    status = validate_pdf_signature(embedded, vc)
    assert status.intact and status.valid
    assert status.coverage.name == "ENTIRE_FILE"


def test_visible_stamp_sits_in_the_signature_box(sample, gp_signer) -> None:  # type: ignore[no-untyped-def]
    from pyhanko.pdf_utils.reader import PdfFileReader

    copy = render_copy(sample, Recipient.ADVISING_PHYSICIAN, "nl")
    signed = sign_pdf(copy.pdf, gp_signer)
    reader = PdfFileReader(io.BytesIO(signed))
    (embedded,) = reader.embedded_signatures
    widget = embedded.sig_field
    rect = [float(v) for v in widget["/Rect"]]
    assert copy.signature is not None
    assert rect == pytest.approx([round(v) for v in copy.signature.box], abs=0.01)
    assert rect[2] - rect[0] > 100 and rect[3] - rect[1] > 40  # visible, not a 0x0 field
    assert "/AP" in widget
    text = " ".join(pdf_text(signed).split())
    assert "Digitaal ondertekend door" in text and "An Peeters" in text


def test_stamp_text_is_configurable_and_unicode(sample, gp_signer) -> None:  # type: ignore[no-untyped-def]
    signed = sign_pdf(
        render(sample, Recipient.PATIENT, "fr"),
        gp_signer,
        stamp_text="Signé par %(signer)s — Łódź, ß €\n%(ts)s",
    )
    text = " ".join(pdf_text(signed).split())
    assert "Signé par An Peeters — Łódź, ß €" in text


def test_default_stamp_follows_the_copy_language(sample, gp_signer) -> None:  # type: ignore[no-untyped-def]
    signed = sign_pdf(render(sample, Recipient.EMPLOYER, "nl+fr"), gp_signer)
    text = " ".join(pdf_text(signed).split())
    assert "Digitaal ondertekend door / Signé électroniquement par" in text


def test_a_draft_is_watermarked_and_never_signed(sample, gp_signer) -> None:  # type: ignore[no-untyped-def]
    copy = render_copy(sample, Recipient.EMPLOYER, "nl", draft=True)
    assert copy.signature is None
    assert copy_info(copy.pdf).draft
    text = " ".join(pdf_text(copy.pdf).split())
    assert "Ontwerp – niet ondertekend, niet geldig" in text
    # the diagonal watermark comes out letter by letter; raw order keeps it contiguous
    raw = subprocess.run(
        ["pdftotext", "-raw", "-", "-"], input=copy.pdf, capture_output=True, check=True
    ).stdout.decode()
    assert "DRAFT/ONTWERP/PROJET/ENTWURF" in "".join(raw.split())
    assert "ONTWERP" not in "".join(pdf_text(render(sample, Recipient.EMPLOYER, "nl")).split())
    with pytest.raises(PdfSigningError) as info:
        sign_pdf(copy.pdf, gp_signer)
    assert info.value.code == "pdf.draft"


def test_signing_twice_or_a_missing_field_is_refused(signed: bytes, gp_signer) -> None:  # type: ignore[no-untyped-def]
    with pytest.raises(PdfSigningError) as info:
        sign_pdf(signed, gp_signer)
    assert info.value.code == "pdf.already_signed"
    with pytest.raises(PdfSigningError) as info:
        sign_pdf(signed, gp_signer, field_name="Other")
    assert info.value.code == "pdf.no_signature_field"


def test_each_thread_signs_on_its_own_loop_and_not_inside_a_running_one(
    sample, gp_signer, tmp_path: Path
) -> None:  # type: ignore[no-untyped-def]
    """``sign_pdf`` keeps one event loop per thread instead of ``asyncio.run``'s new one
    per call: repeated signatures, in several threads at once, all verify; called from
    inside a running loop it refuses, as ``asyncio.run`` does."""
    import asyncio
    from concurrent.futures import ThreadPoolExecutor

    pdfs = [render(sample, r, "nl") for r in Recipient]
    with ThreadPoolExecutor(max_workers=2) as pool:
        signed = list(pool.map(lambda pdf: sign_pdf(pdf, gp_signer), pdfs * 2))
    signed.append(sign_pdf(pdfs[0], gp_signer))  # and again on this thread
    for pdf in signed:
        assert "Signature is Valid." in pdfsig(pdf, tmp_path)

    async def inside_a_loop() -> bytes:
        return sign_pdf(pdfs[0], gp_signer)

    with pytest.raises(RuntimeError, match="async_sign_pdf"):
        asyncio.run(inside_a_loop())


def test_signs_through_the_signing_port_with_one_pin_prompt(
    sample, demo_pki, tmp_path: Path
) -> None:  # type: ignore[no-untyped-def]
    from support import signing as sig_support

    from fitnote_desktop.signing.factory import open_signer

    pin = sig_support.RecordingPin()
    session = open_signer(sig_support.pkcs12_config(demo_pki), pin)
    try:
        pdf_signer = session.document_signer.pdf_signer()
        before = len(pin.purposes)  # a PKCS#12 file may ask once to reveal its certificate
        signed = sign_pdf(render(sample, Recipient.PATIENT, "nl"), pdf_signer)
    finally:
        session.document_signer.close()
    assert "Signature is Valid." in pdfsig(signed, tmp_path)
    assert pin.purposes[before:] == ["signature"]  # one signature, one prompt


def test_cms_is_pades_baseline_b(signed: bytes) -> None:
    """ETSI EN 319 142-1 B-B: signing-certificate-v2 signed, no CMS signing-time (the
    time is the signature dictionary's /M), SHA-256."""
    from pyhanko.pdf_utils.reader import PdfFileReader

    (embedded,) = PdfFileReader(io.BytesIO(signed)).embedded_signatures
    attrs = {a["type"].native for a in embedded.signer_info["signed_attrs"]}
    assert "signing_certificate_v2" in attrs
    assert "signing_time" not in attrs
    assert "/M" in embedded.sig_object
    assert embedded.md_algorithm == "sha256"
