"""``CopyParagraph`` (cached parse, line breaking shared per text, style and width) and
``CopyTable`` (measured once per width) print exactly what reportlab's own ``Paragraph``
and ``Table`` print: a differential test on the same stories (splits across pages, nested
tables, keep-togethers), byte for byte, with a cold and a warm cache."""

from __future__ import annotations

import copy
import io
from collections.abc import Callable

import pytest
from reportlab.lib.pagesizes import A5
from reportlab.pdfgen.canvas import Canvas
from reportlab.platypus import (
    BaseDocTemplate,
    Flowable,
    Frame,
    KeepTogether,
    PageTemplate,
    Paragraph,
    SimpleDocTemplate,
    Table,
)

from fitnote_desktop.documents import fonts
from fitnote_desktop.documents.flowables import CopyFrame, CopyTable, is_small
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


def _story(make: Factory, table: type[Table]) -> list[Flowable]:
    story: list[Flowable] = []
    for text in TEXTS:
        for style in ("body", "label", "strong", "note", "title"):
            story.append(make(text, style))
        story.append(make(text, "bullet", "•"))
        cells = [[make(text, "td"), make(text, "td_second")], [make("x", "th"), ""]]
        story.append(table(cells, colWidths=[120, 200], splitInRow=1))
        top = [("VALIGN", (0, 0), (-1, -1), "TOP"), ("LEFTPADDING", (1, 0), (1, -1), 9)]
        top_cells = [[make(text, "td"), [make(text, "label"), make(text, "td_second")]]]
        story.append(table(top_cells, colWidths=[120, 200], splitInRow=1, style=top))  # copies
        short = text[:150]  # a nested table cannot split: it must fit on a page
        inner = table([[make(short, "label")], [make(short, "value")]], colWidths=[150])
        outer = table([[inner, make(short, "td")]] * 3, colWidths=[160, 160], repeatRows=1)
        head = KeepTogether([make(text, "section"), outer])
        is_small([head])  # measured once before the frame measures it again
        story.append(head)
    return story


def _pdf(make: Factory, table: type[Table]) -> bytes:
    buffer = io.BytesIO()
    SimpleDocTemplate(buffer, pagesize=A5, invariant=1).build(_story(make, table))
    return buffer.getvalue()


@pytest.mark.parametrize("round_", [1, 2])  # the second round reads the warm cache
def test_copy_paragraph_and_table_print_what_reportlab_prints(round_: int) -> None:
    fonts.register_fonts()
    assert _pdf(_cached, CopyTable) == _pdf(_plain, Table)


def _framed_pdf(frame_type: type[Frame]) -> bytes:
    buffer = io.BytesIO()
    doc = BaseDocTemplate(buffer, pagesize=A5, invariant=1)
    frame = frame_type(doc.leftMargin, doc.bottomMargin, doc.width, doc.height, id="body")
    doc.addPageTemplates([PageTemplate("page", [frame])])
    doc.build(_story(_cached, CopyTable))
    return buffer.getvalue()


def test_copy_frame_lays_out_what_a_frame_lays_out() -> None:
    """``CopyFrame``'s cheap deep copy (every ``KeepTogether`` is measured on one) gives
    the same pages, and a copy shares nothing mutable with its frame."""
    fonts.register_fonts()
    assert _framed_pdf(CopyFrame) == _framed_pdf(Frame)
    frame = CopyFrame(0, 0, 100, 200, id="body")
    frame._generated_content = [Paragraph("x")]  # type: ignore[attr-defined]
    clone = copy.deepcopy(frame)
    assert vars(clone).keys() == vars(frame).keys()
    assert clone._generated_content is not frame._generated_content  # type: ignore[attr-defined]
    assert all(getattr(clone, k) == v for k, v in vars(frame).items() if k != "_generated_content")


def test_rewrap_at_another_width_breaks_lines_again() -> None:
    fonts.register_fonts()
    text = "Lumbago met uitstraling " * 10
    cached, plain = _cached(text, "body"), _plain(text, "body")
    for width in (300.0, 120.0, 300.0, 0.5, 120.0):
        assert cached.wrap(width, 1000) == plain.wrap(width, 1000)
    assert [line[1] for line in cached.blPara.lines] == [line[1] for line in plain.blPara.lines]


def test_table_rewrap_at_another_width_or_after_a_short_height_measures_again() -> None:
    fonts.register_fonts()

    def table(make: Factory, kind: type[Table]) -> Table:
        rows = [
            [make(f"Rij {i}: " + "lang woord " * (i % 7 + 1), "td"), make(str(i), "td")]
            for i in range(30)
        ]
        # a span over rows: the case where reportlab stops measuring at the page's height
        style = [("SPAN", (1, 0), (1, 1))]
        return kind(rows, colWidths=["70%", "30%"], style=style, splitInRow=1)

    cached, plain = table(_cached, CopyTable), table(_plain, Table)
    sizes = [(300.0, 2000.0), (300.0, 50.0), (300.0, 2000.0), (80.0, 2000.0), (300.0, 2000.0)]
    for width, height in sizes:
        assert cached.wrap(width, height) == plain.wrap(width, height)
    for width, height in [(300.0, 120.0), (300.0, 2000.0)]:
        halves = cached.split(width, height), plain.split(width, height)
        assert [h.wrap(width, height) for h in halves[0]] == [
            h.wrap(width, height) for h in halves[1]
        ]
        assert cached.wrap(width, height) == plain.wrap(width, height)
    cached.split(300.0, 50.0), plain.split(300.0, 50.0)  # measures only the first rows
    assert cached.wrap(300.0, 2000.0) == plain.wrap(300.0, 2000.0)
    assert _drawn(cached) == _drawn(plain)  # drawn from a complete measure, not a stale one


def _drawn(flowable: Flowable) -> bytes:
    buffer = io.BytesIO()
    canv = Canvas(buffer, pagesize=(400, 2000), invariant=1)
    flowable.drawOn(canv, 0, 0)
    canv.showPage()
    canv.save()
    return buffer.getvalue()
