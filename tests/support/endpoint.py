"""Test helpers for everything that talks to the sandbox endpoint.

Used by ``tests/endpoint``, ``tests/transport``, the e2e and perf tests::

    pki = support.signing.build_demo_pki(tmp / "pki")
    with running_endpoint(pki, db_url=f"sqlite:///{tmp}/ep.sqlite3") as ep:
        client = ep.client(Physician.from_pki(pki, "gp"))

Everything is real: a uvicorn server over TLS on 127.0.0.1, real signatures, real
receipts. Nothing is mocked.
"""

from __future__ import annotations

import datetime as dt
import ipaddress
import os
import signal
import socket
import subprocess
import sys
import time
from collections.abc import Callable, Iterator, Sequence
from contextlib import contextmanager
from dataclasses import dataclass, field, replace
from pathlib import Path
from typing import Any

import httpx
from asn1crypto import x509 as asn1_x509
from cryptography import x509
from cryptography.hazmat.primitives import serialization
from cryptography.x509.oid import ExtendedKeyUsageOID, NameOID
from starlette.types import ASGIApp

from fitnote_desktop.demo import DEMO_PHYSICIANS
from fitnote_desktop.demo.certificates import (
    generate_key,
    issue_certificate,
    key_usage,
    self_signed_ca,
)
from fitnote_desktop.demo.keyfiles import load_private_key_pem
from fitnote_desktop.demo.pki import DemoPki
from fitnote_desktop.domain.canonical import canonical_bytes
from fitnote_desktop.domain.model import Document
from fitnote_desktop.endpoint import db
from fitnote_desktop.endpoint.app import create_app
from fitnote_desktop.endpoint.receipts import ReceiptSigner
from fitnote_desktop.endpoint.server import RunningServer, start_in_thread
from fitnote_desktop.endpoint.settings import EndpointSettings, RegistryEntry
from fitnote_desktop.signing.pkcs12 import Pkcs12Authenticator, Pkcs12DocumentSigner
from fitnote_desktop.signing.ports import Authenticator, DocumentSigner
from fitnote_desktop.transport.client import EndpointClient
from fitnote_desktop.transport.receipts import load_certificate


class MutableClock:
    """A clock that tests move forward (session expiry, retention) without sleeping."""

    def __init__(self, start: dt.datetime | None = None) -> None:
        self.offset = dt.timedelta(0)
        self._fixed = start

    def __call__(self) -> dt.datetime:
        base = self._fixed or dt.datetime.now(dt.UTC)
        return base + self.offset

    def advance(self, **kwargs: float) -> None:
        self.offset += dt.timedelta(**kwargs)


def demo_registry() -> tuple[RegistryEntry, ...]:
    return tuple(
        RegistryEntry(p.niss, p.riziv, p.given_name, p.family_name, "treating")
        for p in DEMO_PHYSICIANS
    )


def endpoint_settings(
    pki: DemoPki,
    db_url: str,
    *,
    clock: Callable[[], dt.datetime] | None = None,
    registry: Sequence[RegistryEntry] | None = None,
    **overrides: Any,
) -> EndpointSettings:
    """Endpoint settings over a demo PKI (TLS cert, receipt key, citizen trust root)."""
    values: dict[str, Any] = {
        "db_url": db_url,
        "trust_roots": (load_certificate(pki.root_ca_pem.read_bytes()),),
        "intermediates": (load_certificate(pki.citizen_ca_pem.read_bytes()),),
        "receipt_signer": ReceiptSigner.from_pkcs12(pki.receipt_p12, pki.password),
        "registry": tuple(registry) if registry is not None else demo_registry(),
        "host": "127.0.0.1",
        "port": 0,
        "tls_cert": pki.tls_cert,
        "tls_key": pki.tls_key,
    }
    if clock is not None:
        values["clock"] = clock
    values.update(overrides)
    return EndpointSettings(**values)


def reset_database(url: str) -> None:
    """Drop every endpoint table (a fresh PostgreSQL schema between tests)."""
    engine = db.make_engine(url)
    try:
        db.Base.metadata.drop_all(engine)
    finally:
        engine.dispose()


