"""Beyond one machine, on loopback: two endpoint instances, one PostgreSQL (issue 14).

Two ``fitnote-endpoint`` processes on different ports share one PostgreSQL database, as
two machines behind a load balancer would. Clients are spread over both; each document is
sent once to one instance, and documents already sent are sent again, at random, to
either instance (a client whose answer was lost retries through whichever machine the
balancer picks). Asserted: 0 errors, 0 lost, 0 duplicated, every repeat answered with the
first receipt's payload hash, and a session token obtained on one instance is valid on the
other (sessions live in the shared database, as the SHA-256 of the token; nothing is held
in a process's memory).

Run by ``bash scripts/bench.sh`` (``FITNOTE_LOAD_SECONDS``, default 60); its ``--quick``
variant (two seconds, four clients) runs in the test suite through ``test_bench_command``.
Prints its figures; it records no bench metric (issue 14 names none for it).
"""

from __future__ import annotations

import base64
import os
import random
import ssl
import threading
import time
import uuid
from collections.abc import Iterator
from concurrent.futures import ThreadPoolExecutor
from datetime import date, timedelta
from pathlib import Path

import httpx
import pytest
from support.endpoint import (
    EndpointProcess,
    Physician,
    count_documents,
    free_port,
    postgresql_for_tests,
    reset_database,
)

from fitnote_desktop.demo.pki import DemoPki, create_demo_pki
from fitnote_desktop.domain import samples
from fitnote_desktop.domain.canonical import canonical_bytes
from fitnote_desktop.transport.client import EndpointClient
from fitnote_desktop.transport.receipts import load_certificate
from fitnote_desktop.wire import routes

from .conftest import QUICK
from .test_endpoint_perf import _sign_chunk, _tree_cpu_seconds

N_DOCS = 24 if QUICK else 400
CLIENTS = 4 if QUICK else 20
LOAD_SECONDS = 2.0 if QUICK else float(os.environ.get("FITNOTE_LOAD_SECONDS", "60"))

Signed = tuple[str, bytes, bytes]  # document id, payload, CMS
RACED = 4  # the corpus's last documents: sent to both instances at the same moment
REPEATS = 20  # documents sent again at the end through the instance that did not get them


@pytest.fixture(scope="module")
def sandbox(tmp_path_factory: pytest.TempPathFactory) -> DemoPki:
    return create_demo_pki(tmp_path_factory.mktemp("two-instances"))


