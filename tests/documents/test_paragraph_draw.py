"""``paragraph_draw.draw_plain`` writes what reportlab's ``Paragraph.drawOn`` writes, byte
for byte, and takes the plain path for the paragraphs a copy is mostly made of (a
differential test that passed only through the fallback would prove nothing)."""

from __future__ import annotations

import io
from collections.abc import Callable

import pytest
from reportlab.lib.colors import CMYKColor
from reportlab.lib.styles import ParagraphStyle
from reportlab.pdfgen.canvas import Canvas
from reportlab.platypus import Paragraph

from fitnote_desktop.documents import fonts, paragraph_draw
from fitnote_desktop.documents.paragraph_draw import draw_plain
from fitnote_desktop.documents.paragraphs import CopyParagraph, markup
from fitnote_desktop.documents.style import paragraph_styles

PLAIN = [
    "Naam / Nom",
    "Arbeidsongeschikt van 3 maart tot en met 16 maart 2026 — é è ë ï ç ß €",
    "Lumbago met uitstraling " * 12,  # several lines
    "Zweite Zeile: Straße (mit Klammern) \\ Ende",  # escaped in the PDF string
    "Zeer_lange_woorden_zonder_spaties_" * 3 + " kort",  # overfull lines
    "Ελληνικά Кириллица " + "".join(chr(c) for c in range(0x100, 0x220)),  # 2nd subset
]


def _pdf(draw: Callable[[Canvas, int], None], count: int) -> bytes:
    """A document of ``count`` pages, page ``i`` drawn by ``draw(canvas, i)``."""
    buffer = io.BytesIO()
    canvas = Canvas(buffer, invariant=1)
    canvas.setFont(fonts.REGULAR, 10)
    for i in range(count):
        draw(canvas, i)
        canvas.showPage()
    canvas.save()
    return buffer.getvalue()


def _draw_both(paragraphs: list[tuple[Paragraph, Paragraph]], width: float) -> list[bool]:
    """Draw the pairs reportlab's way and with ``draw_plain``; check that both documents
    are the same bytes and return which paragraphs took the plain path."""
    taken: list[bool] = []

    def reportlab(canvas: Canvas, i: int) -> None:
        paragraphs[i][1].wrap(width, 1000)
        paragraphs[i][1].drawOn(canvas, 40, 700 - 40 * i, 3)

    def ours(canvas: Canvas, i: int) -> None:
        paragraph = paragraphs[i][0]
        paragraph.wrap(width, 1000)
        taken.append(draw_plain(paragraph, canvas, 40, 700 - 40 * i, 3))
        if not taken[-1]:
            paragraph.drawOn(canvas, 40, 700 - 40 * i, 3)

    assert _pdf(ours, len(paragraphs)) == _pdf(reportlab, len(paragraphs))
    return taken


def _raw(source: str, style: ParagraphStyle, bullet: str | None = None) -> tuple[Paragraph, ...]:
    """Two paragraphs of the same markup: one for reportlab, one for ``draw_plain``."""
    return Paragraph(source, style, bullet), Paragraph(source, style, bullet)


def _pair(text: str, style: ParagraphStyle) -> tuple[Paragraph, ...]:
    return _raw(markup(text, style.fontName), style)


@pytest.mark.parametrize("width", [60.0, 200.0, 480.0])
def test_plain_paragraphs_are_drawn_directly_and_identically(width: float) -> None:
    fonts.register_fonts()
    styles = paragraph_styles()
    pairs = [
        _pair(text, styles[name])
        for text in PLAIN
        for name in ("body", "label", "strong", "note", "title", "td_second")
    ]
    assert all(_draw_both(pairs, width))  # type: ignore[arg-type]


def test_other_paragraphs_are_left_to_reportlab() -> None:
    fonts.register_fonts()
    styles = paragraph_styles()
    body = styles["body"]
    cases = [
        _raw("Een opsomming", styles["bullet"], "•"),  # bullet
        _raw("Gecentreerd onderschrift", styles["qr"]),  # centred
        _raw("Vet <b>en</b> gewoon", body),  # two fonts: reportlab's second kind
        _raw("Eerste regel<br/>Tweede regel", body),  # a line break: the second kind
        _raw("<u>Onderlijnd</u>", body),
        _raw('<a href="https://example.org">Link</a>', body),
        _raw("Achtergrond", ParagraphStyle("bg", parent=body, backColor="#EEEEEE")),
        _raw("Ingesprongen", ParagraphStyle("fi", parent=body, firstLineIndent=12)),
        _raw("CMYK", ParagraphStyle("k", parent=body, textColor=CMYKColor(0, 0, 0, 1))),
        _raw("Rechts", ParagraphStyle("r", parent=body, alignment=2)),
    ]
    taken = _draw_both(cases, 60.0)  # type: ignore[arg-type]
    assert taken == [False] * len(cases)


def test_a_changed_fill_alpha_is_left_to_reportlab() -> None:
    fonts.register_fonts()
    ours, theirs = _pair("Onder een watermerk", paragraph_styles()["body"])
    taken: list[bool] = []

    def draw(paragraph: Paragraph, plain: bool) -> Callable[[Canvas, int], None]:
        def on(canvas: Canvas, i: int) -> None:
            canvas.setFillAlpha(0.13)
            paragraph.wrap(200, 100)
            if plain:
                taken.append(draw_plain(paragraph, canvas, 40, 700))
            if not taken or not taken[-1]:
                paragraph.drawOn(canvas, 40, 700)

        return on

    assert _pdf(draw(ours, True), 1) == _pdf(draw(theirs, False), 1)
    assert taken == [False]


def test_ascii_text_is_drawn_from_its_kept_operators_in_every_document() -> None:
    """Printable ASCII text keeps its operators per line breaking (``_ascii_template``),
    shared by the paragraphs of the same text, style and width; drawn again in a document
    that first met other letters, it is still the bytes reportlab writes."""
    fonts.register_fonts()
    style = paragraph_styles()["body"]
    texts = ["Lumbago met uitstraling " * 6, "Ref. 493483d5 (kopie) \\ 100%", "Arts - é"]

    def copy_paragraphs() -> list[Paragraph]:
        return [CopyParagraph(markup(t, style.fontName), style) for t in texts]

    first, again = copy_paragraphs(), copy_paragraphs()
    for lead, ours in (("Eerst: ß", first), ("Ελληνικά eerst", again)):
        lead_pair = _pair(lead, style)
        theirs = [Paragraph(markup(t, style.fontName), style) for t in texts]
        pairs = [lead_pair, *zip(ours, theirs, strict=True)]
        assert all(_draw_both(pairs, 200.0))  # type: ignore[arg-type]
    assert first[0].blPara is again[0].blPara  # the second document read the kept lines
    assert paragraph_draw._ASCII_TEXT.get(first[0].blPara) is not None
    assert paragraph_draw._ASCII_TEXT.get(first[1].blPara) is not None
    assert paragraph_draw._ASCII_TEXT.get(first[2].blPara) is None  # not ASCII
