"""HTTPS client of the TRIO-like endpoint (API v1).

Security rules, enforced here and nowhere optional:

* only ``https://`` URLs: anything else raises :class:`InsecureEndpointError` in the
  constructor, before a socket is opened;
* TLS verification always on, against the configured CA bundle (a PEM path, or an
  ``ssl.SSLContext`` built by the caller; ``None`` means the system store), with
  hostname checking; there is no parameter to turn it off;
* timeouts on every request;
* login by challenge/response with the *authentication* key, once per session: the
  token is kept in memory only and reused by every request (and every sending thread)
  until it is about to expire; a session the endpoint no longer knows (expired, revoked,
  or missing: ``auth.session_expired``, ``auth.session_invalid``, ``auth.required``) is
  renewed once, transparently;
* receipts are verified against the pinned endpoint receipt certificate before a
  submission counts as accepted.

Errors are classified for the outbox: :class:`EndpointUnavailable` (timeouts, refused
connections, 5xx, 429) and :class:`TlsVerificationError` are worth retrying later;
:class:`EndpointRejected` (4xx) is the endpoint's final answer about *this* request;
:class:`LoginFailed` is about the credentials, not the document. No exception message
carries a NISS or medical content.
"""

from __future__ import annotations

import base64
import dataclasses
import hashlib
import ssl
import threading
import urllib.request
import uuid
from collections.abc import Sequence
from dataclasses import dataclass, field
from datetime import UTC, date, datetime, timedelta
from pathlib import Path
from typing import Any

import httpx
from asn1crypto import x509

from fitnote_desktop.signing.ports import Authenticator, DocumentSigner
from fitnote_desktop.transport.receipts import ReceiptError, verify_receipt
from fitnote_desktop.wire import routes
from fitnote_desktop.wire.receipts import Receipt
from fitnote_desktop.wire.retraction import retraction_bytes
from fitnote_desktop.wire.routes import API_PREFIX

DEFAULT_TIMEOUT = httpx.Timeout(15.0, connect=5.0)
SESSION_MARGIN = timedelta(seconds=30)  # renew a little before the server's expiry
# 401 codes after which one new login is worth trying (the session, not the key, is at fault)
_RELOGIN_CODES = frozenset({"auth.session_expired", "auth.session_invalid", "auth.required"})
# httpx.Client's default headers, which the endpoint's answers were always negotiated with
_HEADERS = {
    "Accept": "*/*",
    "Accept-Encoding": "gzip, deflate",
    "Connection": "keep-alive",
    "User-Agent": "fitnote-desktop",
}


class TransportError(Exception):
    """Base class; ``code`` is stable (stored in the outbox, translated by the UI)."""

    code = "transport.error"
    retryable = False

    def __init__(self, message: str, *, code: str | None = None) -> None:
        super().__init__(message)
        if code is not None:
            self.code = code


class InsecureEndpointError(TransportError, ValueError):
    code = "transport.insecure_url"


class EndpointUnavailable(TransportError):
    """Offline, refused, timed out, or a server-side error: try again later."""

    code = "transport.unavailable"
    retryable = True


class TlsVerificationError(EndpointUnavailable):
    """The server's certificate did not verify (unknown CA, wrong name, expired).

    Retryable for the outbox (a captive portal or a proxy can cause it and go away),
    but reported with its own code so the UI can say so instead of "offline".
    """

    code = "transport.tls_failed"


class EndpointRejected(TransportError):
    """A 4xx answer: the endpoint refused this request; ``code`` is its error code."""

    def __init__(
        self,
        code: str,
        detail: str,
        *,
        status: int,
        field: str | None = None,
        findings: list[dict[str, str]] | None = None,
    ) -> None:
        super().__init__(f"{code}: {detail}", code=code)
        self.status = status
        self.detail = detail
        self.field = field
        self.findings = findings or []


class LoginFailed(EndpointRejected):
    """Login refused (unknown practitioner, certificate refused): not the document's fault."""


class ReceiptInvalid(TransportError):
    """The endpoint answered, but its receipt does not verify: never count it as sent."""

    code = "receipt.invalid"
    retryable = True


