"""The submit path's SQL on the database driver's own connection (issue 14).

Every accepted document costs a replay check (one read) and one write transaction (the
patient's dossier, the document). Through SQLAlchemy Core each statement still cost
about half a millisecond of CPU (execution context, parameter and result processing),
more than SQLite's own work; here the same statements run on the pooled DBAPI
connection, written once per dialect (SQLite and PostgreSQL, both with ``ON CONFLICT
DO NOTHING`` and ``RETURNING``).

On SQLite the statements run on one connection kept out of the pool whenever no other
thread is using it (the submit path's short way runs on the event loop's thread, so in a
serving process that is nearly always): a pooled checkout and check-in cost about as
much as a statement, and a connection that alone wrote the last transactions keeps its
page cache, where the pool's round robin made each connection re-read the pages the
others had changed. A thread that finds it in use takes a pooled connection, as before,
so no statement ever waits for another thread's here.

What is stored does not change: every value goes through the column's own SQLAlchemy
bind processor (``UtcDateTime``'s naive UTC, SQLite's date-time text, booleans, BLOBs),
and the one date-time read back through its result processor, so the ORM reads these
rows exactly as if it had written them. Driver errors are re-raised as SQLAlchemy's
(``OperationalError`` is answered ``server.unavailable``), without their parameters.
"""

from __future__ import annotations

import threading
from collections.abc import Callable, Iterator
from contextlib import contextmanager, suppress
from dataclasses import dataclass
from datetime import datetime
from typing import Any

import sqlalchemy as sa
from sqlalchemy.engine import Engine

from fitnote_desktop.endpoint import db


@dataclass(frozen=True)
class NewDocument:
    """The columns of an accepted submission (its dossier is found or created here)."""

    id: str
    payload_sha256: str
    payload: bytes
    signature: bytes
    kind: str
    author_riziv: str
    episode_id: str
    consent_reference: str
    episode_sharing: bool
    received_at: datetime
    receipt: bytes
    receipt_signature: bytes


_DOCUMENTS = db.Document.__table__
_DOSSIERS = db.Dossier.__table__
_DOCUMENT_COLUMNS = (*NewDocument.__dataclass_fields__, "dossier_id", "status")
_ACCEPTED_COLUMNS = (
    "id",
    "payload_sha256",
    "author_riziv",
    "received_at",
    "dossier_id",
    "receipt",
    "receipt_signature",
)

_ACCEPTED = (
    "SELECT id, payload_sha256, author_riziv, received_at, dossier_id, receipt, "
    "receipt_signature FROM documents WHERE id = ?"
)
_DOSSIER = "SELECT id FROM dossiers WHERE patient_key = ?"
_INSERT_DOSSIER = (
    "INSERT INTO dossiers (id, patient_key, created_at) VALUES (?, ?, ?) ON CONFLICT DO NOTHING"
)
_INSERT_DOCUMENT = (
    "INSERT INTO documents (id, payload_sha256, payload, signature, kind, author_riziv, "
    "episode_id, consent_reference, episode_sharing, received_at, receipt, receipt_signature, "
    "dossier_id, status) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?) "
    "ON CONFLICT DO NOTHING RETURNING id"
)

Processor = Callable[[Any], Any] | None


class StoredAcceptanceRow:
    """The stored acceptance of a document (``receipts.StoredAcceptance``)."""

    __slots__ = _ACCEPTED_COLUMNS

    def __init__(self, values: tuple[Any, ...]) -> None:
        for name, value in zip(_ACCEPTED_COLUMNS, values, strict=True):
            setattr(self, name, value)

    id: str
    payload_sha256: str
    author_riziv: str
    received_at: datetime
    dossier_id: str
    receipt: bytes
    receipt_signature: bytes


