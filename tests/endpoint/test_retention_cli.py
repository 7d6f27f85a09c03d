"""Retention purge and the ``fitnote-endpoint`` command line (both ways to serve)."""

from __future__ import annotations

import dataclasses
import json
import subprocess
import sys
import time
import uuid
from datetime import timedelta
from pathlib import Path

import httpx
import pytest
import sqlalchemy as sa
from support.endpoint import LiveEndpoint, MutableClock, Physician, free_port

from fitnote_desktop.demo import DEMO_GP
from fitnote_desktop.demo.pki import DemoPki
from fitnote_desktop.domain import samples
from fitnote_desktop.endpoint import db
from fitnote_desktop.endpoint.cli import main
from fitnote_desktop.endpoint.purge import purge


def _rows(url: str, table: type[db.Base]) -> int:
    engine = db.make_engine(url)
    try:
        with engine.connect() as conn:
            return int(conn.execute(sa.select(sa.func.count()).select_from(table)).scalar_one())
    finally:
        engine.dispose()


def test_purge_removes_what_is_older_than_retention(
    endpoint: LiveEndpoint, gp: Physician, clock: MutableClock
) -> None:
    client = endpoint.client(gp)
    old = samples.incapacity(id=str(uuid.uuid4()))
    receipt = client.submit(*gp.sign(old))
    client.post_thread(receipt.dossier_id, "Oud", "Bericht.")
    clock.advance(days=800)  # more than two years later
    client.logout()
    recent = dataclasses.replace(samples.incapacity(id=str(uuid.uuid4())))
    client.submit(*gp.sign(recent))
    engine = db.make_engine(endpoint.settings.db_url)
    try:
        report = purge(engine, clock() - endpoint.settings.retention, now=clock())
    finally:
        engine.dispose()
    assert (report.documents, report.threads, report.messages) == (1, 1, 1)
    assert _rows(endpoint.settings.db_url, db.Document) == 1
    assert client.status(str(recent.id)).status == "accepted"


def test_purge_cli(tmp_path: Path, demo_pki: DemoPki, capsys: pytest.CaptureFixture[str]) -> None:
    url = f"sqlite:///{tmp_path / 'ep.sqlite3'}"
    assert main(["purge", "--db", url, "--before", "2020-01-01"]) == 0
    assert "0 document(s)" in capsys.readouterr().out
    assert main(["purge"]) == 2


def test_serve_needs_all_options_without_demo(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["--port", "9999"]) == 2
    err = capsys.readouterr().err
    assert "--cert" in err and "--registry" in err and "--trust" in err


def test_serve_real_deployment_options(demo_pki: DemoPki, tmp_path: Path) -> None:
    """``fitnote-endpoint --cert --key --trust --db --registry --receipt-*`` serves TLS."""
    from cryptography.hazmat.primitives import serialization
    from cryptography.hazmat.primitives.serialization import pkcs12

    key, cert, _ = pkcs12.load_key_and_certificates(
        demo_pki.receipt_p12.read_bytes(), demo_pki.password.encode()
    )
    assert key is not None and cert is not None
    receipt_key = tmp_path / "receipt-key.pem"
    receipt_key.write_bytes(
        key.private_bytes(
            serialization.Encoding.PEM,
            serialization.PrivateFormat.PKCS8,
            serialization.NoEncryption(),
        )
    )
    registry = tmp_path / "registry.json"
    registry.write_text(
        json.dumps([{"niss": DEMO_GP.niss, "riziv": DEMO_GP.riziv, "role": "treating"}])
    )
    port = free_port()
    proc = subprocess.Popen(
        [
            sys.executable,
            "-m",
            "fitnote_desktop.endpoint.cli",
            "--host",
            "127.0.0.1",
            "--port",
            str(port),
            "--cert",
            str(demo_pki.tls_cert),
            "--key",
            str(demo_pki.tls_key),
            "--trust",
            str(demo_pki.root_ca_pem),
            "--intermediate",
            str(demo_pki.citizen_ca_pem),
            "--db",
            f"sqlite:///{tmp_path / 'real.sqlite3'}",
            "--registry",
            str(registry),
            "--receipt-cert",
            str(demo_pki.receipt_cert_pem),
            "--receipt-key",
            str(receipt_key),
        ],
        stdout=subprocess.PIPE,
        stderr=subprocess.STDOUT,
    )
    try:
        import ssl

        ctx = ssl.create_default_context(cafile=str(demo_pki.endpoint_ca_pem))
        deadline = time.monotonic() + 30
        while True:
            try:
                r = httpx.get(f"https://127.0.0.1:{port}/v1/health", verify=ctx, timeout=2)
                break
            except httpx.TransportError:
                if time.monotonic() > deadline or proc.poll() is not None:
                    raise
                time.sleep(0.2)
        assert r.json()["status"] == "ok"
        gp = Physician.from_pki(demo_pki, "gp")
        from support.endpoint import LiveEndpoint as _Live
        from support.endpoint import endpoint_settings

        from fitnote_desktop.transport.receipts import load_certificate

        live = _Live(
            f"https://127.0.0.1:{port}",
            endpoint_settings(demo_pki, "sqlite://"),
            demo_pki,
            load_certificate(demo_pki.receipt_cert_pem.read_bytes()),
        )
        doc = samples.incapacity(id=str(uuid.uuid4()))
        assert live.client(gp).submit(*gp.sign(doc)).status == "accepted"
        live.stop()
    finally:
        proc.terminate()
        proc.wait(10)


def test_retention_default_is_two_years() -> None:
    from fitnote_desktop.endpoint.settings import DEFAULT_RETENTION

    assert timedelta(days=730) == DEFAULT_RETENTION
