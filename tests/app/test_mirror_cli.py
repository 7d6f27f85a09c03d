"""``fitnote-desktop mirror --json`` on a known encrypted profile."""

from __future__ import annotations

import json
from datetime import date
from pathlib import Path

import pytest
from support import mirror as known

from fitnote_desktop.cli import main
from fitnote_desktop.store import KdfParams, ProfileManager, StoreOptions

PASSPHRASE = "mirror cli passphrase"


def test_mirror_json_gives_the_own_figures(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("FITNOTE_LANG", "fr")
    profiles = tmp_path / "profiles"
    manager = ProfileManager(profiles, StoreOptions(kdf=KdfParams.for_tests()))
    manager.create("dr-cli", passphrase=PASSPHRASE)
    profile = manager.open("dr-cli", PASSPHRASE)
    known.fill(profile, today=date.today())
    profile.lock()
    secret = tmp_path / "passphrase.txt"
    secret.write_text(PASSPHRASE + "\n", encoding="utf-8")

    argv = ["mirror", "--profile-dir", str(profiles), "--passphrase-file", str(secret), "--json"]
    assert main(argv) == 0
    out = json.loads(capsys.readouterr().out)
    assert out["months"] == 12
    groups = {g["group"]: g for g in out["groups"]}
    back = groups["low_back_pain"]
    assert back["label"] == "Lombalgie"
    assert (back["certificates"], back["episodes"], back["median_days"]) == (3, 2, 12.5)
    assert back["prolonged_share"] == 0.5 and back["partial_resumption_share"] == 0.5
    assert groups["all"]["certificates"] == 4
    assert out["groups"][-1]["group"] == "all"

    assert main([*argv[:-1], "--months", "3"]) == 0  # the table form, a shorter window
    table = capsys.readouterr().out
    assert "Lombalgie" in table and "Dépression" not in table


def test_mirror_refuses_a_window_out_of_range(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["mirror", "--months", "30", "--json"]) == 1
    assert "--months" in capsys.readouterr().err
