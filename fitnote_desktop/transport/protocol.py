"""The wire contract between the app and the TRIO-like endpoint, shared by both sides.

Kept in one module so that the client and the sandbox server cannot drift apart: the
error codes (with their HTTP status), the receipt's canonical form and the retraction
payload are defined once here. ``docs/api.md`` documents the same table; a test keeps
them in sync.

Nothing here does I/O. Error details never carry medical content or a NISS: they name
a field or a rule, never a value.
"""

from __future__ import annotations

import json
import uuid
from dataclasses import dataclass
from datetime import UTC, datetime
from typing import Any, Literal

API_PREFIX = "/v1"
RECEIPT_SCHEMA = "fitnote-receipt/1"
RETRACTION_SCHEMA = "fitnote-retraction/1"

ReceiptStatus = Literal["accepted", "retracted"]


@dataclass(frozen=True)
class ErrorCode:
    code: str
    http_status: int
    meaning: str
    retryable: bool = False


def _codes(*codes: ErrorCode) -> dict[str, ErrorCode]:
    return {c.code: c for c in codes}


# The stable error codes. Clients switch on ``code``; ``detail`` is English for logs and
# developers; ``field`` names the offending field (a dotted path) when there is one.
ERRORS: dict[str, ErrorCode] = _codes(
    ErrorCode("request.malformed", 400, "The body is not valid JSON of the expected shape."),
    ErrorCode("request.invalid", 422, "A request field is missing or has the wrong type."),
    ErrorCode("request.too_large", 413, "The request body exceeds the size limit."),
    ErrorCode("http.not_found", 404, "No such route."),
    ErrorCode("http.method_not_allowed", 405, "The route does not accept this method."),
    ErrorCode("auth.required", 401, "No session token (Authorization: Bearer ...) was given."),
    ErrorCode("auth.session_invalid", 401, "The session token is unknown."),
    ErrorCode("auth.session_expired", 401, "The session expired: log in again."),
    ErrorCode("auth.challenge_invalid", 401, "The login nonce is unknown, used or expired."),
    ErrorCode("auth.signature_invalid", 401, "The signature over the login nonce is invalid."),
    ErrorCode(
        "auth.certificate_invalid",
        401,
        "The authentication certificate is untrusted, expired or lacks digitalSignature.",
    ),
    ErrorCode(
        "auth.unknown_practitioner",
        403,
        "The certificate's NISS is not in the practitioner registry.",
    ),
    ErrorCode("submit.malformed", 400, "The envelope is not JSON, or not base64, or not CMS."),
    ErrorCode("submit.too_large", 413, "The signed envelope exceeds the size limit."),
    ErrorCode("submit.id_mismatch", 422, "The document id in the URL differs from the payload's."),
    ErrorCode("submit.signature_invalid", 422, "The CMS signature does not verify."),
    ErrorCode("submit.digest_mismatch", 422, "The payload does not match the signed digest."),
    ErrorCode(
        "submit.untrusted_chain", 422, "The signer's certificate does not chain to a trusted root."
    ),
    ErrorCode(
        "submit.certificate_expired",
        422,
        "The signer's certificate was not valid at the signing time.",
    ),
    ErrorCode("submit.key_usage", 422, "The signer's certificate lacks nonRepudiation."),
    ErrorCode("submit.signing_time", 422, "The signing time is missing or lies in the future."),
    ErrorCode(
        "submit.signer_not_session",
        403,
        "The document was signed by someone other than the logged-in practitioner.",
    ),
    ErrorCode(
        "submit.author_mismatch",
        422,
        "The document's author is not the signer (RIZIV/NISS per the registry).",
    ),
    ErrorCode("submit.schema", 422, "The payload is not a valid fitnote/1 document."),
    ErrorCode("submit.not_canonical", 422, "The payload is not in canonical JSON form."),
    ErrorCode("submit.rules", 422, "The document breaks domain rules (see ``findings``)."),
    ErrorCode(
        "submit.conflict", 409, "A document with this id but different content was received."
    ),
    ErrorCode("document.not_found", 404, "No such document among the caller's documents."),
    ErrorCode("retract.malformed", 400, "The retraction envelope or payload is malformed."),
    ErrorCode("retract.mismatch", 422, "The retraction names another document than the URL."),
    ErrorCode("retract.not_author", 403, "Only the author may retract a document."),
    ErrorCode(
        "episode.consent_missing",
        403,
        "No recorded patient consent (episode sharing) matches the given reference.",
    ),
    ErrorCode("episode.not_found", 404, "No documents for this patient and episode."),
    ErrorCode("dossier.not_found", 404, "No such dossier among the caller's dossiers."),
    ErrorCode("thread.not_found", 404, "No such thread among the caller's dossiers."),
    ErrorCode("server.error", 500, "Unexpected server error (retry later).", retryable=True),
    ErrorCode("server.unavailable", 503, "Storage unavailable (retry later).", retryable=True),
)


