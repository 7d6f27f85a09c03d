"""PKCS#11 token signer: the Belgian eID through its middleware, SoftHSM2 in tests.

Built on python-pkcs11, with the mechanism pyHanko's ``PKCS11Signer`` would choose
(``use_raw_mechanism=True``: we hash, the token signs the digest – the only ECDSA mode
SoftHSM2 offers, and one the eID middleware supports for RSA and ECDSA alike), called
synchronously (``TokenKeySigner``).

Per signature: ask the PIN → open a session and log in → find the key → sign → log out and
close. No session stays logged in between signatures, so every signature is a fresh,
visible PIN entry, and a wrong PIN is always answered as ``PinIncorrect`` (a
still-logged-in session would answer ``UserAlreadyLoggedIn`` instead). Certificates are
public objects: they are read once at open time without a PIN, and the token's slot is
remembered, so a signature does not enumerate the slots again.

Why not one session for the signer's lifetime with ``CKA_ALWAYS_AUTHENTICATE`` (the eID's
signature key: ``C_Login(CKU_CONTEXT_SPECIFIC)`` after every ``C_SignInit``)? SoftHSM2 2.6
supports it, but its context-specific login costs what a session login and logout cost
(the same PIN key derivation: 3.9 ms of CPU with the signature, against 2.0 + 1.8 ms), so
it would save only the session and the key search (about 0.5 ms of 4.5). In exchange the
user would stay logged in between signatures (a key without the attribute, like the eID's
authentication key, would then sign without a PIN, and the authenticator's own login would
meet ``UserAlreadyLoggedIn``), and a failed re-authentication leaves the signing operation
active. Key handles cannot be kept either: ``C_Logout`` invalidates the handles of
private objects (PKCS#11 2.40, C_Logout).

Not covered by tests (no hardware here): a real eID card. Its middleware may show its own
PIN dialog for the signature key; readers with a PIN pad announce a protected
authentication path, in which case no PIN is asked here and the reader prompts.
"""

from __future__ import annotations

import os
import sys
import threading
from collections.abc import Callable, Iterator, Sequence
from contextlib import contextmanager, suppress
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import pkcs11
from asn1crypto import x509
from pkcs11 import Attribute, ObjectClass, TokenFlag
from pkcs11 import exceptions as p11e
from pyhanko.sign.pkcs11 import PKCS11SignatureOperationSpec, select_pkcs11_signing_params

from fitnote_desktop.signing._core import (
    ChallengeAuthenticator,
    CmsDocumentSigner,
    ask_pin,
    is_ca,
    iter_unique,
)
from fitnote_desktop.signing.cms_build import signature_mechanism
from fitnote_desktop.signing.errors import (
    CANCELLED,
    CONFIG_INVALID,
    KEY_NOT_FOUND,
    MODULE_NOT_FOUND,
    TOKEN_ERROR,
    TOKEN_LOCKED,
    TOKEN_NOT_FOUND,
    WRONG_PIN,
    SigningError,
)
from fitnote_desktop.signing.ports import (
    AUTHENTICATION_LABEL,
    SIGNATURE_LABEL,
    PinCallback,
)

# PKCS#11 login state is per token *per process*: two logins at once would collide
# (UserAlreadyLoggedIn). One lock serialises every unlock in this process.
_LOGIN_LOCK = threading.RLock()

MODULE_ENV = "FITNOTE_PKCS11_MODULE"


def default_eid_module_candidates(platform: str | None = None) -> list[str]:
    """Where the Belgian eID middleware installs its PKCS#11 module, most likely first.

    ``$FITNOTE_PKCS11_MODULE`` comes first when set. Used by ``token list`` and by the
    settings dialog to pre-fill the module path; the caller picks the first that exists
    (``find_eid_module``).
    """
    platform = platform or sys.platform
    candidates: list[str] = []
    if os.environ.get(MODULE_ENV):
        candidates.append(os.environ[MODULE_ENV])
    if platform.startswith("win"):
        system_root = os.environ.get("SYSTEMROOT", r"C:\Windows")
        candidates += [
            system_root + r"\System32\beidpkcs11.dll",
            system_root + r"\SysWOW64\beidpkcs11.dll",
            "beidpkcs11.dll",  # resolved through the DLL search path
        ]
    elif platform == "darwin":
        candidates += [
            "/Library/Belgium Identity Card/Pkcs11/beid-pkcs11.bundle/Contents/MacOS/"
            "libbeidpkcs11.dylib",
            "/usr/local/lib/beid-pkcs11.bundle/Contents/MacOS/libbeidpkcs11.dylib",
            "/usr/local/lib/libbeidpkcs11.dylib",
            "/opt/homebrew/lib/libbeidpkcs11.dylib",
        ]
    else:
        candidates += [
            "/usr/lib/x86_64-linux-gnu/libbeidpkcs11.so.0",
            "/usr/lib/x86_64-linux-gnu/libbeidpkcs11.so",
            "/usr/lib/aarch64-linux-gnu/libbeidpkcs11.so.0",
            "/usr/lib64/libbeidpkcs11.so.0",
            "/usr/lib/libbeidpkcs11.so.0",
            "/usr/lib/libbeidpkcs11.so",
            "/usr/local/lib/libbeidpkcs11.so.0",
            "/usr/local/lib/libbeidpkcs11.so",
        ]
    return candidates


