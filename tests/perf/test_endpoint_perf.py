"""Sending path benchmarks (run with ``bash scripts/bench.sh``). Loopback only, bounded in
time.

* drain 1,000 queued documents from the real encrypted store to a local endpoint, and the
  ratio to 1,000 plain TLS POSTs of the same size through httpx (same run, same machine);
* the endpoint's verification throughput on SQLite and on PostgreSQL, and the CPU time
  the endpoint's processes spend per document (from ``/proc``, so Linux only);
* 50 concurrent clients for 60 s (``FITNOTE_LOAD_SECONDS``): zero errors, zero lost,
  zero duplicated documents.

The endpoint runs as ``fitnote-endpoint`` in a child process (its own interpreter and
GIL), as it would for integrators. The 1,000 documents are signed once, in two worker
processes, with the demo GP's key, and reused: every scenario starts on a fresh database.
Figures are printed, and the correctness conditions are asserted.
"""

from __future__ import annotations

import json
import os
import random
import ssl
import subprocess
import sys
import textwrap
import threading
import time
import uuid
from collections.abc import Iterator
from concurrent.futures import ProcessPoolExecutor, ThreadPoolExecutor
from contextlib import contextmanager
from dataclasses import dataclass
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
)
from support.outbox import open_test_profile, queue_signed

from fitnote_desktop.demo.pki import DemoPki, create_demo_pki
from fitnote_desktop.domain import samples
from fitnote_desktop.domain.canonical import canonical_bytes
from fitnote_desktop.transport.client import EndpointClient
from fitnote_desktop.transport.outbox import OutboxWorker
from fitnote_desktop.transport.ports import StorePayloads
from fitnote_desktop.transport.receipts import load_certificate

from .conftest import QUICK, Bench

N_DOCS = 24 if QUICK else 1000
# The throughput window's warm-up: documents sent (sequentially, by one client) before the
# timed window, so that one-time work (the physician's first chain validation, the first
# loads of the rule tables) is not counted as per-document CPU. Its CPU is its own metric.
WARMUP_DOCS = 4 if QUICK else 20
THROUGHPUT_DOCS = N_DOCS - WARMUP_DOCS if QUICK else 300
LOAD_CLIENTS = 4 if QUICK else 50
LOAD_SECONDS = 2.0 if QUICK else float(os.environ.get("FITNOTE_LOAD_SECONDS", "60"))


# --------------------------------------------------------------------------- fixtures


def _sign_chunk(args: tuple[str, str, list[bytes]]) -> list[bytes]:
    """Worker process: sign payloads with the GP's PKCS#12 key (held for the chunk)."""
    from contextlib import contextmanager as _cm

    from pyhanko.sign.signers import SimpleSigner

    from fitnote_desktop.signing._core import CmsDocumentSigner

    p12, password, payloads = args

    class _Held:  # a KeySource that keeps the key unlocked: benchmark input only
        purpose = "signature"

        def __init__(self) -> None:
            self._signer = SimpleSigner.load_pkcs12(p12, passphrase=password.encode())
            self.certificate = self._signer.signing_cert
            self.chain = list(self._signer.cert_registry)

        @_cm
        def unlock(self):  # type: ignore[no-untyped-def]
            yield self._signer

        def close(self) -> None:
            pass

    signer = CmsDocumentSigner(_Held())  # type: ignore[arg-type]
    return [signer.sign_detached(p) for p in payloads]


@pytest.fixture(scope="module")
def sandbox(tmp_path_factory: pytest.TempPathFactory) -> DemoPki:
    return create_demo_pki(tmp_path_factory.mktemp("perf-sandbox"))


@pytest.fixture(scope="module")
def corpus(sandbox: DemoPki) -> list[tuple[samples.Document, bytes, bytes]]:
    begin = date.today() - timedelta(days=1)
    docs = [
        samples.incapacity(id=str(uuid.uuid4()), begin=begin, with_fit_note=i % 2 == 0)
        for i in range(N_DOCS)
    ]
    payloads = [canonical_bytes(d) for d in docs]
    started = time.perf_counter()
    half = len(payloads) // 2
    jobs = [
        (str(sandbox.physician("gp").signature_p12), sandbox.password, payloads[:half]),
        (str(sandbox.physician("gp").signature_p12), sandbox.password, payloads[half:]),
    ]
    with ProcessPoolExecutor(2) as pool:
        signatures = [s for chunk in pool.map(_sign_chunk, jobs) for s in chunk]
    print(
        f"\n[perf] signed {len(docs)} documents in {time.perf_counter() - started:.1f} s "
        f"(2 processes)"
    )
    return list(zip(docs, payloads, signatures, strict=True))


