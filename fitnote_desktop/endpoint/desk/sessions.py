"""Desk sessions: a random cookie token, only its SHA-256 in the database.

Why not the API's bearer sessions (``db.Session``): a browser session lives in a cookie,
is ended by signing out, and must be refused the moment it is deleted, so it is read
from the database on every request (no cache that could outlive the sign-out) and it
has its own table. The cookie is ``__Host-`` prefixed (the browser then insists on
Secure, Path=/ and no Domain), HttpOnly and SameSite=Strict; the row expires on its own.
"""

from __future__ import annotations

import hashlib
import secrets
from dataclasses import dataclass
from datetime import datetime, timedelta

import sqlalchemy as sa
from sqlalchemy.orm import Mapped, mapped_column
from sqlalchemy.orm import Session as DbSession

from fitnote_desktop.endpoint.db import Base, UtcDateTime

COOKIE = "__Host-fitnote-desk"
LIFETIME = timedelta(hours=8)  # one working day at the desk


class DeskSession(Base):
    """A signed-in advising or occupational physician (by the SHA-256 of the cookie)."""

    __tablename__ = "desk_sessions"
    token_sha256: Mapped[str] = mapped_column(sa.String(64), primary_key=True)
    riziv: Mapped[str] = mapped_column(sa.String(11))
    role: Mapped[str] = mapped_column(sa.String(32))
    created_at: Mapped[datetime] = mapped_column(UtcDateTime)
    expires_at: Mapped[datetime] = mapped_column(UtcDateTime, index=True)


@dataclass(frozen=True)
class DeskUser:
    """Who is at the desk, and the raw token the CSRF token derives from."""

    riziv: str
    role: str
    token: str


def token_hash(token: str) -> str:
    return hashlib.sha256(token.encode("utf-8", "replace")).hexdigest()


def open_session(dbs: DbSession, riziv: str, role: str, now: datetime) -> str:
    """Store a new session (dropping expired ones); the raw token, for the cookie only."""
    dbs.execute(sa.delete(DeskSession).where(DeskSession.expires_at < now))
    token = secrets.token_urlsafe(32)
    dbs.add(
        DeskSession(
            token_sha256=token_hash(token),
            riziv=riziv,
            role=role,
            created_at=now,
            expires_at=now + LIFETIME,
        )
    )
    return token


def current(dbs: DbSession, token: str | None, now: datetime) -> DeskUser | None:
    """The session of ``token`` if it exists and has not expired."""
    if not token:
        return None
    row = dbs.get(DeskSession, token_hash(token))
    if row is None or row.expires_at <= now:
        return None
    return DeskUser(row.riziv, row.role, token)


def close_session(dbs: DbSession, token: str) -> None:
    """Sign-out: the row goes, so the same cookie is refused from now on."""
    dbs.execute(sa.delete(DeskSession).where(DeskSession.token_sha256 == token_hash(token)))
