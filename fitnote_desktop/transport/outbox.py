"""The outbox worker: drains the encrypted store's queue to the endpoint.

Offline is a normal state, not an error. ``OutboxWorker.drain_once(now)`` sends every
due item once and classifies each outcome:

* receipt verified → ``accepted`` (or ``retracted``), receipt stored with the item;
* 4xx from the endpoint → ``rejected`` with the endpoint's error code: retrying the same
  signed bytes cannot succeed, the physician must act;
* timeout, refused connection, 5xx, 429, TLS failure, invalid receipt → back to
  ``queued`` with exponential backoff and jitter, and the drain stops there (no point
  hammering a dead endpoint with the rest of the batch);
* the PIN dialog cancelled → back to ``queued`` too: that is about the credentials, not
  the document;
* login refused in a way retrying cannot fix (unknown practitioner, a certificate that is
  not an authentication certificate) → the item stays ``queued`` but *held*: due at
  :data:`HELD_UNTIL`, never on its own, its error code saying why, and the runner stops
  draining. The physician's "retry now" (or the next session, which is when a changed
  signer configuration takes effect) releases it. Nothing is lost, and the platform is
  not asked again and again with credentials it refused.

``concurrency`` > 1 sends that many items at a time (the endpoint verifies signatures on
several cores); items are still claimed one by one in the store, so each is sent by one
thread only.

Exactly-once delivery rests on the document UUID as idempotency key: an item found in
``sending`` after a crash (``recover``) is simply sent again, and the endpoint answers a
repeat of the same bytes with the same receipt.

``OutboxRunner`` runs the worker on a background thread: it drains, then sleeps until
the next item is due, a wake-up (new item, "retry now") or its idle interval.
"""

from __future__ import annotations

import logging
import random
import threading
import uuid
from collections.abc import Callable
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass, field
from datetime import UTC, datetime, timedelta

from fitnote_desktop.transport.client import (
    EndpointClient,
    EndpointRejected,
    LoginFailed,
    SubmitResult,
    TransportError,
)
from fitnote_desktop.transport.ports import (
    HELD_UNTIL,
    OutboxItemLike,
    OutboxStore,
    SignedPayloads,
    is_held,
)
from fitnote_desktop.transport.receipts import pack_receipt

log = logging.getLogger("fitnote.outbox")

# The due time of a held item: it waits for the physician (see the module docstring).


@dataclass(frozen=True)
class BackoffPolicy:
    """``base * 2**(attempt-1)`` seconds, capped, then ±``jitter`` (spreads the herd)."""

    base: float = 5.0
    cap: float = 3600.0
    jitter: float = 0.2

    def delay(self, attempt: int, rng: random.Random) -> timedelta:
        raw = min(self.cap, self.base * 2 ** max(0, attempt - 1))
        factor = 1.0 + rng.uniform(-self.jitter, self.jitter)
        return timedelta(seconds=raw * factor)


@dataclass
class DrainReport:
    accepted: list[uuid.UUID] = field(default_factory=list)
    rejected: list[tuple[uuid.UUID, str]] = field(default_factory=list)
    retried: list[tuple[uuid.UUID, str]] = field(default_factory=list)
    offline: bool = False
    last_error: str | None = None
    needs_action: str | None = None  # code of a refusal only the physician can resolve

    @property
    def sent(self) -> int:
        return len(self.accepted) + len(self.rejected)


class _StopDrain(Exception):
    pass


