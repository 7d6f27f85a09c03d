"""``POST /episodes/lookup``: a patient's episode for another physician's prolongation,
only with the patient's recorded consent, every look-up audited."""

import hashlib
import hmac
import logging
import uuid
from datetime import datetime

from fastapi import APIRouter
from sqlalchemy.orm import Session as DbSession

from fitnote_desktop.endpoint import db, repository
from fitnote_desktop.endpoint.b64 import b64encode
from fitnote_desktop.endpoint.deps import Auth, Caller, Context, Db
from fitnote_desktop.endpoint.errors import ApiError, error_responses
from fitnote_desktop.endpoint.schemas import (
    EpisodeDocumentOut,
    EpisodeLookupIn,
    EpisodeLookupOut,
)
from fitnote_desktop.wire import routes

log = logging.getLogger("fitnote.endpoint")

router = APIRouter(tags=["episodes"])

_NO_DOSSIER = "00000000-0000-0000-0000-000000000000"  # matches no document: same query


@router.post(
    routes.EPISODE_LOOKUP,
    response_model=EpisodeLookupOut,
    responses=error_responses(
        "auth.required",
        "auth.session_invalid",
        "auth.session_expired",
        "episode.consent_missing",
    ),
)
def episode_lookup(
    body: EpisodeLookupIn, caller: Auth, dbs: Db, context: Context
) -> EpisodeLookupOut:
    """The documents of a patient's episode, for a prolongation by another physician.

    Allowed only with the patient's recorded consent: the given reference must match
    the consent reference of a document of that patient (and episode) that allows
    episode sharing. Every look-up, allowed or refused, is written to the audit table.

    A refusal must not tell whether the patient has documents here (that alone is
    medical information): a patient without documents gets the same answer, after the
    same queries and the same reference comparison, as one whose documents do not carry
    this reference. Only the audit table, never the caller, knows which it was.
    """
    audit = _Audit(dbs, caller, body, context.settings.clock())
    if not audit.reference:
        audit("refused:consent_missing")
        raise ApiError("episode.consent_missing", field="consent_reference")
    with dbs.begin():
        dossier = repository.dossier_by_patient(dbs, audit.key)
        rows = repository.dossier_documents(
            dbs, dossier.id if dossier else _NO_DOSSIER, body.episode_id
        )
    consented = _consented(rows, audit.reference)  # also when there is no dossier
    if dossier is None or not consented:
        audit("refused:consent_missing" if rows else "refused:not_found")
        raise ApiError("episode.consent_missing", field="consent_reference")
    audit("allowed", len(rows))
    log.info("episode look-up by %s allowed (%d documents)", caller.riziv, len(rows))
    return EpisodeLookupOut(
        dossier_id=uuid.UUID(dossier.id),
        documents=[
            EpisodeDocumentOut(
                document_id=uuid.UUID(r.id),
                kind=r.kind,
                status=r.status,
                episode_id=r.episode_id,
                author_riziv=r.author_riziv,
                received_at=r.received_at,
                payload=b64encode(r.payload),
                signature=b64encode(r.signature),
            )
            for r in rows
        ],
    )


def _consented(rows: list[db.Document], reference: str) -> bool:
    """Whether a document allowing episode sharing carries ``reference``.

    Compares digests in constant time, and compares once even without documents, so
    that the answer's timing does not tell the two refusals apart.
    """
    wanted = _digest(reference)
    found = False
    candidates: list[db.Document | None] = [*rows] or [None]
    for row in candidates:
        same = hmac.compare_digest(wanted, _digest(row.consent_reference if row else ""))
        found |= same and row is not None and row.episode_sharing
    return found


def _digest(reference: str) -> bytes:
    return hashlib.sha256(reference.encode()).digest()


class _Audit:
    """Writes the audit entry of one look-up (its own transaction: a refusal is kept)."""

    def __init__(
        self, dbs: DbSession, caller: Caller, body: EpisodeLookupIn, now: datetime
    ) -> None:
        self.dbs, self.caller, self.body, self.now = dbs, caller, body, now
        self.key = repository.patient_key(body.patient_niss)
        self.reference = body.consent_reference.strip()

    def __call__(self, outcome: str, count: int = 0) -> None:
        with self.dbs.begin():
            repository.add_episode_audit(
                self.dbs,
                db.EpisodeAudit(
                    at=self.now,
                    requester_riziv=self.caller.riziv,
                    patient_key=self.key,
                    episode_id=self.body.episode_id,
                    consent_reference=self.reference[:100],
                    outcome=outcome,
                    document_count=count,
                ),
            )
