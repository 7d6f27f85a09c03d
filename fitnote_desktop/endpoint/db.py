"""The sandbox endpoint's storage: SQLAlchemy 2.x, SQLite by default, PostgreSQL by URL.

Everything that must be consistent across several uvicorn workers lives here (login
challenges, sessions, documents, threads), never in process memory, so that a
PostgreSQL-backed deployment can run more than one worker.

Idempotency is enforced by the database, not by a read-then-write in Python: the
document UUID is the primary key, so two concurrent submissions of one document cannot
both be inserted; the loser re-reads and compares hashes.

The endpoint embedded in the desktop app (demo mode) keeps its SQLite file on the
physician's laptop: with a key, that file is a SQLCipher database (the driver the store
uses), keyed on every connection before anything is read, so no page, WAL frame or
temporary table is written in plaintext.

Times are stored as naive UTC (``UtcDateTime``) because SQLite has no time zones and
PostgreSQL's ``timestamptz`` would hand back aware values: one convention for both.
"""

from __future__ import annotations

import uuid
from datetime import UTC, date, datetime
from functools import partial
from pathlib import Path
from typing import Any

import sqlalchemy as sa
import sqlcipher3.dbapi2 as sqlcipher
from sqlalchemy import event
from sqlalchemy.engine import Engine
from sqlalchemy.orm import DeclarativeBase, Mapped, mapped_column, sessionmaker
from sqlalchemy.types import TypeDecorator

from fitnote_desktop.wire.receipts import ReceiptStatus


class UtcDateTime(TypeDecorator[datetime]):
    """Aware UTC datetimes in Python, naive UTC in the database."""

    impl = sa.DateTime
    cache_ok = True

    def process_bind_param(self, value: datetime | None, dialect: Any) -> datetime | None:
        if value is None:
            return None
        if value.tzinfo is None:
            raise ValueError("naive datetime given to UtcDateTime")
        return value.astimezone(UTC).replace(tzinfo=None)

    def process_result_value(self, value: datetime | None, dialect: Any) -> datetime | None:
        return None if value is None else value.replace(tzinfo=UTC)


def new_id() -> str:
    return str(uuid.uuid4())


class Base(DeclarativeBase):
    pass


class Practitioner(Base):
    """The registry: a person's NISS (from the eID certificate) ↔ RIZIV number and role."""

    __tablename__ = "practitioners"
    niss: Mapped[str] = mapped_column(sa.String(11), primary_key=True)
    riziv: Mapped[str] = mapped_column(sa.String(11), unique=True)
    given_name: Mapped[str] = mapped_column(sa.String(100), default="")
    family_name: Mapped[str] = mapped_column(sa.String(100), default="")
    role: Mapped[str] = mapped_column(sa.String(32), default="treating")


class PractitionerRegion(Base):
    """A practitioner's region (from the registry), for the mirror's regional figures.

    A table of its own rather than a column of ``practitioners``: ``create_all`` adds a
    new table to an existing database, never a column.
    """

    __tablename__ = "practitioner_regions"
    riziv: Mapped[str] = mapped_column(sa.String(11), primary_key=True)
    region: Mapped[str] = mapped_column(sa.String(16), index=True)


class SyntheticCertificate(Base):
    """One certificate of the demo's synthetic population (the mirror's peers).

    Synthetic rows live only here, never among ``documents``: nothing real can be
    mistaken for them or they for something real. Physicians are ``SYN-nnn`` keys in
    no registry; patients are ``SYN-P-nnnn`` keys; only the pathology group is kept.
    """

    __tablename__ = "synthetic_certificates"
    id: Mapped[int] = mapped_column(sa.Integer, primary_key=True, autoincrement=True)
    physician: Mapped[str] = mapped_column(sa.String(16))
    region: Mapped[str] = mapped_column(sa.String(16))
    patient: Mapped[str] = mapped_column(sa.String(16))
    kind: Mapped[str] = mapped_column(sa.String(32))
    begin: Mapped[date] = mapped_column(sa.Date, index=True)
    end: Mapped[date | None] = mapped_column(sa.Date, nullable=True)
    pathology_group: Mapped[str] = mapped_column(sa.String(40))
    fit_note: Mapped[bool] = mapped_column(sa.Boolean, default=False)


class Challenge(Base):
    __tablename__ = "challenges"
    nonce: Mapped[str] = mapped_column(sa.String(64), primary_key=True)
    expires_at: Mapped[datetime] = mapped_column(UtcDateTime, index=True)


