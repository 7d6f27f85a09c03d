"""A4 layout of a copy with reportlab platypus: one language, or two side by side.

Typography choices, and why:

* DejaVu Sans Condensed throughout, 9.5 pt body: dense enough for a one-page
  certificate, large enough for a patient reading without glasses on.
* One accent colour (a sober navy) for the practice name, the title and the section
  heads; labels in grey, values in black: the eye finds the values.
* Every text sits in a ``Paragraph`` (tables included), so it wraps; tables split
  inside rows (``splitInRow``) so a very long free text flows onto the next page
  instead of overflowing or failing the layout.
* The footer (reference, which copy, "page x/y") is drawn after the whole story has
  been laid out, by a canvas that holds the pages back until it knows their count.
* The signature box is a flowable that remembers where it landed, so the PAdES
  signature field (and its visible stamp) goes exactly into the box on the page.
"""

from __future__ import annotations

import io
import math
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from functools import lru_cache
from itertools import groupby
from typing import Any

from reportlab.graphics.barcode import qrencoder
from reportlab.lib import colors
from reportlab.lib.enums import TA_CENTER
from reportlab.lib.pagesizes import A4
from reportlab.lib.styles import ParagraphStyle
from reportlab.lib.units import mm
from reportlab.pdfbase.pdfmetrics import stringWidth
from reportlab.pdfgen import canvas as rl_canvas
from reportlab.platypus import (
    BaseDocTemplate,
    Flowable,
    Frame,
    KeepTogether,
    PageTemplate,
    Paragraph,
    Spacer,
    Table,
    TableStyle,
)

from fitnote_desktop import __version__
from fitnote_desktop.documents import fonts
from fitnote_desktop.documents.content import CapacityRow, CopyContent, Field, Localized, Section
from fitnote_desktop.documents.labels import label
from fitnote_desktop.documents.text import printable, to_markup
from fitnote_desktop.domain.model import Recipient

PAGE_WIDTH, PAGE_HEIGHT = A4
MARGIN_X = 18 * mm
MARGIN_TOP = 16 * mm
MARGIN_BOTTOM = 22 * mm
WIDTH = PAGE_WIDTH - 2 * MARGIN_X

NAVY = colors.HexColor("#1F3A5F")
GREY = colors.HexColor("#5A6270")
LIGHT = colors.HexColor("#D9DEE5")
TINT = colors.HexColor("#EAF0F7")
AMBER_TINT = colors.HexColor("#FBEFD9")
AMBER = colors.HexColor("#8A5A00")
RED = colors.HexColor("#B3261E")
RULE = colors.HexColor("#EDF0F3")

DRAFT_WATERMARK = "DRAFT / ONTWERP / PROJET / ENTWURF"
SIGNATURE_BOX = (64 * mm, 21 * mm)
QR_SIZE = 24 * mm
LOCALES = {"nl": "nl-BE", "fr": "fr-BE", "de": "de-BE", "en": "en"}


@dataclass(frozen=True)
class SignaturePlacement:
    """Where a box landed (signature box, QR code): 0-based page index, PDF box in points."""

    page: int
    box: tuple[float, float, float, float]


@dataclass(frozen=True)
class Rendered:
    pdf: bytes
    signature: SignaturePlacement | None
    pages: int
    qr: SignaturePlacement | None = None


# ---------------------------------------------------------------------------- styles


