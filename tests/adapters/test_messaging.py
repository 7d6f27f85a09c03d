"""The endpoint's thread JSON becomes typed records in the adapter (never in a use case)."""

from __future__ import annotations

import uuid
from datetime import UTC, datetime

from fitnote_desktop.adapters.messaging import thread_from
from fitnote_desktop.endpoint.schemas import MessageOut, ThreadDetailOut, ThreadOut


def _thread(**extra: object) -> dict:
    return {
        "id": uuid.uuid4(),
        "dossier_id": uuid.uuid4(),
        "subject": "Werkhervatting",
        "document_id": uuid.uuid4(),
        "created_by": "12345625004",
        "created_at": datetime(2026, 11, 20, 9, 0, tzinfo=UTC),
        "last_message_at": datetime(2026, 11, 21, 10, 30, tzinfo=UTC),
        "message_count": 2,
        "unread_count": 1,
        **extra,
    }


def test_a_thread_of_the_list_maps_without_messages() -> None:
    raw = ThreadOut(**_thread()).model_dump(mode="json")
    thread = thread_from(raw)
    assert thread.id == raw["id"] and thread.document_id == raw["document_id"]
    assert thread.last_message_at == datetime(2026, 11, 21, 10, 30, tzinfo=UTC)
    assert (thread.message_count, thread.unread_count, thread.messages) == (2, 1, ())
    assert thread.patient_name == ""  # the endpoint knows no names; the use case adds it


def test_a_thread_with_its_messages() -> None:
    tid = uuid.uuid4()
    message = MessageOut(
        id=uuid.uuid4(),
        thread_id=tid,
        author_riziv="15432106480",
        author_role="advising",
        body="Graag een verslag.",
        created_at=datetime(2026, 11, 21, 10, 30, tzinfo=UTC),
    )
    raw = ThreadDetailOut(**_thread(id=tid, messages=[message])).model_dump(mode="json")
    (only,) = thread_from(raw).messages
    assert (only.author_role, only.author_riziv, only.body) == (
        "advising",
        "15432106480",
        "Graag een verslag.",
    )
    assert only.created_at == datetime(2026, 11, 21, 10, 30, tzinfo=UTC)


def test_a_thread_about_no_document() -> None:
    raw = ThreadOut(**_thread(document_id=None)).model_dump(mode="json")
    assert thread_from(raw).document_id == ""