def error_status(code: str) -> int:
    return ERRORS[code].http_status


# ---------------------------------------------------------------------------- receipts


def _canonical(obj: dict[str, Any]) -> bytes:
    return json.dumps(obj, sort_keys=True, separators=(",", ":"), ensure_ascii=False).encode()


def format_time(moment: datetime) -> str:
    """UTC, microseconds, ``Z``: one spelling, so receipts compare byte for byte."""
    return moment.astimezone(UTC).strftime("%Y-%m-%dT%H:%M:%S.%fZ")


def parse_time(text: str) -> datetime:
    return datetime.strptime(text, "%Y-%m-%dT%H:%M:%S.%fZ").replace(tzinfo=UTC)


@dataclass(frozen=True)
class Receipt:
    """What the endpoint attests: it received these exact bytes under this id, then."""

    document_id: str
    payload_sha256: str
    received_at: datetime
    status: ReceiptStatus

    def to_bytes(self) -> bytes:
        return _canonical(
            {
                "schema": RECEIPT_SCHEMA,
                "document_id": self.document_id,
                "payload_sha256": self.payload_sha256,
                "received_at": format_time(self.received_at),
                "status": self.status,
            }
        )

    @classmethod
    def from_bytes(cls, raw: bytes) -> Receipt:
        """Parse receipt bytes; raises ``ValueError`` on anything but the exact form."""
        try:
            data = json.loads(raw.decode("utf-8"))
        except (UnicodeDecodeError, json.JSONDecodeError):
            raise ValueError("receipt is not UTF-8 JSON") from None
        if not isinstance(data, dict) or data.get("schema") != RECEIPT_SCHEMA:
            raise ValueError("not a fitnote receipt")
        try:
            receipt = cls(
                document_id=str(uuid.UUID(data["document_id"])),
                payload_sha256=str(data["payload_sha256"]),
                received_at=parse_time(data["received_at"]),
                status=data["status"],
            )
        except (KeyError, ValueError, TypeError):
            raise ValueError("receipt fields are malformed") from None
        if receipt.status not in ("accepted", "retracted"):
            raise ValueError("receipt status is unknown")
        if receipt.to_bytes() != raw:
            raise ValueError("receipt is not in canonical form")
        return receipt


# ---------------------------------------------------------------------------- retraction


def retraction_bytes(document_id: str | uuid.UUID, reason: str, at: datetime) -> bytes:
    """The canonical payload an author signs (signature key) to retract a document.

    ``reason`` is a short code (``"error"``, ``"replaced"``, ...), not free text: the
    endpoint stores it and free text could carry medical content.
    """
    return _canonical(
        {
            "schema": RETRACTION_SCHEMA,
            "document_id": str(uuid.UUID(str(document_id))),
            "reason": reason,
            "retracted_at": format_time(at),
        }
    )


@dataclass(frozen=True)
class Retraction:
    document_id: str
    reason: str
    retracted_at: datetime

    @classmethod
    def from_bytes(cls, raw: bytes) -> Retraction:
        try:
            data = json.loads(raw.decode("utf-8"))
            if not isinstance(data, dict) or data.get("schema") != RETRACTION_SCHEMA:
                raise ValueError("not a retraction")
            out = cls(
                document_id=str(uuid.UUID(data["document_id"])),
                reason=str(data["reason"]),
                retracted_at=parse_time(data["retracted_at"]),
            )
        except (UnicodeDecodeError, json.JSONDecodeError, KeyError, ValueError, TypeError):
            raise ValueError("retraction payload is malformed") from None
        if retraction_bytes(out.document_id, out.reason, out.retracted_at) != raw:
            raise ValueError("retraction payload is not canonical")
        return out


RETRACTION_REASONS = ("error", "replaced", "patient-request", "other")