def _styles() -> dict[str, ParagraphStyle]:
    f = fonts.FAMILY
    base = ParagraphStyle("body", fontName=f, fontSize=9.5, leading=12.5)

    def s(name: str, **kw: Any) -> ParagraphStyle:
        return ParagraphStyle(name, parent=base, **kw)

    return {
        "body": base,
        "practice": s("practice", fontName=fonts.BOLD, fontSize=13, leading=16, textColor=NAVY),
        "author": s("author", fontName=fonts.BOLD, fontSize=10, leading=13),
        "letter": s("letter", fontSize=8.5, leading=11, textColor=GREY),
        "qr": s("qr", fontSize=6.5, leading=8, textColor=GREY, alignment=TA_CENTER),
        "title": s("title", fontName=fonts.BOLD, fontSize=16, leading=19.5, textColor=NAVY),
        "subtitle": s("subtitle", fontSize=10.5, leading=13.5, textColor=GREY),
        "badge": s("badge", fontName=fonts.BOLD, fontSize=9, leading=11.5),
        "badge_note": s("badge_note", fontSize=8.5, leading=11),
        "badge_ref": s("badge_ref", fontSize=8, leading=10.5),
        "draft": s("draft", fontName=fonts.BOLD, fontSize=9.5, leading=12, textColor=RED),
        "section": s(
            "section",
            fontName=fonts.BOLD,
            fontSize=8.5,
            leading=11,
            textColor=NAVY,
            spaceBefore=9,
            spaceAfter=1,
        ),
        "label": s("label", fontSize=8.5, leading=11, textColor=GREY),
        "value": base,
        "emph": s("emph", fontName=fonts.BOLD),
        "strong": s("strong", fontName=fonts.BOLD, fontSize=10.5, leading=13.5),
        "note": s("note", fontName=fonts.ITALIC, fontSize=8.5, leading=11, textColor=GREY),
        "th": s("th", fontName=fonts.BOLD, fontSize=8, leading=10, textColor=NAVY),
        "td": s("td", fontSize=8.5, leading=11),
        "td_code": s("td_code", fontName=fonts.BOLD, fontSize=8.5, leading=11),
        "td_second": s(
            "td_second", fontName=fonts.ITALIC, fontSize=8, leading=10.5, textColor=GREY
        ),
        "bullet": s("bullet", leftIndent=11, bulletIndent=1, spaceAfter=2.5),
        "sign": s("sign", leading=13),
        "sign_label": s("sign_label", fontSize=7.5, leading=9.5, textColor=GREY),
    }


# ---------------------------------------------------------------------------- flowables


class SignatureBox(Flowable):
    """An empty, dashed box that records where it is drawn (for the signature field)."""

    def __init__(self, width: float, height: float, sink: list[SignaturePlacement]) -> None:
        super().__init__()
        self.width = width
        self.height = height
        self._sink = sink

    def wrap(self, avail_width: float, avail_height: float) -> tuple[float, float]:
        return self.width, self.height

    def draw(self) -> None:
        c = self.canv
        c.saveState()
        c.setStrokeColor(LIGHT)
        c.setLineWidth(0.8)
        c.setDash(3, 2)
        c.roundRect(0, 0, self.width, self.height, 3, stroke=1, fill=0)
        c.restoreState()
        x0, y0 = c.absolutePosition(0, 0)
        x1, y1 = c.absolutePosition(self.width, self.height)
        self._sink.append(SignaturePlacement(c.getPageNumber() - 1, (x0, y0, x1, y1)))


@lru_cache(maxsize=32)
def _qr_modules(payload: str) -> tuple[tuple[bool, ...], ...]:
    """QR modules of ``payload`` with reportlab's own encoder (error correction M).

    Encoding (8 mask trials) is the slowest step of a copy; the four copies of one
    document share their payload, so it is encoded once.
    """
    qr = qrencoder.QRCode(None, qrencoder.QRErrorCorrectLevel.M)
    qr.addData(payload)
    qr.make()
    return tuple(tuple(bool(m) for m in row) for row in qr.modules)


