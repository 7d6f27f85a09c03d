"""PDF benchmarks: the four copies of one document, unsigned and PAdES-signed.

Figures are ratios to a baseline measured in the same run, so they compare across
machines: the baseline is a bare one-page reportlab canvas with one line of text in
the same embedded font (the fixed cost of producing any PDF with reportlab). Run with
``bash scripts/bench.sh``.
"""

from __future__ import annotations

import io

import pytest
from reportlab.pdfgen import canvas
from support import signing as sig_support
from support.timing import median_seconds

from fitnote_desktop.demo import DEMO_PASSWORD
from fitnote_desktop.documents import fonts
from fitnote_desktop.documents.copies import render
from fitnote_desktop.documents.pades import sign_pdf
from fitnote_desktop.domain import samples
from fitnote_desktop.domain.model import Recipient

from .conftest import QUICK, Bench

pytestmark = pytest.mark.perf

ROUNDS = 2 if QUICK else 15


def _bare_canvas() -> bytes:
    buffer = io.BytesIO()
    c = canvas.Canvas(buffer, invariant=1)
    c.setFont(fonts.REGULAR, 10)
    c.drawString(72, 720, "Getuigschrift van arbeidsongeschiktheid — é è ë ï ç ß €")
    c.showPage()
    c.save()
    return buffer.getvalue()


def test_four_copies_unsigned_and_signed(
    tmp_path_factory: pytest.TempPathFactory, bench: Bench
) -> None:
    from pyhanko.sign.signers import SimpleSigner

    fonts.register_fonts()
    pki = sig_support.build_demo_pki(tmp_path_factory.mktemp("perf-pdf-pki"))
    signer = SimpleSigner.load_pkcs12(
        str(pki.physician("gp").signature_p12), passphrase=DEMO_PASSWORD.encode()
    )
    doc = samples.incapacity()
    recipients = list(Recipient)

    def four() -> list[bytes]:
        return [render(doc, r) for r in recipients]

    def four_signed() -> list[bytes]:
        return [sign_pdf(render(doc, r), signer) for r in recipients]

    def four_drafts() -> list[bytes]:
        return [render(doc, r, draft=True) for r in recipients]

    baseline = median_seconds(_bare_canvas, rounds=10 if QUICK else 100)
    unsigned = median_seconds(four, ROUNDS)
    signed = median_seconds(four_signed, ROUNDS)
    drafts = median_seconds(four_drafts, ROUNDS)
    one_signed = median_seconds(
        lambda: sign_pdf(render(doc, Recipient.EMPLOYER, "nl"), signer), ROUNDS
    )
    one_sign = one_signed - median_seconds(lambda: render(doc, Recipient.EMPLOYER, "nl"), ROUNDS)

    rows = [
        ("bare reportlab page (baseline)", baseline),
        ("4 copies, unsigned", unsigned),
        ("4 copies, PAdES-signed", signed),
        ("4 copies, drafts (no QR, no field)", drafts),
        ("one PAdES signature (difference)", one_sign),
    ]
    print()
    print(f"{'operation':<36} {'median ms':>10} {'x baseline':>11}")
    for name, seconds in rows:
        print(f"{name:<36} {seconds * 1000:>10.1f} {seconds / baseline:>11.1f}")
    bench.record(
        "pdf4.ratio_vs_bare_page", unsigned * 1000, baseline=baseline * 1000, baseline_unit="ms"
    )
    bench.record(
        "pdf4_signed.ratio_vs_bare_page",
        signed * 1000,
        baseline=baseline * 1000,
        baseline_unit="ms",
    )
