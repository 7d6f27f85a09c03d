"""The documents layer's KMEHR 1.42 export and import as the ``KmehrCodec`` port."""

from __future__ import annotations

from datetime import datetime

from fitnote_desktop.domain.model import Document


class LxmlKmehr:
    """Imports the KMEHR writer and reader (lxml) at the first message, not at start."""

    def export(self, document: Document, recipient: str, now: datetime) -> bytes:
        from fitnote_desktop.documents.kmehr import export_kmehr

        return export_kmehr(document, recipient, now=now)

    def read(self, data: bytes) -> Document:
        from fitnote_desktop.documents.kmehr import import_kmehr

        return import_kmehr(data)
