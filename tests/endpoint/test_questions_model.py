"""The rules of questions with deadlines (endpoint.questions), on SQLite and PostgreSQL.

Documents are inserted straight into the endpoint's tables (the signature path has its
own tests); a payload only needs its ``replaces`` for the replacement rule.
"""

from __future__ import annotations

import json
import uuid
from collections.abc import Iterator
from datetime import UTC, date, datetime, timedelta
from typing import Any

import pytest
import sqlalchemy as sa
from sqlalchemy.orm import Session as DbSession

from fitnote_desktop.endpoint import db, questions, repository, tables
from fitnote_desktop.endpoint.errors import ApiError
from fitnote_desktop.endpoint.purge import purge

GP, OTHER_GP, ADVISER = "10000000001", "10000000002", "19876543210"
NOW = datetime(2026, 3, 2, 9, 0, tzinfo=UTC)


@pytest.fixture
def sessions(db_url: str) -> Iterator[Any]:
    engine = db.make_engine(db_url)
    tables.create_schema(engine)
    try:
        yield db.session_factory(engine)
    finally:
        engine.dispose()


def _document(
    dbs: DbSession,
    *,
    author: str = GP,
    replaces: str = "",
    patient: str = "p1",
    at: datetime = NOW,
    status: str = "accepted",
) -> str:
    doc_id = str(uuid.uuid4())
    payload = json.dumps({"id": doc_id, "replaces": replaces}).encode()
    key = repository.patient_key(patient)
    dossier = dbs.scalar(sa.select(db.Dossier.id).where(db.Dossier.patient_key == key))
    if dossier is None:
        dossier = db.new_id()
        dbs.add(db.Dossier(id=dossier, patient_key=key, created_at=at))
        dbs.flush()
    dbs.add(
        db.Document(
            id=doc_id,
            payload_sha256="0" * 64,
            payload=payload,
            signature=b"sig",
            kind="incapacity",
            author_riziv=author,
            dossier_id=dossier,
            episode_id="",
            consent_reference="",
            episode_sharing=False,
            status="accepted",
            received_at=at,
            receipt=b"receipt",
            receipt_signature=b"receipt-sig",
        )
    )
    dbs.flush()
    if status != "accepted":
        dbs.execute(sa.update(db.Document).where(db.Document.id == doc_id).values(status=status))
    return doc_id


def _ask(dbs: DbSession, document_id: str, **changes: Any) -> questions.Question:
    values: dict[str, Any] = {
        "document_id": document_id,
        "asker_riziv": ADVISER,
        "asker_role": "advising",
        "question_type": "complete_certificate",
        "body": "Graag de diagnose aanvullen.",
        "answer_by": date(2026, 3, 9),
        "now": NOW,
    }
    values.update(changes)
    return questions.ask(dbs, **values)


def _answer(dbs: DbSession, question_id: str, **changes: Any) -> questions.Question:
    values: dict[str, Any] = {
        "by_riziv": GP,
        "body": "Aangevuld.",
        "cannot_complete": False,
        "replacement_document_id": None,
        "now": NOW + timedelta(days=1),
    }
    values.update(changes)
    return questions.answer(dbs, question_id, **values)


def _code(call: Any) -> str:
    with pytest.raises(ApiError) as err:
        call()
    return err.value.code


def test_ask_and_answer(sessions: Any) -> None:
    with sessions() as dbs, dbs.begin():
        doc = _document(dbs)
        q = _ask(dbs, doc)
        assert (q.state, q.asked_by_role, q.dossier_id) == (
            "open",
            "advising",
            repository.document(dbs, doc).dossier_id,  # type: ignore[union-attr]
        )
    with sessions() as dbs, dbs.begin():
        assert [x.id for x in questions.questions_for_document(dbs, doc)] == [q.id]
        assert [x.id for x in questions.questions_for_author(dbs, GP)] == [q.id]
        assert questions.questions_for_author(dbs, OTHER_GP) == []
        assert [x.id for x in questions.questions_asked_by(dbs, ADVISER)] == [q.id]
        done = _answer(dbs, q.id)
    assert (done.state, done.answer, done.answered_by_riziv) == ("answered", "Aangevuld.", GP)
    with sessions() as dbs, dbs.begin():
        stored = questions.question(dbs, q.id)
        assert stored is not None and stored.answered_at == NOW + timedelta(days=1)