class Session(Base):
    """A login session; only the SHA-256 of the bearer token is stored."""

    __tablename__ = "sessions"
    token_sha256: Mapped[str] = mapped_column(sa.String(64), primary_key=True)
    niss: Mapped[str] = mapped_column(sa.String(11))
    riziv: Mapped[str] = mapped_column(sa.String(11))
    role: Mapped[str] = mapped_column(sa.String(32))
    created_at: Mapped[datetime] = mapped_column(UtcDateTime)
    expires_at: Mapped[datetime] = mapped_column(UtcDateTime, index=True)


class Dossier(Base):
    """The per-patient communication dossier (TRIO): keyed by a pseudonym of the NISS."""

    __tablename__ = "dossiers"
    id: Mapped[str] = mapped_column(sa.String(36), primary_key=True, default=new_id)
    patient_key: Mapped[str] = mapped_column(sa.String(64), unique=True)
    created_at: Mapped[datetime] = mapped_column(UtcDateTime)


class Document(Base):
    __tablename__ = "documents"
    id: Mapped[str] = mapped_column(sa.String(36), primary_key=True)
    payload_sha256: Mapped[str] = mapped_column(sa.String(64))
    payload: Mapped[bytes] = mapped_column(sa.LargeBinary)
    signature: Mapped[bytes] = mapped_column(sa.LargeBinary)
    kind: Mapped[str] = mapped_column(sa.String(32))
    author_riziv: Mapped[str] = mapped_column(sa.String(11), index=True)
    dossier_id: Mapped[str] = mapped_column(sa.ForeignKey("dossiers.id"), index=True)
    episode_id: Mapped[str] = mapped_column(sa.String(100), default="", index=True)
    consent_reference: Mapped[str] = mapped_column(sa.String(100), default="")
    episode_sharing: Mapped[bool] = mapped_column(sa.Boolean, default=False)
    status: Mapped[ReceiptStatus] = mapped_column(sa.String(16), default="accepted")
    received_at: Mapped[datetime] = mapped_column(UtcDateTime, index=True)
    receipt: Mapped[bytes] = mapped_column(sa.LargeBinary)
    receipt_signature: Mapped[bytes] = mapped_column(sa.LargeBinary)
    retracted_at: Mapped[datetime | None] = mapped_column(UtcDateTime, nullable=True)
    retraction_reason: Mapped[str | None] = mapped_column(sa.String(32), nullable=True)
    retraction_payload: Mapped[bytes | None] = mapped_column(sa.LargeBinary, nullable=True)
    retraction_signature: Mapped[bytes | None] = mapped_column(sa.LargeBinary, nullable=True)
    retraction_receipt: Mapped[bytes | None] = mapped_column(sa.LargeBinary, nullable=True)
    retraction_receipt_signature: Mapped[bytes | None] = mapped_column(
        sa.LargeBinary, nullable=True
    )


class EpisodeAudit(Base):
    """Every episode look-up, allowed or not: who, when, which dossier, which consent."""

    __tablename__ = "episode_audit"
    id: Mapped[int] = mapped_column(sa.Integer, primary_key=True, autoincrement=True)
    at: Mapped[datetime] = mapped_column(UtcDateTime, index=True)
    requester_riziv: Mapped[str] = mapped_column(sa.String(11))
    patient_key: Mapped[str] = mapped_column(sa.String(64))
    episode_id: Mapped[str] = mapped_column(sa.String(100), default="")
    consent_reference: Mapped[str] = mapped_column(sa.String(100), default="")
    outcome: Mapped[str] = mapped_column(sa.String(40))
    document_count: Mapped[int] = mapped_column(sa.Integer, default=0)


class Thread(Base):
    __tablename__ = "threads"
    id: Mapped[str] = mapped_column(sa.String(36), primary_key=True, default=new_id)
    dossier_id: Mapped[str] = mapped_column(sa.ForeignKey("dossiers.id"), index=True)
    subject: Mapped[str] = mapped_column(sa.String(200))
    document_id: Mapped[str | None] = mapped_column(sa.String(36), nullable=True)
    created_by: Mapped[str] = mapped_column(sa.String(11))
    created_at: Mapped[datetime] = mapped_column(UtcDateTime)
    last_message_at: Mapped[datetime] = mapped_column(UtcDateTime, index=True)


