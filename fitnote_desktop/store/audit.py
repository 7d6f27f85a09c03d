"""Append-only, hash-chained audit log: who did what, when, to which document.

Each entry's ``hash`` is SHA-256 over its own fields *and* the previous entry's hash, and
its ``seq`` is part of what is hashed. So editing an entry breaks its hash, removing one
breaks the link of the next, and reordering breaks both. The database refuses UPDATE
and DELETE on the table (triggers); the chain is what still detects tampering by
someone who has the key and drops the triggers.

A chain alone cannot notice that its *last* entries were cut off. The profile therefore
records an anchor (seq and hash of the latest entry) in ``profile.json`` when it is
locked; :meth:`AuditLog.verify` checks that the anchored entry is still there,
unchanged. A stale anchor (after a crash) is harmless: it is simply an earlier entry.

Entries carry identifiers and codes only — never names, NISS or document content — so
an export of the audit log for an inspection reveals no medical data by itself.
"""

from __future__ import annotations

import hashlib
import json
import uuid
from collections.abc import Callable, Mapping
from dataclasses import dataclass, field
from datetime import datetime
from typing import Any

from sqlalchemy import func, insert, select
from sqlalchemy.engine import Connection

from fitnote_desktop.store.engine import Database
from fitnote_desktop.store.errors import AuditChainError
from fitnote_desktop.store.profile_info import AuditAnchor
from fitnote_desktop.store.schema import audit_log, utc_text

GENESIS_HASH = "0" * 64
DetailValue = str | int | bool | None


@dataclass(frozen=True)
class AuditEntry:
    seq: int
    at: datetime
    actor: str
    action: str
    document_id: uuid.UUID | None
    patient_id: uuid.UUID | None
    detail: Mapping[str, DetailValue]
    prev_hash: str
    hash: str


@dataclass(frozen=True)
class AuditVerification:
    ok: bool
    entries: int
    first_bad_seq: int | None = None
    problem: str | None = None  # "edited", "removed", "out_of_order", "truncated"
    head: AuditAnchor | None = field(default=None)

    def raise_for_problem(self) -> None:
        if not self.ok:
            raise AuditChainError()


def _detail_json(detail: Mapping[str, DetailValue]) -> str:
    for key, value in detail.items():
        if not isinstance(key, str) or not isinstance(value, str | int | bool | type(None)):
            raise TypeError("audit detail holds codes and identifiers only")
    return json.dumps(dict(detail), sort_keys=True, separators=(",", ":"), ensure_ascii=False)


def entry_hash(
    *,
    seq: int,
    at: str,
    actor: str,
    action: str,
    document_id: str | None,
    patient_id: str | None,
    detail: str,
    prev_hash: str,
) -> str:
    """SHA-256 over a canonical JSON array of the fields (stable across versions)."""
    material = json.dumps(
        [seq, at, actor, action, document_id, patient_id, detail, prev_hash],
        separators=(",", ":"),
        ensure_ascii=False,
    ).encode("utf-8")
    return hashlib.sha256(material).hexdigest()


_INSERT_ENTRY = (
    "INSERT INTO audit_log (seq, at, actor, action, document_id, patient_id, detail, "
    "prev_hash, hash) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)"
)
_SELECT_HEAD = "SELECT seq, hash FROM audit_log ORDER BY seq DESC LIMIT 1"


class AuditChain:
    """Appends through a DBAPI cursor inside one open *write* transaction, the chain's
    head kept in memory.

    :meth:`AuditLog.append` looks the head up and builds its statement for every entry;
    the outbox drain writes two entries per document, so a step of a hundred documents
    paid for two hundred look-ups (issue 14). The write lock of the transaction keeps
    the head valid until it ends. A caller that rolls back to a savepoint restores the
    head it saved with :attr:`head` (see ``store.outbox_sql.savepoint``). The entries
    are the same, field for field and hash for hash, as :meth:`AuditLog.append`'s.
    """

    def __init__(self, cursor: Any, clock: Callable[[], datetime], actor: str) -> None:
        self._cursor = cursor
        self._clock = clock
        self._actor = actor
        self._head: tuple[int, str] | None = None

    @property
    def head(self) -> tuple[int, str] | None:
        """``(seq, hash)`` of the last entry, or None until the first append reads it."""
        return self._head

    @head.setter
    def head(self, value: tuple[int, str] | None) -> None:
        self._head = value

    def append(
        self,
        action: str,
        *,
        document_id: uuid.UUID | None = None,
        patient_id: uuid.UUID | None = None,
        detail: Mapping[str, DetailValue] | None = None,
    ) -> None:
        if self._head is None:
            last = self._cursor.execute(_SELECT_HEAD).fetchone()
            self._head = (0, GENESIS_HASH) if last is None else (int(last[0]), str(last[1]))
        seq, prev_hash = self._head[0] + 1, self._head[1]
        at = utc_text(self._clock())
        detail_text = _detail_json(detail or {})
        doc = None if document_id is None else str(document_id)
        patient = None if patient_id is None else str(patient_id)
        digest = entry_hash(
            seq=seq,
            at=at,
            actor=self._actor,
            action=action,
            document_id=doc,
            patient_id=patient,
            detail=detail_text,
            prev_hash=prev_hash,
        )
        self._cursor.execute(
            _INSERT_ENTRY,
            (seq, at, self._actor, action, doc, patient, detail_text, prev_hash, digest),
        )
        self._head = (seq, digest)


