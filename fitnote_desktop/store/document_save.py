"""One save of a draft's content, prebuilt SQL on the DBAPI connection (issue 14).

The autosave timer writes a draft every few seconds while the physician types, so its
price is paid on the keystroke path. Through SQLAlchemy Core one autosave of the sample
certificate (1.9 kB) cost 1.7-1.8 ms of CPU on a loaded 2-core machine, of which SQLCipher
(the four statements and the commit of eight encrypted pages) took 0.6-0.7 ms; the rest
went to SQLAlchemy's connection, transaction, execution-context and result objects around
statements that never change. These statements do the same reads and writes in the same
transaction, with the values the schema's column types bind (UUIDs as text, timestamps as
``utc_text``, dates as ISO text); ``tests/store/test_document_save.py`` checks, row for
row, that they leave the database as the SQLAlchemy statements did.
"""

from __future__ import annotations

import uuid
from collections.abc import Callable, Mapping
from datetime import datetime
from typing import Any

from fitnote_desktop.domain.lifecycle import DocumentStatus
from fitnote_desktop.store.document_records import VersionInfo, payload_hash
from fitnote_desktop.store.errors import (
    ConflictError,
    DocumentImmutableError,
    RecordNotFoundError,
)
from fitnote_desktop.store.schema import date_text, text_date, utc_text, uuid_text

META_COLUMNS = ("kind", "language", "period_begin", "period_end")
"""The metadata an autosave may change along with the payload."""

_SELECT_STATE = (
    "SELECT status, current_version, payload_hash, updated_at, kind, language, "
    "period_begin, period_end FROM documents WHERE id = ?"
)
_INSERT_VERSION = (
    "INSERT INTO document_versions (document_id, version, payload, payload_hash, saved_at) "
    "VALUES (?, ?, ?, ?, ?)"
)
_PRUNE_VERSIONS = (
    "DELETE FROM document_versions WHERE document_id = ? AND version > 1 AND version <= ?"
)
_DATE_COLUMNS = frozenset({"period_begin", "period_end"})


def save_version(
    conn: Any,
    document_id: uuid.UUID,
    payload: bytes,
    *,
    now: Callable[[], datetime],
    max_versions: int,
    expected_version: int | None = None,
    meta: Mapping[str, Any] | None = None,
) -> VersionInfo:
    """Make ``payload`` (and ``meta``, a subset of :data:`META_COLUMNS`) the draft's content
    inside the caller's open write transaction on DBAPI connection ``conn``.

    A changed payload becomes a new version and the history is pruned to the first and
    the newest ``max_versions``; an unchanged payload with unchanged metadata writes
    nothing and returns the current version.
    """
    digest = payload_hash(payload)
    doc_id = uuid_text(document_id)
    row = conn.execute(_SELECT_STATE, (doc_id,)).fetchone()
    if row is None:
        raise RecordNotFoundError()
    status, current_version, stored_hash, updated_at = row[:4]
    if status != DocumentStatus.DRAFT:
        raise DocumentImmutableError()
    if expected_version is not None and expected_version != current_version:
        raise ConflictError()
    stored = dict(zip(META_COLUMNS, row[4:], strict=True))
    for name in _DATE_COLUMNS:
        stored[name] = text_date(stored[name])
    changes = {name: value for name, value in (meta or {}).items() if value != stored[name]}
    if digest == stored_hash and not changes:
        return VersionInfo(
            document_id, current_version, datetime.fromisoformat(updated_at), digest, len(payload)
        )
    saved_at = now()
    stamp = utc_text(saved_at)
    version = current_version
    values: dict[str, Any] = {
        name: date_text(value) if name in _DATE_COLUMNS else value
        for name, value in changes.items()
    }
    values["updated_at"] = stamp
    if digest != stored_hash:
        version += 1
        values.update(payload=payload, payload_hash=digest, current_version=version)
        # pruning first lets the new version reuse the page the oldest one frees: one
        # encrypted page fewer in the commit (8 instead of 9), the same versions kept
        prune_versions(conn, doc_id, newest=version, max_versions=max_versions)
        conn.execute(_INSERT_VERSION, (doc_id, version, payload, digest, stamp))
    assignments = ", ".join(f"{name} = ?" for name in values)
    conn.execute(
        f"UPDATE documents SET {assignments} WHERE id = ?",  # noqa: S608 (names from code)
        (*values.values(), doc_id),
    )
    return VersionInfo(document_id, version, saved_at, digest, len(payload))


def prune_versions(conn: Any, doc_id: str, *, newest: int, max_versions: int) -> None:
    """Keep version 1 and the newest ``max_versions``; drop what lies between."""
    cutoff = newest - max_versions
    if cutoff > 1:
        conn.execute(_PRUNE_VERSIONS, (doc_id, cutoff))