@pytest.fixture(scope="module")
def pg_url(tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    with postgresql_for_tests(tmp_path_factory.mktemp("two-instances-pg")) as url:
        if url is None:
            if os.environ.get("CI") == "true":
                pytest.fail("PostgreSQL is required in CI")
            pytest.skip("PostgreSQL not available")
        reset_database(url)
        yield url


@pytest.fixture(scope="module")
def corpus(sandbox: DemoPki) -> list[Signed]:
    begin = date.today() - timedelta(days=1)
    docs = [
        samples.incapacity(id=str(uuid.uuid4()), begin=begin, with_fit_note=i % 2 == 0)
        for i in range(N_DOCS)
    ]
    payloads = [canonical_bytes(d) for d in docs]
    p12 = str(sandbox.physician("gp").signature_p12)
    signatures = _sign_chunk((p12, sandbox.password, payloads))
    return [(str(d.id), p, s) for d, p, s in zip(docs, payloads, signatures, strict=True)]


@pytest.fixture(scope="module")
def instances(sandbox: DemoPki, pg_url: str) -> Iterator[tuple[EndpointProcess, EndpointProcess]]:
    """A then B, one process each; B starts once A has created the schema."""
    started: list[EndpointProcess] = []
    try:
        for _ in range(2):
            proc = EndpointProcess(
                Path(sandbox.directory),
                free_port(),
                extra_args=["--db", pg_url, "--workers", "1"],
            )
            proc.start(timeout=180)
            started.append(proc)
        yield started[0], started[1]
    finally:
        for proc in started:
            proc.stop()


def _client(sandbox: DemoPki, url: str, gp: Physician) -> EndpointClient:
    return EndpointClient(
        url,
        ca_bundle=sandbox.endpoint_ca_pem,
        receipt_certificate=load_certificate(sandbox.receipt_cert_pem.read_bytes()),
        authenticator=gp.authenticator,
        timeout=60.0,
    )


def test_a_session_from_one_instance_is_valid_on_the_other(
    sandbox: DemoPki, instances: tuple[EndpointProcess, EndpointProcess], corpus: list[Signed]
) -> None:
    gp = Physician.from_pki(sandbox, "gp")
    a, b = instances
    context = ssl.create_default_context(cafile=str(sandbox.endpoint_ca_pem))
    for first, second in ((a, b), (b, a)):
        with _client(sandbox, first.url, gp) as client:
            client.login()
            token = client._session.token  # type: ignore[union-attr]
        with httpx.Client(base_url=second.url, verify=context, timeout=60) as http:
            headers = {"Authorization": f"Bearer {token}"}
            r = http.get(f"{routes.API_PREFIX}{routes.DOSSIERS}", headers=headers)
            assert r.status_code == 200, r.text
            r = http.get(f"{routes.API_PREFIX}{routes.DOSSIERS}", headers={"Authorization": "x"})
            assert r.status_code == 401  # the other instance does check the token
    # a document submitted on B with A's token gets its receipt
    doc_id, payload, cms = corpus[0]
    with _client(sandbox, a.url, gp) as client:
        client.login()
        token = client._session.token  # type: ignore[union-attr]
    envelope = {
        "payload": base64.b64encode(payload).decode(),
        "signature": base64.b64encode(cms).decode(),
    }
    with httpx.Client(base_url=b.url, verify=context, timeout=60) as http:
        r = http.put(
            f"{routes.API_PREFIX}{routes.DOCUMENT.format(document_id=doc_id)}",
            json=envelope,
            headers={"Authorization": f"Bearer {token}"},
        )
    assert r.status_code in (200, 201), r.text


def test_clients_spread_over_two_instances(
    sandbox: DemoPki,
    instances: tuple[EndpointProcess, EndpointProcess],
    corpus: list[Signed],
    pg_url: str,
) -> None:
    """Phase 1: every document once, clients spread over both instances (measured: wall
    time, CPU of the endpoint processes and of PostgreSQL per document). Phase 2: for
    ``LOAD_SECONDS``, documents already sent are sent again through either instance."""
    gp = Physician.from_pki(sandbox, "gp")
    urls = [proc.url for proc in instances]
    # each client has a home instance (half on A, half on B) and a way to the other one
    homes = [_client(sandbox, urls[k % 2], gp) for k in range(CLIENTS)]
    others = [_client(sandbox, urls[(k + 1) % 2], gp) for k in range(CLIENTS)]
    lock = threading.Lock()
    load = corpus[1:-RACED]  # the first: the session test's; the last: the race test's
    hashes: dict[str, str] = {}  # document id -> payload hash of its first receipt
    errors: list[str] = []
    repeats = [0]

    def submit(client: EndpointClient, item: Signed) -> None:
        doc_id, payload, cms = item
        try:
            result = client.submit(payload, cms, doc_id)
        except Exception as exc:  # any error fails the test
            with lock:
                errors.append(f"{type(exc).__name__}: {getattr(exc, 'code', '')}")
            return
        with lock:
            known = hashes.setdefault(doc_id, result.receipt.payload_sha256)
            if known != result.receipt.payload_sha256 or result.status != "accepted":
                errors.append("a repeat got another receipt")

    def first_round(k: int) -> None:
        for item in load[k::CLIENTS]:
            submit(homes[k], item)

    def repeat_round(k: int, stop_at: float) -> None:
        rng = random.Random(k)
        while time.monotonic() < stop_at:
            submit(rng.choice((homes[k], others[k])), rng.choice(load))
            with lock:
                repeats[0] += 1

    servers = [proc.proc.pid for proc in instances if proc.proc is not None]
    database = _postgresql_server_pid(pg_url)
    cpu_before = [_tree_cpu_seconds(pid) for pid in servers], _tree_cpu_seconds(database)
    started = time.perf_counter()
    with ThreadPoolExecutor(CLIENTS) as pool:
        list(pool.map(first_round, range(CLIENTS)))
    first_s = time.perf_counter() - started
    endpoint_cpu = sum(_tree_cpu_seconds(pid) for pid in servers) - sum(cpu_before[0])
    database_cpu = _tree_cpu_seconds(database) - cpu_before[1]

    stop_at = time.monotonic() + LOAD_SECONDS
    with ThreadPoolExecutor(CLIENTS) as pool:
        list(pool.map(repeat_round, range(CLIENTS), [stop_at] * CLIENTS))
    # and some explicitly through the instance that did not receive them first
    for k, item in enumerate(load[:REPEATS]):
        result = others[k % CLIENTS].submit(item[1], item[2], item[0])
        if not result.duplicate or result.receipt.payload_sha256 != hashes.get(item[0]):
            errors.append("a repeat on the other instance got another receipt")
    for client in [*homes, *others]:
        client.close()

    rows = count_documents(pg_url)
    lost = {c[0] for c in load} - set(rows)
    duplicated = {k: n for k, n in rows.items() if n != 1}
    n = len(load)
    print(
        f"\n[perf] two instances, one PostgreSQL, {CLIENTS} clients: {n} documents in "
        f"{first_s:.1f} s ({n / first_s:.1f} docs/s); CPU per document: endpoints "
        f"{endpoint_cpu / n * 1000:.1f} ms, PostgreSQL {database_cpu / n * 1000:.1f} ms; "
        f"then {repeats[0]} repeats in {LOAD_SECONDS:.0f} s; {len(errors)} errors, "
        f"{len(lost)} lost, {len(duplicated)} duplicated"
    )
    assert not errors, errors[:5]
    assert not lost and not duplicated
    assert set(hashes) == {c[0] for c in load}


def _postgresql_server_pid(url: str) -> int:
    """The postmaster of the (loopback) cluster behind ``url``: its process tree is the
    database's CPU. The parent of this connection's backend process."""
    import sqlalchemy as sa

    from fitnote_desktop.endpoint import db

    engine = db.make_engine(url)
    try:
        with engine.connect() as conn:
            backend = int(conn.execute(sa.text("SELECT pg_backend_pid()")).scalar_one())
            stat = Path(f"/proc/{backend}/stat").read_text()
    finally:
        engine.dispose()
    return int(stat[stat.rindex(")") + 2 :].split()[1])


def test_the_same_document_raced_on_both_instances(
    sandbox: DemoPki,
    instances: tuple[EndpointProcess, EndpointProcess],
    corpus: list[Signed],
    pg_url: str,
) -> None:
    """A client retrying through the balancer while its first request is still in
    flight: both instances get the same document at once; one row, one receipt."""
    gp = Physician.from_pki(sandbox, "gp")
    clients = [_client(sandbox, proc.url, gp) for proc in instances]
    for client in clients:
        client.login()
    try:
        for item in corpus[-RACED:]:
            first, second = _race(clients, item)
            assert first == second
    finally:
        for client in clients:
            client.close()
    rows = count_documents(pg_url)
    assert all(rows.get(doc_id) == 1 for doc_id, _, _ in corpus[-RACED:])


def _race(clients: list[EndpointClient], item: Signed) -> list[str]:
    """``item`` submitted through every client at the same moment: the receipts' hashes."""
    doc_id, payload, cms = item
    barrier = threading.Barrier(len(clients))

    def send(client: EndpointClient) -> str:
        barrier.wait()
        result = client.submit(payload, cms, doc_id)
        assert result.status == "accepted"
        return result.receipt.payload_sha256

    with ThreadPoolExecutor(len(clients)) as pool:
        return list(pool.map(send, clients))
