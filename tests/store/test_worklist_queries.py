"""The worklist's store queries: what they return, and that they run on indexes."""

from __future__ import annotations

import uuid
from datetime import date, timedelta

from fitnote_desktop.domain.model import FitNoteStatus
from fitnote_desktop.store import worklist
from fitnote_desktop.store.worklist import WorklistQueries
from tests.support.worklist_data import add_patient, certificate, issue, recognition

TODAY = date(2026, 11, 23)


def _plan(profile, today: date) -> str:  # type: ignore[no-untyped-def]
    """The query plan of the very SQL the store runs (``_EPISODE_DOCUMENTS``)."""
    with profile.db.raw() as raw:
        rows = raw.execute(
            "EXPLAIN QUERY PLAN " + worklist._EPISODE_DOCUMENTS, {"today": today.isoformat()}
        ).fetchall()
    return "\n".join(str(r[-1]) for r in rows)


def test_episode_documents_of_patients_still_on_leave(store_profile) -> None:  # type: ignore[no-untyped-def]
    p = store_profile
    on_leave = add_patient(p, "Ann", "Aerts")
    first = issue(p, on_leave, certificate(TODAY - timedelta(days=30), TODAY - timedelta(days=1)))
    current = issue(
        p, on_leave, certificate(TODAY, TODAY + timedelta(days=9), fit_note=FitNoteStatus.NOT_FIT)
    )
    back_at_work = add_patient(p, "Bart", "Bosmans")
    issue(p, back_at_work, certificate(TODAY - timedelta(days=9), TODAY - timedelta(days=1)))
    invalid = add_patient(p, "Carl", "Claes")
    since = TODAY - timedelta(days=500)
    rec = issue(
        p, invalid, recognition(TODAY - timedelta(days=100), TODAY + timedelta(days=265), since)
    )

    rows = WorklistQueries(p.db).episode_documents(TODAY)
    assert [(r.given_name, r.document_id) for r in rows if r.patient_id == str(on_leave)] == [
        ("Ann", first),
        ("Ann", current),
    ]
    assert {r.patient_id for r in rows} == {str(on_leave), str(invalid)}
    by_id = {r.document_id: r for r in rows}
    assert by_id[current].fit_note_status == "not-fit"
    assert by_id[current].period_end == (TODAY + timedelta(days=9)).isoformat()
    assert by_id[first].fit_note_status is None  # ended: its payload is not read
    assert by_id[rec].incapacity_since == since.isoformat()
    assert by_id[rec].kind == "invalidity-recognition"


def test_outbox_and_owners(store_profile) -> None:  # type: ignore[no-untyped-def]
    p = store_profile
    ann = add_patient(p, "Ann", "Aerts")
    doc = issue(p, ann, certificate(TODAY, TODAY + timedelta(days=3)))
    item = p.outbox.enqueue(uuid.UUID(doc))
    queries = WorklistQueries(p.db)
    [row] = queries.open_outbox()
    assert (str(row.document_id), row.patient_id, row.status) == (doc, ann, "queued")
    p.outbox.mark_result(item.id, "accepted", receipt=b"r", payload_hash="0" * 64)
    assert queries.open_outbox() == []
    [owner] = queries.owners([uuid.UUID(doc), uuid.uuid4()])
    assert (owner.patient_id, owner.family_name) == (ann, "Aerts")


def test_the_worklist_query_uses_the_indexes(store_profile) -> None:  # type: ignore[no-untyped-def]
    plan = _plan(store_profile, TODAY)
    # patients on leave by a range on a covering index, their documents by the other,
    # which holds the two payload fields too: no document row (an encrypted page) is read
    assert "USING COVERING INDEX ix_documents_kind_period_end (kind=? AND period_end>?)" in plan
    assert "USING COVERING INDEX ix_documents_worklist (patient_id=?" in plan
    assert "SCAN documents" not in plan
