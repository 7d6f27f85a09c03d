"""The local copy of the questions about this physician's documents (issue 16).

The endpoint is the source of truth; this copy is replaced as a whole at every refresh so
that the worklist and the patient page show the questions (and the unread thread
messages per document) when the platform cannot be reached. The one thing only this
store knows is a pending completion: a question that will be answered by a replacing
certificate once the endpoint has accepted it, kept here so that a restart does not lose
the link.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Mapping
from dataclasses import asdict, dataclass
from datetime import date, datetime

from sqlalchemy import delete, insert, select
from sqlalchemy.engine import Connection

from fitnote_desktop.store.engine import Database
from fitnote_desktop.store.schema import question_completions, questions, unread_threads


@dataclass(frozen=True)
class StoredQuestion:
    """One cached question, as the endpoint last described it."""

    id: str
    document_id: str
    question_type: str
    body: str
    asked_by_role: str
    asked_at: datetime
    answer_by: date
    state: str
    answer: str | None = None
    answered_at: datetime | None = None
    replacement_document_id: str | None = None


@dataclass(frozen=True)
class StoredCompletion:
    """A question to answer with ``replacement_document_id`` once it is accepted."""

    question_id: str
    replacement_document_id: str
    body: str
    created_at: datetime


class QuestionCache:
    def __init__(self, db: Database, clock: Callable[[], datetime]) -> None:
        self._db = db
        self._clock = clock

    def replace_all(self, found: Iterable[StoredQuestion], unread: Mapping[str, int]) -> None:
        """Make the copy what the endpoint just said (one transaction)."""
        with self._db.write() as conn:
            conn.execute(delete(questions))
            conn.execute(delete(unread_threads))
            rows = [asdict(q) for q in found]
            if rows:
                conn.execute(insert(questions), rows)
            counts = [{"document_id": d, "unread": n} for d, n in unread.items() if n]
            if counts:
                conn.execute(insert(unread_threads), counts)

    def save(self, question: StoredQuestion) -> None:
        """Update one question (after an answer), keeping the rest of the copy."""
        with self._db.write() as conn:
            _upsert(conn, question)

    def all(self) -> list[StoredQuestion]:
        """Every cached question, the earliest deadline first."""
        with self._db.read() as conn:
            rows = conn.execute(
                select(questions).order_by(questions.c.answer_by, questions.c.asked_at)
            ).all()
        return [StoredQuestion(**row._asdict()) for row in rows]

    def unread_by_document(self) -> dict[str, int]:
        with self._db.read() as conn:
            rows = conn.execute(select(unread_threads)).all()
        return {row.document_id: row.unread for row in rows}

    def add_completion(self, question_id: str, replacement_document_id: str, body: str) -> None:
        with self._db.write() as conn:
            conn.execute(
                delete(question_completions).where(
                    question_completions.c.question_id == question_id
                )
            )
            conn.execute(
                insert(question_completions).values(
                    question_id=question_id,
                    replacement_document_id=replacement_document_id,
                    body=body,
                    created_at=self._clock(),
                )
            )

    def completions(self) -> list[StoredCompletion]:
        with self._db.read() as conn:
            rows = conn.execute(
                select(question_completions).order_by(question_completions.c.created_at)
            ).all()
        return [StoredCompletion(**row._asdict()) for row in rows]

    def remove_completion(self, question_id: str) -> None:
        with self._db.write() as conn:
            conn.execute(
                delete(question_completions).where(
                    question_completions.c.question_id == question_id
                )
            )


def _upsert(conn: Connection, question: StoredQuestion) -> None:
    conn.execute(delete(questions).where(questions.c.id == question.id))
    conn.execute(insert(questions).values(**asdict(question)))
