"""The advising physician's side of a question, written straight into the embedded demo
endpoint's (SQLCipher) database with the endpoint's own functions: what the web desk or
the API would store. Used by the desktop tests of issue 16."""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from datetime import UTC, date, datetime, timedelta
from typing import Any

from fitnote_desktop.endpoint import db, questions
from fitnote_desktop.endpoint.server import EMBEDDED_DB_NAME
from fitnote_desktop.wiring.demo import SANDBOX_DIR, DemoSetup, embedded_endpoint_key

ADVISER_RIZIV = "19876543210"


@contextmanager
def endpoint_db(setup: DemoSetup) -> Iterator[Any]:
    """A session factory on the running demo endpoint's database."""
    sandbox = setup.manager.root / SANDBOX_DIR
    key = embedded_endpoint_key(sandbox, setup.manager)
    engine = db.make_engine(f"sqlite:///{(sandbox / EMBEDDED_DB_NAME).resolve()}", key=key)
    try:
        yield db.session_factory(engine)
    finally:
        engine.dispose()


def ask(
    setup: DemoSetup,
    document_id: str,
    *,
    question_type: str = "complete_certificate",
    body: str = "Gelieve de diagnose te verduidelijken.",
    answer_by: date | None = None,
    asked_days_ago: int = 0,
    role: str = "advising",
) -> str:
    """Store an open question as the demo adviser; ``asked_days_ago`` backdates it so that
    an answer-by date in the past (an overdue question) is possible."""
    now = datetime.now(UTC) - timedelta(days=asked_days_ago)
    with endpoint_db(setup) as sessions, sessions() as dbs, dbs.begin():
        q = questions.ask(
            dbs,
            document_id=document_id,
            asker_riziv=ADVISER_RIZIV,
            asker_role=role,
            question_type=question_type,
            body=body,
            answer_by=answer_by or (now.date() + timedelta(days=7)),
            now=now,
        )
        return q.id


def stored(setup: DemoSetup, question_id: str) -> questions.Question:
    with endpoint_db(setup) as sessions, sessions() as dbs:
        found = questions.question(dbs, question_id)
        assert found is not None
        dbs.expunge(found)
        return found


def adviser_message(setup: DemoSetup, document_id: str, body: str = "Even overleggen?") -> None:
    """A thread about the document with one unread message from the adviser."""
    now = datetime.now(UTC)
    with endpoint_db(setup) as sessions, sessions() as dbs, dbs.begin():
        doc = dbs.get(db.Document, document_id)
        assert doc is not None
        thread = db.Thread(
            id=db.new_id(),
            dossier_id=doc.dossier_id,
            subject="Overleg",
            document_id=document_id,
            created_by=ADVISER_RIZIV,
            created_at=now,
            last_message_at=now,
        )
        first = db.Message(
            id=db.new_id(),
            thread_id=thread.id,
            author_riziv=ADVISER_RIZIV,
            author_role="advising",
            body=body,
            created_at=now,
        )
        dbs.add(thread)
        dbs.flush()
        dbs.add(first)
