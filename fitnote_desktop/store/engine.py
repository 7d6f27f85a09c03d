"""SQLAlchemy engine over SQLCipher, and the translation of driver errors into store codes.

Every connection is made by :meth:`Database._connect`: ``PRAGMA key`` with the raw
256-bit key as its first statement (``x'<hex>'`` form: no SQLCipher passphrase KDF on
each connect, since the key is already random), then a read of ``sqlite_master`` which
fails immediately when the key does not decrypt page 1, then WAL mode and durability
settings. The key is never in a URL, so it cannot leak through ``repr(engine)`` or an
Alembic config, and SQLAlchemy is told to hide bound parameters in its exception texts,
which would otherwise carry names and payloads into logs.

``temp_store = MEMORY`` keeps sorts and temporary tables off disk: SQLCipher would
encrypt them, but nothing has to be trusted if nothing is written.
"""

from __future__ import annotations

import logging
import threading
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

import sqlcipher3.dbapi2 as sqlcipher
from sqlalchemy import create_engine, event
from sqlalchemy import exc as sa_exc
from sqlalchemy.dialects import registry
from sqlalchemy.dialects.sqlite.pysqlcipher import SQLiteDialect_pysqlcipher
from sqlalchemy.engine import Connection, Engine
from sqlalchemy.pool import QueuePool

from fitnote_desktop.store import errors
from fitnote_desktop.store.fileio import translate_os_error
from fitnote_desktop.store.keys import ProfileKey
from fitnote_desktop.store.options import StoreOptions

log = logging.getLogger(__name__)

# SQLite primary result codes (https://sqlite.org/rescode.html)
SQLITE_PERM = 3
SQLITE_BUSY = 5
SQLITE_LOCKED = 6
SQLITE_NOMEM = 7
SQLITE_READONLY = 8
SQLITE_IOERR = 10
SQLITE_CORRUPT = 11
SQLITE_FULL = 13
SQLITE_CANTOPEN = 14
SQLITE_CONSTRAINT = 19
SQLITE_NOTADB = 26

_CODE_TO_ERROR: dict[int, type[errors.StoreError]] = {
    SQLITE_PERM: errors.StorageIOError,
    SQLITE_BUSY: errors.DatabaseBusyError,
    SQLITE_LOCKED: errors.DatabaseBusyError,
    SQLITE_READONLY: errors.StorageIOError,
    SQLITE_IOERR: errors.StorageIOError,
    SQLITE_CORRUPT: errors.CorruptDatabaseError,
    SQLITE_FULL: errors.DiskFullError,
    SQLITE_CANTOPEN: errors.StorageIOError,
    SQLITE_NOTADB: errors.CorruptDatabaseError,
}

_TRIGGER_ERRORS: dict[str, type[errors.StoreError]] = {
    "store.document_signed": errors.DocumentImmutableError,
    "store.audit_append_only": errors.AuditAppendOnlyError,
    "store.receipt_immutable": errors.ReceiptImmutableError,
}


class _KeyedSQLCipherDialect(SQLiteDialect_pysqlcipher):
    """The pysqlcipher dialect minus its URL-passphrase ``PRAGMA key``.

    The stock dialect runs ``PRAGMA key=<url password>`` on every new connection, which
    would re-key an already keyed connection with an empty passphrase. Our creator keys
    the connection itself, so the dialect must not.
    """

    supports_statement_cache = True

    def on_connect_url(self, url: Any) -> Any:
        return super(SQLiteDialect_pysqlcipher, self).on_connect_url(url)


registry.register("sqlite.fitnote_sqlcipher", __name__, "_KeyedSQLCipherDialect")

ENGINE_LOGGING_NAME = "fitnote_store"
# SQLAlchemy logs statements at INFO and *result rows* at DEBUG. Rows are patient data,
# so the store's engine gets a logger of its own pinned at WARNING: turning on
# ``sqlalchemy.engine`` debugging globally does not reach it. To debug the store on test
# data, lower this logger's level deliberately.
logging.getLogger(f"sqlalchemy.engine.Engine.{ENGINE_LOGGING_NAME}").setLevel(logging.WARNING)


