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

A drain is a pipeline: the worker claims up to ``batch_size`` due items in one store
transaction (``sending``, committed *before* anything is sent), ``concurrency`` threads
send them over the client's keep-alive connections, and the outcomes are written back
together with the next claims, again in one transaction. So the encrypted store commits
(and fsyncs) once per step, not twice per document, and the network never waits for the
disk. The signed bytes of a step's claims are read in one query on the draining thread,
and the draining thread sleeps until the senders need a refill or the next step is due.
When the drain stops (endpoint unreachable), claimed items whose turn had not come
are released unsent, their attempt not counted.

Exactly-once delivery rests on the document UUID as idempotency key: an item found in
``sending`` after a crash (``recover``) is simply sent again, and the endpoint answers a
repeat of the same bytes with the same receipt. That covers a crash between a receipt's
arrival and the commit of its step too: the receipt is fetched again by the resend.

``OutboxRunner`` runs the worker on a background thread: it drains, then sleeps until
the next item is due, a wake-up (new item, "retry now") or its idle interval.
"""

from __future__ import annotations

import contextlib
import logging
import queue
import random
import threading
import time
import uuid
from collections import deque
from collections.abc import Callable, Mapping, Sequence
from concurrent.futures import Future, ThreadPoolExecutor
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
    OutboxChanges,
    OutboxItemLike,
    OutboxStore,
    SignedPayloads,
    is_held,
)
from fitnote_desktop.transport.receipts import pack_receipt

log = logging.getLogger("fitnote.outbox")

FLUSH_INTERVAL = 0.5  # seconds: outcomes wait at most this long for their step's commit

_Change = Callable[[OutboxChanges], object]


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

    @property
    def contacted(self) -> bool:
        """Whether this drain tried the endpoint at all (an empty queue tells nothing)."""
        return bool(self.accepted or self.rejected or self.retried or self.offline)


class _StopDrain(Exception):
    pass


class OutboxWorker:
    """Sends due outbox items through an :class:`EndpointClient`; one call per drain.

    ``drain_once`` is not re-entrant: one drain at a time per worker.
    """

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
        self.batch_size = max(1, batch_size)
        self.concurrency = max(1, concurrency)
        # outcomes of the sending threads, written by the draining thread at its next step
        self._changes: queue.SimpleQueue[_Change] = queue.SimpleQueue()

    def recover(self) -> int:
        """At start-up: items a crash left in ``sending`` go back to ``queued``, and held
        items get one new attempt (a session is when a changed signer takes effect)."""
        count = self.outbox.requeue_interrupted()
        if count:
            log.info("outbox: %d interrupted item(s) requeued", count)
        now = self.clock()
        held = [i for i in self.outbox.list(statuses=("queued",)) if is_held(i.next_attempt_at)]
        if held:
            with self.outbox.batch() as batch:
                for item in held:
                    batch.reschedule(
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
        stop = threading.Event()
        seen: set[int] = set()
        requeued = 0  # items this drain put back to queued: due_items may list them again
        in_flight: set[Future[None]] = set()
        exhausted = False
        last_step = time.monotonic()
        signed: dict[uuid.UUID, tuple[bytes, bytes]] = {}  # read per step, taken per send

        closing = threading.Event()

        def one(item: OutboxItemLike) -> None:
            if stop.is_set() or closing.is_set():
                self._defer(lambda batch: batch.release(item.id))
                return
            try:
                self._send_one(item, report, signed.pop(item.document_id, None))
            except _StopDrain:
                stop.set()

        senders = _Threads(self.concurrency) if self.concurrency > 1 else _InPlace()
        try:
            while True:
                # refill when the senders are about to run dry; commit outcomes at least
                # every FLUSH_INTERVAL so the outbox view does not lag behind the wire
                refill = not (stop.is_set() or exhausted) and len(in_flight) <= self.concurrency
                if refill or not in_flight or time.monotonic() - last_step >= FLUSH_INTERVAL:
                    due: list[OutboxItemLike] = []
                    if refill:
                        due, exhausted = self._due(
                            moment, self.batch_size - len(in_flight), seen, requeued
                        )
                    claimed, requeued_now = self._step(due)
                    requeued += requeued_now
                    last_step = time.monotonic()
                    signed.update(self._read_signed(claimed))
                    in_flight.update(senders.submit(one, item) for item in claimed)
                if not in_flight:
                    if stop.is_set() or exhausted:
                        break
                    continue
                flush_in = FLUSH_INTERVAL - (time.monotonic() - last_step)
                done, in_flight = senders.wait(in_flight, max(0.0, flush_in))
                for future in done:
                    future.result()  # a bug in the worker must not pass silently
        finally:
            closing.set()  # after a bug: what has not started is released, not sent
            senders.shutdown()
            self._step(())  # the outcomes of the last items
        report.offline = stop.is_set()
        return report

    def _due(
        self, moment: datetime, wanted: int, seen: set[int], requeued: int
    ) -> tuple[list[OutboxItemLike], bool]:
        """Up to ``wanted`` items due at ``moment`` not yet taken in this drain (added to
        ``seen``), and whether that is all of them. ``requeued`` items of this drain may be
        due again (a ``now`` in the future): they are listed too, then left out."""
        listed = self.outbox.due_items(moment, wanted + requeued)
        due = [i for i in listed if i.id not in seen][:wanted]
        seen.update(i.id for i in due)
        return due, len(listed) < wanted + requeued

    def _defer(self, change: _Change) -> None:
        self._changes.put(change)

    def _step(self, claim: Sequence[OutboxItemLike]) -> tuple[list[OutboxItemLike], int]:
        """One transaction: the outcomes deferred so far, then the claims of ``claim``.

        Returns the claimed items (some may have been claimed elsewhere meanwhile) and how
        many items went back to ``queued``.
        """
        changes: list[_Change] = []
        while True:
            try:
                changes.append(self._changes.get_nowait())
            except queue.Empty:
                break
        if not changes and not claim:
            return [], 0
        claimed: list[OutboxItemLike] = []
        requeued = 0
        with self.outbox.batch() as batch:
            for change in changes:
                try:
                    result = change(batch)
                except Exception as exc:  # refused by the state machine: that item only
                    log.warning("outbox: an outcome was not recorded (%s)", type(exc).__name__)
                    continue
                requeued += str(getattr(result, "status", "")) == "queued"
            for item in claim:
                # claimed by someone else meanwhile: the store raises its own type
                with contextlib.suppress(Exception):
                    claimed.append(batch.mark_sending(item.id))
        return claimed, requeued

    def _read_signed(
        self, claimed: Sequence[OutboxItemLike]
    ) -> Mapping[uuid.UUID, tuple[bytes, bytes]]:
        """The signed bytes of a step's claimed submissions, in one read on the draining
        thread (a read per document from the sending threads cost a pooled connection
        each). A failed read leaves each send to read its own, and to fail on its own."""
        ids = [i.document_id for i in claimed if str(i.operation) != "retract"]
        if not ids:
            return {}
        try:
            return self.payloads.signed_documents(ids)
        except Exception as exc:
            log.warning("outbox: signed documents not read ahead (%s)", type(exc).__name__)
            return {}

    def _send_one(
        self,
        claimed: OutboxItemLike,
        report: DrainReport,
        signed: tuple[bytes, bytes] | None = None,
    ) -> None:
        """Send one claimed item (``signed``: its bytes, if read ahead); its outcome is
        deferred to the drain's next step."""
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
                payload, signature = signed or self.payloads.signed_document(doc_id)
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
            code = exc.code
            self._defer(
                lambda batch: batch.mark_result(
                    claimed.id, "rejected", error_code=code, detail=detail
                )
            )
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
        receipt = pack_receipt(result.receipt_bytes, result.receipt_signature)
        self._defer(
            lambda batch: batch.mark_result(
                item.id,
                "accepted",
                receipt=receipt,
                payload_hash=result.receipt.payload_sha256,
                received_at=result.receipt.received_at,
            )
        )
        report.accepted.append(item.document_id)

    def _hold(self, item: OutboxItemLike, report: DrainReport, code: str, detail: str) -> None:
        """Keep the item, due only when the physician acts (see :data:`HELD_UNTIL`)."""
        self._defer(
            lambda batch: batch.reschedule(
                item.id, next_attempt_at=HELD_UNTIL, error_code=code, detail=detail[:200]
            )
        )
        report.retried.append((item.document_id, code))
        report.last_error = report.needs_action = code
        log.info("outbox: document %s held until the physician acts (%s)", item.document_id, code)

    def _retry(self, item: OutboxItemLike, report: DrainReport, code: str, detail: str) -> None:
        delay = self.policy.delay(item.attempts, self.rng)
        at = self.clock() + delay
        self._defer(
            lambda batch: batch.reschedule(
                item.id, next_attempt_at=at, error_code=code, detail=detail[:200]
            )
        )
        report.retried.append((item.document_id, code))
        report.last_error = code
        log.info(
            "outbox: document %s retry in %.0f s (%s)",
            item.document_id,
            delay.total_seconds(),
            code,
        )


