"""Schema migrations (Alembic), configured in code: no alembic.ini, no URL, no key in files.

The store checks the revision with one cheap query on every open and imports Alembic
only when the database is not at :data:`HEAD` (a new profile, an older profile, or one
from a newer application version), so unlocking stays fast.

Policy (see ``profiles.py``): an older database is backed up (encrypted, same key) into
the profile's ``backups/`` folder before it is upgraded inside a single transaction; a
database whose revision this application does not know was written by a newer version
and is refused with ``store.newer_schema`` without being modified.
"""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

from sqlalchemy import text

if TYPE_CHECKING:
    from alembic.config import Config
    from sqlalchemy.engine import Connection

HEAD = "0008"
"""Revision the application writes; a test checks it is the script directory's head."""

SCRIPT_LOCATION = str(Path(__file__).resolve().parent)


def alembic_config(connection: Connection | None = None) -> Config:
    from alembic.config import Config

    cfg = Config()
    cfg.set_main_option("script_location", SCRIPT_LOCATION)
    if connection is not None:
        cfg.attributes["connection"] = connection
    return cfg


def current_revision(connection: Connection) -> str | None:
    """The database's revision, or None for an empty (brand-new) database."""
    exists = connection.execute(
        text("SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = 'alembic_version'")
    ).first()
    if exists is None:
        return None
    row = connection.execute(text("SELECT version_num FROM alembic_version")).first()
    return None if row is None else str(row[0])


def known_revisions() -> list[str]:
    """All revisions this application ships, oldest first."""
    from alembic.script import ScriptDirectory

    script = ScriptDirectory.from_config(alembic_config())
    return [rev.revision for rev in reversed(list(script.walk_revisions()))]


def script_head() -> str:
    from alembic.script import ScriptDirectory

    heads = ScriptDirectory.from_config(alembic_config()).get_heads()
    if len(heads) != 1:  # pragma: no cover - a packaging mistake, caught by tests
        raise RuntimeError("the migration history must have exactly one head")
    return heads[0]


def upgrade(connection: Connection, target: str = "head") -> None:
    """Upgrade on ``connection`` (the caller owns the transaction)."""
    from alembic import command

    command.upgrade(alembic_config(connection), target)


def downgrade(connection: Connection, target: str) -> None:
    """Downgrade on ``connection``; used by tests to build older databases."""
    from alembic import command

    command.downgrade(alembic_config(connection), target)
