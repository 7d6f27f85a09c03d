"""The hot route's short way in: ``PUT /v1/documents/{id}`` without FastAPI's machinery.

A physician's laptop sends its documents one after the other on one session; for each,
FastAPI resolves four dependencies, parses the body into a pydantic model and walks its
router and exception middleware: about a millisecond of CPU per document, as much as
verifying its signature (issue 14's profiles). :class:`SubmitFast` (pure ASGI middleware,
inside ``BodySizeLimit``) answers the common case itself through the route's own
:func:`~fitnote_desktop.endpoint.routes.documents.submit_envelope`:

* the path's id is a UUID in its canonical (lower-case, hyphenated) spelling;
* ``Authorization: Bearer <token>`` names a session the session cache holds;
* the body is a JSON object whose ``payload`` and ``signature`` are strings that the
  ``EnvelopeIn`` model accepts (``Content-Type: application/json``).

On a SQLite database the submission runs on the event loop's own thread, not in the
thread pool. Its work is CPU under the GIL (signature, rules, receipt) and a short write
to a local file, so the pool's threads could not run it in parallel anyway: they only
added a hand-off there and back and GIL switches between the submissions in flight,
0.6-0.8 ms of CPU per document (issue 14's profiles). A write lock held by another
thread or process is waited for with the GIL released (SQLite's busy handler), so the
holder finishes; the price is that a long wait (a purge writing beside the server) holds
up this process's other connections too, not only this one. On PostgreSQL every
statement waits for the network: there the submission keeps its worker thread, so that
the loop serves others meanwhile.

Anything else (a first request after login, a stale cache entry, a malformed envelope,
another route) goes on to FastAPI unchanged, the body replayed as it came, so every
refusal there keeps its code, status and wording. Refusals of ``submit_envelope`` are
answered as the app's ``ApiError`` handler answers them; any other exception goes up to
the app's server-error middleware, as it would from the route.
"""

from __future__ import annotations

import json
import logging
import uuid

from starlette.concurrency import run_in_threadpool
from starlette.types import ASGIApp, Message, Receive, Scope, Send

from fitnote_desktop.endpoint.deps import Caller, EndpointContext, token_sha256
from fitnote_desktop.endpoint.errors import ApiError
from fitnote_desktop.endpoint.routes.documents import submit_envelope
from fitnote_desktop.wire.routes import API_PREFIX

log = logging.getLogger("fitnote.endpoint")

_PREFIX = f"{API_PREFIX}/documents/"
_CANONICAL_UUID_LENGTH = 36
_B64_MAX = 1_000_000  # schemas.B64's max_length


class SubmitFast:
    """Answers well-formed submissions of cached sessions; passes everything else on."""

    def __init__(self, app: ASGIApp, context: EndpointContext) -> None:
        self.app = app
        self.context = context

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        document_id = _document_id(scope)
        caller = None if document_id is None else self._caller(scope)
        if document_id is None or caller is None:
            await self.app(scope, receive, send)
            return
        messages, body = await _read_body(receive)
        envelope = _envelope(body) if body is not None else None
        if envelope is None:
            await self.app(scope, _replay(messages, receive), send)
            return
        try:
            if self.context.submit_sql.local:
                response = submit_envelope(self.context, document_id, *envelope, caller)
            else:
                response = await run_in_threadpool(
                    submit_envelope, self.context, document_id, *envelope, caller
                )
        except ApiError as exc:
            log.info("%s %s -> %s", scope["method"], scope["path"], exc.code)
            response = exc.response()
        await response(scope, receive, send)

    def _caller(self, scope: Scope) -> Caller | None:
        """The caller of a cached session with a JSON body, or ``None`` (FastAPI decides)."""
        headers: dict[bytes, bytes] = {}
        for name, value in scope["headers"]:
            headers.setdefault(name, value)  # the first of each, as Starlette reads them
        authorization = headers.get(b"authorization", b"")
        content_type = headers.get(b"content-type", b"").split(b";", 1)[0]
        if content_type.strip().lower() != b"application/json":
            return None
        if not authorization.startswith(b"Bearer ") or not authorization.isascii():
            return None
        token = authorization[7:].strip().decode()  # as HTTPBearer reads it
        if not token:
            return None
        return self.context.callers.get(token_sha256(token), self.context.settings.clock())


def _document_id(scope: Scope) -> uuid.UUID | None:
    """The id of a ``PUT /v1/documents/{id}`` in canonical spelling, else ``None``."""
    if scope["type"] != "http" or scope["method"] != "PUT":
        return None
    path: str = scope["path"]
    if not path.startswith(_PREFIX) or len(path) != len(_PREFIX) + _CANONICAL_UUID_LENGTH:
        return None
    text = path[len(_PREFIX) :]
    try:
        document_id = uuid.UUID(text)
    except ValueError:
        return None
    return document_id if str(document_id) == text else None


async def _read_body(receive: Receive) -> tuple[list[Message], bytes | None]:
    """Every message received, and the whole body (``None`` if the client went away)."""
    messages: list[Message] = []
    chunks: list[bytes] = []
    while True:
        message = await receive()
        messages.append(message)
        if message["type"] != "http.request":
            return messages, None
        chunks.append(message.get("body", b""))
        if not message.get("more_body", False):
            return messages, b"".join(chunks)


def _envelope(body: bytes) -> tuple[str, str] | None:
    """``(payload, signature)`` when ``EnvelopeIn`` would accept the body as they are."""
    try:
        data = json.loads(body)
    except ValueError:
        return None
    if not isinstance(data, dict):
        return None
    payload, signature = data.get("payload"), data.get("signature")
    if not (_b64_text(payload) and _b64_text(signature)):
        return None
    return payload, signature  # type: ignore[return-value]


def _b64_text(value: object) -> bool:
    """A string ``schemas.B64`` accepts unchanged (ASCII, so UTF-8 encodable; no NUL)."""
    return (
        isinstance(value, str)
        and 0 < len(value) <= _B64_MAX
        and value.isascii()
        and "\x00" not in value
    )


def _replay(messages: list[Message], receive: Receive) -> Receive:
    """A ``receive`` that gives ``messages`` again, then the connection's own."""
    pending = list(messages)

    async def replayed() -> Message:
        return pending.pop(0) if pending else await receive()

    return replayed
