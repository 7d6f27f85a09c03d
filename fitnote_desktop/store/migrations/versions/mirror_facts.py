"""Mirror facts: what the mirror screen needs of each signed document, without its payload.

Revision ID: 0005
Revises: 0004
Create Date: 2026-11-29

The mirror (issue 15) counts the physician's signed certificates per pathology group.
Reading the group out of 10,000 encrypted payloads takes seconds; these two structures
make it tens of milliseconds:

* ``mirror_facts``: per signed document, the principal diagnosis code and system and
  whether it carries a fit-note. Signed payloads never change, so a row, once written,
  stays true; rows are added lazily by ``store.mirror_facts`` for signed documents that
  have none yet (existing profiles fill theirs at the first use of the mirror).
* ``ix_documents_mirror``: a covering index on the columns the mirror filters and reads,
  so that the wide ``documents`` rows (payloads inline) are not scanned.
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0005"
down_revision = "0004"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "mirror_facts",
        sa.Column("document_id", sa.String(36), sa.ForeignKey("documents.id"), primary_key=True),
        sa.Column("diagnosis_code", sa.Text, nullable=False, server_default=sa.text("''")),
        sa.Column("diagnosis_system", sa.Text, nullable=False, server_default=sa.text("''")),
        sa.Column("fit_note", sa.Integer, nullable=False, server_default=sa.text("0")),
        sqlite_with_rowid=False,  # one b-tree lookup per document in the mirror's join
    )
    op.create_index(
        "ix_documents_mirror",
        "documents",
        ["kind", "status", "period_begin", "period_end", "patient_id", "id"],
    )


def downgrade() -> None:
    op.drop_index("ix_documents_mirror", table_name="documents")
    op.drop_table("mirror_facts")