def count_documents(url: str) -> dict[str, int]:
    """Rows per document id in the endpoint's database (duplicates would show as >1)."""
    import sqlalchemy as sa

    engine = db.make_engine(url)
    try:
        with engine.connect() as conn:
            rows = conn.execute(
                sa.select(db.Document.id, sa.func.count()).group_by(db.Document.id)
            ).all()
    finally:
        engine.dispose()
    return {str(r[0]): int(r[1]) for r in rows}


@dataclass
class Physician:
    """A demo physician's two keys (PKCS#12) and identity, for signing and logging in."""

    key: str
    niss: str
    riziv: str
    signer: DocumentSigner
    authenticator: Authenticator

    @classmethod
    def from_pki(cls, pki: DemoPki, key: str = "gp") -> Physician:
        person = next(p for p in DEMO_PHYSICIANS if p.key == key)
        creds = pki.physician(key)
        pin: Callable[[str], str | None] = lambda _purpose: pki.password  # noqa: E731
        return cls(
            key=key,
            niss=person.niss,
            riziv=person.riziv,
            signer=Pkcs12DocumentSigner(creds.signature_p12, pin),
            authenticator=Pkcs12Authenticator(creds.authentication_p12, pin),
        )

    def sign(self, document: Document) -> tuple[bytes, bytes]:
        payload = canonical_bytes(document)
        return payload, self.signer.sign_detached(payload)

    def sign_bytes(self, payload: bytes) -> bytes:
        return self.signer.sign_detached(payload)


@dataclass
class LiveEndpoint:
    """A running endpoint and what a client needs to talk to it."""

    url: str
    settings: EndpointSettings
    pki: DemoPki
    receipt_cert: asn1_x509.Certificate
    server: RunningServer | None = None
    clients: list[EndpointClient] = field(default_factory=list)
    raw_clients: list[httpx.Client] = field(default_factory=list)

    @property
    def ca_pem(self) -> Path:
        return self.pki.endpoint_ca_pem

    def client(self, physician: Physician | None = None, **kwargs: Any) -> EndpointClient:
        kwargs.setdefault("timeout", 20.0)
        c = EndpointClient(
            self.url,
            ca_bundle=self.ca_pem,
            receipt_certificate=self.receipt_cert,
            authenticator=physician.authenticator if physician else None,
            **kwargs,
        )
        self.clients.append(c)
        return c

    def http(self, **kwargs: Any) -> httpx.Client:
        """A raw httpx client (TLS verified) for hand-made, abusive requests."""
        import ssl

        ctx = ssl.create_default_context(cafile=str(self.ca_pem))
        http = httpx.Client(base_url=self.url, verify=ctx, timeout=20.0, **kwargs)
        self.raw_clients.append(http)
        return http

    def stop(self) -> None:
        for c in self.clients:
            c.close()
        for h in self.raw_clients:
            h.close()
        if self.server is not None:
            self.server.stop()


@contextmanager
def running_endpoint(
    pki: DemoPki,
    *,
    db_url: str,
    clock: Callable[[], dt.datetime] | None = None,
    wrap: Callable[[ASGIApp], ASGIApp] | None = None,
    **overrides: Any,
) -> Iterator[LiveEndpoint]:
    """A real uvicorn/TLS endpoint on 127.0.0.1 (free port) on a thread."""
    settings = endpoint_settings(pki, db_url, clock=clock, **overrides)
    app: ASGIApp = create_app(settings)
    if wrap is not None:
        app = wrap(app)
    server = start_in_thread(settings, app=app)
    ep = LiveEndpoint(
        url=server.url,
        settings=replace(settings, port=server.port),
        pki=pki,
        receipt_cert=load_certificate(pki.receipt_cert_pem.read_bytes()),
        server=server,
    )
    try:
        yield ep
    finally:
        ep.stop()
        app_engine = getattr(getattr(app, "state", None), "engine", None)
        if app_engine is not None:
            app_engine.dispose()


