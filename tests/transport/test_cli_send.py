"""``fitnote-desktop send | status | retract | outbox`` against a live TLS endpoint."""

from __future__ import annotations

import json
import uuid
from collections.abc import Iterator
from pathlib import Path

import pytest
from support.endpoint import LiveEndpoint, Physician, running_endpoint

from fitnote_desktop.cli import main
from fitnote_desktop.demo.pki import DemoPki
from fitnote_desktop.domain import samples
from fitnote_desktop.signing.envelope import dump_envelope
from fitnote_desktop.transport.receipts import unpack_receipt, verify_receipt


@pytest.fixture
def endpoint(demo_pki: DemoPki, tmp_path: Path) -> Iterator[LiveEndpoint]:
    with running_endpoint(demo_pki, db_url=f"sqlite:///{tmp_path}/ep.sqlite3") as ep:
        yield ep


def test_send_status_retract(
    endpoint: LiveEndpoint,
    gp: Physician,
    demo_pki: DemoPki,
    tmp_path: Path,
    capsys: pytest.CaptureFixture[str],
) -> None:
    doc = samples.incapacity(id=str(uuid.uuid4()))
    envelope = tmp_path / "doc.envelope.json"
    envelope.write_bytes(dump_envelope(*gp.sign(doc)))
    common = ["--endpoint", endpoint.url, "--demo-pki", str(demo_pki.directory)]
    receipt = tmp_path / "receipt.json"
    assert main(["send", str(envelope), *common, "--receipt-out", str(receipt), "--json"]) == 0
    out = json.loads(capsys.readouterr().out)
    assert (out["document_id"], out["status"]) == (str(doc.id), "accepted")
    verify_receipt(*unpack_receipt(receipt.read_bytes()), endpoint.receipt_cert)

    assert main(["status", str(doc.id), *common]) == 0
    assert capsys.readouterr().out.startswith("accepted:")
    assert main(["retract", str(doc.id), *common, "--reason", "error"]) == 0
    assert capsys.readouterr().out.startswith("retracted:")
    assert main(["status", str(doc.id), *common, "--json"]) == 0
    assert json.loads(capsys.readouterr().out)["status"] == "retracted"

    # a refusal: exit 1 with the endpoint's code; offline: exit 2
    assert main(["status", str(uuid.uuid4()), *common]) == 1
    assert "document.not_found" in capsys.readouterr().err
    offline = ["--endpoint", "https://127.0.0.1:9", "--demo-pki", str(demo_pki.directory)]
    assert main(["status", str(doc.id), *offline, "--timeout", "2"]) == 2
    assert "transport.connection_failed" in capsys.readouterr().err
    assert (
        main(
            [
                "status",
                str(doc.id),
                "--endpoint",
                "http://127.0.0.1:9",
                "--demo-pki",
                str(demo_pki.directory),
            ]
        )
        == 2
    )
    assert "transport.insecure_url" in capsys.readouterr().err


def test_outbox_listing(tmp_path: Path, gp: Physician, capsys: pytest.CaptureFixture[str]) -> None:
    from support.outbox import TEST_PASSPHRASE, open_test_profile, queue_signed

    profile = open_test_profile(tmp_path / "profiles", "dr-cli")
    queue_signed(profile, gp, [samples.incapacity(id=str(uuid.uuid4()))])
    profile.lock()
    secret = tmp_path / "pass.txt"
    secret.write_text(TEST_PASSPHRASE + "\n")
    code = main(
        [
            "--profile-dir",
            str(tmp_path / "profiles"),
            "outbox",
            "dr-cli",
            "--passphrase-file",
            str(secret),
            "--json",
        ]
    )
    assert code == 0
    rows = json.loads(capsys.readouterr().out)
    assert [(r["status"], r["operation"]) for r in rows] == [("queued", "submit")]
