"""Documents: drafts autosaved with a version history, immutable once signed.

The store keeps a document as opaque canonical-JSON ``payload`` bytes plus the metadata
columns it needs to list, relate and guard them; it never parses the payload.

Version history. Every autosave that changes the payload adds a version in the same
transaction that updates the document, so the document and its newest version can never
disagree, whatever instant the process dies at. History is bounded: the first version
and the last ``max_versions`` (default 50) are kept, older ones are pruned in that same
transaction. An autosave timer can fire thousands of times on one long draft;
unbounded, that history would grow the database and every backup by megabytes of
near-identical copies of medical text. The first version shows where the draft started;
the last fifty cover far more undo than anyone uses. Saving an unchanged payload adds no
version. Restoring a version adds it again as the newest, so a restore is undoable too.

Immutability. Once signed, payload, signature and identity columns never change and the
row cannot be deleted: the repository refuses (``store.document_signed``) and the
database refuses too (triggers in migration 0001), so no code path can bypass it. Only
lifecycle columns move on: status along :data:`TRANSITIONS`, ``replaced_by`` and
``retracted_at``.

Autosaves are not written to the audit log (the versions table is their record);
creation, signing, restores, status changes and deletions of drafts are.
"""

from __future__ import annotations

import builtins
import uuid
from collections.abc import Callable, Iterable
from datetime import date, datetime
from typing import Any, Final

from sqlalchemy import delete, func, insert, or_, select, update
from sqlalchemy.engine import Connection, Row

from fitnote_desktop.domain.lifecycle import TRANSITIONS, DocumentStatus
from fitnote_desktop.store.audit import AuditLog
from fitnote_desktop.store.document_records import (
    DocumentRecord,
    DocumentSummary,
    VersionInfo,
    VersionRecord,
    payload_hash,
)
from fitnote_desktop.store.document_save import prune_versions, save_version
from fitnote_desktop.store.engine import Database
from fitnote_desktop.store.errors import (
    DocumentImmutableError,
    DuplicateRecordError,
    InvalidTransitionError,
    RecordNotFoundError,
)
from fitnote_desktop.store.schema import document_versions, documents, patients, uuid_text


class _Keep:
    def __repr__(self) -> str:
        return "KEEP"


KEEP: Final = _Keep()
"""Default of optional metadata arguments: leave the stored value as it is."""


_SUMMARY_COLUMNS = [c for c in documents.c if c.name not in ("payload", "signature", "retraction")]


def _summary_kwargs(row: Row[Any]) -> dict[str, Any]:
    return {
        "id": row.id,
        "patient_id": row.patient_id,
        "kind": row.kind,
        "status": DocumentStatus(row.status),
        "language": row.language,
        "created_at": row.created_at,
        "updated_at": row.updated_at,
        "period_begin": row.period_begin,
        "period_end": row.period_end,
        "payload_hash": row.payload_hash,
        "version": row.current_version,
        "signed_at": row.signed_at,
        "prolongation_of": row.prolongation_of,
        "relapse_of": row.relapse_of,
        "replaces": row.replaces,
        "replaced_by": row.replaced_by,
        "retracted_at": row.retracted_at,
    }


def _require_bytes(payload: Any) -> bytes:
    if not isinstance(payload, bytes | bytearray | memoryview):
        raise TypeError("payload must be bytes (canonical JSON)")
    return bytes(payload)


def status_changes(
    current: DocumentStatus, target: DocumentStatus, *, replaced_by: uuid.UUID | None
) -> bool:
    """Whether moving a stored document from ``current`` to ``target`` changes anything.

    Raises :class:`InvalidTransitionError` for a move the lifecycle forbids: one outside
    ``TRANSITIONS``, "signed" (signing stores a signature, it is not a status change) and
    "replaced" without the replacement it names. The one rule for every status change of
    the store (``DocumentRepository.set_status_in`` and the outbox's prebuilt statements).
    """
    if target == current:
        return False
    if target is DocumentStatus.SIGNED or target not in TRANSITIONS[current]:
        raise InvalidTransitionError()
    if target is DocumentStatus.REPLACED and replaced_by is None:
        raise InvalidTransitionError()
    return True


