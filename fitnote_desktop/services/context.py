"""The rules checked in context: a document against the patient's other certificates.

Overlaps, the previous certificate's dates, the relapse window during invalidity and
the episode timeline are only right when every certificate of the patient is known,
whoever issued it (rule 8): the ones signed here, and the ones issued elsewhere that a
prolongation or relapse names with the dates typed from the patient's paper copy.
Drafts, retracted and replaced documents do not count: they do not stand.
"""

from __future__ import annotations

import uuid
from collections.abc import Sequence

from fitnote_desktop.domain.findings import Finding
from fitnote_desktop.domain.lifecycle import DocumentStatus
from fitnote_desktop.domain.model import (
    CertificateKind,
    Consultation,
    Document,
    IncapacityCertificate,
    Period,
    Practitioner,
    PreviousCertificate,
)
from fitnote_desktop.domain.validation import validate
from fitnote_desktop.services.errors import ServiceError, translating
from fitnote_desktop.services.ports import Clock, DocumentRecord, DocumentRepository, Now, Profile

NOT_STANDING = frozenset({DocumentStatus.DRAFT, DocumentStatus.RETRACTED, DocumentStatus.REPLACED})
_PAPER_NAMESPACE = uuid.uuid5(uuid.NAMESPACE_URL, "fitnote:paper-certificate")


def standing_documents(records: Sequence[DocumentRecord]) -> list[Document]:
    """The issued documents that still stand, plus the certificates known from paper."""
    issued = [r.document for r in records if r.status not in NOT_STANDING]
    known = {str(d.id) for d in issued}
    paper: dict[str, Document] = {}
    for doc in issued:
        body = doc.body
        prev = body.previous if isinstance(body, IncapacityCertificate) else None
        if prev is None or not prev.reference.strip() or prev.reference.strip() in known:
            continue
        if prev.begin is not None and prev.end is not None:
            paper.setdefault(prev.reference.strip(), _from_paper(prev, doc))
    return issued + list(paper.values())


def _from_paper(prev: PreviousCertificate, follower: Document) -> Document:
    """A certificate issued elsewhere, as far as its follower knows it (reference, dates)."""
    assert prev.begin is not None and prev.end is not None
    reference = prev.reference.strip()
    try:
        ident = uuid.UUID(reference)
    except ValueError:  # a reference printed on paper that is not one of ours
        ident = uuid.uuid5(_PAPER_NAMESPACE, reference)
    return Document(
        id=ident,
        author=Practitioner("", "", prev.author_riziv),
        patient=follower.patient,
        consultation=Consultation(prev.begin),
        body=IncapacityCertificate(
            certificate_kind=CertificateKind.INITIAL, period=Period(prev.begin, prev.end)
        ),
        episode_id=follower.episode_id,
    )


class DocumentCheck:
    """``validate`` with the context only the services know: others, the signer, the time."""

    def __init__(
        self, *, profile: Profile, documents: DocumentRepository, clock: Clock, now: Now
    ) -> None:
        self._profile = profile
        self._documents = documents
        self._clock = clock
        self._now = now

    def others(self, patient_id: str) -> list[Document]:
        """The patient's standing documents (``validate`` leaves out the one checked)."""
        with translating("store.error"):
            return standing_documents(self._documents.for_patient(patient_id))

    def patient_of(self, document: Document) -> str | None:
        """The patient a stored document belongs to; None for one not stored yet."""
        try:
            with translating("store.error"):
                return self._documents.get(str(document.id)).patient_id
        except ServiceError:  # not stored (a document being built): checked without context
            return None

    def findings(self, document: Document, patient_id: str | None = None) -> list[Finding]:
        patient_id = patient_id or self.patient_of(document)
        others = self.others(patient_id) if patient_id else []
        return validate(
            document,
            today=self._clock(),
            others=others,
            now=self._now(),
            signer_role=self._profile.role,
        )
