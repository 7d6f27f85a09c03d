"""Paragraphs of a copy: parsed once and broken into lines once per width, per process.

Issue 14's profile of four copies put about a quarter of the time into text that never
changes between copies: cleaning and escaping the same labels (``text.to_markup``),
parsing the same markup with reportlab's HTML parser, and breaking the same paragraph
into lines again each time platypus measures it (a table cell is wrapped by the
"keep with heading" check, by ``KeepTogether``, by the frame and when it is drawn).

* :func:`markup` keeps the markup of a text per face (labels repeat in every copy of
  every document; values repeat across the four copies of one document);
* :class:`CopyParagraph` takes its parsed fragments from a per-process cache (a paragraph
  that breaks lines itself first gets its own shallow copies: reportlab sets attributes on
  fragments while breaking lines) and shares its line breaking with every paragraph of the
  same text, style and width: the first one to be wrapped breaks the lines, the others (and every
  later wrap) read them. Drawing only reads the lines; a paragraph that is split across
  pages breaks its lines again into objects of its own before reportlab cuts them;
* a plain paragraph (one font and colour, left aligned) is drawn by
  ``paragraph_draw.draw_plain``, without reportlab's general drawing machinery.

The output is byte for byte what plain ``Paragraph(to_markup(text), style)`` gives
(``tests/documents/test_paragraphs.py``).
"""

from __future__ import annotations

import threading
from functools import lru_cache
from typing import Any

from reportlab.lib.styles import ParagraphStyle
from reportlab.platypus import Paragraph

from fitnote_desktop.documents import fonts
from fitnote_desktop.documents.paragraph_draw import draw_plain
from fitnote_desktop.documents.text import to_markup

_CACHE_SIZE = 4096  # distinct texts: labels of all languages plus a few documents' values


@lru_cache(maxsize=_CACHE_SIZE)
def markup(text: str, font: str) -> str:
    """Paragraph markup of plain ``text`` set in the face ``font`` (``text.to_markup``)."""
    return to_markup(text, fonts.coverage(font).__contains__)


@lru_cache(maxsize=_CACHE_SIZE)
def _parsed(text: str, style: ParagraphStyle) -> tuple[str, tuple[Any, ...]]:
    """reportlab's parse of ``text`` in ``style``: the cleaned text and its fragments.

    Styles are the process-wide ones of ``style.paragraph_styles`` (keyed by identity).
    """
    paragraph = Paragraph(text, style)
    return paragraph.text, tuple(paragraph.frags)


def _fresh_fragments(text: str, style: ParagraphStyle) -> list[Any]:
    """Copies of ``text``'s cached fragments for reportlab to break lines on (it sets
    attributes on them). Most paragraphs never need them: their lines are shared."""
    return [f.clone() for f in _parsed(text, style)[1]]


_State = tuple[float, float, Any, float, list[float], list[Any]]  # what wrap computes
_BROKEN: dict[tuple[str, ParagraphStyle, str | None, float], _State] = {}  # all copies
_BROKEN_LOCK = threading.Lock()


class CopyParagraph(Paragraph):
    """A ``Paragraph`` from cached fragments whose line breaking is computed once per text,
    style and width in the process (labels repeat in every copy, values in the four copies
    of a document). Lines are only read when drawn; ``split`` (which may change fragments
    in place) first breaks the lines again into objects of this paragraph's own."""

    blPara: Any  # set by reportlab's wrap, as are the two below
    _width_max: float
    _wrapWidths: list[float]

    def __init__(
        self,
        text: str | None,
        style: ParagraphStyle,
        bulletText: str | None = None,
        frags: list[Any] | None = None,
    ) -> None:
        self._source: tuple[str, ParagraphStyle, str | None] | None = None
        if frags is None and text is not None:  # ``frags``: the halves of a split
            self._source = (text, style, bulletText)
            text, parsed = _parsed(text, style)
            frags = list(parsed)  # the cached fragments: cloned only to break lines (wrap)
        # text is None for the halves of a split (reportlab's stubs say str)
        super().__init__(text, style, bulletText, frags=frags)  # type: ignore[arg-type]

    def wrap(self, availWidth: float, availHeight: float) -> tuple[float, float]:
        """``Paragraph.wrap`` (line breaking depends on the width only, not the height)."""
        if self._source is None:
            return super().wrap(availWidth, availHeight)
        key = (*self._source, availWidth)
        state = _BROKEN.get(key)
        if state is None:
            self.frags = _fresh_fragments(*self._source[:2])
            result = super().wrap(availWidth, availHeight)
            if not hasattr(self, "blPara"):  # too narrow: Paragraph.wrap returns early
                return result
            state = (
                self.width,
                self.height,
                self.blPara,
                self._width_max,
                self._wrapWidths,
                self.frags,
            )
            with _BROKEN_LOCK:
                if len(_BROKEN) >= _CACHE_SIZE:
                    _BROKEN.pop(next(iter(_BROKEN)))
                _BROKEN[key] = state
        (self.width, self.height, self.blPara, self._width_max, self._wrapWidths, self.frags) = (
            state
        )
        return self.width, self.height

    def drawOn(self, canvas: Any, x: float, y: float, _sW: float = 0) -> None:
        """``Flowable.drawOn``, straight into the content stream when the paragraph is
        plain (``paragraph_draw``: the same bytes without the state copies)."""
        if not draw_plain(self, canvas, x, y, _sW):
            super().drawOn(canvas, x, y, _sW)  # type: ignore[call-arg]  # stubs omit _sW

    def split(self, availWidth: float, availHeight: float) -> list[Any]:
        if self._source is not None and hasattr(self, "blPara"):
            # the lines may be shared: break them again, at the last width, into our own
            self.frags = _fresh_fragments(*self._source[:2])
            Paragraph.wrap(self, self.width, availHeight)
        self._source = None
        return super().split(availWidth, availHeight)
