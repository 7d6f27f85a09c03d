"""Rewrite stored drafts to the issue-12 shape of ``fitnote/1``.

Revision ID: 0004
Revises: 0003
Create Date: 2026-11-29

The model now speaks KMEHR's own code values (one ``incapacity_for``, ``swim``,
``employed``, a hospital stay instead of the reason ``hospitalisation``, a principal
diagnosis). Drafts are still being edited, so their payload is rewritten once, here, to
the canonical bytes of the upgraded document, and the rewrite is kept as a new version
(versions are immutable: the old ones stay readable through the decoder's upgrade).
Signed payloads are never touched: their bytes are what was signed; the decoder reads
them through ``canonical.upgrade_legacy``.

The domain decoder is used on purpose: it is pure, and ``upgrade_legacy`` is the one
definition of the old shape. A draft that does not decode is left as it was (the editor
reports it), never dropped.
"""

from __future__ import annotations

import hashlib
import json
from datetime import UTC, datetime

import sqlalchemy as sa
from alembic import op

revision = "0004"
down_revision = "0003"
branch_labels = None
depends_on = None


def upgrade() -> None:
    from fitnote_desktop.domain import canonical

    conn = op.get_bind()
    drafts = conn.execute(
        sa.text("SELECT id, payload, current_version FROM documents WHERE status = 'draft'")
    ).all()
    saved_at = datetime.now(UTC).isoformat(timespec="microseconds")
    for doc_id, payload, version in drafts:
        raw = bytes(payload)
        try:
            upgraded = canonical.canonical_bytes(canonical.from_dict(json.loads(raw)))
        except (ValueError, UnicodeDecodeError):
            continue
        if upgraded == raw:
            continue
        digest = hashlib.sha256(upgraded).hexdigest()
        conn.execute(
            sa.text(
                "INSERT INTO document_versions (document_id, version, payload, payload_hash, "
                "saved_at) VALUES (:id, :version, :payload, :hash, :saved_at)"
            ),
            {
                "id": doc_id,
                "version": version + 1,
                "payload": upgraded,
                "hash": digest,
                "saved_at": saved_at,
            },
        )
        conn.execute(
            sa.text(
                "UPDATE documents SET payload = :payload, payload_hash = :hash, "
                "current_version = :version WHERE id = :id"
            ),
            {"id": doc_id, "payload": upgraded, "hash": digest, "version": version + 1},
        )


def downgrade() -> None:
    """Nothing to undo in the schema; the previous versions of each draft are kept."""
