"""The outbox batch's prebuilt statements against the Core code paths they replace.

``OutboxBatch`` writes through the DBAPI cursor with the audit chain's head kept in
memory (issue 14). What it stores must be what the Core repositories would have stored
and read back: the same audit entries, hash for hash, and rows that the Core queries
decode to the items the batch returned; a change that fails half-way must leave neither
rows nor a moved chain head behind.
"""

from __future__ import annotations

from datetime import UTC, datetime
from typing import Any

import pytest
from sqlalchemy import select

from fitnote_desktop.store import DocumentStatus, OutboxStatus
from fitnote_desktop.store.audit import AuditChain, AuditLog
from fitnote_desktop.store.errors import InvalidTransitionError
from fitnote_desktop.store.schema import audit_log

AT = datetime(2026, 11, 29, 20, 15, 1, 123456, tzinfo=UTC)


class _Rollback(Exception):
    pass


def _appended_row(profile: Any, append: Any) -> tuple[Any, ...]:
    """The audit row ``append(conn)`` writes, read back before its transaction is undone."""
    with pytest.raises(_Rollback), profile.db.write() as conn:
        append(conn)
        row = conn.execute(select(audit_log).order_by(audit_log.c.seq.desc()).limit(1)).one()
        raise _Rollback
    return tuple(row)


def _queued(profile: Any, count: int) -> list[Any]:
    patient = profile.patients.create(given_name="A", family_name="B")
    items = []
    for i in range(count):
        doc = profile.documents.create_draft(
            patient_id=patient.id, kind="incapacity", language="nl", payload=b'{"x":%d}' % i
        )
        profile.documents.mark_signed(doc.id, payload=b'{"x":%d}' % i, signature=b"CMS")
        items.append(profile.outbox.enqueue(doc.id))
    return items


@pytest.mark.parametrize(
    "detail", [{}, {"operation": "submit", "result": "accepted", "error": None}, {"n": 3}]
)
def test_chain_entry_equals_audit_log_append(profile, detail) -> None:  # type: ignore[no-untyped-def]
    [item] = _queued(profile, 1)
    patient_id = profile.documents.get_summary(item.document_id).patient_id
    log = AuditLog(profile.db, lambda: AT, actor="user")
    fields = {"document_id": item.document_id, "patient_id": patient_id, "detail": detail}

    core = _appended_row(profile, lambda conn: log.append(conn, "outbox.result", **fields))
    fast = _appended_row(
        profile,
        lambda conn: log.chain(conn.connection.driver_connection.cursor()).append(
            "outbox.result", **fields
        ),
    )
    assert fast == core


def test_batch_rows_read_back_as_core_reads_them(profile) -> None:  # type: ignore[no-untyped-def]
    accepted, rejected = _queued(profile, 2)
    box = profile.outbox
    with box.batch() as batch:
        claims = [batch.mark_sending(accepted.id), batch.mark_sending(rejected.id)]
    assert [box.get(c.id) for c in claims] == claims
    with box.batch() as batch:
        done = batch.mark_result(
            accepted.id, "accepted", receipt=b"R", payload_hash="ab" * 32, received_at=AT
        )
        refused = batch.mark_result(rejected.id, "rejected", error_code="rules.x", detail="d")
    assert box.get(accepted.id) == done and done.status is OutboxStatus.ACCEPTED
    assert box.get(rejected.id) == refused and refused.last_error_code == "rules.x"
    [receipt] = box.receipts(accepted.document_id)
    assert (receipt.receipt, receipt.payload_hash, receipt.received_at) == (b"R", "ab" * 32, AT)
    assert profile.documents.get_summary(accepted.document_id).status is DocumentStatus.ACCEPTED
    assert profile.documents.get_summary(rejected.document_id).status is DocumentStatus.REJECTED
    actions = [e.action for e in profile.audit.entries(document_id=accepted.document_id)]
    assert actions[-2:] == ["document.status", "outbox.result"]
    assert profile.audit.verify().ok


def test_failed_change_leaves_no_rows_and_no_chain_gap(profile) -> None:  # type: ignore[no-untyped-def]
    first, second = _queued(profile, 2)
    box = profile.outbox
    with box.batch() as batch:
        batch.mark_sending(first.id)
        batch.mark_sending(second.id)
    head_before = profile.audit.head()
    with box.batch() as batch:
        # fails after its document.status entry: not a code or identifier in the detail
        with pytest.raises(TypeError):
            batch.mark_result(first.id, "accepted", error_code=b"bytes")  # type: ignore[arg-type]
        with pytest.raises(InvalidTransitionError):
            batch.mark_sending(first.id)  # refused by the state machine
        batch.mark_result(second.id, "accepted", receipt=b"R2", payload_hash="h")
    assert box.get(first.id).status is OutboxStatus.SENDING
    assert profile.documents.get_summary(first.document_id).status is DocumentStatus.QUEUED
    assert box.receipts(first.document_id) == []
    assert box.get(second.id).status is OutboxStatus.ACCEPTED
    verification = profile.audit.verify()
    assert verification.ok
    assert head_before is not None and verification.head is not None
    assert verification.head.seq == head_before.seq + 2  # second's two entries, no gap


def test_chain_reads_the_head_once_per_transaction(profile) -> None:  # type: ignore[no-untyped-def]
    _queued(profile, 1)
    head = profile.audit.head()
    with profile.db.write() as conn:
        chain = AuditChain(conn.connection.driver_connection.cursor(), lambda: AT, "user")
        assert chain.head is None
        chain.append("profile.test")
        chain.append("profile.test")
        assert chain.head is not None and chain.head[0] == head.seq + 2
    assert profile.audit.verify().ok


def test_signed_payloads_in_one_read(profile) -> None:  # type: ignore[no-untyped-def]
    items = _queued(profile, 3)
    ids = [i.document_id for i in items[:2]]
    found = profile.documents.signed_payloads(ids)
    assert found == {i: (b'{"x":%d}' % n, b"CMS") for n, i in enumerate(ids)}
    assert profile.documents.signed_payloads([]) == {}
