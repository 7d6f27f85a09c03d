"""PKCS#12 file signer: the demo's and the tests' stand-in for an eID card.

The file's password plays the PIN's role and follows the same contract (ports.py): it is
asked for every private-key operation, the key is decrypted for that operation only and
the decrypted key object is dropped right after. Certificates (public) are cached after
the first read, so that ``signing_certificate`` does not prompt again.
"""

from __future__ import annotations

from collections.abc import Iterator, Sequence
from contextlib import contextmanager
from pathlib import Path

from asn1crypto import keys as asn1_keys
from asn1crypto import pkcs12 as asn1_pkcs12
from asn1crypto import x509
from cryptography import x509 as pyca_x509
from cryptography.hazmat.primitives import serialization
from cryptography.hazmat.primitives.asymmetric import ec, rsa
from cryptography.hazmat.primitives.serialization import pkcs12
from pyhanko.sign.signers import SimpleSigner
from pyhanko_certvalidator.registry import SimpleCertificateStore

from fitnote_desktop.signing._core import (
    ChallengeAuthenticator,
    CmsDocumentSigner,
    ask_pin,
    is_ca,
    iter_unique,
)
from fitnote_desktop.signing.errors import (
    CONFIG_INVALID,
    FILE_NOT_FOUND,
    KEY_NOT_FOUND,
    UNSUPPORTED_KEY,
    WRONG_PASSWORD,
    SigningError,
)
from fitnote_desktop.signing.ports import PinCallback


def _to_asn1(cert: pyca_x509.Certificate) -> x509.Certificate:
    der = cert.public_bytes(serialization.Encoding.DER)
    return x509.Certificate.load(der)


class Pkcs12KeyFile:
    """One PKCS#12 file as a ``KeySource`` (see ``_core``)."""

    def __init__(self, path: Path, pin_callback: PinCallback, purpose: str) -> None:
        self.path = Path(path)
        self.purpose = purpose
        self._pin_callback = pin_callback
        self._certificate: x509.Certificate | None = None
        self._chain: tuple[x509.Certificate, ...] = ()
        if not self.path.is_file():
            raise SigningError(FILE_NOT_FOUND, f"Key file not found: {self.path}")
        try:
            _ = asn1_pkcs12.Pfx.load(self.path.read_bytes())["auth_safe"]["content_type"].native
        except (ValueError, TypeError, KeyError, OSError):
            raise SigningError(
                CONFIG_INVALID, f"Not a PKCS#12 key file: {self.path.name}"
            ) from None

    def _read(self) -> tuple[asn1_keys.PrivateKeyInfo, x509.Certificate]:
        """Decrypt the file with a freshly asked password; the caller drops the key.

        The certificates are parsed at the first read only (and again should the file's
        signer certificate change): a signature should cost the decryption, not ASN.1.
        """
        pin = ask_pin(self._pin_callback, self.purpose)
        try:
            key, cert, others = pkcs12.load_key_and_certificates(
                self.path.read_bytes(), pin.encode("utf-8") if pin else None
            )
        except ValueError:
            raise SigningError(
                WRONG_PASSWORD, f"The password of {self.path.name} is incorrect."
            ) from None
        finally:
            del pin
        if key is None or cert is None:
            raise SigningError(KEY_NOT_FOUND, f"{self.path.name} holds no key and certificate.")
        if not isinstance(key, ec.EllipticCurvePrivateKey | rsa.RSAPrivateKey):
            raise SigningError(UNSUPPORTED_KEY, "Only ECDSA and RSA keys are supported.")
        key_info = asn1_keys.PrivateKeyInfo.load(
            key.private_bytes(
                serialization.Encoding.DER,
                serialization.PrivateFormat.PKCS8,
                serialization.NoEncryption(),
            )
        )
        del key
        signer_der = cert.public_bytes(serialization.Encoding.DER)
        if self._certificate is None or self._certificate.dump() != signer_der:
            self._certificate = x509.Certificate.load(signer_der)
            chain = [c for c in (_to_asn1(o) for o in others) if is_ca(c)]
            self._chain = tuple(iter_unique(chain))
        return key_info, self._certificate

    @property
    def certificate(self) -> x509.Certificate:
        if self._certificate is None:
            # Certificates inside PKCS#12 are encrypted too: reading them takes the
            # password once; the key decrypted along the way is discarded at once.
            self._read()
        assert self._certificate is not None
        return self._certificate

    @property
    def chain(self) -> Sequence[x509.Certificate]:
        if self._certificate is None:
            self._read()
        return self._chain

    @contextmanager
    def unlock(self) -> Iterator[SimpleSigner]:
        key_info, cert = self._read()
        # Only ``async_sign_raw`` is called on this signer (the CMS comes from
        # ``cms_build``, a PDF signature from ``OnDemandSigner`` with its own registry),
        # so it gets an empty certificate store rather than a freshly indexed chain.
        signer = SimpleSigner(
            signing_cert=cert, signing_key=key_info, cert_registry=SimpleCertificateStore()
        )
        del key_info
        try:
            yield signer
        finally:
            # Drop our references to the decrypted key: SimpleSigner holds it as DER.
            signer.signing_key = None
            del signer

    def close(self) -> None:
        """Nothing is held open; kept for the port's symmetry."""


class Pkcs12DocumentSigner(CmsDocumentSigner):
    """``DocumentSigner`` on a PKCS#12 file (the demo PKI's ``*-signature.p12``)."""

    def __init__(self, path: Path, pin_callback: PinCallback) -> None:
        super().__init__(Pkcs12KeyFile(path, pin_callback, "signature"))


class Pkcs12Authenticator(ChallengeAuthenticator):
    """``Authenticator`` on a PKCS#12 file (the demo PKI's ``*-authentication.p12``)."""

    def __init__(self, path: Path, pin_callback: PinCallback) -> None:
        super().__init__(Pkcs12KeyFile(path, pin_callback, "authentication"))
