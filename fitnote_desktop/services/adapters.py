"""The real adapters behind the service ports: encrypted store, signer, outbox, PDFs.

Each class translates between the services' vocabulary (domain ``Document`` and
``Patient`` values, ``services.ports`` records) and a lower layer's API, and nothing
else: no rules live here. Drafts are stored as canonical JSON bytes (the same form
that is later signed), so what the physician saw is exactly what gets signed.
"""

from __future__ import annotations

import base64
import logging
import threading
import uuid
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from datetime import UTC, date, datetime
from pathlib import Path
from typing import Any

from fitnote_desktop.domain import canonical
from fitnote_desktop.domain.model import (
    Address,
    Document,
    IncapacityCertificate,
    Language,
    Patient,
    Recipient,
    Sex,
)
from fitnote_desktop.services.errors import ServiceError
from fitnote_desktop.services.ports import (
    ConnectionState,
    DocumentRecord,
    DocumentStatus,
    OutboxEntry,
    PatientRecord,
    PinCallback,
)

log = logging.getLogger(__name__)


def _uuid(value: str | uuid.UUID) -> uuid.UUID:
    try:
        return value if isinstance(value, uuid.UUID) else uuid.UUID(str(value))
    except ValueError:
        raise ServiceError("store.not_found") from None


# ---------------------------------------------------------------------------- patients


class StorePatients:
    """Patients in the encrypted store; address, birth date and sex ride in ``data``."""

    def __init__(self, repo: Any) -> None:
        self.repo = repo

    @staticmethod
    def _to_record(row: Any) -> PatientRecord:
        data = dict(row.data or {})
        addr = data.get("address")
        birth = data.get("birth_date")
        patient = Patient(
            niss=row.niss or "",
            given_name=row.given_name,
            family_name=row.family_name,
            language=Language(row.language or "nl"),
            address=Address(**addr) if isinstance(addr, dict) else None,
            birth_date=date.fromisoformat(birth) if birth else None,
            sex=Sex(data.get("sex", "unknown")),
        )
        return PatientRecord(str(row.id), patient, row.last_used_at or row.updated_at)

    @staticmethod
    def _data(patient: Patient) -> dict[str, Any]:
        data: dict[str, Any] = {"sex": patient.sex.value}
        if patient.address is not None:
            a = patient.address
            data["address"] = {
                "street": a.street,
                "house_number": a.house_number,
                "postal_code": a.postal_code,
                "city": a.city,
                "country": a.country,
            }
        if patient.birth_date is not None:
            data["birth_date"] = patient.birth_date.isoformat()
        return data

    def search(self, text: str, limit: int = 50) -> list[PatientRecord]:
        return [self._to_record(r) for r in self.repo.search(text, limit)]

    def recent(self, limit: int = 20) -> list[PatientRecord]:
        return [self._to_record(r) for r in self.repo.recent(limit)]

    def get(self, patient_id: str) -> PatientRecord:
        return self._to_record(self.repo.get(_uuid(patient_id)))

    def add(self, patient: Patient) -> PatientRecord:
        row = self.repo.create(
            given_name=patient.given_name,
            family_name=patient.family_name,
            niss=patient.niss,
            language=patient.language.value,
            data=self._data(patient),
        )
        return self._to_record(row)

    def update(self, patient_id: str, patient: Patient) -> PatientRecord:
        row = self.repo.update(
            _uuid(patient_id),
            given_name=patient.given_name,
            family_name=patient.family_name,
            niss=patient.niss,
            language=patient.language.value,
            data=self._data(patient),
        )
        return self._to_record(row)

    def touch(self, patient_id: str) -> None:
        self.repo.touch(_uuid(patient_id))


# ---------------------------------------------------------------------------- documents


