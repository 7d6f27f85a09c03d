"""The local copy of the questions (issue 16): its migration and its behaviour."""

from __future__ import annotations

from dataclasses import replace
from datetime import UTC, date, datetime

from sqlalchemy import text

from fitnote_desktop.store import migrations
from fitnote_desktop.store.engine import Database
from fitnote_desktop.store.questions import StoredQuestion

ASKED = datetime(2026, 11, 20, 9, 0, tzinfo=UTC)


def _question(qid: str, answer_by: date, state: str = "open") -> StoredQuestion:
    return StoredQuestion(
        id=qid,
        document_id="00000000-0000-0000-0000-0000000000d1",
        question_type="contact",
        body="Graag contact.",
        asked_by_role="advising",
        asked_at=ASKED,
        answer_by=answer_by,
        state=state,
    )


def _tables(db: Database) -> set[str]:
    with db.read() as conn:
        rows = conn.execute(text("SELECT name FROM sqlite_master WHERE type = 'table'"))
        return {r[0] for r in rows}


def test_a_0004_profile_gets_the_cache_and_keeps_its_data(manager, passphrase) -> None:  # type: ignore[no-untyped-def]
    manager.create("dr-a", passphrase=passphrase, schema_revision="0004")
    info = manager.get("dr-a")
    db = Database(info.db_path, manager.load_key("dr-a", passphrase), manager.options)
    assert "questions" not in _tables(db)
    db.close()
    with manager.open("dr-a", passphrase) as profile:
        assert profile.migrated_from == "0004"
        assert {"questions", "unread_threads", "question_completions"} <= _tables(profile.db)
        with profile.db.read() as conn:
            assert migrations.current_revision(conn) == migrations.HEAD
        profile.questions.add_completion("q1", "r1", "Aangevuld.")
    with manager.open("dr-a", passphrase) as profile:  # survives closing the profile
        (pending,) = profile.questions.completions()
        assert (pending.question_id, pending.replacement_document_id) == ("q1", "r1")
        with profile.db.write() as conn:
            migrations.downgrade(conn, "0004")
        assert "question_completions" not in _tables(profile.db)


def test_refresh_replaces_the_copy(profile) -> None:  # type: ignore[no-untyped-def]
    cache = profile.questions
    late, soon = _question("q-late", date(2026, 12, 9)), _question("q-soon", date(2026, 12, 1))
    cache.replace_all([late, soon], {"d1": 2, "d2": 0})
    assert [q.id for q in cache.all()] == ["q-soon", "q-late"]
    assert cache.unread_by_document() == {"d1": 2}
    answered = replace(soon, state="answered", answer="Ja.")
    cache.save(answered)
    assert [(q.id, q.state) for q in cache.all()] == [("q-soon", "answered"), ("q-late", "open")]
    cache.replace_all([], {})
    assert cache.all() == [] and cache.unread_by_document() == {}
