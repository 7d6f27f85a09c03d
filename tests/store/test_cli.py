"""``fitnote-desktop profile ...`` end to end, in subprocesses, with secrets in files."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

HERE = Path(__file__).parent


def _secret(tmp_path: Path, name: str, value: str) -> Path:
    path = tmp_path / name
    path.write_text(value + "\n")
    return path


def run(
    profiles: Path, *args: str, keyring_file: Path | None = None
) -> subprocess.CompletedProcess[str]:
    env = dict(os.environ)
    if keyring_file is not None:
        env["PYTHON_KEYRING_BACKEND"] = "file_keyring.FileKeyring"
        env["FITNOTE_TEST_KEYRING_FILE"] = str(keyring_file)
        env["PYTHONPATH"] = os.pathsep.join(filter(None, [str(HERE), env.get("PYTHONPATH")]))
    return subprocess.run(
        [sys.executable, "-m", "fitnote_desktop", "--profile-dir", str(profiles), "profile", *args],
        capture_output=True,
        text=True,
        stdin=subprocess.DEVNULL,
        env=env,
        timeout=120,
        check=False,
    )


@pytest.mark.slow
def test_profile_lifecycle_from_the_command_line(tmp_path: Path) -> None:
    profiles = tmp_path / "profiles"
    pw = _secret(tmp_path, "pw", "correct horse battery staple")
    new_pw = _secret(tmp_path, "new", "another long passphrase")
    backup_pw = _secret(tmp_path, "bpw", "backup passphrase 42")

    r = run(
        profiles,
        "create",
        "dr-peeters",
        "--label",
        "Dr An Peeters",
        "--demo-identity",
        "gp",
        "--passphrase-file",
        str(pw),
    )
    assert r.returncode == 0, r.stderr
    assert "created profile dr-peeters (passphrase)" in r.stdout

    r = run(profiles, "list", "--json")
    [listed] = json.loads(r.stdout)
    assert listed["id"] == "dr-peeters" and listed["label"] == "Dr An Peeters"
    assert listed["key_storage"] == "passphrase"

    r = run(
        profiles,
        "passwd",
        "dr-peeters",
        "--passphrase-file",
        str(pw),
        "--new-passphrase-file",
        str(new_pw),
    )
    assert r.returncode == 0, r.stderr

    backup = tmp_path / "out" / "dr.fnbackup"
    r = run(
        profiles,
        "backup",
        "dr-peeters",
        str(backup),
        "--passphrase-file",
        str(new_pw),
        "--backup-passphrase-file",
        str(backup_pw),
    )
    assert r.returncode == 0, r.stderr
    assert backup.is_file()

    elsewhere = tmp_path / "other-laptop"
    r = run(
        elsewhere,
        "restore",
        str(backup),
        "restored",
        "--backup-passphrase-file",
        str(backup_pw),
        "--new-passphrase-file",
        str(pw),
    )
    assert r.returncode == 0, r.stderr
    assert "as profile restored" in r.stdout
    r = run(elsewhere, "verify", "restored", "--passphrase-file", str(pw))
    assert r.returncode == 0, r.stdout + r.stderr
    assert "database integrity: ok" in r.stdout and "audit chain: ok" in r.stdout

    r = run(profiles, "delete", "dr-peeters", "--yes")
    assert r.returncode == 0, r.stderr
    assert run(profiles, "list").stdout.strip() == "no profiles"


@pytest.mark.slow
def test_keyring_switching_from_the_command_line(tmp_path: Path, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    ring = tmp_path / "keyring.json"
    pw = _secret(tmp_path, "pw", "correct horse battery staple")
    r = run(tmp_path / "p", "create", "dr-k", "--keyring", keyring_file=ring)
    assert r.returncode == 0, r.stderr
    assert "(keyring)" in r.stdout and len(json.loads(ring.read_text())) == 1

    r = run(tmp_path / "p", "passwd", "dr-k", "--new-passphrase-file", str(pw), keyring_file=ring)
    assert r.returncode == 0, r.stderr
    assert json.loads(ring.read_text()) == {}
    assert (tmp_path / "p" / "dr-k" / "key.json").exists()

    r = run(
        tmp_path / "p",
        "passwd",
        "dr-k",
        "--to-keyring",
        "--passphrase-file",
        str(pw),
        keyring_file=ring,
    )
    assert r.returncode == 0, r.stderr
    assert not (tmp_path / "p" / "dr-k" / "key.json").exists()

    # the key the CLI put in the keyring opens the profile
    import keyring

    from fitnote_desktop.store import ProfileManager

    sys.path.insert(0, str(HERE))
    monkeypatch.setenv("FITNOTE_TEST_KEYRING_FILE", str(ring))
    from file_keyring import FileKeyring

    previous = keyring.get_keyring()
    keyring.set_keyring(FileKeyring())
    try:
        with ProfileManager(tmp_path / "p").open("dr-k") as profile:
            assert profile.verify_audit().ok
            actions = [e.action for e in profile.audit.entries()]
        assert actions.count("profile.key_moved") == 2
    finally:
        keyring.set_keyring(previous)
        sys.path.remove(str(HERE))


# Error paths: in-process (they stop before any slow step), same parser and messages.
def _main(profiles: Path, *args: str) -> int:
    from fitnote_desktop.cli import main

    return main(["--profile-dir", str(profiles), "profile", *args])


def test_cli_error_paths(tmp_path: Path, capsys, set_keyring, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    from fitnote_desktop.store import KdfParams, ProfileManager, StoreOptions

    monkeypatch.setattr("sys.stdin.isatty", lambda: False)
    assert _main(tmp_path, "create", "dr-a") == 1  # no terminal, no file: never read stdin
    assert "--passphrase-file" in capsys.readouterr().err
    short = _secret(tmp_path, "short", "short")
    assert _main(tmp_path, "create", "dr-a", "--passphrase-file", str(short)) == 1
    assert "[store.passphrase_too_short]" in capsys.readouterr().err
    assert _main(tmp_path, "create", "Dr A", "--passphrase-file", str(short)) == 1
    assert "[store.invalid_profile_id]" in capsys.readouterr().err
    set_keyring("fail")
    assert _main(tmp_path, "create", "dr-k", "--keyring") == 1
    assert "[store.keyring_unavailable]" in capsys.readouterr().err
    assert not any(tmp_path.glob("dr-*"))

    ProfileManager(tmp_path, StoreOptions(kdf=KdfParams.for_tests())).create(
        "dr-a", passphrase="correct horse battery staple"
    )
    assert _main(tmp_path, "create", "dr-a", "--keyring") == 1
    assert "[store.profile_exists]" in capsys.readouterr().err
    assert _main(tmp_path, "delete", "dr-a") == 1  # no terminal to confirm, no --yes
    assert "--yes" in capsys.readouterr().err
    wrong = _secret(tmp_path, "wrong", "not the right passphrase")
    assert _main(tmp_path, "passwd", "dr-a", "--passphrase-file", str(wrong)) == 1
    assert "[store.wrong_passphrase]" in capsys.readouterr().err
    assert _main(tmp_path, "verify", "dr-b") == 1
    assert "[store.profile_not_found]" in capsys.readouterr().err
    assert _main(tmp_path, "list") == 0
    assert "dr-a  passphrase" in capsys.readouterr().out