@dataclass(frozen=True)
class SubmitResult:
    """A verified receipt for a submission or retraction."""

    document_id: str
    receipt: Receipt
    receipt_bytes: bytes
    receipt_signature: bytes
    dossier_id: str
    duplicate: bool = False

    @property
    def status(self) -> str:
        return self.receipt.status


@dataclass(frozen=True)
class DocumentState:
    document_id: str
    status: str
    kind: str
    received_at: datetime
    retracted_at: datetime | None
    dossier_id: str
    payload_sha256: str


@dataclass
class _Session:
    token: str
    expires_at: datetime
    riziv: str
    role: str


def _b64(data: bytes) -> str:
    return base64.b64encode(data).decode("ascii")


def _dt(text: str | None) -> datetime | None:
    if text is None:
        return None
    return datetime.fromisoformat(text.replace("Z", "+00:00"))


def build_ssl_context(ca_bundle: str | Path | ssl.SSLContext | None) -> ssl.SSLContext:
    """A verifying TLS context: the given bundle, or the system store for ``None``."""
    if isinstance(ca_bundle, ssl.SSLContext):
        if ca_bundle.verify_mode != ssl.CERT_REQUIRED or not ca_bundle.check_hostname:
            raise InsecureEndpointError("the TLS context must verify certificates and names")
        return ca_bundle
    context = ssl.create_default_context(cafile=str(ca_bundle) if ca_bundle else None)
    context.minimum_version = ssl.TLSVersion.TLSv1_2
    return context


