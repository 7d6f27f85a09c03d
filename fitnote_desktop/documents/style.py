"""The copy's look in one place: A4 geometry, the palette and the paragraph styles.

Why each choice was made is told in ``layout.py``'s docstring.
"""

from __future__ import annotations

from collections.abc import Mapping
from functools import cache
from types import MappingProxyType
from typing import Any

from reportlab.lib import colors
from reportlab.lib.enums import TA_CENTER
from reportlab.lib.pagesizes import A4
from reportlab.lib.styles import ParagraphStyle
from reportlab.lib.units import mm

from fitnote_desktop.documents import fonts

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


@cache
def paragraph_styles() -> Mapping[str, ParagraphStyle]:
    """The named styles the layout refers to (body 9.5 pt, labels grey, heads navy).

    Built once per process (read-only: every copy shares them, platypus never changes a
    style it is given)."""
    f = fonts.FAMILY
    base = ParagraphStyle("body", fontName=f, fontSize=9.5, leading=12.5)

    def s(name: str, **kw: Any) -> ParagraphStyle:
        return ParagraphStyle(name, parent=base, **kw)

    return MappingProxyType(
        {
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
            "changes": s("changes", fontName=fonts.BOLD, fontSize=8.5, leading=11, textColor=AMBER),
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
    )
