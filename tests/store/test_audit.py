"""Audit chain: any edited, removed, reordered or cut-off entry is detected."""

from __future__ import annotations

import pytest
from sqlalchemy import text

from fitnote_desktop.store.audit import AuditAnchor
from fitnote_desktop.store.errors import AuditAppendOnlyError, AuditChainError


@pytest.fixture
def audited(profile):  # type: ignore[no-untyped-def]
    patient = profile.patients.create(given_name="A", family_name="B")
    for _ in range(3):
        profile.documents.create_draft(
            patient_id=patient.id, kind="incapacity", language="nl", payload=b"{}"
        )
    result = profile.audit.verify()
    assert result.ok and result.entries == 6
    return profile


def _tamper(profile, *statements: str) -> None:  # type: ignore[no-untyped-def]
    """What someone holding the key could do: drop the guards, then edit."""
    with profile.db.write() as conn:
        conn.execute(text("DROP TRIGGER audit_log_no_update"))
        conn.execute(text("DROP TRIGGER audit_log_no_delete"))
        for statement in statements:
            conn.execute(text(statement))


def test_database_refuses_changes_to_the_log(audited) -> None:  # type: ignore[no-untyped-def]
    for statement in ("UPDATE audit_log SET actor = 'x'", "DELETE FROM audit_log"):
        with pytest.raises(AuditAppendOnlyError) as err, audited.db.write() as conn:
            conn.execute(text(statement))
        assert err.value.code == "store.audit_append_only"
    assert audited.audit.verify().ok


def test_entries_are_identifiers_only(audited) -> None:  # type: ignore[no-untyped-def]
    with pytest.raises(TypeError):
        audited.audit.record("x", detail={"name": ["Émilie"]})
    entry = audited.audit.entries()[-1]
    assert entry.action == "document.created" and entry.document_id is not None


def test_edit_is_detected(audited) -> None:  # type: ignore[no-untyped-def]
    _tamper(audited, "UPDATE audit_log SET actor = 'someone-else' WHERE seq = 4")
    result = audited.audit.verify()
    assert (result.ok, result.first_bad_seq, result.problem) == (False, 4, "edited")
    with pytest.raises(AuditChainError) as err:
        result.raise_for_problem()
    assert err.value.code == "store.audit_broken"


def test_removal_is_detected(audited) -> None:  # type: ignore[no-untyped-def]
    _tamper(audited, "DELETE FROM audit_log WHERE seq = 3")
    result = audited.audit.verify()
    assert (result.ok, result.first_bad_seq, result.problem) == (False, 3, "removed")


def test_removal_with_renumbering_is_detected(audited) -> None:  # type: ignore[no-untyped-def]
    _tamper(
        audited,
        "DELETE FROM audit_log WHERE seq = 3",
        "UPDATE audit_log SET seq = seq - 1 WHERE seq > 3",
    )
    assert not audited.audit.verify().ok


def test_reorder_is_detected(audited) -> None:  # type: ignore[no-untyped-def]
    _tamper(
        audited,
        "UPDATE audit_log SET seq = -1 WHERE seq = 4",
        "UPDATE audit_log SET seq = 4 WHERE seq = 5",
        "UPDATE audit_log SET seq = 5 WHERE seq = -1",
    )
    result = audited.audit.verify()
    assert not result.ok and result.first_bad_seq == 4


def test_swapped_content_is_detected(audited) -> None:  # type: ignore[no-untyped-def]
    _tamper(
        audited,
        "CREATE TEMP TABLE t AS SELECT * FROM audit_log WHERE seq IN (4, 5)",
        "DELETE FROM audit_log WHERE seq IN (4, 5)",
        "INSERT INTO audit_log SELECT 9 - seq, at, actor, action, document_id, patient_id, "
        "detail, prev_hash, hash FROM t",
    )
    assert not audited.audit.verify().ok


def test_truncation_is_detected_with_the_anchor(audited) -> None:  # type: ignore[no-untyped-def]
    head = audited.audit.head()
    assert head is not None and head.seq == 6
    _tamper(audited, "DELETE FROM audit_log WHERE seq >= 5")
    assert audited.audit.verify().ok  # a chain alone cannot see its end was cut
    result = audited.audit.verify(head)
    assert (result.ok, result.problem) == (False, "truncated")
    assert not audited.audit.verify(AuditAnchor(2, "0" * 64)).ok  # anchor hash must match


def test_lock_keeps_the_anchor_across_sessions(manager, passphrase) -> None:  # type: ignore[no-untyped-def]
    manager.create("dr-a", passphrase=passphrase)
    with manager.open("dr-a", passphrase) as p:
        p.patients.create(given_name="A", family_name="B")
    with manager.open("dr-a", passphrase) as p:
        assert p.verify_audit().ok
        _tamper(p, f"DELETE FROM audit_log WHERE seq >= {p.info.audit_anchor.seq}")
        assert p.verify_audit().problem == "truncated"
