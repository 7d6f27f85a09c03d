"""Alembic revisions of the profile database (skipped by Alembic's loader)."""
