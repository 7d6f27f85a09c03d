"""The autosave's DBAPI statements (store.document_save) against the SQLAlchemy Core ones
they replaced: the same sequence of saves on two drafts of one database, one through each,
must leave the same rows (documents and every kept version) and return the same answers,
errors included."""

from __future__ import annotations

import uuid
from collections.abc import Callable
from datetime import UTC, date, datetime, timedelta
from typing import Any

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from sqlalchemy import bindparam, delete, event, insert, select, update
from sqlalchemy.engine import Connection

from fitnote_desktop.domain.lifecycle import DocumentStatus
from fitnote_desktop.store.document_records import VersionInfo, payload_hash
from fitnote_desktop.store.document_save import META_COLUMNS, save_version
from fitnote_desktop.store.documents import DocumentRepository
from fitnote_desktop.store.errors import (
    ConflictError,
    DocumentImmutableError,
    RecordNotFoundError,
    StoreError,
)
from fitnote_desktop.store.schema import document_versions, documents

MAX_VERSIONS = 3

# The statements of DocumentRepository._save before issue 14's autosave work (c9687ea).
_SELECT_META = select(documents).where(documents.c.id == bindparam("doc_id"))
_INSERT_VERSION = insert(document_versions)
_UPDATE_DOCUMENT = update(documents).where(documents.c.id == bindparam("doc_id"))
_PRUNE_VERSIONS = delete(document_versions).where(
    document_versions.c.document_id == bindparam("doc_id"),
    document_versions.c.version > 1,
    document_versions.c.version <= bindparam("cutoff"),
)


def reference_save(
    conn: Connection,
    document_id: uuid.UUID,
    payload: bytes,
    *,
    now: Callable[[], datetime],
    expected_version: int | None,
    meta: dict[str, Any],
) -> VersionInfo:
    """The SQLAlchemy Core autosave, as the repository ran it before."""
    digest = payload_hash(payload)
    row = conn.execute(_SELECT_META, {"doc_id": document_id}).first()
    if row is None:
        raise RecordNotFoundError()
    if row.status != DocumentStatus.DRAFT:
        raise DocumentImmutableError()
    if expected_version is not None and expected_version != row.current_version:
        raise ConflictError()
    changes = {name: value for name, value in meta.items() if value != getattr(row, name)}
    if digest == row.payload_hash and not changes:
        return VersionInfo(document_id, row.current_version, row.updated_at, digest, len(payload))
    stamp = now()
    version = row.current_version
    values: dict[str, Any] = {"updated_at": stamp, **changes}
    if digest != row.payload_hash:
        version += 1
        values.update(payload=payload, payload_hash=digest, current_version=version)
        conn.execute(
            _INSERT_VERSION,
            {
                "document_id": document_id,
                "version": version,
                "payload": payload,
                "payload_hash": digest,
                "saved_at": stamp,
            },
        )
        if version - MAX_VERSIONS > 1:
            conn.execute(_PRUNE_VERSIONS, {"doc_id": document_id, "cutoff": version - MAX_VERSIONS})
    conn.execute(_UPDATE_DOCUMENT, {"doc_id": document_id, **values})
    return VersionInfo(document_id, version, stamp, digest, len(payload))


def _stored(profile: Any, document_id: uuid.UUID) -> tuple[dict[str, Any], list[dict[str, Any]]]:
    """The document row (as raw stored values, id left out) and its versions."""
    with profile.db.raw() as raw:
        cur = raw.execute("SELECT * FROM documents WHERE id = ?", (str(document_id),))
        names = [d[0] for d in cur.description]
        row = dict(zip(names, cur.fetchone(), strict=True))
        cur = raw.execute(
            "SELECT version, payload, payload_hash, saved_at FROM document_versions "
            "WHERE document_id = ? ORDER BY version",
            (str(document_id),),
        )
        versions = [dict(zip(("version", "payload", "hash", "at"), r, strict=True)) for r in cur]
    row.pop("id")
    return row, versions


def _outcome(run: Callable[[], VersionInfo]) -> Any:
    try:
        info = run()
    except StoreError as exc:
        return type(exc)
    return (info.version, info.saved_at, info.payload_hash, info.size)


