"""A full disk (simulated with SQLite's max_page_count) fails one save, loses nothing."""

from __future__ import annotations

import os
from dataclasses import replace

import pytest
from sqlalchemy import text

from fitnote_desktop.store import ProfileManager
from fitnote_desktop.store.errors import DiskFullError


def test_disk_full_keeps_every_committed_save(manager, passphrase: str) -> None:  # type: ignore[no-untyped-def]
    manager.create("dr-a", passphrase=passphrase)
    with manager.open("dr-a", passphrase) as p:
        patient = p.patients.create(given_name="A", family_name="B")
        doc = p.documents.create_draft(
            patient_id=patient.id, kind="incapacity", language="nl", payload=b"{}"
        )
        with p.db.read() as conn:
            pages = conn.execute(text("PRAGMA page_count")).scalar()

    tight = ProfileManager(manager.root, replace(manager.options, max_page_count=pages + 8))
    saved: dict[int, bytes] = {}
    with tight.open("dr-a", passphrase) as p:
        with pytest.raises(DiskFullError) as err:
            for _n in range(1000):
                payload = os.urandom(3000).hex().encode()  # 6 kB, no two alike
                saved[p.documents.autosave(doc.id, payload).version] = payload
        assert err.value.code == "store.disk_full"
        assert "disk is full" in str(err.value)
        last = max(saved)
        assert p.documents.get_summary(doc.id).version == last  # the failed save left no trace
        assert p.documents.get(doc.id).payload == saved[last]
    assert len(saved) >= 2

    with manager.open("dr-a", passphrase) as p:  # space is back
        assert p.integrity_check() == ["ok"]
        assert p.verify_audit().ok
        versions = {v.version for v in p.documents.versions(doc.id)}
        assert set(saved) <= versions
        for version, payload in saved.items():
            assert p.documents.get_version(doc.id, version).payload == payload
        assert p.documents.autosave(doc.id, b'{"after":1}').version == last + 1


def test_disk_full_while_writing_the_key_file(
    manager, passphrase, other_passphrase, monkeypatch
) -> None:  # type: ignore[no-untyped-def]
    import errno

    from fitnote_desktop.store import fileio

    info = manager.create("dr-a", passphrase=passphrase)
    before = (info.path / "key.json").read_bytes()

    def no_space(*args, **kwargs):  # type: ignore[no-untyped-def]
        raise OSError(errno.ENOSPC, "No space left on device")

    monkeypatch.setattr(fileio.os, "write", no_space)
    with pytest.raises(DiskFullError):
        manager.change_passphrase("dr-a", passphrase, other_passphrase)
    monkeypatch.undo()
    assert (info.path / "key.json").read_bytes() == before  # old key file intact
    assert sorted(p.name for p in info.path.iterdir()) == ["fitnote.db", "key.json", "profile.json"]
    with manager.open("dr-a", passphrase):
        pass
