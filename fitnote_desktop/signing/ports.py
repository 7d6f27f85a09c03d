"""The signing port: what services and the UI code against, independent of key storage.

Two kinds of keys sit behind it: a PKCS#12 file (demo, tests) and a PKCS#11 token (the
Belgian eID through its middleware; SoftHSM2 in tests). Both follow the eID model: one
*signature* key (nonRepudiation) for documents and one *authentication* key
(digitalSignature) for logging in to the endpoint.

PIN handling contract (all implementations):

* the PIN (or PKCS#12 password) is requested through ``PinCallback`` for every private-key
  operation, i.e. once per signature and once per challenge; a ``None`` answer means the
  user cancelled and raises ``SigningError("signing.cancelled")``;
* it is passed straight to the token or key-file loader and the local reference is
  dropped when the operation ends; it is never stored on an object, logged or put into
  an exception message.

What Python can and cannot guarantee: ``str`` and ``bytes`` are immutable and may be
copied by the interpreter (encoding to UTF-8 for PKCS#11, the getpass/Qt widget buffers,
interned small strings), and memory is freed, not zeroed. Dropping every reference makes
the PIN *eligible* for reuse of its memory; it does not wipe it. A swap file or core dump
could still contain it. Protection against an attacker who can read this process's
memory is out of scope; the real protection of an eID is that the key never leaves the
card and the card locks after three wrong PINs.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Literal, Protocol, runtime_checkable

if TYPE_CHECKING:  # pyHanko and asn1crypto are heavy to import; only types are needed here
    from asn1crypto import x509
    from pyhanko.sign.signers import Signer

PinPurpose = Literal["signature", "authentication"]
PinCallback = Callable[[str], "str | None"]
"""Called with the purpose (``"signature"`` or ``"authentication"``); returns the PIN or
``None`` to cancel. It is called once per private-key operation."""

SIGNATURE_LABEL = "Signature"
AUTHENTICATION_LABEL = "Authentication"


@runtime_checkable
class DocumentSigner(Protocol):
    """Signs documents with the *signature* (nonRepudiation) key."""

    @property
    def signing_certificate(self) -> x509.Certificate:
        """The signer's certificate (asn1crypto), as embedded in every signature."""
        ...

    def sign_detached(self, data: bytes) -> bytes:
        """Return a detached CMS SignedData (DER), CAdES-BES, over ``data``.

        Signed attributes: content-type, message-digest, signing-certificate-v2,
        signing-time (UTC, now) and CMS algorithm protection; the certificate chain is
        included. Asks the PIN once.
        """
        ...

    def pdf_signer(self) -> Signer:
        """A pyHanko ``Signer`` on the same key, for PAdES signatures of PDF copies.

        Every raw signature it makes asks the PIN again through the same callback.
        """
        ...

    def close(self) -> None:
        """Release the module/file handles. Idempotent."""
        ...


@runtime_checkable
class Authenticator(Protocol):
    """Signs endpoint login challenges with the *authentication* key.

    The concrete authenticators (and document signers) also expose ``chain``: the CA
    certificates that came with the key, to send along with the certificate.
    """

    @property
    def authentication_certificate(self) -> x509.Certificate: ...

    @property
    def algorithm(self) -> str:
        """asn1crypto signed-digest-algorithm name of ``sign_challenge`` output,
        e.g. ``"sha256_ecdsa"`` (DER ECDSA-Sig-Value) or ``"sha256_rsa"`` (PKCS#1 v1.5)."""
        ...

    def sign_challenge(self, nonce: bytes) -> bytes:
        """Raw signature over ``nonce`` (hashed with SHA-256). Asks the PIN once."""
        ...

    def close(self) -> None: ...


@dataclass(frozen=True)
class SignerConfig:
    """Where the keys are. Built from settings (normal mode) or the demo PKI.

    ``kind="pkcs12"``: ``pkcs12_path`` holds the signature key, ``pkcs12_auth_path`` the
    authentication key (optional: without it the session has no authenticator).
    ``kind="pkcs11"``: ``module_path`` is the PKCS#11 library, ``token_label`` selects the
    card/token (``None``: the only token present), the key labels default to the eID's.
    """

    kind: Literal["pkcs12", "pkcs11"]
    pkcs12_path: Path | None = None
    pkcs12_auth_path: Path | None = None
    module_path: str | None = None
    token_label: str | None = None
    signature_key_label: str = SIGNATURE_LABEL
    authentication_key_label: str = AUTHENTICATION_LABEL


@dataclass
class SignerSession:
    """Both eID keys of one physician, opened together; close it when done.

    ``authenticator`` is ``None`` when the configuration names no authentication key.
    """

    document_signer: DocumentSigner
    authenticator: Authenticator | None

    def close(self) -> None:
        self.document_signer.close()
        if self.authenticator is not None:
            self.authenticator.close()

    def __enter__(self) -> SignerSession:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()
