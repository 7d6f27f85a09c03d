"""A local copy of the questions about this physician's documents (issue 16).

Revision ID: 0005
Revises: 0004
Create Date: 2026-11-29

``questions`` and ``unread_threads`` are a cache of the endpoint's questions and unread
thread messages per document, replaced at every refresh, so that the worklist and the
patient page show them offline. ``question_completions`` links a question to the
replacing certificate that answers it once the endpoint has accepted that certificate:
it must survive a restart, hence the table.
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0005"
down_revision = "0004"
branch_labels = None
depends_on = None

TS = sa.String(32)
ID = sa.String(36)


def upgrade() -> None:
    op.create_table(
        "questions",
        sa.Column("id", ID, primary_key=True),
        sa.Column("document_id", ID, nullable=False),
        sa.Column("question_type", sa.String(32), nullable=False),
        sa.Column("body", sa.Text, nullable=False),
        sa.Column("asked_by_role", sa.String(32), nullable=False),
        sa.Column("asked_at", TS, nullable=False),
        sa.Column("answer_by", sa.Date, nullable=False),
        sa.Column("state", sa.String(16), nullable=False),
        sa.Column("answer", sa.Text, nullable=True),
        sa.Column("answered_at", TS, nullable=True),
        sa.Column("replacement_document_id", ID, nullable=True),
    )
    op.create_index("ix_questions_document_id", "questions", ["document_id"])
    op.create_table(
        "unread_threads",
        sa.Column("document_id", ID, primary_key=True),
        sa.Column("unread", sa.Integer, nullable=False),
    )
    op.create_table(
        "question_completions",
        sa.Column("question_id", ID, primary_key=True),
        sa.Column("replacement_document_id", ID, nullable=False),
        sa.Column("body", sa.Text, nullable=False),
        sa.Column("created_at", TS, nullable=False),
    )


def downgrade() -> None:
    op.drop_table("question_completions")
    op.drop_table("unread_threads")
    op.drop_index("ix_questions_document_id", table_name="questions")
    op.drop_table("questions")
