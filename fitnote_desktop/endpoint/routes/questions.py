"""Questions with an answer-by date (issue 16): the advising or occupational physician asks
about a document, its author answers. The rules are in ``endpoint.questions``; this module
checks who calls and shapes the answers.

A treating physician lists the questions on their own documents; an advising or
occupational physician those they asked.
"""

import uuid
from datetime import date

from fastapi import APIRouter

from fitnote_desktop.endpoint import questions
from fitnote_desktop.endpoint.deps import Auth, Context, Db
from fitnote_desktop.endpoint.errors import error_responses
from fitnote_desktop.endpoint.schemas import AnswerIn, QuestionIn, QuestionOut
from fitnote_desktop.wire import routes

router = APIRouter(tags=["questions"])

_SESSION_ERRORS = ("auth.required", "auth.session_invalid", "auth.session_expired")


@router.get(
    routes.QUESTIONS,
    response_model=list[QuestionOut],
    responses=error_responses(*_SESSION_ERRORS),
)
def list_questions(caller: Auth, dbs: Db, context: Context) -> list[QuestionOut]:
    """Treating: the questions on the caller's documents; advising/occupational: those
    the caller asked. Oldest first."""
    day = questions.belgian_today(context.settings.clock())
    with dbs.begin():
        if caller.role in questions.ASKER_ROLES:
            found = questions.questions_asked_by(dbs, caller.riziv)
        else:
            found = questions.questions_for_author(dbs, caller.riziv)
        return [question_out(q, day) for q in found]


@router.post(
    routes.DOCUMENT_QUESTIONS,
    response_model=QuestionOut,
    status_code=201,
    responses=error_responses(
        *_SESSION_ERRORS,
        "document.not_found",
        "question.role_forbidden",
        "question.type_invalid",
        "question.body_invalid",
        "question.deadline_past",
    ),
)
def ask(
    document_id: uuid.UUID, body: QuestionIn, caller: Auth, dbs: Db, context: Context
) -> QuestionOut:
    """Ask the document's author a question (advising and occupational physicians only)."""
    now = context.settings.clock()
    with dbs.begin():
        q = questions.ask(
            dbs,
            document_id=str(document_id),
            asker_riziv=caller.riziv,
            asker_role=caller.role,
            question_type=body.question_type,
            body=body.body,
            answer_by=body.answer_by,
            now=now,
        )
        return question_out(q, questions.belgian_today(now))


@router.post(
    routes.QUESTION_ANSWER,
    response_model=QuestionOut,
    responses=error_responses(
        *_SESSION_ERRORS,
        "question.not_found",
        "question.not_author",
        "question.closed",
        "question.body_invalid",
        "question.replacement_invalid",
    ),
)
def answer(
    question_id: uuid.UUID, body: AnswerIn, caller: Auth, dbs: Db, context: Context
) -> QuestionOut:
    """Answer, say "cannot complete", or complete with a replacing certificate (the
    author only; once)."""
    now = context.settings.clock()
    replacement = body.replacement_document_id
    with dbs.begin():
        q = questions.answer(
            dbs,
            str(question_id),
            by_riziv=caller.riziv,
            body=body.body,
            cannot_complete=body.cannot_complete,
            replacement_document_id=str(replacement) if replacement else None,
            now=now,
        )
        return question_out(q, questions.belgian_today(now))


def question_out(q: questions.Question, day: date) -> QuestionOut:
    return QuestionOut.model_validate(
        {
            "id": q.id,
            "dossier_id": q.dossier_id,
            "document_id": q.document_id,
            "question_type": q.question_type,
            "body": q.body,
            "asked_by_riziv": q.asked_by_riziv,
            "asked_by_role": q.asked_by_role,
            "asked_at": q.asked_at,
            "answer_by": q.answer_by,
            "state": q.state,
            "overdue": questions.is_overdue(q, day),
            "answer": q.answer,
            "answered_at": q.answered_at,
            "answered_by_riziv": q.answered_by_riziv,
            "replacement_document_id": q.replacement_document_id,
        }
    )