class QrCode(Flowable):
    """A QR code as one filled path of horizontal runs (reportlab's widget draws one
    rectangle object per run through its graphics tree, many times slower)."""

    def __init__(
        self, payload: str, size: float, sink: list[SignaturePlacement] | None = None
    ) -> None:
        super().__init__()
        self.modules = _qr_modules(payload)
        self.size = size
        self._sink = sink

    def wrap(self, avail_width: float, avail_height: float) -> tuple[float, float]:
        return self.size, self.size

    def draw(self) -> None:
        n = len(self.modules)
        box = self.size / n
        path = self.canv.beginPath()
        for r, row in enumerate(self.modules):
            c = 0
            for dark, run in groupby(row):
                count = len(list(run))
                if dark:
                    path.rect(c * box, self.size - (r + 1) * box, count * box, box)
                c += count
        self.canv.saveState()
        self.canv.setFillColor(colors.black)
        self.canv.drawPath(path, stroke=0, fill=1)
        self.canv.restoreState()
        if self._sink is not None:
            x0, y0 = self.canv.absolutePosition(0, 0)
            x1, y1 = self.canv.absolutePosition(self.size, self.size)
            self._sink.append(SignaturePlacement(self.canv.getPageNumber() - 1, (x0, y0, x1, y1)))


class _NumberedCanvas(rl_canvas.Canvas):
    """Holds pages back until the end, then draws "page x/y" and the footer on each."""

    def decorate_page(self, page: int, total: int) -> None:
        """Draw what needs the page count; subclasses override."""

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self._held: list[dict[str, Any]] = []

    def showPage(self) -> None:
        self._held.append(dict(self.__dict__))
        self._startPage()  # type: ignore[attr-defined]  # reportlab stubs omit this private hook

    def save(self) -> None:
        total = len(self._held)
        for state in self._held:
            self.__dict__.update(state)
            self.decorate_page(self.getPageNumber(), total)
            super().showPage()
        super().save()


# ---------------------------------------------------------------------------- layout


