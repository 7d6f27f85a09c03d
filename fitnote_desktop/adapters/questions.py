"""Questions with deadlines: the endpoint's (JSON over the transport client) and the local
copy in the profile store, as the ports of ``services.questions``.

``CachedQuestions`` is also what the worklist reads (its ``QuestionSource``): the open
questions and the unread thread messages per document, from the last refresh, offline.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import asdict
from datetime import date, datetime
from typing import TYPE_CHECKING

from fitnote_desktop.services.errors import ServiceError
from fitnote_desktop.services.questions import PendingCompletion, Question, QuestionSnapshot
from fitnote_desktop.store.questions import QuestionCache, StoredCompletion, StoredQuestion

if TYPE_CHECKING:
    from fitnote_desktop.transport.client import EndpointClient

Json = Mapping[str, object]


def _when(value: object) -> datetime | None:
    if isinstance(value, str) and value:
        return datetime.fromisoformat(value.replace("Z", "+00:00"))
    return None


def _text(value: object) -> str | None:
    return None if value is None else str(value)


def question_from(raw: Json) -> Question:
    """A question of the endpoint's JSON (``QuestionOut``)."""
    asked_at = _when(raw.get("asked_at"))
    if asked_at is None:
        raise ValueError("question without asked_at")
    return Question(
        id=str(raw["id"]),
        document_id=str(raw["document_id"]),
        question_type=str(raw.get("question_type", "other")),
        body=str(raw.get("body", "")),
        asked_by_role=str(raw.get("asked_by_role", "")),
        asked_at=asked_at,
        answer_by=date.fromisoformat(str(raw["answer_by"])),
        state=str(raw.get("state", "open")),
        answer=_text(raw.get("answer")),
        answered_at=_when(raw.get("answered_at")),
        replacement_document_id=_text(raw.get("replacement_document_id")),
    )


class EndpointQuestions:
    """``client`` is None when the profile has no endpoint (``transport.not_configured``)."""

    def __init__(self, client: EndpointClient | None) -> None:
        self._client = client

    def _endpoint(self) -> EndpointClient:
        if self._client is None:
            raise ServiceError("transport.not_configured")
        return self._client

    def connected(self) -> bool:
        return self._client is not None and self._client.logged_in

    def fetch(self) -> QuestionSnapshot:
        """The caller's questions and the unread thread messages per document (only the
        dossiers that have threads are asked for theirs)."""
        client = self._endpoint()
        found = [question_from(raw) for raw in client.questions()]
        unread: dict[str, int] = {}
        for dossier in client.dossiers():
            if not dossier.get("thread_count"):
                continue
            for thread in client.threads(str(dossier["id"])):
                document_id = thread.get("document_id")
                count = thread.get("unread_count")
                if document_id and isinstance(count, int) and count:
                    unread[str(document_id)] = unread.get(str(document_id), 0) + count
        return QuestionSnapshot(found, unread)

    def answer(
        self,
        question_id: str,
        body: str,
        *,
        cannot_complete: bool = False,
        replacement_document_id: str | None = None,
    ) -> Question:
        raw = self._endpoint().answer_question(
            question_id,
            body,
            cannot_complete=cannot_complete,
            replacement_document_id=replacement_document_id,
        )
        return question_from(raw)


class CachedQuestions:
    """The profile store's copy (``store.questions.QuestionCache``)."""

    def __init__(self, cache: QuestionCache) -> None:
        self._cache = cache

    def replace_all(self, snapshot: QuestionSnapshot) -> None:
        self._cache.replace_all(
            (StoredQuestion(**asdict(q)) for q in snapshot.questions),
            snapshot.unread_by_document,
        )

    def save(self, question: Question) -> None:
        self._cache.save(StoredQuestion(**asdict(question)))

    def questions(self) -> list[Question]:
        return [Question(**asdict(q)) for q in self._cache.all()]

    def pending_questions(self) -> Sequence[Question]:
        """The open questions, the earliest deadline first (the worklist's section)."""
        return [q for q in self.questions() if q.is_open]

    def unread_by_document(self) -> Mapping[str, int]:
        return self._cache.unread_by_document()

    def add_completion(self, pending: PendingCompletion) -> None:
        self._cache.add_completion(
            pending.question_id, pending.replacement_document_id, pending.body
        )

    def completions(self) -> list[PendingCompletion]:
        return [_pending(c) for c in self._cache.completions()]

    def remove_completion(self, question_id: str) -> None:
        self._cache.remove_completion(question_id)


def _pending(stored: StoredCompletion) -> PendingCompletion:
    return PendingCompletion(stored.question_id, stored.replacement_document_id, stored.body)
