"""The documents layer's PDF copies as the ``PdfRenderer`` port."""

from __future__ import annotations

from fitnote_desktop.domain.model import Document, Recipient


class ReportlabRenderer:
    """Imports the documents layer at the first PDF: reportlab is heavy to load.

    ``verify_base_url`` is the base URL of the endpoint the profile sends to: the QR code
    of a signed copy leads to that endpoint's verification page (None: no endpoint is
    configured, the QR code carries the reference only).
    """

    def __init__(self, verify_base_url: str | None = None) -> None:
        self._verify_base_url = verify_base_url

    def render(
        self,
        document: Document,
        recipient: Recipient,
        language: str,
        *,
        draft: bool,
        content_sha256: str | None = None,
        previous: Document | None = None,
        previous_reference: str | None = None,
    ) -> bytes:
        from fitnote_desktop.documents import render
        from fitnote_desktop.domain.reference import signed_reference

        reference = None
        if content_sha256 is not None:
            reference = signed_reference(document.id, content_sha256)
        return bytes(
            render(
                document,
                recipient,
                language,
                draft=draft,
                reference=reference,
                verify_base_url=self._verify_base_url,
                previous=previous,
                previous_reference=previous_reference,
            )
        )
