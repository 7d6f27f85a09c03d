"""The outbox worker against a live TLS endpoint: accepted, rejected, retried, resumed.

Most tests use the in-memory queue (same rules as the store's) for speed; the last ones
drain the real SQLCipher store's outbox.
"""

from __future__ import annotations

import dataclasses
import random
import time
import uuid
from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest

from fitnote_desktop.domain import samples
from fitnote_desktop.endpoint.testing import (
    FaultInjector,
    LiveEndpoint,
    Physician,
    count_documents,
    free_port,
    open_test_profile,
    queue_signed,
    running_endpoint,
)
from fitnote_desktop.signing.demo_pki import DemoPki
from fitnote_desktop.transport.client import EndpointClient
from fitnote_desktop.transport.outbox import BackoffPolicy, OutboxRunner, OutboxWorker
from fitnote_desktop.transport.ports import MemoryOutbox
from fitnote_desktop.transport.receipts import unpack_receipt, verify_receipt


def _docs(n: int) -> list[samples.Document]:
    return [samples.incapacity(id=str(uuid.uuid4()), with_fit_note=i % 2 == 0) for i in range(n)]


def _queue(outbox: MemoryOutbox, gp: Physician, docs: list[samples.Document]) -> None:
    for doc in docs:
        outbox.enqueue(doc.id, *gp.sign(doc))


def _worker(outbox: MemoryOutbox, client: EndpointClient) -> OutboxWorker:
    return OutboxWorker(outbox, outbox, client, rng=random.Random(7))


def test_backoff_is_exponential_capped_and_jittered() -> None:
    policy = BackoffPolicy(base=5, cap=600, jitter=0.2)
    rng = random.Random(1)
    for attempt, nominal in [(1, 5), (2, 10), (3, 20), (4, 40), (8, 600), (30, 600)]:
        delays = [policy.delay(attempt, rng).total_seconds() for _ in range(200)]
        assert min(delays) >= nominal * 0.8 - 1e-9
        assert max(delays) <= nominal * 1.2 + 1e-9
        assert max(delays) - min(delays) > nominal * 0.2  # really jittered


def test_drain_accepts_and_stores_verified_receipts(faulty, gp: Physician) -> None:  # type: ignore[no-untyped-def]
    endpoint, _ = faulty
    outbox = MemoryOutbox()
    docs = _docs(4)
    _queue(outbox, gp, docs)
    report = _worker(outbox, endpoint.client(gp)).drain_once()
    assert sorted(map(str, report.accepted)) == sorted(str(d.id) for d in docs)
    assert {i.status for i in outbox.items.values()} == {"accepted"}
    for stored in outbox.receipts:
        receipt = verify_receipt(*unpack_receipt(stored.receipt), endpoint.receipt_cert)
        assert receipt.document_id == str(stored.document_id)
        assert receipt.payload_sha256 == stored.payload_hash
    assert _worker(outbox, endpoint.client(gp)).drain_once().sent == 0  # nothing left


def test_4xx_is_rejected_with_its_code_and_not_retried(faulty, gp: Physician) -> None:  # type: ignore[no-untyped-def]
    endpoint, _injector = faulty
    outbox = MemoryOutbox()
    good, bad = _docs(2)
    bad = dataclasses.replace(bad, author=samples.practitioner(samples.DEMO_SPECIALIST))
    _queue(outbox, gp, [good, bad])
    report = _worker(outbox, endpoint.client(gp)).drain_once()
    assert report.rejected == [(bad.id, "submit.author_mismatch")]
    item = next(i for i in outbox.items.values() if i.document_id == bad.id)
    assert (item.status, item.attempts, item.last_error_code) == (
        "rejected",
        1,
        "submit.author_mismatch",
    )
    assert "author.riziv" in (item.last_error_detail or "")
    later = datetime.now(UTC) + timedelta(days=1)
    assert _worker(outbox, endpoint.client(gp)).drain_once(later).sent == 0