def translate_error(exc: BaseException) -> errors.StoreError:
    """Map a driver/SQLAlchemy error to a :class:`StoreError` with a stable code.

    Only the SQLite result code and trigger messages we wrote ourselves are looked at;
    the driver's text is not copied into the new error (it may quote values).
    """
    orig = exc.orig if isinstance(exc, sa_exc.DBAPIError) else exc
    message = str(orig)
    for marker, cls in _TRIGGER_ERRORS.items():
        if marker in message:
            return cls()
    code = getattr(orig, "sqlite_errorcode", None)
    if isinstance(code, int):
        primary = code & 0xFF
        if primary in _CODE_TO_ERROR:
            return _CODE_TO_ERROR[primary]()
        if primary == SQLITE_CONSTRAINT:
            return errors.DuplicateRecordError() if "UNIQUE" in message else errors.StoreError()
    if "file is not a database" in message:
        return errors.CorruptDatabaseError()
    if "malformed" in message:
        return errors.CorruptDatabaseError()
    if "disk is full" in message:
        return errors.DiskFullError()
    log.warning("unmapped database error %s (sqlite code %s)", type(orig).__name__, code)
    return errors.StoreError()


@contextmanager
def translated_errors() -> Iterator[None]:
    """Re-raise database errors as store errors, dropping the chained driver exception.

    ``from None`` matters: the chained SQLAlchemy error would print the SQL statement
    (and, without ``hide_parameters``, patient data) in any traceback that gets logged.
    """
    try:
        yield
    except (sa_exc.DBAPIError, sqlcipher.Error) as exc:
        raise translate_error(exc) from None
    except OSError as exc:  # creating the file itself (missing folder, no space)
        raise translate_os_error(exc) from None


