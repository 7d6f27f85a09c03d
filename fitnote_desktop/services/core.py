"""The use cases the UI and the self-check call, named like the document lifecycle.

:class:`Services` is the only object the UI holds. It is plain Python (no Qt), takes
its adapters through the ports of ``services.ports`` and is safe to call from a worker
thread for the slow steps (sign, send, render) as long as the adapters are.
"""

from __future__ import annotations

import logging
from collections.abc import Sequence
from dataclasses import replace
from datetime import UTC, date, datetime
from typing import Any

from fitnote_desktop.domain import canonical, lifecycle, timeline
from fitnote_desktop.domain.findings import Finding, Severity, has_errors
from fitnote_desktop.domain.identifiers import compact, niss_error, niss_info
from fitnote_desktop.domain.model import Document, DocumentKind, Patient, Recipient
from fitnote_desktop.domain.validation import validate as domain_validate
from fitnote_desktop.services.errors import ServiceError, wrap
from fitnote_desktop.services.ports import (
    Clock,
    ConnectionState,
    DocumentRecord,
    DocumentRepository,
    DocumentStatus,
    OutboxEntry,
    PatientRecord,
    PatientRepository,
    PdfRenderer,
    PinCallback,
    Profile,
    Progress,
    Sender,
    Signer,
    Thread,
    ThreadMessage,
)

log = logging.getLogger(__name__)


def _no_progress(_code: str) -> None:
    return None