@pytest.mark.parametrize(
    ("mode", "code"),
    [("500", "server.error"), ("503", "server.unavailable"), ("slow", "transport.timeout")],
)
def test_server_errors_and_timeouts_are_retried(
    faulty,
    gp: Physician,
    mode: str,  # type: ignore[no-untyped-def]
    code: str,
) -> None:
    endpoint, injector = faulty
    outbox = MemoryOutbox()
    docs = _docs(3)
    _queue(outbox, gp, docs)
    client = endpoint.client(gp, timeout=1.0)
    client.login()
    injector.fail(mode, times=1)
    worker = _worker(outbox, client)
    started = datetime.now(UTC)
    report = worker.drain_once()
    assert report.offline and report.retried == [(docs[0].id, code)]
    assert report.accepted == []  # the drain stops at the first unreachable answer
    item = outbox.items[1]
    assert (item.status, item.attempts, item.last_error_code) == ("queued", 1, code)
    wait = (item.next_attempt_at - started).total_seconds()
    assert 5 * 0.8 - 1 <= wait <= 5 * 1.2 + 2  # base 5 s, ±20 % jitter
    worker.drain_once(datetime.now(UTC) + timedelta(minutes=5))
    assert {i.status for i in outbox.items.values()} == {"accepted"}
    assert outbox.items[1].attempts == 2
    if mode == "slow":  # the slow request was processed after all: deduplicated
        time.sleep(endpoint_delay(injector))
    assert all(n == 1 for n in count_documents(endpoint.settings.db_url).values())


def endpoint_delay(injector: FaultInjector) -> float:
    return injector.delay + 0.5


def test_lost_answer_is_absorbed_by_idempotency(faulty, gp: Physician) -> None:  # type: ignore[no-untyped-def]
    endpoint, injector = faulty
    outbox = MemoryOutbox()
    docs = _docs(2)
    _queue(outbox, gp, docs)
    injector.fail("accept-then-500", times=1)
    worker = _worker(outbox, endpoint.client(gp))
    worker.drain_once()
    assert outbox.items[1].last_error_code == "server.error"
    worker.drain_once(datetime.now(UTC) + timedelta(minutes=5))
    assert {i.status for i in outbox.items.values()} == {"accepted"}
    assert count_documents(endpoint.settings.db_url) == {str(d.id): 1 for d in docs}


def test_connection_refused_is_retried(demo_pki: DemoPki, gp: Physician) -> None:
    from fitnote_desktop.transport.receipts import load_certificate

    outbox = MemoryOutbox()
    _queue(outbox, gp, _docs(2))
    client = EndpointClient(
        f"https://127.0.0.1:{free_port()}",
        ca_bundle=demo_pki.endpoint_ca_pem,
        receipt_certificate=load_certificate(demo_pki.receipt_cert_pem.read_bytes()),
        authenticator=gp.authenticator,
        timeout=2.0,
    )
    report = _worker(outbox, client).drain_once()
    assert report.offline
    assert [i.last_error_code for i in outbox.items.values()] == [
        "transport.connection_failed",
        None,
    ]
    assert [i.status for i in outbox.items.values()] == ["queued", "queued"]


def test_receipt_from_another_key_is_never_accepted(
    faulty,
    gp: Physician,  # type: ignore[no-untyped-def]
    demo_pki: DemoPki,
) -> None:
    from fitnote_desktop.transport.receipts import load_certificate

    endpoint, _ = faulty
    outbox = MemoryOutbox()
    _queue(outbox, gp, _docs(1))
    wrong_pin = load_certificate(demo_pki.physician("gp").signature_cert_pem.read_bytes())
    client = EndpointClient(
        endpoint.url,
        ca_bundle=endpoint.ca_pem,
        receipt_certificate=wrong_pin,
        authenticator=gp.authenticator,
    )
    report = _worker(outbox, client).drain_once()
    client.close()
    assert report.retried and report.retried[0][1] == "receipt.invalid"
    assert outbox.items[1].status == "queued"


def test_interrupted_items_are_resumed(faulty, gp: Physician) -> None:  # type: ignore[no-untyped-def]
    endpoint, _ = faulty
    outbox = MemoryOutbox()
    docs = _docs(3)
    _queue(outbox, gp, docs)
    client = endpoint.client(gp)
    client.submit(*outbox.signed_document(docs[0].id))  # sent, then the app crashed...
    outbox.mark_sending(1)  # ...before recording the result
    worker = _worker(outbox, client)
    assert worker.recover() == 1
    worker.drain_once()
    assert {i.status for i in outbox.items.values()} == {"accepted"}
    assert count_documents(endpoint.settings.db_url) == {str(d.id): 1 for d in docs}


