"""Kill -9 the endpoint in the middle of a batch, restart it, and also "restart the app":
every document ends accepted exactly once — none lost, none stored twice.

The endpoint runs as ``fitnote-endpoint --demo DIR`` in a child process (SQLite in DIR)
so that it can be killed without any shutdown code running, possibly while a request is
half processed or its answer is on the wire. The client side is the real SQLCipher store
with its outbox, drained by the real worker on a background thread.
"""

from __future__ import annotations

import random
import threading
import time
import uuid
from datetime import UTC, date, datetime, timedelta
from pathlib import Path

import pytest
from support.endpoint import (
    EndpointProcess,
    Physician,
    count_documents,
    free_port,
)
from support.outbox import open_test_profile, queue_signed

from fitnote_desktop.demo.pki import create_demo_pki
from fitnote_desktop.domain import samples
from fitnote_desktop.endpoint.server import DEMO_DB_NAME
from fitnote_desktop.transport.client import EndpointClient
from fitnote_desktop.transport.outbox import BackoffPolicy, OutboxWorker
from fitnote_desktop.transport.ports import StorePayloads
from fitnote_desktop.transport.receipts import load_certificate, unpack_receipt, verify_receipt

pytestmark = pytest.mark.slow

BATCH = 40


def test_kill_endpoint_mid_batch_then_restart(tmp_path: Path) -> None:
    demo_dir = tmp_path / "sandbox"
    pki = create_demo_pki(demo_dir)  # the child process reuses this PKI
    gp = Physician.from_pki(pki, "gp")
    endpoint = EndpointProcess(demo_dir, free_port())
    endpoint.start()
    profile = open_test_profile(tmp_path / "profiles")
    begin = date.today() - timedelta(days=1)
    docs = [samples.incapacity(id=str(uuid.uuid4()), begin=begin) for _ in range(BATCH)]
    ids = queue_signed(profile, gp, docs)
    receipt_cert = load_certificate(pki.receipt_cert_pem.read_bytes())

    def make_worker(store_profile) -> OutboxWorker:  # type: ignore[no-untyped-def]
        client = EndpointClient(
            endpoint.url,
            ca_bundle=pki.endpoint_ca_pem,
            receipt_certificate=receipt_cert,
            authenticator=gp.authenticator,
            timeout=5.0,
        )
        return OutboxWorker(
            store_profile.outbox,
            StorePayloads(store_profile.documents),
            client,
            policy=BackoffPolicy(base=0.2, cap=1.0),
            rng=random.Random(5),
            batch_size=10,
        )

    def accepted(store_profile) -> int:  # type: ignore[no-untyped-def]
        return len(store_profile.outbox.list(statuses=["accepted"]))

    try:
        worker = make_worker(profile)
        stop = threading.Event()

        def drain_forever() -> None:
            while not stop.is_set():
                worker.drain_once()
                time.sleep(0.05)

        thread = threading.Thread(target=drain_forever, daemon=True)
        thread.start()
        deadline = time.monotonic() + 60
        while accepted(profile) < 5 and time.monotonic() < deadline:
            time.sleep(0.01)
        endpoint.kill()  # mid-batch: no shutdown, requests cut
        killed_at = accepted(profile)
        assert 0 < killed_at < BATCH, "the kill must land in the middle of the batch"
        time.sleep(1.0)  # the worker keeps trying: refused connections, backoff
        stop.set()
        thread.join(30)
        worker.client.close()
        retried = [i for i in profile.outbox.list() if i.last_error_code]
        assert retried, "refused connections must have been recorded as retries"
        assert {i.last_error_code for i in retried} <= {
            "transport.connection_failed",
            "transport.timeout",
            "server.error",
            "server.unavailable",
        }

        # the app restarts too: close the store, reopen, resume what was in flight
        profile.lock()
        profile = open_test_profile(tmp_path / "profiles")
        endpoint.start()
        worker = make_worker(profile)
        worker.recover()
        deadline = time.monotonic() + 120
        while accepted(profile) < BATCH and time.monotonic() < deadline:
            worker.drain_once(datetime.now(UTC) + timedelta(seconds=5))
        worker.client.close()

        statuses = {str(i.document_id): i.status.value for i in profile.outbox.list()}
        assert statuses == {str(i): "accepted" for i in ids}
        for doc_id in ids:
            stored = profile.outbox.receipts(doc_id)
            assert len(stored) == 1
            verify_receipt(*unpack_receipt(stored[0].receipt), receipt_cert)
        rows = count_documents(f"sqlite:///{demo_dir / DEMO_DB_NAME}")
        assert rows == {str(i): 1 for i in ids}  # exactly once on the endpoint
    finally:
        endpoint.stop()
        profile.lock()
