"""Indexes for the sick-leave worklist: documents by end of period, and by patient.

Revision ID: 0007
Revises: 0006
Create Date: 2026-11-29

The worklist (home screen) finds the patients with a certificate or recognition not
ended before today, then reads the dates of all their certificates. Both indexes cover
their query (every column it reads is in the index), so the encrypted table pages of
the documents (a few kB each, decrypted page by page) are not read at all; without them
the home screen of a large practice read every document.
"""

from __future__ import annotations

from alembic import op

revision = "0007"
down_revision = "0006"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_index(
        "ix_documents_kind_period_end", "documents", ["kind", "period_end", "status", "patient_id"]
    )
    op.create_index(
        "ix_documents_patient_episode",
        "documents",
        ["patient_id", "kind", "status", "period_begin", "period_end", "id"],
    )


def downgrade() -> None:
    op.drop_index("ix_documents_patient_episode", table_name="documents")
    op.drop_index("ix_documents_kind_period_end", table_name="documents")
