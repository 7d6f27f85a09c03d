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
