"""Documents: submit a signed envelope (the document id is the idempotency key), read its
status and receipt, retract it with a signed retraction.

Submission order of checks (``docs/api.md``): envelope, payload schema and canonical form,
id, replay, signature and chain, signer = session, author = signer, domain rules. The
signature is verified outside any database transaction (tens of milliseconds), so that
SQLite's single writer lock is held only for the short insert.
"""

import hashlib
import logging
import uuid
from datetime import datetime, timedelta
from typing import Any

from fastapi import APIRouter, Response
from sqlalchemy.orm import Session as DbSession

from fitnote_desktop.domain.canonical import CanonicalError
from fitnote_desktop.domain.canonical_check import decode_canonical
from fitnote_desktop.domain.findings import errors as error_findings
from fitnote_desktop.domain.model import Document
from fitnote_desktop.domain.validation import validate
from fitnote_desktop.endpoint import db, repository, trust
from fitnote_desktop.endpoint.b64 import b64decode_field
from fitnote_desktop.endpoint.deps import Auth, Caller, Context, Db, EndpointContext
from fitnote_desktop.endpoint.errors import ApiError, error_responses
from fitnote_desktop.endpoint.receipts import (
    StoredAcceptance,
    acceptance_json,
    acceptance_out,
    json_response,
    receipt_json,
    retraction_out,
)
from fitnote_desktop.endpoint.schemas import DocumentStatusOut, EnvelopeIn, ReceiptOut
from fitnote_desktop.endpoint.submit_sql import NewDocument
from fitnote_desktop.wire import routes
from fitnote_desktop.wire.receipts import Receipt
from fitnote_desktop.wire.retraction import Retraction

log = logging.getLogger("fitnote.endpoint")

router = APIRouter(tags=["documents"])

# The latest calendar date anywhere on Earth is UTC+14: a document dated "today" in
# Belgium is then never "in the future" for the domain rules, whatever the server's zone.
_LATEST_ZONE = timedelta(hours=14)

_SESSION_ERRORS = ("auth.required", "auth.session_invalid", "auth.session_expired")
_SIGNATURE_ERRORS = (
    "submit.signature_invalid",
    "submit.digest_mismatch",
    "submit.untrusted_chain",
    "submit.certificate_expired",
    "submit.key_usage",
    "submit.signing_time",
    "submit.signer_not_session",
)
SUBMIT_ERRORS = (
    *_SESSION_ERRORS,
    "submit.malformed",
    "submit.too_large",
    "submit.id_mismatch",
    *_SIGNATURE_ERRORS,
    "submit.author_mismatch",
    "submit.schema",
    "submit.not_canonical",
    "submit.rules",
    "submit.conflict",
)
READ_ERRORS = (*_SESSION_ERRORS, "document.not_found")
RETRACT_ERRORS = (
    *READ_ERRORS,
    "retract.malformed",
    "retract.mismatch",
    "retract.not_author",
    "submit.malformed",
    *_SIGNATURE_ERRORS,
)


@router.put(
    routes.DOCUMENT,
    response_model=ReceiptOut,
    status_code=201,
    responses={
        200: {"model": ReceiptOut, "description": "Already received: same receipt"},
        **error_responses(*SUBMIT_ERRORS),
    },
)
def submit(document_id: uuid.UUID, body: EnvelopeIn, caller: Auth, context: Context) -> Response:
    """Receive a signed document. Most submissions never get here: ``endpoint.submit_fast``
    answers the well-formed ones of a cached session before FastAPI's routing; this route
    answers the rest (and documents the operation in the OpenAPI description)."""
    return submit_envelope(context, document_id, body.payload, body.signature, caller)


def submit_envelope(
    context: EndpointContext,
    document_id: uuid.UUID,
    payload_b64: str,
    signature_b64: str,
    caller: Caller,
) -> Response:
    """The submission itself, for the route and for ``endpoint.submit_fast``: refusals
    raise :class:`ApiError`. The answer is a prebuilt JSON ``Response`` (the ``ReceiptOut``
    model's own bytes), so FastAPI neither re-validates it against ``response_model`` nor
    hands it to its thread pool a second time."""
    payload = b64decode_field(payload_b64, "submit.malformed", "payload")
    signature = b64decode_field(signature_b64, "submit.malformed", "signature")
    document = _parse_document(payload)
    if document.id != document_id:
        raise ApiError("submit.id_mismatch", field="id")
    digest = hashlib.sha256(payload).hexdigest()
    doc_id = str(document_id)

    existing = context.submit_sql.accepted(doc_id)
    if existing is not None:
        return json_response(_replay(existing, digest, caller), 200)

    now = _check_signed_by_caller(context, payload, signature, caller, "submit.signer_not_session")
    _check_author(document, caller)
    _check_rules(document, now)

    signed = context.settings.receipt_signer.sign(Receipt(doc_id, digest, now, "accepted"))
    dossier_id = context.submit_sql.insert(
        repository.patient_key(document.patient.niss),
        NewDocument(
            id=doc_id,
            payload_sha256=digest,
            payload=payload,
            signature=signature,
            kind=document.kind.value,
            author_riziv=caller.riziv,
            episode_id=document.episode_id,
            consent_reference=document.consent.reference,
            episode_sharing=bool(document.consent.episode_sharing),
            received_at=now,
            receipt=signed.receipt_bytes,
            receipt_signature=signed.signature,
        ),
    )
    if dossier_id is None:  # lost a race with a concurrent submission of the same id
        existing = context.submit_sql.accepted(doc_id)
        assert existing is not None
        return json_response(_replay(existing, digest, caller), 200)
    log.info("document %s accepted", doc_id)
    receipt = receipt_json(
        doc_id, "accepted", digest, now, dossier_id, signed.receipt_bytes, signed.signature
    )
    return json_response(receipt, 201)


