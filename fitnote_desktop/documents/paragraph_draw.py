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
reportlab (``draw_plain`` returns False). Most lines are printable ASCII, which every
document encodes as itself: their text object is kept per line breaking and only the
font's name in the document is filled in (:func:`_ascii_template`).
"""

from __future__ import annotations

import threading
from functools import lru_cache
from typing import Any
from weakref import WeakKeyDictionary

from reportlab.lib.colors import Color
from reportlab.lib.enums import TA_LEFT
from reportlab.lib.rl_accel import escapePDF, fp_str
from reportlab.pdfbase.pdfmetrics import getFont
from reportlab.pdfgen.canvas import Canvas
from reportlab.platypus import paragraph as rl_paragraph

# a template keeps text escaped by reportlab's own canvas method (escapePDF)
_ESCAPE = Canvas._escape  # type: ignore[attr-defined]
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


@lru_cache(maxsize=16)
def _ascii_at_own_codes(font_name: str) -> bool:
    """True when every printable ASCII character of ``font_name`` sits at its own code in
    subset 0 of any document (reportlab's ``asciiReadable``, the face having them all)."""
    font: Any = getFont(font_name)
    face = font.face
    return bool(font._asciiReadable) and all(c in face.charToGlyph for c in range(32, 127))


_Template = tuple[str, str]  # the text object's operators before and after the font name
_ASCII_TEXT: WeakKeyDictionary[Any, _Template | None] = WeakKeyDictionary()  # per blPara
_ASCII_LOCK = threading.Lock()
_UNSEEN: Any = object()


def _text_lines(bl: Any, tf: str, escape: Any, chunks: Any, name: Any) -> list[str]:
    """The text object's line operators: ``chunks(text)`` gives a line's (subset, bytes),
    ``name(subset)`` the font name a change of subset selects."""
    code: list[str] = []
    current = -1
    for extra, words in bl.lines:
        text = " ".join(words)
        parts = []
        for subset, chunk in chunks(text):
            if subset != current:
                parts.append(f"{name(subset)} {tf}")
                current = subset
            parts.append(f"({escape(chunk)}) Tj")
        spaces = len(words) + text.count("\xa0") - 1
        overfull = extra <= -1e-8 and spaces > 0  # squeezed: reportlab narrows the spaces
        if overfull:
            code.append(f"{fp_str(extra / float(spaces))} Tw")
        code.append(" ".join(parts) + " T*")
        if overfull:
            code.append("0 Tw")
    return code


def _ascii_template(bl: Any, origin: str, tf: str) -> _Template | None:
    """The text object of a paragraph whose lines are all printable ASCII, around its one
    font selection (subset 0, whose name depends on the document); None for other text.

    Such text is encoded as itself and needs no new code in any document, so its
    operators are the same for every copy: built once per line breaking (``blPara``,
    shared by every paragraph of the same text, style and width).
    """
    texts = [" ".join(words) for _, words in bl.lines]
    template: _Template | None = None
    if all(text and text.isascii() and text.isprintable() for text in texts):
        marker = "\x00"  # never in printable text: where the font name goes
        lines = _text_lines(bl, tf, escapePDF, lambda t: [(0, t.encode("ascii"))], lambda _: marker)
        code = " ".join(["BT", origin, *lines, "ET"])
        head, tail = code.split(marker)
        template = (head, tail)
    with _ASCII_LOCK:
        _ASCII_TEXT[bl] = template
    return template


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
    ascii_ok = type(canvas)._escape is _ESCAPE and _ascii_at_own_codes(bl.fontName)
    template = _ASCII_TEXT.get(bl, _UNSEEN) if ascii_ok else None
    if template is None or template is _UNSEEN:
        style = paragraph.style
        offset = bl.fontSize if _RL_PARAGRAPH.paraFontSizeHeightOffset else bl.ascent
        tf = f"{fp_str(bl.fontSize)} Tf {fp_str(style.leading)} TL"
        origin = f"1 0 0 1 {fp_str(style.leftIndent, paragraph.height - offset)} Tm"
        if template is _UNSEEN:
            template = _ascii_template(bl, origin, tf)
    if template is not None:
        font._assignState(doc)  # what splitString does first: the font's state in the doc
        text = template[0] + font.getSubsetInternalName(0, doc) + template[1]
    else:
        lines = _text_lines(
            bl,
            tf,
            canvas._escape,
            lambda t: font.splitString(t, doc),
            lambda subset: font.getSubsetInternalName(subset, doc),
        )
        text = " ".join(["BT", origin, *lines, "ET"])
    doc.ensureMinPdfVersion("transparency")  # what setFillColor's alpha does, idempotent
    canvas._code.extend(
        ("q", f"1 0 0 1 {fp_str(x, y)} cm", "q", _fill_operator(color), text, "Q", "Q")
    )
    return True