class StoreDocuments:
    """Documents in the encrypted store: drafts with history, then immutable signed bytes."""

    def __init__(self, repo: Any, outbox: Any | None = None) -> None:
        self.repo = repo
        self.outbox = outbox

    def _local(self, reference: str | None) -> uuid.UUID | None:
        """``reference`` as the id of a document in this store, else None (issued elsewhere)."""
        if not reference:
            return None
        try:
            ident = uuid.UUID(reference)
        except ValueError:
            return None
        try:
            self.repo.get_summary(ident)
        except Exception:  # not here: a certificate known only from a paper copy
            return None
        return ident

    def save_draft(self, patient_id: str, document: Document) -> DocumentRecord:
        payload = canonical.canonical_bytes(document)
        period = document.period
        begin = period.begin if period else None
        end = period.end if period else None
        doc_id = document.id
        try:
            self.repo.get_summary(doc_id)
            exists = True
        except Exception:
            exists = False
        if exists:
            self.repo.autosave(
                doc_id,
                payload,
                kind=document.kind.value,
                language=document.language.value,
                period_begin=begin,
                period_end=end,
            )
        else:
            body = document.body
            prev = body.previous if isinstance(body, IncapacityCertificate) else None
            kind = body.certificate_kind.value if isinstance(body, IncapacityCertificate) else ""
            ref = prev.reference if prev else None
            self.repo.create_draft(
                patient_id=_uuid(patient_id),
                kind=document.kind.value,
                language=document.language.value,
                payload=payload,
                id=doc_id,
                period_begin=begin,
                period_end=end,
                prolongation_of=self._local(ref) if kind == "prolongation" else None,
                relapse_of=self._local(ref) if kind == "relapse" else None,
                replaces=self._local(document.replaces),
            )
        return self.get(str(doc_id))

    def _record(self, row: Any) -> DocumentRecord:
        error = None
        if self.outbox is not None and row.status.value in ("queued", "rejected", "sent"):
            items = self.outbox.list(document_id=row.id)
            if items:
                error = items[-1].last_error_code
        return DocumentRecord(
            document=canonical.document_from_bytes(bytes(row.payload)),
            patient_id=str(row.patient_id),
            status=DocumentStatus(row.status.value),
            version=row.version,
            updated_at=row.updated_at,
            signed_at=row.signed_at,
            last_error=error,
            replaced_by=str(row.replaced_by) if row.replaced_by else "",
        )

    def get(self, document_id: str) -> DocumentRecord:
        return self._record(self.repo.get(_uuid(document_id)))

    def for_patient(self, patient_id: str) -> list[DocumentRecord]:
        rows = self.repo.list(patient_id=_uuid(patient_id))
        return [self._record(self.repo.get(r.id)) for r in rows]

    def delete_draft(self, document_id: str) -> None:
        self.repo.delete_draft(_uuid(document_id))

    def mark_signed(
        self, document_id: str, payload: bytes, signature: bytes, status: DocumentStatus
    ) -> DocumentRecord:
        self.repo.mark_signed(_uuid(document_id), payload=payload, signature=signature)
        return self.get(document_id)

    def signed_envelope(self, document_id: str) -> tuple[bytes, bytes]:
        row = self.repo.get(_uuid(document_id))
        if row.signature is None:
            raise ServiceError("document.not_signed")
        return bytes(row.payload), bytes(row.signature)

    def set_status(
        self, document_id: str, status: DocumentStatus, error: str | None = None
    ) -> DocumentRecord:
        self.repo.set_status(_uuid(document_id), status.value)
        return self.get(document_id)

    def count(self) -> int:
        return int(self.repo.count())

    def mark_replaced(self, original_id: str, replaced_by: str) -> None:
        self.repo.mark_replaced(_uuid(original_id), _uuid(replaced_by))


# ---------------------------------------------------------------------------- signing


