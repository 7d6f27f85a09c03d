"""The store's outbox drained by the transport's worker, as the ``Sender`` port.

The worker (and the transport modules with pyHanko behind them, about a second of
imports) is started on a helper thread, so the main window is interactive without
waiting for it; nothing is lost meanwhile, the queue lives in the store.
"""

from __future__ import annotations

import base64
import logging
import threading
from collections.abc import Callable, Sequence
from datetime import UTC, datetime
from typing import TYPE_CHECKING

from fitnote_desktop.adapters.ids import as_uuid
from fitnote_desktop.domain import canonical
from fitnote_desktop.domain.lifecycle import DocumentStatus
from fitnote_desktop.domain.model import Document
from fitnote_desktop.services.errors import ServiceError
from fitnote_desktop.services.ports import ConnectionState, OutboxEntry, OutboxMark
from fitnote_desktop.store import (
    DocumentRepository,
    OutboxItem,
    OutboxOperation,
    OutboxRepository,
    OutboxStatus,
)
from fitnote_desktop.store.errors import RecordNotFoundError
from fitnote_desktop.transport.ports import is_held

if TYPE_CHECKING:
    from fitnote_desktop.transport.client import EndpointClient
    from fitnote_desktop.transport.outbox import OutboxRunner
    from fitnote_desktop.transport.ports import StorePayloads

log = logging.getLogger(__name__)

RECENT_DELIVERED = 20