# --------------------------------------------------------------------------- subprocess


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


@dataclass
class EndpointProcess:
    """``fitnote-endpoint --demo DIR`` in a child process (so a test can kill -9 it)."""

    demo_dir: Path
    port: int
    extra_args: Sequence[str] = ()
    proc: subprocess.Popen[bytes] | None = None
    log_path: Path | None = None

    @property
    def url(self) -> str:
        return f"https://127.0.0.1:{self.port}"

    def start(self, timeout: float = 30.0) -> None:
        self.log_path = self.demo_dir / f"endpoint-{self.port}.log"
        log = self.log_path.open("ab")
        self.proc = subprocess.Popen(
            [
                sys.executable,
                "-m",
                "fitnote_desktop.endpoint.cli",
                "--demo",
                str(self.demo_dir),
                "--host",
                "127.0.0.1",
                "--port",
                str(self.port),
                *self.extra_args,
            ],
            stdout=log,
            stderr=log,
            env={**os.environ, "PYTHONUNBUFFERED": "1"},
        )
        log.close()
        deadline = time.monotonic() + timeout
        while time.monotonic() < deadline:
            if self.proc.poll() is not None:
                raise RuntimeError("endpoint process exited: " + self.log_path.read_text()[-2000:])
            try:
                with socket.create_connection(("127.0.0.1", self.port), timeout=0.2):
                    return
            except OSError:
                time.sleep(0.1)
        raise RuntimeError("endpoint process did not start in time")

    def kill(self) -> None:
        """SIGKILL: no shutdown handler runs, requests in flight are cut."""
        if self.proc is not None and self.proc.poll() is None:
            self.proc.send_signal(signal.SIGKILL)
            self.proc.wait(10)

    def stop(self) -> None:
        if self.proc is not None and self.proc.poll() is None:
            self.proc.terminate()
            try:
                self.proc.wait(10)
            except subprocess.TimeoutExpired:
                self.kill()


# --------------------------------------------------------------------------- TLS certs


def write_tls_certificate(
    pki: DemoPki,
    directory: Path,
    name: str,
    *,
    hostnames: Sequence[str] = ("localhost", "127.0.0.1"),
    not_before: dt.datetime | None = None,
    not_after: dt.datetime | None = None,
    foreign_ca: bool = False,
) -> tuple[Path, Path]:
    """A TLS server certificate (chain PEM, key PEM) for the refusal tests.

    Issued by the demo endpoint CA (which the client trusts) unless ``foreign_ca``: then
    by a fresh CA nobody trusts. Vary ``hostnames`` for a name mismatch and the dates
    for an expired certificate.
    """
    directory = Path(directory)
    directory.mkdir(parents=True, exist_ok=True)
    now = dt.datetime.now(dt.UTC)
    if foreign_ca:
        ca_key = generate_key(pki.algorithm)
        ca_cert = self_signed_ca(
            ca_key, "Unknown Test CA", now - dt.timedelta(hours=1), now + dt.timedelta(days=30)
        )
    else:
        ca_key = load_private_key_pem(pki.endpoint_ca_key_pem, pki.password)
        ca_cert = x509.load_pem_x509_certificate(pki.endpoint_ca_pem.read_bytes())
    key = generate_key(pki.algorithm)
    san: list[x509.GeneralName] = []
    for h in hostnames:
        try:
            san.append(x509.IPAddress(ipaddress.ip_address(h)))
        except ValueError:
            san.append(x509.DNSName(h))
    cert = issue_certificate(
        subject=x509.Name([x509.NameAttribute(NameOID.COMMON_NAME, hostnames[0])]),
        public_key=key.public_key(),
        issuer_name=ca_cert.subject,
        issuer_key=ca_key,
        not_before=not_before or now - dt.timedelta(hours=1),
        not_after=not_after or now + dt.timedelta(days=30),
        usage=key_usage("digital_signature"),
        extended_usages=[ExtendedKeyUsageOID.SERVER_AUTH],
        san=san,
    )
    chain = directory / f"{name}.pem"
    chain.write_bytes(
        cert.public_bytes(serialization.Encoding.PEM)
        + ca_cert.public_bytes(serialization.Encoding.PEM)
    )
    key_path = directory / f"{name}-key.pem"
    key_path.write_bytes(
        key.private_bytes(
            serialization.Encoding.PEM,
            serialization.PrivateFormat.PKCS8,
            serialization.NoEncryption(),
        )
    )
    return chain, key_path


