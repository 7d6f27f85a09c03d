"""First schema: practitioner, settings, patients, documents with versions, audit log.

Revision ID: 0001
Revises:
Create Date: 2026-11-23

Frozen: never edit a released revision, add a new one. The triggers make signed
documents and audit entries immutable in the database itself, so a bug in a repository
(or a hand-made UPDATE with the key) cannot alter what a physician signed.
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0001"
down_revision = None
branch_labels = None
depends_on = None

TS = sa.String(32)  # ISO-8601 UTC text
ID = sa.String(36)  # UUID text

TRIGGERS = (
    # Content of a signed document never changes; lifecycle columns (status, updated_at,
    # replaced_by, retracted_at) stay writable for queued -> sent -> accepted etc.
    """
    CREATE TRIGGER documents_signed_content_immutable
    BEFORE UPDATE OF id, patient_id, kind, language, created_at, period_begin, period_end,
        payload, payload_hash, current_version, signature, signed_at, prolongation_of,
        relapse_of, replaces
    ON documents
    WHEN OLD.status <> 'draft'
    BEGIN SELECT RAISE(ABORT, 'store.document_signed'); END
    """,
    """
    CREATE TRIGGER documents_signed_never_draft_again
    BEFORE UPDATE OF status ON documents
    WHEN OLD.status <> 'draft' AND NEW.status = 'draft'
    BEGIN SELECT RAISE(ABORT, 'store.document_signed'); END
    """,
    """
    CREATE TRIGGER documents_signed_no_delete
    BEFORE DELETE ON documents
    WHEN OLD.status <> 'draft'
    BEGIN SELECT RAISE(ABORT, 'store.document_signed'); END
    """,
    """
    CREATE TRIGGER document_versions_immutable
    BEFORE UPDATE ON document_versions
    BEGIN SELECT RAISE(ABORT, 'store.document_signed'); END
    """,
    """
    CREATE TRIGGER document_versions_signed_no_insert
    BEFORE INSERT ON document_versions
    WHEN (SELECT status FROM documents WHERE id = NEW.document_id) <> 'draft'
    BEGIN SELECT RAISE(ABORT, 'store.document_signed'); END
    """,
    """
    CREATE TRIGGER document_versions_signed_no_delete
    BEFORE DELETE ON document_versions
    WHEN (SELECT status FROM documents WHERE id = OLD.document_id) <> 'draft'
    BEGIN SELECT RAISE(ABORT, 'store.document_signed'); END
    """,
    """
    CREATE TRIGGER audit_log_no_update
    BEFORE UPDATE ON audit_log
    BEGIN SELECT RAISE(ABORT, 'store.audit_append_only'); END
    """,
    """
    CREATE TRIGGER audit_log_no_delete
    BEFORE DELETE ON audit_log
    BEGIN SELECT RAISE(ABORT, 'store.audit_append_only'); END
    """,
)
TRIGGER_NAMES = (
    "documents_signed_content_immutable",
    "documents_signed_never_draft_again",
    "documents_signed_no_delete",
    "document_versions_immutable",
    "document_versions_signed_no_insert",
    "document_versions_signed_no_delete",
    "audit_log_no_update",
    "audit_log_no_delete",
)


def upgrade() -> None:
    op.create_table(
        "practitioner",
        sa.Column("id", sa.Integer, primary_key=True),
        sa.Column("given_name", sa.Text, nullable=False),
        sa.Column("family_name", sa.Text, nullable=False),
        sa.Column("riziv", sa.String(16), nullable=True),
        sa.Column("niss", sa.String(11), nullable=True),
        sa.Column("languages", sa.Text, nullable=False, server_default=sa.text("'[]'")),
        sa.Column("practice", sa.Text, nullable=False, server_default=sa.text("'{}'")),
        sa.Column("updated_at", TS, nullable=False),
        sa.CheckConstraint("id = 1", name="ck_practitioner_single_row"),
    )
    op.create_table(
        "settings",
        sa.Column("key", sa.String(128), primary_key=True),
        sa.Column("value", sa.Text, nullable=False),
        sa.Column("updated_at", TS, nullable=False),
    )
    op.create_table(
        "patients",
        sa.Column("id", ID, primary_key=True),
        sa.Column("niss", sa.String(11), nullable=True),
        sa.Column("given_name", sa.Text, nullable=False),
        sa.Column("family_name", sa.Text, nullable=False),
        sa.Column("search_key", sa.Text, nullable=False),
        sa.Column("language", sa.String(8), nullable=True),
        sa.Column("data", sa.Text, nullable=False, server_default=sa.text("'{}'")),
        sa.Column("created_at", TS, nullable=False),
        sa.Column("updated_at", TS, nullable=False),
        sa.Column("last_used_at", TS, nullable=True),
    )
    op.create_index(
        "ix_patients_niss", "patients", ["niss"], unique=True,
        sqlite_where=sa.text("niss IS NOT NULL"),
    )
    op.create_index("ix_patients_last_used_at", "patients", ["last_used_at"])
    op.create_table(
        "documents",
        sa.Column("id", ID, primary_key=True),
        sa.Column("patient_id", ID, sa.ForeignKey("patients.id"), nullable=False),
        sa.Column("kind", sa.String(64), nullable=False),
        sa.Column("status", sa.String(16), nullable=False, server_default=sa.text("'draft'")),
        sa.Column("language", sa.String(8), nullable=False),
        sa.Column("created_at", TS, nullable=False),
        sa.Column("updated_at", TS, nullable=False),
        sa.Column("period_begin", sa.Date, nullable=True),
        sa.Column("period_end", sa.Date, nullable=True),
        sa.Column("payload", sa.LargeBinary, nullable=False),
        sa.Column("payload_hash", sa.String(64), nullable=False),
        sa.Column("current_version", sa.Integer, nullable=False),
        sa.Column("signature", sa.LargeBinary, nullable=True),
        sa.Column("signed_at", TS, nullable=True),
        sa.Column("prolongation_of", ID, sa.ForeignKey("documents.id"), nullable=True),
        sa.Column("relapse_of", ID, sa.ForeignKey("documents.id"), nullable=True),
        sa.Column("replaces", ID, sa.ForeignKey("documents.id"), nullable=True),
        sa.Column("replaced_by", ID, sa.ForeignKey("documents.id"), nullable=True),
        sa.Column("retracted_at", TS, nullable=True),
        sa.CheckConstraint(
            "status IN ('draft','signed','queued','sent','accepted','rejected','retracted',"
            "'replaced')",
            name="ck_documents_status",
        ),
        sa.CheckConstraint(
            "status = 'draft' OR (signature IS NOT NULL AND signed_at IS NOT NULL)",
            name="ck_documents_signed_has_signature",
        ),
    )
    op.create_index("ix_documents_patient_id", "documents", ["patient_id"])
    op.create_index("ix_documents_status", "documents", ["status"])
    op.create_index("ix_documents_updated_at", "documents", ["updated_at"])
    op.create_table(
        "document_versions",
        sa.Column(
            "document_id", ID, sa.ForeignKey("documents.id", ondelete="CASCADE"),
            primary_key=True,
        ),
        sa.Column("version", sa.Integer, primary_key=True),
        sa.Column("payload", sa.LargeBinary, nullable=False),
        sa.Column("payload_hash", sa.String(64), nullable=False),
        sa.Column("saved_at", TS, nullable=False),
    )
    op.create_table(
        "audit_log",
        sa.Column("seq", sa.Integer, primary_key=True, autoincrement=False),
        sa.Column("at", TS, nullable=False),
        sa.Column("actor", sa.String(128), nullable=False),
        sa.Column("action", sa.String(64), nullable=False),
        sa.Column("document_id", ID, nullable=True),
        sa.Column("patient_id", ID, nullable=True),
        sa.Column("detail", sa.Text, nullable=False, server_default=sa.text("'{}'")),
        sa.Column("prev_hash", sa.String(64), nullable=False),
        sa.Column("hash", sa.String(64), nullable=False),
    )
    for ddl in TRIGGERS:
        op.execute(ddl)


def downgrade() -> None:
    for name in TRIGGER_NAMES:
        op.execute(f"DROP TRIGGER IF EXISTS {name}")
    for table in (
        "audit_log", "document_versions", "documents", "patients", "settings", "practitioner"
    ):
        op.drop_table(table)
