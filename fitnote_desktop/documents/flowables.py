"""Flowables of a copy that platypus does not have: the signature box, the QR code, a
keep-together that can be regrouped, a table that measures itself once per width, a frame
that is copied cheaply; plus how big a block may be to stay with its heading.
"""

from __future__ import annotations

import copy
from collections.abc import Sequence
from dataclasses import dataclass
from functools import lru_cache
from itertools import groupby
from typing import Any

from reportlab.lib import colors
from reportlab.pdfgen.pathobject import PDFPathObject
from reportlab.platypus import Flowable, Frame, KeepTogether, Table

from fitnote_desktop.documents import qr
from fitnote_desktop.documents.style import LIGHT, PAGE_HEIGHT, WIDTH


@dataclass(frozen=True)
class SignaturePlacement:
    """Where a box landed (signature box, QR code): 0-based page index, PDF box in points."""

    page: int
    box: tuple[float, float, float, float]


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
def qr_modules(payload: str) -> tuple[tuple[bool, ...], ...]:
    """QR modules of ``payload``: reportlab's encoding (error correction M), computed by
    ``qr.py``. The four copies of one document share their payload, so it is encoded once.
    """
    return qr.qr_modules(payload)


@lru_cache(maxsize=32)
def qr_path(payload: str, size: float) -> PDFPathObject:
    """The QR code of ``payload`` as one path of horizontal runs, ``size`` points wide.

    Built once per payload and size: the four copies of a document draw the same code,
    and formatting its few hundred rectangles is a good part of a copy's drawing time.
    A path object holds only its operators, so every canvas can draw the same one.
    """
    modules = qr_modules(payload)
    n = len(modules)
    box = size / n
    path = PDFPathObject()
    for r, row in enumerate(modules):
        c = 0
        for dark, run in groupby(row):
            count = len(list(run))
            if dark:
                path.rect(c * box, size - (r + 1) * box, count * box, box)
            c += count
    return path


class QrCode(Flowable):
    """A QR code as one filled path of horizontal runs (reportlab's widget draws one
    rectangle object per run through its graphics tree, many times slower)."""

    def __init__(
        self, payload: str, size: float, sink: list[SignaturePlacement] | None = None
    ) -> None:
        super().__init__()
        self.payload = payload
        self.size = size
        self._sink = sink

    def wrap(self, avail_width: float, avail_height: float) -> tuple[float, float]:
        return self.size, self.size

    def draw(self) -> None:
        self.canv.saveState()
        self.canv.setFillColor(colors.black)
        self.canv.drawPath(qr_path(self.payload, self.size), stroke=0, fill=1)
        self.canv.restoreState()
        if self._sink is not None:
            x0, y0 = self.canv.absolutePosition(0, 0)
            x1, y1 = self.canv.absolutePosition(self.size, self.size)
            self._sink.append(SignaturePlacement(self.canv.getPageNumber() - 1, (x0, y0, x1, y1)))


