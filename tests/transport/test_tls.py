"""The client refuses plain HTTP and every server certificate it should not trust."""

from __future__ import annotations

import datetime as dt
import socket
import ssl
import threading
from pathlib import Path

import pytest
from support.endpoint import (
    Physician,
    running_endpoint,
    write_tls_certificate,
)

from fitnote_desktop.demo.pki import DemoPki
from fitnote_desktop.transport.client import (
    EndpointClient,
    EndpointUnavailable,
    InsecureEndpointError,
    TlsVerificationError,
    build_ssl_context,
)
from fitnote_desktop.transport.receipts import load_certificate


def _client(pki: DemoPki, url: str, gp: Physician | None = None) -> EndpointClient:
    return EndpointClient(
        url,
        ca_bundle=pki.endpoint_ca_pem,
        receipt_certificate=load_certificate(pki.receipt_cert_pem.read_bytes()),
        authenticator=gp.authenticator if gp else None,
        timeout=5.0,
    )


def test_plain_http_is_refused_before_any_connection(demo_pki: DemoPki) -> None:
    listener = socket.socket()
    listener.bind(("127.0.0.1", 0))
    listener.listen(1)
    listener.settimeout(0.3)
    port = listener.getsockname()[1]
    try:
        for url in (f"http://127.0.0.1:{port}", f"HTTP://127.0.0.1:{port}/v1", "ftp://x"):
            with pytest.raises(InsecureEndpointError) as err:
                _client(demo_pki, url)
            assert err.value.code == "transport.insecure_url"
        with pytest.raises(TimeoutError):
            listener.accept()  # nobody ever connected
    finally:
        listener.close()


def test_a_non_verifying_context_is_refused() -> None:
    ctx = ssl.create_default_context()
    ctx.check_hostname = False
    ctx.verify_mode = ssl.CERT_NONE
    with pytest.raises(InsecureEndpointError):
        build_ssl_context(ctx)


def test_the_right_certificate_is_accepted(demo_pki: DemoPki, tmp_path: Path) -> None:
    with running_endpoint(demo_pki, db_url=f"sqlite:///{tmp_path}/ep.sqlite3") as ep:
        with _client(demo_pki, ep.url) as client:
            assert client.health()["status"] == "ok"
        # "localhost" is in the SAN too
        with _client(demo_pki, ep.url.replace("127.0.0.1", "localhost")) as client:
            assert client.health()["status"] == "ok"


@pytest.mark.parametrize(
    "case",
    ["unknown-ca", "hostname-mismatch", "expired", "not-yet-valid"],
)
def test_untrusted_server_certificates_are_refused(
    demo_pki: DemoPki, tmp_path: Path, case: str
) -> None:
    now = dt.datetime.now(dt.UTC)
    kwargs: dict[str, object] = {
        "unknown-ca": {"foreign_ca": True},
        "hostname-mismatch": {"hostnames": ("other.example", "10.9.8.7")},
        "expired": {
            "not_before": now - dt.timedelta(days=60),
            "not_after": now - dt.timedelta(days=1),
        },
        "not-yet-valid": {
            "not_before": now + dt.timedelta(days=2),
            "not_after": now + dt.timedelta(days=60),
        },
    }[case]
    cert, key = write_tls_certificate(demo_pki, tmp_path / "tls", case, **kwargs)  # type: ignore[arg-type]
    with running_endpoint(
        demo_pki, db_url=f"sqlite:///{tmp_path}/ep.sqlite3", tls_cert=cert, tls_key=key
    ) as ep:
        with _client(demo_pki, ep.url) as client, pytest.raises(TlsVerificationError) as err:
            client.health()
        assert err.value.code == "transport.tls_failed"
        assert err.value.retryable


def test_a_proxy_in_the_environment_is_used(
    demo_pki: DemoPki, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Requests go to httpx's transport directly unless the environment names a proxy:
    then through it (here a listener that reads the CONNECT and hangs up)."""
    listener = socket.socket()
    listener.bind(("127.0.0.1", 0))
    listener.listen(1)
    listener.settimeout(5)
    seen: list[bytes] = []

    def proxy() -> None:
        conn, _ = listener.accept()
        with conn:
            seen.append(conn.recv(1024))

    for name in ("NO_PROXY", "no_proxy", "ALL_PROXY", "all_proxy", "https_proxy"):
        monkeypatch.delenv(name, raising=False)
    monkeypatch.setenv("HTTPS_PROXY", f"http://127.0.0.1:{listener.getsockname()[1]}")
    thread = threading.Thread(target=proxy)
    thread.start()
    try:
        client = _client(demo_pki, "https://127.0.0.1:9")  # never contacted itself
        with pytest.raises(EndpointUnavailable):
            client.health()
        client.close()
    finally:
        thread.join(10)
        listener.close()
    assert seen and seen[0].startswith(b"CONNECT 127.0.0.1:9 ")
