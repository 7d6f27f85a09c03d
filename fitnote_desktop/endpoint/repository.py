"""The endpoint's SQL, one small function per question or change a route needs.

Functions take an open SQLAlchemy session; the route decides the transaction
(``with dbs.begin():``) so that no transaction is held while a signature is verified.
Patients are indexed by :func:`patient_key`, never by their NISS.

The per-document path of a submission (replay check, dossier, insert) is
``endpoint.submit_sql``'s, on the driver's connection (issue 14); the login session
look-up is a prebuilt Core statement; the rarer routes use the ORM.
"""

from __future__ import annotations

import hashlib
import json
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import datetime
from typing import Any

import sqlalchemy as sa
from sqlalchemy.engine import CursorResult
from sqlalchemy.orm import Session as DbSession
from sqlalchemy.orm import sessionmaker

from fitnote_desktop.endpoint import db
from fitnote_desktop.endpoint.settings import RegistryEntry

# Roles that see every dossier (treating physicians see those they take part in).
ALL_DOSSIERS_ROLES = ("advising", "occupational")


def patient_key(niss: str) -> str:
    """Pseudonymous index of a patient (the payload itself is stored, so this is an
    index, not an anonymisation); keeps raw NISS out of index columns and queries."""
    return hashlib.sha256(f"fitnote-patient:{niss}".encode()).hexdigest()


def ping(dbs: DbSession) -> None:
    """A round trip to the database (raises when it is unavailable)."""
    dbs.execute(sa.select(1))


def _execute_dml(dbs: DbSession, statement: sa.Executable) -> int:
    """Run an UPDATE or DELETE; the number of rows it matched."""
    result = dbs.execute(statement)
    assert isinstance(result, CursorResult)  # DML through a Session runs on a cursor
    return result.rowcount


# ---------------------------------------------------------------------- registry


def seed_registry(sessions: sessionmaker[Any], registry: Sequence[RegistryEntry]) -> None:
    """Upsert the configured registry entries (the file/demo is the source of truth)."""
    with sessions() as dbs, dbs.begin():
        for entry in registry:
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
            region = dbs.get(db.PractitionerRegion, entry.riziv)
            if entry.region and region is None:
                dbs.add(db.PractitionerRegion(riziv=entry.riziv, region=entry.region))
            elif region is not None and not entry.region:
                dbs.delete(region)
            elif region is not None:
                region.region = entry.region


def practitioner(dbs: DbSession, niss: str) -> db.Practitioner | None:
    return dbs.get(db.Practitioner, niss)


# ---------------------------------------------------------------------- login


def add_challenge(dbs: DbSession, nonce: str, now: datetime, expires_at: datetime) -> None:
    """Store a login nonce, dropping the expired ones on the way."""
    dbs.execute(sa.delete(db.Challenge).where(db.Challenge.expires_at < now))
    dbs.add(db.Challenge(nonce=nonce, expires_at=expires_at))


def consume_challenge(dbs: DbSession, nonce: str, now: datetime) -> bool:
    """Delete an unexpired nonce; true if it existed (a nonce is good for one login)."""
    deleted = _execute_dml(
        dbs,
        sa.delete(db.Challenge).where(db.Challenge.nonce == nonce, db.Challenge.expires_at > now),
    )
    return deleted == 1


def add_session(
    dbs: DbSession,
    token_sha256: str,
    niss: str,
    who: db.Practitioner,
    now: datetime,
    expires_at: datetime,
) -> None:
    """Store a login session (only the token's hash), dropping the expired ones."""
    dbs.execute(sa.delete(db.Session).where(db.Session.expires_at < now))
    dbs.add(
        db.Session(
            token_sha256=token_sha256,
            niss=niss,
            riziv=who.riziv,
            role=who.role,
            created_at=now,
            expires_at=expires_at,
        )
    )


