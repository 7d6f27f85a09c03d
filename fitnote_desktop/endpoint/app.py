"""The sandbox TRIO-like endpoint: FastAPI app factory ``create_app(settings)``.

Routes (all under ``/v1``; see ``docs/api.md`` for the error codes):

* ``GET  /health``
* ``POST /auth/challenge`` → nonce; ``POST /auth/session`` → bearer token
* ``PUT  /documents/{id}`` (signed envelope; the id is the idempotency key),
  ``GET /documents/{id}``, ``GET /documents/{id}/receipt``,
  ``POST /documents/{id}/retraction`` (signed retraction)
* ``POST /episodes/lookup`` (consent reference required, audited)
* ``GET /dossiers``, ``GET|POST /dossiers/{id}/threads``, ``GET /threads/{id}``,
  ``POST /threads/{id}/messages``, ``POST /threads/{id}/read``

Routes are synchronous ``def``: FastAPI runs them in its thread pool, where the CPU-bound
signature checks and the blocking SQLAlchemy calls belong. A submission holds no
database transaction while its signature is verified (tens of milliseconds), so that
SQLite's single writer lock is held only for the short insert.

Nothing medical and no NISS is logged: log lines carry the route, the error code and
at most a document UUID.

No ``from __future__ import annotations`` here: FastAPI resolves the dependency
annotations (``Db``, ``Auth``, local to ``create_app``) at route definition time.
"""

import base64
import binascii
import hashlib
import logging
import secrets
import uuid
from collections.abc import Iterator
from datetime import datetime, timedelta
from typing import Annotated, Any

import sqlalchemy as sa
from fastapi import Depends, FastAPI, Response
from fastapi.security import HTTPAuthorizationCredentials, HTTPBearer
from sqlalchemy.orm import Session as DbSession

from fitnote_desktop import __version__
from fitnote_desktop.domain.canonical import CanonicalError, canonical_bytes, document_from_bytes
from fitnote_desktop.domain.findings import errors as error_findings
from fitnote_desktop.domain.model import Document as DomainDocument
from fitnote_desktop.domain.validation import validate
from fitnote_desktop.endpoint import db, trust
from fitnote_desktop.endpoint.errors import (
    ApiError,
    BodySizeLimit,
    error_responses,
    install_error_handlers,
)
from fitnote_desktop.endpoint.schemas import (
    ChallengeOut,
    DocumentStatusOut,
    DossierOut,
    EnvelopeIn,
    EpisodeDocumentOut,
    EpisodeLookupIn,
    EpisodeLookupOut,
    HealthOut,
    MessageIn,
    MessageOut,
    ReceiptOut,
    SessionIn,
    SessionOut,
    ThreadDetailOut,
    ThreadIn,
    ThreadOut,
)
from fitnote_desktop.endpoint.settings import EndpointSettings
from fitnote_desktop.transport.protocol import API_PREFIX, Receipt, Retraction
from fitnote_desktop.transport.receipts import load_certificate

log = logging.getLogger("fitnote.endpoint")

# The latest calendar date anywhere on Earth is UTC+14: a document dated "today" in
# Belgium is then never "in the future" for the domain rules, whatever the server's zone.
_LATEST_ZONE = timedelta(hours=14)

bearer = HTTPBearer(auto_error=False, description="Session token from POST /v1/auth/session")


def patient_key(niss: str) -> str:
    """Pseudonymous index of a patient (the payload itself is stored, so this is an
    index, not an anonymisation); keeps raw NISS out of index columns and queries."""
    return hashlib.sha256(f"fitnote-patient:{niss}".encode()).hexdigest()


def _b64decode(value: str, code: str, field: str) -> bytes:
    try:
        return base64.b64decode(value.encode("ascii"), validate=True)
    except (binascii.Error, UnicodeEncodeError, ValueError):
        raise ApiError(code, f"{field} is not valid base64", field=field) from None


def _b64(data: bytes) -> str:
    return base64.b64encode(data).decode("ascii")


class Caller:
    """The logged-in practitioner of a request."""

    def __init__(self, niss: str, riziv: str, role: str) -> None:
        self.niss = niss
        self.riziv = riziv
        self.role = role