def test_ask_rules(sessions: Any) -> None:
    with sessions() as dbs, dbs.begin():
        doc = _document(dbs)
        retracted = _document(dbs, status="retracted")
        assert _code(lambda: _ask(dbs, doc, asker_role="treating")) == "question.role_forbidden"
        assert _code(lambda: _ask(dbs, doc, question_type="gossip")) == "question.type_invalid"
        assert _code(lambda: _ask(dbs, doc, body="   ")) == "question.body_invalid"
        assert _code(lambda: _ask(dbs, doc, body="x" * 4001)) == "question.body_invalid"
        past = date(2026, 3, 1)
        assert _code(lambda: _ask(dbs, doc, answer_by=past)) == "question.deadline_past"
        assert _code(lambda: _ask(dbs, str(uuid.uuid4()))) == "document.not_found"
        assert _code(lambda: _ask(dbs, retracted)) == "document.not_found"
        today = _ask(dbs, doc, answer_by=NOW.date(), asker_role="occupational")
        assert today.asked_by_role == "occupational"


def test_only_the_author_answers_and_only_once(sessions: Any) -> None:
    with sessions() as dbs, dbs.begin():
        q = _ask(dbs, _document(dbs))
        assert _code(lambda: _answer(dbs, q.id, by_riziv=OTHER_GP)) == "question.not_author"
        assert _code(lambda: _answer(dbs, q.id, by_riziv=ADVISER)) == "question.not_author"
        assert _code(lambda: _answer(dbs, str(uuid.uuid4()))) == "question.not_found"
        assert _code(lambda: _answer(dbs, q.id, body=" ")) == "question.body_invalid"
        closed = _answer(dbs, q.id, cannot_complete=True, body="Patiënt niet meer gezien.")
        assert closed.state == "cannot_complete"
        assert _code(lambda: _answer(dbs, q.id)) == "question.closed"


def test_completion_with_a_replacement(sessions: Any) -> None:
    with sessions() as dbs, dbs.begin():
        original = _document(dbs)
        q = _ask(dbs, original)
        unrelated = _document(dbs)
        others = _document(dbs, author=OTHER_GP, replaces=original)
        other_patient = _document(dbs, replaces=original, patient="p2")
        retracted = _document(dbs, replaces=original, status="retracted")
        for bad in (unrelated, others, other_patient, retracted, str(uuid.uuid4())):
            code = _code(lambda bad=bad: _answer(dbs, q.id, replacement_document_id=bad))
            assert code == "question.replacement_invalid"
        replacement = _document(dbs, replaces=original, at=NOW + timedelta(hours=1))
        code = _code(
            lambda: _answer(dbs, q.id, cannot_complete=True, replacement_document_id=replacement)
        )
        assert code == "question.replacement_invalid"
        done = _answer(dbs, q.id, body="", replacement_document_id=replacement)
    assert (done.state, done.replacement_document_id) == ("answered", replacement)


def test_overdue_is_after_the_answer_by_day() -> None:
    q = questions.Question(state="open", answer_by=date(2026, 3, 9))
    assert not questions.is_overdue(q, date(2026, 3, 9))
    assert questions.is_overdue(q, date(2026, 3, 10))
    q.state = "answered"
    assert not questions.is_overdue(q, date(2026, 3, 10))


def test_purge_takes_the_questions_of_old_documents(sessions: Any) -> None:
    with sessions() as dbs, dbs.begin():
        _ask(dbs, _document(dbs))
        engine = dbs.get_bind()
    report = purge(engine, NOW + timedelta(days=1))
    assert report.documents == 1
    with sessions() as dbs, dbs.begin():
        assert questions.questions_asked_by(dbs, ADVISER) == []
