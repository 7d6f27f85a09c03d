"""Signing and sending: the moment a draft becomes a signed, immutable document.

Offline is not an error: a document is signed locally and waits in the outbox until
the endpoint answers. Any failure before the signature leaves the draft untouched.
"""

from __future__ import annotations

import logging

from fitnote_desktop.domain import canonical
from fitnote_desktop.domain.findings import Finding, Severity
from fitnote_desktop.domain.lifecycle import Action, DocumentStatus
from fitnote_desktop.services.context import DocumentCheck
from fitnote_desktop.services.errors import ServiceError, translating
from fitnote_desktop.services.guard import require
from fitnote_desktop.services.ports import (
    Clock,
    DocumentRecord,
    DocumentRepository,
    Now,
    PinCallback,
    Profile,
    Progress,
    Sender,
    Signer,
)
from fitnote_desktop.wire.retraction import RETRACTION_REASONS

log = logging.getLogger(__name__)


OVERLAP = "certificate.overlaps"


def _no_progress(_code: str) -> None:
    return None


def refusal(findings: list[Finding]) -> ServiceError | None:
    """Why signing is refused, or None. An overlap is named first: the physician can open
    the other certificate (its ``reference``, ``begin`` and ``end`` travel as params)."""
    errors = [f for f in findings if f.severity is Severity.ERROR]
    if not errors:
        return None
    overlap = next((f for f in errors if f.code == OVERLAP), None)
    if overlap is not None:
        return ServiceError(OVERLAP, **overlap.params)
    return ServiceError("document.has_errors", count=len(errors))


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
        profile: Profile,
        clock: Clock,
        now: Now,
    ) -> None:
        self._documents = documents
        self._sender = sender
        self.signer = signer
        self._check = DocumentCheck(profile=profile, documents=documents, clock=clock, now=now)

    def _signer(self) -> Signer:
        if self.signer is None:
            raise ServiceError("signing.config_invalid")
        return self.signer

    def sign_and_send(
        self, document_id: str, pin: PinCallback, progress: Progress = _no_progress
    ) -> DocumentRecord:
        """Validate in context, sign, store the signed bytes, queue them, wake the outbox.

        The rules see the patient's other standing certificates, the signing moment and
        the signer's role; any error refuses the signature (an overlap by its name).
        """
        with translating("store.error"):
            record = self._documents.get(document_id)
        require(record, Action.SIGN, "document.already_signed")
        refused = refusal(self._check.findings(record.document, record.patient_id))
        if refused is not None:
            raise refused
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

    def retract(self, document_id: str, pin: PinCallback, reason: str = "error") -> DocumentRecord:
        """Withdraw a signed document: a signed retraction goes through the outbox.

        ``reason`` is a code of ``RETRACTION_REASONS`` (error, replaced, patient's request,
        other), never free text. A document that never left the laptop (paper only) is
        retracted locally.
        """
        if reason not in RETRACTION_REASONS:  # the UI offers only these: a programming error
            raise ValueError(f"unknown retraction reason {reason!r}")
        with translating("store.error"):
            record = self._documents.get(document_id)
        require(record, Action.RETRACT, "lifecycle.retract_not_sent")
        if record.status is DocumentStatus.SIGNED:
            with translating("store.error"):
                return self._documents.set_status(document_id, DocumentStatus.RETRACTED)
        signer = self._signer()
        with translating("transport.error"):
            self._sender.retract(document_id, lambda data: signer.sign(data, pin), reason)
        with translating("store.error"):
            return self._documents.get(document_id)
