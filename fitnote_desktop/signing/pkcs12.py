"""PKCS#12 file signer: the demo's and the tests' stand-in for an eID card.

The file's password plays the PIN's role and follows the same contract (ports.py): it is
asked for every private-key operation, the key is decrypted for that operation only and
the decrypted key object is dropped right after. Certificates (public) are cached after
the first read, so that ``signing_certificate`` does not prompt again.

What a signature costs: the first read opens the whole file (MAC check, certificate bags,
key bag: three password-based key derivations). Every later signature, as long as the
file's bytes are those already opened, decrypts the shrouded key bag alone: one key
derivation at the cost the file was written with, which is the PIN's price; the MAC and
the certificate bags were checked and read with the file's bytes already.

Measured on the demo PKI's files (PBES2, PBKDF2-HMAC-SHA256 with 20,000 iterations,
AES-256-CBC: what ``BestAvailableEncryption`` writes), in CPU time per signature: the key
derivation about 5.0 ms, 75-85 %; the key's DER parse with its public-point check 0.35 ms
(``cryptography`` builds no EC key without it); the ECDSA signature 0.3 ms; the rest (the
file's check, the CMS from its template) about 0.5 ms. The derivation alone is 12-17 times
a raw signature: under the contract (password per signature, no key kept decrypted, the
file's cost unchanged) a PKCS#12 signature cannot come near 5 times one.
"""

from __future__ import annotations

from collections.abc import Iterator, Sequence
from contextlib import contextmanager
from pathlib import Path

from asn1crypto import pkcs12 as asn1_pkcs12
from asn1crypto import x509
from cryptography import x509 as pyca_x509
from cryptography.hazmat.primitives import serialization
from cryptography.hazmat.primitives.asymmetric import ec, rsa
from cryptography.hazmat.primitives.asymmetric.padding import PKCS1v15
from cryptography.hazmat.primitives.serialization import pkcs12
from pyhanko.sign.signers import Signer
from pyhanko_certvalidator.registry import SimpleCertificateStore
from pyhanko_certvalidator.util import get_pyca_cryptography_hash, process_pss_params

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

PrivateKey = ec.EllipticCurvePrivateKey | rsa.RSAPrivateKey


def _to_asn1(cert: pyca_x509.Certificate) -> x509.Certificate:
    der = cert.public_bytes(serialization.Encoding.DER)
    return x509.Certificate.load(der)


def _shrouded_key_bag(data: bytes) -> bytes | None:
    """The file's only encrypted key (an ``EncryptedPrivateKeyInfo``, DER), or ``None``
    when there is not exactly one (then every signature opens the whole file)."""
    found: list[bytes] = []
    safe = asn1_pkcs12.AuthenticatedSafe.load(
        asn1_pkcs12.Pfx.load(data)["auth_safe"]["content"].native
    )
    for content in safe:
        if content["content_type"].native != "data":
            continue  # encrypted bags hold the certificates, read at the first opening
        for bag in asn1_pkcs12.SafeContents.load(content["content"].native):
            if bag["bag_id"].native == "pkcs8_shrouded_key_bag":
                found.append(bag["bag_value"].untag().dump(force=True))
    return found[0] if len(found) == 1 else None