def find_eid_module(platform: str | None = None) -> str | None:
    """The first installed candidate of ``default_eid_module_candidates``, or ``None``."""
    for candidate in default_eid_module_candidates(platform):
        if os.path.isabs(candidate) and Path(candidate).is_file():
            return candidate
    return None


# --------------------------------------------------------------------------- errors


def _pin_message(token: Any | None) -> str:
    """The wrong-PIN message, with the token's own retry warning when it gives one."""
    try:
        # Re-read the token info: the retry flags change with the failed login.
        fresh = token.slot.get_token() if token is not None else None
        flags = TokenFlag(fresh.flags) if fresh is not None else TokenFlag(0)
    except (p11e.PKCS11Error, ValueError, AttributeError):
        flags = TokenFlag(0)
    if flags & TokenFlag.USER_PIN_FINAL_TRY:
        return "The PIN is incorrect. One more wrong PIN locks the card."
    if flags & TokenFlag.USER_PIN_COUNT_LOW:
        # PKCS#11: "a wrong PIN was entered since the last successful login"
        return "The PIN is incorrect. Careful: the card locks after a few wrong PINs."
    return "The PIN is incorrect."


def map_pkcs11_error(exc: BaseException, *, token: Any | None = None) -> SigningError:
    """Translate a python-pkcs11 (or pyHanko PKCS#11) exception into a ``SigningError``.

    Only exception class names reach the message, never arguments, which could in
    principle echo data handed to the module.
    """
    if isinstance(exc, SigningError):
        return exc
    if isinstance(exc, p11e.PinIncorrect | p11e.PinInvalid | p11e.PinLenRange):
        return SigningError(WRONG_PIN, _pin_message(token))
    if isinstance(exc, p11e.PinLocked):
        return SigningError(TOKEN_LOCKED)
    if isinstance(exc, p11e.PinExpired):
        return SigningError(TOKEN_LOCKED, "The PIN has expired; change it with the card tools.")
    if isinstance(
        exc,
        p11e.TokenNotPresent
        | p11e.NoSuchToken
        | p11e.TokenNotRecognised
        | p11e.DeviceRemoved
        | p11e.SlotIDInvalid,
    ):
        return SigningError(TOKEN_NOT_FOUND, "The card or token was removed or is not present.")
    if isinstance(exc, p11e.FunctionCancelled):
        return SigningError(CANCELLED)
    if isinstance(exc, p11e.NoSuchKey):
        return SigningError(KEY_NOT_FOUND)
    if isinstance(exc, p11e.UserAlreadyLoggedIn):
        return SigningError(
            TOKEN_ERROR, "The card is in use by another session of this program; try again."
        )
    if isinstance(exc, p11e.PKCS11Error) and "Could not find" in str(exc):
        # pyHanko's own message for a missing key or certificate label
        return SigningError(KEY_NOT_FOUND, "The signing key was not found on the card.")
    return SigningError(TOKEN_ERROR, f"The card or token reported an error ({type(exc).__name__}).")


def load_module(module_path: str) -> Any:
    """Load (once per process) and initialise a PKCS#11 module."""
    if not module_path:
        raise SigningError(CONFIG_INVALID, "No PKCS#11 module path is configured.")
    try:
        return pkcs11.lib(str(module_path))
    except (p11e.PKCS11Error, OSError, RuntimeError):
        raise SigningError(
            MODULE_NOT_FOUND, f"PKCS#11 module not found or not loadable: {module_path}"
        ) from None


def _find_token(lib: Any, token_label: str | None) -> Any:
    try:
        tokens = [
            t
            for t in lib.get_tokens(token_label=token_label)
            if TokenFlag(t.flags) & TokenFlag.TOKEN_INITIALIZED
        ]
    except p11e.PKCS11Error as exc:
        raise map_pkcs11_error(exc) from None
    if not tokens:
        if token_label:
            raise SigningError(TOKEN_NOT_FOUND, f"No card or token labelled {token_label!r}.")
        raise SigningError(TOKEN_NOT_FOUND, "No card or token is present.")
    if len(tokens) > 1:
        raise SigningError(
            CONFIG_INVALID,
            "Several cards or tokens match; choose one by label (see 'token list').",
        )
    return tokens[0]


