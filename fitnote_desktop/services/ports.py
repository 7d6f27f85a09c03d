"""What the use cases need from the outside world, as typed protocols and records.

The UI talks only to the use cases (``Services``); the use cases talk to these ports.
``fitnote_desktop.wiring`` plugs in the adapters of ``fitnote_desktop.adapters``
(encrypted store, signer, outbox and endpoint, PDF renderer); tests replace only what
needs hardware or a network (the signature). The records are plain frozen values so
they cross threads, and they are the only shapes that cross: each adapter maps its
layer's rows and JSON to them.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from datetime import date, datetime
from typing import Protocol

from fitnote_desktop.domain.lifecycle import DocumentStatus
from fitnote_desktop.domain.model import (
    AuthorisingRole,
    Document,
    Language,
    Patient,
    Practitioner,
    Recipient,
)


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
    replaced_by: str = ""
    payload_sha256: str = ""  # of the stored bytes: for a signed document, what was signed

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
    next_attempt_at: datetime | None = None  # None: not waiting for a time
    updated_at: datetime | None = None
    needs_action: bool = False  # held: sent again only when the physician retries


OutboxMark = tuple[str, str, "datetime | None"]
"""One outbox item as a status poll compares it: document id, status, last change."""


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
    role: AuthorisingRole = AuthorisingRole.TREATING_PHYSICIAN  # who signs (rule 11)


PinCallback = Callable[[str], "str | None"]
Progress = Callable[[str], None]  # receives a message code per step
Clock = Callable[[], date]
Now = Callable[[], datetime]  # aware wall-clock time: consent records, the signing moment


class PatientRepository(Protocol):
    def search(self, text: str, limit: int = 50) -> list[PatientRecord]: ...
    def recent(self, limit: int = 20) -> list[PatientRecord]: ...
    def get(self, patient_id: str) -> PatientRecord: ...
    def add(self, patient: Patient) -> PatientRecord: ...
    def update(self, patient_id: str, patient: Patient) -> PatientRecord: ...
    def touch(self, patient_id: str) -> None:
        """The patient was opened: it moves to the top of the recent list."""
        ...


class DocumentRepository(Protocol):
    def save_draft(self, patient_id: str, document: Document) -> DocumentRecord: ...
    def get(self, document_id: str) -> DocumentRecord: ...
    def for_patient(self, patient_id: str) -> list[DocumentRecord]:
        """The patient's documents, most recent first."""
        ...

    def delete_draft(self, document_id: str) -> None: ...
    def mark_signed(self, document_id: str, payload: bytes, signature: bytes) -> DocumentRecord:
        """Freeze the draft with the exact bytes signed; the status becomes ``signed``."""
        ...

    def set_status(self, document_id: str, status: DocumentStatus) -> DocumentRecord: ...
    def mark_replaced(self, original_id: str, replaced_by: str) -> None: ...


class Sender(Protocol):
    """The outbox and the endpoint's document routes, seen from the use cases."""

    def enqueue(self, document_id: str) -> None:
        """Queue a signed document (its stored bytes) for sending."""
        ...

    def entries(self) -> Sequence[OutboxEntry]: ...
    def statuses(self) -> Sequence[OutboxMark]: ...
    def retry_now(self, document_id: str | None = None) -> None: ...
    def state(self) -> ConnectionState: ...
    def retract(
        self, document_id: str, sign: Callable[[bytes], bytes], reason: str = "error"
    ) -> None:
        """Queue a signed retraction; ``sign`` signs the retraction statement's bytes,
        ``reason`` is one of ``wire.retraction.RETRACTION_REASONS``."""
        ...

    def fetch_episode(
        self, reference: str, consent_reference: str, patient_niss: str
    ) -> list[Document]: ...


class Messaging(Protocol):
    """TRIO threads at the endpoint (network calls; the first may ask the login PIN)."""

    def threads(self) -> list[Thread]:
        """Every thread of the dossiers this physician may see, without messages."""
        ...

    def thread(self, thread_id: str) -> Thread:
        """One thread with its messages (``patient_name`` left empty)."""
        ...

    def mark_read(self, thread_id: str) -> None: ...
    def reply(self, thread_id: str, body: str) -> None: ...
    def start_thread(self, document_id: str, subject: str, body: str) -> str:
        """Open a thread in the dossier of a sent document; returns the thread id."""
        ...


class Signer(Protocol):
    """Opens the physician's keys for one operation (PIN asked through the callback)."""

    def sign(self, data: bytes, pin: PinCallback) -> bytes: ...


class PdfRenderer(Protocol):
    def render(
        self,
        document: Document,
        recipient: Recipient,
        language: str,
        *,
        draft: bool,
        content_sha256: str | None = None,
        previous: Document | None = None,
        previous_reference: str | None = None,
    ) -> bytes:
        """``content_sha256``: hash of the signed bytes, for the printed reference (None:
        re-encode the document, right for a draft only). ``previous``: the document this
        one prolongs or replaces, printed as ``previous_reference``, for the line naming
        what the recipient sees changed."""
        ...


class KmehrCodec(Protocol):
    """KMEHR 1.42 messages (Belgian EMRs, Mult-eMediatt); failures carry a ``.code``."""

    def export(self, document: Document, recipient: str, now: datetime) -> bytes:
        """One recipient's dataset (advising-physician, medex, employer, patient)."""
        ...

    def read(self, data: bytes) -> Document: ...


class SettingsWriter(Protocol):
    """Stores one profile setting (JSON-compatible value) in the encrypted profile."""

    def __call__(self, key: str, value: object) -> None: ...


class UnlockedProfile(Protocol):
    """An opened profile, opaque to the UI: the wiring builds the services over it."""

    @property
    def id(self) -> str: ...
    def lock(self) -> None: ...


class ProfileCreator(Protocol):
    """Creates profiles on this computer (the first-run wizard's only way to the store)."""

    def keyring_available(self) -> bool: ...
    def eid_module_candidates(self) -> list[str]:
        """Usual install paths of the Belgian eID PKCS#11 module, for this platform."""
        ...

    def exists(self, profile_id: str) -> bool: ...
    def create(
        self,
        profile_id: str,
        *,
        author: Practitioner,
        languages: tuple[str, ...],
        passphrase: str | None,
        use_keyring: bool,
        settings: dict[str, object],
    ) -> UnlockedProfile:
        """Create the encrypted profile, store ``settings`` in it and return it unlocked."""
        ...
