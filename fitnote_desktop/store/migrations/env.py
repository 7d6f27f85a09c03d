"""Alembic environment: always run on a connection the store hands over, never from a URL.

The store opens the encrypted database itself (the key never goes into a URL or an ini
file), begins a write transaction and passes the connection in
``config.attributes["connection"]``. SQLite DDL is transactional, so a failed upgrade
rolls back as a whole.
"""

from __future__ import annotations

from alembic import context

from fitnote_desktop.store.schema import metadata

connection = context.config.attributes.get("connection")
if connection is None:  # pragma: no cover - guard against `alembic upgrade` from a shell
    raise RuntimeError(
        "fitnote-desktop migrations run through fitnote_desktop.store.migrations only"
    )

context.configure(
    connection=connection,
    target_metadata=metadata,
    render_as_batch=True,
    compare_type=True,
)
with context.begin_transaction():
    context.run_migrations()
