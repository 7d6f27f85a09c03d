"""Running the endpoint: uvicorn over TLS, as a server, in a thread, or embedded in the app.

* ``serve(settings)`` — blocking, for ``fitnote-endpoint`` (a real deployment or demo).
* ``start_in_thread(settings)`` — a real uvicorn server on a daemon thread, bound before
  it returns (port 0 picks a free port), for tests and for embedding.
* ``start_embedded(demo_dir, db_key=...)`` — what ``fitnote-desktop --demo`` calls: demo
  PKI, registry and an encrypted (SQLCipher) database in ``demo_dir``, server on
  127.0.0.1, and everything the client needs to pin (CA bundle path, receipt
  certificate).

TLS is not optional here: there is no code path that serves plain HTTP.
"""

from __future__ import annotations

import gc
import socket
import ssl
import sys
import threading
import time
from dataclasses import dataclass, replace
from pathlib import Path
from typing import Any

import uvicorn
from asn1crypto import x509
from starlette.types import ASGIApp
from uvicorn.supervisors import Multiprocess

from fitnote_desktop.endpoint.app import create_app, prepare_database
from fitnote_desktop.endpoint.certificates import load_certificates
from fitnote_desktop.endpoint.coalesce import CoalescingHttpProtocol
from fitnote_desktop.endpoint.desk.tls import ClientCertificateProtocol
from fitnote_desktop.endpoint.receipts import ReceiptSigner
from fitnote_desktop.endpoint.settings import EndpointSettings, RegistryEntry

DEMO_DB_NAME = "endpoint.sqlite3"  # ``fitnote-endpoint --demo``: a server, plain SQLite
EMBEDDED_DB_NAME = "endpoint.db"  # the desktop's embedded endpoint: SQLCipher
# The demo physicians' regions (provinces), for the mirror's regional figures.
DEMO_REGIONS = {"gp": "BE-VAN", "specialist": "BE-BRU"}


def demo_settings(demo_dir: Path, *, host: str = "127.0.0.1", port: int = 8443) -> EndpointSettings:
    """Settings over a demo PKI in ``demo_dir`` (created on first use, reused after);
    callers change other fields with ``dataclasses.replace``."""
    from fitnote_desktop.demo import DEMO_DESK_PHYSICIANS, DEMO_PHYSICIANS
    from fitnote_desktop.demo.pki import create_demo_pki

    demo_dir = Path(demo_dir)
    pki = create_demo_pki(demo_dir)
    registry = tuple(
        RegistryEntry(
            p.niss,
            p.riziv,
            p.given_name,
            p.family_name,
            "treating",
            region=DEMO_REGIONS.get(p.key, ""),
        )
        for p in DEMO_PHYSICIANS
    ) + tuple(
        RegistryEntry(
            d.niss,
            d.riziv,
            d.given_name,
            d.family_name,
            d.role,
            employers=d.employers,
            postal_codes=d.postal_codes,
        )
        for d in DEMO_DESK_PHYSICIANS
    )
    return EndpointSettings(
        db_url=f"sqlite:///{(demo_dir / DEMO_DB_NAME).resolve()}",
        trust_roots=tuple(pki.citizen_trust_roots()),
        intermediates=load_certificates(pki.citizen_ca_pem),
        receipt_signer=ReceiptSigner.from_pkcs12(pki.receipt_p12, pki.password),
        registry=registry,
        synthetic_population=True,
        host=host,
        port=port,
        tls_cert=pki.tls_cert,
        tls_key=pki.tls_key,
        demo=True,
    )


def uvicorn_config(
    settings: EndpointSettings,
    app: ASGIApp | str | None = None,
    *,
    workers: int = 1,
    access_log: bool = False,
) -> uvicorn.Config:
    """The one uvicorn configuration of the endpoint, for the CLI and the embedded server.

    TLS certificate and key, host and port come from ``settings``; there is no
    plain-HTTP configuration. With ``settings.client_ca`` the port asks browsers for a
    client certificate (the desk's eID sign-in, ``endpoint.desk.tls``, whose protocol
    class is uvicorn's httptools one with the peer certificate added). ``app`` is the
    ASGI app (default: built from ``settings``) or, for ``workers > 1``, the import
    string of a zero-argument app factory, since an app object cannot be handed to
    worker processes.

    HTTP parsing and the event loop are the C implementations (httptools, uvloop; both
    are dependencies): uvicorn's pure-Python h11 parser and asyncio's selector loop cost
    more CPU per request than a document's rules check (issue 14). The protocol is
    httptools' with one socket write per answer (``endpoint.coalesce``). No fallback: a
    missing one is an installation error, raised at start. Windows has no uvloop, so
    there (the embedded demo endpoint of a physician's laptop) the loop is asyncio's.
    """
    if settings.tls_cert is None or settings.tls_key is None:
        raise ValueError("the endpoint only serves HTTPS: a TLS certificate and key are needed")
    if workers > 1 and not isinstance(app, str):
        raise ValueError("several workers need the app as an import string of a factory")
    client_certificates: dict[str, Any] = {}
    if settings.client_ca is not None:
        # the desk's eID sign-in: ask for a client certificate, do not require one
        client_certificates = {
            "ssl_cert_reqs": ssl.CERT_OPTIONAL,
            "ssl_ca_certs": str(settings.client_ca),
            "http": ClientCertificateProtocol,
        }
    return uvicorn.Config(
        app if app is not None else create_app(settings),
        factory=isinstance(app, str),
        workers=workers,
        host=settings.host,
        port=settings.port,
        ssl_certfile=str(settings.tls_cert),
        ssl_keyfile=str(settings.tls_key),
        log_level="warning",
        access_log=access_log,
        timeout_keep_alive=30,
        timeout_graceful_shutdown=3,
        limit_concurrency=500,
        loop="asyncio" if sys.platform == "win32" else "uvloop",
        **({"http": CoalescingHttpProtocol} | client_certificates),  # the desk's subclass
    )


