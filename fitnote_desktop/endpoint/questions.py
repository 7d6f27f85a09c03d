"""Questions with an answer-by date from the advising or occupational physician to the
author of a certificate (issue 16, "dialogue with deadlines").

The question types follow Sweden's Webcert (request to complete the certificate, contact
request, work-capacity question, other). Only the certificate's author answers; "complete
the certificate" may be answered with a new signed certificate that replaces the old one,
which the endpoint must already have accepted (it knows replacements from the signed
``replaces`` of the later document, see ``repository.verification_records``).

Plain functions on an open SQLAlchemy session, usable by the API routes and by the web
desk alike; the caller decides the transaction. Rule violations raise ``ApiError`` with a
documented code, which a route answers as is and a web page turns into its message.
"""

from __future__ import annotations

from datetime import date, datetime
from typing import Final
from zoneinfo import ZoneInfo

import sqlalchemy as sa
from sqlalchemy.orm import Mapped, mapped_column
from sqlalchemy.orm import Session as DbSession

from fitnote_desktop.endpoint import db, repository
from fitnote_desktop.endpoint.errors import ApiError

QUESTION_TYPES: Final = ("complete_certificate", "contact", "work_capacity", "other")
ASKER_ROLES: Final = ("advising", "occupational")
QUESTION_STATES: Final = ("open", "answered", "cannot_complete")
BODY_MAX: Final = 4000
BELGIUM: Final = ZoneInfo("Europe/Brussels")  # deadlines are days as physicians live them


def belgian_today(now: datetime) -> date:
    """The Belgian calendar day of an aware ``now`` (what answer-by dates are compared to)."""
    return now.astimezone(BELGIUM).date()


class Question(db.Base):
    """One question on one document, and (once closed) its answer."""

    __tablename__ = "questions"
    id: Mapped[str] = mapped_column(sa.String(36), primary_key=True, default=db.new_id)
    dossier_id: Mapped[str] = mapped_column(sa.ForeignKey("dossiers.id"), index=True)
    document_id: Mapped[str] = mapped_column(sa.ForeignKey("documents.id"), index=True)
    question_type: Mapped[str] = mapped_column(sa.String(32))
    body: Mapped[str] = mapped_column(sa.Text)
    asked_by_riziv: Mapped[str] = mapped_column(sa.String(11), index=True)
    asked_by_role: Mapped[str] = mapped_column(sa.String(32))
    asked_at: Mapped[datetime] = mapped_column(db.UtcDateTime, index=True)
    answer_by: Mapped[date] = mapped_column(sa.Date)
    state: Mapped[str] = mapped_column(sa.String(16), default="open")
    answer: Mapped[str | None] = mapped_column(sa.Text, nullable=True)
    answered_at: Mapped[datetime | None] = mapped_column(db.UtcDateTime, nullable=True)
    answered_by_riziv: Mapped[str | None] = mapped_column(sa.String(11), nullable=True)
    replacement_document_id: Mapped[str | None] = mapped_column(sa.String(36), nullable=True)


def ask(
    dbs: DbSession,
    *,
    document_id: str,
    asker_riziv: str,
    asker_role: str,
    question_type: str,
    body: str,
    answer_by: date,
    now: datetime,
) -> Question:
    """Store a new open question on an accepted document the asker may see.

    The answer-by date may be today but not earlier: a deadline already past would make
    the question overdue the moment it is asked.
    """
    if asker_role not in ASKER_ROLES:
        raise ApiError("question.role_forbidden")
    if question_type not in QUESTION_TYPES:
        raise ApiError("question.type_invalid", field="question_type")
    text = body.strip()
    if not text or len(text) > BODY_MAX:
        raise ApiError("question.body_invalid", field="body")
    if answer_by < belgian_today(now):
        raise ApiError("question.deadline_past", field="answer_by")
    doc = repository.document(dbs, document_id)
    if (
        doc is None
        or doc.status != "accepted"
        or not repository.may_access(dbs, doc.dossier_id, asker_riziv, asker_role)
    ):
        raise ApiError("document.not_found", field="document_id")
    question = Question(
        id=db.new_id(),
        dossier_id=doc.dossier_id,
        document_id=doc.id,
        question_type=question_type,
        body=text,
        asked_by_riziv=asker_riziv,
        asked_by_role=asker_role,
        asked_at=now,
        answer_by=answer_by,
        state="open",
    )
    dbs.add(question)
    dbs.flush()
    return question


def answer(
    dbs: DbSession,
    question_id: str,
    *,
    by_riziv: str,
    body: str,
    cannot_complete: bool,
    replacement_document_id: str | None,
    now: datetime,
) -> Question:
    """Close an open question with the author's answer.

    ``cannot_complete`` says the author cannot do what was asked (the answer text says
    why); a ``replacement_document_id`` completes the certificate with a new one, which
    must be an accepted document of the same author replacing the question's document.
    The question row is locked (PostgreSQL) so two concurrent answers cannot both win.
    """
    question = dbs.execute(
        sa.select(Question).where(Question.id == question_id).with_for_update()
    ).scalar_one_or_none()
    if question is None:
        raise ApiError("question.not_found")
    doc = repository.document(dbs, question.document_id)
    if doc is None or doc.author_riziv != by_riziv:
        raise ApiError("question.not_author")
    if question.state != "open":
        raise ApiError("question.closed")
    text = body.strip()
    if len(text) > BODY_MAX or (not text and replacement_document_id is None):
        raise ApiError("question.body_invalid", field="body")
    if replacement_document_id is not None and (
        cannot_complete or not _replaces(dbs, question.document_id, replacement_document_id)
    ):
        raise ApiError("question.replacement_invalid", field="replacement_document_id")
    question.state = "cannot_complete" if cannot_complete else "answered"
    question.answer = text
    question.answered_at = now
    question.answered_by_riziv = by_riziv
    question.replacement_document_id = replacement_document_id
    dbs.flush()
    return question


def _replaces(dbs: DbSession, original_id: str, replacement_id: str) -> bool:
    """Whether ``replacement_id`` is an accepted document of the original's author that
    declares (in its signed payload) that it replaces the original."""
    records = repository.verification_records(dbs, original_id)
    if records is None:
        return False
    return any(
        d.id == replacement_id.lower() and d.status == "accepted" for d in records.replacements
    )


def question(dbs: DbSession, question_id: str) -> Question | None:
    return dbs.get(Question, question_id)


def questions_for_document(dbs: DbSession, document_id: str) -> list[Question]:
    """The document's questions, oldest first."""
    return list(
        dbs.execute(
            sa.select(Question)
            .where(Question.document_id == document_id)
            .order_by(Question.asked_at, Question.id)
        ).scalars()
    )


def questions_for_author(dbs: DbSession, riziv: str) -> list[Question]:
    """The questions on the documents ``riziv`` wrote, oldest first (the treating side)."""
    return list(
        dbs.execute(
            sa.select(Question)
            .join(db.Document, db.Document.id == Question.document_id)
            .where(db.Document.author_riziv == riziv)
            .order_by(Question.asked_at, Question.id)
        ).scalars()
    )


def questions_asked_by(dbs: DbSession, riziv: str) -> list[Question]:
    """The questions ``riziv`` asked, oldest first (the advising/occupational side)."""
    return list(
        dbs.execute(
            sa.select(Question)
            .where(Question.asked_by_riziv == riziv)
            .order_by(Question.asked_at, Question.id)
        ).scalars()
    )


def is_overdue(q: Question, today: date) -> bool:
    """An open question whose answer-by date has passed (the deadline day itself is not
    overdue)."""
    return q.state == "open" and today > q.answer_by
