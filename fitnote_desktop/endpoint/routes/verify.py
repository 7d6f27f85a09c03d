"""The public verification page: ``GET /verify/{reference}``, what the QR code leads to.

Anyone holding a copy (an employer, a mutuality clerk) reads whether a certificate with
that reference and period exists, was retracted or was replaced, and by which physician:
never the patient's name or NISS (the copy prints them, but the page must not hand them
to whoever guesses a reference) and never a diagnosis. A reference that does not exist
and one whose short hash does not match get the very same 404 page, so the page cannot
serve as an oracle for document ids. No login; a per-client token bucket answers 429.

HTML by default, in nl/fr/de/en (``?lang=``, then ``Accept-Language``, then nl); the same
facts as JSON with ``Accept: application/json`` (for ``fitnote-desktop verify-copy``).
``GET /verify?ref=...`` is the page's form: it redirects to the reference's page.
These routes are outside ``/v1`` and the OpenAPI schema: they are pages, not the API.
"""

import hmac
from datetime import date, datetime
from typing import Annotated
from zoneinfo import ZoneInfo

from asn1crypto import cms
from fastapi import APIRouter, FastAPI, Query, Request
from fastapi.responses import JSONResponse, RedirectResponse, Response
from sqlalchemy.orm import Session as DbSession

from fitnote_desktop.domain.canonical import document_from_bytes
from fitnote_desktop.domain.model import IncapacityCertificate, IncapacityFor
from fitnote_desktop.domain.reference import (
    SHORT_HASH_LENGTH,
    VERIFY_PATH,
    Reference,
    format_reference,
    parse_reference,
    signed_reference,
    url_token,
)
from fitnote_desktop.endpoint import db, pages, repository
from fitnote_desktop.endpoint.deps import Db
from fitnote_desktop.endpoint.ratelimit import RateLimiter
from fitnote_desktop.endpoint.texts import choose_language
from fitnote_desktop.endpoint.verification import Status, Verification
from fitnote_desktop.wire.retraction import RETRACTION_REASONS

router = APIRouter(include_in_schema=False)

BELGIUM = ZoneInfo("Europe/Brussels")  # dates as the physician and the reader live them
EXAMPLE = "6f1c2b1e-7a3d-4c5e-9b8a-0d1e2f3a4b5c · 3fa2b9c1"

Lang = Annotated[str | None, Query()]  # anything else than nl/fr/de/en is ignored


def install(app: FastAPI, limiter: RateLimiter | None = None) -> None:
    """Serve the verification page on ``app`` with its own rate limiter."""
    app.state.verify_limiter = limiter or RateLimiter()
    app.include_router(router)


@router.get(pages.STYLESHEET)
def stylesheet() -> Response:
    return pages.stylesheet()


@router.get(VERIFY_PATH)
def lookup(request: Request, lang: Lang = None, ref: Annotated[str, Query()] = "") -> Response:
    """The form (no ``ref``), or a redirect to the typed reference's page."""
    language = choose_language(lang, request.headers.get("accept-language"))
    if not _limiter(request).allow(_client(request)):
        return _busy(request, language)
    if not ref.strip():
        return pages.render("lookup.html", language, root=_root(request))
    try:
        reference = parse_reference(ref[:300])
    except ValueError:
        return _malformed(request, language)
    assert reference.short_hash is not None  # parse_reference requires the hash
    token = url_token(reference.id, reference.short_hash)
    return RedirectResponse(
        f"{_root(request)}{VERIFY_PATH}/{token}?lang={language}",
        status_code=303,
        headers=dict(pages.SECURITY_HEADERS),
    )


@router.get(VERIFY_PATH + "/{reference}")
def verify(reference: str, request: Request, dbs: Db, lang: Lang = None) -> Response:
    language = choose_language(lang, request.headers.get("accept-language"))
    if not _limiter(request).allow(_client(request)):
        return _busy(request, language)
    try:
        parsed = parse_reference(reference[:300])
    except ValueError:
        return _malformed(request, language)
    with dbs.begin():
        verification = _verification(dbs, parsed)
    status_code = 404 if verification.status is Status.UNKNOWN else 200
    if _wants_json(request):
        return JSONResponse(
            verification.as_json(), status_code=status_code, headers=_json_headers()
        )
    return pages.render(
        "verify.html",
        language,
        status_code=status_code,
        root=_root(request),
        verification=verification,
        facts=verification.facts(language),
    )