def prepare_database(settings: EndpointSettings) -> None:
    """Create the schema and seed the registry (once, before workers start)."""
    engine = db.make_engine(settings.db_url)
    try:
        db.create_schema(engine)
        _seed_registry(db.session_factory(engine), settings)
    finally:
        engine.dispose()


def create_app(settings: EndpointSettings, *, prepare: bool = True) -> FastAPI:
    """Build the app with its own engine.

    ``prepare`` creates the schema and seeds the registry; multi-worker servers do that
    once in the parent (``prepare_database``) and pass ``prepare=False`` in each worker,
    so that workers do not race each other creating tables.
    """
    if prepare:
        prepare_database(settings)
    engine = db.make_engine(settings.db_url)
    Sessions = db.session_factory(engine)
    receipt_signer = settings.receipt_signer
    # asn1crypto objects parse lazily and are not safe to share between threads (a
    # concurrent first dump() corrupts their state), so every request works on its own
    # copies, loaded from DER captured here, before any thread exists.
    roots_der = [c.dump() for c in settings.trust_roots]
    intermediates_der = [c.dump() for c in settings.intermediates]

    def trust_roots() -> list[Any]:
        return [load_certificate(d) for d in roots_der]

    app = FastAPI(
        title="fitnote sandbox endpoint (TRIO-like)",
        version=__version__,
        description=(
            "Sandbox of the TRIO-like endpoint that receives signed incapacity "
            "certificates and fit-notes. Errors: {code, detail, field}; see docs/api.md."
        ),
    )
    app.state.settings = settings
    app.state.engine = engine
    install_error_handlers(app)
    app.add_middleware(BodySizeLimit, limit=settings.max_body_bytes)

    def get_db() -> Iterator[DbSession]:
        with Sessions() as session:
            yield session

    Db = Annotated[DbSession, Depends(get_db)]

    def current_caller(
        dbs: Db,
        credentials: Annotated[HTTPAuthorizationCredentials | None, Depends(bearer)],
    ) -> Caller:
        if credentials is None or not credentials.credentials:
            raise ApiError("auth.required", headers={"WWW-Authenticate": "Bearer"})
        token_hash = hashlib.sha256(credentials.credentials.encode("utf-8", "replace")).hexdigest()
        with dbs.begin():
            row = dbs.get(db.Session, token_hash)
        if row is None:
            raise ApiError("auth.session_invalid", headers={"WWW-Authenticate": "Bearer"})
        if row.expires_at <= settings.clock():
            raise ApiError("auth.session_expired", headers={"WWW-Authenticate": "Bearer"})
        return Caller(row.niss, row.riziv, row.role)

    Auth = Annotated[Caller, Depends(current_caller)]
    v1 = API_PREFIX

    # ------------------------------------------------------------------ health

    @app.get(f"{v1}/health", response_model=HealthOut, tags=["health"], responses=error_responses())
    def health(dbs: Db) -> HealthOut:
        with dbs.begin():
            dbs.execute(sa.select(1))
        return HealthOut(status="ok", version=__version__)

    # ------------------------------------------------------------------ auth

    @app.post(
        f"{v1}/auth/challenge",
        response_model=ChallengeOut,
        tags=["auth"],
        responses=error_responses(),
    )
    def challenge(dbs: Db) -> ChallengeOut:
        now = settings.clock()
        nonce = _b64(secrets.token_bytes(32))
        with dbs.begin():
            dbs.execute(sa.delete(db.Challenge).where(db.Challenge.expires_at < now))
            dbs.add(db.Challenge(nonce=nonce, expires_at=now + settings.challenge_ttl))
        return ChallengeOut(nonce=nonce, expires_at=now + settings.challenge_ttl)

    @app.post(
        f"{v1}/auth/session",
        response_model=SessionOut,
        tags=["auth"],
        responses=error_responses(
            "auth.challenge_invalid",
            "auth.signature_invalid",
            "auth.certificate_invalid",
            "auth.unknown_practitioner",
        ),
    )
    def login(body: SessionIn, dbs: Db) -> SessionOut:
        now = settings.clock()
        nonce = _b64decode(body.nonce, "request.invalid", "nonce")
        cert_der = _b64decode(body.certificate, "request.invalid", "certificate")
        chain_der = [_b64decode(c, "request.invalid", "chain") for c in body.chain]
        signature = _b64decode(body.signature, "request.invalid", "signature")
        try:
            cert = load_certificate(cert_der)
            cert.native  # noqa: B018 - parse fully now, not lazily deep inside validation
            chain = [load_certificate(c) for c in chain_der]
        except Exception:
            raise ApiError("auth.certificate_invalid", "Certificate is not DER X.509.") from None
        # The nonce is single-use: delete it first, whatever happens next.
        with dbs.begin():
            deleted = dbs.execute(
                sa.delete(db.Challenge).where(
                    db.Challenge.nonce == _b64(nonce), db.Challenge.expires_at > now
                )
            ).rowcount
        if deleted != 1:
            raise ApiError("auth.challenge_invalid")
        trust.check_challenge_signature(cert, nonce, signature, body.algorithm)
        niss = trust.check_login_certificate(
            cert,
            [*chain, *(load_certificate(d) for d in intermediates_der)],
            trust_roots(),
            now=now,
        )
        token = secrets.token_urlsafe(32)
        with dbs.begin():
            practitioner = dbs.get(db.Practitioner, niss)
            if practitioner is None:
                raise ApiError("auth.unknown_practitioner")
            dbs.execute(sa.delete(db.Session).where(db.Session.expires_at < now))
            dbs.add(
                db.Session(
                    token_sha256=hashlib.sha256(token.encode()).hexdigest(),
                    niss=niss,
                    riziv=practitioner.riziv,
                    role=practitioner.role,
                    created_at=now,
                    expires_at=now + settings.session_ttl,
                )
            )
        log.info("login: practitioner %s", practitioner.riziv)
        return SessionOut(
            token=token,
            expires_at=now + settings.session_ttl,
            riziv=practitioner.riziv,
            role=practitioner.role,
        )

    # ------------------------------------------------------------------ documents

    submit_errors = (
        "auth.required",
        "auth.session_invalid",
        "auth.session_expired",
        "submit.malformed",
        "submit.too_large",
        "submit.id_mismatch",
        "submit.signature_invalid",
        "submit.digest_mismatch",
        "submit.untrusted_chain",
        "submit.certificate_expired",
        "submit.key_usage",
        "submit.signing_time",
        "submit.signer_not_session",
        "submit.author_mismatch",
        "submit.schema",
        "submit.not_canonical",
        "submit.rules",
        "submit.conflict",
    )

    @app.put(
        f"{v1}/documents/{{document_id}}",
        response_model=ReceiptOut,
        status_code=201,
        tags=["documents"],
        responses={
            200: {"model": ReceiptOut, "description": "Already received: same receipt"},
            **error_responses(*submit_errors),
        },
    )
    def submit(
        document_id: uuid.UUID, body: EnvelopeIn, caller: Auth, dbs: Db, response: Response
    ) -> Any:
        payload = _b64decode(body.payload, "submit.malformed", "payload")
        signature = _b64decode(body.signature, "submit.malformed", "signature")
        document = _parse_document(payload)
        if document.id != document_id:
            raise ApiError("submit.id_mismatch", field="id")
        digest = hashlib.sha256(payload).hexdigest()
        doc_id = str(document_id)

        with dbs.begin():
            existing = dbs.get(db.Document, doc_id)
            if existing is not None:
                replay = _replay(existing, digest, caller)
                response.status_code = 200
                return replay

        now = settings.clock()
        verified = trust.check_document_signature(
            payload, signature, trust_roots(), now=now, skew=settings.signing_time_skew
        )
        if verified.signer_niss != caller.niss:
            raise ApiError("submit.signer_not_session")
        _check_author(document, caller)
        blocking = error_findings(validate(document, today=(now + _LATEST_ZONE).date()))
        if blocking:
            raise ApiError(
                "submit.rules",
                f"{len(blocking)} rule(s) broken",
                field=blocking[0].field,
                findings=[{"code": f.code, "field": f.field} for f in blocking],
            )

        receipt = Receipt(doc_id, digest, now, "accepted")
        signed = receipt_signer.sign(receipt)
        consent = document.consent
        with dbs.begin():
            dossier_id = _dossier_for(dbs, patient_key(document.patient.niss), now)
            inserted = dbs.execute(
                _insert_ignore(dbs, db.Document.__table__)
                .values(
                    id=doc_id,
                    payload_sha256=digest,
                    payload=payload,
                    signature=signature,
                    kind=document.kind.value,
                    author_riziv=caller.riziv,
                    dossier_id=dossier_id,
                    episode_id=document.episode_id[:100],
                    consent_reference=consent.reference[:100],
                    episode_sharing=bool(consent.episode_sharing),
                    status="accepted",
                    received_at=now,
                    receipt=signed.receipt_bytes,
                    receipt_signature=signed.signature,
                )
                .returning(db.Document.__table__.c.id)
            ).first()
        if inserted is None:  # lost a race with a concurrent submission of the same id
            with dbs.begin():
                existing = dbs.get(db.Document, doc_id)
                assert existing is not None
                response.status_code = 200
                return _replay(existing, digest, caller)
        log.info("document %s accepted", doc_id)
        return _receipt_out(
            doc_id, "accepted", digest, now, dossier_id, signed.receipt_bytes, signed.signature
        )

    def _replay(existing: db.Document, digest: str, caller: Caller) -> ReceiptOut:
        if existing.payload_sha256 != digest:
            raise ApiError("submit.conflict")
        if existing.author_riziv != caller.riziv:
            raise ApiError("submit.signer_not_session")
        log.info("document %s: duplicate submission, same receipt", existing.id)
        return _receipt_out(
            existing.id,
            "accepted",
            existing.payload_sha256,
            existing.received_at,
            existing.dossier_id,
            existing.receipt,
            existing.receipt_signature,
        )

    def _own_document(dbs: DbSession, document_id: uuid.UUID, caller: Caller) -> db.Document:
        row = dbs.get(db.Document, str(document_id))
        if row is None or row.author_riziv != caller.riziv:
            raise ApiError("document.not_found")
        return row

    read_errors = (
        "auth.required",
        "auth.session_invalid",
        "auth.session_expired",
        "document.not_found",
    )

    @app.get(
        f"{v1}/documents/{{document_id}}",
        response_model=DocumentStatusOut,
        tags=["documents"],
        responses=error_responses(*read_errors),
    )
    def document_status(document_id: uuid.UUID, caller: Auth, dbs: Db) -> DocumentStatusOut:
        with dbs.begin():
            row = _own_document(dbs, document_id, caller)
        return DocumentStatusOut(
            document_id=uuid.UUID(row.id),
            status=row.status,  # type: ignore[arg-type]
            kind=row.kind,
            payload_sha256=row.payload_sha256,
            received_at=row.received_at,
            retracted_at=row.retracted_at,
            dossier_id=uuid.UUID(row.dossier_id),
            episode_id=row.episode_id,
        )

    @app.get(
        f"{v1}/documents/{{document_id}}/receipt",
        response_model=ReceiptOut,
        tags=["documents"],
        responses=error_responses(*read_errors),
    )
    def document_receipt(document_id: uuid.UUID, caller: Auth, dbs: Db) -> ReceiptOut:
        with dbs.begin():
            row = _own_document(dbs, document_id, caller)
        return _receipt_out(
            row.id,
            "accepted",
            row.payload_sha256,
            row.received_at,
            row.dossier_id,
            row.receipt,
            row.receipt_signature,
        )

    @app.post(
        f"{v1}/documents/{{document_id}}/retraction",
        response_model=ReceiptOut,
        tags=["documents"],
        responses=error_responses(
            *read_errors,
            "retract.malformed",
            "retract.mismatch",
            "retract.not_author",
            "submit.malformed",
            "submit.signature_invalid",
            "submit.digest_mismatch",
            "submit.untrusted_chain",
            "submit.certificate_expired",
            "submit.key_usage",
            "submit.signing_time",
            "submit.signer_not_session",
        ),
    )
    def retract(document_id: uuid.UUID, body: EnvelopeIn, caller: Auth, dbs: Db) -> Any:
        payload = _b64decode(body.payload, "retract.malformed", "payload")
        signature = _b64decode(body.signature, "retract.malformed", "signature")
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
                return _retraction_out(row)
        now = settings.clock()
        verified = trust.check_document_signature(
            payload, signature, trust_roots(), now=now, skew=settings.signing_time_skew
        )
        if verified.signer_niss != caller.niss:
            raise ApiError("retract.not_author")
        receipt = receipt_signer.sign(Receipt(str(document_id), digest, now, "retracted"))
        with dbs.begin():
            updated = dbs.execute(
                sa.update(db.Document)
                .where(db.Document.id == str(document_id), db.Document.status == "accepted")
                .values(
                    status="retracted",
                    retracted_at=now,
                    retraction_reason=retraction.reason[:32],
                    retraction_payload=payload,
                    retraction_signature=signature,
                    retraction_receipt=receipt.receipt_bytes,
                    retraction_receipt_signature=receipt.signature,
                )
            ).rowcount
            row = dbs.get(db.Document, str(document_id), populate_existing=True)
            assert row is not None
        if updated:
            log.info("document %s retracted", row.id)
        return _retraction_out(row)

    # ------------------------------------------------------------------ episodes

    @app.post(
        f"{v1}/episodes/lookup",
        response_model=EpisodeLookupOut,
        tags=["episodes"],
        responses=error_responses(
            "auth.required",
            "auth.session_invalid",
            "auth.session_expired",
            "episode.consent_missing",
            "episode.not_found",
        ),
    )
    def episode_lookup(body: EpisodeLookupIn, caller: Auth, dbs: Db) -> EpisodeLookupOut:
        """The documents of a patient's episode, for a prolongation by another physician.

        Allowed only with the patient's recorded consent: the given reference must match
        the consent reference of a document of that patient that allows episode sharing.
        Every look-up, allowed or refused, is written to the audit table.
        """
        now = settings.clock()
        key = patient_key(body.patient_niss)
        reference = body.consent_reference.strip()

        def audit(outcome: str, count: int = 0) -> None:
            with dbs.begin():
                dbs.add(
                    db.EpisodeAudit(
                        at=now,
                        requester_riziv=caller.riziv,
                        patient_key=key,
                        episode_id=body.episode_id,
                        consent_reference=reference[:100],
                        outcome=outcome,
                        document_count=count,
                    )
                )

        if not reference:
            audit("refused:consent_missing")
            raise ApiError("episode.consent_missing", field="consent_reference")
        with dbs.begin():
            dossier = dbs.execute(
                sa.select(db.Dossier).where(db.Dossier.patient_key == key)
            ).scalar_one_or_none()
            rows: list[db.Document] = []
            if dossier is not None:
                query = sa.select(db.Document).where(db.Document.dossier_id == dossier.id)
                if body.episode_id:
                    query = query.where(db.Document.episode_id == body.episode_id)
                rows = list(dbs.execute(query.order_by(db.Document.received_at)).scalars())
        if dossier is None or not rows:
            audit("refused:not_found")
            raise ApiError("episode.not_found")
        consented = any(r.episode_sharing and r.consent_reference == reference for r in rows)
        if not consented:
            audit("refused:consent_missing")
            raise ApiError("episode.consent_missing", field="consent_reference")
        audit("allowed", len(rows))
        log.info("episode look-up by %s allowed (%d documents)", caller.riziv, len(rows))
        return EpisodeLookupOut(
            dossier_id=uuid.UUID(dossier.id),
            documents=[
                EpisodeDocumentOut(
                    document_id=uuid.UUID(r.id),
                    kind=r.kind,
                    status=r.status,  # type: ignore[arg-type]
                    episode_id=r.episode_id,
                    author_riziv=r.author_riziv,
                    received_at=r.received_at,
                    payload=_b64(r.payload),
                    signature=_b64(r.signature),
                )
                for r in rows
            ],
        )

    # ------------------------------------------------------------------ threads

    thread_errors = ("auth.required", "auth.session_invalid", "auth.session_expired")

    def _may_access(dbs: DbSession, dossier_id: str, caller: Caller) -> bool:
        if caller.role in ("advising", "occupational"):
            return dbs.get(db.Dossier, dossier_id) is not None
        authored = dbs.execute(
            sa.select(sa.func.count())
            .select_from(db.Document)
            .where(db.Document.dossier_id == dossier_id, db.Document.author_riziv == caller.riziv)
        ).scalar_one()
        if authored:
            return True
        dossier = dbs.get(db.Dossier, dossier_id)
        if dossier is None:
            return False
        looked_up = dbs.execute(
            sa.select(sa.func.count())
            .select_from(db.EpisodeAudit)
            .where(
                db.EpisodeAudit.patient_key == dossier.patient_key,
                db.EpisodeAudit.requester_riziv == caller.riziv,
                db.EpisodeAudit.outcome == "allowed",
            )
        ).scalar_one()
        return bool(looked_up)

    def _thread_out(dbs: DbSession, t: db.Thread, caller: Caller) -> dict[str, Any]:
        read = dbs.get(db.ThreadRead, (t.id, caller.riziv))
        count = dbs.execute(
            sa.select(sa.func.count()).select_from(db.Message).where(db.Message.thread_id == t.id)
        ).scalar_one()
        unread_q = (
            sa.select(sa.func.count())
            .select_from(db.Message)
            .where(db.Message.thread_id == t.id, db.Message.author_riziv != caller.riziv)
        )
        if read is not None:
            unread_q = unread_q.where(db.Message.created_at > read.read_at)
        return {
            "id": uuid.UUID(t.id),
            "dossier_id": uuid.UUID(t.dossier_id),
            "subject": t.subject,
            "document_id": uuid.UUID(t.document_id) if t.document_id else None,
            "created_by": t.created_by,
            "created_at": t.created_at,
            "last_message_at": t.last_message_at,
            "message_count": count,
            "unread_count": dbs.execute(unread_q).scalar_one(),
        }

    def _own_thread(dbs: DbSession, thread_id: uuid.UUID, caller: Caller) -> db.Thread:
        t = dbs.get(db.Thread, str(thread_id))
        if t is None or not _may_access(dbs, t.dossier_id, caller):
            raise ApiError("thread.not_found")
        return t

    @app.get(
        f"{v1}/dossiers",
        response_model=list[DossierOut],
        tags=["threads"],
        responses=error_responses(*thread_errors),
    )
    def list_dossiers(caller: Auth, dbs: Db) -> list[DossierOut]:
        """The dossiers the caller takes part in (advising/occupational: all of them)."""
        with dbs.begin():
            docs = (
                sa.select(sa.func.count())
                .select_from(db.Document)
                .where(db.Document.dossier_id == db.Dossier.id)
                .scalar_subquery()
            )
            threads = (
                sa.select(sa.func.count())
                .select_from(db.Thread)
                .where(db.Thread.dossier_id == db.Dossier.id)
                .scalar_subquery()
            )
            query = sa.select(db.Dossier, docs, threads).order_by(db.Dossier.created_at)
            if caller.role not in ("advising", "occupational"):
                mine = sa.select(db.Document.dossier_id).where(
                    db.Document.author_riziv == caller.riziv
                )
                query = query.where(db.Dossier.id.in_(mine))
            rows = dbs.execute(query.limit(1000)).all()
        return [
            DossierOut(
                id=uuid.UUID(d.id), created_at=d.created_at, document_count=n, thread_count=m
            )
            for d, n, m in rows
        ]

    @app.get(
        f"{v1}/dossiers/{{dossier_id}}/threads",
        response_model=list[ThreadOut],
        tags=["threads"],
        responses=error_responses(*thread_errors, "dossier.not_found"),
    )
    def list_threads(dossier_id: uuid.UUID, caller: Auth, dbs: Db) -> list[dict[str, Any]]:
        with dbs.begin():
            if not _may_access(dbs, str(dossier_id), caller):
                raise ApiError("dossier.not_found")
            threads = dbs.execute(
                sa.select(db.Thread)
                .where(db.Thread.dossier_id == str(dossier_id))
                .order_by(db.Thread.last_message_at.desc())
            ).scalars()
            return [_thread_out(dbs, t, caller) for t in threads]

    @app.post(
        f"{v1}/dossiers/{{dossier_id}}/threads",
        response_model=ThreadDetailOut,
        status_code=201,
        tags=["threads"],
        responses=error_responses(*thread_errors, "dossier.not_found", "document.not_found"),
    )
    def post_thread(dossier_id: uuid.UUID, body: ThreadIn, caller: Auth, dbs: Db) -> Any:
        now = settings.clock()
        with dbs.begin():
            if not _may_access(dbs, str(dossier_id), caller):
                raise ApiError("dossier.not_found")
            if body.document_id is not None:
                doc = dbs.get(db.Document, str(body.document_id))
                if doc is None or doc.dossier_id != str(dossier_id):
                    raise ApiError("document.not_found", field="document_id")
            thread = db.Thread(
                id=db.new_id(),
                dossier_id=str(dossier_id),
                subject=body.subject,
                document_id=str(body.document_id) if body.document_id else None,
                created_by=caller.riziv,
                created_at=now,
                last_message_at=now,
            )
            dbs.add(thread)
            dbs.flush()
            message = db.Message(
                id=db.new_id(),
                thread_id=thread.id,
                author_riziv=caller.riziv,
                author_role=caller.role,
                body=body.body,
                created_at=now,
            )
            dbs.add(message)
            dbs.flush()
            out = _thread_out(dbs, thread, caller)
            out["messages"] = [_message_out(message)]
        return out

    @app.get(
        f"{v1}/threads/{{thread_id}}",
        response_model=ThreadDetailOut,
        tags=["threads"],
        responses=error_responses(*thread_errors, "thread.not_found"),
    )
    def get_thread(thread_id: uuid.UUID, caller: Auth, dbs: Db) -> Any:
        with dbs.begin():
            t = _own_thread(dbs, thread_id, caller)
            out = _thread_out(dbs, t, caller)
            out["messages"] = [
                _message_out(m)
                for m in dbs.execute(
                    sa.select(db.Message)
                    .where(db.Message.thread_id == t.id)
                    .order_by(db.Message.created_at, db.Message.id)
                ).scalars()
            ]
        return out

    @app.post(
        f"{v1}/threads/{{thread_id}}/messages",
        response_model=MessageOut,
        status_code=201,
        tags=["threads"],
        responses=error_responses(*thread_errors, "thread.not_found"),
    )
    def reply(thread_id: uuid.UUID, body: MessageIn, caller: Auth, dbs: Db) -> MessageOut:
        now = settings.clock()
        with dbs.begin():
            t = _own_thread(dbs, thread_id, caller)
            if body.reply_to is not None:
                parent = dbs.get(db.Message, str(body.reply_to))
                if parent is None or parent.thread_id != t.id:
                    raise ApiError(
                        "thread.not_found", "No such message in this thread.", field="reply_to"
                    )
            message = db.Message(
                id=db.new_id(),
                thread_id=t.id,
                author_riziv=caller.riziv,
                author_role=caller.role,
                body=body.body,
                reply_to=str(body.reply_to) if body.reply_to else None,
                created_at=now,
            )
            dbs.add(message)
            t.last_message_at = now
        return _message_out(message)

    @app.post(
        f"{v1}/threads/{{thread_id}}/read",
        response_model=ThreadOut,
        tags=["threads"],
        responses=error_responses(*thread_errors, "thread.not_found"),
    )
    def mark_read(thread_id: uuid.UUID, caller: Auth, dbs: Db) -> Any:
        now = settings.clock()
        with dbs.begin():
            t = _own_thread(dbs, thread_id, caller)
            read = dbs.get(db.ThreadRead, (t.id, caller.riziv))
            if read is None:
                dbs.add(db.ThreadRead(thread_id=t.id, riziv=caller.riziv, read_at=now))
            else:
                read.read_at = max(read.read_at, now)
            dbs.flush()
            return _thread_out(dbs, t, caller)

    return app


