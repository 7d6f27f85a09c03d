"""Outbox and receipts: the states the transport layer drives."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

import pytest
from sqlalchemy import text

from fitnote_desktop.store import DocumentStatus, OutboxStatus
from fitnote_desktop.store.errors import (
    InvalidTransitionError,
    ReceiptImmutableError,
    RecordNotFoundError,
)


@pytest.fixture
def signed(profile):  # type: ignore[no-untyped-def]
    patient = profile.patients.create(given_name="A", family_name="B")
    doc = profile.documents.create_draft(
        patient_id=patient.id, kind="incapacity", language="nl", payload=b'{"x":1}'
    )
    profile.documents.mark_signed(doc.id, payload=b'{"x":1}', signature=b"CMS")
    return profile, doc.id


def test_enqueue_send_accept_with_receipt(signed) -> None:  # type: ignore[no-untyped-def]
    profile, doc_id = signed
    box = profile.outbox
    item = box.enqueue(doc_id)
    assert item.status is OutboxStatus.QUEUED and item.attempts == 0
    assert box.enqueue(doc_id).id == item.id  # idempotent
    assert profile.documents.get_summary(doc_id).status is DocumentStatus.QUEUED
    far_future = datetime(2100, 1, 1, tzinfo=UTC)
    assert [i.id for i in box.due_items(far_future)] == [item.id]

    sending = box.mark_sending(item.id)
    assert sending.status is OutboxStatus.SENDING and sending.attempts == 1
    assert box.due_items(far_future) == []
    with pytest.raises(InvalidTransitionError):
        box.mark_sending(item.id)

    done = box.mark_result(item.id, "accepted", receipt=b"signed-receipt", payload_hash="ab" * 32)
    assert done.status is OutboxStatus.ACCEPTED
    assert profile.documents.get_summary(doc_id).status is DocumentStatus.ACCEPTED
    [receipt] = box.receipts(doc_id)
    assert receipt.receipt == b"signed-receipt" and receipt.status == "accepted"
    assert "signed-receipt" not in repr(receipt)
    with pytest.raises(ReceiptImmutableError), profile.db.write() as conn:
        conn.execute(text("DELETE FROM receipts"))


def test_reschedule_with_backoff_and_error_code(signed) -> None:  # type: ignore[no-untyped-def]
    profile, doc_id = signed
    box = profile.outbox
    item = box.enqueue(doc_id)
    box.mark_sending(item.id)
    later = datetime(2030, 1, 1, 12, 0, tzinfo=UTC)
    again = box.reschedule(
        item.id, next_attempt_at=later, error_code="transport.offline", detail="x" * 900
    )
    assert again.status is OutboxStatus.QUEUED and again.attempts == 1
    assert again.last_error_code == "transport.offline"
    assert again.last_error_detail is not None and len(again.last_error_detail) == 500
    assert box.due_items(later - timedelta(seconds=1)) == []
    assert [i.id for i in box.due_items(later)] == [item.id]


def test_crash_while_sending_is_requeued(signed) -> None:  # type: ignore[no-untyped-def]
    profile, doc_id = signed
    box = profile.outbox
    item = box.enqueue(doc_id)
    box.mark_sending(item.id)
    assert box.requeue_interrupted() == 1
    assert box.get(item.id).status is OutboxStatus.QUEUED
    assert box.list(["queued"])[0].id == item.id


def test_rejection_then_requeue(signed) -> None:  # type: ignore[no-untyped-def]
    profile, doc_id = signed
    box = profile.outbox
    item = box.enqueue(doc_id)
    box.mark_sending(item.id)
    box.mark_result(item.id, "rejected", error_code="endpoint.author_mismatch")
    assert profile.documents.get_summary(doc_id).status is DocumentStatus.REJECTED
    assert box.get(item.id).last_error_code == "endpoint.author_mismatch"
    again = box.enqueue(doc_id)
    assert again.id == item.id and again.status is OutboxStatus.QUEUED


def test_retraction(signed) -> None:  # type: ignore[no-untyped-def]
    profile, doc_id = signed
    box = profile.outbox
    with pytest.raises(InvalidTransitionError):
        box.enqueue(doc_id, "retract")  # not accepted yet
    item = box.enqueue(doc_id)
    box.mark_sending(item.id)
    box.mark_result(item.id, "accepted", receipt=b"r1", payload_hash="h")
    retract = box.enqueue(doc_id, "retract")
    box.mark_sending(retract.id)
    done = box.mark_result(retract.id, "accepted", receipt=b"r2", payload_hash="h")
    assert done.status is OutboxStatus.RETRACTED
    summary = profile.documents.get_summary(doc_id)
    assert summary.status is DocumentStatus.RETRACTED and summary.retracted_at is not None
    assert [r.operation.value for r in box.receipts(doc_id)] == ["submit", "retract"]


def test_drafts_cannot_be_queued(profile) -> None:  # type: ignore[no-untyped-def]
    patient = profile.patients.create(given_name="A", family_name="B")
    doc = profile.documents.create_draft(
        patient_id=patient.id, kind="incapacity", language="nl", payload=b"{}"
    )
    with pytest.raises(InvalidTransitionError):
        profile.outbox.enqueue(doc.id)
    with pytest.raises(RecordNotFoundError):
        profile.outbox.get(12345)
