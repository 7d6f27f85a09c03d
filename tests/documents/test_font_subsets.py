"""The faces' kept subsets (``fonts._keep_subsets``) and the compressed font files
(``page_furniture.Deflate``) are what reportlab makes afresh: same bytes, served from
memory the second time."""

from __future__ import annotations

import zlib

from reportlab.pdfbase.pdfmetrics import getFont
from reportlab.pdfbase.ttfonts import TTFont

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
