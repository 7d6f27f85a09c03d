"""The embedded endpoint's SQLite file under a key: SQLCipher, owner-only, unreadable
without the key."""

from __future__ import annotations

import secrets
import sqlite3
import stat
from pathlib import Path

import pytest
import sqlalchemy as sa

from fitnote_desktop.endpoint import db, tables


def test_keyed_sqlite_is_encrypted_and_private(tmp_path: Path) -> None:
    key = secrets.token_bytes(32)
    path = tmp_path / "endpoint.db"
    engine = db.make_engine(f"sqlite:///{path}", key=key)
    tables.create_schema(engine)
    with engine.begin() as conn:
        conn.execute(sa.insert(db.Practitioner).values(niss="85073003229", riziv="1"))
    with db.make_engine(f"sqlite:///{path}", key=key).connect() as conn:  # a second engine
        assert conn.execute(sa.select(db.Practitioner.niss)).scalar_one() == "85073003229"
    files = sorted(tmp_path.iterdir())  # the database, its -wal and -shm
    assert len(files) == 3
    for file in files:
        assert b"85073003229" not in file.read_bytes()
        assert stat.S_IMODE(file.stat().st_mode) == 0o600
    engine.dispose()
    with pytest.raises(sqlite3.DatabaseError), sqlite3.connect(path) as plain:
        plain.execute("SELECT count(*) FROM sqlite_master").fetchone()
    with pytest.raises(sa.exc.DatabaseError):
        db.make_engine(f"sqlite:///{path}", key=secrets.token_bytes(32)).connect()


def test_a_key_needs_sqlite() -> None:
    with pytest.raises(ValueError):
        db.make_engine("postgresql://localhost/x", key=b"k" * 32)
