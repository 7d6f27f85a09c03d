"""The signing commands, run as a user would: ``python -m fitnote_desktop ...``."""

from __future__ import annotations

import base64
import json
import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from fitnote_desktop.commands.signing import default_eid_module_candidates, payload_for_signing
from fitnote_desktop.demo import DEMO_PASSWORD
from fitnote_desktop.demo.pki import DemoPki
from fitnote_desktop.demo.softhsm import SoftHsmToken


def cli(
    *args: str | Path,
    env: dict[str, str] | None = None,
    stdin: str | None = None,
    cwd: Path | None = None,
) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "fitnote_desktop", *map(str, args)],
        capture_output=True,
        text=True,
        env=env,
        input=stdin,
        cwd=cwd,
        timeout=120,
        check=False,
    )


def assert_clean_failure(done: subprocess.CompletedProcess[str], code: str) -> None:
    assert done.returncode == 2, (done.stdout, done.stderr)
    assert "Traceback" not in done.stderr
    lines = done.stderr.strip().splitlines()
    assert len(lines) == 1 and lines[0].startswith("fitnote-desktop: ")
    assert f"[{code}]" in lines[0]


@pytest.fixture
def document(tmp_path: Path) -> Path:
    path = tmp_path / "certificate.json"
    path.write_text(
        '{\n  "schema": "fitnote/1",\n  "id": "c0ffee",\n  "name": "Zoë"\n}\n', encoding="utf-8"
    )
    return path


def test_payload_is_canonical_json(document: Path) -> None:
    assert (
        payload_for_signing(document)
        == '{"id":"c0ffee","name":"Zoë","schema":"fitnote/1"}'.encode()
    )


def test_sign_with_demo_pkcs12_then_verify(
    demo_pki: DemoPki, document: Path, tmp_path: Path
) -> None:
    envelope = tmp_path / "envelope.json"
    # no --pin-file and no terminal: the demo manifest's password is used, nothing asked
    done = cli(
        "sign",
        document,
        "--pkcs12",
        demo_pki.physician("gp").signature_p12,
        "-o",
        envelope,
        stdin="",
    )
    assert done.returncode == 0, done.stderr
    assert "An Peeters (Signature)" in done.stdout and "85092123414" in done.stdout
    body = json.loads(envelope.read_text())
    assert base64.b64decode(body["payload"]) == payload_for_signing(document)

    done = cli("verify", envelope, "--trust", demo_pki.root_ca_pem)
    assert done.returncode == 0, done.stdout + done.stderr
    assert done.stdout.startswith("valid: signed by An Peeters (Signature)")

    done = cli("verify", envelope, "--trust", demo_pki.root_ca_pem, "--json")
    result = json.loads(done.stdout)
    assert done.returncode == 0 and result["valid"] and result["signer_niss"] == "85092123414"

    done = cli("verify", envelope, "--trust", demo_pki.endpoint_ca_pem)
    assert done.returncode == 1
    assert "signature.untrusted_chain" in done.stdout and not done.stderr

    body["payload"] = base64.b64encode(b'{"id":"c0ffee","name":"Zoe"}').decode()
    envelope.write_text(json.dumps(body))
    done = cli("verify", envelope, "--trust", demo_pki.root_ca_pem, "--json")
    assert done.returncode == 1 and json.loads(done.stdout)["code"] == "signature.digest_mismatch"

    envelope.write_text('{"payload": "not base64!", "signature": ""}')
    done = cli("verify", envelope, "--trust", demo_pki.root_ca_pem)
    assert done.returncode == 1 and "envelope.malformed" in done.stdout


def test_sign_through_softhsm_token(
    demo_token: SoftHsmToken, demo_pki: DemoPki, document: Path, tmp_path: Path
) -> None:
    pin_file = tmp_path / "pin"
    pin_file.write_text(demo_token.pin + "\n")
    envelope = tmp_path / "envelope.json"
    done = cli(
        "sign",
        document,
        "--module",
        demo_token.module_path,
        "--token",
        demo_token.label("specialist"),
        "-o",
        envelope,
        "--pin-file",
        pin_file,
        env=demo_token.env(),
    )
    assert done.returncode == 0, done.stderr
    assert "Marc Dubois (Signature)" in done.stdout
    done = cli("verify", envelope, "--trust", demo_pki.root_ca_pem, "--json")
    assert done.returncode == 0 and json.loads(done.stdout)["signer_niss"] == "72010103794"
    # the PIN can also come on stdin (scripts without a terminal)
    done = cli(
        "sign",
        document,
        "--module",
        demo_token.module_path,
        "--token",
        demo_token.label("gp"),
        "-o",
        envelope,
        env=demo_token.env(),
        stdin=demo_token.pin + "\n",
    )
    assert done.returncode == 0, done.stderr


