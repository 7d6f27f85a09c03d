"""What leaves the app as a file: PDF copies per recipient and KMEHR messages.

A signed document is printed with the reference of the bytes that were signed (the
stored payload), not of a re-encoding: a payload signed in an older shape re-encodes
differently, and the paper must match what the endpoint holds.
"""

from __future__ import annotations

from fitnote_desktop.domain.datasets import addressed_to
from fitnote_desktop.domain.lifecycle import DocumentStatus
from fitnote_desktop.domain.model import DocumentKind, Recipient
from fitnote_desktop.services.context import DocumentCheck
from fitnote_desktop.services.errors import ServiceError, translating
from fitnote_desktop.services.follow_ups import followed
from fitnote_desktop.services.ports import (
    Clock,
    DocumentRepository,
    KmehrCodec,
    Now,
    PdfRenderer,
    Profile,
)
from fitnote_desktop.services.sending import refusal

KMEHR_RECIPIENTS = ("advising-physician", "medex", "employer", "patient")


class Copies:
    """``renderer`` / ``kmehr`` are None where PDFs / KMEHR are not available
    (then ``documents.unavailable``)."""

    def __init__(
        self,
        *,
        documents: DocumentRepository,
        renderer: PdfRenderer | None,
        kmehr: KmehrCodec | None = None,
        profile: Profile,
        clock: Clock,
        now: Now,
    ) -> None:
        self._documents = documents
        self._renderer = renderer
        self._kmehr = kmehr
        self._now = now
        self._check = DocumentCheck(profile=profile, documents=documents, clock=clock, now=now)

    def render(self, document_id: str, recipient: Recipient, language: str) -> bytes:
        """The recipient's copy in ``language`` (only the dataset that recipient gets).

        A prolongation or replacement names what its reader sees changed since the
        document it follows, when that one is stored here.
        """
        if self._renderer is None:
            raise ServiceError("documents.unavailable")
        with translating("store.error"):
            record = self._documents.get(document_id)
        draft = record.status is DocumentStatus.DRAFT
        original = followed(self._documents, record)
        with translating("app.unexpected"):
            return self._renderer.render(
                record.document,
                recipient,
                language,
                draft=draft,
                content_sha256=None if draft else record.payload_sha256 or None,
                previous=original.record.document if original is not None else None,
                previous_reference=original.reference if original is not None else None,
            )

    def export_kmehr(self, document_id: str, recipient: str) -> bytes:
        """The KMEHR 1.42 message of a certificate for one recipient's EMR or mutuality.

        ``recipient``: one of :data:`KMEHR_RECIPIENTS`. The document is checked as
        addressed to that recipient first, draft or signed (a message with errors is
        refused by the real flow, e.g. a 4-month certificate sent to the mutuality).
        The fit-note's ICF capacities are not part of the message: they travel through
        the endpoint only.
        """
        if self._kmehr is None:
            raise ServiceError("documents.unavailable")
        if recipient not in KMEHR_RECIPIENTS:
            raise ServiceError("kmehr.recipient_unknown")
        with translating("store.error"):
            record = self._documents.get(document_id)
        if record.document.kind is not DocumentKind.INCAPACITY:
            raise ServiceError("kmehr.not_exportable")
        # an export is a sending to that recipient: its rules hold, draft or signed
        dataset = Recipient.ADVISING_PHYSICIAN if recipient == "medex" else Recipient(recipient)
        addressed = addressed_to(record.document, dataset)
        refused = refusal(self._check.findings(addressed, record.patient_id))
        if refused is not None:
            raise refused
        with translating("kmehr.not_exportable"):
            return self._kmehr.export(record.document, recipient, self._now())
