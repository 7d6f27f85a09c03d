"""Outbox and receipts for the transport layer.

Revision ID: 0002
Revises: 0001
Create Date: 2026-11-23

An outbox row per (document, operation) tracks delivery: queued -> sending -> accepted |
rejected | retracted, with attempts and the next attempt time for backoff. Receipts are
the endpoint's signed acknowledgements, kept verbatim and append-only.
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0002"
down_revision = "0001"
branch_labels = None
depends_on = None

TS = sa.String(32)
ID = sa.String(36)


def upgrade() -> None:
    op.create_table(
        "outbox",
        sa.Column("id", sa.Integer, primary_key=True),
        sa.Column("document_id", ID, sa.ForeignKey("documents.id"), nullable=False),
        sa.Column("operation", sa.String(16), nullable=False, server_default=sa.text("'submit'")),
        sa.Column("status", sa.String(16), nullable=False, server_default=sa.text("'queued'")),
        sa.Column("attempts", sa.Integer, nullable=False, server_default=sa.text("0")),
        sa.Column("next_attempt_at", TS, nullable=False),
        sa.Column("last_error_code", sa.String(64), nullable=True),
        sa.Column("last_error_detail", sa.String(500), nullable=True),
        sa.Column("created_at", TS, nullable=False),
        sa.Column("updated_at", TS, nullable=False),
        sa.CheckConstraint(
            "status IN ('queued','sending','accepted','rejected','retracted')",
            name="ck_outbox_status",
        ),
        sa.CheckConstraint("operation IN ('submit','retract')", name="ck_outbox_operation"),
    )
    op.create_index(
        "ux_outbox_document_operation", "outbox", ["document_id", "operation"], unique=True
    )
    op.create_index("ix_outbox_status_next", "outbox", ["status", "next_attempt_at"])
    op.create_table(
        "receipts",
        sa.Column("id", sa.Integer, primary_key=True),
        sa.Column("document_id", ID, sa.ForeignKey("documents.id"), nullable=False),
        sa.Column("operation", sa.String(16), nullable=False, server_default=sa.text("'submit'")),
        sa.Column("status", sa.String(16), nullable=False),
        sa.Column("receipt", sa.LargeBinary, nullable=False),
        sa.Column("payload_hash", sa.String(64), nullable=False),
        sa.Column("received_at", TS, nullable=False),
    )
    op.create_index("ix_receipts_document_id", "receipts", ["document_id"])
    op.execute(
        """
        CREATE TRIGGER receipts_no_update BEFORE UPDATE ON receipts
        BEGIN SELECT RAISE(ABORT, 'store.receipt_immutable'); END
        """
    )
    op.execute(
        """
        CREATE TRIGGER receipts_no_delete BEFORE DELETE ON receipts
        BEGIN SELECT RAISE(ABORT, 'store.receipt_immutable'); END
        """
    )


def downgrade() -> None:
    op.execute("DROP TRIGGER IF EXISTS receipts_no_update")
    op.execute("DROP TRIGGER IF EXISTS receipts_no_delete")
    op.drop_table("receipts")
    op.drop_table("outbox")