class DecryptedKeySigner(Signer):
    """A pyHanko signer over the key object just decrypted, for one ``unlock()``.

    Signs with the key object itself: pyHanko's ``SimpleSigner`` would take it as DER and
    parse it again for every raw signature (for an EC key that recomputes the public
    point, about the cost of the signature itself). Only ``sign_raw`` (synchronous, the
    ``RawSigner`` of ``_core``) is called on it.
    """

    def __init__(self, key: PrivateKey, cert: x509.Certificate) -> None:
        super().__init__(signing_cert=cert, cert_registry=SimpleCertificateStore())
        self._key: PrivateKey | None = key

    def sign_raw(self, data: bytes, digest_algorithm: str) -> bytes:
        key = self._key
        if key is None:
            raise SigningError(KEY_NOT_FOUND, "The key was locked again.")
        hash_algorithm = get_pyca_cryptography_hash(digest_algorithm)
        if isinstance(key, ec.EllipticCurvePrivateKey):
            return key.sign(data, ec.ECDSA(hash_algorithm))
        mechanism = self.get_signature_mechanism_for_digest(digest_algorithm)
        if mechanism["algorithm"].native == "rsassa_pss":
            padding, pss_hash = process_pss_params(mechanism["parameters"])
            return key.sign(data, padding, pss_hash)
        return key.sign(data, PKCS1v15(), hash_algorithm)

    def forget(self) -> None:
        """Drop the decrypted key (the end of the ``unlock()`` block)."""
        self._key = None


class Pkcs12KeyFile:
    """One PKCS#12 file as a ``KeySource`` (see ``_core``)."""

    def __init__(self, path: Path, pin_callback: PinCallback, purpose: str) -> None:
        self.path = Path(path)
        self.purpose = purpose
        self._pin_callback = pin_callback
        self._certificate: x509.Certificate | None = None
        self._chain: tuple[x509.Certificate, ...] = ()
        self._opened: bytes | None = None  # the file's bytes, fully opened once
        self._key_bag: bytes | None = None  # their encrypted key, decrypted per signature
        if not self.path.is_file():
            raise SigningError(FILE_NOT_FOUND, f"Key file not found: {self.path}")
        try:
            _ = asn1_pkcs12.Pfx.load(self.path.read_bytes())["auth_safe"]["content_type"].native
        except (ValueError, TypeError, KeyError, OSError):
            raise SigningError(
                CONFIG_INVALID, f"Not a PKCS#12 key file: {self.path.name}"
            ) from None

    def _read(self) -> tuple[PrivateKey, x509.Certificate]:
        """Decrypt the key with a freshly asked password; the caller drops the key.

        The whole file is opened (MAC, certificates, key) at the first read and whenever
        its bytes change; otherwise only its key bag is decrypted (module docstring).
        """
        data = self.path.read_bytes()
        pin = ask_pin(self._pin_callback, self.purpose)
        try:
            password = pin.encode("utf-8") if pin else None
            if self._key_bag is not None and data == self._opened:
                assert self._certificate is not None
                bag_key = serialization.load_der_private_key(self._key_bag, password)
                return self._checked(bag_key), self._certificate
            key, cert, others = pkcs12.load_key_and_certificates(data, password)
        except (ValueError, TypeError):
            raise SigningError(
                WRONG_PASSWORD, f"The password of {self.path.name} is incorrect."
            ) from None
        finally:
            del pin
        if key is None or cert is None:
            raise SigningError(KEY_NOT_FOUND, f"{self.path.name} holds no key and certificate.")
        signer_der = cert.public_bytes(serialization.Encoding.DER)
        if self._certificate is None or self._certificate.dump() != signer_der:
            self._certificate = x509.Certificate.load(signer_der)
            chain = [c for c in (_to_asn1(o) for o in others) if is_ca(c)]
            self._chain = tuple(iter_unique(chain))
        self._opened, self._key_bag = data, _shrouded_key_bag(data)
        return self._checked(key), self._certificate

    @staticmethod
    def _checked(key: object) -> PrivateKey:
        if not isinstance(key, ec.EllipticCurvePrivateKey | rsa.RSAPrivateKey):
            raise SigningError(UNSUPPORTED_KEY, "Only ECDSA and RSA keys are supported.")
        return key

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
    def unlock(self) -> Iterator[DecryptedKeySigner]:
        key, cert = self._read()
        # Only ``sign_raw`` is called on this signer (the CMS comes from ``cms_build``, a
        # PDF signature from ``OnDemandSigner`` with its own registry).
        signer = DecryptedKeySigner(key, cert)
        del key
        try:
            yield signer
        finally:
            signer.forget()
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
