"""The documents layer's PDF copies as the ``PdfRenderer`` port."""

from __future__ import annotations

from fitnote_desktop.domain.model import Document, Recipient


class ReportlabRenderer:
    """Imports the documents layer at the first PDF: reportlab is heavy to load."""

    def render(
        self, document: Document, recipient: Recipient, language: str, *, draft: bool
    ) -> bytes:
        from fitnote_desktop.documents import render

        return bytes(render(document, recipient, language, draft=draft))
