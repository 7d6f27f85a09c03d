"""Signing and sending: the moment a draft becomes a signed, immutable document.

Offline is not an error: a document is signed locally and waits in the outbox until
the endpoint answers. Any failure before the signature leaves the draft untouched.
"""

from __future__ import annotations

import logging

from fitnote_desktop.domain import canonical
from fitnote_desktop.domain.findings import has_errors
from fitnote_desktop.domain.lifecycle import Action, DocumentStatus
from fitnote_desktop.domain.validation import validate
from fitnote_desktop.services.errors import ServiceError, translating
from fitnote_desktop.services.guard import require
from fitnote_desktop.services.ports import (
    Clock,
    DocumentRecord,
    DocumentRepository,
    PinCallback,
    Progress,
    Sender,
    Signer,
)

log = logging.getLogger(__name__)


def _no_progress(_code: str) -> None:
    return None


class Sending:
    """Sign (PIN through a callback), store immutably, queue; retract what was sent.

    ``signer`` is None when the profile has no signer configured: every signature is
    then refused with ``signing.config_invalid``.
    """

    def __init__(
        self,
        *,
        documents: DocumentRepository,
        sender: Sender,
        signer: Signer | None,
        clock: Clock,
    ) -> None:
        self._documents = documents
        self._sender = sender
        self.signer = signer
        self._clock = clock

    def _signer(self) -> Signer:
        if self.signer is None:
            raise ServiceError("signing.config_invalid")
        return self.signer

    def sign_and_send(
        self, document_id: str, pin: PinCallback, progress: Progress = _no_progress
    ) -> DocumentRecord:
        """Validate, sign, store the signed bytes, queue them and wake the outbox."""
        with translating("store.error"):
            record = self._documents.get(document_id)
        require(record, Action.SIGN, "document.already_signed")
        findings = validate(record.document, today=self._clock())
        if has_errors(findings):
            raise ServiceError("document.has_errors", count=len(findings))
        signer = self._signer()
        payload = canonical.canonical_bytes(record.document)
        progress("progress.signing")
        with translating("signing.token_error"):
            signature = signer.sign(payload, pin)
        with translating("store.error"):
            record = self._documents.mark_signed(document_id, payload, signature)
        if record.document.replaces:
            self._supersede(record.document.replaces, document_id)
        if record.document.sent_electronically:
            progress("progress.sending")
            with translating("store.error"):
                self._sender.enqueue(document_id)
            try:
                self._sender.retry_now(document_id)
            except Exception as exc:  # offline: stays queued, the worker retries
                log.info("send deferred: %s", type(exc).__name__)
        with translating("store.error"):
            return self._documents.get(document_id)

    def _supersede(self, original_id: str, by_id: str) -> None:
        """The corrected document is signed: the original shows as replaced by it."""
        try:
            self._documents.mark_replaced(original_id, by_id)
        except Exception as exc:  # issued elsewhere, or still in the outbox: nothing to mark
            log.info("original not marked replaced (%s)", type(exc).__name__)

    def retract(self, document_id: str, pin: PinCallback) -> DocumentRecord:
        """Withdraw a signed document: a signed retraction goes through the outbox.

        A document that never left the laptop (paper only) is retracted locally.
        """
        with translating("store.error"):
            record = self._documents.get(document_id)
        require(record, Action.RETRACT, "lifecycle.retract_not_sent")
        if record.status is DocumentStatus.SIGNED:
            with translating("store.error"):
                return self._documents.set_status(document_id, DocumentStatus.RETRACTED)
        signer = self._signer()
        with translating("transport.error"):
            self._sender.retract(document_id, lambda data: signer.sign(data, pin))
        with translating("store.error"):
            return self._documents.get(document_id)
