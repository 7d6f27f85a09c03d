"""The eID authentication certificate of the browser, from uvicorn's TLS connection.

uvicorn (0.54) does not put the TLS details in the ASGI scope, and Starlette has no
accessor for the peer certificate. The HTTPS port asks for a client certificate
(``CERT_OPTIONAL`` with the trust store: a browser without an eID card, and the desktop
app's API client, still connect), and this protocol adds what the handshake yielded to
every request of the connection as the ASGI TLS extension
(``scope["extensions"]["tls"]["client_cert_chain"]``, PEM strings, leaf first). Python's
``ssl`` exposes the leaf only; the desk validates it with the trust store's roots and
intermediates (``endpoint.trust.check_login_certificate``) before believing its NISS.
"""

from __future__ import annotations

import asyncio
import ssl
from typing import Any

from starlette.types import ASGIApp, Receive, Scope, Send

from fitnote_desktop.endpoint.coalesce import CoalescingHttpProtocol


def _with_client_certificate(app: ASGIApp, pem: str) -> ASGIApp:
    async def wrapped(scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] == "http":
            extensions = dict(scope.get("extensions") or {})
            extensions["tls"] = {"client_cert_chain": [pem]}
            scope = {**scope, "extensions": extensions}
        await app(scope, receive, send)

    return wrapped


class ClientCertificateProtocol(CoalescingHttpProtocol):
    """The endpoint's protocol (``endpoint.coalesce``) with the peer certificate."""

    app: ASGIApp  # set by uvicorn's protocol, once per connection

    def connection_made(self, transport: asyncio.Transport) -> None:  # type: ignore[override]
        super().connection_made(transport)
        ssl_object: Any = transport.get_extra_info("ssl_object")
        der = ssl_object.getpeercert(binary_form=True) if ssl_object is not None else None
        if der:
            self.app = _with_client_certificate(self.app, ssl.DER_cert_to_PEM_cert(der))


def client_certificate_pem(scope: Scope) -> str | None:
    """The leaf certificate the browser presented on this connection, if any."""
    tls = (scope.get("extensions") or {}).get("tls") or {}
    chain = tls.get("client_cert_chain") or []
    return str(chain[0]) if chain else None
