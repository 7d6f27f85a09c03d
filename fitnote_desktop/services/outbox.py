"""The outbox as the physician sees it: what waits, what was refused, and the line."""

from __future__ import annotations

from collections.abc import Sequence

from fitnote_desktop.services.errors import translating
from fitnote_desktop.services.ports import ConnectionState, OutboxEntry, OutboxMark, Sender


class Outbox:
    def __init__(self, sender: Sender) -> None:
        self._sender = sender

    def entries(self) -> Sequence[OutboxEntry]:
        """Waiting and refused entries, then the last few delivered (newest first)."""
        with translating("store.error"):
            return self._sender.entries()

    def statuses(self) -> Sequence[OutboxMark]:
        """What a status poll compares, for the same entries, without reading documents."""
        with translating("store.error"):
            return self._sender.statuses()

    def retry(self, document_id: str | None = None) -> None:
        """Send now what is queued (and re-queue ``document_id`` if it was refused)."""
        with translating("store.error"):
            self._sender.retry_now(document_id)

    def connection(self) -> ConnectionState:
        with translating("store.error"):
            return self._sender.state()