@pytest.fixture(scope="module")
def pg_url(tmp_path_factory: pytest.TempPathFactory) -> Iterator[str | None]:
    if QUICK:  # the PostgreSQL comparison belongs to the full run only
        yield None
        return
    with postgresql_for_tests(tmp_path_factory.mktemp("perf-pg")) as url:
        yield url


SERVER_WORKERS = 2  # one uvicorn worker per core of this 2-core machine
DRAIN_CONCURRENCY = 4


@contextmanager
def endpoint_process(
    sandbox: DemoPki, db_url: str, workers: int = SERVER_WORKERS
) -> Iterator[EndpointProcess]:
    proc = EndpointProcess(
        Path(sandbox.directory), free_port(), extra_args=["--db", db_url, "--workers", str(workers)]
    )
    proc.start(timeout=180)  # two workers on a loaded 2-core machine start slowly
    try:
        yield proc
    finally:
        proc.stop()


def _tree_cpu_seconds(pid: int) -> float:
    """User + system CPU time of process ``pid`` and all its descendants (Linux /proc)."""
    parents: dict[int, int] = {}
    ticks: dict[int, int] = {}
    for entry in Path("/proc").iterdir():
        if not entry.name.isdigit():
            continue
        try:
            stat = (entry / "stat").read_text()
        except OSError:
            continue  # exited meanwhile
        fields = stat[stat.rindex(")") + 2 :].split()  # after "pid (comm) "
        parents[int(entry.name)] = int(fields[1])
        ticks[int(entry.name)] = int(fields[11]) + int(fields[12])  # utime + stime
    tree, frontier = {pid}, [pid]
    while frontier:
        parent = frontier.pop()
        children = [p for p, pp in parents.items() if pp == parent and p not in tree]
        tree.update(children)
        frontier.extend(children)
    return sum(ticks.get(p, 0) for p in tree) / os.sysconf("SC_CLK_TCK")


def _client(sandbox: DemoPki, url: str, gp: Physician) -> EndpointClient:
    return EndpointClient(
        url,
        ca_bundle=sandbox.endpoint_ca_pem,
        receipt_certificate=load_certificate(sandbox.receipt_cert_pem.read_bytes()),
        authenticator=gp.authenticator,
        timeout=60.0,
    )


def _fresh_sqlite(tmp_path: Path, name: str) -> str:
    return f"sqlite:///{tmp_path / name}"


# --------------------------------------------------------------------------- baseline


_PLAIN_SERVER = textwrap.dedent(
    """
    import sys, uvicorn

    async def app(scope, receive, send):
        if scope["type"] != "http":
            return
        more = True
        while more:
            message = await receive()
            more = message.get("more_body", False)
        await send({"type": "http.response.start", "status": 200,
                    "headers": [(b"content-type", b"application/json")]})
        await send({"type": "http.response.body", "body": b'{"ok":true}'})

    uvicorn.run(app, host="127.0.0.1", port=int(sys.argv[1]), ssl_certfile=sys.argv[2],
                ssl_keyfile=sys.argv[3], log_level="warning", access_log=False)
    """
)


@contextmanager
def plain_tls_server(sandbox: DemoPki) -> Iterator[str]:
    port = free_port()
    proc = subprocess.Popen(
        [
            sys.executable,
            "-c",
            _PLAIN_SERVER,
            str(port),
            str(sandbox.tls_cert),
            str(sandbox.tls_key),
        ]
    )
    ctx = ssl.create_default_context(cafile=str(sandbox.endpoint_ca_pem))
    url = f"https://127.0.0.1:{port}"
    try:
        deadline = time.monotonic() + 20
        while True:
            try:
                httpx.post(url, content=b"{}", verify=ctx, timeout=1)
                break
            except httpx.TransportError:
                if time.monotonic() > deadline:
                    raise
                time.sleep(0.1)
        yield url
    finally:
        proc.terminate()
        proc.wait(10)


# --------------------------------------------------------------------------- benchmarks


