"""The embedded fonts: DejaVu Sans Condensed, shipped in ``resources/fonts/``.

Why shipped and not taken from the system: the PDF of a certificate must look the same
on a Windows practice laptop, a Mac and CI, and must embed a font covering é, è, ë, ï,
ç, ß, €, Greek, Cyrillic, Hebrew and Arabic presentation forms: the PDF standard 14
fonts cover none of that reliably. DejaVu (Bitstream Vera licence, see
``resources/fonts/LICENSE-DejaVu.txt``) does, and its condensed cut sets a dense
administrative form without looking cramped. reportlab embeds only the glyphs used.

Registration is process-wide in reportlab and costs a few tens of milliseconds per
face, so it happens once, on the first rendering. Each face keeps the subsets it has
made (:func:`_keep_subsets`) and :class:`CopyFont` writes a subset's glyph widths from
the bytes it wrote last time: a copy embeds one subset per face it uses, and the next
certificate's copies mostly use the same characters in the same order.
"""

from __future__ import annotations

import threading
from collections.abc import Callable, Sequence
from functools import cache, lru_cache
from typing import Any, Literal

from reportlab.lib.fonts import addMapping
from reportlab.pdfbase import pdfmetrics
from reportlab.pdfbase.pdfdoc import PDFArray, PDFObject
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
        font = CopyFont(name, str(resource_path("fonts", filename)))
        _keep_subsets(font)
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


class _Formatted(PDFObject):
    """A PDF value already formatted (reportlab writes its ``format`` as it is)."""

    def __init__(self, data: bytes) -> None:
        self.data = data

    def format(self, document: Any) -> bytes:
        return self.data


@lru_cache(maxsize=256)
def _widths(font_name: str, subset: tuple[int, ...]) -> _Formatted:
    """The ``/Widths`` array reportlab writes for ``subset`` of the face ``font_name``."""
    face = pdfmetrics.getFont(font_name).face  # type: ignore[attr-defined]  # a TTFont
    return _Formatted(PDFArray([face.getCharWidth(code) for code in subset]).format(None))


class CopyFont(TTFont):
    """A ``TTFont`` whose subsets' ``/Widths`` arrays are formatted once per process.

    Formatting a subset's 128-odd widths number by number was about a twelfth of a copy's
    CPU in issue 14's profile, for an array that depends only on the subset's code points.
    reportlab's ``addObjects`` builds the font objects as ever; their ``Widths`` are then
    swapped for the same bytes, kept (``tests/documents/test_font_subsets.py``).
    """

    def addObjects(self, doc: Any) -> None:
        state = self.state.get(doc)  # reportlab drops it at the end of addObjects
        subsets = [tuple(subset) for subset in state.subsets] if state is not None else []
        prefix = state.internalName if state is not None else None
        super().addObjects(doc)
        if prefix is None:
            return
        objects = doc.idToObject["BasicFonts"].dict
        for n, subset in enumerate(subsets):
            objects[f"{prefix}+{n}"].Widths = _widths(self.fontName, subset)


def _keep_subsets(font: TTFont) -> None:
    """Let ``font``'s face remember the font files of the subsets it has made.

    reportlab builds a subset's TrueType file (``TTFontFace.makeSubset``) for every PDF,
    from the code points in the order the PDF first used them: about a tenth of a copy's
    CPU in issue 14's profile. The file depends on nothing else, and a certificate's
    copies (ASCII plus a few accented letters, first met in the labels) keep meeting the
    same lists, so the face answers a list it has seen with the bytes it made for it.
    Holds font data only: which glyphs of a public font a copy uses, no text.
    """
    make: Callable[[Sequence[int]], bytes] = font.face.makeSubset

    @lru_cache(maxsize=64)
    def made(subset: tuple[int, ...]) -> bytes:
        return make(list(subset))

    def make_subset(subset: Sequence[int]) -> bytes:
        return made(tuple(subset))

    font.face.makeSubset = make_subset  # type: ignore[method-assign]  # one face, one cache


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
