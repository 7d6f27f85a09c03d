"""Mirror facts: what the mirror screen needs of each signed document, without its payload.

Revision ID: 0006
Revises: 0005
Create Date: 2026-11-29

The mirror (issue 15) counts the physician's signed certificates per pathology group.
Reading the group out of 10,000 encrypted payloads takes seconds; these two structures
make it tens of milliseconds:

* ``mirror_facts``: per signed document, its patient, kind, period, principal diagnosis
  code and system and whether it carries a fit-note. None of these changes once a
  document is signed, so a row, once written, stays true; rows are added lazily by
  ``store.mirror_facts`` for signed documents that have none yet (existing profiles fill
  theirs at the first use of the mirror).
* ``ix_documents_mirror`` on (kind, status): the count that tells whether facts are
  missing is answered from the index, without reading the wide ``documents`` rows.
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0006"
down_revision = "0005"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "mirror_facts",
        sa.Column("document_id", sa.String(36), sa.ForeignKey("documents.id"), primary_key=True),
        sa.Column("patient_id", sa.String(36), nullable=False),
        sa.Column("kind", sa.String(64), nullable=False),
        sa.Column("period_begin", sa.Date, nullable=True),
        sa.Column("period_end", sa.Date, nullable=True),
        sa.Column("diagnosis_code", sa.Text, nullable=False, server_default=sa.text("''")),
        sa.Column("diagnosis_system", sa.Text, nullable=False, server_default=sa.text("''")),
        sa.Column("fit_note", sa.Integer, nullable=False, server_default=sa.text("0")),
        sqlite_with_rowid=False,  # the rows are read in key order, no rowid needed
    )
    op.create_index("ix_documents_mirror", "documents", ["kind", "status"])


def downgrade() -> None:
    op.drop_index("ix_documents_mirror", table_name="documents")
    op.drop_table("mirror_facts")
