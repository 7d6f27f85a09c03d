"""Table definitions the repositories query (SQLAlchemy Core), matching the head migration.

The migrations in ``migrations/versions`` are the source of truth for the DDL that is
actually run (including the triggers that make signed documents and audit entries
immutable); this module describes the *current* shape for queries. A test compares the
two so they cannot drift apart.

Medical content is never interpreted here: a document is canonical JSON bytes in
``payload`` plus the few metadata columns needed to list, search and enforce the
lifecycle. Timestamps are stored as ISO-8601 UTC text (sortable, readable in a debugger
that has the key), UUIDs as their 36-character text form.
"""

from __future__ import annotations

import uuid
from datetime import UTC, date, datetime
from typing import Any

from sqlalchemy import (
    CheckConstraint,
    Column,
    Date,
    ForeignKey,
    Index,
    Integer,
    LargeBinary,
    MetaData,
    String,
    Table,
    Text,
    text,
)
from sqlalchemy.engine import Dialect
from sqlalchemy.types import TypeDecorator


def uuid_text(value: Any) -> str:
    """The stored text of a UUID (or of a string that parses as one), lower-case, 36 chars."""
    return str(value if isinstance(value, uuid.UUID) else uuid.UUID(str(value)))


class UUIDText(TypeDecorator[uuid.UUID]):
    """UUID stored as canonical 36-character text (the form used in documents and URLs)."""

    impl = String(36)
    cache_ok = True

    def process_bind_param(self, value: Any, dialect: Dialect) -> str | None:
        return None if value is None else uuid_text(value)

    def process_result_value(self, value: Any, dialect: Dialect) -> uuid.UUID | None:
        return None if value is None else uuid.UUID(value)


def utc_text(value: datetime) -> str:
    """The stored text of an aware datetime (see :class:`UTCDateTime`); naive ones are refused."""
    if value.tzinfo is None:
        raise ValueError("timestamps must be timezone-aware datetimes")
    return value.astimezone(UTC).isoformat(timespec="microseconds")


def date_text(value: date | None) -> str | None:
    """The stored text of a ``Date`` column, as SQLAlchemy's SQLite ``DATE`` binds it
    (for statements written on the DBAPI connection); anything but a date is refused."""
    if value is None:
        return None
    if not isinstance(value, date):
        raise TypeError("SQLite Date type only accepts Python date objects as input.")
    return f"{value.year:04d}-{value.month:02d}-{value.day:02d}"


def text_date(value: str | None) -> date | None:
    """A ``Date`` column's stored text read back (the inverse of :func:`date_text`)."""
    return None if value is None else date.fromisoformat(value)


class UTCDateTime(TypeDecorator[datetime]):
    """Timezone-aware datetime stored as ``YYYY-MM-DDTHH:MM:SS.ffffff+00:00`` text.

    A fixed-width UTC form sorts correctly as text, so indexes on it work for "recent
    first" and "due now" queries. Naive datetimes are refused rather than guessed.
    """

    impl = String(32)
    cache_ok = True

    def process_bind_param(self, value: Any, dialect: Dialect) -> str | None:
        if value is None:
            return None
        if not isinstance(value, datetime):
            raise ValueError("timestamps must be timezone-aware datetimes")
        return utc_text(value)

    def process_result_value(self, value: Any, dialect: Dialect) -> datetime | None:
        return None if value is None else datetime.fromisoformat(value)


metadata = MetaData()

DOCUMENT_STATUSES = (
    "draft",
    "signed",
    "queued",
    "sent",
    "accepted",
    "rejected",
    "retracted",
    "replaced",
)
OUTBOX_STATUSES = ("queued", "sending", "accepted", "rejected", "retracted")
OUTBOX_OPERATIONS = ("submit", "retract")

practitioner = Table(
    "practitioner",
    metadata,
    Column("id", Integer, primary_key=True),
    Column("given_name", Text, nullable=False),
    Column("family_name", Text, nullable=False),
    Column("riziv", String(16), nullable=True),
    Column("niss", String(11), nullable=True),
    Column("languages", Text, nullable=False, server_default=text("'[]'")),
    Column("practice", Text, nullable=False, server_default=text("'{}'")),
    Column("updated_at", UTCDateTime, nullable=False),
    CheckConstraint("id = 1", name="ck_practitioner_single_row"),
)

