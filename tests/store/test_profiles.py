"""Profiles: create, list, open, lock, delete, and every way unlocking can fail."""

from __future__ import annotations

import json
import os
import shutil
import sqlite3
from pathlib import Path

import pytest

from fitnote_desktop.store import (
    KeyStorage,
    PractitionerInfo,
    ProfileManager,
    StoreError,
    StoreOptions,
    default_root,
)
from fitnote_desktop.store.errors import (
    ConfirmationRequiredError,
    DatabaseMissingError,
    InvalidProfileIdError,
    KeyMissingError,
    KeyringDeniedError,
    KeyringUnavailableError,
    PassphraseRequiredError,
    ProfileExistsError,
    ProfileLockedError,
    ProfileNotFoundError,
    WrongPassphraseError,
)


def _add_patient(profile) -> None:  # type: ignore[no-untyped-def]
    profile.patients.create(given_name="Jan", family_name="Janssens", niss="85073003229")


def test_default_root_is_per_user_data_dir() -> None:
    root = default_root()
    assert root.name == "profiles" and "fitnote-desktop" in str(root)


def test_create_open_lock_roundtrip(manager: ProfileManager, passphrase: str) -> None:
    who = PractitionerInfo("An", "Peeters", "12345625004", "85092123414", ("nl", "fr"))
    info = manager.create(
        "dr-peeters", label="Dr An Peeters", passphrase=passphrase, practitioner=who
    )
    assert info.path == manager.root / "dr-peeters"
    assert sorted(p.name for p in info.path.iterdir()) == ["fitnote.db", "key.json", "profile.json"]
    assert [i.id for i in manager.list()] == ["dr-peeters"]
    meta = json.loads((info.path / "profile.json").read_text())
    assert meta["label"] == "Dr An Peeters" and meta["key_storage"] == "passphrase"

    profile = manager.open("dr-peeters", passphrase)
    assert profile.practitioner() == who
    _add_patient(profile)
    profile.set_setting("ui.language", "fr")
    profile.lock()
    assert profile.locked
    with pytest.raises(ProfileLockedError) as locked:
        profile.patients.recent()
    assert locked.value.code == "store.locked"

    with manager.open("dr-peeters", passphrase) as again:
        assert [p.family_name for p in again.patients.recent()] == ["Janssens"]
        assert again.settings() == {"ui.language": "fr"}
        actions = [e.action for e in again.audit.entries()]
    assert actions[:3] == ["profile.created", "profile.unlocked", "patient.created"]
    assert "profile.locked" in actions
    # the lock recorded the audit head in profile.json
    assert manager.get("dr-peeters").audit_anchor is not None


def test_database_is_sqlcipher_not_sqlite(profile) -> None:  # type: ignore[no-untyped-def]
    _add_patient(profile)
    db = profile.info.db_path
    with pytest.raises(sqlite3.DatabaseError):
        sqlite3.connect(db).execute("SELECT * FROM sqlite_master").fetchall()
    assert not db.read_bytes().startswith(b"SQLite format 3")


def test_profile_ids_and_duplicates(manager: ProfileManager, passphrase: str) -> None:
    for bad in ("", "Dr Peeters", "../evil", ".hidden", "a" * 65, "UPPER"):
        with pytest.raises(InvalidProfileIdError):
            manager.create(bad, passphrase=passphrase)
    manager.create("dr-a", passphrase=passphrase)
    with pytest.raises(ProfileExistsError) as info:
        manager.create("dr-a", passphrase=passphrase)
    assert info.value.code == "store.profile_exists"
    with pytest.raises(ProfileNotFoundError):
        manager.open("dr-b", passphrase)
    assert [p.name for p in manager.root.iterdir()] == ["dr-a"]  # no temporary leftovers


def test_failed_creation_leaves_nothing(manager: ProfileManager, set_keyring) -> None:  # type: ignore[no-untyped-def]
    set_keyring("deny")  # fails after the working directory was made
    with pytest.raises(KeyringDeniedError):
        manager.create("dr-a", use_keyring=True)
    assert manager.list() == []
    assert not any(manager.root.iterdir())


