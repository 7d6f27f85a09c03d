"""The documents layer's PDF copies as the ``PdfRenderer`` port."""

from __future__ import annotations

from fitnote_desktop.domain.model import Document, Recipient


class ReportlabRenderer:
    """Imports the documents layer at the first PDF: reportlab is heavy to load."""

    def render(
        self,
        document: Document,
        recipient: Recipient,
        language: str,
        *,
        draft: bool,
        content_sha256: str | None = None,
    ) -> bytes:
        from fitnote_desktop.documents import render
        from fitnote_desktop.documents.reference import signed_reference

        reference = None
        if content_sha256 is not None:
            reference = signed_reference(document.id, content_sha256)
        return bytes(render(document, recipient, language, draft=draft, reference=reference))
