"""An index for the sick-leave worklist: documents by kind and end of period.

Revision ID: 0005
Revises: 0004
Create Date: 2026-11-29

The worklist (home screen) first finds the patients with a certificate or recognition
not ended before today; without this index that is a scan of every document.
"""

from __future__ import annotations

from alembic import op

revision = "0005"
down_revision = "0004"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_index("ix_documents_kind_period_end", "documents", ["kind", "period_end"])


def downgrade() -> None:
    op.drop_index("ix_documents_kind_period_end", table_name="documents")
