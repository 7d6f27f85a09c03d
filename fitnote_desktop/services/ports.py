"""What the services need from the outside world, as small protocols and records.

The UI talks only to :class:`fitnote_desktop.services.Services`; the services talk to
these ports. ``app.py`` plugs in the real adapters of ``services.adapters`` (encrypted
store, signer, transport, PDF renderer); tests replace only what needs hardware or a
network (the signature). The records are plain frozen values so they cross threads.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from datetime import date, datetime
from typing import Any, Protocol

from fitnote_desktop.domain.lifecycle import DocumentStatus
from fitnote_desktop.domain.model import Document, Language, Patient, Practitioner, Recipient


@dataclass(frozen=True)
class PatientRecord:
    id: str
    patient: Patient
    updated_at: datetime | None = None


@dataclass(frozen=True)
class DocumentRecord:
    document: Document
    patient_id: str
    status: DocumentStatus = DocumentStatus.DRAFT
    version: int = 0
    updated_at: datetime | None = None
    signed_at: datetime | None = None
    last_error: str | None = None  # message code
    receipt_at: datetime | None = None
    replaced_by: str = ""

    @property
    def id(self) -> str:
        return str(self.document.id)


@dataclass(frozen=True)
class OutboxEntry:
    document_id: str
    patient_name: str
    status: DocumentStatus
    attempts: int = 0
    last_error: str | None = None  # message code
    next_attempt_at: datetime | None = None
    updated_at: datetime | None = None


@dataclass(frozen=True)
class ConnectionState:
    online: bool
    queued: int
    detail: str | None = None  # message code when offline


@dataclass(frozen=True)
class ThreadMessage:
    author_role: str  # treating | advising | occupational
    author_riziv: str
    body: str
    created_at: datetime | None


@dataclass(frozen=True)
class Thread:
    """A TRIO-style conversation about a patient's dossier, between physicians."""

    id: str
    subject: str
    patient_name: str  # resolved locally from the linked document; "" when unknown
    document_id: str
    last_message_at: datetime | None
    message_count: int
    unread_count: int
    messages: tuple[ThreadMessage, ...] = ()


@dataclass(frozen=True)
class Profile:
    """The physician behind the profile and the settings the services need."""

    author: Practitioner
    languages: tuple[Language, ...] = (Language.NL, Language.FR)
    settings: dict[str, object] = field(default_factory=dict)


PinCallback = Callable[[str], "str | None"]
Progress = Callable[[str], None]  # receives a message code per step


class PatientRepository(Protocol):
    def search(self, text: str, limit: int = 50) -> list[PatientRecord]: ...
    def recent(self, limit: int = 20) -> list[PatientRecord]: ...
    def get(self, patient_id: str) -> PatientRecord: ...
    def add(self, patient: Patient) -> PatientRecord: ...
    def update(self, patient_id: str, patient: Patient) -> PatientRecord: ...


class DocumentRepository(Protocol):
    def save_draft(self, patient_id: str, document: Document) -> DocumentRecord: ...
    def get(self, document_id: str) -> DocumentRecord: ...
    def for_patient(self, patient_id: str) -> list[DocumentRecord]: ...
    def delete_draft(self, document_id: str) -> None: ...
    def mark_signed(
        self, document_id: str, payload: bytes, signature: bytes, status: DocumentStatus
    ) -> DocumentRecord: ...
    def signed_envelope(self, document_id: str) -> tuple[bytes, bytes]: ...
    def set_status(
        self, document_id: str, status: DocumentStatus, error: str | None = None
    ) -> DocumentRecord: ...
    def count(self) -> int: ...
    def mark_replaced(self, original_id: str, replaced_by: str) -> None: ...


class Sender(Protocol):
    """Outbox and endpoint, seen from the services."""

    def enqueue(self, document_id: str, payload: bytes, signature: bytes) -> None: ...
    def entries(self) -> Sequence[OutboxEntry]: ...
    def retry_now(self, document_id: str | None = None) -> None: ...
    def state(self) -> ConnectionState: ...
    def retract(self, document_id: str, sign: Callable[[bytes], bytes]) -> None:
        """Send a signed retraction; ``sign`` signs the retraction statement's bytes."""
        ...

    def fetch_episode(
        self, reference: str, consent_reference: str, patient_niss: str
    ) -> list[Document]: ...

    def messaging(self) -> Any:
        """The endpoint client for TRIO threads (``dossiers``, ``threads``, ``thread``,
        ``reply``, ``mark_read``, ``post_thread``, ``status``); raises when offline."""
        ...


class Signer(Protocol):
    """Opens the physician's keys for one operation (PIN asked through the callback)."""

    def sign(self, data: bytes, pin: PinCallback) -> bytes: ...


class PdfRenderer(Protocol):
    def render(
        self, document: Document, recipient: Recipient, language: str, *, draft: bool
    ) -> bytes: ...


Clock = Callable[[], date]