def serve(
    settings: EndpointSettings,
    *,
    access_log: bool = False,
    workers: int = 1,
    factory: str | None = None,
) -> None:
    """Run until interrupted (Ctrl-C / SIGTERM).

    ``workers > 1`` runs several uvicorn worker processes (CPU-bound signature checks
    then use every core); each builds its app through ``factory`` (an import string of a
    zero-argument function, see ``cli.worker_app``). The schema is prepared here, once,
    before they start.
    """
    if workers <= 1 or factory is None:
        server = uvicorn.Server(uvicorn_config(settings, access_log=access_log))
        freeze_startup_objects()
        server.run()
        return
    config = uvicorn_config(settings, factory, workers=workers, access_log=access_log)
    prepare_database(settings)
    Multiprocess(config, sockets=[config.bind_socket()]).run()


def freeze_startup_objects() -> None:
    """Exempt everything built so far (modules, app, ORM metadata, trust store) from the
    cyclic garbage collector, in a process that only serves from here on.

    Each submission allocates thousands of short-lived objects (the decoded document,
    the rule findings); the collections they trigger also walked the few hundred
    thousand objects that live as long as the server, about a tenth of the endpoint's
    CPU per document (issue 14, ``py-spy --native``: ``gc_collect_main``). Frozen
    objects are still freed by reference counting; only a reference cycle among them
    would be kept, and they are kept for the life of the process anyway.
    """
    gc.collect()
    gc.freeze()


@dataclass
class RunningServer:
    """A uvicorn server on a background thread."""

    url: str
    host: str
    port: int
    _server: uvicorn.Server
    _thread: threading.Thread

    def stop(self, timeout: float = 10.0) -> None:
        self._server.should_exit = True
        self._thread.join(timeout)

    @property
    def running(self) -> bool:
        return self._thread.is_alive()


def start_in_thread(
    settings: EndpointSettings, *, app: ASGIApp | None = None, startup_timeout: float = 20.0
) -> RunningServer:
    """Start uvicorn (TLS) on a daemon thread; returns once it accepts connections.

    The socket is bound here, before the thread starts, so ``port=0`` yields a free port
    without a race and the URL is known when this returns. ``app`` replaces the app built
    from ``settings`` (tests wrap it to inject faults).
    """
    config = uvicorn_config(settings, app)
    sock = socket.socket(socket.AF_INET, socket.SOCK_STREAM)
    sock.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
    sock.bind((settings.host, settings.port))
    port = sock.getsockname()[1]
    server = uvicorn.Server(config)
    thread = threading.Thread(
        target=server.run,
        kwargs={"sockets": [sock]},
        name=f"fitnote-endpoint-{port}",
        daemon=True,
    )
    thread.start()
    deadline = time.monotonic() + startup_timeout
    while not server.started:
        if not thread.is_alive():
            raise RuntimeError("the endpoint failed to start")
        if time.monotonic() > deadline:
            server.should_exit = True
            raise RuntimeError("the endpoint did not start in time")
        time.sleep(0.02)
    host = "127.0.0.1" if settings.host in ("0.0.0.0", "") else settings.host  # noqa: S104
    return RunningServer(f"https://{host}:{port}", host, port, server, thread)


@dataclass
class EmbeddedEndpoint:
    """The demo endpoint running inside the desktop app."""

    url: str
    ca_pem_path: Path
    receipt_cert: x509.Certificate
    receipt_cert_path: Path
    _running: RunningServer

    def stop(self) -> None:
        self._running.stop()


def start_embedded(demo_dir: Path, *, db_key: bytes, port: int = 0) -> EmbeddedEndpoint:
    """Start the sandbox endpoint for ``fitnote-desktop --demo`` on 127.0.0.1.

    Its database lives on the physician's laptop, so it is a SQLCipher file under
    ``db_key`` (kept by the caller like a profile key). A plaintext database left by an
    earlier version is deleted first: it held demo documents only.

    The client should use ``url``, verify TLS against ``ca_pem_path`` and pin
    ``receipt_cert`` for receipts.
    """
    from fitnote_desktop.demo.pki import create_demo_pki

    demo_dir = Path(demo_dir)
    for suffix in ("", "-wal", "-shm", "-journal"):
        (demo_dir / f"{DEMO_DB_NAME}{suffix}").unlink(missing_ok=True)
    pki = create_demo_pki(demo_dir)
    settings = replace(
        demo_settings(demo_dir, host="127.0.0.1", port=port),
        db_url=f"sqlite:///{(demo_dir / EMBEDDED_DB_NAME).resolve()}",
        db_key=db_key,
    )
    running = start_in_thread(settings)
    return EmbeddedEndpoint(
        url=running.url,
        ca_pem_path=pki.endpoint_ca_pem,
        receipt_cert=load_certificates(pki.receipt_cert_pem)[0],
        receipt_cert_path=pki.receipt_cert_pem,
        _running=running,
    )
