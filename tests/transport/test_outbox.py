"""The outbox worker against a live TLS endpoint: accepted, rejected, retried, resumed.

The queue is the store's own, in a real SQLCipher profile (cheap test KDF): every
transition, receipt and document status checked here is what the app records.
"""

from __future__ import annotations

import dataclasses
import random
import time
import uuid
from collections.abc import Iterator
from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest
from support.endpoint import (
    FaultInjector,
    LiveEndpoint,
    Physician,
    count_documents,
    free_port,
)
from support.outbox import open_test_profile, queue_signed

from fitnote_desktop.demo.pki import DemoPki
from fitnote_desktop.domain import samples
from fitnote_desktop.store import Profile
from fitnote_desktop.store.outbox import OutboxItem
from fitnote_desktop.transport.client import EndpointClient
from fitnote_desktop.transport.outbox import BackoffPolicy, OutboxRunner, OutboxWorker
from fitnote_desktop.transport.ports import StorePayloads
from fitnote_desktop.transport.receipts import unpack_receipt, verify_receipt


@pytest.fixture
def profile(tmp_path: Path) -> Iterator[Profile]:
    opened = open_test_profile(tmp_path / "profiles")
    yield opened
    opened.lock()


def _docs(n: int) -> list[samples.Document]:
    return [samples.incapacity(id=str(uuid.uuid4()), with_fit_note=i % 2 == 0) for i in range(n)]


def _worker(profile: Profile, client: EndpointClient, **options: int) -> OutboxWorker:
    return OutboxWorker(
        profile.outbox, StorePayloads(profile.documents), client, rng=random.Random(7), **options
    )


def _items(profile: Profile) -> list[OutboxItem]:
    """The profile's outbox, oldest first."""
    return profile.outbox.list()


def _statuses(profile: Profile) -> set[str]:
    return {i.status.value for i in _items(profile)}


def test_backoff_is_exponential_capped_and_jittered() -> None:
    policy = BackoffPolicy(base=5, cap=600, jitter=0.2)
    rng = random.Random(1)
    for attempt, nominal in [(1, 5), (2, 10), (3, 20), (4, 40), (8, 600), (30, 600)]:
        delays = [policy.delay(attempt, rng).total_seconds() for _ in range(200)]
        assert min(delays) >= nominal * 0.8 - 1e-9
        assert max(delays) <= nominal * 1.2 + 1e-9
        assert max(delays) - min(delays) > nominal * 0.2  # really jittered


Faulty = tuple[LiveEndpoint, FaultInjector]


def test_drain_accepts_and_stores_verified_receipts(
    faulty: Faulty, gp: Physician, profile: Profile
) -> None:
    endpoint, _ = faulty
    ids = queue_signed(profile, gp, _docs(4))
    report = _worker(profile, endpoint.client(gp)).drain_once()
    assert sorted(map(str, report.accepted)) == sorted(map(str, ids))
    assert _statuses(profile) == {"accepted"}
    for doc_id in ids:
        assert profile.documents.get(doc_id).status.value == "accepted"
        (stored,) = profile.outbox.receipts(doc_id)
        receipt = verify_receipt(*unpack_receipt(stored.receipt), endpoint.receipt_cert)
        assert receipt.status == "accepted"
        assert receipt.document_id == str(doc_id)
        assert receipt.payload_sha256 == stored.payload_hash
    assert _worker(profile, endpoint.client(gp)).drain_once().sent == 0  # nothing left


def test_4xx_is_rejected_with_its_code_and_not_retried(
    faulty: Faulty, gp: Physician, profile: Profile
) -> None:
    endpoint, _injector = faulty
    good, bad = _docs(2)
    bad = dataclasses.replace(bad, author=samples.practitioner(samples.DEMO_SPECIALIST))
    queue_signed(profile, gp, [good, bad])
    report = _worker(profile, endpoint.client(gp)).drain_once()
    assert report.rejected == [(bad.id, "submit.author_mismatch")]
    (item,) = profile.outbox.list(document_id=bad.id)
    assert (item.status.value, item.attempts, item.last_error_code) == (
        "rejected",
        1,
        "submit.author_mismatch",
    )
    assert "author.riziv" in (item.last_error_detail or "")
    assert profile.documents.get(bad.id).status.value == "rejected"
    later = datetime.now(UTC) + timedelta(days=1)
    assert _worker(profile, endpoint.client(gp)).drain_once(later).sent == 0