settings = Table(
    "settings",
    metadata,
    Column("key", String(128), primary_key=True),
    Column("value", Text, nullable=False),
    Column("updated_at", UTCDateTime, nullable=False),
)

patients = Table(
    "patients",
    metadata,
    Column("id", UUIDText, primary_key=True),
    Column("niss", String(11), nullable=True),
    Column("given_name", Text, nullable=False),
    Column("family_name", Text, nullable=False),
    Column("search_key", Text, nullable=False),
    Column("language", String(8), nullable=True),
    Column("data", Text, nullable=False, server_default=text("'{}'")),
    Column("created_at", UTCDateTime, nullable=False),
    Column("updated_at", UTCDateTime, nullable=False),
    Column("last_used_at", UTCDateTime, nullable=True),
    Index("ix_patients_niss", "niss", unique=True, sqlite_where=text("niss IS NOT NULL")),
    Index("ix_patients_last_used_at", "last_used_at"),
)

documents = Table(
    "documents",
    metadata,
    Column("id", UUIDText, primary_key=True),
    Column("patient_id", UUIDText, ForeignKey("patients.id"), nullable=False),
    Column("kind", String(64), nullable=False),
    Column("status", String(16), nullable=False, server_default=text("'draft'")),
    Column("language", String(8), nullable=False),
    Column("created_at", UTCDateTime, nullable=False),
    Column("updated_at", UTCDateTime, nullable=False),
    Column("period_begin", Date, nullable=True),
    Column("period_end", Date, nullable=True),
    Column("payload", LargeBinary, nullable=False),
    Column("payload_hash", String(64), nullable=False),
    Column("current_version", Integer, nullable=False),
    Column("signature", LargeBinary, nullable=True),
    Column("signed_at", UTCDateTime, nullable=True),
    Column("prolongation_of", UUIDText, ForeignKey("documents.id"), nullable=True),
    Column("relapse_of", UUIDText, ForeignKey("documents.id"), nullable=True),
    Column("replaces", UUIDText, ForeignKey("documents.id"), nullable=True),
    Column("replaced_by", UUIDText, ForeignKey("documents.id"), nullable=True),
    Column("retracted_at", UTCDateTime, nullable=True),
    # signed retraction statement (envelope JSON) waiting for or sent to the endpoint
    Column("retraction", LargeBinary, nullable=True),
    CheckConstraint(
        "status IN ('draft','signed','queued','sent','accepted','rejected','retracted','replaced')",
        name="ck_documents_status",
    ),
    CheckConstraint(
        "status = 'draft' OR (signature IS NOT NULL AND signed_at IS NOT NULL)",
        name="ck_documents_signed_has_signature",
    ),
    Index("ix_documents_patient_id", "patient_id"),
    Index("ix_documents_status", "status"),
    Index("ix_documents_updated_at", "updated_at"),
    # the worklist's two covering indexes (migrations 0007 and 0008): the second one holds
    # the issued certificates and recognitions only, with the two payload fields shown
    Index("ix_documents_kind_period_end", "kind", "period_end", "status", "patient_id"),
    Index(
        "ix_documents_worklist",
        "patient_id",
        "period_begin",
        "kind",
        "status",
        "period_end",
        "id",
        text("json_extract(CAST(payload AS TEXT), '$.body.fit_note.status')"),
        text("json_extract(CAST(payload AS TEXT), '$.body.incapacity_since')"),
        sqlite_where=text(
            "kind IN ('incapacity', 'invalidity-recognition') "
            "AND status IN ('signed', 'queued', 'sent', 'accepted', 'rejected')"
        ),
    ),
    # the mirror's "facts missing?" count (store.mirror_facts) reads the index only
    Index("ix_documents_mirror", "kind", "status"),
)

# What the mirror needs of a signed document (revision 0005): written once per signed
# document by ``store.mirror_facts``; none of it changes once a document is signed.
mirror_facts = Table(
    "mirror_facts",
    metadata,
    Column("document_id", UUIDText, ForeignKey("documents.id"), primary_key=True),
    Column("patient_id", UUIDText, nullable=False),
    Column("kind", String(64), nullable=False),
    Column("period_begin", Date, nullable=True),
    Column("period_end", Date, nullable=True),
    Column("diagnosis_code", Text, nullable=False, server_default=text("''")),
    Column("diagnosis_system", Text, nullable=False, server_default=text("''")),
    Column("fit_note", Integer, nullable=False, server_default=text("0")),
    sqlite_with_rowid=False,
)

