"""Page furniture: the running header from page 2 on, the DRAFT watermark, the footer.

The footer needs the page count, so it is drawn by :class:`NumberedCanvas`, which holds
the pages back until the whole story has been laid out.
"""

from __future__ import annotations

import math
import zlib
from collections.abc import Callable, Sequence
from functools import lru_cache
from typing import Any

from reportlab.lib.units import mm
from reportlab.pdfbase.pdfmetrics import stringWidth
from reportlab.pdfgen import canvas as rl_canvas
from reportlab.platypus import BaseDocTemplate

from fitnote_desktop.documents import fonts
from fitnote_desktop.documents.content import CopyContent, Localized
from fitnote_desktop.documents.labels import label
from fitnote_desktop.documents.style import (
    DRAFT_WATERMARK,
    GREY,
    LIGHT,
    MARGIN_X,
    PAGE_HEIGHT,
    PAGE_WIDTH,
    RED,
    WIDTH,
)
from fitnote_desktop.documents.text import printable

DEFLATE_LEVEL = 3


class Deflate:
    """reportlab's ``FlateDecode`` stream filter at zlib level 3 instead of its default 6.

    Compressing the pages and the embedded font subsets was about a tenth of a copy's CPU
    (issue 14's profile); level 3 halves that for streams about 3 % larger (a copy grows
    by about 1.3 KB). The filter interface is reportlab's ``PDFStreamFilterZCompress``.

    The only streams that reach it as bytes are embedded font files, which repeat from
    copy to copy (``fonts._keep_subsets``): those are compressed once per process.
    Everything else (page contents, character maps) comes as text and is compressed anew.
    """

    pdfname = "FlateDecode"

    def encode(self, text: bytes | str) -> bytes:
        if isinstance(text, str):
            return zlib.compress(text.encode("utf8"), DEFLATE_LEVEL)
        return _compressed_font_file(text)

    def decode(self, encoded: bytes) -> bytes:
        return zlib.decompress(encoded)


@lru_cache(maxsize=64)
def _compressed_font_file(data: bytes) -> bytes:
    """A font file compressed (keyed by its bytes: the same subset is the same object)."""
    return zlib.compress(data, DEFLATE_LEVEL)


class NumberedCanvas(rl_canvas.Canvas):
    """Holds pages back until the end, then draws "page x/y" and the footer on each.

    Every stream is compressed with :class:`Deflate`: reportlab applies a document's
    ``defaultStreamFilters`` to each stream that has no filters of its own, which is every
    stream once its own page compression (which would name its level-6 filter on the
    pages and fonts) is off.
    """

    def decorate_page(self, page: int, total: int) -> None:
        """Draw what needs the page count; subclasses override."""

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.setPageCompression(0)
        self._doc.defaultStreamFilters = (Deflate(),)  # type: ignore[attr-defined]
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


class PageFurniture:
    """Draws what is on every page of one copy but outside its story."""

    def __init__(
        self,
        content: CopyContent,
        langs: Sequence[str],
        supported: Callable[[int], bool],
        both: Callable[[Localized], str],
    ) -> None:
        self.c = content
        self.langs = tuple(langs)
        self._supported = supported
        self._both = both

    def running_header(self, canv: rl_canvas.Canvas, doc: BaseDocTemplate) -> None:
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
            right = fit(right, fonts.REGULAR, 7.5, 0.4 * WIDTH)
            room = WIDTH - stringWidth(right, fonts.REGULAR, 7.5) - 8 * mm
            canv.drawString(MARGIN_X, y, fit(left, fonts.REGULAR, 7.5, room))
            canv.drawRightString(PAGE_WIDTH - MARGIN_X, y, right)
            canv.setStrokeColor(LIGHT)
            canv.setLineWidth(0.5)
            canv.line(MARGIN_X, y - 2 * mm, PAGE_WIDTH - MARGIN_X, y - 2 * mm)
            canv.restoreState()

    def watermark(self, canv: rl_canvas.Canvas, doc: BaseDocTemplate) -> None:
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

    def footer(self, canv: rl_canvas.Canvas, page: int, total: int) -> None:
        canv.saveState()
        y = 13 * mm
        canv.setStrokeColor(LIGHT)
        canv.setLineWidth(0.5)
        canv.line(MARGIN_X, y + 4.5 * mm, PAGE_WIDTH - MARGIN_X, y + 4.5 * mm)
        canv.setFillColor(GREY)
        size = 7.5
        canv.setFont(fonts.REGULAR, size)
        ref = f"{self._both(lambda lang: label('footer.reference', lang))} {self.c.reference}"
        pages = self._both(lambda lang: label("footer.page", lang, page=page, total=total))
        canv.drawRightString(PAGE_WIDTH - MARGIN_X, y, pages)
        room = WIDTH - stringWidth(pages, fonts.REGULAR, size) - 6 * mm
        canv.drawString(
            MARGIN_X, y, fit(printable(ref, self._supported), fonts.REGULAR, size, room)
        )
        copy_for = self._both(self.c.copy_for)
        canv.drawString(
            MARGIN_X,
            y - 3.6 * mm,
            fit(printable(copy_for, self._supported), fonts.REGULAR, size, room),
        )
        canv.restoreState()


def fit(text: str, font: str, size: float, width: float) -> str:
    """Shorten a one-line string with an ellipsis to fit ``width``."""
    if stringWidth(text, font, size) <= width:
        return text
    while text and stringWidth(text + "…", font, size) > width:
        text = text[:-1]
    return text + "…"
