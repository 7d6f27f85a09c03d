"""The embedded fonts: DejaVu Sans Condensed, shipped in ``resources/fonts/``.

Why shipped and not taken from the system: the PDF of a certificate must look the same
on a Windows practice laptop, a Mac and CI, and must embed a font covering é, è, ë, ï,
ç, ß, €, Greek, Cyrillic, Hebrew and Arabic presentation forms: the PDF standard 14
fonts cover none of that reliably. DejaVu (Bitstream Vera licence, see
``resources/fonts/LICENSE-DejaVu.txt``) does, and its condensed cut sets a dense
administrative form without looking cramped. reportlab embeds only the glyphs used.

Registration is process-wide in reportlab and costs a few tens of milliseconds per
face, so it happens once, on the first rendering.
"""

from __future__ import annotations

import threading
from functools import cache
from typing import Literal

from reportlab.lib.fonts import addMapping
from reportlab.pdfbase import pdfmetrics
from reportlab.pdfbase.ttfonts import TTFont

FAMILY = "FitnoteSans"
REGULAR = FAMILY
BOLD = f"{FAMILY}-Bold"
ITALIC = f"{FAMILY}-Oblique"
BOLD_ITALIC = f"{FAMILY}-BoldOblique"

_FILES = {
    REGULAR: "DejaVuSansCondensed.ttf",
    BOLD: "DejaVuSansCondensed-Bold.ttf",
    ITALIC: "DejaVuSansCondensed-Oblique.ttf",
    BOLD_ITALIC: "DejaVuSansCondensed-BoldOblique.ttf",
}
_lock = threading.Lock()


@cache
def _register() -> dict[str, frozenset[int]]:
    from fitnote_desktop.resources import resource_path

    charsets: dict[str, frozenset[int]] = {}
    for name, filename in _FILES.items():
        font = TTFont(name, str(resource_path("fonts", filename)))
        pdfmetrics.registerFont(font)
        charsets[name] = frozenset(font.face.charToGlyph)
    styles: tuple[tuple[Literal[0, 1], Literal[0, 1], str], ...] = (
        (0, 0, REGULAR),
        (1, 0, BOLD),
        (0, 1, ITALIC),
        (1, 1, BOLD_ITALIC),
    )
    for bold, italic, name in styles:
        addMapping(FAMILY, bold, italic, name)
    return charsets


def register_fonts() -> dict[str, frozenset[int]]:
    """Register the family (idempotent, thread-safe).

    Returns the code points each face covers: the obliques of DejaVu lack some scripts
    (Arabic among them), so text is checked against the face it will be set in.
    """
    with _lock:
        return _register()


def coverage(font_name: str = REGULAR) -> frozenset[int]:
    """Code points the face ``font_name`` has a glyph for (for ``text.clean``)."""
    return register_fonts()[font_name]