document_versions = Table(
    "document_versions",
    metadata,
    Column(
        "document_id",
        UUIDText,
        ForeignKey("documents.id", ondelete="CASCADE"),
        primary_key=True,
    ),
    Column("version", Integer, primary_key=True),
    Column("payload", LargeBinary, nullable=False),
    Column("payload_hash", String(64), nullable=False),
    Column("saved_at", UTCDateTime, nullable=False),
)

audit_log = Table(
    "audit_log",
    metadata,
    Column("seq", Integer, primary_key=True, autoincrement=False),
    Column("at", UTCDateTime, nullable=False),
    Column("actor", String(128), nullable=False),
    Column("action", String(64), nullable=False),
    Column("document_id", UUIDText, nullable=True),
    Column("patient_id", UUIDText, nullable=True),
    Column("detail", Text, nullable=False, server_default=text("'{}'")),
    Column("prev_hash", String(64), nullable=False),
    Column("hash", String(64), nullable=False),
)

outbox = Table(
    "outbox",
    metadata,
    Column("id", Integer, primary_key=True),
    Column("document_id", UUIDText, ForeignKey("documents.id"), nullable=False),
    Column("operation", String(16), nullable=False, server_default=text("'submit'")),
    Column("status", String(16), nullable=False, server_default=text("'queued'")),
    Column("attempts", Integer, nullable=False, server_default=text("0")),
    Column("next_attempt_at", UTCDateTime, nullable=False),
    Column("last_error_code", String(64), nullable=True),
    Column("last_error_detail", String(500), nullable=True),
    Column("created_at", UTCDateTime, nullable=False),
    Column("updated_at", UTCDateTime, nullable=False),
    CheckConstraint(
        "status IN ('queued','sending','accepted','rejected','retracted')",
        name="ck_outbox_status",
    ),
    CheckConstraint("operation IN ('submit','retract')", name="ck_outbox_operation"),
    Index("ux_outbox_document_operation", "document_id", "operation", unique=True),
    Index("ix_outbox_status_next", "status", "next_attempt_at"),
)

receipts = Table(
    "receipts",
    metadata,
    Column("id", Integer, primary_key=True),
    Column("document_id", UUIDText, ForeignKey("documents.id"), nullable=False),
    Column("operation", String(16), nullable=False, server_default=text("'submit'")),
    Column("status", String(16), nullable=False),
    Column("receipt", LargeBinary, nullable=False),
    Column("payload_hash", String(64), nullable=False),
    Column("received_at", UTCDateTime, nullable=False),
    Index("ix_receipts_document_id", "document_id"),
)

# Questions of the advising and occupational physicians about this physician's documents
# (issue 16): a copy of the endpoint's, refreshed at each poll, so that the worklist and
# the patient page show them offline. ``question_completions`` is the link between a
# question and the replacing certificate that will answer it once the endpoint accepts it.
questions = Table(
    "questions",
    metadata,
    Column("id", String(36), primary_key=True),
    Column("document_id", String(36), nullable=False),
    Column("question_type", String(32), nullable=False),
    Column("body", Text, nullable=False),
    Column("asked_by_role", String(32), nullable=False),
    Column("asked_at", UTCDateTime, nullable=False),
    Column("answer_by", Date, nullable=False),
    Column("state", String(16), nullable=False),
    Column("answer", Text, nullable=True),
    Column("answered_at", UTCDateTime, nullable=True),
    Column("replacement_document_id", String(36), nullable=True),
    Index("ix_questions_document_id", "document_id"),
)

unread_threads = Table(
    "unread_threads",
    metadata,
    Column("document_id", String(36), primary_key=True),
    Column("unread", Integer, nullable=False),
)

question_completions = Table(
    "question_completions",
    metadata,
    Column("question_id", String(36), primary_key=True),
    Column("replacement_document_id", String(36), nullable=False),
    Column("body", Text, nullable=False),
    Column("created_at", UTCDateTime, nullable=False),
)