def test_wrong_passphrase_touches_nothing(manager: ProfileManager, passphrase: str, hashes) -> None:  # type: ignore[no-untyped-def]
    manager.create("dr-a", passphrase=passphrase)
    with manager.open("dr-a", passphrase) as p:
        _add_patient(p)
    before = hashes(manager.root)
    for attempt in ("wrong passphrase!", passphrase.upper(), passphrase + " "):
        with pytest.raises(WrongPassphraseError) as info:
            manager.open("dr-a", attempt)
        assert info.value.code == "store.wrong_passphrase"
    with pytest.raises(PassphraseRequiredError):
        manager.open("dr-a")
    assert hashes(manager.root) == before  # same files, same bytes: no -wal, no -shm


def test_missing_key_file_then_restored(
    manager: ProfileManager, passphrase: str, tmp_path: Path
) -> None:
    info = manager.create("dr-a", passphrase=passphrase)
    with manager.open("dr-a", passphrase) as p:
        _add_patient(p)
    saved = tmp_path / "key-copy.json"
    shutil.move(info.path / "key.json", saved)
    with pytest.raises(KeyMissingError) as err:
        manager.open("dr-a", passphrase)
    assert err.value.code == "store.key_missing"
    shutil.move(saved, info.path / "key.json")
    with manager.open("dr-a", passphrase) as p:  # nothing committed was lost
        assert len(p.patients.recent()) == 1


def test_missing_database_is_reported_not_recreated(
    manager: ProfileManager, passphrase: str
) -> None:
    info = manager.create("dr-a", passphrase=passphrase)
    info.db_path.unlink()
    with pytest.raises(DatabaseMissingError) as err:
        manager.open("dr-a", passphrase)
    assert err.value.code == "store.database_missing"
    assert not info.db_path.exists()


def test_keyring_profile_and_refusing_keyring(manager: ProfileManager, set_keyring) -> None:  # type: ignore[no-untyped-def]
    backend = set_keyring("memory")
    info = manager.create("dr-k", use_keyring=True)
    assert info.key_storage is KeyStorage.KEYRING
    assert not (info.path / "key.json").exists()
    assert len(backend.secrets) == 1
    with manager.open("dr-k") as p:
        _add_patient(p)

    set_keyring("deny")
    with pytest.raises(KeyringDeniedError) as err:
        manager.open("dr-k")
    assert err.value.code == "store.keyring_denied"
    set_keyring("fail")
    with pytest.raises(KeyringUnavailableError):
        manager.open("dr-k")

    set_keyring("memory")  # access granted again: everything is still there
    with manager.open("dr-k") as p:
        assert len(p.patients.recent()) == 1

    backend.secrets.clear()  # entry removed behind our back
    with pytest.raises(KeyMissingError):
        manager.open("dr-k")


def test_creating_without_passphrase_needs_a_keyring(manager: ProfileManager, set_keyring) -> None:  # type: ignore[no-untyped-def]
    set_keyring("fail")
    with pytest.raises(KeyringUnavailableError) as err:
        manager.create("dr-k")
    assert err.value.code == "store.keyring_unavailable"
    assert manager.list() == []


def test_change_passphrase(
    manager: ProfileManager, passphrase: str, other_passphrase: str, hashes
) -> None:  # type: ignore[no-untyped-def]
    info = manager.create("dr-a", passphrase=passphrase)
    with manager.open("dr-a", passphrase) as p:
        _add_patient(p)
    db_before = hashes(info.path)["fitnote.db"]
    with pytest.raises(WrongPassphraseError):
        manager.change_passphrase("dr-a", other_passphrase, passphrase)
    manager.change_passphrase("dr-a", passphrase, other_passphrase)
    with pytest.raises(WrongPassphraseError):
        manager.open("dr-a", passphrase)
    with manager.open("dr-a", other_passphrase) as p:
        assert len(p.patients.recent()) == 1
        assert "profile.passphrase_changed" in [e.action for e in p.audit.entries()]
    assert db_before  # the database key itself never changed: only its wrapping did


