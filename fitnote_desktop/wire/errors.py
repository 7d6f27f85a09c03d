"""The stable error codes of API v1 and the HTTP status each is answered with.

Clients switch on ``code``; ``detail`` is English for logs and developers; ``field`` names
the offending field (a dotted path) when there is one. ``docs/api.md`` has the same table.
"""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class ErrorCode:
    code: str
    http_status: int
    meaning: str
    retryable: bool = False


def _codes(*codes: ErrorCode) -> dict[str, ErrorCode]:
    return {c.code: c for c in codes}


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
    ErrorCode("dossier.not_found", 404, "No such dossier among the caller's dossiers."),
    ErrorCode("thread.not_found", 404, "No such thread among the caller's dossiers."),
    ErrorCode("question.not_found", 404, "No such question among the caller's questions."),
    ErrorCode(
        "question.role_forbidden",
        403,
        "Only an advising or occupational physician may ask a question.",
    ),
    ErrorCode("question.not_author", 403, "Only the document's author may answer its questions."),
    ErrorCode("question.closed", 409, "The question has already been answered."),
    ErrorCode("question.type_invalid", 422, "The question type is not one of the known types."),
    ErrorCode("question.body_invalid", 422, "The text is empty or longer than 4000 characters."),
    ErrorCode("question.deadline_past", 422, "The answer-by date lies in the past."),
    ErrorCode(
        "question.replacement_invalid",
        422,
        "The replacement is not an accepted document of the author replacing the question's.",
    ),
    ErrorCode("mirror.treating_only", 403, "Mirror figures are for treating physicians only."),
    ErrorCode("server.error", 500, "Unexpected server error (retry later).", retryable=True),
    ErrorCode("server.unavailable", 503, "Storage unavailable (retry later).", retryable=True),
)