class Database:
    """One open, keyed SQLCipher database: an engine plus read/write transactions."""

    def __init__(self, path: Path, key: ProfileKey, options: StoreOptions) -> None:
        self.path = path
        self.options = options
        self._key = key
        self._closed = False
        self._lock = threading.Lock()
        self.engine: Engine = create_engine(
            "sqlite+fitnote_sqlcipher://",
            creator=self._connect,
            poolclass=QueuePool,
            pool_size=2,
            max_overflow=8,
            # the connection returned last is taken first: it holds the decrypted pages
            # of the last write, while another connection would find its page cache stale
            # (SQLite drops it when another connection has written the WAL) and decrypt
            # every page again; FIFO alternated two idle connections on every autosave
            pool_use_lifo=True,
            hide_parameters=True,
            logging_name=ENGINE_LOGGING_NAME,
        )
        event.listen(self.engine, "begin", _begin)

    # connections ---------------------------------------------------------------------
    def _connect(self) -> sqlcipher.Connection:
        if not self.path.exists():  # a new database: private from its first byte
            self.path.touch(mode=0o600)
        conn = sqlcipher.connect(
            str(self.path),
            isolation_level=None,  # transactions are begun explicitly (see _begin)
            check_same_thread=False,  # pooled connections move between threads
            timeout=self.options.busy_timeout_ms / 1000,
        )
        try:
            conn.execute("PRAGMA cipher_log_level = NONE")  # no SQLCipher chatter on stderr
            conn.execute(f'PRAGMA key = "{self._key.sqlcipher_pragma_value()}"')
            conn.execute("SELECT count(*) FROM sqlite_master").fetchone()
            conn.execute("PRAGMA journal_mode = WAL").fetchone()
            conn.execute(f"PRAGMA synchronous = {self.options.synchronous}")
            conn.execute("PRAGMA foreign_keys = ON")
            conn.execute("PRAGMA temp_store = MEMORY")
            conn.execute(f"PRAGMA busy_timeout = {int(self.options.busy_timeout_ms)}")
            if self.options.max_page_count is not None:
                conn.execute(f"PRAGMA max_page_count = {int(self.options.max_page_count)}")
        except BaseException:
            conn.close()
            raise
        return conn

    def _check_open(self) -> None:
        if self._closed:
            raise errors.ProfileLockedError()

    @property
    def closed(self) -> bool:
        return self._closed

    @contextmanager
    def write(self) -> Iterator[Connection]:
        """A write transaction (``BEGIN IMMEDIATE``: takes the write lock up front, so two
        writers wait for each other instead of failing half-way with SQLITE_BUSY)."""
        self._check_open()
        with translated_errors(), self.engine.connect() as conn:
            conn.execution_options(fitnote_begin="BEGIN IMMEDIATE")
            with conn.begin():
                yield conn

    @contextmanager
    def raw_write(self) -> Iterator[sqlcipher.Connection]:
        """:meth:`write` on the keyed DBAPI connection itself, for the autosave path.

        The same ``BEGIN IMMEDIATE`` ... ``COMMIT`` on the same pooled connections, minus
        SQLAlchemy's connection and transaction objects, which cost more CPU per autosave
        than SQLite's own statements (see ``store.document_save``). On any error
        the transaction is rolled back before the connection goes back to the pool.
        """
        self._check_open()
        with translated_errors():
            pooled = self.engine.raw_connection()
            conn: sqlcipher.Connection = pooled.driver_connection
            try:
                conn.execute("BEGIN IMMEDIATE")
                yield conn
                conn.execute("COMMIT")
            finally:
                try:
                    if conn.in_transaction:
                        conn.rollback()
                finally:
                    pooled.close()

    @contextmanager
    def read(self) -> Iterator[Connection]:
        """A read transaction: one consistent snapshot for several queries."""
        self._check_open()
        with translated_errors(), self.engine.connect() as conn, conn.begin():
            yield conn

    @contextmanager
    def raw(self) -> Iterator[sqlcipher.Connection]:
        """The keyed DBAPI connection, outside any transaction (ATTACH, checkpoints)."""
        self._check_open()
        with translated_errors(), self.engine.connect() as conn:
            yield conn.connection.driver_connection

    # maintenance ---------------------------------------------------------------------
    def integrity_check(self) -> list[str]:
        """``PRAGMA integrity_check`` rows; ``["ok"]`` when the file is sound."""
        with self.raw() as raw:
            return [str(row[0]) for row in raw.execute("PRAGMA integrity_check").fetchall()]

    def cipher_integrity_check(self) -> list[str]:
        """SQLCipher's HMAC check of every page; empty when no page was tampered with."""
        with self.raw() as raw:
            return [str(row[0]) for row in raw.execute("PRAGMA cipher_integrity_check")]

    def export_to(self, target: Path, key: ProfileKey) -> None:
        """Copy the whole database into a new SQLCipher file encrypted with ``key``.

        ``sqlcipher_export`` reads inside one transaction, so the copy is a consistent
        snapshot even while the app keeps writing; it never exists in plaintext.
        """
        with self.raw() as raw:
            if not target.exists():  # create it private before SQLite creates it 644
                target.touch(mode=0o600)
            raw.execute(
                "ATTACH DATABASE ? AS export KEY ?", (str(target), key.sqlcipher_pragma_value())
            )
            try:
                raw.execute("BEGIN")
                try:
                    raw.execute("SELECT sqlcipher_export('export')").fetchall()
                    raw.execute("COMMIT")
                except BaseException:
                    raw.execute("ROLLBACK")
                    raise
            finally:
                raw.execute("DETACH DATABASE export")

    def export_same_key(self, target: Path) -> None:
        """Encrypted copy under this database's own key (pre-migration backups)."""
        copy = ProfileKey(self._key.raw())
        try:
            self.export_to(target, copy)
        finally:
            copy.wipe()

    def checkpoint(self) -> None:
        """Fold the WAL into the main file (before copying the file or closing)."""
        with self.raw() as raw:
            raw.execute("PRAGMA wal_checkpoint(TRUNCATE)").fetchall()

    def close(self) -> None:
        """Close every pooled connection and forget the key (best effort wipe)."""
        with self._lock:
            if self._closed:
                return
            self._closed = True
            self.engine.dispose()
            self._key.wipe()


def _begin(conn: Connection) -> None:
    conn.exec_driver_sql(conn.get_execution_options().get("fitnote_begin", "BEGIN"))
