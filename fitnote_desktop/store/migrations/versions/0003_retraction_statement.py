"""Keep the signed retraction statement of a document.

Revision ID: 0003
Revises: 0002
Create Date: 2026-11-24

A retraction is signed locally (the physician's PIN, possibly offline) and queued in the
outbox like a submission. Until this revision the signed statement lived only in memory,
so a retraction queued offline had to be signed again after a restart; now it is kept
with the document, encrypted like everything else, until the endpoint has it.
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0003"
down_revision = "0002"
branch_labels = None
depends_on = None


# Plain ALTER TABLE, not a batch (copy-and-move) operation: SQLite adds and drops a
# nullable column in place, and rebuilding ``documents`` would drop its immutability
# triggers and trip the foreign keys that point at it.


def upgrade() -> None:
    op.add_column("documents", sa.Column("retraction", sa.LargeBinary, nullable=True))


def downgrade() -> None:
    op.drop_column("documents", "retraction")
