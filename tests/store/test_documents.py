"""Drafts, version history, immutability once signed (repository *and* database)."""

from __future__ import annotations

import json
import uuid
from datetime import date

import pytest
from sqlalchemy import text

from fitnote_desktop.domain import canonical, samples
from fitnote_desktop.store import DocumentStatus
from fitnote_desktop.store.errors import (
    ConflictError,
    DocumentImmutableError,
    DuplicateRecordError,
    InvalidTransitionError,
    RecordNotFoundError,
)


def _payload(n: int) -> bytes:
    doc = json.loads(canonical.canonical_bytes(samples.incapacity()))
    doc["consultation"]["place"] = f"Gent {n}"
    return json.dumps(doc, sort_keys=True, separators=(",", ":")).encode()


@pytest.fixture
def draft(profile):  # type: ignore[no-untyped-def]
    patient = profile.patients.create(given_name="Émilie", family_name="Vanderbeke-Dubois")
    record = profile.documents.create_draft(
        patient_id=patient.id,
        kind="incapacity",
        language="nl",
        payload=_payload(0),
        id=uuid.UUID("6f1c2b1e-7a3d-4c5e-9b8a-0d1e2f3a4b5c"),
        period_begin=date(2026, 11, 16),
        period_end=date(2026, 11, 29),
    )
    return profile, record


def test_create_and_get(draft) -> None:  # type: ignore[no-untyped-def]
    profile, rec = draft
    got = profile.documents.get(rec.id)
    assert got.status is DocumentStatus.DRAFT and got.version == 1 and got.editable
    assert got.payload == _payload(0) and got.signature is None
    assert got.period_end == date(2026, 11, 29)
    assert b"Lumbago" not in repr(got).encode()
    with pytest.raises(DuplicateRecordError):
        profile.documents.create_draft(
            patient_id=rec.patient_id, kind="incapacity", language="nl", payload=b"{}", id=rec.id
        )
    with pytest.raises(RecordNotFoundError):
        profile.documents.create_draft(
            patient_id=uuid.uuid4(), kind="incapacity", language="nl", payload=b"{}"
        )


def test_autosave_versions_dedup_and_metadata(draft) -> None:  # type: ignore[no-untyped-def]
    profile, rec = draft
    docs = profile.documents
    v2 = docs.autosave(rec.id, _payload(1))
    assert v2.version == 2
    assert docs.autosave(rec.id, _payload(1)).version == 2  # unchanged: no new version
    v3 = docs.autosave(rec.id, _payload(2), language="fr", period_end=date(2026, 12, 6))
    summary = docs.get_summary(rec.id)
    assert (summary.version, summary.language, summary.period_end) == (3, "fr", date(2026, 12, 6))
    assert summary.payload_hash == v3.payload_hash
    assert [v.version for v in docs.versions(rec.id)] == [1, 2, 3]
    assert docs.get_version(rec.id, 2).payload == _payload(1)
    with pytest.raises(ConflictError) as err:
        docs.autosave(rec.id, _payload(9), expected_version=2)
    assert err.value.code == "store.conflict"


def test_history_is_bounded_but_keeps_the_first(draft) -> None:  # type: ignore[no-untyped-def]
    profile, rec = draft
    docs = profile.documents
    docs.max_versions = 5
    for n in range(1, 20):
        docs.autosave(rec.id, _payload(n))
    assert [v.version for v in docs.versions(rec.id)] == [1, 16, 17, 18, 19, 20]
    assert docs.get_version(rec.id, 1).payload == _payload(0)


def test_restore_version_is_a_new_version(draft) -> None:  # type: ignore[no-untyped-def]
    profile, rec = draft
    docs = profile.documents
    docs.autosave(rec.id, _payload(1))
    info = docs.restore_version(rec.id, 1)
    assert info.version == 3 and docs.get(rec.id).payload == _payload(0)
    with pytest.raises(RecordNotFoundError):
        docs.restore_version(rec.id, 42)
    restored = [e for e in profile.audit.entries() if e.action == "document.version_restored"]
    assert restored[0].detail == {"version": 1, "new_version": 3}


def test_signed_document_is_immutable_in_the_repository(draft) -> None:  # type: ignore[no-untyped-def]
    profile, rec = draft
    docs = profile.documents
    docs.autosave(rec.id, _payload(1))
    signed = docs.mark_signed(rec.id, payload=_payload(2), signature=b"\x30\x82CMS")
    assert signed.status is DocumentStatus.SIGNED and signed.version == 3
    assert signed.signature == b"\x30\x82CMS" and signed.signed_at is not None
    for attempt in (
        lambda: docs.autosave(rec.id, _payload(5)),
        lambda: docs.restore_version(rec.id, 1),
        lambda: docs.mark_signed(rec.id, payload=_payload(5), signature=b"x"),
        lambda: docs.delete_draft(rec.id),
    ):
        with pytest.raises(DocumentImmutableError) as err:
            attempt()
        assert err.value.code == "store.document_signed"
    assert docs.get(rec.id).payload == _payload(2)