class DeferredPin:
    """A PIN callback whose implementation is plugged in later (the UI's PIN dialog).

    The endpoint client's authenticator is created once, at unlock, with this object as
    its callback; the UI (or the self-check) decides how the PIN is asked.
    """

    def __init__(self, callback: PinCallback | None = None) -> None:
        self.callback = callback

    def __call__(self, purpose: str) -> str | None:
        if self.callback is None:
            return None
        return self.callback(purpose)


class ConfiguredSigner:
    """Opens the configured key store for one signature and closes it again."""

    def __init__(self, config: Any) -> None:
        self.config = config

    @property
    def method(self) -> str:
        return str(self.config.kind)

    def sign(self, data: bytes, pin: PinCallback) -> bytes:
        from fitnote_desktop.signing import open_signer

        with open_signer(self.config, pin) as session:
            return session.document_signer.sign_detached(data)


# ---------------------------------------------------------------------------- sending


@dataclass
class EndpointConfig:
    url: str
    ca_bundle: Path | None
    receipt_cert: Path
    chain_pem: Path | None = None  # CA chain of the physician's certificates, if known


class LazyClient:
    """Creates the endpoint client at its first use, on whichever thread uses it.

    Building the client reads the authentication certificate's chain, which for a
    PKCS#12 file needs its password: doing that at unlock would ask a PIN before the
    physician has done anything. The outbox worker is the first user.
    """

    def __init__(self, factory: Callable[[], Any]) -> None:
        self._factory = factory
        self._client: Any = None
        self._lock = threading.Lock()

    def _get(self) -> Any:
        with self._lock:
            if self._client is None:
                self._client = self._factory()
            return self._client

    def __getattr__(self, name: str) -> Any:
        return getattr(self._get(), name)

    def close(self) -> None:
        with self._lock:
            if self._client is not None:
                self._client.close()
                self._client = None


