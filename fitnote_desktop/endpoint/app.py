"""The sandbox TRIO-like endpoint: FastAPI app factory ``create_app(settings)``.

Routes (all under ``/v1``; see ``docs/api.md`` for the error codes), one module each
under ``endpoint/routes/``:

* ``health``: ``GET /health``
* ``auth``: ``POST /auth/challenge`` → nonce; ``POST /auth/session`` → bearer token
* ``documents``: ``PUT /documents/{id}`` (signed envelope; the id is the idempotency
  key), ``GET /documents/{id}``, ``GET /documents/{id}/receipt``,
  ``POST /documents/{id}/retraction`` (signed retraction)
* ``episodes``: ``POST /episodes/lookup`` (consent reference required, audited)
* ``mirror``: ``GET /mirror`` (anonymised regional figures, ``endpoint.mirror``)
* ``threads``: ``GET /dossiers``, ``GET|POST /dossiers/{id}/threads``,
  ``GET /threads/{id}``, ``POST /threads/{id}/messages``, ``POST /threads/{id}/read``

Outside the API, two sets of HTML pages: the public verification page (``/verify``,
``routes.verify``) and the web desk of advising and occupational physicians (``/desk``,
``endpoint.desk``).

Routes are synchronous ``def``: FastAPI runs them in its thread pool, where the CPU-bound
signature checks and the blocking SQLAlchemy calls belong. What they share (settings,
database sessions, trust store) is one ``EndpointContext`` on ``app.state``, handed to
them by dependency injection (``endpoint.deps``).

Nothing medical and no NISS is logged: log lines carry the route, the error code and
at most a document UUID; what third-party libraries log is stripped of its details
(``endpoint.log_privacy``, installed here so that it holds wherever the app runs).
"""

from __future__ import annotations

from fastapi import FastAPI

from fitnote_desktop import __version__
from fitnote_desktop.endpoint import db, log_privacy, repository, synthetic, tables
from fitnote_desktop.endpoint.deps import EndpointContext
from fitnote_desktop.endpoint.desk import routes as desk
from fitnote_desktop.endpoint.errors import BodySizeLimit, install_error_handlers
from fitnote_desktop.endpoint.routes import ROUTERS, verify
from fitnote_desktop.endpoint.settings import EndpointSettings
from fitnote_desktop.endpoint.submit_fast import SubmitFast
from fitnote_desktop.wire.routes import API_PREFIX


def prepare_database(settings: EndpointSettings) -> None:
    """Create the schema and seed the registry (once, before workers start); a demo
    endpoint also gets its synthetic population (``endpoint.synthetic``) the first time."""
    engine = db.make_engine(settings.db_url, key=settings.db_key)
    try:
        tables.create_schema(engine)
        repository.seed_registry(db.session_factory(engine), settings.registry)
        if settings.synthetic_population:
            synthetic.seed_once(db.session_factory(engine), settings.clock().date())
    finally:
        engine.dispose()


def create_app(settings: EndpointSettings, *, prepare: bool = True) -> FastAPI:
    """Build the app with its own engine.

    ``prepare`` creates the schema and seeds the registry; multi-worker servers do that
    once in the parent (``prepare_database``) and pass ``prepare=False`` in each worker,
    so that workers do not race each other creating tables.
    """
    log_privacy.install()
    if prepare:
        prepare_database(settings)
    app = FastAPI(
        title="fitnote sandbox endpoint (TRIO-like)",
        version=__version__,
        description=(
            "Sandbox of the TRIO-like endpoint that receives signed incapacity "
            "certificates and fit-notes. Errors: {code, detail, field}; see docs/api.md."
        ),
    )
    app.state.context = EndpointContext.build(
        settings, db.make_engine(settings.db_url, key=settings.db_key)
    )
    install_error_handlers(app)
    app.add_middleware(SubmitFast, context=app.state.context)  # inside the size limit
    app.add_middleware(BodySizeLimit, limit=settings.max_body_bytes)
    for router in ROUTERS:
        app.include_router(router, prefix=API_PREFIX)
    verify.install(app)  # the public verification page, outside the API: /verify/{reference}
    desk.install(app)  # the web desk of advising and occupational physicians: /desk
    return app