@router.get(
    routes.DOCUMENT, response_model=DocumentStatusOut, responses=error_responses(*READ_ERRORS)
)
def document_status(document_id: uuid.UUID, caller: Auth, dbs: Db) -> DocumentStatusOut:
    with dbs.begin():
        row = _own_document(dbs, document_id, caller)
    return DocumentStatusOut(
        document_id=uuid.UUID(row.id),
        status=row.status,
        kind=row.kind,
        payload_sha256=row.payload_sha256,
        received_at=row.received_at,
        retracted_at=row.retracted_at,
        dossier_id=uuid.UUID(row.dossier_id),
        episode_id=row.episode_id,
    )


@router.get(
    routes.DOCUMENT_RECEIPT, response_model=ReceiptOut, responses=error_responses(*READ_ERRORS)
)
def document_receipt(document_id: uuid.UUID, caller: Auth, dbs: Db) -> ReceiptOut:
    with dbs.begin():
        row = _own_document(dbs, document_id, caller)
    return acceptance_out(row)


@router.post(
    routes.DOCUMENT_RETRACTION,
    response_model=ReceiptOut,
    responses=error_responses(*RETRACT_ERRORS),
)
def retract(
    document_id: uuid.UUID, body: EnvelopeIn, caller: Auth, dbs: Db, context: Context
) -> Any:
    payload = b64decode_field(body.payload, "retract.malformed", "payload")
    signature = b64decode_field(body.signature, "retract.malformed", "signature")
    try:
        retraction = Retraction.from_bytes(payload)
    except ValueError:
        raise ApiError("retract.malformed", "Not a fitnote-retraction/1 payload.") from None
    if retraction.document_id != str(document_id):
        raise ApiError("retract.mismatch", field="document_id")
    digest = hashlib.sha256(payload).hexdigest()
    with dbs.begin():
        row = _own_document(dbs, document_id, caller)
        if row.status == "retracted":
            return retraction_out(row)
    now = _check_signed_by_caller(context, payload, signature, caller, "retract.not_author")
    receipt = Receipt(str(document_id), digest, now, "retracted")
    signed = context.settings.receipt_signer.sign(receipt)
    with dbs.begin():
        updated = repository.retract_document(
            dbs,
            str(document_id),
            repository.NewRetraction(
                retracted_at=now,
                reason=retraction.reason,
                payload=payload,
                signature=signature,
                receipt=signed.receipt_bytes,
                receipt_signature=signed.signature,
            ),
        )
        retracted = repository.document(dbs, str(document_id), refresh=True)
        assert retracted is not None
    if updated:
        log.info("document %s retracted", retracted.id)
    return retraction_out(retracted)


def _own_document(dbs: DbSession, document_id: uuid.UUID, caller: Caller) -> db.Document:
    row = repository.document(dbs, str(document_id))
    if row is None or row.author_riziv != caller.riziv:
        raise ApiError("document.not_found")
    return row


def _replay(existing: StoredAcceptance, digest: str, caller: Caller) -> bytes:
    """The stored receipt again (JSON) for a repeated submission of the very same bytes."""
    if existing.payload_sha256 != digest:
        raise ApiError("submit.conflict")
    if existing.author_riziv != caller.riziv:
        raise ApiError("submit.signer_not_session")
    log.info("document %s: duplicate submission, same receipt", existing.id)
    return acceptance_json(existing)


def _parse_document(payload: bytes) -> Document:
    """The payload's document; refused unless it is canonical (``decode_canonical``
    decides that without re-encoding the document in the common case)."""
    try:
        document, canonical = decode_canonical(payload)
    except CanonicalError as exc:
        raise ApiError(
            "submit.schema", f"{exc.path or 'document'}: {exc.problem}", field=exc.path or None
        ) from None
    except (ValueError, TypeError, RecursionError):
        raise ApiError("submit.schema", "The payload is not a fitnote/1 document.") from None
    if not canonical:
        raise ApiError("submit.not_canonical")
    return document


def _check_signed_by_caller(
    context: EndpointContext, payload: bytes, signature: bytes, caller: Caller, refusal: str
) -> datetime:
    """Verify the detached CMS over ``payload`` (trust store, signing time, key usage) and
    that the logged-in caller signed it, else answer ``refusal``; returns the check's time.
    Runs outside any database transaction: it takes tens of milliseconds."""
    settings = context.settings
    now = settings.clock()
    verified = trust.check_document_signature(
        payload, signature, context.trust_roots(), now=now, skew=settings.signing_time_skew
    )
    if verified.signer_niss != caller.niss:
        raise ApiError(refusal)
    return now


def _check_author(document: Document, caller: Caller) -> None:
    author = document.author
    if author.riziv != caller.riziv:
        raise ApiError("submit.author_mismatch", field="author.riziv")
    if author.niss and author.niss != caller.niss:
        raise ApiError("submit.author_mismatch", field="author.niss")


def _check_rules(document: Document, now: datetime) -> None:
    blocking = error_findings(validate(document, today=(now + _LATEST_ZONE).date()))
    if blocking:
        raise ApiError(
            "submit.rules",
            f"{len(blocking)} rule(s) broken",
            field=blocking[0].field,
            findings=[{"code": f.code, "field": f.field} for f in blocking],
        )