@pytest.mark.parametrize(
    ("mode", "code"),
    [("500", "server.error"), ("503", "server.unavailable"), ("slow", "transport.timeout")],
)
def test_server_errors_and_timeouts_are_retried(
    faulty: Faulty, gp: Physician, profile: Profile, mode: str, code: str
) -> None:
    endpoint, injector = faulty
    ids = queue_signed(profile, gp, _docs(3))
    client = endpoint.client(gp, timeout=1.0)
    client.login()
    injector.fail(mode, times=1)
    worker = _worker(profile, client)
    started = datetime.now(UTC)
    report = worker.drain_once()
    assert report.offline and report.retried == [(ids[0], code)]
    assert report.accepted == []  # the drain stops at the first unreachable answer
    first = _items(profile)[0]
    assert (first.status.value, first.attempts, first.last_error_code) == ("queued", 1, code)
    wait = (first.next_attempt_at - started).total_seconds()
    assert 5 * 0.8 - 1 <= wait <= 5 * 1.2 + 2  # base 5 s, ±20 % jitter
    # the retry, with the client's usual timeout: the 1 s one is only there to make the
    # injected slow answer time out, and a loaded machine can take that long to answer
    _worker(profile, endpoint.client(gp)).drain_once(datetime.now(UTC) + timedelta(minutes=5))
    assert _statuses(profile) == {"accepted"}
    assert _items(profile)[0].attempts == 2
    if mode == "slow":  # the slow request was processed after all: deduplicated
        time.sleep(injector.delay + 0.5)
    assert all(n == 1 for n in count_documents(endpoint.settings.db_url).values())


def test_lost_answer_is_absorbed_by_idempotency(
    faulty: Faulty, gp: Physician, profile: Profile
) -> None:
    endpoint, injector = faulty
    ids = queue_signed(profile, gp, _docs(2))
    injector.fail("accept-then-500", times=1)
    worker = _worker(profile, endpoint.client(gp))
    worker.drain_once()
    assert _items(profile)[0].last_error_code == "server.error"
    worker.drain_once(datetime.now(UTC) + timedelta(minutes=5))
    assert _statuses(profile) == {"accepted"}
    assert count_documents(endpoint.settings.db_url) == {str(i): 1 for i in ids}


def test_connection_refused_is_retried(demo_pki: DemoPki, gp: Physician, profile: Profile) -> None:
    from fitnote_desktop.transport.receipts import load_certificate

    queue_signed(profile, gp, _docs(2))
    client = EndpointClient(
        f"https://127.0.0.1:{free_port()}",
        ca_bundle=demo_pki.endpoint_ca_pem,
        receipt_certificate=load_certificate(demo_pki.receipt_cert_pem.read_bytes()),
        authenticator=gp.authenticator,
        timeout=2.0,
    )
    report = _worker(profile, client).drain_once()
    assert report.offline
    assert [i.last_error_code for i in _items(profile)] == ["transport.connection_failed", None]
    assert [i.status.value for i in _items(profile)] == ["queued", "queued"]


def test_receipt_from_another_key_is_never_accepted(
    faulty: Faulty, gp: Physician, demo_pki: DemoPki, profile: Profile
) -> None:
    from fitnote_desktop.transport.receipts import load_certificate

    endpoint, _ = faulty
    (doc_id,) = queue_signed(profile, gp, _docs(1))
    wrong_pin = load_certificate(demo_pki.physician("gp").signature_cert_pem.read_bytes())
    client = EndpointClient(
        endpoint.url,
        ca_bundle=endpoint.ca_pem,
        receipt_certificate=wrong_pin,
        authenticator=gp.authenticator,
    )
    report = _worker(profile, client).drain_once()
    client.close()
    assert report.retried and report.retried[0][1] == "receipt.invalid"
    assert _statuses(profile) == {"queued"}
    assert profile.outbox.receipts(doc_id) == []


