"""`fitnote-desktop validate` and `icf search` as a script or a physician's IT person uses them."""

import json
import subprocess
import sys
from pathlib import Path

import pytest

from fitnote_desktop.domain import canonical, samples

ROOT = Path(__file__).resolve().parents[2]


def run(*args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "fitnote_desktop", *args], capture_output=True, text=True
    )


def test_version() -> None:
    out = run("--version")
    assert out.returncode == 0 and out.stdout.startswith("fitnote-desktop ")


def test_valid_example_exits_zero() -> None:
    out = run(
        "validate",
        str(ROOT / "resources/examples/incapacity-initial.json"),
        "--today",
        "2026-11-16",
    )
    assert out.returncode == 0, out.stderr
    assert "valid" in out.stdout


def test_findings_in_the_chosen_language_exit_one(tmp_path: Path) -> None:
    data = canonical.to_dict(samples.incapacity())
    del data["body"]["period"]["end"]
    path = tmp_path / "doc.json"
    path.write_text(json.dumps(data), encoding="utf-8")
    fr = run("validate", str(path), "--lang", "fr", "--today", "2027-01-31")
    assert fr.returncode == 1
    assert "La date de fin est obligatoire." in fr.stdout
    assert "Erreur: body.period.end" in fr.stdout
    nl = run("validate", str(path), "--lang", "nl", "--json", "--today", "2027-01-31")
    report = json.loads(nl.stdout)
    assert report["valid"] is False
    assert report["findings"][0]["code"] == "period.end_missing"
    assert report["findings"][0]["message"] == "De einddatum is verplicht."


@pytest.mark.parametrize(
    "content", [b"", b"{not json", b'{"schema": "fitnote/1", "kind": "incapacity"}', b"\xff\xfe"]
)
def test_unreadable_input_exits_two_without_traceback(tmp_path: Path, content: bytes) -> None:
    path = tmp_path / "bad.json"
    path.write_bytes(content)
    out = run("validate", str(path))
    assert out.returncode == 2
    assert "Traceback" not in out.stderr and "not a valid fitnote/1 document" in out.stderr


def test_missing_file_exits_two() -> None:
    out = run("validate", "/nonexistent/doc.json")
    assert out.returncode == 2 and "cannot read" in out.stderr and "Traceback" not in out.stderr


def test_icf_search_in_dutch() -> None:
    out = run("icf", "search", "tillen", "--lang", "nl")
    assert out.returncode == 0
    assert out.stdout.splitlines()[0].startswith("d430")


# unreadable input: size and nesting (issue 13, item 6) -------------------------------------
DEEP = 200_000


def _self_signed_pem(path: Path) -> Path:
    """A trust anchor for ``verify``, which reads its roots before the envelope."""
    from datetime import UTC, datetime, timedelta

    from cryptography import x509
    from cryptography.hazmat.primitives import hashes, serialization
    from cryptography.hazmat.primitives.asymmetric import ec
    from cryptography.x509.oid import NameOID

    key = ec.generate_private_key(ec.SECP256R1())
    name = x509.Name([x509.NameAttribute(NameOID.COMMON_NAME, "test root")])
    now = datetime.now(UTC)
    cert = (
        x509.CertificateBuilder()
        .subject_name(name)
        .issuer_name(name)
        .public_key(key.public_key())
        .serial_number(1)
        .not_valid_before(now)
        .not_valid_after(now + timedelta(days=1))
        .sign(key, hashes.SHA256())
    )
    path.write_bytes(cert.public_bytes(serialization.Encoding.PEM))
    return path


COMMANDS: dict[str, list[str]] = {
    "validate": ["validate", "{file}"],
    "sign": ["sign", "{file}", "--pkcs12", "{tmp}/none.p12", "-o", "{tmp}/env.json"],
    "pdf": ["pdf", "{file}", "--recipient", "employer", "-o", "{tmp}/out.pdf"],
    "send": ["send", "{file}", "--endpoint", "https://127.0.0.1:9", "--demo-pki", "{tmp}/pki"],
    "export-kmehr": ["export-kmehr", "{file}", "--recipient", "employer"],
    "verify": ["verify", "{file}", "--trust", "{tmp}/root.pem"],
}


# the reproduction of the issue (400 kB: over the size limit) and one under the size limit
NESTED = {
    "200k arrays": ("[" * DEEP + "]" * DEEP, "larger than 256 KiB"),
    "40k objects": ('{"a":' * 40_000 + "1" + "}" * 40_000, "nested more than"),
}


@pytest.mark.parametrize("command", list(COMMANDS))
@pytest.mark.parametrize("nested", list(NESTED))
def test_deeply_nested_json_is_one_line_not_a_stack(
    tmp_path: Path, command: str, nested: str
) -> None:
    content, reason = NESTED[nested]
    path = tmp_path / "deep.json"
    path.write_text(content)
    _self_signed_pem(tmp_path / "root.pem")
    out = run(*(a.format(file=path, tmp=tmp_path) for a in COMMANDS[command]))
    assert "Traceback" not in out.stderr and "RecursionError" not in out.stderr
    if command == "verify" and nested == "40k objects":
        # a verdict on the envelope, as for any other envelope that is not JSON
        assert out.returncode == 1 and "envelope.malformed" in out.stdout
        return
    assert out.returncode == 2, out.stderr
    [line] = out.stderr.strip().splitlines()
    assert line.startswith("fitnote-desktop: ") and reason in line


def test_validate_refuses_a_file_larger_than_the_endpoint_accepts(tmp_path: Path) -> None:
    data = canonical.to_dict(samples.incapacity())
    data["padding"] = "x" * (300 * 1024)
    path = tmp_path / "big.json"
    path.write_text(json.dumps(data), encoding="utf-8")
    out = run("validate", str(path))
    assert out.returncode == 2
    [line] = out.stderr.strip().splitlines()
    assert "larger than 256 KiB" in line


def test_input_limit_is_the_endpoints() -> None:
    import dataclasses

    from fitnote_desktop.commands.validate import MAX_INPUT_BYTES
    from fitnote_desktop.endpoint.settings import EndpointSettings

    [limit] = [f for f in dataclasses.fields(EndpointSettings) if f.name == "max_body_bytes"]
    assert limit.default == MAX_INPUT_BYTES


def test_nesting_bound_is_exact() -> None:
    from fitnote_desktop.commands.validate import MAX_JSON_DEPTH, parse_json

    assert parse_json(b"[" * MAX_JSON_DEPTH + b"]" * MAX_JSON_DEPTH) is not None
    with pytest.raises(ValueError, match="deep"):
        parse_json(b"[" * (MAX_JSON_DEPTH + 1) + b"]" * (MAX_JSON_DEPTH + 1))
    with pytest.raises(ValueError, match="deep"):
        parse_json(b"[" * DEEP + b"]" * DEEP)
    with pytest.raises(ValueError, match="not UTF-8 JSON"):
        parse_json(b"\xff[]")


def test_deeply_nested_kmehr_is_refused_by_the_xml_parser(tmp_path: Path) -> None:
    """lxml without huge_tree stops at libxml2's depth limit (256) before any recursion."""
    ns = "http://www.ehealth.fgov.be/standards/kmehr/schema/v1"
    path = tmp_path / "deep.xml"
    path.write_text(
        f'<kmehrmessage xmlns="{ns}">' + "<a>" * DEEP + "</a>" * DEEP + "</kmehrmessage>"
    )
    out = run("import-kmehr", str(path), "-o", str(tmp_path / "doc.json"))
    assert out.returncode == 2
    [line] = out.stderr.strip().splitlines()
    assert "[kmehr.bad_xml]" in line