class OutboxSender:
    """``client`` is None when the profile has no endpoint: documents wait, marked so."""

    def __init__(
        self,
        *,
        outbox: OutboxRepository,
        documents: DocumentRepository,
        client: EndpointClient | None,
        idle_interval: float = 30.0,
        clock: Callable[[], datetime] | None = None,
        background_start: bool = True,
    ) -> None:
        self.outbox = outbox
        self.documents = documents
        self.client = client
        self.idle_interval = idle_interval
        self.clock = clock or (lambda: datetime.now(UTC))
        self._payloads: StorePayloads | None = None
        self.runner: OutboxRunner | None = None
        self._lock = threading.Lock()
        self._closed = False
        self._started = threading.Event()
        if client is None:
            self._started.set()
        elif background_start:
            threading.Thread(
                target=self._start, args=(client,), name="fitnote-outbox-start", daemon=True
            ).start()
        else:
            self._start(client)

    @property
    def payloads(self) -> StorePayloads:
        with self._lock:
            if self._payloads is None:
                from fitnote_desktop.transport.ports import StorePayloads

                self._payloads = StorePayloads(self.documents)
            return self._payloads

    def _start(self, client: EndpointClient) -> None:
        try:
            from fitnote_desktop.transport.outbox import OutboxRunner, OutboxWorker

            worker = OutboxWorker(self.outbox, self.payloads, client)
            runner = OutboxRunner(worker, idle_interval=self.idle_interval)
            with self._lock:
                if self._closed:
                    return
                self.runner = runner
                runner.start()
        except Exception as exc:  # the app works offline; the status bar says so
            log.warning("outbox worker did not start (%s)", type(exc).__name__)
        finally:
            self._started.set()

    def close(self) -> None:
        self._started.wait(timeout=30)
        with self._lock:
            self._closed = True
            runner, self.runner = self.runner, None
        if runner is not None:
            runner.stop(timeout=5)
        if self.client is not None:
            self.client.close()

    def _wake(self) -> None:
        if self.runner is not None:
            self.runner.wake()

    def enqueue(self, document_id: str) -> None:
        self.outbox.enqueue(as_uuid(document_id), OutboxOperation.SUBMIT)
        self._wake()

    def _patient_name(self, item: OutboxItem) -> str:
        try:
            record = self.documents.get(item.document_id)
        except RecordNotFoundError:  # the document may be gone from this store
            return ""
        return canonical.document_from_bytes(bytes(record.payload)).patient.full_name

    def _listed(self) -> list[OutboxItem]:
        """Everything waiting or refused, then the last few delivered (oldest first).

        The outbox table keeps every item ever sent; the views (refreshed every couple
        of seconds) must not read years of history.
        """
        pending = self.outbox.list(statuses=("queued", "sending", "rejected"))
        done = self.outbox.list(statuses=("accepted", "retracted"))[-RECENT_DELIVERED:]
        return [*done, *pending]

    def entries(self) -> Sequence[OutboxEntry]:
        """The listed items (:meth:`_listed`) for the outbox view, newest first, each with
        its patient's name (read from the signed document)."""
        out = []
        for item in self._listed():
            queued = item.status is OutboxStatus.QUEUED
            held = queued and is_held(item.next_attempt_at)
            out.append(
                OutboxEntry(
                    document_id=str(item.document_id),
                    patient_name=self._patient_name(item),
                    status=DocumentStatus(item.status.value),
                    attempts=item.attempts,
                    last_error=item.last_error_code,
                    next_attempt_at=item.next_attempt_at if queued and not held else None,
                    updated_at=item.updated_at,
                    needs_action=held,
                )
            )
        return list(reversed(out))

    def statuses(self) -> Sequence[OutboxMark]:
        """The same items as :meth:`entries`, newest first, with only what a status poll
        compares: no document is read or decoded (the poll runs every two seconds on
        the UI thread; decoding each item for a name cost about 1 ms per item)."""
        return [
            (str(item.document_id), item.status.value, item.updated_at)
            for item in reversed(self._listed())
        ]

    def retry_now(self, document_id: str | None = None) -> None:
        """Make due now: queued items are rescheduled to now, rejected ones re-queued."""
        now = self.clock()
        items = self.outbox.list(document_id=as_uuid(document_id) if document_id else None)
        for item in items:
            if item.status is OutboxStatus.QUEUED and item.next_attempt_at > now:
                self.outbox.reschedule(
                    item.id,
                    next_attempt_at=now,
                    error_code=item.last_error_code or "",
                    detail=item.last_error_detail,
                )
            elif item.status is OutboxStatus.REJECTED and document_id is not None:
                self.outbox.enqueue(item.document_id, item.operation)
        self._wake()

    def state(self) -> ConnectionState:
        queued = len(self.outbox.list(statuses=("queued", "sending")))
        if self.client is None:
            return ConnectionState(False, queued, "transport.not_configured")
        runner = self.runner
        if runner is None:  # still starting
            return ConnectionState(True, queued, None)
        report = runner.last_report
        online = runner.online
        if report is not None and report.needs_action is not None:  # reached, but refused
            return ConnectionState(True, queued, report.needs_action)
        detail = report.last_error if (report is not None and not online) else None
        return ConnectionState(online, queued, detail or (None if online else "transport.offline"))

    def retract(
        self, document_id: str, sign: Callable[[bytes], bytes], reason: str = "error"
    ) -> None:
        from fitnote_desktop.wire.retraction import retraction_bytes

        ident = as_uuid(document_id)
        payload = retraction_bytes(str(ident), reason, self.clock())
        cms = sign(payload)
        self.payloads.remember_retraction(ident, payload, cms)
        self.outbox.enqueue(ident, OutboxOperation.RETRACT)
        self._wake()

    def fetch_episode(
        self, reference: str, consent_reference: str, patient_niss: str
    ) -> list[Document]:
        """The accepted documents of the episode ``reference`` belongs to."""
        if self.client is None:
            raise ServiceError("transport.offline")
        data = self.client.episode_lookup(patient_niss, consent_reference)
        docs = [
            canonical.document_from_bytes(base64.b64decode(d["payload"]))
            for d in data.get("documents", ())
            if d.get("status") == "accepted"
        ]
        match = [d for d in docs if str(d.id) == reference.strip()]
        if match and match[0].episode_id:
            return [d for d in docs if d.episode_id == match[0].episode_id]
        return docs