class SubmitSql:
    """The three statements of a submission, for one engine."""

    def __init__(self, engine: Engine) -> None:
        dialect = engine.dialect
        self._engine = engine
        self._dbapi_error: type[Exception] = dialect.loaded_dbapi.Error
        self._sqlite = dialect.name == "sqlite"
        # Written with "?"; psycopg takes "%s" (no literal "?" or "%" in these).
        marks = (lambda sql: sql) if dialect.paramstyle == "qmark" else _format_marks
        self._accepted = marks(_ACCEPTED)
        self._dossier = marks(_DOSSIER)
        self._insert_dossier = marks(_INSERT_DOSSIER)
        self._insert_document = marks(_INSERT_DOCUMENT)
        self._document_in = [_bind(_DOCUMENTS.c[name], dialect) for name in _DOCUMENT_COLUMNS]
        self._dossier_time_in = _bind(_DOSSIERS.c.created_at, dialect)
        self._accepted_out = [_result(_DOCUMENTS.c[name], dialect) for name in _ACCEPTED_COLUMNS]
        self._kept: Any = None  # SQLite: the connection kept out of the pool, once opened
        self._kept_lock = threading.Lock()

    @property
    def local(self) -> bool:
        """The database is a local file (SQLite): no statement waits for a network."""
        return self._sqlite

    def accepted(self, document_id: str) -> StoredAcceptanceRow | None:
        """The stored acceptance of a document, or ``None`` (a read: on SQLite outside
        any transaction, so it takes no lock)."""
        with self._cursor(self._accepted, write=False) as cur:
            cur.execute(self._accepted, (document_id,))
            rows = cur.fetchall()  # to the end: a SQLite statement left open holds its lock
        if not rows:
            return None
        return StoredAcceptanceRow(tuple(_apply(self._accepted_out, rows[0])))

    def insert(self, patient_key: str, new: NewDocument) -> str | None:
        """In one transaction: the patient's dossier (created on the first document) and
        the document unless its id exists. The dossier id, or ``None`` when a concurrent
        submission of the same id got there first."""
        with self._cursor(self._insert_document, write=True) as cur:
            cur.execute(self._dossier, (patient_key,))
            found = cur.fetchall()
            if not found:
                (created,) = _apply([self._dossier_time_in], (new.received_at,))
                cur.execute(self._insert_dossier, (db.new_id(), patient_key, created))
                cur.execute(self._dossier, (patient_key,))
                found = cur.fetchall()
            dossier_id = str(found[0][0])
            row = {
                **vars(new),
                "episode_id": new.episode_id[:100],
                "consent_reference": new.consent_reference[:100],
                "dossier_id": dossier_id,
                "status": "accepted",
            }
            values = tuple(row[name] for name in _DOCUMENT_COLUMNS)
            cur.execute(self._insert_document, tuple(_apply(self._document_in, values)))
            inserted = bool(cur.fetchall())
        return dossier_id if inserted else None

    @contextmanager
    def _cursor(self, statement: str, *, write: bool) -> Iterator[Any]:
        """A cursor: committed when the block ends (SQLite: after ``BEGIN IMMEDIATE`` for a
        write), rolled back on any error."""
        with self._connection() as conn:
            try:
                cur = conn.cursor()
                if write and self._sqlite:
                    cur.execute("BEGIN IMMEDIATE")
                yield cur
                cur.close()
                conn.commit()
            except self._dbapi_error as exc:
                with suppress(self._dbapi_error):  # a lost connection cannot roll back either
                    conn.rollback()
                raise sa.exc.DBAPIError.instance(
                    statement, None, exc, self._dbapi_error, hide_parameters=True
                ) from exc
            except BaseException:
                with suppress(self._dbapi_error):
                    conn.rollback()
                raise

    @contextmanager
    def _connection(self) -> Iterator[Any]:
        """SQLite: the kept connection when no other thread holds it; else (and always on
        PostgreSQL) a pooled one, back to the pool when the block ends."""
        if self._sqlite and self._kept_lock.acquire(blocking=False):
            try:
                if self._kept is None:
                    pooled = self._engine.raw_connection()  # opened with the engine's pragmas
                    kept = pooled.driver_connection
                    pooled.detach()  # ours from now on: the pool opens another in its place
                    self._kept = kept
                yield self._kept
            finally:
                self._kept_lock.release()
            return
        conn = self._engine.raw_connection()
        try:
            yield conn
        finally:
            conn.close()  # back to the pool


def _bind(column: sa.ColumnElement[Any], dialect: sa.Dialect) -> Processor:
    return column.type.dialect_impl(dialect).bind_processor(dialect)


def _result(column: sa.ColumnElement[Any], dialect: sa.Dialect) -> Processor:
    return column.type.dialect_impl(dialect).result_processor(dialect, None)


def _format_marks(sql: str) -> str:
    return sql.replace("?", "%s")


def _apply(processors: list[Processor], values: tuple[Any, ...]) -> Iterator[Any]:
    for process, value in zip(processors, values, strict=True):
        yield value if process is None or value is None else process(value)