def test_token_list(demo_token: SoftHsmToken) -> None:
    done = cli("token", "list", "--module", demo_token.module_path, env=demo_token.env())
    assert done.returncode == 0, done.stderr
    assert "'DEMO EID An Peeters'" in done.stdout
    assert "Signature       An Peeters (Signature)  [non_repudiation]" in done.stdout
    done = cli("token", "list", "--module", demo_token.module_path, "--json", env=demo_token.env())
    tokens = {t["label"]: t for t in json.loads(done.stdout)}
    labels = [c["label"] for c in tokens["DEMO EID Marc Dubois"]["certificates"]]
    assert labels[:2] == ["Authentication", "Signature"]


def test_wrong_pin_unknown_token_missing_module(
    demo_token: SoftHsmToken, document: Path, tmp_path: Path
) -> None:
    pin_file = tmp_path / "pin"
    pin_file.write_text("000000")
    out = tmp_path / "envelope.json"
    env = demo_token.env()
    done = cli(
        "sign",
        document,
        "--module",
        demo_token.module_path,
        "--token",
        demo_token.label("gp"),
        "-o",
        out,
        "--pin-file",
        pin_file,
        env=env,
    )
    assert_clean_failure(done, "signing.wrong_pin")
    assert "000000" not in done.stderr + done.stdout
    done = cli(
        "sign",
        document,
        "--module",
        demo_token.module_path,
        "--token",
        "NO SUCH CARD",
        "-o",
        out,
        "--pin-file",
        pin_file,
        env=env,
    )
    assert_clean_failure(done, "signing.token_not_found")
    done = cli(
        "sign",
        document,
        "--module",
        tmp_path / "libbeidpkcs11.so",
        "--token",
        "X",
        "-o",
        out,
        "--pin-file",
        pin_file,
        env=env,
    )
    assert_clean_failure(done, "signing.module_not_found")
    done = cli("token", "list", "--module", tmp_path / "missing.so")
    assert_clean_failure(done, "signing.module_not_found")
    assert not out.exists()


def test_wrong_password_and_cancel_for_a_non_demo_file(
    demo_pki: DemoPki, document: Path, tmp_path: Path
) -> None:
    p12 = tmp_path / "mine.p12"  # no manifest next to it: no demo password
    shutil.copy(demo_pki.physician("gp").signature_p12, p12)
    pin_file = tmp_path / "pw"
    pin_file.write_text("wrong password")
    done = cli("sign", document, "--pkcs12", p12, "-o", tmp_path / "e.json", "--pin-file", pin_file)
    assert_clean_failure(done, "signing.wrong_password")
    done = cli("sign", document, "--pkcs12", p12, "-o", tmp_path / "e.json", stdin="")
    assert_clean_failure(done, "signing.cancelled")
    pin_file.write_text(DEMO_PASSWORD)
    done = cli("sign", document, "--pkcs12", p12, "-o", tmp_path / "e.json", "--pin-file", pin_file)
    assert done.returncode == 0, done.stderr


def test_unreadable_inputs(demo_pki: DemoPki, tmp_path: Path) -> None:
    done = cli(
        "sign",
        tmp_path / "nope.json",
        "--pkcs12",
        demo_pki.physician("gp").signature_p12,
        "-o",
        tmp_path / "e.json",
    )
    assert done.returncode == 2 and "cannot read" in done.stderr and "Traceback" not in done.stderr
    done = cli("verify", tmp_path / "nope.json", "--trust", demo_pki.root_ca_pem)
    assert done.returncode == 2 and "Traceback" not in done.stderr


def test_demo_pki_command_with_softhsm(tmp_path: Path) -> None:
    directory = tmp_path / "demo"
    done = cli("demo-pki", directory, "--softhsm")
    assert done.returncode == 0, done.stderr
    assert (directory / "manifest.json").is_file()
    conf = directory / "softhsm" / "softhsm2.conf"
    assert f"SOFTHSM2_CONF={conf}" in done.stdout
    env = {**os.environ, "SOFTHSM2_CONF": str(conf)}
    module = next(
        line.split("module ")[1].rstrip(":")
        for line in done.stdout.splitlines()
        if "module " in line
    )
    listed = cli("token", "list", "--module", module, "--json", env=env)
    assert {t["label"] for t in json.loads(listed.stdout)} == {
        "DEMO EID An Peeters",
        "DEMO EID Marc Dubois",
    }
    again = cli("demo-pki", directory)  # idempotent: same root
    assert again.returncode == 0


def test_repository_is_refused() -> None:
    repo = Path(__file__).resolve().parents[2]
    done = cli("demo-pki", repo / "keys")
    assert done.returncode == 2 and "repository" in done.stderr
    assert not (repo / "keys").exists()


def test_eid_module_candidates_reexported(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.delenv("FITNOTE_PKCS11_MODULE", raising=False)
    assert "libbeidpkcs11" in default_eid_module_candidates("linux")[0]
