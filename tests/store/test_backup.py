"""Encrypted backups: restore into a new profile elsewhere, refuse wrong or damaged ones."""

from __future__ import annotations

import json
import struct
from pathlib import Path

import pytest

from fitnote_desktop.store import ProfileManager, migrations, read_backup_info
from fitnote_desktop.store.backup import MAGIC
from fitnote_desktop.store.errors import (
    BackupInvalidError,
    BackupWrongPassphraseError,
    NewerSchemaError,
    ProfileExistsError,
    WeakPassphraseError,
)

BACKUP_PASSPHRASE = "a different backup passphrase"


@pytest.fixture
def backup_file(profile, tmp_path: Path) -> Path:  # type: ignore[no-untyped-def]
    patient = profile.patients.create(given_name="Émilie", family_name="Vanderbeke-Dubois")
    doc = profile.documents.create_draft(
        patient_id=patient.id, kind="incapacity", language="nl", payload=b'{"d":"Lumbago"}'
    )
    profile.documents.mark_signed(doc.id, payload=b'{"d":"Lumbago"}', signature=b"CMS")
    profile.set_setting("ui.language", "nl")
    with pytest.raises(WeakPassphraseError):
        profile.backup(tmp_path / "weak.fnbackup", "short")
    return profile.backup(tmp_path / "out" / "dr.fnbackup", BACKUP_PASSPHRASE).path


@pytest.fixture(autouse=True)
def _out_dir(tmp_path: Path) -> None:
    (tmp_path / "out").mkdir()


def test_backup_header_is_readable_without_secret(backup_file: Path) -> None:
    info = read_backup_info(backup_file)
    assert info.profile_id == "dr-peeters" and info.label == "Dr An Peeters"
    assert info.schema_revision == migrations.HEAD and info.db_size > 0
    data = backup_file.read_bytes()
    assert data.startswith(MAGIC)
    assert b"SQLite format 3" not in data and b"Vanderbeke" not in data


def test_restore_into_another_directory(
    backup_file: Path, tmp_path: Path, options, other_passphrase: str, profile
) -> None:  # type: ignore[no-untyped-def]
    elsewhere = ProfileManager(tmp_path / "other-machine" / "profiles", options)
    info = elsewhere.restore(
        backup_file, BACKUP_PASSPHRASE, "restored", passphrase=other_passphrase
    )
    assert info.label == "Dr An Peeters" and info.path.parent == elsewhere.root
    assert info.key_id != profile.info.key_id
    with elsewhere.open("restored", other_passphrase) as p:
        [patient] = p.patients.search("vanderbeke")
        [doc] = p.documents.list(patient_id=patient.id)
        assert p.documents.get(doc.id).payload == b'{"d":"Lumbago"}'
        assert p.settings() == {"ui.language": "nl"}
        audit = p.verify_audit()
        assert audit.ok
        assert [e.action for e in p.audit.entries()][-2:] == [
            "profile.restored",
            "profile.unlocked",
        ]
    # the restored database is under a new key: the original key does not open it
    assert info.db_path.read_bytes()[:16] != profile.info.db_path.read_bytes()[:16]


def test_restore_with_keyring(backup_file: Path, tmp_path: Path, options, set_keyring) -> None:  # type: ignore[no-untyped-def]
    set_keyring("memory")
    elsewhere = ProfileManager(tmp_path / "k", options)
    elsewhere.restore(backup_file, BACKUP_PASSPHRASE, "restored", use_keyring=True)
    with elsewhere.open("restored") as p:
        assert len(p.patients.recent()) == 1


def test_wrong_backup_passphrase_creates_nothing(
    backup_file: Path, tmp_path: Path, options, other_passphrase: str
) -> None:  # type: ignore[no-untyped-def]
    elsewhere = ProfileManager(tmp_path / "x", options)
    with pytest.raises(BackupWrongPassphraseError) as err:
        elsewhere.restore(
            backup_file, "not the backup passphrase", "r", passphrase=other_passphrase
        )
    assert err.value.code == "store.backup_wrong_passphrase"
    assert elsewhere.list() == [] and not any(elsewhere.root.iterdir())


def _rewrite_header(path: Path, change) -> None:  # type: ignore[no-untyped-def]
    data = path.read_bytes()
    (length,) = struct.unpack(">I", data[len(MAGIC) : len(MAGIC) + 4])
    start = len(MAGIC) + 4
    header = json.loads(data[start : start + length])
    change(header)
    raw = json.dumps(header).encode()
    path.write_bytes(MAGIC + struct.pack(">I", len(raw)) + raw + data[start + length :])


def test_altered_header_is_refused(
    backup_file: Path, tmp_path: Path, options, other_passphrase
) -> None:  # type: ignore[no-untyped-def]
    _rewrite_header(backup_file, lambda h: h["profile"].update(label="Someone else"))
    with pytest.raises(BackupWrongPassphraseError):
        ProfileManager(tmp_path / "x", options).restore(
            backup_file, BACKUP_PASSPHRASE, "r", passphrase=other_passphrase
        )


def test_altered_database_bytes_are_refused(
    backup_file: Path, tmp_path: Path, options, other_passphrase
) -> None:  # type: ignore[no-untyped-def]
    data = bytearray(backup_file.read_bytes())
    data[-5000] ^= 0xFF
    backup_file.write_bytes(bytes(data))
    target = ProfileManager(tmp_path / "x", options)
    with pytest.raises(BackupInvalidError) as err:
        target.restore(backup_file, BACKUP_PASSPHRASE, "r", passphrase=other_passphrase)
    assert err.value.code == "store.backup_invalid"
    assert target.list() == []


def test_not_a_backup(tmp_path: Path, options, other_passphrase) -> None:  # type: ignore[no-untyped-def]
    junk = tmp_path / "junk.fnbackup"
    junk.write_bytes(b"PK\x03\x04 not a backup")
    with pytest.raises(BackupInvalidError):
        ProfileManager(tmp_path / "x", options).restore(
            junk, BACKUP_PASSPHRASE, "r", passphrase=other_passphrase
        )


def test_backup_from_a_newer_version_is_refused(
    backup_file: Path, tmp_path: Path, options, other_passphrase
) -> None:  # type: ignore[no-untyped-def]
    _rewrite_header(backup_file, lambda h: h.update(schema_revision="0099"))
    with pytest.raises(NewerSchemaError):
        ProfileManager(tmp_path / "x", options).restore(
            backup_file, BACKUP_PASSPHRASE, "r", passphrase=other_passphrase
        )


def test_restore_does_not_overwrite_an_existing_profile(
    backup_file: Path, manager, other_passphrase
) -> None:  # type: ignore[no-untyped-def]
    with pytest.raises(ProfileExistsError):
        manager.restore(backup_file, BACKUP_PASSPHRASE, "dr-peeters", passphrase=other_passphrase)
