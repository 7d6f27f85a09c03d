"""Error responses: ``{"code", "detail", "field"}`` with the stable codes of ``wire.errors``.

Every error the app returns goes through here, including FastAPI's own validation and
routing errors, so that clients only ever see documented codes. FastAPI's default 422
body echoes the offending *input*, which could be medical content or a NISS: it is
replaced by the field path only. Unexpected exceptions become ``server.error`` without
any detail; the log line names the exception type and the route, never the body.
"""

from __future__ import annotations

import json
import logging
from typing import Any

from fastapi import FastAPI, Request
from fastapi.exceptions import RequestValidationError
from fastapi.responses import JSONResponse
from pydantic import BaseModel
from starlette.exceptions import HTTPException as StarletteHTTPException
from starlette.types import ASGIApp, Message, Receive, Scope, Send

from fitnote_desktop.wire.errors import ERRORS
from fitnote_desktop.wire.routes import API_PREFIX

log = logging.getLogger("fitnote.endpoint")


class FindingOut(BaseModel):
    code: str
    field: str


class ErrorOut(BaseModel):
    """The body of every error response."""

    code: str
    detail: str
    field: str | None = None
    findings: list[FindingOut] | None = None


class ApiError(Exception):
    """Raise from a route to answer with a documented error code."""

    def __init__(
        self,
        code: str,
        detail: str | None = None,
        *,
        field: str | None = None,
        findings: list[dict[str, str]] | None = None,
        headers: dict[str, str] | None = None,
    ) -> None:
        spec = ERRORS[code]  # KeyError here = an undocumented code: a bug, caught by tests
        super().__init__(code)
        self.code = code
        self.status = spec.http_status
        self.detail = detail or spec.meaning
        self.field = field
        self.findings = findings
        self.headers = headers

    def response(self) -> JSONResponse:
        body: dict[str, Any] = {"code": self.code, "detail": self.detail, "field": self.field}
        if self.findings is not None:
            body["findings"] = self.findings
        return JSONResponse(body, status_code=self.status, headers=self.headers)


def error_responses(*codes: str) -> dict[int | str, dict[str, Any]]:
    """OpenAPI ``responses`` for a route: each status with the codes it may carry.

    Every route may also answer the generic request and server errors, so those are
    always listed (schemathesis checks that every status returned is documented).
    """
    generic = (
        "request.malformed",
        "request.invalid",
        "request.too_large",
        "server.error",
        "server.unavailable",
    )
    by_status: dict[int, set[str]] = {}
    for code in (*codes, *generic):
        by_status.setdefault(ERRORS[code].http_status, set()).add(code)
    return {
        status: {"model": ErrorOut, "description": "Error: " + ", ".join(sorted(cs))}
        for status, cs in sorted(by_status.items())
    }


def _field_path(loc: tuple[Any, ...]) -> str:
    parts = [str(p) for p in loc if p not in ("body", "query", "path", "header")]
    return ".".join(parts)


def install_error_handlers(app: FastAPI) -> None:
    @app.exception_handler(ApiError)
    async def _api_error(request: Request, exc: ApiError) -> JSONResponse:
        log.info("%s %s -> %s", request.method, request.url.path, exc.code)
        return exc.response()

    @app.exception_handler(RequestValidationError)
    async def _validation(request: Request, exc: RequestValidationError) -> JSONResponse:
        errors = exc.errors()
        first = errors[0] if errors else {}
        loc = tuple(first.get("loc", ()))
        field = _field_path(loc) or None
        kind = str(first.get("type", ""))
        code = (
            "request.malformed"
            if kind in ("json_invalid", "model_attributes_type")
            else ("request.invalid")
        )
        if kind == "missing" and loc == ("body",):
            code = "request.malformed"
        if loc[:1] == ("body",):
            # A bad envelope is the submission's (or retraction's) own malformation.
            path, method = request.url.path, request.method
            if method == "PUT" and path.startswith(f"{API_PREFIX}/documents/"):
                code = "submit.malformed"
            elif method == "POST" and path.endswith("/retraction"):
                code = "retract.malformed"
        # never echo the input: only the field path and pydantic's error type
        return ApiError(code, f"{kind or 'invalid'} at {field or 'body'}", field=field).response()

    @app.exception_handler(StarletteHTTPException)
    async def _http(request: Request, exc: StarletteHTTPException) -> JSONResponse:
        too_large = request.scope.get(TOO_LARGE_KEY)
        if too_large:  # the size limit cut a streamed body: FastAPI reports a parse error
            return ApiError(too_large).response()
        if exc.status_code == 405:
            return ApiError("http.method_not_allowed").response()
        if exc.status_code == 404:
            return ApiError("http.not_found").response()
        if exc.status_code == 413:
            return ApiError("request.too_large").response()
        return JSONResponse(
            {"code": "request.malformed", "detail": str(exc.detail), "field": None},
            status_code=exc.status_code,
        )

    @app.exception_handler(Exception)
    async def _unexpected(request: Request, exc: Exception) -> JSONResponse:
        from sqlalchemy.exc import OperationalError

        if isinstance(exc, OperationalError):
            log.warning("%s %s: storage unavailable", request.method, request.url.path)
            return ApiError("server.unavailable").response()
        log.error("%s %s: unexpected %s", request.method, request.url.path, type(exc).__name__)
        return ApiError("server.error").response()


TOO_LARGE_KEY = "fitnote.too_large"


class BodySizeLimit:
    """Pure ASGI middleware: refuse bodies over ``limit`` bytes before they are buffered.

    Checks ``Content-Length`` up front and counts streamed (chunked) bytes as they come,
    so an abusive client cannot make the server read an unbounded body.
    """

    def __init__(self, app: ASGIApp, limit: int) -> None:
        self.app = app
        self.limit = limit

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        code = (
            "submit.too_large"
            if scope["path"].startswith(f"{API_PREFIX}/documents/") and scope["method"] == "PUT"
            else "request.too_large"
        )
        for name, value in scope.get("headers", ()):
            if name == b"content-length":
                try:
                    too_big = int(value) > self.limit
                except ValueError:
                    too_big = True
                if too_big:
                    await _drain_and_refuse(receive, send, code)
                    return

        seen = 0
        refused = False

        async def limited_receive() -> Message:
            nonlocal seen, refused
            message = await receive()
            if message["type"] == "http.request":
                seen += len(message.get("body", b""))
                if seen > self.limit:
                    refused = True
                    scope[TOO_LARGE_KEY] = code
                    raise _TooLarge
            return message

        started = False

        async def tracking_send(message: Message) -> None:
            nonlocal started
            if message["type"] == "http.response.start":
                started = True
            await send(message)

        try:
            await self.app(scope, limited_receive, tracking_send)
        except _TooLarge:
            if not started:
                await _refuse(send, code)
        except Exception:
            if refused and not started:
                await _refuse(send, code)
            else:
                raise


class _TooLarge(Exception):
    pass


async def _refuse(send: Send, code: str) -> None:
    err = ApiError(code)
    body = json.dumps({"code": code, "detail": err.detail, "field": None}).encode()
    await send(
        {
            "type": "http.response.start",
            "status": err.status,
            "headers": [
                (b"content-type", b"application/json"),
                (b"content-length", str(len(body)).encode()),
                (b"connection", b"close"),
            ],
        }
    )
    await send({"type": "http.response.body", "body": body})


async def _drain_and_refuse(receive: Receive, send: Send, code: str) -> None:
    # Answer at once; the connection is closed afterwards (Connection: close), so the
    # server does not read the announced body.
    await _refuse(send, code)
