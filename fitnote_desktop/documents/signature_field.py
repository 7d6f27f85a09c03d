"""The empty PAdES signature field of a copy, written by reportlab with the page itself.

A copy that will be signed carries an empty signature field (``/FT /Sig``) over the dashed
box of its signature block, so that :func:`fitnote_desktop.documents.sign_pdf` only has to
fill it. It used to be appended by pyHanko as an incremental update after rendering:
parsing the fresh PDF again and writing a second revision cost about a tenth of a copy's
time (issue 14's profile). Written into the page's annotations and the catalog's
``/AcroForm`` while reportlab builds the document, it is the same field (the same keys
pyHanko's ``append_signature_field`` writes: widget flags print + locked, an empty normal
appearance, ``/SigFlags 1``) in the first and only revision.
"""

from __future__ import annotations

from reportlab.pdfbase.pdfdoc import (
    PDFArray,
    PDFDictionary,
    PDFName,
    PDFStream,
    PDFString,
)
from reportlab.pdfgen.canvas import Canvas

PRINT_AND_LOCKED = 4 | 128  # annotation flags: printed, not movable or deletable


def add_signature_field(
    canv: Canvas, box: tuple[float, float, float, float], field_name: str
) -> None:
    """Put an empty signature field over ``box`` (points) on the canvas's current page.

    Call it while the canvas is on that page (before its ``showPage``); one field per
    document. The box is rounded to whole points, as pyHanko's field specification does.
    """
    x0, y0, x1, y1 = (round(v) for v in box)
    appearance = PDFStream(
        PDFDictionary(
            {
                "Type": PDFName("XObject"),
                "Subtype": PDFName("Form"),
                "BBox": PDFArray([0, y1 - y0, x1 - x0, 0]),
                "Resources": PDFDictionary({}),
            }
        ),
        content=b"",
    )
    doc = canv._doc  # type: ignore[attr-defined]  # reportlab's document behind the canvas
    widget = PDFDictionary(
        {
            "FT": PDFName("Sig"),
            "T": PDFString(field_name),
            "Type": PDFName("Annot"),
            "Subtype": PDFName("Widget"),
            "F": PRINT_AND_LOCKED,
            "Rect": PDFArray([x0, y0, x1, y1]),
            "P": doc.thisPageRef(),
            "AP": PDFDictionary({"N": doc.Reference(appearance)}),
        }
    )
    canv._addAnnotation(widget, name=field_name)  # type: ignore[attr-defined]  # no public API
    doc.Catalog.AcroForm = PDFDictionary(
        {"Fields": PDFArray([doc.refAnnotation(field_name)]), "SigFlags": 1}
    )
