"""TRIO-style threads between physicians about a patient's dossier.

Network calls (and, for the first of a session, the authentication PIN): the UI runs
these on a worker thread. The endpoint knows documents, not names: the patient's name
is looked up in the local store, and stays empty for a document of another physician.
"""

from __future__ import annotations

from dataclasses import replace
from datetime import UTC, datetime

from fitnote_desktop.services.errors import ServiceError, translating
from fitnote_desktop.services.ports import DocumentRepository, Messaging, Thread

_OLDEST = datetime.min.replace(tzinfo=UTC)


class Conversations:
    def __init__(self, *, messaging: Messaging, documents: DocumentRepository) -> None:
        self._messaging = messaging
        self._documents = documents

    def _named(self, thread: Thread) -> Thread:
        if not thread.document_id:
            return thread
        try:
            name = self._documents.get(thread.document_id).document.patient.full_name
        except Exception:  # a document of another physician: not in this store
            return thread
        return replace(thread, patient_name=name)

    def inbox(self) -> list[Thread]:
        """Every thread of the dossiers this physician may see, newest first."""
        with translating("transport.error"):
            threads = self._messaging.threads()
        return sorted(
            (self._named(t) for t in threads),
            key=lambda t: t.last_message_at or _OLDEST,
            reverse=True,
        )

    def thread(self, thread_id: str) -> Thread:
        """One thread with its messages; opening it marks it read."""
        with translating("transport.error"):
            thread = self._messaging.thread(thread_id)
            self._messaging.mark_read(thread_id)
        return self._named(thread)

    def reply(self, thread_id: str, body: str) -> Thread:
        if not body.strip():
            raise ServiceError("thread.empty")
        with translating("transport.error"):
            self._messaging.reply(thread_id, body.strip())
        return self.thread(thread_id)

    def start_thread(self, document_id: str, subject: str, body: str) -> Thread:
        """A new conversation about a sent document (in its patient's dossier)."""
        if not subject.strip() or not body.strip():
            raise ServiceError("thread.empty")
        with translating("transport.error"):
            thread_id = self._messaging.start_thread(document_id, subject.strip(), body.strip())
        return self.thread(thread_id)
