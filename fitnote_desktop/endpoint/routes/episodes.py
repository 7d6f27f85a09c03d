"""``POST /episodes/lookup``: a patient's episode for another physician's prolongation,
only with the patient's recorded consent, every look-up audited."""

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


@router.post(
    routes.EPISODE_LOOKUP,
    response_model=EpisodeLookupOut,
    responses=error_responses(
        "auth.required",
        "auth.session_invalid",
        "auth.session_expired",
        "episode.consent_missing",
        "episode.not_found",
    ),
)
def episode_lookup(
    body: EpisodeLookupIn, caller: Auth, dbs: Db, context: Context
) -> EpisodeLookupOut:
    """The documents of a patient's episode, for a prolongation by another physician.

    Allowed only with the patient's recorded consent: the given reference must match
    the consent reference of a document of that patient that allows episode sharing.
    Every look-up, allowed or refused, is written to the audit table.
    """
    audit = _Audit(dbs, caller, body, context.settings.clock())
    if not audit.reference:
        audit("refused:consent_missing")
        raise ApiError("episode.consent_missing", field="consent_reference")
    with dbs.begin():
        dossier = repository.dossier_by_patient(dbs, audit.key)
        rows: list[db.Document] = []
        if dossier is not None:
            rows = repository.dossier_documents(dbs, dossier.id, body.episode_id)
    if dossier is None or not rows:
        audit("refused:not_found")
        raise ApiError("episode.not_found")
    if not any(r.episode_sharing and r.consent_reference == audit.reference for r in rows):
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
