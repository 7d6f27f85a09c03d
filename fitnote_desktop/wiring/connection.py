"""The one way to open the physician's keys and log in to the endpoint with them.

Used by the desktop app (``wiring.session``) and by every CLI command that talks to
the endpoint (``commands.send``): a :class:`SignerSession` opened from a
``SignerConfig``, then an :class:`EndpointClient` whose login signs with the
session's authentication key.

Profile settings read here (JSON in the encrypted database):

* ``signer``: ``{"kind": "pkcs12"|"pkcs11", "pkcs12_path", "pkcs12_auth_path",
  "module_path", "token_label"}``
* ``endpoint``: ``{"url", "ca_bundle", "receipt_cert"}`` (paths to PEM files)
"""

from __future__ import annotations

import threading
from collections.abc import Callable, Mapping
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, cast

from fitnote_desktop.adapters.signer import DeferredPin
from fitnote_desktop.services.ports import PinCallback, Signer

if TYPE_CHECKING:
    from fitnote_desktop.signing import SignerConfig, SignerSession
    from fitnote_desktop.transport.client import EndpointClient


@dataclass(frozen=True)
class EndpointConfig:
    url: str
    ca_bundle: Path | None
    receipt_cert: Path
    chain_pem: Path | None = None  # CA chain of the physician's certificates, if known


def signer_config(settings: Mapping[str, object]) -> SignerConfig | None:
    """The profile's ``signer`` setting, or None when it names no usable key store."""
    from fitnote_desktop.signing import SignerConfig

    raw = settings.get("signer")
    if not isinstance(raw, dict) or raw.get("kind") not in ("pkcs12", "pkcs11"):
        return None
    path = raw.get("pkcs12_path")
    auth = raw.get("pkcs12_auth_path")
    return SignerConfig(
        kind=raw["kind"],
        pkcs12_path=Path(path) if path else None,
        pkcs12_auth_path=Path(auth) if auth else None,
        module_path=raw.get("module_path") or None,
        token_label=raw.get("token_label") or None,
    )


def endpoint_config(settings: Mapping[str, object]) -> EndpointConfig | None:
    """The profile's ``endpoint`` setting, or None without a URL and receipt certificate."""
    raw = settings.get("endpoint")
    if not isinstance(raw, dict) or not raw.get("url") or not raw.get("receipt_cert"):
        return None
    ca = raw.get("ca_bundle")
    return EndpointConfig(str(raw["url"]), Path(ca) if ca else None, Path(raw["receipt_cert"]))


class LazyClient:
    """Creates the endpoint client at its first use, on whichever thread uses it.

    Building the client reads the authentication certificate's chain, which for a
    PKCS#12 file needs its password: doing that at unlock would ask a PIN before the
    physician has done anything. The outbox worker is the first user.
    """

    def __init__(self, factory: Callable[[], EndpointClient]) -> None:
        self._factory = factory
        self._client: EndpointClient | None = None
        self._lock = threading.Lock()

    def _get(self) -> EndpointClient:
        with self._lock:
            if self._client is None:
                self._client = self._factory()
            return self._client

    def __getattr__(self, name: str) -> object:
        return getattr(self._get(), name)

    def close(self) -> None:
        with self._lock:
            if self._client is not None:
                self._client.close()
                self._client = None


HOLD_SECONDS = 60.0  # a send logs in within seconds; offline, the PIN is dropped anyway


class SessionPin(DeferredPin):
    """The session's PIN callback, with one PIN prompt per send.

    Signing a document and the endpoint login that delivers it both need the physician's
    keys. Asking twice within a second (and the second time for a "login" the physician
    never asked for) is noise: the PIN that a *successful* signature took is held, in
    memory only, for the one login that follows, then dropped. It is never held after a
    failed signature (a wrong PIN must not be tried again on the card), serves one login
    only, and is forgotten after ``hold_seconds`` when no login comes (offline, or the
    endpoint session still valid).
    """

    def __init__(
        self, callback: PinCallback | None = None, *, hold_seconds: float = HOLD_SECONDS
    ) -> None:
        super().__init__(callback)
        self._hold_seconds = hold_seconds
        self._held: str | None = None
        self._timer: threading.Timer | None = None
        self._lock = threading.Lock()

    def __call__(self, purpose: str) -> str | None:
        if purpose == "authentication":
            with self._lock:
                held, self._held = self._held, None
            if held is not None:
                return held
        return super().__call__(purpose)

    def hold(self, pin: str) -> None:
        """Keep ``pin`` for the next login (called once a signature with it succeeded)."""
        with self._lock:
            self._held = pin
            if self._timer is not None:
                self._timer.cancel()
            self._timer = threading.Timer(self._hold_seconds, self.forget)
            self._timer.daemon = True
            self._timer.start()

    def forget(self) -> None:
        """Drop a held PIN (timeout, lock or quit)."""
        with self._lock:
            self._held = None
            if self._timer is not None:
                self._timer.cancel()
                self._timer = None

    @property
    def holding(self) -> bool:
        return self._held is not None


class HoldingSigner:
    """A ``Signer`` that hands the PIN of each successful signature to the session's
    :class:`SessionPin`, so that the login delivering the signed document asks nothing."""

    def __init__(self, signer: Signer, session_pin: SessionPin) -> None:
        self._signer = signer
        self._session_pin = session_pin

    def sign(self, data: bytes, pin: PinCallback) -> bytes:
        given: list[str] = []

        def asking(purpose: str) -> str | None:
            answer = pin(purpose)
            if isinstance(answer, str):
                given.append(answer)
            return answer

        signature = self._signer.sign(data, asking)
        if given:
            self._session_pin.hold(given[-1])
        given.clear()
        return signature


@dataclass
class Connection:
    """The opened keys and the endpoint client logging in with them; close both."""

    client: EndpointClient
    keys: SignerSession

    def close(self) -> None:
        try:
            self.client.close()
        finally:
            self.keys.close()


def connect(
    endpoint: EndpointConfig,
    signer: SignerConfig,
    pin: PinCallback,
    *,
    timeout: float | None = None,
    lazy: bool = False,
) -> Connection:
    """Open the key store named by ``signer`` and an endpoint client that logs in with it.

    ``lazy`` defers building the client to its first use (see :class:`LazyClient`).
    Raises the signing layer's ``SigningError`` when the keys cannot be opened, the
    transport's ``TransportError`` or ``OSError`` (unreadable receipt certificate) when
    the client cannot be built; nothing stays open then.
    """
    from fitnote_desktop.signing import open_signer

    keys = open_signer(signer, pin)

    def make() -> EndpointClient:
        from fitnote_desktop.transport.client import DEFAULT_TIMEOUT, EndpointClient
        from fitnote_desktop.transport.receipts import load_certificate

        chain = ()
        if endpoint.chain_pem is not None:
            from fitnote_desktop.signing.certificates import load_certificates

            chain = tuple(load_certificates(endpoint.chain_pem))
        return EndpointClient(
            endpoint.url,
            ca_bundle=endpoint.ca_bundle,
            receipt_certificate=load_certificate(endpoint.receipt_cert.read_bytes()),
            authenticator=keys.authenticator,
            chain=chain,
            timeout=DEFAULT_TIMEOUT if timeout is None else timeout,
        )

    if lazy:  # a proxy with the client's interface, built at its first use
        return Connection(cast("EndpointClient", LazyClient(make)), keys)
    try:
        return Connection(make(), keys)
    except BaseException:
        keys.close()
        raise
