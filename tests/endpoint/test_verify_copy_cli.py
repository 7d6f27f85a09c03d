"""``fitnote-desktop verify-copy`` against a live TLS endpoint, trusting the demo CA."""

from __future__ import annotations

import json
import uuid
from collections.abc import Iterator

import pytest
from support.endpoint import LiveEndpoint, Physician, running_endpoint

from fitnote_desktop.cli import main
from fitnote_desktop.demo.pki import DemoPki
from fitnote_desktop.domain import samples
from fitnote_desktop.domain.identifiers import format_riziv
from fitnote_desktop.domain.messages import message
from fitnote_desktop.domain.model import Document
from fitnote_desktop.domain.reference import (
    format_reference,
    full_hash,
    qr_payload_for,
)
from fitnote_desktop.endpoint.texts import page_text
from fitnote_desktop.transport.client import sign_retraction


@pytest.fixture(scope="module")
def endpoint(demo_pki: DemoPki, tmp_path_factory: pytest.TempPathFactory) -> Iterator[LiveEndpoint]:
    db = tmp_path_factory.mktemp("verify-cli") / "ep.sqlite3"
    with running_endpoint(demo_pki, db_url=f"sqlite:///{db}") as ep:
        yield ep


def _sent(endpoint: LiveEndpoint, gp: Physician) -> tuple[Document, str]:
    doc = samples.incapacity(id=str(uuid.uuid4()))
    endpoint.client(gp).submit(*gp.sign(doc))
    return doc, format_reference(doc.id, full_hash(doc)[:8])


def _trust(endpoint: LiveEndpoint, demo_pki: DemoPki) -> list[str]:
    return ["--endpoint", endpoint.url, "--demo-pki", str(demo_pki.directory)]


def test_a_valid_copy_prints_its_facts_in_the_language_and_exits_0(
    endpoint: LiveEndpoint, gp: Physician, demo_pki: DemoPki, capsys: pytest.CaptureFixture[str]
) -> None:
    doc, reference = _sent(endpoint, gp)
    assert main(["verify-copy", reference, *_trust(endpoint, demo_pki), "--lang", "fr"]) == 0
    lines = capsys.readouterr().out.splitlines()
    assert lines[0] == page_text("status.valid", "fr")
    assert f"{page_text('fact.status', 'fr')}: {page_text('state.valid', 'fr')}" in lines
    assert f"{page_text('fact.reference', 'fr')}: {reference}" in lines
    assert f"{page_text('fact.riziv', 'fr')}: {format_riziv(doc.author.riziv)}" in lines
    assert "Période: du 16/11/2026 au 29/11/2026 inclus (14 jours)" in lines
    out = "\n".join(lines)
    assert doc.patient.family_name not in out and doc.patient.niss not in out


def test_the_address_of_the_qr_code_is_enough(
    endpoint: LiveEndpoint, gp: Physician, demo_pki: DemoPki, capsys: pytest.CaptureFixture[str]
) -> None:
    doc, _ = _sent(endpoint, gp)
    address = qr_payload_for(doc.id, full_hash(doc)[:8], verify_base_url=endpoint.url)
    code = main(["verify-copy", address, "--demo-pki", str(demo_pki.directory), "--json"])
    assert code == 0
    assert json.loads(capsys.readouterr().out)["status"] == "valid"


def test_retracted_and_forged_exit_1(
    endpoint: LiveEndpoint, gp: Physician, demo_pki: DemoPki, capsys: pytest.CaptureFixture[str]
) -> None:
    doc, reference = _sent(endpoint, gp)
    retraction = sign_retraction(gp.signer, str(doc.id), "error")
    endpoint.client(gp).retract(str(doc.id), retraction.payload, retraction.signature)
    assert main(["verify-copy", reference, *_trust(endpoint, demo_pki), "--lang", "nl"]) == 1
    out = capsys.readouterr().out
    assert out.startswith(page_text("status.retracted", "nl"))
    assert f"{page_text('fact.reason', 'nl')}: {page_text('reason.error', 'nl')}" in out

    forged = reference[:-8] + ("0" * 8 if not reference.endswith("0" * 8) else "1" * 8)
    assert main(["verify-copy", forged, *_trust(endpoint, demo_pki), "--lang", "de"]) == 1
    out = capsys.readouterr().out
    assert out.splitlines()[0] == page_text("status.unknown", "de")
    assert doc.author.family_name not in out


def test_unreadable_reference_unreachable_and_untrusted_exit_2(
    endpoint: LiveEndpoint, gp: Physician, demo_pki: DemoPki, capsys: pytest.CaptureFixture[str]
) -> None:
    _, reference = _sent(endpoint, gp)
    assert main(["verify-copy", "Lumbago L86", *_trust(endpoint, demo_pki), "--lang", "fr"]) == 2
    err = capsys.readouterr().err
    assert err.strip() == f"fitnote-desktop: {message('verify_copy.unreadable', 'fr')}"
    assert "Lumbago" not in err  # the input is never echoed

    offline = ["--endpoint", "https://127.0.0.1:9", "--demo-pki", str(demo_pki.directory)]
    assert main(["verify-copy", reference, *offline, "--timeout", "2"]) == 2
    assert len(capsys.readouterr().err.strip().splitlines()) == 1

    # without the demo CA the system store does not trust the sandbox endpoint
    assert main(["verify-copy", reference, "--endpoint", endpoint.url]) == 2
    assert "TLS certificate not trusted" in capsys.readouterr().err

    plain = endpoint.url.replace("https://", "http://")
    assert main(["verify-copy", reference, "--endpoint", plain]) == 2
    assert message("verify_copy.https_only", "en") in capsys.readouterr().err

    assert main(["verify-copy", reference]) == 2
    assert message("verify_copy.need_endpoint", "en") in capsys.readouterr().err


def test_a_ca_bundle_file_is_trusted_like_send(
    endpoint: LiveEndpoint, gp: Physician, capsys: pytest.CaptureFixture[str]
) -> None:
    _, reference = _sent(endpoint, gp)
    code = main(
        ["verify-copy", reference, "--endpoint", endpoint.url, "--ca", str(endpoint.ca_pem)]
    )
    assert code == 0
    assert capsys.readouterr().out.startswith(page_text("status.valid", "en"))