class _Threads:
    """Sends on ``concurrency`` threads (the client's connection pool keeps one keep-alive
    connection per thread).

    :meth:`wait` returns when the senders are about to run dry (at most ``concurrency``
    sends unfinished: time to refill), when all that is left has finished, or when the
    drain's next step is due (``timeout``). ``concurrent.futures.wait`` woke the draining
    thread at every finished send and hung a waiter on each of the step's hundred futures
    every time: GIL hand-offs and lock traffic for nothing to do.
    """

    def __init__(self, concurrency: int) -> None:
        self._pool = ThreadPoolExecutor(concurrency, thread_name_prefix="fitnote-outbox-send")
        self._low = concurrency
        self._running = 0
        self._changed = threading.Condition()

    def submit(self, fn: Callable[[OutboxItemLike], None], item: OutboxItemLike) -> Future[None]:
        with self._changed:
            self._running += 1
        future = self._pool.submit(fn, item)
        future.add_done_callback(self._finished)
        return future

    def _finished(self, _future: Future[None]) -> None:
        with self._changed:
            self._running -= 1
            if self._running <= self._low:
                self._changed.notify_all()

    def wait(
        self, in_flight: set[Future[None]], timeout: float
    ) -> tuple[set[Future[None]], set[Future[None]]]:
        with self._changed:
            self._changed.wait_for(
                lambda: self._running < len(in_flight) and self._running <= self._low,
                timeout=timeout,
            )
        done = {f for f in in_flight if f.done()}
        return done, in_flight - done

    def shutdown(self) -> None:
        self._pool.shutdown(wait=True)