class OutboxWorker:
    """Sends due outbox items through an :class:`EndpointClient`; one call per drain."""

    def __init__(
        self,
        outbox: OutboxStore,
        payloads: SignedPayloads,
        client: EndpointClient,
        *,
        policy: BackoffPolicy | None = None,
        clock: Callable[[], datetime] | None = None,
        rng: random.Random | None = None,
        batch_size: int = 50,
        concurrency: int = 1,
    ) -> None:
        self.outbox = outbox
        self.payloads = payloads
        self.client = client
        self.policy = policy or BackoffPolicy()
        self.clock = clock or (lambda: datetime.now(UTC))
        self.rng = rng or random.Random()  # noqa: S311 - jitter, not cryptography
        self.batch_size = batch_size
        self.concurrency = max(1, concurrency)

    def recover(self) -> int:
        """At start-up: items a crash left in ``sending`` go back to ``queued``, and held
        items get one new attempt (a session is when a changed signer takes effect)."""
        count = self.outbox.requeue_interrupted()
        if count:
            log.info("outbox: %d interrupted item(s) requeued", count)
        now = self.clock()
        for item in self.outbox.list(statuses=("queued",)):
            if is_held(item.next_attempt_at):
                self.outbox.reschedule(
                    item.id,
                    next_attempt_at=now,
                    error_code=item.last_error_code or "",
                    detail=item.last_error_detail,
                )
        return count

    def drain_once(self, now: datetime | None = None) -> DrainReport:
        """Send every item due at ``now`` (default: the clock), until done or offline."""
        report = DrainReport()
        moment = now or self.clock()
        seen: set[int] = set()
        stop = threading.Event()

        def one(item: OutboxItemLike) -> None:
            if stop.is_set():
                return
            try:
                self._send_one(item, report)
            except _StopDrain:
                stop.set()

        pool = (
            ThreadPoolExecutor(self.concurrency, thread_name_prefix="fitnote-outbox-send")
            if self.concurrency > 1
            else None
        )
        try:
            while not stop.is_set():
                items = [
                    i for i in self.outbox.due_items(moment, self.batch_size) if i.id not in seen
                ]
                if not items:
                    break
                seen.update(i.id for i in items)
                if pool is None:
                    for item in items:
                        one(item)
                else:
                    list(pool.map(one, items))
        finally:
            if pool is not None:
                pool.shutdown(wait=True)
        report.offline = stop.is_set()
        return report

    def _send_one(self, item: OutboxItemLike, report: DrainReport) -> None:
        try:
            claimed = self.outbox.mark_sending(item.id)
        except Exception:  # claimed by someone else meanwhile (store raises its own type)
            return
        doc_id = claimed.document_id
        operation = str(claimed.operation)
        try:
            if operation == "retract":
                signed = self.payloads.signed_retraction(doc_id)
                if signed is None:
                    self._retry(
                        claimed,
                        report,
                        "retract.not_signed",
                        "the retraction statement must be signed again",
                    )
                    return
                result = self.client.retract(str(doc_id), *signed)
            else:
                payload, signature = self.payloads.signed_document(doc_id)
                result = self.client.submit(payload, signature, str(doc_id))
        except LoginFailed as exc:
            detail = f"login refused (HTTP {exc.status})"
            if exc.retryable:
                self._retry(claimed, report, exc.code, detail)
            else:
                self._hold(claimed, report, exc.code, detail)
            raise _StopDrain from None
        except EndpointRejected as exc:
            detail = f"HTTP {exc.status}" + (f" field {exc.field}" if exc.field else "")
            if exc.findings:
                detail += " rules " + ",".join(sorted({f.get("code", "") for f in exc.findings}))
            self.outbox.mark_result(claimed.id, "rejected", error_code=exc.code, detail=detail)
            report.rejected.append((doc_id, exc.code))
            log.info("outbox: document %s rejected (%s)", doc_id, exc.code)
            return
        except TransportError as exc:
            self._retry(claimed, report, exc.code, str(exc))
            if exc.code != "receipt.invalid":
                raise _StopDrain from None
            return
        except Exception as exc:  # signer cancelled/failed, store hiccup: keep the item
            code = str(getattr(exc, "code", "") or "outbox.internal_error")
            self._retry(claimed, report, code, type(exc).__name__)
            raise _StopDrain from None
        self._accept(claimed, result, report)

    def _accept(self, item: OutboxItemLike, result: SubmitResult, report: DrainReport) -> None:
        self.outbox.mark_result(
            item.id,
            "accepted",
            receipt=pack_receipt(result.receipt_bytes, result.receipt_signature),
            payload_hash=result.receipt.payload_sha256,
            received_at=result.receipt.received_at,
        )
        report.accepted.append(item.document_id)

    def _hold(self, item: OutboxItemLike, report: DrainReport, code: str, detail: str) -> None:
        """Keep the item, due only when the physician acts (see :data:`HELD_UNTIL`)."""
        self.outbox.reschedule(item.id, next_attempt_at=HELD_UNTIL, error_code=code, detail=detail)
        report.retried.append((item.document_id, code))
        report.last_error = report.needs_action = code
        log.info("outbox: document %s held until the physician acts (%s)", item.document_id, code)

    def _retry(self, item: OutboxItemLike, report: DrainReport, code: str, detail: str) -> None:
        delay = self.policy.delay(item.attempts, self.rng)
        self.outbox.reschedule(
            item.id, next_attempt_at=self.clock() + delay, error_code=code, detail=detail[:200]
        )
        report.retried.append((item.document_id, code))
        report.last_error = code
        log.info(
            "outbox: document %s retry in %.0f s (%s)",
            item.document_id,
            delay.total_seconds(),
            code,
        )


class OutboxRunner:
    """The worker on a daemon thread: drain, sleep, repeat; ``wake()`` to drain now.

    While the endpoint is unreachable it backs off on its own (same policy, counted in
    consecutive failed drains) so a laptop offline for a day makes a handful of
    attempts per hour, not thousands.
    """

    def __init__(
        self,
        worker: OutboxWorker,
        *,
        idle_interval: float = 60.0,
        on_report: Callable[[DrainReport], None] | None = None,
    ) -> None:
        self.worker = worker
        self.idle_interval = idle_interval
        self.on_report = on_report
        self._wake = threading.Event()
        self._stop = threading.Event()
        self._thread: threading.Thread | None = None
        self._failures = 0
        self.last_report: DrainReport | None = None

    @property
    def online(self) -> bool:
        return self.last_report is None or not self.last_report.offline

    def start(self) -> None:
        if self._thread is not None:
            return
        self.worker.recover()
        self._thread = threading.Thread(target=self._loop, name="fitnote-outbox", daemon=True)
        self._thread.start()

    def wake(self) -> None:
        self._failures = 0
        self._wake.set()

    def stop(self, timeout: float = 10.0) -> None:
        self._stop.set()
        self._wake.set()
        if self._thread is not None:
            self._thread.join(timeout)
            self._thread = None

    def _loop(self) -> None:
        while not self._stop.is_set():
            self._wake.clear()
            try:
                report = self.worker.drain_once()
            except Exception as exc:  # never let the thread die; the store may be closing
                log.warning("outbox: drain failed (%s)", type(exc).__name__)
                report = DrainReport(offline=True, last_error="outbox.internal_error")
            self.last_report = report
            if self.on_report is not None:
                try:
                    self.on_report(report)
                except Exception:  # a UI callback must not kill the sender
                    log.exception("outbox: report callback failed")
            if report.needs_action is not None:  # no automatic retry: wait for wake()
                self._wake.wait()
                continue
            if report.offline:
                self._failures += 1
                wait = self.worker.policy.delay(self._failures, self.worker.rng).total_seconds()
            else:
                self._failures = 0
                wait = self.idle_interval
            self._wake.wait(timeout=min(wait, self.idle_interval * 10))
