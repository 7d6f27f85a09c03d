"""Follow-ups: new drafts that continue, repeat or correct a document.

The builders are the domain's (``domain.lifecycle``); this module fetches the original,
asks whether the action is allowed on it, and stores what the builder returns.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, replace
from datetime import date

from fitnote_desktop.domain import lifecycle
from fitnote_desktop.domain.changes import followed_reference
from fitnote_desktop.domain.lifecycle import Action
from fitnote_desktop.domain.model import Document, DocumentKind, Practitioner
from fitnote_desktop.domain.reference import make_reference, parse_reference, signed_reference
from fitnote_desktop.services.errors import ServiceError, translating
from fitnote_desktop.services.guard import require
from fitnote_desktop.services.ports import (
    Clock,
    DocumentRecord,
    DocumentRepository,
    KmehrCodec,
    Now,
    PatientRepository,
    Profile,
    Sender,
)

Builder = Callable[..., Document]
"""A ``domain.lifecycle`` builder: ``(original, *, author, today) -> draft``."""


@dataclass(frozen=True)
class Followed:
    """The document a prolongation or replacement follows, and its printed reference
    (of the signed bytes: what its readers hold on paper)."""

    record: DocumentRecord
    reference: str


def followed(documents: DocumentRepository, record: DocumentRecord) -> Followed | None:
    """The stored document ``record`` prolongs or replaces, among the same patient's.

    None for an initial certificate, a relapse, or a certificate issued elsewhere (known
    by its paper reference only): there is nothing here to compare with.
    """
    reference = followed_reference(record.document)
    if not reference:
        return None
    try:
        wanted = parse_reference(reference, require_hash=False).id
    except ValueError:
        return None
    with translating("store.error"):
        candidates = documents.for_patient(record.patient_id)
    for candidate in candidates:
        if candidate.document.id == wanted:
            sha = candidate.payload_sha256
            printed = signed_reference(wanted, sha) if sha else make_reference(candidate.document)
            return Followed(candidate, printed)
    return None


class FollowUps:
    """Prolong, relapse, replace, duplicate; and prolong another physician's certificate."""

    def __init__(
        self,
        *,
        profile: Profile,
        patients: PatientRepository,
        documents: DocumentRepository,
        sender: Sender,
        clock: Clock,
        now: Now,
        kmehr: KmehrCodec | None = None,
    ) -> None:
        self._profile = profile
        self._patients = patients
        self._documents = documents
        self._sender = sender
        self._clock = clock
        self._now = now
        self._kmehr = kmehr

    @property
    def _author(self) -> Practitioner:
        return self._profile.author

    def followed(self, document_id: str) -> Followed | None:
        """What the draft ``document_id`` is compared with in "What changed"."""
        with translating("store.error"):
            record = self._documents.get(document_id)
        return followed(self._documents, record)

    def _follow(
        self, document_id: str, action: Action, build: Builder, code: str
    ) -> DocumentRecord:
        with translating("store.error"):
            record = self._documents.get(document_id)
            require(record, action, code)
            draft = build(record.document, author=self._author, today=self._clock())
            return self._documents.save_draft(record.patient_id, draft)

    def prolong(self, document_id: str) -> DocumentRecord:
        """A prolongation of a signed certificate, starting the day after its end."""
        return self._follow(
            document_id, Action.PROLONG, lifecycle.prolong, "lifecycle.not_a_certificate"
        )

    def relapse(self, document_id: str) -> DocumentRecord:
        return self._follow(
            document_id, Action.RELAPSE, lifecycle.relapse, "lifecycle.not_a_certificate"
        )

    def replace(self, document_id: str) -> DocumentRecord:
        """A corrected copy of a signed document; signing it supersedes the original."""
        with translating("store.error"):
            draft = self._documents.get(document_id).status.editable
        if draft:
            raise ServiceError("lifecycle.replace_draft")
        return self._follow(
            document_id, Action.REPLACE, lifecycle.replacement, "lifecycle.not_allowed"
        )

    def duplicate(self, document_id: str) -> DocumentRecord:
        return self._follow(
            document_id, Action.DUPLICATE, lifecycle.duplicate, "lifecycle.not_allowed"
        )

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
        imported: Document | None = None,
    ) -> DocumentRecord:
        """Continue a certificate issued by another physician (see ``lifecycle``).

        ``fetch`` asks the endpoint for the episode, which needs the patient's consent;
        without ``fetch`` (offline) the draft is made from the paper copy alone, or from
        ``imported``: the certificate read from a KMEHR file (:meth:`read_kmehr`).
        The consent confirmed in the dialog is recorded on the draft as of now.
        """
        if not reference.strip():
            raise ServiceError("certificate.previous_missing")
        if fetch and not consent:
            raise ServiceError("external.consent_missing")
        with translating("store.error"):
            patient = self._patients.get(patient_id).patient
        episode = self._episode(reference, consent_reference, patient.niss) if fetch else None
        if episode is None and imported is not None:
            _require_same_patient(imported, patient.niss)
            episode = imported
        with translating("store.error"):
            doc = lifecycle.prolong_external(
                reference=reference,
                previous_begin=previous_begin,
                previous_end=previous_end,
                previous_author_riziv=previous_author_riziv,
                patient=patient,
                author=self._author,
                today=self._clock(),
                episode=episode,
            )
            if consent:
                shared = replace(
                    doc.consent,
                    episode_sharing=True,
                    recorded_at=self._now(),
                    reference=consent_reference or doc.consent.reference,
                )
                doc = replace(doc, consent=shared)
            return self._documents.save_draft(patient_id, doc)

    def read_kmehr(self, patient_id: str, data: bytes) -> Document:
        """The certificate a KMEHR file holds, to prefill a prolongation for this patient.

        Another EMR's message, a colleague's, the endpoint's: refused with
        ``kmehr.other_patient`` when it is about someone else, with the reader's own
        code (``kmehr.bad_xml``, ``kmehr.not_incapacity``...) when it is not usable.
        """
        if self._kmehr is None:
            raise ServiceError("documents.unavailable")
        with translating("store.error"):
            patient = self._patients.get(patient_id).patient
        with translating("kmehr.malformed"):
            document = self._kmehr.read(data)
        _require_same_patient(document, patient.niss)
        return document

    def _episode(self, reference: str, consent_reference: str, niss: str) -> Document | None:
        """The latest certificate of the episode at the endpoint (needs the consent)."""
        with translating("transport.error"):
            docs = self._sender.fetch_episode(reference.strip(), consent_reference, niss)
        latest: Document | None = None
        for doc in docs:
            period = doc.period
            if doc.kind is not DocumentKind.INCAPACITY or period is None:
                continue
            if latest is None or period.begin > _begin(latest):
                latest = doc
        return latest


def _require_same_patient(document: Document, niss: str) -> None:
    if "".join(ch for ch in document.patient.niss if ch.isdigit()) != niss:
        raise ServiceError("kmehr.other_patient")


def _begin(doc: Document) -> date:
    period = doc.period
    return period.begin if period is not None else date.min
