"""Alembic migrations: head, schema parity, upgrade with a backup first, newer refused."""

from __future__ import annotations

import hashlib
from pathlib import Path
from typing import Any

import pytest
from alembic.autogenerate import compare_metadata
from alembic.migration import MigrationContext
from sqlalchemy import text
from sqlalchemy.dialects import sqlite
from sqlalchemy.schema import CreateIndex

from fitnote_desktop.domain import canonical, samples
from fitnote_desktop.store import ProfileManager, migrations
from fitnote_desktop.store.engine import Database
from fitnote_desktop.store.errors import MigrationError, NewerSchemaError
from fitnote_desktop.store.schema import metadata


def _database(manager: ProfileManager, profile_id: str, passphrase: str) -> Database:
    """The profile's database opened *without* the open() sequence (no migration)."""
    info = manager.get(profile_id)
    return Database(info.db_path, manager.load_key(profile_id, passphrase), manager.options)


def test_head_constant_matches_the_scripts() -> None:
    assert migrations.script_head() == migrations.HEAD
    assert migrations.known_revisions() == [
        "0001",
        "0002",
        "0003",
        "0004",
        "0005",
        "0006",
        "0007",
        "0008",
    ]


# the worklist's expression index is compared by test_0008_... instead
@pytest.mark.filterwarnings("ignore:.*expression-based index:UserWarning")
@pytest.mark.filterwarnings("ignore:.*expression-based index:sqlalchemy.exc.SAWarning")
def test_migrated_schema_matches_the_query_tables(profile) -> None:  # type: ignore[no-untyped-def]
    with profile.db.read() as conn:
        diff = compare_metadata(MigrationContext.configure(conn), metadata)
    assert diff == []


def test_new_profile_needs_no_migration(manager, passphrase) -> None:  # type: ignore[no-untyped-def]
    info = manager.create("dr-a", passphrase=passphrase)
    with manager.open("dr-a", passphrase) as p:
        assert p.migrated_from is None and p.migration_backup is None
    assert not info.backup_dir.exists()


def test_older_database_is_backed_up_then_upgraded(manager, passphrase) -> None:  # type: ignore[no-untyped-def]
    info = manager.create("dr-a", passphrase=passphrase, schema_revision="0001")
    db = _database(manager, "dr-a", passphrase)
    with db.write() as conn:
        conn.execute(
            text(
                "INSERT INTO patients (id, given_name, family_name, search_key, data, "
                "created_at, updated_at) VALUES ('00000000-0000-0000-0000-000000000001', "
                "'Jan', 'Janssens', 'jan janssens', '{}', "
                "'2026-01-01T00:00:00.000000+00:00', '2026-01-01T00:00:00.000000+00:00')"
            )
        )
        assert migrations.current_revision(conn) == "0001"
    db.close()

    with manager.open("dr-a", passphrase) as p:
        assert p.migrated_from == "0001"
        backup = p.migration_backup
        assert backup is not None and backup.parent == info.backup_dir
        assert [x.family_name for x in p.patients.recent()] == ["Janssens"]
        assert p.outbox.list() == []  # the 0002 tables exist now
        migrated = [e for e in p.audit.entries() if e.action == "profile.migrated"]
        assert migrated[0].detail == {"from": "0001", "to": migrations.HEAD}
        assert p.verify_audit().ok

    # the backup is encrypted, under the profile key, at the old revision, with the data
    assert not backup.read_bytes().startswith(b"SQLite format 3")
    old = Database(backup, manager.load_key("dr-a", passphrase), manager.options)
    with old.read() as conn:
        assert migrations.current_revision(conn) == "0001"
        assert conn.execute(text("SELECT count(*) FROM patients")).scalar() == 1
    old.close()


