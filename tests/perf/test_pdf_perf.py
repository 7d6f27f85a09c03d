"""PDF benchmarks: the four copies of one document, unsigned and PAdES-signed.

Figures are ratios to a baseline measured in the same run, so they compare across
machines: the baseline is a bare one-page reportlab canvas with one line of text in
the same embedded font (the fixed cost of producing any PDF with reportlab). Run with
``bash scripts/bench.sh``.

Every round renders a *new* document (its own id, patient name, period and expected return), as a
physician's next certificate is: the renderer's process-wide caches of shared texts
(labels, legal wording) may help, those of one document's own values may not.
"""

from __future__ import annotations

import io
import itertools
import uuid
from collections.abc import Callable, Iterator
from dataclasses import replace
from datetime import timedelta

import pytest
from reportlab.pdfgen import canvas
from support import signing as sig_support
from support.timing import median_seconds

from fitnote_desktop.demo import DEMO_PASSWORD
from fitnote_desktop.documents import fonts
from fitnote_desktop.documents.copies import render
from fitnote_desktop.documents.pades import sign_pdf
from fitnote_desktop.domain import samples
from fitnote_desktop.domain.model import Document, IncapacityCertificate, Period, Recipient

from .conftest import QUICK, Bench

pytestmark = pytest.mark.perf

ROUNDS = 2 if QUICK else 15


BASELINE_FONT = "PerfBaselineSans"


def _register_baseline_font() -> None:
    """The baseline's font: the copies' regular face file, as reportlab's plain ``TTFont``.

    The copies' own faces (``fonts.CopyFont``) keep their subsets' font files and widths
    between documents. reportlab registers a second font of an already registered face as
    the first one's object, so the baseline used to draw with the copies' own font; with
    those caches it would share their work and no longer be a bare reportlab page. Under
    a face name of its own it is what the baseline measured before: reportlab's own font
    handling, a subset made and formatted afresh for every page.
    """
    from reportlab.pdfbase import pdfmetrics
    from reportlab.pdfbase.ttfonts import TTFont

    from fitnote_desktop.resources import resource_path

    if BASELINE_FONT not in pdfmetrics.getRegisteredFontNames():
        font = TTFont(BASELINE_FONT, str(resource_path("fonts", "DejaVuSansCondensed.ttf")))
        font.face.name = BASELINE_FONT.encode("ascii")
        pdfmetrics.registerFont(font)


def _bare_canvas() -> bytes:
    buffer = io.BytesIO()
    c = canvas.Canvas(buffer, invariant=1)
    c.setFont(BASELINE_FONT, 10)
    c.drawString(72, 720, "Getuigschrift van arbeidsongeschiktheid — é è ë ï ç ß €")
    c.showPage()
    c.save()
    return buffer.getvalue()


def _new_documents() -> Iterator[Document]:
    """An endless run of distinct certificates: id, patient name, period and return vary."""
    base = samples.incapacity()
    body = base.body
    assert isinstance(body, IncapacityCertificate)
    for n in itertools.count(1):
        begin = body.period.begin + timedelta(days=n % 300)
        yield replace(
            base,
            id=uuid.uuid4(),
            patient=replace(base.patient, family_name=f"{base.patient.family_name}-{n}"),
            body=replace(
                body,
                period=Period(begin, begin + timedelta(days=7 + n % 20)),
                expected_return=begin + timedelta(days=8 + n % 20),
            ),
        )


def _each_new(action: Callable[[Document], object]) -> Callable[[], object]:
    documents = _new_documents()
    return lambda: action(next(documents))


def test_four_copies_unsigned_and_signed(
    tmp_path_factory: pytest.TempPathFactory, bench: Bench
) -> None:
    from pyhanko.sign.signers import SimpleSigner

    fonts.register_fonts()
    _register_baseline_font()
    pki = sig_support.build_demo_pki(tmp_path_factory.mktemp("perf-pdf-pki"))
    signer = SimpleSigner.load_pkcs12(
        str(pki.physician("gp").signature_p12), passphrase=DEMO_PASSWORD.encode()
    )
    recipients = list(Recipient)

    def four(doc: Document) -> list[bytes]:
        return [render(doc, r) for r in recipients]

    def four_signed(doc: Document) -> list[bytes]:
        return [sign_pdf(render(doc, r), signer) for r in recipients]

    def four_drafts(doc: Document) -> list[bytes]:
        return [render(doc, r, draft=True) for r in recipients]

    def one_signed(doc: Document) -> bytes:
        return sign_pdf(render(doc, Recipient.EMPLOYER, "nl"), signer)

    def one(doc: Document) -> bytes:
        return render(doc, Recipient.EMPLOYER, "nl")

    baseline = median_seconds(_bare_canvas, rounds=10 if QUICK else 100)
    unsigned = median_seconds(_each_new(four), ROUNDS)
    signed = median_seconds(_each_new(four_signed), ROUNDS)
    drafts = median_seconds(_each_new(four_drafts), ROUNDS)
    one_sign = median_seconds(_each_new(one_signed), ROUNDS) - median_seconds(
        _each_new(one), ROUNDS
    )

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
