"""``CopyParagraph`` (cached parse, remembered line breaking) prints exactly what reportlab's
own ``Paragraph`` prints: a differential test on the same stories, byte for byte."""

from __future__ import annotations

import io
from collections.abc import Callable

import pytest
from reportlab.lib.pagesizes import A5
from reportlab.platypus import Flowable, KeepTogether, Paragraph, SimpleDocTemplate, Table

from fitnote_desktop.documents import fonts
from fitnote_desktop.documents.paragraphs import CopyParagraph, markup
from fitnote_desktop.documents.style import paragraph_styles
from fitnote_desktop.documents.text import to_markup

TEXTS = [
    "Naam / Nom",
    "Arbeidsongeschikt van 3 maart tot en met 16 maart 2026 — é è ë ï ç ß €",
    "Lumbago met uitstraling " * 40,  # splits across pages
    "Aé" * 150,  # one word wider than the column
    "Zweite Zeile: Straße\nDritte <Zeile> & Schluss",  # line break and escaped markup
    "שלום עולם – مرحبا بكم 😀 \u202eRTL\u202c \x00 tab\there",
    "",
]

Factory = Callable[..., Paragraph]


def _plain(text: str, style_name: str, bullet: str | None = None) -> Paragraph:
    style = paragraph_styles()[style_name]
    supported = fonts.coverage(style.fontName).__contains__
    return Paragraph(to_markup(text, supported), style, bullet)


def _cached(text: str, style_name: str, bullet: str | None = None) -> Paragraph:
    style = paragraph_styles()[style_name]
    return CopyParagraph(markup(text, style.fontName), style, bullet)


def _story(make: Factory) -> list[Flowable]:
    story: list[Flowable] = []
    for text in TEXTS:
        for style in ("body", "label", "strong", "note", "title"):
            story.append(make(text, style))
        story.append(make(text, "bullet", "•"))
        cells = [[make(text, "td"), make(text, "td_second")], [make("x", "th"), ""]]
        story.append(Table(cells, colWidths=[120, 200], splitInRow=1))
        story.append(KeepTogether([make(text, "section"), make(text, "value")]))
    return story


def _pdf(make: Factory) -> bytes:
    buffer = io.BytesIO()
    SimpleDocTemplate(buffer, pagesize=A5, invariant=1).build(_story(make))
    return buffer.getvalue()


@pytest.mark.parametrize("round_", [1, 2])  # the second round reads the warm cache
def test_copy_paragraph_prints_what_reportlab_prints(round_: int) -> None:
    fonts.register_fonts()
    assert _pdf(_cached) == _pdf(_plain)


def test_rewrap_at_another_width_breaks_lines_again() -> None:
    fonts.register_fonts()
    text = "Lumbago met uitstraling " * 10
    cached, plain = _cached(text, "body"), _plain(text, "body")
    for width in (300.0, 120.0, 300.0, 0.5, 120.0):
        assert cached.wrap(width, 1000) == plain.wrap(width, 1000)
    assert [line[1] for line in cached.blPara.lines] == [line[1] for line in plain.blPara.lines]