class EndpointClient:
    """One physician's connection to the endpoint. Thread-safe for sequential use."""

    def __init__(
        self,
        base_url: str,
        *,
        ca_bundle: str | Path | ssl.SSLContext | None,
        receipt_certificate: x509.Certificate,
        authenticator: Authenticator | None = None,
        chain: Sequence[x509.Certificate] = (),
        timeout: float | httpx.Timeout = DEFAULT_TIMEOUT,
        clock: Any = None,
    ) -> None:
        url = httpx.URL(base_url)
        if url.scheme != "https":
            raise InsecureEndpointError(
                f"refusing a non-HTTPS endpoint URL (scheme {url.scheme!r})"
            )
        self.base_url = str(url).rstrip("/")
        self.receipt_certificate = receipt_certificate
        # a private DER copy: asn1crypto objects are not safe to share between threads
        self._receipt_der = receipt_certificate.dump()
        self.authenticator = authenticator
        self._chain = list(chain) or list(getattr(authenticator, "chain", ()) or ())
        self._clock = clock or (lambda: datetime.now(UTC))
        self._session: _Session | None = None
        self._lock = threading.RLock()
        # Requests go straight to httpx's transport (its connection pool, TLS and HTTP/1.1):
        # httpx.Client's request building, URL merging, cookie jar, auth and redirect
        # layers cost about a third of the client's CPU per document (issue 14) and
        # served nothing here (no cookies, no redirects followed, the token is ours). With
        # a proxy in the environment, httpx.Client sends them, as it picks the proxy.
        context = build_ssl_context(ca_bundle)
        self._transport: httpx.Client | httpx.HTTPTransport = (
            httpx.Client(verify=context, follow_redirects=False)
            if urllib.request.getproxies()
            else httpx.HTTPTransport(verify=context)
        )
        self._timeout = (
            timeout if isinstance(timeout, httpx.Timeout) else httpx.Timeout(timeout)
        ).as_dict()

    # ------------------------------------------------------------------ plumbing

    def close(self) -> None:
        self._transport.close()

    def __enter__(self) -> EndpointClient:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    def _send(
        self,
        method: str,
        path: str,
        *,
        headers: dict[str, str] | None = None,
        json: Any = None,
        params: dict[str, str | int] | None = None,
    ) -> httpx.Response:
        """One request, its answer read whole; transport failures as :class:`TransportError`."""
        request = httpx.Request(
            method,
            f"{self.base_url}{API_PREFIX}{path}",
            params=params,
            headers={**_HEADERS, **(headers or {})},
            json=json,
            extensions={"timeout": self._timeout},
        )
        try:
            if isinstance(self._transport, httpx.Client):
                return self._transport.send(request)
            response = self._transport.handle_request(request)
            try:
                response.request = request
                response.read()
            finally:
                response.close()
            return response
        except httpx.TimeoutException:
            raise EndpointUnavailable(
                "the endpoint did not answer in time", code="transport.timeout"
            ) from None
        except httpx.ConnectError as exc:
            if _is_tls_failure(exc):
                raise TlsVerificationError(
                    "the endpoint's TLS certificate did not verify"
                ) from None
            raise EndpointUnavailable(
                "cannot connect to the endpoint", code="transport.connection_failed"
            ) from None
        except httpx.TransportError as exc:
            if _is_tls_failure(exc):
                raise TlsVerificationError(
                    "the endpoint's TLS certificate did not verify"
                ) from None
            raise EndpointUnavailable(
                f"connection problem ({type(exc).__name__})", code="transport.connection_failed"
            ) from None

    @staticmethod
    def _check(response: httpx.Response, *, login: bool = False) -> Any:
        if response.status_code < 300:
            try:
                return response.json()
            except ValueError:
                raise EndpointUnavailable(
                    "the endpoint answered with invalid JSON", code="transport.bad_response"
                ) from None
        try:
            body = response.json()
            code = str(body.get("code") or f"http.{response.status_code}")
            detail = str(body.get("detail") or "")
            fld = body.get("field")
            findings = body.get("findings") or None
        except (ValueError, AttributeError):
            code, detail, fld, findings = f"http.{response.status_code}", "", None, None
        if response.status_code >= 500 or response.status_code in (408, 429):
            raise EndpointUnavailable(f"endpoint error {response.status_code}", code=code)
        cls = LoginFailed if login else EndpointRejected
        raise cls(code, detail, status=response.status_code, field=fld, findings=findings)

    def _authorized(self, method: str, path: str, **kwargs: Any) -> Any:
        return self._authorized_status(method, path, **kwargs)[1]

    def _authorized_status(self, method: str, path: str, **kwargs: Any) -> tuple[int, Any]:
        """A request with the session token; logs in (again) when needed, once.

        Only the session handling is serialised (one login at a time, one PIN prompt);
        requests themselves may run concurrently on httpx's connection pool.
        """
        for attempt in (1, 2):
            with self._lock:
                session = self._ensure_session()
            headers = {"Authorization": f"Bearer {session.token}"}
            response = self._send(method, path, headers=headers, **kwargs)
            if response.status_code == 401 and attempt == 1:
                code = _error_code(response)
                if code in _RELOGIN_CODES:
                    with self._lock:
                        if self._session is session:
                            self._session = None
                    continue
            return response.status_code, self._check(response)
        raise AssertionError("unreachable")

    # ------------------------------------------------------------------ auth

    @property
    def logged_in(self) -> bool:
        return self._session is not None and self._session.expires_at > self._clock()

    def _ensure_session(self) -> _Session:
        if self._session is None or self._session.expires_at - SESSION_MARGIN <= self._clock():
            self.login()
        assert self._session is not None
        return self._session

    def login(self) -> str:
        """Challenge → signature with the authentication key → session. Returns the RIZIV."""
        if self.authenticator is None:
            raise LoginFailed("auth.required", "no authentication key configured", status=401)
        with self._lock:
            challenge = self._check(self._send("POST", routes.AUTH_CHALLENGE))
            nonce_b64 = str(challenge["nonce"])
            nonce = base64.b64decode(nonce_b64)
            auth = self.authenticator
            signature = auth.sign_challenge(nonce)  # asks the PIN (authentication)
            body = {
                "nonce": nonce_b64,
                "certificate": _b64(auth.authentication_certificate.dump()),
                "chain": [_b64(c.dump()) for c in self._chain],
                "algorithm": auth.algorithm,
                "signature": _b64(signature),
            }
            data = self._check(self._send("POST", routes.AUTH_SESSION, json=body), login=True)
            self._session = _Session(
                token=str(data["token"]),
                expires_at=_dt(data["expires_at"]) or self._clock(),
                riziv=str(data["riziv"]),
                role=str(data["role"]),
            )
            return self._session.riziv

    def logout(self) -> None:
        self._session = None

    # ------------------------------------------------------------------ documents

    def health(self) -> dict[str, Any]:
        return dict(self._check(self._send("GET", routes.HEALTH)))

    def submit(
        self,
        payload: bytes,
        signature: bytes,
        document_id: str | None = None,
    ) -> SubmitResult:
        """Send a signed document; returns its verified receipt.

        Idempotent: sending the same bytes again returns the same receipt
        (``duplicate=True``), which is what makes retries after a crash safe.
        """
        doc_id = document_id or _document_id(payload)
        envelope = {"payload": _b64(payload), "signature": _b64(signature)}
        status, data = self._authorized_status(
            "PUT", routes.DOCUMENT.format(document_id=doc_id), json=envelope
        )
        result = self._verified(data, doc_id, hashlib.sha256(payload).hexdigest(), "accepted")
        return dataclasses.replace(result, duplicate=status == 200)

    def retract(self, document_id: str, payload: bytes, signature: bytes) -> SubmitResult:
        """Send a signed retraction (see :func:`sign_retraction`)."""
        envelope = {"payload": _b64(payload), "signature": _b64(signature)}
        data = self._authorized(
            "POST", routes.DOCUMENT_RETRACTION.format(document_id=document_id), json=envelope
        )
        return self._verified(data, document_id, None, "retracted")

    def status(self, document_id: str) -> DocumentState:
        data = self._authorized("GET", routes.DOCUMENT.format(document_id=document_id))
        return DocumentState(
            document_id=str(data["document_id"]),
            status=str(data["status"]),
            kind=str(data["kind"]),
            received_at=_dt(data["received_at"]) or self._clock(),
            retracted_at=_dt(data.get("retracted_at")),
            dossier_id=str(data["dossier_id"]),
            payload_sha256=str(data["payload_sha256"]),
        )

    def receipt(self, document_id: str) -> SubmitResult:
        data = self._authorized("GET", routes.DOCUMENT_RECEIPT.format(document_id=document_id))
        return self._verified(data, document_id, None, "accepted")

    def _verified(
        self, data: Any, document_id: str, expected_hash: str | None, expected_status: str
    ) -> SubmitResult:
        try:
            receipt_bytes = base64.b64decode(data["receipt"], validate=True)
            signature = base64.b64decode(data["receipt_signature"], validate=True)
            pinned = x509.Certificate.load(self._receipt_der)
            receipt = verify_receipt(receipt_bytes, signature, pinned)
        except (KeyError, TypeError, ValueError) as exc:
            if isinstance(exc, ReceiptError):
                raise ReceiptInvalid(str(exc)) from None
            raise ReceiptInvalid("the receipt is missing or malformed") from None
        if str(uuid.UUID(document_id)) != receipt.document_id:
            raise ReceiptInvalid("the receipt names another document")
        if expected_hash is not None and receipt.payload_sha256 != expected_hash:
            raise ReceiptInvalid("the receipt attests other bytes than those sent")
        if receipt.status != expected_status:
            raise ReceiptInvalid("the receipt has an unexpected status")
        return SubmitResult(
            document_id=receipt.document_id,
            receipt=receipt,
            receipt_bytes=receipt_bytes,
            receipt_signature=signature,
            dossier_id=str(data.get("dossier_id", "")),
        )

    # ------------------------------------------------------------------ episodes, threads

    def episode_lookup(
        self, patient_niss: str, consent_reference: str, episode_id: str = ""
    ) -> dict[str, Any]:
        """The signed documents of a patient's episode (consent reference required)."""
        body = {
            "patient_niss": patient_niss,
            "episode_id": episode_id,
            "consent_reference": consent_reference,
        }
        return dict(self._authorized("POST", routes.EPISODE_LOOKUP, json=body))

    def mirror(self, months: int, region: str = "") -> dict[str, Any]:
        """Anonymised figures of ``region`` (default: the caller's) and of Belgium."""
        params: dict[str, str | int] = {"months": months}
        if region:
            params["region"] = region
        return dict(self._authorized("GET", routes.MIRROR, params=params))

    def dossiers(self) -> list[dict[str, Any]]:
        return list(self._authorized("GET", routes.DOSSIERS))

    def threads(self, dossier_id: str) -> list[dict[str, Any]]:
        return list(self._authorized("GET", routes.DOSSIER_THREADS.format(dossier_id=dossier_id)))

    def post_thread(
        self, dossier_id: str, subject: str, body: str, document_id: str | None = None
    ) -> dict[str, Any]:
        payload: dict[str, Any] = {"subject": subject, "body": body}
        if document_id:
            payload["document_id"] = document_id
        return dict(
            self._authorized(
                "POST", routes.DOSSIER_THREADS.format(dossier_id=dossier_id), json=payload
            )
        )

    def thread(self, thread_id: str) -> dict[str, Any]:
        return dict(self._authorized("GET", routes.THREAD.format(thread_id=thread_id)))

    def reply(self, thread_id: str, body: str, reply_to: str | None = None) -> dict[str, Any]:
        payload: dict[str, Any] = {"body": body}
        if reply_to:
            payload["reply_to"] = reply_to
        return dict(
            self._authorized(
                "POST", routes.THREAD_MESSAGES.format(thread_id=thread_id), json=payload
            )
        )

    def mark_read(self, thread_id: str) -> dict[str, Any]:
        return dict(self._authorized("POST", routes.THREAD_READ.format(thread_id=thread_id)))

    # ------------------------------------------------------------------ questions

    def questions(self) -> list[dict[str, Any]]:
        """The caller's questions: on their documents (treating) or asked by them."""
        return list(self._authorized("GET", routes.QUESTIONS))

    def ask_question(
        self, document_id: str, question_type: str, body: str, answer_by: date
    ) -> dict[str, Any]:
        payload = {
            "question_type": question_type,
            "body": body,
            "answer_by": answer_by.isoformat(),
        }
        path = routes.DOCUMENT_QUESTIONS.format(document_id=document_id)
        return dict(self._authorized("POST", path, json=payload))

    def answer_question(
        self,
        question_id: str,
        body: str,
        *,
        cannot_complete: bool = False,
        replacement_document_id: str | None = None,
    ) -> dict[str, Any]:
        """Close a question on one of the caller's documents (once)."""
        payload: dict[str, Any] = {"body": body, "cannot_complete": cannot_complete}
        if replacement_document_id:
            payload["replacement_document_id"] = replacement_document_id
        path = routes.QUESTION_ANSWER.format(question_id=question_id)
        return dict(self._authorized("POST", path, json=payload))