@pytest.mark.parametrize(
    "statement",
    [
        "UPDATE documents SET payload = x'00'",
        "UPDATE documents SET signature = x'00'",
        "UPDATE documents SET period_end = '2030-01-01'",
        "UPDATE documents SET status = 'draft'",
        "DELETE FROM documents",
        "UPDATE document_versions SET payload = x'00'",
        "DELETE FROM document_versions",
        "INSERT INTO document_versions VALUES "
        "('6f1c2b1e-7a3d-4c5e-9b8a-0d1e2f3a4b5c', 99, x'00', 'h', '2026-01-01')",
    ],
)
def test_signed_document_is_immutable_in_the_database(draft, statement: str) -> None:  # type: ignore[no-untyped-def]
    profile, rec = draft
    profile.documents.mark_signed(rec.id, payload=_payload(2), signature=b"CMS")
    with pytest.raises(DocumentImmutableError), profile.db.write() as conn:
        conn.execute(text(statement))
    assert profile.documents.get(rec.id).payload == _payload(2)


def test_lifecycle_columns_stay_writable_after_signing(draft) -> None:  # type: ignore[no-untyped-def]
    profile, rec = draft
    docs = profile.documents
    docs.mark_signed(rec.id, payload=_payload(2), signature=b"CMS")
    for status in ("queued", "sent", "accepted", "retracted"):
        assert docs.set_status(rec.id, status).status == status
    assert docs.get_summary(rec.id).retracted_at is not None
    with pytest.raises(InvalidTransitionError) as err:
        docs.set_status(rec.id, "accepted")
    assert err.value.code == "store.invalid_transition"
    with pytest.raises(InvalidTransitionError):
        docs.set_status(rec.id, "signed")


def test_relations_and_replacement(draft) -> None:  # type: ignore[no-untyped-def]
    profile, rec = draft
    docs = profile.documents
    docs.mark_signed(rec.id, payload=_payload(2), signature=b"CMS")
    prolong = docs.create_draft(
        patient_id=rec.patient_id,
        kind="incapacity",
        language="nl",
        payload=b"{}",
        prolongation_of=rec.id,
    )
    relapse = docs.create_draft(
        patient_id=rec.patient_id,
        kind="incapacity",
        language="nl",
        payload=b"{}",
        relapse_of=rec.id,
    )
    replacement = docs.create_draft(
        patient_id=rec.patient_id,
        kind="incapacity",
        language="nl",
        payload=b'{"v":2}',
        replaces=rec.id,
    )
    assert {d.id for d in docs.related(rec.id)} == {prolong.id, relapse.id, replacement.id}
    with pytest.raises(InvalidTransitionError):
        docs.set_status(rec.id, "replaced")  # needs the replacing document
    docs.mark_signed(replacement.id, payload=b'{"v":2}', signature=b"CMS2")
    replaced = docs.mark_replaced(rec.id, replacement.id)
    assert replaced.status is DocumentStatus.REPLACED and replaced.replaced_by == replacement.id
    with pytest.raises(RecordNotFoundError):
        docs.create_draft(
            patient_id=rec.patient_id,
            kind="x",
            language="nl",
            payload=b"{}",
            prolongation_of=uuid.uuid4(),
        )


def test_list_count_and_delete_draft(draft) -> None:  # type: ignore[no-untyped-def]
    profile, rec = draft
    docs = profile.documents
    other = docs.create_draft(
        patient_id=rec.patient_id, kind="fit_note", language="fr", payload=b"{}"
    )
    docs.mark_signed(rec.id, payload=_payload(0), signature=b"CMS")
    assert [d.id for d in docs.list()] == [rec.id, other.id]  # most recently changed first
    assert [d.id for d in docs.list(statuses=["draft"])] == [other.id]
    assert [d.id for d in docs.list(patient_id=rec.patient_id, limit=1)] == [rec.id]
    assert docs.count() == 2 and docs.count("signed") == 1
    docs.delete_draft(other.id)
    assert docs.count() == 1
    with pytest.raises(RecordNotFoundError):
        docs.versions(other.id)
    # the patient moved to the top of "recent" when the documents were made
    assert profile.patients.recent()[0].id == rec.patient_id


def test_payload_must_be_bytes(draft) -> None:  # type: ignore[no-untyped-def]
    profile, rec = draft
    with pytest.raises(TypeError):
        profile.documents.autosave(rec.id, "not bytes")  # type: ignore[arg-type]


def test_signed_retraction_survives_a_restart(manager, passphrase, draft) -> None:  # type: ignore[no-untyped-def]
    """A retraction signed offline is kept encrypted until sent, not only in memory."""
    from fitnote_desktop.transport.ports import StorePayloads

    profile, rec = draft
    docs = profile.documents
    docs.mark_signed(rec.id, payload=_payload(2), signature=b"CMS")
    with pytest.raises(InvalidTransitionError):  # only an accepted document is retracted
        StorePayloads(docs).remember_retraction(rec.id, b'{"retract":1}', b"RCMS")
    for status in ("queued", "sent", "accepted"):
        docs.set_status(rec.id, status)
    StorePayloads(docs).remember_retraction(rec.id, b'{"retract":1}', b"RCMS")
    assert docs.get(rec.id).signature == b"CMS"  # the document's own signature is untouched
    profile.lock()

    reopened = manager.open("dr-peeters", passphrase)
    try:
        payloads = StorePayloads(reopened.documents)
        assert payloads.signed_retraction(rec.id) == (b'{"retract":1}', b"RCMS")
        actions = [e.action for e in reopened.audit.entries()]
        assert "document.retraction_signed" in actions
        assert reopened.verify_audit().ok
    finally:
        reopened.lock()
