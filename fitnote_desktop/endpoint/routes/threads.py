"""Dossiers and their TRIO-style message threads between the treating, advising and
occupational physicians of a patient. Who may see a dossier: ``repository.may_access``.
"""

import uuid
from datetime import datetime
from typing import Any

from fastapi import APIRouter
from sqlalchemy.orm import Session as DbSession

from fitnote_desktop.endpoint import db, repository
from fitnote_desktop.endpoint.deps import Auth, Caller, Context, Db
from fitnote_desktop.endpoint.errors import ApiError, error_responses
from fitnote_desktop.endpoint.schemas import (
    DossierOut,
    MessageIn,
    MessageOut,
    ThreadDetailOut,
    ThreadIn,
    ThreadOut,
)
from fitnote_desktop.wire import routes

router = APIRouter(tags=["threads"])

_SESSION_ERRORS = ("auth.required", "auth.session_invalid", "auth.session_expired")


@router.get(
    routes.DOSSIERS,
    response_model=list[DossierOut],
    responses=error_responses(*_SESSION_ERRORS),
)
def list_dossiers(caller: Auth, dbs: Db) -> list[DossierOut]:
    """The dossiers the caller takes part in (advising/occupational: all of them)."""
    with dbs.begin():
        rows = repository.dossiers_with_counts(dbs, caller.riziv, caller.role)
    return [
        DossierOut(id=uuid.UUID(d.id), created_at=d.created_at, document_count=n, thread_count=m)
        for d, n, m in rows
    ]


@router.get(
    routes.DOSSIER_THREADS,
    response_model=list[ThreadOut],
    responses=error_responses(*_SESSION_ERRORS, "dossier.not_found"),
)
def list_threads(dossier_id: uuid.UUID, caller: Auth, dbs: Db) -> list[dict[str, Any]]:
    with dbs.begin():
        _check_dossier(dbs, dossier_id, caller)
        threads = repository.dossier_threads(dbs, str(dossier_id))
        return [_thread_out(dbs, t, caller) for t in threads]


@router.post(
    routes.DOSSIER_THREADS,
    response_model=ThreadDetailOut,
    status_code=201,
    responses=error_responses(*_SESSION_ERRORS, "dossier.not_found", "document.not_found"),
)
def post_thread(
    dossier_id: uuid.UUID, body: ThreadIn, caller: Auth, dbs: Db, context: Context
) -> Any:
    now = context.settings.clock()
    with dbs.begin():
        _check_dossier(dbs, dossier_id, caller)
        if body.document_id is not None:
            doc = repository.document(dbs, str(body.document_id))
            if doc is None or doc.dossier_id != str(dossier_id):
                raise ApiError("document.not_found", field="document_id")
        thread = db.Thread(
            id=db.new_id(),
            dossier_id=str(dossier_id),
            subject=body.subject,
            document_id=str(body.document_id) if body.document_id else None,
            created_by=caller.riziv,
            created_at=now,
            last_message_at=now,
        )
        message = _new_message(thread.id, caller, body.body, now)
        repository.add_thread(dbs, thread, message)
        out = _thread_out(dbs, thread, caller)
        out["messages"] = [_message_out(message)]
    return out


@router.get(
    routes.THREAD,
    response_model=ThreadDetailOut,
    responses=error_responses(*_SESSION_ERRORS, "thread.not_found"),
)
def get_thread(thread_id: uuid.UUID, caller: Auth, dbs: Db) -> Any:
    with dbs.begin():
        t = _own_thread(dbs, thread_id, caller)
        out = _thread_out(dbs, t, caller)
        out["messages"] = [_message_out(m) for m in repository.thread_messages(dbs, t.id)]
    return out


@router.post(
    routes.THREAD_MESSAGES,
    response_model=MessageOut,
    status_code=201,
    responses=error_responses(*_SESSION_ERRORS, "thread.not_found"),
)
def reply(
    thread_id: uuid.UUID, body: MessageIn, caller: Auth, dbs: Db, context: Context
) -> MessageOut:
    now = context.settings.clock()
    with dbs.begin():
        t = _own_thread(dbs, thread_id, caller)
        if body.reply_to is not None:
            parent = repository.message(dbs, str(body.reply_to))
            if parent is None or parent.thread_id != t.id:
                raise ApiError(
                    "thread.not_found", "No such message in this thread.", field="reply_to"
                )
        message = _new_message(t.id, caller, body.body, now, reply_to=body.reply_to)
        repository.add_message(dbs, t, message)
    return _message_out(message)


@router.post(
    routes.THREAD_READ,
    response_model=ThreadOut,
    responses=error_responses(*_SESSION_ERRORS, "thread.not_found"),
)
def mark_read(thread_id: uuid.UUID, caller: Auth, dbs: Db, context: Context) -> Any:
    now = context.settings.clock()
    with dbs.begin():
        t = _own_thread(dbs, thread_id, caller)
        repository.mark_read(dbs, t.id, caller.riziv, now)
        return _thread_out(dbs, t, caller)


def _check_dossier(dbs: DbSession, dossier_id: uuid.UUID, caller: Caller) -> None:
    if not repository.may_access(dbs, str(dossier_id), caller.riziv, caller.role):
        raise ApiError("dossier.not_found")


def _own_thread(dbs: DbSession, thread_id: uuid.UUID, caller: Caller) -> db.Thread:
    t = repository.thread(dbs, str(thread_id))
    if t is None or not repository.may_access(dbs, t.dossier_id, caller.riziv, caller.role):
        raise ApiError("thread.not_found")
    return t


def _new_message(
    thread_id: str, caller: Caller, text: str, now: datetime, reply_to: uuid.UUID | None = None
) -> db.Message:
    return db.Message(
        id=db.new_id(),
        thread_id=thread_id,
        author_riziv=caller.riziv,
        author_role=caller.role,
        body=text,
        reply_to=str(reply_to) if reply_to else None,
        created_at=now,
    )


def _thread_out(dbs: DbSession, t: db.Thread, caller: Caller) -> dict[str, Any]:
    count, unread = repository.message_counts(dbs, t, caller.riziv)
    return {
        "id": uuid.UUID(t.id),
        "dossier_id": uuid.UUID(t.dossier_id),
        "subject": t.subject,
        "document_id": uuid.UUID(t.document_id) if t.document_id else None,
        "created_by": t.created_by,
        "created_at": t.created_at,
        "last_message_at": t.last_message_at,
        "message_count": count,
        "unread_count": unread,
    }


def _message_out(m: db.Message) -> MessageOut:
    return MessageOut(
        id=uuid.UUID(m.id),
        thread_id=uuid.UUID(m.thread_id),
        author_riziv=m.author_riziv,
        author_role=m.author_role,
        body=m.body,
        reply_to=uuid.UUID(m.reply_to) if m.reply_to else None,
        created_at=m.created_at,
    )
