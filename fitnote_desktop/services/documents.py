"""PDF copies of a document, one per recipient (drafts carry a watermark)."""

from __future__ import annotations

from fitnote_desktop.domain.lifecycle import DocumentStatus
from fitnote_desktop.domain.model import Recipient
from fitnote_desktop.services.errors import ServiceError, translating
from fitnote_desktop.services.ports import DocumentRepository, PdfRenderer


class Copies:
    """``renderer`` is None where PDFs are not available (then ``documents.unavailable``)."""

    def __init__(self, *, documents: DocumentRepository, renderer: PdfRenderer | None) -> None:
        self._documents = documents
        self._renderer = renderer

    def render(self, document_id: str, recipient: Recipient, language: str) -> bytes:
        """The recipient's copy in ``language`` (only the dataset that recipient gets)."""
        if self._renderer is None:
            raise ServiceError("documents.unavailable")
        with translating("store.error"):
            record = self._documents.get(document_id)
        with translating("app.unexpected"):
            return self._renderer.render(
                record.document,
                recipient,
                language,
                draft=record.status is DocumentStatus.DRAFT,
            )
