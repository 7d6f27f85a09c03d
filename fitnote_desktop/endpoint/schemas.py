"""Request and response models of API v1 (they make ``/openapi.json`` precise).

Free-text fields refuse NUL characters and unpaired surrogates: PostgreSQL cannot store
the former and UTF-8 cannot encode the latter, and either would otherwise surface as a
500 deep in the storage layer instead of a 422 at the door.
"""

from __future__ import annotations

import uuid
from datetime import date, datetime
from typing import Annotated, Literal

from pydantic import AfterValidator, BaseModel, Field


def _clean(value: str) -> str:
    if "\x00" in value:
        raise ValueError("NUL characters are not allowed")
    try:
        value.encode("utf-8")
    except UnicodeEncodeError:
        raise ValueError("not encodable as UTF-8") from None
    return value


Text = Annotated[str, AfterValidator(_clean)]
B64 = Annotated[str, Field(min_length=1, max_length=1_000_000), AfterValidator(_clean)]


class HealthOut(BaseModel):
    status: Literal["ok"]
    version: str
    api: Literal["v1"] = "v1"


class ChallengeOut(BaseModel):
    nonce: str = Field(description="base64 (standard, padded) of 32 random bytes; sign it raw")
    expires_at: datetime


class SessionIn(BaseModel):
    nonce: B64
    certificate: B64 = Field(description="base64 DER of the authentication certificate")
    chain: list[B64] = Field(default_factory=list, max_length=8)
    algorithm: Annotated[str, Field(max_length=40)] | None = Field(
        default=None, description="e.g. sha256_ecdsa or sha256_rsa (Authenticator.algorithm)"
    )
    signature: B64 = Field(description="base64 of the raw signature over the nonce bytes")


class SessionOut(BaseModel):
    token: str
    expires_at: datetime
    riziv: str
    role: str


class EnvelopeIn(BaseModel):
    """The signed envelope: base64 of the signed bytes and of the detached CMS."""

    payload: B64
    signature: B64


class ReceiptOut(BaseModel):
    document_id: uuid.UUID
    status: Literal["accepted", "retracted"]
    payload_sha256: str
    received_at: datetime
    dossier_id: uuid.UUID
    receipt: str = Field(description="base64 of the canonical receipt JSON")
    receipt_signature: str = Field(description="base64 DER of the detached CMS over it")


class DocumentStatusOut(BaseModel):
    document_id: uuid.UUID
    status: Literal["accepted", "retracted"]
    kind: str
    payload_sha256: str
    received_at: datetime
    retracted_at: datetime | None = None
    dossier_id: uuid.UUID
    episode_id: str


class EpisodeLookupIn(BaseModel):
    patient_niss: Annotated[str, Field(pattern=r"^\d{11}$")]
    episode_id: Annotated[str, Field(max_length=100), AfterValidator(_clean)] = ""
    consent_reference: Annotated[str, Field(max_length=100), AfterValidator(_clean)] = ""


class EpisodeDocumentOut(BaseModel):
    document_id: uuid.UUID
    kind: str
    status: Literal["accepted", "retracted"]
    episode_id: str
    author_riziv: str
    received_at: datetime
    payload: str = Field(description="base64 of the signed canonical document")
    signature: str = Field(description="base64 DER of the author's detached CMS")


class EpisodeLookupOut(BaseModel):
    dossier_id: uuid.UUID
    documents: list[EpisodeDocumentOut]


class DossierOut(BaseModel):
    id: uuid.UUID
    created_at: datetime
    document_count: int
    thread_count: int


class ThreadIn(BaseModel):
    subject: Annotated[str, Field(min_length=1, max_length=200), AfterValidator(_clean)]
    body: Annotated[str, Field(min_length=1, max_length=20_000), AfterValidator(_clean)]
    document_id: uuid.UUID | None = None


class MessageIn(BaseModel):
    body: Annotated[str, Field(min_length=1, max_length=20_000), AfterValidator(_clean)]
    reply_to: uuid.UUID | None = None


class MessageOut(BaseModel):
    id: uuid.UUID
    thread_id: uuid.UUID
    author_riziv: str
    author_role: str
    body: str
    reply_to: uuid.UUID | None = None
    created_at: datetime


class ThreadOut(BaseModel):
    id: uuid.UUID
    dossier_id: uuid.UUID
    subject: str
    document_id: uuid.UUID | None = None
    created_by: str
    created_at: datetime
    last_message_at: datetime
    message_count: int
    unread_count: int


class ThreadDetailOut(ThreadOut):
    messages: list[MessageOut]


class QuestionIn(BaseModel):
    """A question on a document; the type is checked by the endpoint (``question.type_invalid``)
    so that an unknown type gets its own code rather than a generic validation error."""

    question_type: Annotated[str, Field(max_length=32)] = Field(
        description="complete_certificate, contact, work_capacity or other"
    )
    body: Annotated[str, Field(max_length=4000), AfterValidator(_clean)]
    answer_by: date = Field(description="the date by which an answer is expected (today or later)")


class AnswerIn(BaseModel):
    body: Annotated[str, Field(max_length=4000), AfterValidator(_clean)] = ""
    cannot_complete: bool = False
    replacement_document_id: uuid.UUID | None = Field(
        default=None,
        description="an accepted document of the author that replaces the question's document",
    )


class QuestionOut(BaseModel):
    id: uuid.UUID
    dossier_id: uuid.UUID
    document_id: uuid.UUID
    question_type: str
    body: str
    asked_by_riziv: str
    asked_by_role: Literal["advising", "occupational"]
    asked_at: datetime
    answer_by: date
    state: Literal["open", "answered", "cannot_complete"]
    overdue: bool = Field(description="open and the answer-by date has passed (endpoint's date)")
    answer: str | None = None
    answered_at: datetime | None = None
    answered_by_riziv: str | None = None
    replacement_document_id: uuid.UUID | None = None


class PurgeOut(BaseModel):
    documents: int
    threads: int
    messages: int
    audit_entries: int