class AuditLog:
    """Appends in the caller's transaction, so an action and its audit entry commit
    together or not at all."""

    def __init__(self, db: Database, clock: Callable[[], datetime], actor: str = "user") -> None:
        self._db = db
        self._clock = clock
        self.actor = actor

    def append(
        self,
        conn: Connection,
        action: str,
        *,
        document_id: uuid.UUID | None = None,
        patient_id: uuid.UUID | None = None,
        detail: Mapping[str, DetailValue] | None = None,
        actor: str | None = None,
    ) -> AuditEntry:
        """Append an entry inside ``conn``'s (write) transaction."""
        last = conn.execute(
            select(audit_log.c.seq, audit_log.c.hash).order_by(audit_log.c.seq.desc()).limit(1)
        ).first()
        seq = 1 if last is None else int(last.seq) + 1
        prev_hash = GENESIS_HASH if last is None else str(last.hash)
        at = self._clock()
        detail_text = _detail_json(detail or {})
        who = actor or self.actor
        digest = entry_hash(
            seq=seq,
            at=utc_text(at),
            actor=who,
            action=action,
            document_id=None if document_id is None else str(document_id),
            patient_id=None if patient_id is None else str(patient_id),
            detail=detail_text,
            prev_hash=prev_hash,
        )
        conn.execute(
            insert(audit_log).values(
                seq=seq,
                at=at,
                actor=who,
                action=action,
                document_id=document_id,
                patient_id=patient_id,
                detail=detail_text,
                prev_hash=prev_hash,
                hash=digest,
            )
        )
        return AuditEntry(
            seq, at, who, action, document_id, patient_id, dict(detail or {}), prev_hash, digest
        )

    def chain(self, cursor: Any) -> AuditChain:
        """An :class:`AuditChain` on ``cursor``, whose write transaction must be open."""
        return AuditChain(cursor, self._clock, self.actor)

    def record(self, action: str, **kwargs: Any) -> AuditEntry:
        """Append in a transaction of its own (for events that change nothing else)."""
        with self._db.write() as conn:
            return self.append(conn, action, **kwargs)

    def entries(
        self, *, document_id: uuid.UUID | None = None, limit: int | None = None
    ) -> list[AuditEntry]:
        query = select(audit_log).order_by(audit_log.c.seq)
        if document_id is not None:
            query = query.where(audit_log.c.document_id == document_id)
        if limit is not None:
            query = query.limit(limit)
        with self._db.read() as conn:
            return [
                AuditEntry(
                    row.seq,
                    row.at,
                    row.actor,
                    row.action,
                    row.document_id,
                    row.patient_id,
                    json.loads(row.detail),
                    row.prev_hash,
                    row.hash,
                )
                for row in conn.execute(query)
            ]

    def head(self) -> AuditAnchor | None:
        with self._db.read() as conn:
            row = conn.execute(
                select(audit_log.c.seq, audit_log.c.hash).order_by(audit_log.c.seq.desc()).limit(1)
            ).first()
        return None if row is None else AuditAnchor(int(row.seq), str(row.hash))

    def count(self) -> int:
        with self._db.read() as conn:
            return int(conn.execute(select(func.count()).select_from(audit_log)).scalar_one())

    def verify(self, anchor: AuditAnchor | None = None) -> AuditVerification:
        """Walk the chain in physical (rowid) order and recompute every hash.

        Reading in rowid order rather than ``ORDER BY seq`` is deliberate: with the
        primary key being ``seq``, the rowid *is* seq, and a reordering attack shows up
        as a seq that does not follow its predecessor or a hash that does not match.
        """
        expected_prev = GENESIS_HASH
        expected_seq = 1
        count = 0
        anchor_seen = anchor is None
        with self._db.read() as conn:
            rows = conn.exec_driver_sql(
                "SELECT seq, at, actor, action, document_id, patient_id, detail, prev_hash, hash "
                "FROM audit_log ORDER BY rowid"
            )
            for seq, at, actor, action, doc, pat, detail, prev_hash, digest in rows:
                count += 1
                if seq > expected_seq:
                    return AuditVerification(False, count, expected_seq, "removed")
                recomputed = entry_hash(
                    seq=seq,
                    at=at,
                    actor=actor,
                    action=action,
                    document_id=doc,
                    patient_id=pat,
                    detail=detail,
                    prev_hash=prev_hash,
                )
                if recomputed != digest:
                    return AuditVerification(False, count, seq, "edited")
                if prev_hash != expected_prev:
                    # a self-consistent entry whose predecessor is not the one it was
                    # chained to: entries were moved or one was dropped and re-numbered
                    return AuditVerification(False, count, seq, "out_of_order")
                if anchor is not None and seq == anchor.seq:
                    if digest != anchor.hash:
                        return AuditVerification(False, count, seq, "edited")
                    anchor_seen = True
                expected_prev = digest
                expected_seq += 1
        if not anchor_seen:
            assert anchor is not None
            return AuditVerification(False, count, anchor.seq, "truncated")
        head = None if count == 0 else AuditAnchor(expected_seq - 1, expected_prev)
        return AuditVerification(True, count, head=head)
