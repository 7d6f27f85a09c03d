"""Paragraphs of a copy, parsed once per process and wrapped once per width.

Issue 14's profile of four copies put about a quarter of the time into text that never
changes between copies: cleaning and escaping the same labels (``text.to_markup``),
parsing the same markup with reportlab's HTML parser, and breaking the same paragraph
into lines again each time platypus measures it (a table cell is wrapped by the
"keep with heading" check, by ``KeepTogether``, by the frame and when it is drawn).

* :func:`markup` keeps the markup of a text per face (labels repeat in every copy of
  every document; values repeat across the four copies of one document);
* :class:`CopyParagraph` takes its parsed fragments from a per-process cache (each
  paragraph gets its own shallow copies: reportlab sets attributes on fragments while
  breaking lines) and remembers its last line breaking per available width, so that a
  second ``wrap`` at the same width returns what the first computed.

The output is byte for byte what plain ``Paragraph(to_markup(text), style)`` gives
(``tests/documents/test_paragraphs.py``).
"""

from __future__ import annotations

from functools import lru_cache
from typing import Any

from reportlab.lib.styles import ParagraphStyle
from reportlab.platypus import Paragraph

from fitnote_desktop.documents import fonts
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


class CopyParagraph(Paragraph):
    """A ``Paragraph`` from cached fragments that breaks its lines once per width."""

    def __init__(
        self,
        text: str | None,
        style: ParagraphStyle,
        bulletText: str | None = None,
        frags: list[Any] | None = None,
    ) -> None:
        if frags is None and text is not None:  # ``frags``: the halves of a split
            text, parsed = _parsed(text, style)
            frags = [f.clone() for f in parsed]
        # text is None for the halves of a split (reportlab's stubs say str)
        super().__init__(text, style, bulletText, frags=frags)  # type: ignore[arg-type]
        self._wrapped: tuple[float, tuple[Any, ...]] | None = None

    def wrap(self, availWidth: float, availHeight: float) -> tuple[float, float]:
        """``Paragraph.wrap``; a repeat at the same width restores the first result
        (line breaking depends on the width only, never on the height)."""
        wrapped = self._wrapped
        if wrapped is not None and wrapped[0] == availWidth:
            (self.width, self.height, self.blPara, self._width_max, self._wrapWidths) = wrapped[1]
            return self.width, self.height
        result = super().wrap(availWidth, availHeight)
        if hasattr(self, "blPara"):  # too narrow: Paragraph.wrap returns before breaking
            state = (self.width, self.height, self.blPara, self._width_max, self._wrapWidths)
            self._wrapped = (availWidth, state)
        return result