class CopyLayout:
    """Lays out one :class:`CopyContent` in one or two languages."""

    def __init__(self, content: CopyContent, languages: Sequence[str]) -> None:
        if not 1 <= len(languages) <= 2:
            raise ValueError("a copy is laid out in one or two languages")
        self.c = content
        self.langs = tuple(languages)
        self.bilingual = len(self.langs) == 2
        self._coverage = {name: cs.__contains__ for name, cs in fonts.register_fonts().items()}
        self._supported: Callable[[int], bool] = self._coverage[fonts.REGULAR]
        self.st = _styles()
        self._placements: list[SignaturePlacement] = []
        self._qr_boxes: list[SignaturePlacement] = []

    # -- text helpers

    def m(self, text: str, font: str = fonts.REGULAR) -> str:
        """Markup of any text (labels included: a translator may type ``&``)."""
        return to_markup(text, self._coverage.get(font, self._supported))

    def p(self, text: str, style: str) -> Paragraph:
        st = self.st[style]
        return Paragraph(self.m(text, st.fontName), st)

    def both(self, text: Localized, sep: str = " / ") -> str:
        """All languages in one string: ``Naam / Nom``."""
        values: list[str] = []
        for lang in self.langs:
            value = text(lang)
            if value not in values:
                values.append(value)
        return sep.join(values)

    def columns(self, cells: Callable[[str], Any]) -> list[Any]:
        return [cells(lang) for lang in self.langs]

    @property
    def col_widths(self) -> list[float]:
        if not self.bilingual:
            return [WIDTH]
        return [WIDTH / 2, WIDTH / 2]

    # -- blocks

    def letterhead(self) -> Flowable:
        lh = self.c.letterhead
        lines: list[Flowable] = []
        if lh.practice:
            lines.append(self.p(lh.practice, "practice"))
        lines.append(self.p(lh.name, "author" if lh.practice else "practice"))
        riziv_label = self.both(lambda lang: label("author.riziv", lang))
        lines.append(self.p(f"{riziv_label} {lh.riziv}", "letter"))
        if lh.address:
            lines.append(self.p(lh.address, "letter"))
        contact = []
        if lh.phone:
            contact.append(f"{label('author.phone', self.langs[0])} {lh.phone}")
        if lh.email:
            contact.append(lh.email)
        if contact:
            lines.append(self.p(" · ".join(contact), "letter"))
        qr_cell: list[Flowable] = []
        if self.c.qr_payload:
            qr_cell = [
                QrCode(self.c.qr_payload, QR_SIZE, self._qr_boxes),
                Spacer(1, 3 * mm),  # the quiet zone below the code (4 modules)
                self.p(self.both(lambda lang: label("verify.caption", lang), "\n"), "qr"),
            ]
        qr_width = QR_SIZE + 8 * mm
        table = Table(
            [[lines, qr_cell]],
            colWidths=[WIDTH - qr_width, qr_width],
            style=TableStyle(
                [
                    ("VALIGN", (0, 0), (-1, -1), "TOP"),
                    ("ALIGN", (1, 0), (1, 0), "RIGHT"),
                    ("LEFTPADDING", (0, 0), (-1, -1), 0),
                    ("RIGHTPADDING", (0, 0), (-1, -1), 0),
                    ("TOPPADDING", (0, 0), (-1, -1), 0),
                    ("BOTTOMPADDING", (0, 0), (-1, -1), 0),
                    ("LINEBELOW", (0, 0), (-1, 0), 1.2, NAVY),
                    ("BOTTOMPADDING", (0, 0), (-1, 0), 3 * mm),
                ]
            ),
        )
        return table

    def title_block(self) -> list[Flowable]:
        c = self.c

        def block(lang: str) -> list[Flowable]:
            out: list[Flowable] = [self.p(c.title(lang), "title")]
            if c.subtitle is not None:
                out.append(self.p(c.subtitle(lang), "subtitle"))
            return out

        tint = AMBER_TINT if c.recipient is Recipient.ADVISING_PHYSICIAN else TINT
        badge_style = TableStyle(
            [
                ("BACKGROUND", (0, 0), (-1, -1), tint),
                ("VALIGN", (0, 0), (-1, -1), "TOP"),
                ("LEFTPADDING", (0, 0), (-1, -1), 3 * mm),
                ("RIGHTPADDING", (0, 0), (-1, -1), 3 * mm),
                ("TOPPADDING", (0, 0), (-1, -1), 2 * mm),
                ("BOTTOMPADDING", (0, 0), (-1, -1), 2.2 * mm),
            ]
        )

        def badge(lang: str) -> list[Flowable]:
            out: list[Flowable] = [
                self.p(c.copy_for(lang), "badge"),
                self.p(c.notice(lang), "badge_note"),
            ]
            if c.badge_extra is not None:
                out.append(Spacer(1, 1.2 * mm))
                out.append(self.p(c.badge_extra(lang), "badge_ref"))
            return out

        flow: list[Flowable] = [Spacer(1, 4 * mm)]
        if self.bilingual:
            flow.append(self._row_table([self.columns(block)], gutter=True))
            flow.append(Spacer(1, 2.5 * mm))
            flow.append(Table([self.columns(badge)], colWidths=self.col_widths, style=badge_style))
        else:
            # title left, "copy for" badge right: the reader sees both at once
            lang = self.langs[0]
            badge_width = 0.44 * WIDTH
            flow.append(
                Table(
                    [
                        [
                            block(lang),
                            Table([[badge(lang)]], colWidths=[badge_width], style=badge_style),
                        ]
                    ],
                    colWidths=[WIDTH - badge_width, badge_width],
                    style=TableStyle(
                        [
                            ("VALIGN", (0, 0), (-1, -1), "TOP"),
                            ("LEFTPADDING", (0, 0), (-1, -1), 0),
                            ("RIGHTPADDING", (0, 0), (-1, -1), 0),
                            ("RIGHTPADDING", (0, 0), (0, 0), 4 * mm),
                            ("TOPPADDING", (0, 0), (-1, -1), 0),
                            ("BOTTOMPADDING", (0, 0), (-1, -1), 0),
                        ]
                    ),
                )
            )
        if c.draft:
            flow.append(Spacer(1, 2 * mm))
            flow.append(self.p(self.both(lambda lang: label("draft.notice", lang)), "draft"))
        if c.statement is not None:
            flow.append(Spacer(1, 3.5 * mm))
            statement = c.statement
            flow.append(
                self._row_table(
                    [self.columns(lambda lang: self.p(statement(lang), "body"))], gutter=True
                )
            )
        return flow

    def _row_table(
        self, rows: list[list[Any]], *, gutter: bool = False, style: list[Any] | None = None
    ) -> Table:
        """Rows of per-language cells; in bilingual mode a gutter separates the columns."""
        commands: list[Any] = [
            ("VALIGN", (0, 0), (-1, -1), "TOP"),
            ("LEFTPADDING", (0, 0), (-1, -1), 0),
            ("RIGHTPADDING", (0, 0), (-1, -1), 0),
            ("TOPPADDING", (0, 0), (-1, -1), 0),
            ("BOTTOMPADDING", (0, 0), (-1, -1), 0),
        ]
        if self.bilingual and gutter:
            commands.append(("RIGHTPADDING", (0, 0), (0, -1), 4 * mm))
            commands.append(("LEFTPADDING", (1, 0), (1, -1), 4 * mm))
        return Table(
            rows,
            colWidths=self.col_widths,
            style=TableStyle(commands + (style or [])),
            splitInRow=1,
        )

    def section_head(self, title: Localized) -> Flowable:
        head = self._row_table(
            [self.columns(lambda lang: self.p(title(lang).upper(), "section"))],
            gutter=True,
            style=[
                ("LINEBELOW", (0, 0), (-1, -1), 0.6, LIGHT),
                ("TOPPADDING", (0, 0), (-1, -1), 3.6 * mm),
                ("BOTTOMPADDING", (0, 0), (-1, -1), 1.5),
            ],
        )
        return head

    def value_markup(self, f: Field, lang: str) -> Paragraph:
        return self.p(f.value(lang), "strong" if f.strong else "emph" if f.emphasis else "value")

    def fields(self, fields: Sequence[Field]) -> list[Flowable]:
        """Label/value rows: two pairs per row when both are short (one language), or
        one language per column. Returned as two tables, the first row apart, so that a
        section heading can be kept with that row without dragging a long table along."""
        rows: list[tuple[list[Any], tuple[int, int] | None]] = []  # cells, span columns
        if not self.bilingual:
            lang = self.langs[0]
            label_w, value_w = 37 * mm, WIDTH / 2 - 37 * mm
            widths = [label_w, value_w, label_w, value_w]
            pending = list(fields)
            while pending:
                f = pending.pop(0)
                label_cell = self.p(f.label(lang), "label")
                if _short(f, lang) and pending and _short(pending[0], lang):
                    g = pending.pop(0)
                    cells = [
                        label_cell,
                        self.value_markup(f, lang),
                        self.p(g.label(lang), "label"),
                        self.value_markup(g, lang),
                    ]
                    rows.append((cells, None))
                else:
                    rows.append(([label_cell, self.value_markup(f, lang), "", ""], (1, 3)))
        else:
            widths = self.col_widths
            for f in fields:
                if not f.translated:
                    lang = self.langs[0]
                    cell = [self.p(self.both(f.label), "label"), self.value_markup(f, lang)]
                    rows.append(([cell, ""], (0, 1)))
                else:
                    per_language = [
                        [self.p(f.label(lang), "label"), self.value_markup(f, lang)]
                        for lang in self.langs
                    ]
                    rows.append((per_language, None))

        def table(part: list[tuple[list[Any], tuple[int, int] | None]], last: bool) -> Table:
            commands: list[Any] = [
                ("VALIGN", (0, 0), (-1, -1), "TOP"),
                ("LEFTPADDING", (0, 0), (-1, -1), 0),
                ("RIGHTPADDING", (0, 0), (-1, -1), 3 * mm),
                ("TOPPADDING", (0, 0), (-1, -1), 1.8),
                ("BOTTOMPADDING", (0, 0), (-1, -1), 2.2),
                ("LINEBELOW", (0, 0), (-1, -2 if last else -1), 0.3, RULE),
            ]
            for i, (_, span) in enumerate(part):
                if span is not None:
                    commands.append(("SPAN", (span[0], i), (span[1], i)))
            if self.bilingual:
                commands.append(("LEFTPADDING", (1, 0), (1, -1), 4 * mm))
            return Table(
                [cells for cells, _ in part],
                colWidths=widths,
                style=TableStyle(commands),
                splitInRow=1,
            )

        if len(rows) == 1:
            return [table(rows, last=True)]
        return [table(rows[:1], last=False), table(rows[1:], last=True)]

    def capacities(self, rows: Sequence[CapacityRow]) -> Flowable:
        def cell(text: Localized, style: str = "td") -> list[Flowable] | Paragraph:
            if not self.bilingual:
                return self.p(text(self.langs[0]), style)
            first, second = (text(lang) for lang in self.langs)
            if first == second:
                return self.p(first, style)
            return [self.p(first, style), self.p(second, "td_second")]

        def head(key: str) -> Paragraph:
            return self.p(self.both(lambda lang: label(key, lang), "\n"), "th")

        caption = self.p(self.both(lambda lang: label("section.capacities", lang)), "label")
        data: list[list[Any]] = [
            [caption, "", "", ""],
            [head("col.code"), head("col.capacity"), head("col.qualifier"), head("col.statement")],
        ]
        for r in rows:
            data.append(
                [
                    self.p(r.code, "td_code"),
                    cell(r.label),
                    cell(r.qualifier),
                    self.p(r.statement, "td") if r.statement.strip() else "",
                ]
            )
        widths = [17 * mm, 47 * mm, 42 * mm]
        widths.append(WIDTH - sum(widths))
        return Table(
            data,
            colWidths=widths,
            repeatRows=2,
            splitInRow=1,
            style=TableStyle(
                [
                    ("SPAN", (0, 0), (-1, 0)),
                    ("VALIGN", (0, 0), (-1, -1), "TOP"),
                    ("LEFTPADDING", (0, 0), (0, 0), 0),
                    ("BOTTOMPADDING", (0, 0), (0, 0), 1.5 * mm),
                    ("BACKGROUND", (0, 1), (-1, 1), TINT),
                    ("LINEBELOW", (0, 1), (-1, 1), 0.6, NAVY),
                    ("LINEBELOW", (0, 2), (-1, -1), 0.3, LIGHT),
                    ("LEFTPADDING", (0, 1), (-1, -1), 1.8 * mm),
                    ("RIGHTPADDING", (0, 0), (-1, -1), 1.8 * mm),
                    ("TOPPADDING", (0, 0), (-1, -1), 2),
                    ("BOTTOMPADDING", (0, 1), (-1, -1), 3),
                ]
            ),
        )

    def bullets(self, items: Sequence[Localized]) -> Flowable:
        rows = [
            [Paragraph(self.m(t(lang)), self.st["bullet"], bulletText="•") for lang in self.langs]
            for t in items
        ]
        return self._row_table(rows, gutter=True)

    def section(self, s: Section) -> list[Flowable]:
        body: list[Flowable] = []
        if s.fields:
            body.extend(self.fields(s.fields))
        if s.capacities:
            body.append(Spacer(1, 2 * mm))
            body.append(self.capacities(s.capacities))
        if s.bullets:
            body.append(Spacer(1, 1.5 * mm))
            body.append(self.bullets(s.bullets))
        if s.note is not None:
            note = s.note
            body.append(Spacer(1, 1.5 * mm))
            body.append(
                self._row_table(
                    [self.columns(lambda lang: self.p(note(lang), "note"))], gutter=True
                )
            )
        # keep the head with the first block, so that a heading never ends a page
        head = self.section_head(s.title)
        if body and _small([body[0]]):
            return [_KeptTogether([head, body[0]]), *body[1:]]
        return [head, *body]

    def signature_block(self) -> list[Flowable]:
        c = self.c
        left: list[Flowable] = [
            self.p(self.both(c.issued, "\n"), "sign"),
            Spacer(1, 2 * mm),
            self.p(c.signer_name, "author"),
            self.p(
                f"{self.both(lambda lang: label('author.riziv', lang))} {c.letterhead.riziv}",
                "letter",
            ),
        ]
        box_w, box_h = SIGNATURE_BOX
        right: list[Flowable] = [
            self.p(self.both(lambda lang: label("signature.box", lang)), "sign_label"),
            Spacer(1, 1 * mm),
            SignatureBox(box_w, box_h, self._placements),
        ]
        table = Table(
            [[left, right]],
            colWidths=[WIDTH - box_w, box_w],
            style=TableStyle(
                [
                    ("VALIGN", (0, 0), (-1, -1), "TOP"),
                    ("LEFTPADDING", (0, 0), (-1, -1), 0),
                    ("RIGHTPADDING", (0, 0), (-1, -1), 0),
                    ("TOPPADDING", (0, 0), (-1, -1), 0),
                    ("BOTTOMPADDING", (0, 0), (-1, -1), 0),
                ]
            ),
        )
        return [Spacer(1, 5 * mm), table]

    def story(self) -> list[Flowable]:
        flow: list[Flowable] = [self.letterhead(), *self.title_block()]
        for s in self.c.sections:
            if not s.after_signature:
                flow.extend(self.section(s))
        # never a signature alone on a page: it takes the last small block along
        signature = self.signature_block()
        last = _unwrap(flow[-1])
        if len(flow) > 1 and _small(last):
            flow[-1] = KeepTogether([*last, *signature])
        else:
            flow.append(KeepTogether(signature))
        for s in self.c.sections:
            if s.after_signature:
                flow.extend(self.section(s))
        return flow

    # -- page furniture

    def _on_page(self, canv: rl_canvas.Canvas, doc: BaseDocTemplate) -> None:
        page = canv.getPageNumber()
        if page > 1:
            canv.saveState()
            canv.setFont(fonts.REGULAR, 7.5)
            canv.setFillColor(GREY)
            left = printable(
                f"{self.c.title(self.langs[0])} — {self.c.patient_name}", self._supported
            )
            right = printable(self.c.letterhead.practice or self.c.letterhead.name, self._supported)
            y = PAGE_HEIGHT - 10 * mm
            right = _fit(right, fonts.REGULAR, 7.5, 0.4 * WIDTH)
            room = WIDTH - stringWidth(right, fonts.REGULAR, 7.5) - 8 * mm
            canv.drawString(MARGIN_X, y, _fit(left, fonts.REGULAR, 7.5, room))
            canv.drawRightString(PAGE_WIDTH - MARGIN_X, y, right)
            canv.setStrokeColor(LIGHT)
            canv.setLineWidth(0.5)
            canv.line(MARGIN_X, y - 2 * mm, PAGE_WIDTH - MARGIN_X, y - 2 * mm)
            canv.restoreState()

    def _on_page_end(self, canv: rl_canvas.Canvas, doc: BaseDocTemplate) -> None:
        if not self.c.draft:
            return
        canv.saveState()
        diagonal = math.hypot(PAGE_WIDTH, PAGE_HEIGHT)
        size = 0.78 * diagonal / stringWidth(DRAFT_WATERMARK, fonts.BOLD, 1)
        canv.translate(PAGE_WIDTH / 2, PAGE_HEIGHT / 2)
        canv.rotate(math.degrees(math.atan2(PAGE_HEIGHT, PAGE_WIDTH)))
        canv.setFillColor(RED)
        canv.setFillAlpha(0.13)
        canv.setFont(fonts.BOLD, size)
        canv.drawCentredString(0, -size / 3, DRAFT_WATERMARK)
        canv.restoreState()

    def _footer(self, canv: rl_canvas.Canvas, page: int, total: int) -> None:
        canv.saveState()
        y = 13 * mm
        canv.setStrokeColor(LIGHT)
        canv.setLineWidth(0.5)
        canv.line(MARGIN_X, y + 4.5 * mm, PAGE_WIDTH - MARGIN_X, y + 4.5 * mm)
        canv.setFillColor(GREY)
        size = 7.5
        canv.setFont(fonts.REGULAR, size)
        ref = f"{self.both(lambda lang: label('footer.reference', lang))} {self.c.reference}"
        pages = self.both(lambda lang: label("footer.page", lang, page=page, total=total))
        canv.drawRightString(PAGE_WIDTH - MARGIN_X, y, pages)
        room = WIDTH - stringWidth(pages, fonts.REGULAR, size) - 6 * mm
        canv.drawString(
            MARGIN_X, y, _fit(printable(ref, self._supported), fonts.REGULAR, size, room)
        )
        copy_for = self.both(self.c.copy_for)
        canv.drawString(
            MARGIN_X,
            y - 3.6 * mm,
            _fit(printable(copy_for, self._supported), fonts.REGULAR, size, room),
        )
        canv.restoreState()

    # -- build

    def build(self, *, title: str, author: str, subject: str, keywords: str) -> Rendered:
        buffer = io.BytesIO()
        doc = BaseDocTemplate(
            buffer,
            pagesize=A4,
            leftMargin=MARGIN_X,
            rightMargin=MARGIN_X,
            topMargin=MARGIN_TOP,
            bottomMargin=MARGIN_BOTTOM,
            title=title,
            author=author,
            subject=subject,
            keywords=[keywords],  # one entry: reportlab writes a list joined by ", "
            creator=f"fitnote-desktop {__version__}",
            lang=LOCALES.get(self.langs[0], self.langs[0]),
            invariant=1,
            pageCompression=1,
        )
        frame = Frame(
            MARGIN_X,
            MARGIN_BOTTOM,
            WIDTH,
            PAGE_HEIGHT - MARGIN_TOP - MARGIN_BOTTOM,
            leftPadding=0,
            rightPadding=0,
            topPadding=0,
            bottomPadding=0,
            id="body",
        )
        doc.addPageTemplates(
            [PageTemplate("page", [frame], onPage=self._on_page, onPageEnd=self._on_page_end)]
        )

        layout = self
        pages: list[int] = []

        class Canvas(_NumberedCanvas):
            def decorate_page(self, page: int, total: int) -> None:
                layout._footer(self, page, total)
                pages[:] = [total]

        doc.build(self.story(), canvasmaker=Canvas)
        placement = self._placements[-1] if self._placements else None
        return Rendered(
            pdf=buffer.getvalue(),
            signature=placement,
            pages=pages[0] if pages else 0,
            qr=self._qr_boxes[-1] if self._qr_boxes else None,
        )


