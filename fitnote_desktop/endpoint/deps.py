"""What a route gets injected: the endpoint's context, a database session, the caller.

``create_app`` puts one :class:`EndpointContext` on ``app.state``; routes receive it and
what derives from it through FastAPI's dependency injection (``Context``, ``Db``,
``Auth``), so a route module needs no closure over the app and can be read alone.

No ``from __future__ import annotations`` here or in the route modules: FastAPI resolves
the ``Annotated`` dependency aliases at route definition time.

The dependencies are ``async``: FastAPI runs a plain ``def`` dependency in its thread pool,
one thread hand-off each (with its event-loop wake-up) per request, for work that never
blocks here: reading ``app.state``, creating a database session (it connects lazily, in
the route's thread, and has given its connection back when a route's ``with
dbs.begin():`` ends), and a session look-up that the cache answers. Only a cache miss
reads the database, in the thread pool.
"""

import hashlib
from collections.abc import AsyncIterator, Sequence
from dataclasses import dataclass, field
from typing import Annotated, Any

from asn1crypto import x509
from fastapi import Depends, Request
from fastapi.security import HTTPAuthorizationCredentials, HTTPBearer
from sqlalchemy.engine import Engine
from sqlalchemy.orm import Session as DbSession
from sqlalchemy.orm import sessionmaker
from starlette.concurrency import run_in_threadpool

from fitnote_desktop.endpoint import repository
from fitnote_desktop.endpoint.db import session_factory
from fitnote_desktop.endpoint.errors import ApiError
from fitnote_desktop.endpoint.mirror import MirrorCache
from fitnote_desktop.endpoint.repository import SessionRow
from fitnote_desktop.endpoint.session_cache import SessionCache
from fitnote_desktop.endpoint.settings import EndpointSettings
from fitnote_desktop.endpoint.submit_sql import SubmitSql
from fitnote_desktop.signing.chain_cache import TrustAnchors

bearer = HTTPBearer(auto_error=False, description="Session token from POST /v1/auth/session")


@dataclass(frozen=True)
class Caller:
    """The logged-in practitioner of a request."""

    niss: str
    riziv: str
    role: str


@dataclass(frozen=True)
class EndpointContext:
    """Per-app state shared by every request: settings, database, trust store as DER.

    ``submit_sql`` runs the per-document submit path on the engine's driver connections
    (``endpoint.submit_sql``); ``sessions`` (ORM sessions on the same engine) the rest.

    asn1crypto objects parse lazily and are not safe to share between threads (a
    concurrent first ``dump()`` corrupts their state), so the trust store is kept as DER
    captured before any thread exists, and every request loads its own copies (the trust
    anchors' fingerprints, which the signature check's cache key needs, are computed once:
    ``signing.chain_cache.TrustAnchors``).
    ``callers`` remembers recently read login sessions (``endpoint.session_cache``).
    """

    settings: EndpointSettings
    submit_sql: SubmitSql
    sessions: sessionmaker[Any]
    roots: TrustAnchors
    intermediates_der: tuple[bytes, ...]
    callers: SessionCache[Caller] = field(default_factory=SessionCache)
    mirror: MirrorCache = field(default_factory=lambda: MirrorCache(60.0))

    @classmethod
    def build(cls, settings: EndpointSettings, engine: Engine) -> "EndpointContext":
        return cls(
            settings=settings,
            submit_sql=SubmitSql(engine),
            sessions=session_factory(engine),
            roots=TrustAnchors(settings.trust_roots),
            intermediates_der=tuple(c.dump() for c in settings.intermediates),
            callers=SessionCache(settings.session_cache_ttl),
            mirror=MirrorCache(settings.mirror_cache_ttl.total_seconds()),
        )

    def trust_roots(self) -> Sequence[x509.Certificate]:
        """The trust anchors; each access to one loads a fresh copy."""
        return self.roots

    def intermediates(self) -> list[x509.Certificate]:
        return [x509.Certificate.load(d) for d in self.intermediates_der]


async def get_context(request: Request) -> EndpointContext:
    context: EndpointContext = request.app.state.context
    return context


Context = Annotated[EndpointContext, Depends(get_context)]


async def get_db(context: Context) -> AsyncIterator[DbSession]:
    with context.sessions() as session:
        yield session


Db = Annotated[DbSession, Depends(get_db)]


async def current_caller(
    context: Context,
    credentials: Annotated[HTTPAuthorizationCredentials | None, Depends(bearer)],
) -> Caller:
    """The logged-in caller, from the session cache or (on a miss) the database.

    No ``Db`` dependency: a generator dependency costs every request an exit stack, and
    most requests are answered from the cache; a miss opens its own session."""
    if credentials is None or not credentials.credentials:
        raise ApiError("auth.required", headers={"WWW-Authenticate": "Bearer"})
    token_hash = token_sha256(credentials.credentials)
    now = context.settings.clock()
    cached = context.callers.get(token_hash, now)
    if cached is not None:
        return cached
    row = await run_in_threadpool(_read_session, context, token_hash)
    if row is None:
        raise ApiError("auth.session_invalid", headers={"WWW-Authenticate": "Bearer"})
    if row.expires_at <= now:
        raise ApiError("auth.session_expired", headers={"WWW-Authenticate": "Bearer"})
    caller = Caller(row.niss, row.riziv, row.role)
    context.callers.put(token_hash, caller, row.expires_at, now)
    return caller


def token_sha256(token: str) -> str:
    """The key of a bearer token in the ``sessions`` table and in the session cache."""
    return hashlib.sha256(token.encode("utf-8", "replace")).hexdigest()


def _read_session(context: EndpointContext, token_hash: str) -> SessionRow | None:
    with context.sessions() as dbs, dbs.begin():
        return repository.session_by_token_hash(dbs, token_hash)


Auth = Annotated[Caller, Depends(current_caller)]