# --------------------------------------------------------------------------- discovery


@dataclass(frozen=True)
class TokenCertificate:
    """A certificate object on a token, as shown in the token picker."""

    label: str
    subject: str
    key_usage: tuple[str, ...]
    niss: str | None
    is_ca: bool
    certificate: x509.Certificate

    @property
    def common_name(self) -> str:
        return str(self.certificate.subject.native.get("common_name", self.subject))


@dataclass(frozen=True)
class TokenInfo:
    """One slot with a token in it (an eID card in a reader, a SoftHSM2 token)."""

    slot_id: int
    label: str
    serial: str
    manufacturer: str
    model: str
    pin_locked: bool
    protected_auth_path: bool
    certificates: tuple[TokenCertificate, ...]

    def certificate(self, label: str) -> TokenCertificate | None:
        return next((c for c in self.certificates if c.label == label), None)


def _read_certificates(session: Any) -> list[tuple[str, x509.Certificate]]:
    found: list[tuple[str, x509.Certificate]] = []
    for obj in session.get_objects({Attribute.CLASS: ObjectClass.CERTIFICATE}):
        try:
            label = str(obj[Attribute.LABEL])
        except p11e.PKCS11Error:
            label = ""
        try:
            found.append((label, x509.Certificate.load(bytes(obj[Attribute.VALUE]))))
        except (p11e.PKCS11Error, ValueError, TypeError):
            continue  # not an X.509 certificate we can read: not ours to list
    return found


def _describe(label: str, cert: x509.Certificate) -> TokenCertificate:
    from fitnote_desktop.signing.verify import certificate_niss

    usage = cert.key_usage_value
    return TokenCertificate(
        label=label,
        subject=cert.subject.human_friendly,
        key_usage=tuple(sorted(usage.native)) if usage is not None else (),
        niss=certificate_niss(cert),
        is_ca=is_ca(cert),
        certificate=cert,
    )


def list_tokens(module_path: str) -> list[TokenInfo]:
    """All tokens the module sees, with their certificates (no PIN needed).

    An eID shows the certificates "Authentication" and "Signature" (plus its CA chain).
    """
    lib = load_module(module_path)
    infos: list[TokenInfo] = []
    try:
        slots = lib.get_slots(token_present=True)
    except p11e.PKCS11Error as exc:
        raise map_pkcs11_error(exc) from None
    for slot in slots:
        try:
            token = slot.get_token()
            flags = TokenFlag(token.flags)
            if not flags & TokenFlag.TOKEN_INITIALIZED:
                continue
            certs: list[TokenCertificate] = []
            session = token.open()
            try:
                certs = sorted(
                    (_describe(label, cert) for label, cert in _read_certificates(session)),
                    key=lambda c: (c.is_ca, c.label),
                )
            finally:
                session.close()
            serial = token.serial
            infos.append(
                TokenInfo(
                    slot_id=int(slot.slot_id),
                    label=token.label,
                    serial=serial.decode("ascii", "replace").strip()
                    if isinstance(serial, bytes)
                    else str(serial).strip(),
                    manufacturer=token.manufacturer_id,
                    model=token.model,
                    pin_locked=bool(flags & TokenFlag.USER_PIN_LOCKED),
                    protected_auth_path=bool(flags & TokenFlag.PROTECTED_AUTHENTICATION_PATH),
                    certificates=tuple(certs),
                )
            )
        except (p11e.TokenNotPresent, p11e.TokenNotRecognised, p11e.DeviceRemoved):
            continue
        except p11e.PKCS11Error as exc:
            raise map_pkcs11_error(exc) from None
    return infos


# --------------------------------------------------------------------------- signing


class TokenKeySigner:
    """Raw signatures by one private-key object of a logged-in session (``unlock()``).

    Synchronous: the key's ``sign`` is called directly, with the mechanism, hashing and
    signature encoding of pyHanko's ``PKCS11Signer`` in raw mode (the same helper,
    ``select_pkcs11_signing_params``), but without what pyHanko adds per signature: an
    event loop, a worker thread, and a search of the certificate and the key.
    ``tests/signing/test_pkcs11_signer.py`` compares the two.
    """

    def __init__(self, key: Any, spec_for: Callable[[str], PKCS11SignatureOperationSpec]) -> None:
        self._key = key
        self._spec_for = spec_for

    def sign_raw(self, data: bytes, digest_algorithm: str) -> bytes:
        spec = self._spec_for(digest_algorithm)
        if spec.pre_sign_transform is not None:
            data = spec.pre_sign_transform(data)
        signature = self._key.sign(data, **spec.sign_kwargs)
        if spec.post_sign_transform is not None:
            signature = spec.post_sign_transform(signature)
        return bytes(signature)