def _short(f: Field, lang: str) -> bool:
    """Short enough to share a row with another field (two label/value pairs per row)."""
    return not f.strong and len(f.value(lang)) <= 34 and len(f.label(lang)) <= 34


class _KeptTogether(KeepTogether):
    """A ``KeepTogether`` that remembers its flowables, so that :func:`_unwrap` can
    regroup them without reading reportlab's private ``_content``."""

    def __init__(self, flowables: list[Flowable]) -> None:
        super().__init__(flowables)
        self.flowables = tuple(flowables)


def _unwrap(flowable: Flowable) -> list[Flowable]:
    """The flowables inside a section's ``KeepTogether`` (which must not be nested: an
    inner one reports a huge height to force its own split, which would push the outer
    one to a new page every time)."""
    if isinstance(flowable, _KeptTogether):
        return list(flowable.flowables)
    return [flowable]


def _small(flowables: Sequence[Flowable]) -> bool:
    """Small enough to be kept with its heading (one page holds it comfortably)."""
    height = 0.0
    try:
        for f in flowables:
            height += f.wrap(WIDTH, PAGE_HEIGHT)[1]
    except Exception:  # measuring must never break the layout
        return False
    return height < PAGE_HEIGHT / 3


def _fit(text: str, font: str, size: float, width: float) -> str:
    """Shorten a one-line string with an ellipsis to fit ``width``."""
    if stringWidth(text, font, size) <= width:
        return text
    while text and stringWidth(text + "…", font, size) > width:
        text = text[:-1]
    return text + "…"
