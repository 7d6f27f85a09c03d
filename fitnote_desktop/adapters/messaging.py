"""TRIO threads at the endpoint as the ``Messaging`` port.

The endpoint answers JSON; this module is where it becomes typed ``Thread`` and
``ThreadMessage`` records, so no use case parses the wire.
"""

from __future__ import annotations

from collections.abc import Mapping
from datetime import datetime
from typing import TYPE_CHECKING

from fitnote_desktop.services.errors import ServiceError
from fitnote_desktop.services.ports import Thread, ThreadMessage

if TYPE_CHECKING:
    from fitnote_desktop.transport.client import EndpointClient

Json = Mapping[str, object]


def _when(value: object) -> datetime | None:
    if isinstance(value, datetime):
        return value
    if isinstance(value, str) and value:
        return datetime.fromisoformat(value.replace("Z", "+00:00"))
    return None


def _int(value: object) -> int:
    return int(value) if isinstance(value, int | str) else 0


def message_from(raw: Json) -> ThreadMessage:
    return ThreadMessage(
        author_role=str(raw.get("author_role", "")),
        author_riziv=str(raw.get("author_riziv", "")),
        body=str(raw.get("body", "")),
        created_at=_when(raw.get("created_at")),
    )


def thread_from(raw: Json) -> Thread:
    """A thread of the endpoint's JSON (with its messages when the JSON has them)."""
    messages = raw.get("messages")
    return Thread(
        id=str(raw["id"]),
        subject=str(raw.get("subject", "")),
        patient_name="",
        document_id=str(raw.get("document_id") or ""),
        last_message_at=_when(raw.get("last_message_at")),
        message_count=_int(raw.get("message_count", 0)),
        unread_count=_int(raw.get("unread_count", 0)),
        messages=tuple(message_from(m) for m in messages if isinstance(m, Mapping))
        if isinstance(messages, list)
        else (),
    )


class EndpointMessaging:
    """``client`` is None when the profile has no endpoint (``transport.not_configured``)."""

    def __init__(self, client: EndpointClient | None) -> None:
        self._client = client

    def _endpoint(self) -> EndpointClient:
        if self._client is None:
            raise ServiceError("transport.not_configured")
        return self._client

    def threads(self) -> list[Thread]:
        client = self._endpoint()
        return [
            thread_from(raw)
            for dossier in client.dossiers()
            for raw in client.threads(str(dossier["id"]))
        ]

    def thread(self, thread_id: str) -> Thread:
        return thread_from(self._endpoint().thread(thread_id))

    def mark_read(self, thread_id: str) -> None:
        self._endpoint().mark_read(thread_id)

    def reply(self, thread_id: str, body: str) -> None:
        self._endpoint().reply(thread_id, body)

    def start_thread(self, document_id: str, subject: str, body: str) -> str:
        client = self._endpoint()
        dossier = client.status(document_id).dossier_id
        return str(client.post_thread(dossier, subject, body, document_id)["id"])