class Services:
    """Facade over the adapters: everything the physician can do, one method each."""

    def __init__(
        self,
        *,
        profile: Profile,
        patients: PatientRepository,
        documents: DocumentRepository,
        sender: Sender,
        signer: Signer | None,
        renderer: PdfRenderer | None = None,
        clock: Clock = date.today,
        demo: bool = False,
        settings_writer: Any = None,
    ) -> None:
        self.profile = profile
        self.patients = patients
        self.documents = documents
        self.sender = sender
        self.signer = signer
        self.renderer = renderer
        self.clock = clock
        self.demo = demo
        self._settings_writer = settings_writer

    def settings(self) -> dict[str, Any]:
        return dict(self.profile.settings)

    def update_settings(self, **values: Any) -> None:
        """Store profile settings (signer, endpoint); they apply at the next unlock."""
        if self._settings_writer is None:
            raise ServiceError("settings.read_only")
        for key, value in values.items():
            try:
                self._settings_writer(key, value)
            except Exception as exc:
                raise wrap(exc, "store.error") from exc
            self.profile.settings[key] = value

    # ------------------------------------------------------------------ patients

    def today(self) -> date:
        return self.clock()

    def search_patients(self, text: str, limit: int = 50) -> list[PatientRecord]:
        text = text.strip()
        return self.patients.search(text, limit) if text else self.patients.recent(limit)

    def patient(self, patient_id: str) -> PatientRecord:
        return self.patients.get(patient_id)

    def open_patient(self, patient_id: str) -> None:
        """The physician opened this patient: it moves to the top of the recent list."""
        touch = getattr(self.patients, "touch", None)
        if touch is not None:
            touch(patient_id)

    @staticmethod
    def patient_findings(patient: Patient) -> list[Finding]:
        """Live checks of the patient form (NISS, names), same codes as the domain."""
        out: list[Finding] = []
        if code := niss_error(patient.niss):
            out.append(Finding(code, "patient.niss"))
        if not patient.family_name.strip():
            out.append(Finding("patient.name_missing", "patient.family_name"))
        if not patient.given_name.strip():
            out.append(Finding("patient.name_missing", "patient.given_name"))
        return out

    def save_patient(self, patient: Patient, patient_id: str | None = None) -> PatientRecord:
        """Create or update; the NISS is stored compact and birth date/sex derived from it."""
        findings = self.patient_findings(patient)
        if findings:
            raise ServiceError(findings[0].code)
        info = niss_info(patient.niss)
        patient = replace(
            patient,
            niss=compact(patient.niss),
            birth_date=patient.birth_date or info.birth_date,
            sex=info.sex if info.sex.value != "unknown" else patient.sex,
        )
        try:
            if patient_id is None:
                return self.patients.add(patient)
            return self.patients.update(patient_id, patient)
        except ServiceError:
            raise
        except Exception as exc:
            raise wrap(exc, "store.error") from exc

    # ------------------------------------------------------------------ documents

    def validate(self, document: Document) -> list[Finding]:
        return domain_validate(document, today=self.today())

    def new_document(self, kind: DocumentKind, patient_id: str) -> DocumentRecord:
        rec = self.patients.get(patient_id)
        doc = lifecycle.new_document(
            kind, author=self.profile.author, patient=rec.patient, today=self.today()
        )
        doc = self._carry_over(patient_id, doc)
        return self.documents.save_draft(patient_id, doc)

    def _carry_over(self, patient_id: str, doc: Document) -> Document:
        """Job and the patient's recorded consent come from the patient's last document.

        The consent was given by this patient and recorded by this practice; asking the
        physician to tick it again at every certificate adds clicks, not protection.
        """
        employment = consent = None
        for rec in self.documents.for_patient(patient_id):  # most recent first
            previous = rec.document
            if previous.id == doc.id:
                continue
            if employment is None and previous.employment and previous.employment.job_title:
                employment = previous.employment
            signed = rec.status is not DocumentStatus.DRAFT
            if consent is None and signed and previous.consent.electronic_sending:
                consent = previous.consent
        if employment is not None:
            doc = replace(doc, employment=employment)
        if consent is not None:
            doc = replace(doc, consent=consent)
        return doc
        return doc

    def save_draft(self, patient_id: str, document: Document) -> DocumentRecord:
        """Autosave: every call keeps a version; refused once the document is signed."""
        try:
            return self.documents.save_draft(patient_id, document)
        except ServiceError:
            raise
        except Exception as exc:
            raise wrap(exc, "store.error") from exc

    def document(self, document_id: str) -> DocumentRecord:
        return self.documents.get(document_id)

    def documents_for(self, patient_id: str) -> list[DocumentRecord]:
        return self.documents.for_patient(patient_id)

    def delete_draft(self, document_id: str) -> None:
        self.documents.delete_draft(document_id)

    def last_certificate(self, patient_id: str) -> DocumentRecord | None:
        """The most recent signed incapacity certificate (what "Prolong" continues)."""
        signed = [
            r
            for r in self.documents.for_patient(patient_id)
            if r.document.kind is DocumentKind.INCAPACITY
            and r.status not in (DocumentStatus.DRAFT, DocumentStatus.RETRACTED)
            and r.document.period is not None
        ]
        return max(signed, key=lambda r: r.document.period.begin, default=None)  # type: ignore[union-attr]

    def _follow_up(self, document_id: str, make: Any) -> DocumentRecord:
        rec = self.documents.get(document_id)
        try:
            doc = make(rec.document, author=self.profile.author, today=self.today())
        except lifecycle.LifecycleError as exc:
            raise wrap(exc) from exc
        return self.documents.save_draft(rec.patient_id, doc)

    def prolong(self, document_id: str) -> DocumentRecord:
        return self._follow_up(document_id, lifecycle.prolong)

    def relapse(self, document_id: str) -> DocumentRecord:
        return self._follow_up(document_id, lifecycle.relapse)

    def replace(self, document_id: str) -> DocumentRecord:
        rec = self.documents.get(document_id)
        if rec.status.editable:
            raise ServiceError("lifecycle.replace_draft")
        return self._follow_up(document_id, lifecycle.replacement)

    def duplicate(self, document_id: str) -> DocumentRecord:
        return self._follow_up(document_id, lifecycle.duplicate)

    def prolong_external(
        self,
        patient_id: str,
        *,
        reference: str,
        previous_begin: date | None,
        previous_end: date | None,
        previous_author_riziv: str = "",
        consent: bool = False,
        consent_reference: str = "",
        fetch: bool = True,
    ) -> DocumentRecord:
        """Continue a certificate issued by another physician (see ``lifecycle``).

        ``fetch`` asks the endpoint for the episode, which needs the patient's consent;
        without ``fetch`` (offline) the draft is made from the paper copy alone.
        """
        if not reference.strip():
            raise ServiceError("certificate.previous_missing")
        patient = self.patients.get(patient_id).patient
        episode: Document | None = None
        if fetch:
            if not consent:
                raise ServiceError("external.consent_missing")
            try:
                docs = self.sender.fetch_episode(reference.strip(), consent_reference, patient.niss)
            except ServiceError:
                raise
            except Exception as exc:
                raise wrap(exc, "transport.error") from exc
            certs = [d for d in docs if d.kind is DocumentKind.INCAPACITY and d.period]
            episode = max(certs, key=lambda d: d.period.begin, default=None)  # type: ignore[union-attr]
        doc = lifecycle.prolong_external(
            reference=reference,
            previous_begin=previous_begin,
            previous_end=previous_end,
            previous_author_riziv=previous_author_riziv,
            patient=patient,
            author=self.profile.author,
            today=self.today(),
            episode=episode,
        )
        if consent:
            doc = replace(
                doc,
                consent=replace(
                    doc.consent,
                    episode_sharing=True,
                    reference=consent_reference or doc.consent.reference,
                ),
            )
        return self.documents.save_draft(patient_id, doc)

    def timeline(self, patient_id: str) -> timeline.Episode | None:
        docs = [
            r.document
            for r in self.documents.for_patient(patient_id)
            if r.status not in (DocumentStatus.RETRACTED, DocumentStatus.DRAFT)
        ]
        return timeline.episode_timeline(docs, self.today())

    # ------------------------------------------------------------------ sign & send

    def sign_and_send(
        self, document_id: str, pin: PinCallback, progress: Progress = _no_progress
    ) -> DocumentRecord:
        """Validate, sign (PIN through ``pin``), store immutably, queue and try to send.

        Offline is not an error: the document is signed and waits in the outbox. Any
        failure before the signature leaves the draft untouched.
        """
        rec = self.documents.get(document_id)
        if not rec.status.editable:
            raise ServiceError("document.already_signed")
        findings = self.validate(rec.document)
        if has_errors(findings):
            raise ServiceError("document.has_errors", count=len(findings))
        if self.signer is None:
            raise ServiceError("signing.config_invalid")
        payload = canonical.canonical_bytes(rec.document)
        progress("progress.signing")
        try:
            signature = self.signer.sign(payload, pin)
        except Exception as exc:
            raise wrap(exc, "signing.token_error") from exc
        electronic = rec.document.sent_electronically
        status = DocumentStatus.QUEUED if electronic else DocumentStatus.SIGNED
        rec = self.documents.mark_signed(document_id, payload, signature, status)
        if rec.document.replaces:
            self._supersede(rec.document.replaces, document_id)
        if electronic:
            progress("progress.sending")
            self.sender.enqueue(document_id, payload, signature)
            try:
                self.sender.retry_now(document_id)
            except Exception as exc:  # offline: stays queued, the worker retries
                log.info("send deferred: %s", type(exc).__name__)
        return self.documents.get(document_id)

    def _supersede(self, original_id: str, by_id: str) -> None:
        """The corrected document is signed: the original shows as replaced by it."""
        try:
            self.documents.mark_replaced(original_id, by_id)
        except Exception as exc:  # issued elsewhere, or still in the outbox: nothing to mark
            log.info("original not marked replaced (%s)", type(exc).__name__)

    def retract(self, document_id: str, pin: PinCallback) -> DocumentRecord:
        """Withdraw a signed document: a signed retraction goes through the outbox.

        A document that never left the laptop (paper only) is retracted locally.
        """
        rec = self.documents.get(document_id)
        if rec.status is DocumentStatus.SIGNED and not rec.document.sent_electronically:
            return self.documents.set_status(document_id, DocumentStatus.RETRACTED)
        if rec.status is not DocumentStatus.ACCEPTED:
            raise ServiceError("lifecycle.retract_not_sent")
        signer = self.signer
        if signer is None:
            raise ServiceError("signing.config_invalid")
        try:
            self.sender.retract(document_id, lambda data: signer.sign(data, pin))
        except ServiceError:
            raise
        except Exception as exc:
            raise wrap(exc, "transport.error") from exc
        return self.documents.get(document_id)

    # ------------------------------------------------------------------ outbox

    def outbox(self) -> Sequence[OutboxEntry]:
        return self.sender.entries()

    def retry(self, document_id: str | None = None) -> None:
        self.sender.retry_now(document_id)

    def connection(self) -> ConnectionState:
        return self.sender.state()

    # ------------------------------------------------------------------ TRIO threads
    # Network calls (and, for the first of a session, the authentication PIN): the UI
    # runs these on a worker thread.

    def _client(self) -> Any:
        try:
            return self.sender.messaging()
        except ServiceError:
            raise
        except Exception as exc:
            raise wrap(exc, "transport.error") from exc

    def _call(self, fn: Any, *args: Any) -> Any:
        try:
            return fn(*args)
        except ServiceError:
            raise
        except Exception as exc:
            raise wrap(exc, "transport.error") from exc

    def _patient_name(self, document_id: str | None) -> str:
        if not document_id:
            return ""
        try:
            return self.documents.get(str(document_id)).document.patient.full_name
        except Exception:  # a document of another physician: not in this store
            return ""

    def _thread(self, raw: dict[str, Any], messages: bool = False) -> Thread:
        doc_id = str(raw.get("document_id") or "")
        return Thread(
            id=str(raw["id"]),
            subject=str(raw.get("subject", "")),
            patient_name=self._patient_name(doc_id),
            document_id=doc_id,
            last_message_at=_when(raw.get("last_message_at")),
            message_count=int(raw.get("message_count", 0)),
            unread_count=int(raw.get("unread_count", 0)),
            messages=tuple(
                ThreadMessage(
                    str(m.get("author_role", "")),
                    str(m.get("author_riziv", "")),
                    str(m.get("body", "")),
                    _when(m.get("created_at")),
                )
                for m in raw.get("messages", ())
            )
            if messages
            else (),
        )

    def inbox(self) -> list[Thread]:
        """Every thread of the dossiers this physician may see, newest first."""
        client = self._client()
        threads: list[Thread] = []
        for dossier in self._call(client.dossiers):
            for raw in self._call(client.threads, str(dossier["id"])):
                threads.append(self._thread(raw))
        return sorted(
            threads,
            key=lambda t: t.last_message_at or datetime.min.replace(tzinfo=UTC),
            reverse=True,
        )

    def thread(self, thread_id: str) -> Thread:
        client = self._client()
        raw = self._call(client.thread, thread_id)
        self._call(client.mark_read, thread_id)
        return self._thread(raw, messages=True)

    def reply(self, thread_id: str, body: str) -> Thread:
        if not body.strip():
            raise ServiceError("thread.empty")
        client = self._client()
        self._call(client.reply, thread_id, body.strip())
        return self.thread(thread_id)

    def start_thread(self, document_id: str, subject: str, body: str) -> Thread:
        """A new conversation about a sent document (in its patient's dossier)."""
        if not subject.strip() or not body.strip():
            raise ServiceError("thread.empty")
        client = self._client()
        state = self._call(client.status, document_id)
        raw = self._call(
            client.post_thread, state.dossier_id, subject.strip(), body.strip(), document_id
        )
        return self.thread(str(raw["id"]))

    # ------------------------------------------------------------------ PDFs

    def render_pdf(self, document_id: str, recipient: Recipient, language: str) -> bytes:
        if self.renderer is None:
            raise ServiceError("documents.unavailable")
        rec = self.documents.get(document_id)
        return self.renderer.render(
            rec.document, recipient, language, draft=rec.status is DocumentStatus.DRAFT
        )


def _when(value: Any) -> datetime | None:
    if isinstance(value, datetime):
        return value
    if isinstance(value, str) and value:
        return datetime.fromisoformat(value.replace("Z", "+00:00"))
    return None


def blocking(findings: Sequence[Finding]) -> list[Finding]:
    return [f for f in findings if f.severity is Severity.ERROR]