class DocumentRepository:
    def __init__(
        self,
        db: Database,
        audit: AuditLog,
        clock: Callable[[], datetime],
        max_versions: int = 50,
    ) -> None:
        if max_versions < 1:
            raise ValueError("max_versions must be at least 1")
        self._db = db
        self._audit = audit
        self._clock = clock
        self.max_versions = max_versions

    # drafts ------------------------------------------------------------------------------
    def create_draft(
        self,
        *,
        patient_id: uuid.UUID,
        kind: str,
        language: str,
        payload: bytes,
        id: uuid.UUID | None = None,
        period_begin: date | None = None,
        period_end: date | None = None,
        prolongation_of: uuid.UUID | None = None,
        relapse_of: uuid.UUID | None = None,
        replaces: uuid.UUID | None = None,
    ) -> DocumentRecord:
        """Create a draft with its first version; the patient moves to the top of recents."""
        payload = _require_bytes(payload)
        doc_id = id or uuid.uuid4()
        now = self._clock()
        digest = payload_hash(payload)
        with self._db.write() as conn:
            if conn.execute(select(documents.c.id).where(documents.c.id == doc_id)).first():
                raise DuplicateRecordError()
            if not conn.execute(select(patients.c.id).where(patients.c.id == patient_id)).first():
                raise RecordNotFoundError()
            for related in (prolongation_of, relapse_of, replaces):
                if related is not None:
                    self._row(conn, related)
            conn.execute(
                insert(documents).values(
                    id=doc_id,
                    patient_id=patient_id,
                    kind=kind,
                    status=DocumentStatus.DRAFT.value,
                    language=language,
                    created_at=now,
                    updated_at=now,
                    period_begin=period_begin,
                    period_end=period_end,
                    payload=payload,
                    payload_hash=digest,
                    current_version=1,
                    prolongation_of=prolongation_of,
                    relapse_of=relapse_of,
                    replaces=replaces,
                )
            )
            conn.execute(
                insert(document_versions).values(
                    document_id=doc_id,
                    version=1,
                    payload=payload,
                    payload_hash=digest,
                    saved_at=now,
                )
            )
            conn.execute(
                update(patients).where(patients.c.id == patient_id).values(last_used_at=now)
            )
            self._audit.append(
                conn,
                "document.created",
                document_id=doc_id,
                patient_id=patient_id,
                detail={"kind": kind},
            )
            return self._record(self._row(conn, doc_id))

    def autosave(
        self,
        document_id: uuid.UUID,
        payload: bytes,
        *,
        expected_version: int | None = None,
        kind: str | _Keep = KEEP,
        language: str | _Keep = KEEP,
        period_begin: date | _Keep | None = KEEP,
        period_end: date | _Keep | None = KEEP,
    ) -> VersionInfo:
        """Save the draft's current content; returns the version that now holds it.

        One transaction: document row, new version, pruning. An unchanged payload (and
        metadata) writes nothing and returns the current version. ``expected_version``
        guards against two editors: a mismatch raises ``store.conflict``.
        """
        payload = _require_bytes(payload)
        meta = {
            "kind": kind,
            "language": language,
            "period_begin": period_begin,
            "period_end": period_end,
        }
        with self._db.raw_write() as conn:  # the keystroke path: no SQLAlchemy objects
            return save_version(
                conn,
                document_id,
                payload,
                now=self._clock,
                max_versions=self.max_versions,
                expected_version=expected_version,
                meta={name: value for name, value in meta.items() if not isinstance(value, _Keep)},
            )

    def restore_version(self, document_id: uuid.UUID, version: int) -> VersionInfo:
        """Make an earlier version the current content again (as a new version)."""
        with self._db.write() as conn:
            row = self._row(conn, document_id)
            old = conn.execute(
                select(document_versions.c.payload).where(
                    document_versions.c.document_id == document_id,
                    document_versions.c.version == version,
                )
            ).scalar()
            if old is None:
                raise RecordNotFoundError()
            info = save_version(
                conn.connection.driver_connection,
                document_id,
                bytes(old),
                now=self._clock,
                max_versions=self.max_versions,
            )
            self._audit.append(
                conn,
                "document.version_restored",
                document_id=document_id,
                patient_id=row.patient_id,
                detail={"version": version, "new_version": info.version},
            )
            return info

    def delete_draft(self, document_id: uuid.UUID) -> None:
        """Delete a draft and its history; signed documents are never deleted."""
        with self._db.write() as conn:
            row = self._row(conn, document_id)
            if row.status != DocumentStatus.DRAFT:
                raise DocumentImmutableError()
            conn.execute(
                delete(document_versions).where(document_versions.c.document_id == document_id)
            )
            conn.execute(delete(documents).where(documents.c.id == document_id))
            self._audit.append(
                conn, "document.draft_deleted", document_id=document_id, patient_id=row.patient_id
            )

    # signing and lifecycle ----------------------------------------------------------------
    def mark_signed(
        self,
        document_id: uuid.UUID,
        *,
        payload: bytes,
        signature: bytes,
        signed_at: datetime | None = None,
    ) -> DocumentRecord:
        """Freeze the draft with the exact bytes that were signed and their CMS signature.

        The signed payload becomes the last version (if it differs from the current one),
        then the row turns ``signed``; from then on triggers forbid content changes.
        """
        payload = _require_bytes(payload)
        signature = _require_bytes(signature)
        if not signature:
            raise ValueError("empty signature")
        digest = payload_hash(payload)
        with self._db.write() as conn:
            row = self._row(conn, document_id)
            if row.status != DocumentStatus.DRAFT:
                raise DocumentImmutableError()
            now = self._clock()
            version = row.current_version
            if digest != row.payload_hash:
                version += 1
                conn.execute(
                    insert(document_versions).values(
                        document_id=document_id,
                        version=version,
                        payload=payload,
                        payload_hash=digest,
                        saved_at=now,
                    )
                )
                prune_versions(
                    conn.connection.driver_connection,
                    uuid_text(document_id),
                    newest=version,
                    max_versions=self.max_versions,
                )
            conn.execute(
                update(documents)
                .where(documents.c.id == document_id)
                .values(
                    payload=payload,
                    payload_hash=digest,
                    current_version=version,
                    signature=signature,
                    signed_at=signed_at or now,
                    status=DocumentStatus.SIGNED.value,
                    updated_at=now,
                )
            )
            self._audit.append(
                conn,
                "document.signed",
                document_id=document_id,
                patient_id=row.patient_id,
                detail={"payload_sha256": digest},
            )
            return self._record(self._row(conn, document_id))

    def set_status(
        self,
        document_id: uuid.UUID,
        status: DocumentStatus | str,
        *,
        replaced_by: uuid.UUID | None = None,
    ) -> DocumentSummary:
        """Move a signed document along its lifecycle (see :data:`TRANSITIONS`)."""
        with self._db.write() as conn:
            return self.set_status_in(conn, document_id, status, replaced_by=replaced_by)

    def set_status_in(
        self,
        conn: Connection,
        document_id: uuid.UUID,
        status: DocumentStatus | str,
        *,
        replaced_by: uuid.UUID | None = None,
    ) -> DocumentSummary:
        """:meth:`set_status` inside the caller's transaction (used by the outbox)."""
        target = DocumentStatus(status)
        row = self._row(conn, document_id)
        current = DocumentStatus(row.status)
        if not status_changes(current, target, replaced_by=replaced_by):
            return DocumentSummary(**_summary_kwargs(row))
        now = self._clock()
        values: dict[str, Any] = {"status": target.value, "updated_at": now}
        if target is DocumentStatus.RETRACTED:
            values["retracted_at"] = now
        if replaced_by is not None and target is DocumentStatus.REPLACED:
            self._row(conn, replaced_by)
            values["replaced_by"] = replaced_by
        conn.execute(update(documents).where(documents.c.id == document_id).values(**values))
        self._audit.append(
            conn,
            "document.status",
            document_id=document_id,
            patient_id=row.patient_id,
            detail={"from": current.value, "to": target.value},
        )
        return DocumentSummary(**_summary_kwargs(self._row(conn, document_id)))

    def set_retraction(self, document_id: uuid.UUID, statement: bytes) -> None:
        """Keep the signed retraction statement of an accepted document until it is sent.

        Signing happens locally, possibly offline; the statement must survive a restart
        like any queued document. Only an accepted (or already retracted) document can
        be retracted.
        """
        with self._db.write() as conn:
            row = self._row(conn, document_id)
            if row.status not in (DocumentStatus.ACCEPTED.value, DocumentStatus.RETRACTED.value):
                raise InvalidTransitionError()
            conn.execute(
                update(documents)
                .where(documents.c.id == document_id)
                .values(retraction=bytes(statement), updated_at=self._clock())
            )
            self._audit.append(
                conn,
                "document.retraction_signed",
                document_id=document_id,
                patient_id=row.patient_id,
            )

    def retraction(self, document_id: uuid.UUID) -> bytes | None:
        """The signed retraction statement kept by :meth:`set_retraction`, if any."""
        with self._db.read() as conn:
            value = conn.execute(
                select(documents.c.retraction).where(documents.c.id == document_id)
            ).scalar()
        return None if value is None else bytes(value)

    def mark_replaced(self, document_id: uuid.UUID, replaced_by: uuid.UUID) -> DocumentSummary:
        return self.set_status(document_id, DocumentStatus.REPLACED, replaced_by=replaced_by)

    # queries ------------------------------------------------------------------------------
    def get(self, document_id: uuid.UUID) -> DocumentRecord:
        with self._db.read() as conn:
            return self._record(self._row(conn, document_id))

    def signed_payloads(
        self, document_ids: Iterable[uuid.UUID]
    ) -> dict[uuid.UUID, tuple[bytes, bytes | None]]:
        """``{id: (payload, signature)}`` of several documents in one read (the outbox
        drain reads a step's documents at once, not one connection per document)."""
        wanted = list(document_ids)
        if not wanted:
            return {}
        query = select(documents.c.id, documents.c.payload, documents.c.signature).where(
            documents.c.id.in_(wanted)
        )
        with self._db.read() as conn:
            rows = conn.execute(query).all()
        return {
            row.id: (bytes(row.payload), None if row.signature is None else bytes(row.signature))
            for row in rows
        }

    def get_summary(self, document_id: uuid.UUID) -> DocumentSummary:
        with self._db.read() as conn:
            row = conn.execute(
                select(*_SUMMARY_COLUMNS).where(documents.c.id == document_id)
            ).first()
        if row is None:
            raise RecordNotFoundError()
        return DocumentSummary(**_summary_kwargs(row))

    def list(
        self,
        *,
        patient_id: uuid.UUID | None = None,
        statuses: Iterable[DocumentStatus | str] | None = None,
        limit: int | None = None,
        offset: int = 0,
    ) -> builtins.list[DocumentSummary]:
        """Summaries, most recently changed first."""
        query = select(*_SUMMARY_COLUMNS).order_by(documents.c.updated_at.desc(), documents.c.id)
        if patient_id is not None:
            query = query.where(documents.c.patient_id == patient_id)
        if statuses is not None:
            query = query.where(documents.c.status.in_([DocumentStatus(s).value for s in statuses]))
        if limit is not None:
            query = query.limit(limit)
        if offset:
            query = query.offset(offset)
        with self._db.read() as conn:
            return [DocumentSummary(**_summary_kwargs(row)) for row in conn.execute(query)]

    def related(self, document_id: uuid.UUID) -> builtins.list[DocumentSummary]:
        """Documents that prolong, follow as relapse of, or replace this one."""
        c = documents.c
        query = (
            select(*_SUMMARY_COLUMNS)
            .where(
                or_(
                    c.prolongation_of == document_id,
                    c.relapse_of == document_id,
                    c.replaces == document_id,
                )
            )
            .order_by(c.created_at)
        )
        with self._db.read() as conn:
            return [DocumentSummary(**_summary_kwargs(row)) for row in conn.execute(query)]

    def count(self, status: DocumentStatus | str | None = None) -> int:
        query = select(func.count()).select_from(documents)
        if status is not None:
            query = query.where(documents.c.status == DocumentStatus(status).value)
        with self._db.read() as conn:
            return int(conn.execute(query).scalar_one())

    def versions(self, document_id: uuid.UUID) -> builtins.list[VersionInfo]:
        v = document_versions.c
        with self._db.read() as conn:
            self._row(conn, document_id)
            rows = conn.execute(
                select(v.version, v.saved_at, v.payload_hash, func.length(v.payload).label("size"))
                .where(v.document_id == document_id)
                .order_by(v.version)
            )
            return [
                VersionInfo(document_id, r.version, r.saved_at, r.payload_hash, r.size)
                for r in rows
            ]

    def get_version(self, document_id: uuid.UUID, version: int) -> VersionRecord:
        v = document_versions.c
        with self._db.read() as conn:
            row = conn.execute(
                select(document_versions).where(v.document_id == document_id, v.version == version)
            ).first()
        if row is None:
            raise RecordNotFoundError()
        return VersionRecord(
            document_id, row.version, row.saved_at, row.payload_hash, len(row.payload), row.payload
        )

    # helpers ------------------------------------------------------------------------------
    @staticmethod
    def _row(conn: Connection, document_id: uuid.UUID) -> Row[Any]:
        row = conn.execute(select(documents).where(documents.c.id == document_id)).first()
        if row is None:
            raise RecordNotFoundError()
        return row

    @staticmethod
    def _record(row: Row[Any]) -> DocumentRecord:
        return DocumentRecord(
            **_summary_kwargs(row), payload=bytes(row.payload), signature=row.signature
        )