class Pkcs11Key:
    """One key on a token (by label) as a ``KeySource`` (see ``_core``)."""

    def __init__(
        self,
        module_path: str,
        token_label: str | None,
        key_label: str,
        pin_callback: PinCallback,
        purpose: str,
    ) -> None:
        self.module_path = module_path
        self.token_label = token_label
        self.key_label = key_label
        self.purpose = purpose
        self._pin_callback = pin_callback
        self._lib = load_module(module_path)
        self._specs: dict[str, PKCS11SignatureOperationSpec] = {}
        token = _find_token(self._lib, token_label)
        self._slot = token.slot
        try:
            session = token.open()
            try:
                certs = _read_certificates(session)
            finally:
                session.close()
        except p11e.PKCS11Error as exc:
            raise map_pkcs11_error(exc, token=token) from None
        mine = [cert for label, cert in certs if label == key_label]
        if not mine:
            raise SigningError(
                KEY_NOT_FOUND, f"No certificate labelled {key_label!r} on the card or token."
            )
        self._certificate = mine[0]
        self._chain = tuple(iter_unique([c for _, c in certs if is_ca(c)]))

    @property
    def certificate(self) -> x509.Certificate:
        return self._certificate

    @property
    def chain(self) -> Sequence[x509.Certificate]:
        return self._chain

    def _present_token(self) -> Any:
        """The token, with fresh flags: read from the slot it was found in (one
        ``C_GetTokenInfo``), else looked for again (a card moved to another reader), with
        ``_find_token``'s errors when it is gone."""
        with suppress(p11e.PKCS11Error):
            token = self._slot.get_token()
            if self.token_label is None or token.label == self.token_label:
                return token
        token = _find_token(self._lib, self.token_label)
        self._slot = token.slot
        return token

    def _spec_for(self, digest_algorithm: str) -> PKCS11SignatureOperationSpec:
        """pyHanko's mechanism for this key and digest in raw mode, chosen once."""
        spec = self._specs.get(digest_algorithm)
        if spec is None:
            mechanism = signature_mechanism(self._certificate, digest_algorithm)
            spec = select_pkcs11_signing_params(
                mechanism, digest_algorithm, use_raw_mechanism=True, sign_kwargs={}
            )
            self._specs[digest_algorithm] = spec
        return spec

    @contextmanager
    def unlock(self) -> Iterator[TokenKeySigner]:
        token = self._present_token()
        flags = TokenFlag(token.flags)
        if flags & TokenFlag.USER_PIN_LOCKED:
            raise SigningError(TOKEN_LOCKED)
        pin: Any
        if flags & TokenFlag.PROTECTED_AUTHENTICATION_PATH:
            pin = pkcs11.PROTECTED_AUTH  # PIN pad reader: the reader asks
        else:
            pin = ask_pin(self._pin_callback, self.purpose)
        with _LOGIN_LOCK:
            try:
                session = token.open(user_pin=pin)
            except p11e.PKCS11Error as exc:
                raise map_pkcs11_error(exc, token=token) from None
            finally:
                del pin
            try:
                key = session.get_key(object_class=ObjectClass.PRIVATE_KEY, label=self.key_label)
                yield TokenKeySigner(key, self._spec_for)
            except p11e.NoSuchKey:
                raise SigningError(
                    KEY_NOT_FOUND, "The signing key was not found on the card."
                ) from None
            except p11e.PKCS11Error as exc:
                raise map_pkcs11_error(exc, token=token) from None
            finally:
                # C_Logout + C_CloseSession; a card pulled mid-signature fails here
                # too, and the error raised above already says so.
                with suppress(p11e.PKCS11Error):
                    session.close()

    def close(self) -> None:
        """The module stays loaded (python-pkcs11 keeps one instance per process)."""


class Pkcs11DocumentSigner(CmsDocumentSigner):
    """``DocumentSigner`` on a token's signature key (eID label "Signature")."""

    def __init__(
        self,
        module_path: str,
        token_label: str | None,
        pin_callback: PinCallback,
        key_label: str = SIGNATURE_LABEL,
    ) -> None:
        super().__init__(Pkcs11Key(module_path, token_label, key_label, pin_callback, "signature"))


class Pkcs11Authenticator(ChallengeAuthenticator):
    """``Authenticator`` on a token's authentication key (eID label "Authentication")."""

    def __init__(
        self,
        module_path: str,
        token_label: str | None,
        pin_callback: PinCallback,
        key_label: str = AUTHENTICATION_LABEL,
    ) -> None:
        super().__init__(
            Pkcs11Key(module_path, token_label, key_label, pin_callback, "authentication")
        )