_SESSION_BY_HASH = sa.select(
    db.Session.niss, db.Session.riziv, db.Session.role, db.Session.expires_at
).where(db.Session.token_sha256 == sa.bindparam("token"))


SessionRow = sa.Row[str, str, str, datetime]  # niss, riziv, role, expires_at


def session_by_token_hash(dbs: DbSession, token_sha256: str) -> SessionRow | None:
    """``(niss, riziv, role, expires_at)`` of a login session, by its token's hash."""
    return dbs.connection().execute(_SESSION_BY_HASH, {"token": token_sha256}).first()


# ---------------------------------------------------------------------- documents


def document(dbs: DbSession, document_id: str, *, refresh: bool = False) -> db.Document | None:
    return dbs.get(db.Document, document_id, populate_existing=refresh)


@dataclass(frozen=True)
class NewRetraction:
    """The columns a retraction sets on an accepted document."""

    retracted_at: datetime
    reason: str
    payload: bytes
    signature: bytes
    receipt: bytes
    receipt_signature: bytes


def retract_document(dbs: DbSession, document_id: str, new: NewRetraction) -> bool:
    """Mark an accepted document retracted; false if it already was (a concurrent
    retraction won), so that the first retraction receipt stays the only one."""
    updated = _execute_dml(
        dbs,
        sa.update(db.Document)
        .where(db.Document.id == document_id, db.Document.status == "accepted")
        .values(
            status="retracted",
            retracted_at=new.retracted_at,
            retraction_reason=new.reason[:32],
            retraction_payload=new.payload,
            retraction_signature=new.signature,
            retraction_receipt=new.receipt,
            retraction_receipt_signature=new.receipt_signature,
        ),
    )
    return bool(updated)


@dataclass(frozen=True)
class VerificationRecords:
    """What the public verification page may say about one document, and nothing more."""

    document: db.Document
    author: db.Practitioner | None  # the registry's entry for the author's RIZIV
    replacements: tuple[db.Document, ...]  # documents that declare they replace it, oldest first


def verification_records(dbs: DbSession, document_id: str) -> VerificationRecords | None:
    """Read-only: a document, its author in the registry, the documents replacing it.

    A replacement names the original in its signed payload (``replaces``); the original
    and its replacement are about the same patient, so only that dossier's later
    documents are read, and only the author's own: nobody else can declare a
    physician's certificate replaced.
    """
    row = dbs.get(db.Document, document_id)
    if row is None:
        return None
    author = dbs.execute(
        sa.select(db.Practitioner).where(db.Practitioner.riziv == row.author_riziv)
    ).scalar_one_or_none()
    later = dbs.execute(
        sa.select(db.Document)
        .where(
            db.Document.dossier_id == row.dossier_id,
            db.Document.author_riziv == row.author_riziv,
            db.Document.id != row.id,
            db.Document.received_at >= row.received_at,
        )
        .order_by(db.Document.received_at)
    ).scalars()
    replacements = tuple(d for d in later if _replaced_id(d.payload) == row.id)
    return VerificationRecords(row, author, replacements)


def _replaced_id(payload: bytes) -> str:
    """The ``replaces`` of a stored payload (canonical JSON: it was checked on receipt)."""
    replaces = json.loads(payload).get("replaces", "")
    return replaces[:36].lower() if isinstance(replaces, str) else ""


# ---------------------------------------------------------------------- episodes


def dossier_by_patient(dbs: DbSession, key: str) -> db.Dossier | None:
    return dbs.execute(
        sa.select(db.Dossier).where(db.Dossier.patient_key == key)
    ).scalar_one_or_none()


def dossier_documents(dbs: DbSession, dossier_id: str, episode_id: str) -> list[db.Document]:
    """The dossier's documents in order of receipt; only one episode's if ``episode_id``."""
    query = sa.select(db.Document).where(db.Document.dossier_id == dossier_id)
    if episode_id:
        query = query.where(db.Document.episode_id == episode_id)
    return list(dbs.execute(query.order_by(db.Document.received_at)).scalars())