@dataclass(frozen=True)
class SignedRetraction:
    document_id: str
    payload: bytes
    signature: bytes = field(repr=False)


def sign_retraction(
    signer: DocumentSigner,
    document_id: str,
    reason: str = "error",
    at: datetime | None = None,
) -> SignedRetraction:
    """Build and sign (signature key, asks the PIN) a retraction statement."""
    payload = retraction_bytes(document_id, reason, at or datetime.now(UTC))
    return SignedRetraction(str(document_id), payload, signer.sign_detached(payload))


def _document_id(payload: bytes) -> str:
    import json

    try:
        return str(uuid.UUID(json.loads(payload)["id"]))
    except (ValueError, KeyError, TypeError):
        raise ValueError("the payload carries no document id") from None


def _error_code(response: httpx.Response) -> str | None:
    try:
        return str(response.json().get("code"))
    except (ValueError, AttributeError):
        return None


def _is_tls_failure(exc: BaseException) -> bool:
    seen: set[int] = set()
    current: BaseException | None = exc
    while current is not None and id(current) not in seen:
        seen.add(id(current))
        if isinstance(current, ssl.SSLCertVerificationError):
            return True
        if "CERTIFICATE_VERIFY_FAILED" in str(current):
            return True
        current = current.__cause__ or current.__context__
    return False
