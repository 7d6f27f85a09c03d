"""The desk's side of the questions with deadlines (``endpoint.questions``).

The desk asks through the same functions as the API (the rules and error codes are
theirs) and shows each question with its deadline, its state, the answer once the
treating physician has given it (from the desktop app, through the API) and, in text,
whether it is overdue. An error of ``questions.ask`` becomes the form's message: its
code's sentence from the message catalogue, in the page's language.

Each role sees the questions its own role asked, never the other's: a question of the
advising physician and its answer may speak of the diagnosis, which the occupational
physician must not read (and the advising physician has no business in the occupational
physician's exchange either).
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Mapping
from dataclasses import dataclass
from datetime import date, datetime

import sqlalchemy as sa
from sqlalchemy.orm import Session as DbSession

from fitnote_desktop.endpoint import questions
from fitnote_desktop.endpoint.desk.inbox import Entry
from fitnote_desktop.endpoint.errors import ApiError
from fitnote_desktop.endpoint.settings import RegistryEntry


@dataclass(frozen=True)
class QuestionLine:
    question: questions.Question
    overdue: bool


def question_counts(dbs: DbSession, role: str, today: date) -> dict[str, tuple[int, int]]:
    """document id → (open questions, overdue ones), over the open questions of ``role``."""
    open_questions = dbs.execute(
        sa.select(questions.Question).where(
            questions.Question.state == "open", questions.Question.asked_by_role == role
        )
    ).scalars()
    opened: Counter[str] = Counter()
    overdue: Counter[str] = Counter()
    for q in open_questions:
        opened[q.document_id] += 1
        overdue[q.document_id] += questions.is_overdue(q, today)
    return {doc: (n, overdue[doc]) for doc, n in opened.items()}


def thread_for(dbs: DbSession, document_id: str, role: str, today: date) -> list[QuestionLine]:
    """The document's questions asked by ``role``, oldest first."""
    return [
        QuestionLine(q, questions.is_overdue(q, today))
        for q in questions.questions_for_document(dbs, document_id)
        if q.asked_by_role == role
    ]


def ask_from_form(
    dbs: DbSession,
    entry: Entry,
    who: RegistryEntry,
    form: Mapping[str, str],
    now: datetime,
    today: date,
) -> str:
    """Ask the form's question; ``""`` when stored, else the error's code: a message code
    of ``questions.ask`` or a desk text key (``desk.*``) for a date that is no date."""
    try:
        answer_by = date.fromisoformat(form.get("answer_by", "").strip())
    except ValueError:
        return "desk.error.deadline_invalid"
    try:
        questions.ask(
            dbs,
            document_id=entry.row.id,
            asker_riziv=who.riziv,
            asker_role=who.role,
            question_type=form.get("question_type", ""),
            body=form.get("body", ""),
            answer_by=answer_by,
            now=now,
        )
    except ApiError as exc:
        return exc.code
    return ""