class Message(Base):
    __tablename__ = "messages"
    id: Mapped[str] = mapped_column(sa.String(36), primary_key=True, default=new_id)
    thread_id: Mapped[str] = mapped_column(sa.ForeignKey("threads.id"), index=True)
    author_riziv: Mapped[str] = mapped_column(sa.String(11))
    author_role: Mapped[str] = mapped_column(sa.String(32))
    body: Mapped[str] = mapped_column(sa.Text)
    reply_to: Mapped[str | None] = mapped_column(sa.String(36), nullable=True)
    created_at: Mapped[datetime] = mapped_column(UtcDateTime, index=True)


class ThreadRead(Base):
    """Up to when a practitioner has read a thread."""

    __tablename__ = "thread_reads"
    thread_id: Mapped[str] = mapped_column(sa.ForeignKey("threads.id"), primary_key=True)
    riziv: Mapped[str] = mapped_column(sa.String(11), primary_key=True)
    read_at: Mapped[datetime] = mapped_column(UtcDateTime)


def make_engine(url: str, *, key: bytes | None = None) -> Engine:
    """An engine for ``url`` with the settings each backend needs under concurrency.

    ``key`` (SQLite only) makes the file a SQLCipher database under that raw key.
    """
    if url.startswith("sqlite"):
        if key is None:
            options: dict[str, Any] = {"connect_args": {"check_same_thread": False, "timeout": 30}}
        else:
            path = Path(sa.engine.make_url(url).database or "")
            options = {"module": sqlcipher, "creator": partial(_sqlcipher_connection, path, key)}
        engine = sa.create_engine(url, pool_size=8, max_overflow=8, **options)

        @event.listens_for(engine, "connect")
        def _sqlite_pragmas(dbapi_conn: Any, _record: Any) -> None:
            # pysqlite's own transaction handling defers BEGIN; take the write lock at
            # BEGIN instead (IMMEDIATE) so concurrent writers queue on busy_timeout
            # rather than fail with "database is locked" on lock upgrade.
            dbapi_conn.isolation_level = None
            cur = dbapi_conn.cursor()
            cur.execute("PRAGMA journal_mode=WAL")
            # NORMAL in WAL mode: a commit survives a killed server, but the last
            # commits before a power cut or an OS crash may be lost although their
            # receipts went out. Fine for the sandbox on one machine; where receipts must
            # outlive that, run on PostgreSQL (README, "The sandbox endpoint"). FULL would
            # cost an fsync per document (6.4 ms here) unless commits were grouped.
            cur.execute("PRAGMA synchronous=NORMAL")
            cur.execute("PRAGMA busy_timeout=30000")
            cur.execute("PRAGMA foreign_keys=ON")
            cur.close()

        @event.listens_for(engine, "begin")
        def _sqlite_begin(conn: sa.Connection) -> None:
            # On the driver's connection: a SQLAlchemy execution of its own (events,
            # result) costs more than the BEGIN. A lock wait that times out is still
            # SQLAlchemy's OperationalError (answered server.unavailable).
            driver = conn.connection.driver_connection
            assert driver is not None  # a checked-out connection has its driver's
            try:
                driver.execute("BEGIN IMMEDIATE")
            except conn.dialect.loaded_dbapi.OperationalError as exc:
                raise sa.exc.OperationalError("BEGIN IMMEDIATE", None, exc) from exc

        return engine
    if key is not None:
        raise ValueError("an encryption key is for a SQLite database only")
    return sa.create_engine(url, pool_size=10, max_overflow=20, pool_pre_ping=True)


def _sqlcipher_connection(path: Path, key: bytes) -> Any:
    """A SQLCipher connection keyed before its first read; a wrong key fails right here.

    The file is created owner-only (SQLite gives its -wal and -shm files the same mode);
    temporary tables and sorts stay in memory.
    """
    if not path.exists():
        path.touch(mode=0o600)
    conn = sqlcipher.connect(str(path), check_same_thread=False, timeout=30)
    try:
        conn.execute("PRAGMA cipher_log_level = NONE")
        conn.execute(f"PRAGMA key = \"x'{key.hex()}'\"")
        conn.execute("SELECT count(*) FROM sqlite_master").fetchone()
        conn.execute("PRAGMA temp_store = MEMORY")
    except BaseException:
        conn.close()
        raise
    return conn


def session_factory(engine: Engine) -> sessionmaker[Any]:
    return sessionmaker(engine, expire_on_commit=False)
