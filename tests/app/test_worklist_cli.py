"""``fitnote-desktop worklist --json`` on a real encrypted profile."""

from __future__ import annotations

import json
from datetime import date, timedelta
from pathlib import Path

import pytest

from fitnote_desktop import cli
from fitnote_desktop.store import KdfParams, ProfileManager, StoreOptions
from tests.support.worklist_data import add_patient, certificate, issue

PASSPHRASE = "worklist passphrase 42"


@pytest.fixture
def profiles(tmp_path: Path) -> Path:
    root = tmp_path / "profiles"
    manager = ProfileManager(root, StoreOptions(kdf=KdfParams.for_tests()))
    manager.create("dr-a", passphrase=PASSPHRASE)
    profile = manager.open("dr-a", PASSPHRASE)
    today = date.today()
    ann = add_patient(profile, "Ann", "Aerts")
    issue(profile, ann, certificate(today - timedelta(days=4), today + timedelta(days=1)))
    bart = add_patient(profile, "Bart", "Bosmans")
    issue(profile, bart, certificate(today - timedelta(days=9), today - timedelta(days=1)))
    profile.lock()
    (tmp_path / "pw").write_text(PASSPHRASE + "\n")
    return root


def test_worklist_json(profiles: Path, capsys: pytest.CaptureFixture[str]) -> None:
    pw = profiles.parent / "pw"
    code = cli.main(
        ["worklist", "--profile-dir", str(profiles), "--passphrase-file", str(pw), "--json"]
    )
    assert code == 0
    out = json.loads(capsys.readouterr().out)
    assert [r["patient_name"] for r in out["rows"]] == ["Ann Aerts"]
    row = out["rows"][0]
    assert row["day"] == 5 and row["fit_note"] == "fit-adapted"
    assert row["episode_end"] == (date.today() + timedelta(days=1)).isoformat()
    assert row["next_contact"]["code"] == "timeline.occupational_month1"
    assert [a["patient_name"] for a in out["sections"]["ending"]] == ["Ann Aerts"]
    assert out["sections"]["questions"] == [] and out["ending_days"] == 3


def test_wrong_passphrase_is_one_line(profiles: Path, capsys: pytest.CaptureFixture[str]) -> None:
    bad = profiles.parent / "bad"
    bad.write_text("not the passphrase\n")
    code = cli.main(
        ["--profile-dir", str(profiles), "worklist", "dr-a", "--passphrase-file", str(bad)]
    )
    assert code == cli.EXIT_INVALID
    err = capsys.readouterr().err
    assert "store.wrong_passphrase" in err and "Traceback" not in err
