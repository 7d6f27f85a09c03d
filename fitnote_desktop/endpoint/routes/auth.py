"""Login: ``POST /auth/challenge`` hands out a nonce, ``POST /auth/session`` exchanges the
nonce signed with the eID authentication key for a short-lived bearer token."""

import hashlib
import logging
import secrets

from fastapi import APIRouter

from fitnote_desktop.endpoint import repository, trust
from fitnote_desktop.endpoint.b64 import b64decode_field, b64encode
from fitnote_desktop.endpoint.certificates import parse_certificate
from fitnote_desktop.endpoint.deps import Context, Db
from fitnote_desktop.endpoint.errors import ApiError, error_responses
from fitnote_desktop.endpoint.schemas import ChallengeOut, SessionIn, SessionOut
from fitnote_desktop.wire import routes

log = logging.getLogger("fitnote.endpoint")

router = APIRouter(tags=["auth"])


@router.post(routes.AUTH_CHALLENGE, response_model=ChallengeOut, responses=error_responses())
def challenge(dbs: Db, context: Context) -> ChallengeOut:
    settings = context.settings
    now = settings.clock()
    nonce = b64encode(secrets.token_bytes(32))
    with dbs.begin():
        repository.add_challenge(dbs, nonce, now, now + settings.challenge_ttl)
    return ChallengeOut(nonce=nonce, expires_at=now + settings.challenge_ttl)


@router.post(
    routes.AUTH_SESSION,
    response_model=SessionOut,
    responses=error_responses(
        "auth.challenge_invalid",
        "auth.signature_invalid",
        "auth.certificate_invalid",
        "auth.unknown_practitioner",
    ),
)
def login(body: SessionIn, dbs: Db, context: Context) -> SessionOut:
    settings = context.settings
    now = settings.clock()
    nonce = b64decode_field(body.nonce, "request.invalid", "nonce")
    cert_der = b64decode_field(body.certificate, "request.invalid", "certificate")
    chain_der = [b64decode_field(c, "request.invalid", "chain") for c in body.chain]
    signature = b64decode_field(body.signature, "request.invalid", "signature")
    try:
        cert = parse_certificate(cert_der)
        cert.native  # noqa: B018 - parse fully now, not lazily deep inside validation
        chain = [parse_certificate(c) for c in chain_der]
    except Exception:
        raise ApiError("auth.certificate_invalid", "Certificate is not DER X.509.") from None
    # The nonce is single-use: delete it first, whatever happens next.
    with dbs.begin():
        consumed = repository.consume_challenge(dbs, b64encode(nonce), now)
    if not consumed:
        raise ApiError("auth.challenge_invalid")
    trust.check_challenge_signature(cert, nonce, signature, body.algorithm)
    niss = trust.check_login_certificate(
        cert, [*chain, *context.intermediates()], context.trust_roots(), now=now
    )
    token = secrets.token_urlsafe(32)
    with dbs.begin():
        practitioner = repository.practitioner(dbs, niss)
        if practitioner is None:
            raise ApiError("auth.unknown_practitioner")
        repository.add_session(
            dbs,
            hashlib.sha256(token.encode()).hexdigest(),
            niss,
            practitioner,
            now,
            now + settings.session_ttl,
        )
    log.info("login: practitioner %s", practitioner.riziv)
    return SessionOut(
        token=token,
        expires_at=now + settings.session_ttl,
        riziv=practitioner.riziv,
        role=practitioner.role,
    )