def _pair(profile: Any) -> tuple[uuid.UUID, uuid.UUID]:
    """Two identical drafts, created at the same instant."""
    patient = profile.patients.create(given_name="Émilie", family_name="Vanderbeke-Dubois")
    start = datetime(2026, 11, 23, tzinfo=UTC)
    creator = DocumentRepository(profile.db, profile.audit, lambda: start)
    first, second = (
        creator.create_draft(
            patient_id=patient.id,
            kind="incapacity",
            language="nl",
            payload=b'{"v":0}',
            period_begin=date(2026, 11, 16),
        ).id
        for _ in range(2)
    )
    return first, second


def _apply(
    profile: Any, fast: uuid.UUID, ref: uuid.UUID, step: dict[str, Any], n: int, rows: bool = True
) -> None:
    stamp = datetime(2026, 11, 24, tzinfo=UTC) + timedelta(seconds=n)
    payload = b'{"v":%d}' % step["payload"]
    meta = {name: step[name] for name in META_COLUMNS if name in step}

    def run_fast() -> VersionInfo:
        with profile.db.raw_write() as conn:
            return save_version(
                conn,
                fast,
                payload,
                now=lambda: stamp,
                max_versions=MAX_VERSIONS,
                expected_version=step.get("expected"),
                meta=meta,
            )

    def run_reference() -> VersionInfo:
        with profile.db.write() as conn:
            return reference_save(
                conn,
                ref,
                payload,
                now=lambda: stamp,
                expected_version=step.get("expected"),
                meta=meta,
            )

    assert _outcome(run_fast) == _outcome(run_reference)
    if rows:
        assert _stored(profile, fast) == _stored(profile, ref)


_STEPS = st.fixed_dictionaries(
    {"payload": st.integers(0, 3)},
    optional={
        "kind": st.sampled_from(["incapacity", "invalidity-recognition"]),
        "language": st.sampled_from(["nl", "fr", "de"]),
        "period_begin": st.none() | st.dates(date(2026, 1, 1), date(2026, 3, 9)),
        "period_end": st.none() | st.dates(date(2026, 11, 28), date(2027, 2, 3)),
        "expected": st.integers(1, 8),
    },
)


@settings(
    max_examples=25, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(steps=st.lists(_STEPS, min_size=1, max_size=10))
def test_saves_leave_the_rows_the_core_statements_left(profile, steps) -> None:  # type: ignore[no-untyped-def]
    fast, ref = _pair(profile)
    for n, step in enumerate(steps):
        _apply(profile, fast, ref, step, n)


def test_a_long_history_is_pruned_alike(profile) -> None:  # type: ignore[no-untyped-def]
    fast, ref = _pair(profile)
    for n in range(12):
        _apply(profile, fast, ref, {"payload": n % 5, "language": ("nl", "fr")[n % 2]}, n)
    _, versions = _stored(profile, fast)
    assert [v["version"] for v in versions] == [1, 10, 11, 12]


def test_unknown_and_signed_documents_are_refused_alike(profile) -> None:  # type: ignore[no-untyped-def]
    fast, ref = _pair(profile)
    missing = uuid.uuid4()
    _apply(profile, missing, missing, {"payload": 1}, 0, rows=False)
    for doc in (fast, ref):
        profile.documents.mark_signed(doc, payload=b'{"v":9}', signature=b"sig")
    signed = _stored(profile, fast)
    _apply(profile, fast, ref, {"payload": 2}, 1, rows=False)
    with pytest.raises(DocumentImmutableError):
        profile.documents.autosave(fast, b'{"v":3}')
    assert _stored(profile, fast) == signed


def test_consecutive_autosaves_reuse_the_last_connection(profile) -> None:  # type: ignore[no-untyped-def]
    """Two idle pooled connections (after two overlapping reads): every autosave takes the
    one the previous autosave used, whose page cache is still valid."""
    fast, _ = _pair(profile)
    with profile.db.read(), profile.db.read():
        pass
    used: list[int] = []
    event.listen(profile.db.engine, "checkout", lambda dbapi, record, proxy: used.append(id(dbapi)))
    for n in range(4):
        profile.documents.autosave(fast, b'{"v":%d}' % (n + 1))
    assert profile.db.engine.pool.checkedin() == 2
    assert len(set(used)) == 1