def test_runner_sends_in_the_background(faulty, gp: Physician) -> None:  # type: ignore[no-untyped-def]
    endpoint, _ = faulty
    outbox = MemoryOutbox()
    runner = OutboxRunner(_worker(outbox, endpoint.client(gp)), idle_interval=30)
    runner.start()
    try:
        _queue(outbox, gp, _docs(3))
        runner.wake()
        deadline = time.monotonic() + 20
        while time.monotonic() < deadline and any(
            i.status != "accepted" for i in outbox.items.values()
        ):
            time.sleep(0.05)
        assert {i.status for i in outbox.items.values()} == {"accepted"}
        assert runner.online
    finally:
        runner.stop()


def test_drain_the_real_encrypted_store(faulty, gp: Physician, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    from fitnote_desktop.transport.ports import StorePayloads

    endpoint, injector = faulty
    profile = open_test_profile(tmp_path / "profiles")
    try:
        docs = _docs(3)
        ids = queue_signed(profile, gp, docs)
        worker = OutboxWorker(
            profile.outbox,
            StorePayloads(profile.documents),
            endpoint.client(gp),
            rng=random.Random(3),
        )
        injector.fail("500", times=1)
        report = worker.drain_once()
        assert report.offline
        first = profile.outbox.list(document_id=ids[0])[0]
        assert (first.status.value, first.last_error_code) == ("queued", "server.error")
        worker.drain_once(datetime.now(UTC) + timedelta(minutes=5))
        for doc_id in ids:
            (item,) = profile.outbox.list(document_id=doc_id)
            assert item.status.value == "accepted"
            assert profile.documents.get(doc_id).status.value == "accepted"
            (stored,) = profile.outbox.receipts(doc_id)
            receipt = verify_receipt(*unpack_receipt(stored.receipt), endpoint.receipt_cert)
            assert receipt.status == "accepted"
    finally:
        profile.lock()


def test_real_store_rejection_keeps_the_reason(
    demo_pki: DemoPki, gp: Physician, tmp_path: Path
) -> None:
    from fitnote_desktop.transport.ports import StorePayloads

    profile = open_test_profile(tmp_path / "profiles")
    with running_endpoint(demo_pki, db_url=f"sqlite:///{tmp_path}/ep.sqlite3") as endpoint:
        try:
            doc = dataclasses.replace(
                _docs(1)[0], author=samples.practitioner(samples.DEMO_SPECIALIST)
            )
            (doc_id,) = queue_signed(profile, gp, [doc])
            worker = OutboxWorker(
                profile.outbox, StorePayloads(profile.documents), endpoint.client(gp)
            )
            worker.drain_once()
            (item,) = profile.outbox.list(document_id=doc_id)
            assert (item.status.value, item.last_error_code) == (
                "rejected",
                "submit.author_mismatch",
            )
            assert profile.documents.get(doc_id).status.value == "rejected"
        finally:
            profile.lock()


def test_endpoint_fixture_type(faulty) -> None:  # type: ignore[no-untyped-def]
    endpoint, injector = faulty
    assert isinstance(endpoint, LiveEndpoint) and isinstance(injector, FaultInjector)


def test_concurrent_drain_of_the_real_store(faulty, gp: Physician, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    """Several submissions in flight at once: each item claimed and sent exactly once."""
    from fitnote_desktop.transport.ports import StorePayloads

    endpoint, injector = faulty
    profile = open_test_profile(tmp_path / "profiles")
    try:
        ids = queue_signed(profile, gp, _docs(12))
        injector.fail("accept-then-500", times=2)  # two answers lost on the way back
        worker = OutboxWorker(
            profile.outbox,
            StorePayloads(profile.documents),
            endpoint.client(gp),
            concurrency=4,
            rng=random.Random(2),
        )
        worker.drain_once()
        worker.drain_once(datetime.now(UTC) + timedelta(minutes=5))
        worker.drain_once(datetime.now(UTC) + timedelta(minutes=10))
        assert {i.status.value for i in profile.outbox.list()} == {"accepted"}
        assert all(len(profile.outbox.receipts(i)) == 1 for i in ids)
        assert count_documents(endpoint.settings.db_url) == {str(i): 1 for i in ids}
    finally:
        profile.lock()