def test_switch_keyring_and_passphrase(
    manager: ProfileManager, passphrase: str, other_passphrase: str, set_keyring
) -> None:  # type: ignore[no-untyped-def]
    backend = set_keyring("memory")
    info = manager.create("dr-a", passphrase=passphrase)
    with manager.open("dr-a", passphrase) as p:
        _add_patient(p)

    with pytest.raises(WrongPassphraseError):
        manager.use_keyring("dr-a", other_passphrase)
    manager.use_keyring("dr-a", passphrase)
    assert manager.get("dr-a").key_storage is KeyStorage.KEYRING
    assert not (info.path / "key.json").exists() and len(backend.secrets) == 1
    with manager.open("dr-a") as p:
        assert len(p.patients.recent()) == 1

    manager.use_passphrase("dr-a", other_passphrase)
    assert manager.get("dr-a").key_storage is KeyStorage.PASSPHRASE
    assert (info.path / "key.json").exists() and backend.secrets == {}
    with manager.open("dr-a", other_passphrase) as p:
        assert len(p.patients.recent()) == 1
        moves = [e.detail for e in p.audit.entries() if e.action == "profile.key_moved"]
    assert moves == [{"to": "keyring"}, {"to": "passphrase"}]


def test_delete_needs_confirmation(manager: ProfileManager, passphrase: str, set_keyring) -> None:  # type: ignore[no-untyped-def]
    backend = set_keyring("memory")
    manager.create("dr-a", passphrase=passphrase)
    manager.create("dr-k", use_keyring=True)
    with pytest.raises(ConfirmationRequiredError):
        manager.delete("dr-a", confirm="dr-b")
    assert manager.exists("dr-a")
    manager.delete("dr-a", confirm="dr-a")
    manager.delete("dr-k", confirm="dr-k")
    assert manager.list() == [] and backend.secrets == {}
    assert not any(manager.root.iterdir())


def test_corrupted_header_page_gives_corrupt_and_file_stays_untouched(
    manager: ProfileManager, passphrase: str, hashes
) -> None:  # type: ignore[no-untyped-def]
    info = manager.create("dr-a", passphrase=passphrase)
    with manager.open("dr-a", passphrase) as p:
        _add_patient(p)
    with info.db_path.open("r+b") as fh:
        fh.seek(200)
        fh.write(b"\xff" * 64)
    before = hashes(info.path)
    with pytest.raises(StoreError) as err:
        manager.open("dr-a", passphrase)
    assert err.value.code == "store.corrupt"
    assert hashes(info.path) == before  # never "repaired" by overwriting


def test_corrupted_data_page_is_reported_on_access(
    manager: ProfileManager, passphrase: str
) -> None:
    info = manager.create("dr-a", passphrase=passphrase)
    with manager.open("dr-a", passphrase) as p:
        for i in range(40):
            p.patients.create(given_name=f"Name{i}", family_name="X", data={"n": "x" * 3000})
    size = info.db_path.stat().st_size
    with info.db_path.open("r+b") as fh:  # damage a page in the middle of the patients
        fh.seek((size // 4096 // 2) * 4096 + 1000)
        fh.write(b"\x00" * 32)
    with pytest.raises(StoreError) as err, manager.open("dr-a", passphrase) as p:
        p.patients.search("name")
        p.integrity_check()
    assert err.value.code == "store.corrupt"


def test_production_options_by_default(tmp_path: Path) -> None:
    m = ProfileManager(tmp_path)
    assert m.options.kdf == StoreOptions().kdf and m.options.max_versions == 50
    assert m.options.synchronous == "FULL"


@pytest.mark.skipif(os.name != "posix", reason="POSIX permissions")
def test_files_are_private_to_the_user(profile, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    _add_patient(profile)
    profile.backup(profile.info.path / "backups" / "b.fnbackup", "backup passphrase 42")
    for path in profile.info.path.rglob("*"):
        expected = 0o700 if path.is_dir() else 0o600
        assert path.stat().st_mode & 0o777 == expected, path.name
    assert profile.info.path.stat().st_mode & 0o777 == 0o700


def test_audit_names_the_physician(manager: ProfileManager, passphrase: str) -> None:
    who = PractitionerInfo("An", "Peeters", "12345625004")
    manager.create("dr-a", passphrase=passphrase, practitioner=who)
    manager.create("dr-b", passphrase=passphrase)
    with manager.open("dr-a", passphrase) as p:
        _add_patient(p)
        assert {e.actor for e in p.audit.entries()} == {"riziv:12345625004"}
    with manager.open("dr-b", passphrase) as p:
        assert p.audit.entries()[-1].actor == "profile:dr-b"
        p.set_practitioner(PractitionerInfo("Marc", "Dubois", "15432106480"))
        _add_patient(p)
        assert p.audit.entries()[-1].actor == "riziv:15432106480"