def test_interrupted_items_are_resumed(faulty: Faulty, gp: Physician, profile: Profile) -> None:
    endpoint, _ = faulty
    ids = queue_signed(profile, gp, _docs(3))
    client = endpoint.client(gp)
    client.submit(*StorePayloads(profile.documents).signed_document(ids[0]))  # sent, then the
    profile.outbox.mark_sending(_items(profile)[0].id)  # app crashed before recording it
    worker = _worker(profile, client)
    assert worker.recover() == 1
    worker.drain_once()
    assert _statuses(profile) == {"accepted"}
    assert count_documents(endpoint.settings.db_url) == {str(i): 1 for i in ids}


def test_runner_sends_in_the_background(faulty: Faulty, gp: Physician, profile: Profile) -> None:
    endpoint, _ = faulty
    runner = OutboxRunner(_worker(profile, endpoint.client(gp)), idle_interval=30)
    runner.start()
    try:
        queue_signed(profile, gp, _docs(3))
        runner.wake()
        deadline = time.monotonic() + 20
        while time.monotonic() < deadline and _statuses(profile) != {"accepted"}:
            time.sleep(0.05)
        assert _statuses(profile) == {"accepted"}
        assert runner.online
    finally:
        runner.stop()


def test_runner_sends_an_item_when_its_back_off_ends_not_an_idle_round_later(
    faulty: Faulty, gp: Physician, profile: Profile
) -> None:
    endpoint, _ = faulty
    first, second = queue_signed(profile, gp, _docs(2))
    later = datetime.now(UTC) + timedelta(seconds=1.5)
    waiting = next(i for i in _items(profile) if i.document_id == second)
    profile.outbox.reschedule(
        waiting.id, next_attempt_at=later, error_code="transport.connection_failed"
    )
    assert profile.outbox.earliest_attempt() is not None
    runner = OutboxRunner(_worker(profile, endpoint.client(gp)), idle_interval=60)
    runner.start()
    try:
        deadline = time.monotonic() + 20  # a third of the idle round
        while time.monotonic() < deadline and _statuses(profile) != {"accepted"}:
            time.sleep(0.05)
        assert _statuses(profile) == {"accepted"}
        assert {i.document_id: i.attempts for i in _items(profile)} == {first: 1, second: 1}
        assert profile.outbox.earliest_attempt() is None
    finally:
        runner.stop()


def test_concurrent_drain(faulty: Faulty, gp: Physician, profile: Profile) -> None:
    """Several submissions in flight at once: each item claimed and sent exactly once."""
    endpoint, injector = faulty
    ids = queue_signed(profile, gp, _docs(12))
    injector.fail("accept-then-500", times=2)  # two answers lost on the way back
    worker = _worker(profile, endpoint.client(gp), concurrency=4)
    worker.drain_once()
    worker.drain_once(datetime.now(UTC) + timedelta(minutes=5))
    worker.drain_once(datetime.now(UTC) + timedelta(minutes=10))
    assert _statuses(profile) == {"accepted"}
    assert all(len(profile.outbox.receipts(i)) == 1 for i in ids)
    assert count_documents(endpoint.settings.db_url) == {str(i): 1 for i in ids}


