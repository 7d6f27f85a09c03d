"""The worklist's per-patient index covers the two payload fields it shows.

Revision ID: 0008
Revises: 0007
Create Date: 2026-11-29

The home screen reads, for every patient on sick leave, the dates of all their issued
certificates and recognitions, plus two payload fields: the current certificate's
fit-note answer and a recognition's start of the primary incapacity. With 0007's index
the dates came from the index but each of those two fields cost a seek into the
document's row (encrypted pages of a few kB) and a JSON parse: over half of the query's
time (profile of ``worklist.ms``: 17 ms of CPU, 8 ms with this index).

``ix_documents_worklist`` replaces ``ix_documents_patient_episode``: the same columns,
ordered by patient and start, plus the two ``json_extract`` expressions (SQLite reads an
indexed expression's value from the index instead of computing it). It is partial: only
issued certificates and recognitions are in it, so an autosaved draft (its payload
rewritten at every save) never computes the expressions. The ``WHERE`` terms are the
worklist query's own (``store.worklist``), which is how SQLite knows the index holds
every row the query can want; signed payloads never change, so the values stay true.
"""

from __future__ import annotations

from alembic import op

revision = "0008"
down_revision = "0007"
branch_labels = None
depends_on = None

CREATE_WORKLIST_INDEX = """
CREATE INDEX ix_documents_worklist ON documents (
    patient_id, period_begin, kind, status, period_end, id,
    json_extract(CAST(payload AS TEXT), '$.body.fit_note.status'),
    json_extract(CAST(payload AS TEXT), '$.body.incapacity_since')
)
WHERE kind IN ('incapacity', 'invalidity-recognition')
  AND status IN ('signed', 'queued', 'sent', 'accepted', 'rejected')
"""


def upgrade() -> None:
    op.execute(CREATE_WORKLIST_INDEX)
    op.drop_index("ix_documents_patient_episode", table_name="documents")


def downgrade() -> None:
    op.create_index(
        "ix_documents_patient_episode",
        "documents",
        ["patient_id", "kind", "status", "period_begin", "period_end", "id"],
    )
    op.drop_index("ix_documents_worklist", table_name="documents")