def test_drain_1000_vs_plain_tls_posts(
    sandbox: DemoPki, corpus, tmp_path: Path, bench: Bench
) -> None:  # type: ignore[no-untyped-def]
    import base64

    gp = Physician.from_pki(sandbox, "gp")
    profile = open_test_profile(tmp_path / "profiles")
    try:
        started = time.perf_counter()
        queue_signed(profile, gp, [d for d, _, _ in corpus], signatures=[s for _, _, s in corpus])
        queued_in = time.perf_counter() - started
        with endpoint_process(sandbox, _fresh_sqlite(tmp_path, "drain.sqlite3")) as ep:
            client = _client(sandbox, ep.url, gp)
            client.login()
            worker = OutboxWorker(
                profile.outbox,
                StorePayloads(profile.documents),
                client,
                batch_size=100,
                concurrency=DRAIN_CONCURRENCY,
            )
            started = time.perf_counter()
            report = worker.drain_once()
            drain_s = time.perf_counter() - started
            client.close()
        assert len(report.accepted) == N_DOCS and not report.rejected and not report.retried
        assert len(profile.outbox.list(statuses=["accepted"])) == N_DOCS

        _, payload, cms = corpus[0]
        body = json.dumps(
            {
                "payload": base64.b64encode(payload).decode(),
                "signature": base64.b64encode(cms).decode(),
            }
        ).encode()
        with plain_tls_server(sandbox) as url:
            ctx = ssl.create_default_context(cafile=str(sandbox.endpoint_ca_pem))
            with httpx.Client(verify=ctx, timeout=30) as http:
                started = time.perf_counter()
                for _ in range(N_DOCS):
                    http.post(
                        url, content=body, headers={"Content-Type": "application/json"}
                    ).raise_for_status()
                plain_s = time.perf_counter() - started
    finally:
        profile.lock()
    print(f"\n[perf] queue {N_DOCS} signed documents in the encrypted store: {queued_in:.1f} s")
    print(
        f"[perf] drain {N_DOCS} documents: {drain_s:.1f} s = {N_DOCS / drain_s:.1f} docs/s "
        f"({DRAIN_CONCURRENCY} in flight, {SERVER_WORKERS} server workers; per document: "
        f"CMS + chain verification, rules, insert, signed receipt, client receipt check, "
        f"outbox update in the encrypted store)"
    )
    print(
        f"[perf] {N_DOCS} plain TLS POSTs of {len(body)} bytes: {plain_s:.1f} s = "
        f"{N_DOCS / plain_s:.0f}/s; drain/plain time ratio = {drain_s / plain_s:.1f}x"
    )
    bench.record("drain.ratio_vs_plain_post", drain_s, baseline=plain_s, baseline_unit="s")


@dataclass(frozen=True)
class Throughput:
    """One throughput run: the timed window, and the warm-up before it."""

    docs_per_s: float
    cpu_s_per_doc: float  # the endpoint's CPU in the timed window, per document
    warmup_cpu_s: float  # the endpoint's CPU for the warm-up's documents (one-time work)


def _throughput(
    sandbox: DemoPki,
    corpus,  # type: ignore[no-untyped-def]
    db_url: str,
    n: int = THROUGHPUT_DOCS,
    threads: int = 4,
    workers: int = SERVER_WORKERS,
    warmup: int = WARMUP_DOCS,
) -> Throughput:
    """Documents per second and the endpoint's CPU per document, in steady state: the
    ``warmup`` documents after the timed window's ``n`` are sent first, one by one."""
    gp = Physician.from_pki(sandbox, "gp")
    with endpoint_process(sandbox, db_url, workers) as ep:
        clients = [_client(sandbox, ep.url, gp) for _ in range(threads)]
        for c in clients:
            c.login()
        work, warm = corpus[:n], corpus[n : n + warmup]
        assert len(warm) == warmup, "the corpus is too small for the warm-up"

        def run(k: int) -> int:
            c = clients[k]
            for _, payload, cms in work[k::threads]:
                assert c.submit(payload, cms).status == "accepted"
            return len(work[k::threads])

        assert ep.proc is not None
        cpu_cold = _tree_cpu_seconds(ep.proc.pid)
        for _, payload, cms in warm:
            assert clients[0].submit(payload, cms).status == "accepted"
        cpu_before = _tree_cpu_seconds(ep.proc.pid)
        started = time.perf_counter()
        with ThreadPoolExecutor(threads) as pool:
            done = sum(pool.map(run, range(threads)))
        elapsed = time.perf_counter() - started
        cpu = _tree_cpu_seconds(ep.proc.pid) - cpu_before
        for c in clients:
            c.close()
    assert done == n
    assert count_documents(db_url) == {str(d.id): 1 for d, _, _ in [*work, *warm]}
    return Throughput(n / elapsed, cpu / n, cpu_before - cpu_cold)


