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

The parts: ``style.py`` (geometry, palette, paragraph styles), ``flowables.py`` (signature
box, QR code), ``page_furniture.py`` (header, watermark, footer); this module lays out
the story: letterhead, title, sections and their tables, signature block.
"""

from __future__ import annotations

import io
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from typing import Any

from reportlab.lib.pagesizes import A4
from reportlab.lib.units import mm
from reportlab.platypus import (
    BaseDocTemplate,
    Flowable,
    KeepTogether,
    PageTemplate,
    Paragraph,
    Spacer,
    TableStyle,
)

from fitnote_desktop import __version__
from fitnote_desktop.documents import fonts
from fitnote_desktop.documents.content import CapacityRow, CopyContent, Field, Localized, Section
from fitnote_desktop.documents.flowables import (
    CopyFrame,
    CopyTable,
    KeptTogether,
    QrCode,
    SignatureBox,
    SignaturePlacement,
    is_small,
    unwrap,
)
from fitnote_desktop.documents.labels import label
from fitnote_desktop.documents.page_furniture import NumberedCanvas, PageFurniture
from fitnote_desktop.documents.paragraphs import CopyParagraph, markup
from fitnote_desktop.documents.signature_field import add_signature_field
from fitnote_desktop.documents.style import (
    AMBER_TINT,
    LIGHT,
    MARGIN_BOTTOM,
    MARGIN_TOP,
    MARGIN_X,
    NAVY,
    PAGE_HEIGHT,
    QR_SIZE,
    RULE,
    SIGNATURE_BOX,
    TINT,
    WIDTH,
    paragraph_styles,
)
from fitnote_desktop.domain.model import Recipient

LOCALES = {"nl": "nl-BE", "fr": "fr-BE", "de": "de-BE", "en": "en"}


@dataclass(frozen=True)
class Rendered:
    pdf: bytes
    signature: SignaturePlacement | None
    pages: int
    qr: SignaturePlacement | None = None


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
        self.st = paragraph_styles()
        self._placements: list[SignaturePlacement] = []
        self._qr_boxes: list[SignaturePlacement] = []
        self.furniture = PageFurniture(content, self.langs, self._supported, self.both)

    # -- text helpers

    def m(self, text: str, font: str = fonts.REGULAR) -> str:
        """Markup of any text (labels included: a translator may type ``&``)."""
        return markup(text, font if font in self._coverage else fonts.REGULAR)

    def p(self, text: str, style: str) -> Paragraph:
        st = self.st[style]
        return CopyParagraph(self.m(text, st.fontName), st)

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
        table = CopyTable(
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
            badges = CopyTable([self.columns(badge)], colWidths=self.col_widths, style=badge_style)
            flow.append(badges)
        else:
            # title left, "copy for" badge right: the reader sees both at once
            lang = self.langs[0]
            badge_width = 0.44 * WIDTH
            flow.append(
                CopyTable(
                    [
                        [
                            block(lang),
                            CopyTable([[badge(lang)]], colWidths=[badge_width], style=badge_style),
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
        if c.changes is not None:  # a follow-up: what this reader sees changed, up front
            changes = c.changes
            flow.append(Spacer(1, 2 * mm))
            flow.append(
                self._row_table(
                    [self.columns(lambda lang: self.p(changes(lang), "changes"))], gutter=True
                )
            )
        return flow

    def _row_table(
        self, rows: list[list[Any]], *, gutter: bool = False, style: list[Any] | None = None
    ) -> CopyTable:
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
        return CopyTable(
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

        def table(part: list[tuple[list[Any], tuple[int, int] | None]], last: bool) -> CopyTable:
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
            return CopyTable(
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
        return CopyTable(
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
        style = self.st["bullet"]
        rows = [[CopyParagraph(self.m(t(lang)), style, "•") for lang in self.langs] for t in items]
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
        if body and is_small([body[0]]):
            return [KeptTogether([head, body[0]]), *body[1:]]
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
        table = CopyTable(
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
        last = unwrap(flow[-1])
        if len(flow) > 1 and is_small(last):
            flow[-1] = KeepTogether([*last, *signature])
        else:
            flow.append(KeepTogether(signature))
        for s in self.c.sections:
            if s.after_signature:
                flow.extend(self.section(s))
        return flow

    # -- build

    def build(
        self,
        *,
        title: str,
        author: str,
        subject: str,
        keywords: str,
        signature_field: str | None = None,
    ) -> Rendered:
        """The PDF; ``signature_field``: name of the empty signature field to put over the
        signature box (None: no field, as for a draft)."""
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
            invariant=1,  # streams are compressed by NumberedCanvas
        )
        frame = CopyFrame(
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
            [
                PageTemplate(
                    "page",
                    [frame],
                    onPage=self.furniture.running_header,
                    onPageEnd=self.furniture.watermark,
                )
            ]
        )

        furniture = self.furniture
        placements = self._placements
        pages: list[int] = []

        class Canvas(NumberedCanvas):
            def decorate_page(self, page: int, total: int) -> None:
                furniture.footer(self, page, total)
                pages[:] = [total]
                if signature_field is not None and placements and placements[-1].page == page - 1:
                    add_signature_field(self, placements[-1].box, signature_field)

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