class OutboxSender:
    """The store's outbox drained by the transport's worker on a background thread.

    The worker (and the transport modules with pyHanko behind them, about a second of
    imports) is started on a helper thread, so the main window is interactive without
    waiting for it; nothing is lost meanwhile, the queue lives in the store.
    """

    def __init__(
        self,
        *,
        outbox: Any,
        documents: Any,
        client: Any | None,
        idle_interval: float = 30.0,
        clock: Callable[[], datetime] | None = None,
        background_start: bool = True,
    ) -> None:
        self.outbox = outbox
        self.documents = documents
        self.client = client
        self.idle_interval = idle_interval
        self.clock = clock or (lambda: datetime.now(UTC))
        self._payloads: Any = None
        self.runner: Any = None
        self._lock = threading.Lock()
        self._closed = False
        self._started = threading.Event()
        if client is None:
            self._started.set()
        elif background_start:
            threading.Thread(target=self._start, name="fitnote-outbox-start", daemon=True).start()
        else:
            self._start()

    @property
    def payloads(self) -> Any:
        with self._lock:
            if self._payloads is None:
                from fitnote_desktop.transport.ports import StorePayloads

                self._payloads = StorePayloads(self.documents)
            return self._payloads

    def _start(self) -> None:
        try:
            from fitnote_desktop.transport.outbox import OutboxRunner, OutboxWorker

            worker = OutboxWorker(self.outbox, self.payloads, self.client)
            runner = OutboxRunner(worker, idle_interval=self.idle_interval)
            with self._lock:
                if self._closed:
                    return
                self.runner = runner
                runner.start()
        except Exception as exc:  # the app works offline; the status bar says so
            log.warning("outbox worker did not start (%s)", type(exc).__name__)
        finally:
            self._started.set()

    def close(self) -> None:
        self._started.wait(timeout=30)
        with self._lock:
            self._closed = True
            runner, self.runner = self.runner, None
        if runner is not None:
            runner.stop(timeout=5)
        if self.client is not None:
            self.client.close()

    def enqueue(self, document_id: str, payload: bytes, signature: bytes) -> None:
        self.outbox.enqueue(_uuid(document_id))
        self._wake()

    def _wake(self) -> None:
        if self.runner is not None:
            self.runner.wake()

    RECENT_DELIVERED = 20

    def entries(self) -> Sequence[OutboxEntry]:
        """Everything waiting or refused, then the last few delivered (newest first).

        The outbox table keeps every item ever sent; the view (refreshed every couple
        of seconds) must not decode years of history.
        """
        pending = self.outbox.list(statuses=("queued", "sending", "rejected"))
        done = self.outbox.list(statuses=("accepted", "retracted"))[-self.RECENT_DELIVERED :]
        out: list[OutboxEntry] = []
        for item in [*done, *pending]:
            try:
                record = self.documents.get(item.document_id)
                name = canonical.document_from_bytes(bytes(record.payload)).patient.full_name
            except Exception:  # the document may be gone from this store: show no name
                name = ""
            status = item.status.value
            out.append(
                OutboxEntry(
                    document_id=str(item.document_id),
                    patient_name=name,
                    status=DocumentStatus(status)
                    if status in DocumentStatus._value2member_map_
                    else DocumentStatus.QUEUED,
                    attempts=item.attempts,
                    last_error=item.last_error_code,
                    next_attempt_at=item.next_attempt_at if status == "queued" else None,
                    updated_at=item.updated_at,
                )
            )
        return list(reversed(out))

    def retry_now(self, document_id: str | None = None) -> None:
        """Make due now: queued items are rescheduled to now, rejected ones re-queued."""
        now = self.clock()
        items = self.outbox.list(document_id=_uuid(document_id) if document_id else None)
        for item in items:
            if item.status.value == "queued" and item.next_attempt_at > now:
                self.outbox.reschedule(
                    item.id,
                    next_attempt_at=now,
                    error_code=item.last_error_code or "",
                    detail=item.last_error_detail,
                )
            elif item.status.value == "rejected" and document_id is not None:
                self.outbox.enqueue(item.document_id, item.operation)
        self._wake()

    def state(self) -> ConnectionState:
        queued = len(self.outbox.list(statuses=("queued", "sending")))
        if self.client is None:
            return ConnectionState(False, queued, "transport.not_configured")
        if self.runner is None:  # still starting
            return ConnectionState(True, queued, None)
        report = self.runner.last_report
        online = self.runner.online
        detail = report.last_error if (report is not None and not online) else None
        return ConnectionState(online, queued, detail or (None if online else "transport.offline"))

    def retract(self, document_id: str, sign: Callable[[bytes], bytes]) -> None:
        from fitnote_desktop.wire.retraction import retraction_bytes

        ident = _uuid(document_id)
        payload = retraction_bytes(str(ident), "error", self.clock())
        cms = sign(payload)
        self.payloads.remember_retraction(ident, payload, cms)
        self.outbox.enqueue(ident, "retract")
        self._wake()

    def fetch_episode(
        self, reference: str, consent_reference: str, patient_niss: str
    ) -> list[Document]:
        if self.client is None:
            raise ServiceError("transport.offline")
        data = self.client.episode_lookup(patient_niss, consent_reference)
        docs = [
            canonical.document_from_bytes(base64.b64decode(d["payload"]))
            for d in data.get("documents", ())
            if d.get("status") == "accepted"
        ]
        match = [d for d in docs if str(d.id) == reference.strip()]
        if match and match[0].episode_id:
            return [d for d in docs if d.episode_id == match[0].episode_id]
        return docs

    def messaging(self) -> Any:
        if self.client is None:
            raise ServiceError("transport.not_configured")
        return self.client


# ---------------------------------------------------------------------------- PDFs


class PdfCopies:
    """The documents layer's renderer (imported lazily: reportlab is heavy)."""

    def render(
        self, document: Document, recipient: Recipient, language: str, *, draft: bool
    ) -> bytes:
        from fitnote_desktop.documents import render

        return bytes(render(document, recipient, language, draft=draft))
