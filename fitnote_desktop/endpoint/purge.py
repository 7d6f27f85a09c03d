"""Retention: TRIO keeps exchanged data at most two years; the sandbox does the same.

``purge(engine, before)`` deletes documents received before ``before`` (with their
receipts and retractions, which live on the same row, and the questions asked about
them), threads whose last message is older, the audit entries of episode look-ups older
than that, the desk's contact notes written before it, and expired sessions (API and
desk) and challenges. Dossiers left empty go too. Run it from cron or
``fitnote-endpoint purge``.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime

import sqlalchemy as sa
from sqlalchemy.engine import Engine

from fitnote_desktop.endpoint import db
from fitnote_desktop.endpoint.desk.notes import ContactNote
from fitnote_desktop.endpoint.desk.sessions import DeskSession
from fitnote_desktop.endpoint.questions import Question


@dataclass(frozen=True)
class PurgeReport:
    documents: int
    threads: int
    messages: int
    audit_entries: int
    dossiers: int


def purge(engine: Engine, before: datetime, *, now: datetime | None = None) -> PurgeReport:
    """Delete everything older than ``before``; returns what was removed."""
    now = now or before
    with engine.begin() as conn:
        old_threads = sa.select(db.Thread.id).where(db.Thread.last_message_at < before)
        conn.execute(sa.delete(db.ThreadRead).where(db.ThreadRead.thread_id.in_(old_threads)))
        messages = conn.execute(
            sa.delete(db.Message).where(db.Message.thread_id.in_(old_threads))
        ).rowcount
        threads = conn.execute(
            sa.delete(db.Thread).where(db.Thread.last_message_at < before)
        ).rowcount
        # threads about a document that is going away lose their link, not their messages
        old_docs = sa.select(db.Document.id).where(db.Document.received_at < before)
        conn.execute(sa.delete(Question).where(Question.document_id.in_(old_docs)))
        conn.execute(
            sa.update(db.Thread).where(db.Thread.document_id.in_(old_docs)).values(document_id=None)
        )
        documents = conn.execute(
            sa.delete(db.Document).where(db.Document.received_at < before)
        ).rowcount
        audits = conn.execute(
            sa.delete(db.EpisodeAudit).where(db.EpisodeAudit.at < before)
        ).rowcount
        conn.execute(sa.delete(ContactNote).where(ContactNote.created_at < before))
        used = sa.union(
            sa.select(db.Document.dossier_id),
            sa.select(db.Thread.dossier_id),
            sa.select(ContactNote.dossier_id),
        ).subquery()
        dossiers = conn.execute(
            sa.delete(db.Dossier).where(
                db.Dossier.id.not_in(sa.select(used.c[0])), db.Dossier.created_at < before
            )
        ).rowcount
        conn.execute(sa.delete(db.Session).where(db.Session.expires_at < now))
        conn.execute(sa.delete(db.Challenge).where(db.Challenge.expires_at < now))
        conn.execute(sa.delete(DeskSession).where(DeskSession.expires_at < now))
    return PurgeReport(documents, threads, messages, audits, dossiers)