# ---------------------------------------------------------------------- helpers


def _receipt_out(
    document_id: str,
    status: str,
    digest: str,
    received_at: datetime,
    dossier_id: str,
    receipt: bytes,
    signature: bytes,
) -> ReceiptOut:
    return ReceiptOut(
        document_id=uuid.UUID(document_id),
        status=status,  # type: ignore[arg-type]
        payload_sha256=digest,
        received_at=received_at,
        dossier_id=uuid.UUID(dossier_id),
        receipt=_b64(receipt),
        receipt_signature=_b64(signature),
    )


def _retraction_out(row: db.Document) -> ReceiptOut:
    assert row.retraction_receipt is not None and row.retraction_receipt_signature is not None
    receipt = Receipt.from_bytes(row.retraction_receipt)
    return _receipt_out(
        row.id,
        "retracted",
        receipt.payload_sha256,
        receipt.received_at,
        row.dossier_id,
        row.retraction_receipt,
        row.retraction_receipt_signature,
    )


def _message_out(m: db.Message) -> MessageOut:
    return MessageOut(
        id=uuid.UUID(m.id),
        thread_id=uuid.UUID(m.thread_id),
        author_riziv=m.author_riziv,
        author_role=m.author_role,
        body=m.body,
        reply_to=uuid.UUID(m.reply_to) if m.reply_to else None,
        created_at=m.created_at,
    )