# ---------------------------------------------------------------------- the facts


def _verification(dbs: DbSession, reference: Reference) -> Verification:
    """The facts for ``reference``; UNKNOWN alike for a missing id and a wrong hash."""
    printed = format_reference(reference.id, reference.short_hash)
    records = repository.verification_records(dbs, str(reference.id))
    if (
        records is None
        or reference.short_hash is None
        or not hmac.compare_digest(
            records.document.payload_sha256[:SHORT_HASH_LENGTH], reference.short_hash
        )
    ):
        return Verification(Status.UNKNOWN, reference=printed)
    row = records.document
    document = document_from_bytes(row.payload)
    body = document.body
    period = document.period
    replaced_by = ""
    if records.replacements:
        newest = records.replacements[-1]
        replaced_by = signed_reference(newest.id, newest.payload_sha256)
    if replaced_by:
        status = Status.REPLACED
    elif row.status == "retracted":
        status = Status.RETRACTED
    else:
        status = Status.VALID
    author = records.author
    return Verification(
        status=status,
        reference=printed,
        kind=document.kind.value,
        certificate_kind=(
            body.certificate_kind.value if isinstance(body, IncapacityCertificate) else ""
        ),
        for_work=not isinstance(body, IncapacityCertificate)
        or body.incapacity_for is IncapacityFor.WORK,
        period_begin=period.begin if period else None,
        period_end=period.end if period else None,
        physician_name=(
            f"{author.given_name} {author.family_name}".strip()
            if author is not None
            else document.author.full_name
        ),
        physician_riziv=row.author_riziv,
        signed_on=_belgian_date(_signing_time(row.signature) or row.received_at),
        retracted_on=_belgian_date(row.retracted_at) if row.retracted_at else None,
        retraction_reason=_reason(row) if row.status == "retracted" else "",
        replaced_by=replaced_by,
    )


def _reason(row: db.Document) -> str:
    """The retraction's reason code; one the page has no words for reads as "other"."""
    reason = row.retraction_reason or ""
    return reason if reason in RETRACTION_REASONS else "other"


def _signing_time(signature: bytes) -> datetime | None:
    """The signing-time attribute of the stored CMS (checked when it was received)."""
    signer_info = cms.ContentInfo.load(signature)["content"]["signer_infos"][0]
    for attribute in signer_info["signed_attrs"]:
        if attribute["type"].native == "signing_time":
            moment: datetime = attribute["values"][0].native
            return moment
    return None


def _belgian_date(moment: datetime) -> date:
    return moment.astimezone(BELGIUM).date()  # stored and signed times are aware (UTC)


# ---------------------------------------------------------------------- plumbing


def _limiter(request: Request) -> RateLimiter:
    limiter: RateLimiter = request.app.state.verify_limiter  # set by install()
    return limiter


def _client(request: Request) -> str:
    return request.client.host if request.client else "unknown"


def _root(request: Request) -> str:
    return str(request.scope.get("root_path", "")).rstrip("/")


def _wants_json(request: Request) -> bool:
    accept = request.headers.get("accept", "").lower()
    return "application/json" in accept and "text/html" not in accept


def _json_headers() -> dict[str, str]:
    return {**pages.SECURITY_HEADERS, "Cache-Control": "no-store", "Vary": "Accept"}


def _busy(request: Request, language: str) -> Response:
    retry = {"Retry-After": str(_limiter(request).retry_after())}
    if _wants_json(request):
        return JSONResponse(
            {"status": "busy"}, status_code=429, headers={**_json_headers(), **retry}
        )
    return pages.render(
        "message.html",
        language,
        status_code=429,
        root=_root(request),
        headers=retry,
        heading="status.busy",
        detail="status.busy.detail",
        show_form=False,
    )


def _malformed(request: Request, language: str) -> Response:
    if _wants_json(request):
        return JSONResponse({"status": "malformed"}, status_code=400, headers=_json_headers())
    return pages.render(
        "message.html",
        language,
        status_code=400,
        root=_root(request),
        heading="status.malformed",
        detail="status.malformed.detail",
        example=EXAMPLE,
        show_form=True,
    )