def test_verification_throughput_sqlite_vs_postgresql(
    sandbox: DemoPki,
    corpus,
    pg_url: str | None,
    tmp_path: Path,  # type: ignore[no-untyped-def]
    bench: Bench,
) -> None:
    one = _throughput(sandbox, corpus, _fresh_sqlite(tmp_path, "tp1.sqlite3"), workers=1)
    sqlite = _throughput(sandbox, corpus, _fresh_sqlite(tmp_path, "tp.sqlite3")).docs_per_s
    print(
        f"\n[perf] endpoint throughput, SQLite: {one.docs_per_s:.1f} docs/s with 1 server "
        f"process ({one.cpu_s_per_doc * 1000:.1f} ms CPU per document after a warm-up of "
        f"{WARMUP_DOCS} documents that took {one.warmup_cpu_s * 1000:.0f} ms CPU), "
        f"{sqlite:.1f} docs/s with {SERVER_WORKERS} (4 client threads, 2 cores)"
    )
    bench.record("endpoint.docs_per_s", one.docs_per_s)
    bench.record("endpoint.cpu_ms_per_doc", one.cpu_s_per_doc * 1000)
    bench.record("endpoint.warmup_cpu_ms", one.warmup_cpu_s * 1000)
    if QUICK:
        return  # PostgreSQL: full run only
    if pg_url is None:
        if os.environ.get("CI") == "true":
            pytest.fail("PostgreSQL is required in CI")
        pytest.skip("PostgreSQL not available")
    from support.endpoint import reset_database

    reset_database(pg_url)
    pg = _throughput(sandbox, corpus, pg_url).docs_per_s
    print(
        f"[perf] endpoint throughput, PostgreSQL: {pg:.1f} docs/s with {SERVER_WORKERS} "
        f"server processes; PostgreSQL/SQLite = {pg / sqlite:.2f}"
    )


def test_load_50_clients(sandbox: DemoPki, corpus, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    db_url = _fresh_sqlite(tmp_path, "load.sqlite3")
    gp = Physician.from_pki(sandbox, "gp")
    lock = threading.Lock()
    pool = iter(corpus)
    sent: dict[str, str] = {}  # id -> payload hash of accepted submissions
    errors: list[str] = []
    requests = [0]
    stop_at = [0.0]

    def next_item() -> tuple[samples.Document, bytes, bytes, bool]:
        with lock:
            item = next(pool, None)
            if item is not None:
                return (*item, True)
        # the pool is exhausted: resubmit something already sent (idempotency under load)
        return (*random.choice(corpus), False)

    with endpoint_process(sandbox, db_url) as ep:
        clients = [_client(sandbox, ep.url, gp) for _ in range(LOAD_CLIENTS)]

        def run(k: int) -> None:
            client = clients[k]
            while time.monotonic() < stop_at[0]:
                doc, payload, cms, _new = next_item()
                try:
                    result = client.submit(payload, cms)
                except Exception as exc:  # any error fails the test
                    with lock:
                        errors.append(f"{type(exc).__name__}: {getattr(exc, 'code', exc)}")
                    continue
                with lock:
                    requests[0] += 1
                    previous = sent.setdefault(str(doc.id), result.receipt.payload_sha256)
                    if previous != result.receipt.payload_sha256:
                        errors.append("receipt hash changed")

        stop_at[0] = time.monotonic() + LOAD_SECONDS
        started = time.perf_counter()
        with ThreadPoolExecutor(LOAD_CLIENTS) as executor:
            list(executor.map(run, range(LOAD_CLIENTS)))
        elapsed = time.perf_counter() - started
        for c in clients:
            c.close()
    rows = count_documents(db_url)
    lost = set(sent) - set(rows)
    duplicated = {k: v for k, v in rows.items() if v != 1}
    unexpected = set(rows) - set(sent)
    print(
        f"\n[perf] load: {LOAD_CLIENTS} clients, {elapsed:.0f} s: {requests[0]} accepted "
        f"answers ({requests[0] / elapsed:.1f}/s), {len(sent)} distinct documents stored, "
        f"{len(errors)} errors, {len(lost)} lost, {len(duplicated)} duplicated"
    )
    assert not errors, errors[:5]
    assert not lost and not duplicated
    assert not unexpected  # nothing stored whose answer never came back... and got lost