def test_a_login_refusal_retrying_cannot_fix_holds_the_item_for_the_physician(
    faulty: Faulty, gp: Physician, demo_pki: DemoPki, profile: Profile
) -> None:
    """Logging in with the *signature* certificate: one attempt, the item kept (queued,
    held), no automatic retry, and the outbox and its status say why in words; the
    physician's "retry now" makes exactly one more attempt."""
    from fitnote_desktop.adapters.sender import OutboxSender
    from fitnote_desktop.domain import messages
    from fitnote_desktop.signing.pkcs12 import Pkcs12Authenticator

    endpoint, _ = faulty
    (doc_id,) = queue_signed(profile, gp, _docs(1))
    client = endpoint.client()
    client.authenticator = Pkcs12Authenticator(
        demo_pki.physician("gp").signature_p12, lambda _p: demo_pki.password
    )
    sender = OutboxSender(
        outbox=profile.outbox,
        documents=profile.documents,
        client=client,
        idle_interval=0.05,  # an automatic retry would come within milliseconds
        background_start=False,
    )
    try:

        def attempts() -> int:
            (item,) = _items(profile)
            return item.attempts

        deadline = time.monotonic() + 20
        while time.monotonic() < deadline and attempts() == 0:
            time.sleep(0.05)
        time.sleep(1.0)  # twenty idle intervals
        (item,) = _items(profile)
        assert (item.status.value, item.attempts) == ("queued", 1)
        assert item.last_error_code == "auth.certificate_invalid"
        assert profile.documents.get(doc_id).status.value == "queued"  # kept, not rejected
        (entry,) = sender.entries()
        assert entry.needs_action and entry.next_attempt_at is None
        assert entry.last_error == "auth.certificate_invalid"
        assert sender.state().detail == "auth.certificate_invalid"
        assert "authentication certificate" in messages.message(entry.last_error, "en")

        sender.retry_now()  # the physician retries by hand: one more attempt, held again
        deadline = time.monotonic() + 20
        while time.monotonic() < deadline and attempts() == 1:
            time.sleep(0.05)
        time.sleep(1.0)
        assert attempts() == 2 and sender.entries()[0].needs_action
    finally:
        sender.close()


class _CountingAuthenticator:
    """The physician's real authenticator, counting the logins (challenge signatures)."""

    def __init__(self, inner: object) -> None:
        self._inner = inner
        self.logins = 0

    def sign_challenge(self, nonce: bytes) -> bytes:
        self.logins += 1
        return self._inner.sign_challenge(nonce)  # type: ignore[attr-defined, no-any-return]

    def __getattr__(self, name: str) -> object:
        return getattr(self._inner, name)


def _forget_sessions(db_url: str) -> None:
    """The endpoint loses every session (a restart of a server keeping them in memory,
    a revocation): the next request of a client answers auth.session_invalid."""
    import sqlalchemy as sa

    from fitnote_desktop.endpoint import db

    engine = db.make_engine(db_url)
    try:
        with engine.begin() as conn:
            conn.execute(sa.delete(db.Session))
    finally:
        engine.dispose()


def test_one_login_per_session_for_a_concurrent_drain(
    faulty: Faulty, gp: Physician, profile: Profile, db_url: str
) -> None:
    endpoint, _ = faulty
    counting = _CountingAuthenticator(gp.authenticator)
    client = endpoint.client(dataclasses.replace(gp, authenticator=counting))  # type: ignore[arg-type]
    ids = queue_signed(profile, gp, _docs(10))
    report = _worker(profile, client, concurrency=4, batch_size=4).drain_once()
    assert sorted(map(str, report.accepted)) == sorted(map(str, ids))
    assert counting.logins == 1  # four threads, ten documents, one login

    _forget_sessions(db_url)  # the token is now unknown to the endpoint
    more = queue_signed(profile, gp, _docs(6))
    report = _worker(profile, client, concurrency=4).drain_once()
    assert sorted(map(str, report.accepted)) == sorted(map(str, more))
    assert counting.logins == 2  # one transparent re-login, shared by the four threads
    assert _statuses(profile) == {"accepted"}


def test_claimed_items_not_sent_are_released_uncounted(
    faulty: Faulty, gp: Physician, profile: Profile
) -> None:
    """The drain claims a batch ahead in one transaction; when it stops (endpoint down),
    the items whose turn had not come go back to queued as if never claimed."""
    endpoint, injector = faulty
    ids = queue_signed(profile, gp, _docs(6))
    client = endpoint.client(gp)
    client.login()
    injector.fail("503", times=1)
    report = _worker(profile, client, batch_size=6).drain_once()
    assert report.offline and report.retried == [(ids[0], "server.unavailable")]
    items = _items(profile)
    assert [(i.status.value, i.attempts) for i in items] == [("queued", 1)] + [("queued", 0)] * 5
    assert [i.last_error_code for i in items[1:]] == [None] * 5
    assert all(profile.documents.get(i).status.value == "queued" for i in ids)