def test_failed_migration_rolls_back_and_keeps_the_backup(manager, passphrase) -> None:  # type: ignore[no-untyped-def]
    info = manager.create("dr-a", passphrase=passphrase, schema_revision="0001")
    db = _database(manager, "dr-a", passphrase)
    with db.write() as conn:  # something that makes 0002 fail half-way
        conn.execute(text("CREATE TABLE receipts (x INTEGER)"))
    db.close()
    with pytest.raises(MigrationError) as err:
        manager.open("dr-a", passphrase)
    assert err.value.code == "store.migration_failed"
    db = _database(manager, "dr-a", passphrase)
    with db.read() as conn:
        assert migrations.current_revision(conn) == "0001"
        tables = {r[0] for r in conn.execute(text("SELECT name FROM sqlite_master"))}
    db.close()
    assert "outbox" not in tables  # created before the failure, rolled back with it
    assert len(list(info.backup_dir.iterdir())) == 1


def test_newer_database_is_refused_untouched(manager, passphrase, hashes) -> None:  # type: ignore[no-untyped-def]
    info = manager.create("dr-a", passphrase=passphrase)
    db = _database(manager, "dr-a", passphrase)
    with db.write() as conn:
        conn.execute(text("UPDATE alembic_version SET version_num = '0099_future'"))
    db.close()
    before = hashes(info.path)
    with pytest.raises(NewerSchemaError) as err:
        manager.open("dr-a", passphrase)
    assert err.value.code == "store.newer_schema"
    assert hashes(info.path) == before


_LEGACY = Path(__file__).parents[1] / "domain" / "legacy" / "incapacity-prolongation.json"
_TS = "2026-11-30T09:00:00.000000+00:00"


def _insert_patient(conn: Any, given: str, family: str, search_key: str) -> None:
    """The one patient the migration tests' documents belong to, in raw SQL (any revision)."""
    conn.execute(
        text(
            "INSERT INTO patients (id, given_name, family_name, search_key, data, "
            "created_at, updated_at) VALUES ('00000000-0000-0000-0000-000000000001', "
            ":given, :family, :key, '{}', :ts, :ts)"
        ),
        {"given": given, "family": family, "key": search_key, "ts": _TS},
    )


def test_0004_rewrites_drafts_and_keeps_signed_payloads(manager, passphrase) -> None:  # type: ignore[no-untyped-def]
    """Drafts get the issue-12 shape as a new version; signed bytes stay byte-identical."""
    legacy = _LEGACY.read_bytes()
    manager.create("dr-a", passphrase=passphrase, schema_revision="0003")
    db = _database(manager, "dr-a", passphrase)
    with db.write() as conn:
        _insert_patient(conn, "Émilie", "V", "emilie v")
        for doc_id, status in (
            ("00000000-0000-0000-0000-0000000000d1", "draft"),
            ("00000000-0000-0000-0000-0000000000e1", "signed"),
        ):
            values = {
                "id": doc_id,
                "ts": _TS,
                "payload": legacy,
                "hash": hashlib.sha256(legacy).hexdigest(),
            }
            conn.execute(
                text(
                    "INSERT INTO documents (id, patient_id, kind, status, language, created_at, "
                    "updated_at, payload, payload_hash, current_version) VALUES (:id, "
                    "'00000000-0000-0000-0000-000000000001', 'incapacity', 'draft', 'fr', :ts, "
                    ":ts, :payload, :hash, 1)"
                ),
                values,
            )
            conn.execute(
                text(
                    "INSERT INTO document_versions (document_id, version, payload, payload_hash, "
                    "saved_at) VALUES (:id, 1, :payload, :hash, :ts)"
                ),
                values,
            )
            if status == "signed":  # signed the way the store does: after its draft versions
                conn.execute(
                    text(
                        "UPDATE documents SET status = 'signed', signature = :sig, "
                        "signed_at = :ts WHERE id = :id"
                    ),
                    {"id": doc_id, "sig": b"signature", "ts": _TS},
                )
    db.close()

    with manager.open("dr-a", passphrase) as p, p.db.read() as conn:
        rows = {
            r.status: r
            for r in conn.execute(
                text("SELECT status, payload, payload_hash, current_version FROM documents")
            )
        }
        versions = (
            conn.execute(
                text(
                    "SELECT version FROM document_versions WHERE document_id LIKE '%d1' ORDER BY 1"
                )
            )
            .scalars()
            .all()
        )
    draft, signed = rows["draft"], rows["signed"]
    assert bytes(signed.payload) == legacy and signed.current_version == 1
    expected = canonical.canonical_bytes(canonical.document_from_bytes(legacy))
    assert bytes(draft.payload) == expected and canonical.is_canonical(bytes(draft.payload))
    assert draft.payload_hash == hashlib.sha256(expected).hexdigest()
    assert draft.current_version == 2 and versions == [1, 2]
    assert b'"hospital_stay"' in expected and b'"hospitalisation"' not in expected