def _parse_document(payload: bytes) -> DomainDocument:
    try:
        document = document_from_bytes(payload)
    except CanonicalError as exc:
        raise ApiError(
            "submit.schema", f"{exc.path or 'document'}: {exc.problem}", field=exc.path or None
        ) from None
    except (ValueError, TypeError, RecursionError):
        raise ApiError("submit.schema", "The payload is not a fitnote/1 document.") from None
    if canonical_bytes(document) != payload:
        raise ApiError("submit.not_canonical")
    return document


def _check_author(document: DomainDocument, caller: Caller) -> None:
    author = document.author
    if author.riziv != caller.riziv:
        raise ApiError("submit.author_mismatch", field="author.riziv")
    if author.niss and author.niss != caller.niss:
        raise ApiError("submit.author_mismatch", field="author.niss")


def _insert_ignore(dbs: DbSession, table: Any) -> Any:
    """``INSERT ... ON CONFLICT DO NOTHING`` for the session's dialect."""
    if dbs.get_bind().dialect.name == "postgresql":
        from sqlalchemy.dialects.postgresql import insert
    else:
        from sqlalchemy.dialects.sqlite import insert
    return insert(table).on_conflict_do_nothing()


def _dossier_for(dbs: DbSession, key: str, now: datetime) -> str:
    dbs.execute(
        _insert_ignore(dbs, db.Dossier.__table__).values(
            id=db.new_id(), patient_key=key, created_at=now
        )
    )
    return dbs.execute(sa.select(db.Dossier.id).where(db.Dossier.patient_key == key)).scalar_one()


def _seed_registry(Sessions: Any, settings: EndpointSettings) -> None:
    """Upsert the configured registry entries (the file/demo is the source of truth)."""
    with Sessions() as dbs, dbs.begin():
        for entry in settings.registry:
            row = dbs.get(db.Practitioner, entry.niss)
            if row is None:
                clash = dbs.execute(
                    sa.select(db.Practitioner).where(db.Practitioner.riziv == entry.riziv)
                ).scalar_one_or_none()
                if clash is not None:
                    dbs.delete(clash)
                    dbs.flush()
                dbs.add(
                    db.Practitioner(
                        niss=entry.niss,
                        riziv=entry.riziv,
                        given_name=entry.given_name,
                        family_name=entry.family_name,
                        role=entry.role,
                    )
                )
            else:
                row.riziv, row.role = entry.riziv, entry.role
                row.given_name, row.family_name = entry.given_name, entry.family_name