class _InPlace:
    """Sends on the draining thread itself, one per :meth:`wait` (``concurrency`` 1).

    The thread the caller drains on stays the one that talks to the endpoint and to the
    signer, as it did before sends were pipelined. Seen with SoftHSM2: on the thread that
    opened the token, a TLS read over a connection whose handshake another thread had
    made failed with a stale OpenSSL error (``ENGINE: no such engine``; OpenSSL keeps its
    error queue per thread).
    """

    def __init__(self) -> None:
        self._queue: deque[tuple[Future[None], Callable[[], None]]] = deque()

    def submit(self, fn: Callable[[OutboxItemLike], None], item: OutboxItemLike) -> Future[None]:
        future: Future[None] = Future()
        self._queue.append((future, lambda: fn(item)))
        return future

    def wait(
        self, in_flight: set[Future[None]], timeout: float = 0.0
    ) -> tuple[set[Future[None]], set[Future[None]]]:
        future, run = self._queue.popleft()
        try:
            run()
        except BaseException as exc:  # handed to the caller through the future
            future.set_exception(exc)
        else:
            future.set_result(None)
        return {future}, in_flight - {future}

    def shutdown(self) -> None:
        while self._queue:
            self.wait(set())


MIN_SLEEP = 0.5  # seconds: the runner's shortest sleep between two drains


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
        """The verdict of the last drain that tried the endpoint: a drain with nothing due
        (the item waits for its back-off) does not make an unreachable endpoint online."""
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
            if report.contacted or self.last_report is None:
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
                wait = self._until_due(self.idle_interval)
            self._wake.wait(timeout=min(wait, self.idle_interval * 10))

    def _until_due(self, longest: float) -> float:
        """Seconds to sleep after a drain that reached the endpoint: until the first queued
        item falls due, at most ``longest``. An item waiting for its own back-off (it
        failed while the others went through) is sent when due, not a whole idle round
        later; never less than ``MIN_SLEEP``, so an item due at once cannot spin the loop.
        """
        due = self.worker.outbox.earliest_attempt()
        if due is None:
            return longest
        seconds = (due - self.worker.clock()).total_seconds()
        return min(longest, max(MIN_SLEEP, seconds))