# --------------------------------------------------------------------------- PostgreSQL


@contextmanager
def postgresql_for_tests(state_dir: Path) -> Iterator[str | None]:
    """The PostgreSQL URL for the endpoint tests, starting a throw-away cluster if needed.

    ``FITNOTE_TEST_PG_URL`` wins (``scripts/test.sh`` and CI start the cluster once);
    otherwise ``scripts/pg-test-server.sh`` is run here and stopped afterwards. Yields
    ``None`` when PostgreSQL cannot be had; the caller decides (CI must fail, a developer
    machine without PostgreSQL may skip).
    """
    url = os.environ.get("FITNOTE_TEST_PG_URL")
    if url:
        yield url
        return
    script = Path(__file__).resolve().parents[2] / "scripts" / "pg-test-server.sh"
    if not script.is_file():
        yield None
        return
    env = {**os.environ, "FITNOTE_PG_STATE": str(Path(state_dir) / "pg.state")}
    started = subprocess.run(
        ["bash", str(script), "start"],
        capture_output=True,
        text=True,
        env=env,
        timeout=120,
        check=False,
    )
    line = next(
        (ln for ln in started.stdout.splitlines() if ln.startswith("export FITNOTE_TEST_PG_URL=")),
        None,
    )
    if started.returncode != 0 or line is None:
        sys.stderr.write(started.stderr[-2000:])
        yield None
        return
    try:
        yield line.split("=", 1)[1].strip()
    finally:
        subprocess.run(
            ["bash", str(script), "stop"], capture_output=True, env=env, timeout=60, check=False
        )


# --------------------------------------------------------------------------- faults


class FaultInjector:
    """ASGI wrapper that makes document submissions fail on demand.

    ``fail(mode, times)``: the next ``times`` requests under ``/v1/documents`` get
    ``"500"`` (a JSON ``server.error``), ``"503"``, ``"slow"`` (answered after
    ``delay`` seconds, longer than the client's timeout), or ``"accept-then-500"`` (the
    request reaches the endpoint and is stored, then the answer is replaced by a 500: the
    "lost response" case that idempotency must absorb).
    """

    def __init__(self, app: ASGIApp, delay: float = 3.0) -> None:
        self.app = app
        self.delay = delay
        self.mode: str | None = None
        self.remaining = 0
        self.hits = 0

    def fail(self, mode: str, times: int = 1) -> None:
        self.mode, self.remaining = mode, times

    async def __call__(self, scope: Any, receive: Any, send: Any) -> None:
        import asyncio
        import json as _json

        if (
            scope["type"] != "http"
            or not scope["path"].startswith("/v1/documents")
            or self.remaining <= 0
        ):
            await self.app(scope, receive, send)
            return
        self.remaining -= 1
        self.hits += 1
        mode = self.mode

        async def error(status: int) -> None:
            body = _json.dumps(
                {
                    "code": "server.error" if status == 500 else "server.unavailable",
                    "detail": "injected",
                    "field": None,
                }
            ).encode()
            await send(
                {
                    "type": "http.response.start",
                    "status": status,
                    "headers": [(b"content-type", b"application/json")],
                }
            )
            await send({"type": "http.response.body", "body": body})

        if mode in ("500", "503"):
            await error(int(mode))
        elif mode == "slow":
            await asyncio.sleep(self.delay)
            await self.app(scope, receive, send)
        elif mode == "accept-then-500":

            async def swallow(message: Any) -> None:
                return None

            await self.app(scope, receive, swallow)
            await error(500)
        else:
            await self.app(scope, receive, send)
