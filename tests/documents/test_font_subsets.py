"""The faces' kept subsets (``fonts._keep_subsets``), their kept ``/Widths`` arrays
(``fonts.CopyFont``) and the compressed font files (``page_furniture.Deflate``) are what
reportlab makes afresh: same bytes, served from memory the second time."""

from __future__ import annotations

import io
import re
import zlib

from reportlab.pdfbase import pdfmetrics
from reportlab.pdfbase.pdfmetrics import getFont
from reportlab.pdfbase.ttfonts import TTFont
from reportlab.pdfgen.canvas import Canvas

from fitnote_desktop.documents import fonts
from fitnote_desktop.documents.page_furniture import DEFLATE_LEVEL, Deflate
from fitnote_desktop.resources import resource_path

SUBSETS = [
    list(range(32, 128)),
    [*range(32, 128), 0xE9, 0xE8, 0x20AC, 0xDF],
    [*range(32, 128), 0xDF, 0x20AC, 0xE8, 0xE9],  # the same letters met in another order
    [0x391, 0x3B1, 0x416, 0x5D0, 0x627, 0x10000],  # Greek, Cyrillic, Hebrew, Arabic, none
]


def test_a_kept_subset_is_the_font_file_reportlab_makes() -> None:
    fonts.register_fonts()
    for name, filename in (
        (fonts.REGULAR, "DejaVuSansCondensed.ttf"),
        (fonts.BOLD_ITALIC, "DejaVuSansCondensed-BoldOblique.ttf"),
    ):
        fresh = TTFont(f"fresh-{name}", str(resource_path("fonts", filename)))
        face = getFont(name).face  # type: ignore[attr-defined]
        for subset in SUBSETS:
            first = face.makeSubset(list(subset))
            assert first == fresh.face.makeSubset(list(subset))
            assert face.makeSubset(list(subset)) is first  # kept
        assert face.makeSubset(SUBSETS[1]) != face.makeSubset(SUBSETS[2])  # order matters


def test_font_files_are_compressed_once_and_text_streams_every_time() -> None:
    fonts.register_fonts()
    data = getFont(fonts.REGULAR).face.makeSubset(SUBSETS[1])  # type: ignore[attr-defined]
    deflate = Deflate()
    first = deflate.encode(data)
    assert first == zlib.compress(data, DEFLATE_LEVEL)
    assert deflate.encode(data) is first
    assert deflate.decode(first) == data
    text = "BT /F1+0 9.5 Tf 12.5 TL (Naam) Tj T* ET"
    assert deflate.encode(text) == zlib.compress(text.encode("utf8"), DEFLATE_LEVEL)


def _widths_written(font_name: str, text: str) -> list[bytes]:
    buffer = io.BytesIO()
    canvas = Canvas(buffer, invariant=1, pageCompression=0)
    canvas.setFont(font_name, 10)
    canvas.drawString(40, 700, text)
    canvas.showPage()
    canvas.save()
    return re.findall(rb"/Widths \[[^\]]*\]", buffer.getvalue())


def test_copy_fonts_write_the_widths_reportlab_writes() -> None:
    fonts.register_fonts()
    plain = TTFont("PlainForWidths", str(resource_path("fonts", "DejaVuSansCondensed.ttf")))
    plain.face.name = b"PlainForWidths"  # its own face: else reportlab aliases it to ours
    pdfmetrics.registerFont(plain)
    text = "Getuigschrift — é è ë ï ç ß € " + "".join(chr(c) for c in range(0x100, 0x220))
    expected = _widths_written("PlainForWidths", text)
    assert len(expected) == 2  # more than 256 code points: two subsets
    assert _widths_written(fonts.REGULAR, text) == expected  # cold
    assert _widths_written(fonts.REGULAR, text) == expected  # kept