def add_episode_audit(dbs: DbSession, entry: db.EpisodeAudit) -> None:
    dbs.add(entry)


# ---------------------------------------------------------------------- dossiers and threads


def may_access(dbs: DbSession, dossier_id: str, riziv: str, role: str) -> bool:
    """Advising and occupational physicians see every dossier; a treating physician those
    holding one of their documents or whose episode they were allowed to look up."""
    if role in ALL_DOSSIERS_ROLES:
        return dbs.get(db.Dossier, dossier_id) is not None
    authored = dbs.execute(
        sa.select(sa.func.count())
        .select_from(db.Document)
        .where(db.Document.dossier_id == dossier_id, db.Document.author_riziv == riziv)
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
            db.EpisodeAudit.requester_riziv == riziv,
            db.EpisodeAudit.outcome == "allowed",
        )
    ).scalar_one()
    return bool(looked_up)


def dossiers_with_counts(
    dbs: DbSession, riziv: str, role: str
) -> list[tuple[db.Dossier, int, int]]:
    """``(dossier, document count, thread count)`` of the dossiers the caller sees."""
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
    if role not in ALL_DOSSIERS_ROLES:
        mine = sa.select(db.Document.dossier_id).where(db.Document.author_riziv == riziv)
        query = query.where(db.Dossier.id.in_(mine))
    return [(d, n, m) for d, n, m in dbs.execute(query.limit(1000)).all()]


def thread(dbs: DbSession, thread_id: str) -> db.Thread | None:
    return dbs.get(db.Thread, thread_id)


def dossier_threads(dbs: DbSession, dossier_id: str) -> list[db.Thread]:
    """The dossier's threads, the most recently active first."""
    return list(
        dbs.execute(
            sa.select(db.Thread)
            .where(db.Thread.dossier_id == dossier_id)
            .order_by(db.Thread.last_message_at.desc())
        ).scalars()
    )


def message_counts(dbs: DbSession, t: db.Thread, reader_riziv: str) -> tuple[int, int]:
    """``(all messages, messages by others since the reader last marked it read)``."""
    read = dbs.get(db.ThreadRead, (t.id, reader_riziv))
    count = dbs.execute(
        sa.select(sa.func.count()).select_from(db.Message).where(db.Message.thread_id == t.id)
    ).scalar_one()
    unread_q = (
        sa.select(sa.func.count())
        .select_from(db.Message)
        .where(db.Message.thread_id == t.id, db.Message.author_riziv != reader_riziv)
    )
    if read is not None:
        unread_q = unread_q.where(db.Message.created_at > read.read_at)
    return count, dbs.execute(unread_q).scalar_one()


def thread_messages(dbs: DbSession, thread_id: str) -> list[db.Message]:
    return list(
        dbs.execute(
            sa.select(db.Message)
            .where(db.Message.thread_id == thread_id)
            .order_by(db.Message.created_at, db.Message.id)
        ).scalars()
    )


def message(dbs: DbSession, message_id: str) -> db.Message | None:
    return dbs.get(db.Message, message_id)


def add_thread(dbs: DbSession, t: db.Thread, first: db.Message) -> None:
    """Store a new thread with its first message (the thread first: the foreign key)."""
    dbs.add(t)
    dbs.flush()
    dbs.add(first)
    dbs.flush()


def add_message(dbs: DbSession, t: db.Thread, m: db.Message) -> None:
    dbs.add(m)
    t.last_message_at = m.created_at


def mark_read(dbs: DbSession, thread_id: str, riziv: str, now: datetime) -> None:
    """Record that ``riziv`` has read the thread up to ``now`` (never moves back)."""
    read = dbs.get(db.ThreadRead, (thread_id, riziv))
    if read is None:
        dbs.add(db.ThreadRead(thread_id=thread_id, riziv=riziv, read_at=now))
    else:
        read.read_at = max(read.read_at, now)
    dbs.flush()
