"""What a route gets injected: the endpoint's context, a database session, the caller.

``create_app`` puts one :class:`EndpointContext` on ``app.state``; routes receive it and
what derives from it through FastAPI's dependency injection (``Context``, ``Db``,
``Auth``), so a route module needs no closure over the app and can be read alone.

No ``from __future__ import annotations`` here or in the route modules: FastAPI resolves
the ``Annotated`` dependency aliases at route definition time.
"""

import hashlib
from collections.abc import Iterator
from dataclasses import dataclass
from typing import Annotated, Any

from asn1crypto import x509
from fastapi import Depends, Request
from fastapi.security import HTTPAuthorizationCredentials, HTTPBearer
from sqlalchemy.orm import Session as DbSession
from sqlalchemy.orm import sessionmaker

from fitnote_desktop.endpoint import repository
from fitnote_desktop.endpoint.errors import ApiError
from fitnote_desktop.endpoint.settings import EndpointSettings

bearer = HTTPBearer(auto_error=False, description="Session token from POST /v1/auth/session")


@dataclass(frozen=True)
class EndpointContext:
    """Per-app state shared by every request: settings, sessions, trust store as DER.

    asn1crypto objects parse lazily and are not safe to share between threads (a
    concurrent first ``dump()`` corrupts their state), so the trust store is kept as DER
    captured before any thread exists, and every request loads its own copies.
    """

    settings: EndpointSettings
    sessions: sessionmaker[Any]
    roots_der: tuple[bytes, ...]
    intermediates_der: tuple[bytes, ...]

    @classmethod
    def build(cls, settings: EndpointSettings, sessions: sessionmaker[Any]) -> "EndpointContext":
        return cls(
            settings=settings,
            sessions=sessions,
            roots_der=tuple(c.dump() for c in settings.trust_roots),
            intermediates_der=tuple(c.dump() for c in settings.intermediates),
        )

    def trust_roots(self) -> list[x509.Certificate]:
        return [x509.Certificate.load(d) for d in self.roots_der]

    def intermediates(self) -> list[x509.Certificate]:
        return [x509.Certificate.load(d) for d in self.intermediates_der]


@dataclass(frozen=True)
class Caller:
    """The logged-in practitioner of a request."""

    niss: str
    riziv: str
    role: str


def get_context(request: Request) -> EndpointContext:
    context: EndpointContext = request.app.state.context
    return context


Context = Annotated[EndpointContext, Depends(get_context)]


def get_db(context: Context) -> Iterator[DbSession]:
    with context.sessions() as session:
        yield session


Db = Annotated[DbSession, Depends(get_db)]


def current_caller(
    dbs: Db,
    context: Context,
    credentials: Annotated[HTTPAuthorizationCredentials | None, Depends(bearer)],
) -> Caller:
    if credentials is None or not credentials.credentials:
        raise ApiError("auth.required", headers={"WWW-Authenticate": "Bearer"})
    token_hash = hashlib.sha256(credentials.credentials.encode("utf-8", "replace")).hexdigest()
    with dbs.begin():
        row = repository.session_by_token_hash(dbs, token_hash)
    if row is None:
        raise ApiError("auth.session_invalid", headers={"WWW-Authenticate": "Bearer"})
    if row.expires_at <= context.settings.clock():
        raise ApiError("auth.session_expired", headers={"WWW-Authenticate": "Bearer"})
    return Caller(row.niss, row.riziv, row.role)


Auth = Annotated[Caller, Depends(current_caller)]
