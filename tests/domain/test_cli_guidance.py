"""`fitnote-desktop guidance CODE`: the group and guidance of a code, for scripts."""

import json
import subprocess
import sys


def run(*args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "fitnote_desktop", "guidance", *args],
        capture_output=True,
        text=True,
    )


def test_icpc_code_as_json_in_dutch() -> None:
    out = run("L03", "--lang", "nl", "--json")
    assert out.returncode == 0, out.stderr
    data = json.loads(out.stdout)
    assert data["system"] == "ICPC-2" and data["group"] == "low_back_pain"
    assert data["label"] == "Lage rugpijn"
    assert data["guidance"]["max_days"] == 14
    assert data["guidance"]["source"]["url"].startswith("https://roi.socialstyrelsen.se/")
    assert data["icf_labels"]["b280"] == "Pijngewaarwording"
    assert data["sheet"].endswith("low_back_pain.nl.md")


def test_icd_code_and_a_team_written_range() -> None:
    data = json.loads(run("M54.2", "--lang", "fr", "--json").stdout)
    assert data["system"] == "ICD-10" and data["group"] == "neck_pain"
    assert data["guidance"]["source"] == "fitnote team"
    assert data["guidance"]["review"] == "clinical review pending"


def test_system_settles_an_ambiguous_code() -> None:
    # N93: carpal tunnel syndrome in ICPC-2, abnormal uterine bleeding in ICD-10
    assert json.loads(run("N93", "--json").stdout)["group"] == "carpal_tunnel"
    out = run("N93", "--system", "ICD-10", "--json")
    assert out.returncode == 1 and json.loads(out.stdout)["group"] is None


def test_text_output_and_unknown_code() -> None:
    out = run("P76", "--lang", "en")
    assert out.returncode == 0
    assert "Depression [depression]" in out.stdout and "0-180 days" in out.stdout
    unknown = run("I10")
    assert unknown.returncode == 1 and "no pathology group" in unknown.stdout
