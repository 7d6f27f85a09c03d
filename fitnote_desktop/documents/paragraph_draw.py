"""Drawing a plain paragraph straight into the page's content stream.

Issue 14's profile of four copies put about a sixth of their time into drawing the text
of table cells: per paragraph, platypus saves the canvas state twice (a copy of some forty
attributes each time), translates, builds a text object, walks reportlab's general
``drawPara`` (bullets, borders, justification, links, underlines, right-to-left) and
restores twice. Nearly every paragraph of a copy is the plain case: one font and colour,
left aligned, no bullet, border, link, underline or line break. For that case
:func:`draw_plain` appends to the canvas exactly the operators reportlab would (``q``, the
translation, ``q``, the colour, one text object with a line per ``Tj T*``, ``Q Q``) and
encodes the text through the font's own subset assignment, so the page is byte for byte
the same (``tests/documents/test_paragraph_draw.py``); any other paragraph is left to
reportlab (``draw_plain`` returns False).
"""

from __future__ import annotations

from functools import lru_cache
from typing import Any

from reportlab.lib.colors import Color
from reportlab.lib.enums import TA_LEFT
from reportlab.lib.rl_accel import fp_str
from reportlab.pdfbase.pdfmetrics import getFont
from reportlab.platypus import paragraph as rl_paragraph

_RL_PARAGRAPH: Any = rl_paragraph  # read at draw time, as drawPara does (no stub for it)


@lru_cache(maxsize=64)
def _fill_operator(color: Color) -> str:
    """``setFillColor``'s operator for an RGB colour (styles share a few colours)."""
    return f"{fp_str((color.red, color.green, color.blue))} rg"


def _plain(paragraph: Any) -> bool:
    """True when ``drawPara`` would take its simplest path for this paragraph."""
    style = paragraph.style
    bl = getattr(paragraph, "blPara", None)
    if bl is None or bl.kind != 0 or not bl.lines:
        return False
    return not (
        style.alignment != TA_LEFT
        or paragraph.bulletText
        or style.firstLineIndent
        or style.backColor
        or (getattr(style, "borderColor", None) and getattr(style, "borderWidth", None))
        or getattr(paragraph, "autoLeading", getattr(style, "autoLeading", "")) in ("max", "min")
        or style.wordWrap
        or hasattr(paragraph, "_offsets")
        or getattr(paragraph, "_showBoundary", False)
        or getattr(paragraph, "_JustifyLast", False)
        or bl.us_lines
        or bl.link
        or type(bl.textColor) is not Color  # RGB only: CMYK and spot colours are rarer
    )


def draw_plain(paragraph: Any, canvas: Any, x: float, y: float, sW: float = 0) -> bool:
    """Draw ``paragraph`` (wrapped) at ``x, y`` as ``Flowable.drawOn`` + ``drawPara`` would.

    Returns False, having drawn nothing, when the paragraph or the canvas is not the plain
    case this function reproduces.
    """
    if not _plain(paragraph) or not canvas.bottomup or canvas._enforceColorSpace:
        return False
    bl = paragraph.blPara
    font: Any = getFont(bl.fontName)  # a TTFont: the stubs know only the base Font
    color = bl.textColor
    extgstate = canvas._extgstate
    if not font._dynamicFont or font.shapable or extgstate.getValue("ca") != color.alpha:
        return False
    doc = canvas._doc
    x = paragraph._hAlignAdjust(x, sW)
    style = paragraph.style
    offset = bl.fontSize if _RL_PARAGRAPH.paraFontSizeHeightOffset else bl.ascent
    escape = canvas._escape
    tf = f"{fp_str(bl.fontSize)} Tf {fp_str(style.leading)} TL"
    text_code = ["BT", f"1 0 0 1 {fp_str(style.leftIndent, paragraph.height - offset)} Tm"]
    current = -1
    for extra, words in bl.lines:
        text = " ".join(words)
        parts = []
        for subset, chunk in font.splitString(text, doc):
            if subset != current:
                parts.append(f"{font.getSubsetInternalName(subset, doc)} {tf}")
                current = subset
            parts.append(f"({escape(chunk)}) Tj")
        spaces = len(words) + text.count("\xa0") - 1
        overfull = extra <= -1e-8 and spaces > 0  # squeezed: reportlab narrows the spaces
        if overfull:
            text_code.append(f"{fp_str(extra / float(spaces))} Tw")
        text_code.append(" ".join(parts) + " T*")
        if overfull:
            text_code.append("0 Tw")
    text_code.append("ET")
    doc.ensureMinPdfVersion("transparency")  # what setFillColor's alpha does, idempotent
    canvas._code.extend(
        (
            "q",
            f"1 0 0 1 {fp_str(x, y)} cm",
            "q",
            _fill_operator(color),
            " ".join(text_code),
            "Q",
            "Q",
        )
    )
    return True