class CopyTable(Table):
    """A ``Table`` that measures its rows once per available width.

    Platypus wraps a table several times at the same width (the "keep with heading"
    check, ``KeepTogether``, the frame, the outer table of a nested one), and every wrap
    measures every cell again. Row heights depend on the width only; the available height
    matters only to reportlab's long-table shortcut, which stops measuring once the rows
    overflow it. So a table whose rows were all measured, asked again at the same width
    with at least its height available, has the size it had. ``split`` measures anew.
    """

    _measured: tuple[float, tuple[float, float]] | None = None  # width, size

    def wrap(self, availWidth: float, availHeight: float) -> tuple[float, float]:
        measured = self._measured
        if measured is not None and measured[0] == availWidth and measured[1][1] <= availHeight:
            return measured[1]
        size = super().wrap(availWidth, availHeight)
        rows_measured = self._hmax  # type: ignore[attr-defined]  # reportlab's own count
        complete = rows_measured == len(self._cellvalues)  # type: ignore[attr-defined]
        self._measured = (availWidth, size) if complete else None
        return size

    def split(self, availWidth: float, availHeight: float) -> list[Flowable]:
        self._measured = None
        return super().split(availWidth, availHeight)

    def _drawCell(
        self, cellval: Any, cellstyle: Any, pos: tuple[float, float], size: tuple[float, float]
    ) -> None:
        """``Table._drawCell`` for a copy's usual cell (flowables, top left, no link): the
        same operators, without its general measuring (widths, maxima) of each flowable."""
        if isinstance(cellval, Flowable):
            cellval = (cellval,)
        colpos, rowpos = pos
        colwidth, rowheight = size
        avail_width = colwidth - cellstyle.leftPadding - cellstyle.rightPadding
        if (
            not isinstance(cellval, (list, tuple))
            or not cellval
            or cellstyle.valign != "TOP"
            or cellstyle.alignment != "LEFT"
            or cellstyle.href
            or cellstyle.destination
            or avail_width < 0
        ):
            super()._drawCell(cellval, cellstyle, pos, size)  # type: ignore[misc]  # no stub
            return
        canv = self.canv
        current = self._curcellstyle  # type: ignore[has-type]  # as Table._drawCell
        if current is not cellstyle:
            if current is None or cellstyle.color != current.color:
                canv.setFillColor(cellstyle.color)
            if (
                current is None
                or cellstyle.leading != current.leading
                or cellstyle.fontname != current.fontname
                or cellstyle.fontsize != current.fontsize
            ):
                canv.setFont(cellstyle.fontname, cellstyle.fontsize, cellstyle.leading)
            self._curcellstyle = cellstyle
        avail_height = rowheight - cellstyle.topPadding - cellstyle.bottomPadding
        heights = [v.wrapOn(canv, avail_width, avail_height)[1] for v in cellval]
        x = colpos + cellstyle.leftPadding
        y = rowpos + rowheight - cellstyle.topPadding
        y += cellval[0].getSpaceBefore()
        for flowable, height in zip(cellval, heights, strict=True):
            y -= flowable.getSpaceBefore()
            y -= height
            flowable.drawOn(canv, x, y)
            y -= flowable.getSpaceAfter()


class CopyFrame(Frame):
    """A ``Frame`` whose deep copy copies only what is not a plain value.

    Platypus measures every ``KeepTogether`` on a deep copy of the current frame, made by
    ``copy.deepcopy``'s general machinery attribute by attribute: about a fortieth of a
    copy's CPU in issue 14's profile, for a frame of some twenty numbers. Numbers and
    strings are immutable, so sharing them is the same copy; anything else is copied deep.
    """

    def __deepcopy__(self, memo: dict[int, object]) -> CopyFrame:
        clone = copy.copy(self)
        memo[id(self)] = clone
        for name, value in vars(self).items():
            if not isinstance(value, (int, float, str, type(None))):
                setattr(clone, name, copy.deepcopy(value, memo))
        return clone


class KeptTogether(KeepTogether):
    """A ``KeepTogether`` that remembers its flowables, so that :func:`unwrap` can
    regroup them without reading reportlab's private ``_content``."""

    def __init__(self, flowables: list[Flowable]) -> None:
        super().__init__(flowables)
        self.flowables = tuple(flowables)


def unwrap(flowable: Flowable) -> list[Flowable]:
    """The flowables inside a section's ``KeepTogether`` (which must not be nested: an
    inner one reports a huge height to force its own split, which would push the outer
    one to a new page every time)."""
    if isinstance(flowable, KeptTogether):
        return list(flowable.flowables)
    return [flowable]


def is_small(flowables: Sequence[Flowable]) -> bool:
    """Small enough to be kept with its heading (one page holds it comfortably)."""
    height = 0.0
    try:
        for f in flowables:
            height += f.wrap(WIDTH, PAGE_HEIGHT)[1]
    except Exception:  # measuring must never break the layout
        return False
    return height < PAGE_HEIGHT / 3