_WORKLIST_ROWS = (  # the worklist index holds issued certificates and recognitions only
    ("00000000-0000-0000-0000-0000000000d1", "draft"),
    ("00000000-0000-0000-0000-0000000000e1", "signed"),
    ("00000000-0000-0000-0000-0000000000e2", "retracted"),
)


def test_0008_indexes_issued_documents_with_their_fit_note(manager, passphrase) -> None:  # type: ignore[no-untyped-def]
    """The worklist's index replaces 0007's, holds only issued documents, covers the query."""
    doc = samples.incapacity()
    payload = canonical.canonical_bytes(doc)
    manager.create("dr-a", passphrase=passphrase, schema_revision="0007")
    db = _database(manager, "dr-a", passphrase)
    with db.write() as conn:
        _insert_patient(conn, "Ann", "A", "ann a")
        for doc_id, status in _WORKLIST_ROWS:
            conn.execute(
                text(
                    "INSERT INTO documents (id, patient_id, kind, status, language, created_at, "
                    "updated_at, period_begin, period_end, payload, payload_hash, "
                    "current_version, signature, signed_at) VALUES (:id, "
                    "'00000000-0000-0000-0000-000000000001', 'incapacity', :status, 'nl', :ts, "
                    ":ts, '2026-11-20', '2026-11-30', :payload, 'h', 1, :sig, :signed)"
                ),
                {
                    "id": doc_id,
                    "status": status,
                    "ts": _TS,
                    "payload": payload,
                    "sig": None if status == "draft" else b"signature",
                    "signed": None if status == "draft" else _TS,
                },
            )
    db.close()

    with manager.open("dr-a", passphrase) as p, p.db.read() as conn:
        assert p.migrated_from == "0007"
        indexes = dict(
            conn.execute(text("SELECT name, sql FROM sqlite_master WHERE type = 'index'")).all()
        )
        indexed = conn.execute(
            text(
                "SELECT id, json_extract(CAST(payload AS TEXT), '$.body.fit_note.status') "
                "FROM documents INDEXED BY ix_documents_worklist WHERE patient_id = :p "
                "AND kind IN ('incapacity', 'invalidity-recognition') "
                "AND status IN ('signed', 'queued', 'sent', 'accepted', 'rejected')"
            ),
            {"p": "00000000-0000-0000-0000-000000000001"},
        ).all()
    assert "ix_documents_patient_episode" not in indexes
    # the schema's definition is the migration's (autogenerate cannot compare expressions)
    [declared] = [
        i for i in metadata.tables["documents"].indexes if i.name == "ix_documents_worklist"
    ]
    compiled = str(CreateIndex(declared).compile(dialect=sqlite.dialect()))
    assert _words(indexes["ix_documents_worklist"]) == _words(compiled)
    assert doc.body.fit_note is not None  # type: ignore[union-attr]
    assert indexed == [(_WORKLIST_ROWS[1][0], doc.body.fit_note.status.value)]  # type: ignore[union-attr]


def _words(sql: str) -> str:
    """``sql`` with one space between words and none inside parentheses."""
    return " ".join(sql.split()).replace("( ", "(").replace(" )", ")")
