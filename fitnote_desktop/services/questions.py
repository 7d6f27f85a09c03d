"""Questions of the advising and occupational physicians about this physician's documents
(issue 16, "dialogue with deadlines"), and the physician's answers.

Three ways to answer: a text, "cannot complete" (the text says why), or a new certificate
that replaces the one asked about. The last one cannot be posted at once: the replacing
certificate is a draft to edit, sign and send, and the endpoint accepts the answer only
once it has accepted that certificate. So the link question → replacing draft is kept
in the profile store, and every refresh posts the answers whose certificate has been
accepted meanwhile; a restart in between loses nothing.

Refreshing and answering talk to the endpoint (the UI runs them on a worker thread);
``cached()`` and ``for_documents()`` read the local copy and work offline.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from datetime import date, datetime
from typing import Protocol

from fitnote_desktop.domain.lifecycle import DocumentStatus
from fitnote_desktop.services.errors import ServiceError, translating
from fitnote_desktop.services.follow_ups import FollowUps
from fitnote_desktop.services.ports import Clock, DocumentRecord, DocumentRepository

QUESTION_TYPES = ("complete_certificate", "contact", "work_capacity", "other")
ASKER_ROLES = ("advising", "occupational")
# the replacing certificate has been accepted (and may since have been replaced itself)
_ACCEPTED = (DocumentStatus.ACCEPTED, DocumentStatus.REPLACED)


@dataclass(frozen=True)
class Question:
    """A question about one of this physician's documents, with its answer once closed."""

    id: str
    document_id: str
    question_type: str  # one of QUESTION_TYPES
    body: str
    asked_by_role: str  # advising | occupational
    asked_at: datetime
    answer_by: date
    state: str  # open | answered | cannot_complete
    answer: str | None = None
    answered_at: datetime | None = None
    replacement_document_id: str | None = None

    @property
    def is_open(self) -> bool:
        return self.state == "open"

    def is_overdue(self, today: date) -> bool:
        """Open after its answer-by day (the day itself is still in time)."""
        return self.is_open and today > self.answer_by


@dataclass(frozen=True)
class QuestionSnapshot:
    """What one refresh brings: the questions and the unread thread messages per document."""

    questions: Sequence[Question]
    unread_by_document: Mapping[str, int]


@dataclass(frozen=True)
class PendingCompletion:
    """A question to answer with a replacing certificate once the endpoint accepted it."""

    question_id: str
    replacement_document_id: str
    body: str


class QuestionEndpoint(Protocol):
    """The endpoint's questions (``adapters.questions.EndpointQuestions``)."""

    def connected(self) -> bool:
        """Whether a session with the endpoint is open (a call would not log in)."""
        ...

    def fetch(self) -> QuestionSnapshot: ...

    def answer(
        self,
        question_id: str,
        body: str,
        *,
        cannot_complete: bool = False,
        replacement_document_id: str | None = None,
    ) -> Question: ...


class QuestionStore(Protocol):
    """The local copy and the pending completions (``adapters.questions.CachedQuestions``)."""

    def replace_all(self, snapshot: QuestionSnapshot) -> None: ...
    def save(self, question: Question) -> None: ...
    def questions(self) -> list[Question]: ...
    def add_completion(self, pending: PendingCompletion) -> None: ...
    def completions(self) -> list[PendingCompletion]: ...
    def remove_completion(self, question_id: str) -> None: ...


class Questions:
    def __init__(
        self,
        *,
        endpoint: QuestionEndpoint,
        store: QuestionStore,
        documents: DocumentRepository,
        follow_ups: FollowUps,
        clock: Clock,
    ) -> None:
        self._endpoint = endpoint
        self._store = store
        self._documents = documents
        self._follow_ups = follow_ups
        self._clock = clock

    # ------------------------------------------------------------------ offline

    def cached(self) -> list[Question]:
        """The local copy, the earliest deadline first (works offline)."""
        with translating("store.error"):
            return self._store.questions()

    def for_documents(self, document_ids: Iterable[str]) -> list[Question]:
        """The cached questions about these documents (a patient's page)."""
        wanted = set(document_ids)
        return [q for q in self.cached() if q.document_id in wanted]

    def pending_completion(self, question_id: str) -> str | None:
        """The replacing draft that will answer this question, if one was started."""
        with translating("store.error"):
            pending = self._store.completions()
        return next(
            (p.replacement_document_id for p in pending if p.question_id == question_id), None
        )

    def today(self) -> date:
        return self._clock()

    # ------------------------------------------------------------------ network

    def refresh(self, *, if_connected: bool = False) -> list[Question] | None:
        """Post the completions whose certificate is now accepted, then copy the endpoint's
        questions into the store. Network: run it on a worker thread.

        ``if_connected`` (a background poll) does nothing, and returns None, unless the
        app already has a session with the endpoint: a poll must never ask for a PIN.
        """
        if if_connected and not self._endpoint.connected():
            return None
        self._post_completions()
        with translating("transport.error"):
            snapshot = self._endpoint.fetch()
        with translating("store.error"):
            self._store.replace_all(snapshot)
        return self.cached()

    def answer(self, question_id: str, body: str) -> Question:
        return self._answer(question_id, body, cannot_complete=False)

    def cannot_complete(self, question_id: str, body: str) -> Question:
        """Say that what was asked cannot be done; ``body`` says why."""
        return self._answer(question_id, body, cannot_complete=True)

    def complete_with_replacement(self, question_id: str, body: str = "") -> DocumentRecord:
        """Start the replacement of the document asked about (the existing follow-up) and
        remember that its acceptance answers the question. Returns the new draft, for
        the editor."""
        question = self._open_question(question_id)
        draft = self._follow_ups.replace(question.document_id)
        with translating("store.error"):
            self._store.add_completion(PendingCompletion(question_id, draft.id, body.strip()))
        return draft

    def _answer(self, question_id: str, body: str, *, cannot_complete: bool) -> Question:
        if not body.strip():
            raise ServiceError("question.body_invalid")
        self._open_question(question_id)
        with translating("transport.error"):
            answered = self._endpoint.answer(
                question_id, body.strip(), cannot_complete=cannot_complete
            )
        with translating("store.error"):
            self._store.save(answered)
            self._store.remove_completion(question_id)
        return answered

    def _open_question(self, question_id: str) -> Question:
        found = next((q for q in self.cached() if q.id == question_id), None)
        if found is None:
            raise ServiceError("question.not_found")
        if not found.is_open:
            raise ServiceError("question.closed")
        return found

    def _post_completions(self) -> None:
        """Answer every pending completion whose replacing certificate the endpoint has
        accepted; forget those whose draft is gone or whose question was closed."""
        with translating("store.error"):
            pending = self._store.completions()
        for p in pending:
            try:
                with translating("store.error"):
                    status = self._documents.get(p.replacement_document_id).status
            except ServiceError as exc:
                if exc.code != "store.not_found":
                    raise
                self._forget(p.question_id)  # the draft was discarded
                continue
            if status not in _ACCEPTED:
                continue
            try:
                with translating("transport.error"):
                    answered = self._endpoint.answer(
                        p.question_id, p.body, replacement_document_id=p.replacement_document_id
                    )
            except ServiceError as exc:
                if exc.code in ("question.closed", "question.not_found"):
                    self._forget(p.question_id)
                    continue
                raise
            with translating("store.error"):
                self._store.save(answered)
            self._forget(p.question_id)

    def _forget(self, question_id: str) -> None:
        with translating("store.error"):
            self._store.remove_completion(question_id)
