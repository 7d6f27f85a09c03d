"""Signed receipts: the endpoint signs, the app verifies against the *pinned* certificate.

A receipt is the canonical JSON of :class:`~fitnote_desktop.transport.protocol.Receipt`
signed as a detached CMS SignedData by the endpoint's receipt key. The client does not
build a chain for it: it checks that the CMS signer certificate is byte-for-byte the
certificate it pinned (from the demo PKI or its settings), then the digest and the
signature. Pinning is stricter than chain validation and needs no trust store, which is
what one wants for a single known counterpart.
"""

from __future__ import annotations

import hashlib
import threading
from dataclasses import dataclass
from pathlib import Path

from asn1crypto import cms, keys, x509
from pyhanko.sign.general import extract_signer_info
from pyhanko.sign.signers import SimpleSigner
from pyhanko.sign.validation.generic_cms import validate_sig_integrity
from pyhanko_certvalidator.registry import SimpleCertificateStore

from fitnote_desktop.signing._core import run_sync
from fitnote_desktop.transport.protocol import Receipt


class ReceiptError(ValueError):
    """The receipt does not verify against the pinned certificate: never trust it."""

    code = "receipt.invalid"


@dataclass(frozen=True)
class SignedReceipt:
    receipt: Receipt
    receipt_bytes: bytes
    signature: bytes


class ReceiptSigner:
    """Signs receipts with the endpoint's key (server side)."""

    def __init__(self, certificate: x509.Certificate, private_key: keys.PrivateKeyInfo) -> None:
        self.certificate = certificate
        # One pyHanko signer per thread, built from DER: asn1crypto objects are not safe
        # to share between the server's worker threads.
        self._cert_der = certificate.dump()
        self._key_der = private_key.dump()
        self._local = threading.local()

    def _signer(self) -> SimpleSigner:
        signer = getattr(self._local, "signer", None)
        if signer is None:
            signer = SimpleSigner(
                signing_cert=x509.Certificate.load(self._cert_der),
                signing_key=keys.PrivateKeyInfo.load(self._key_der),
                cert_registry=SimpleCertificateStore(),  # the signer cert is embedded anyway
            )
            self._local.signer = signer
        return signer

    @classmethod
    def from_pem(cls, cert_pem: bytes, key_pem: bytes) -> ReceiptSigner:
        from cryptography.hazmat.primitives import serialization

        key = serialization.load_pem_private_key(key_pem, password=None)
        der_key = key.private_bytes(
            serialization.Encoding.DER,
            serialization.PrivateFormat.PKCS8,
            serialization.NoEncryption(),
        )
        return cls(load_certificate(cert_pem), keys.PrivateKeyInfo.load(der_key))

    @classmethod
    def from_pkcs12(cls, path: str | Path, password: str | None) -> ReceiptSigner:
        """The demo PKI's ``endpoint-receipt.p12`` (or any PKCS#12 with one key)."""
        from cryptography.hazmat.primitives import serialization
        from cryptography.hazmat.primitives.serialization import pkcs12

        key, cert, _ = pkcs12.load_key_and_certificates(
            Path(path).read_bytes(), password.encode() if password else None
        )
        if key is None or cert is None:
            raise ValueError("the PKCS#12 file holds no key and certificate")
        der_key = key.private_bytes(
            serialization.Encoding.DER,
            serialization.PrivateFormat.PKCS8,
            serialization.NoEncryption(),
        )
        return cls(
            x509.Certificate.load(cert.public_bytes(serialization.Encoding.DER)),
            keys.PrivateKeyInfo.load(der_key),
        )

    def sign(self, receipt: Receipt) -> SignedReceipt:
        data = receipt.to_bytes()
        signer = self._signer()
        content_info = run_sync(
            lambda: signer.async_sign_general_data(data, "sha256", detached=True)
        )
        return SignedReceipt(receipt, data, content_info.dump())


def load_certificate(data: bytes) -> x509.Certificate:
    """A certificate from PEM or DER bytes."""
    from asn1crypto import pem

    if pem.detect(data):
        _, _, data = pem.unarmor(data)
    return x509.Certificate.load(data)


def verify_receipt(receipt_bytes: bytes, signature: bytes, pinned: x509.Certificate) -> Receipt:
    """Parse and verify a receipt; raises :class:`ReceiptError` unless it is genuine."""
    try:
        content_info = cms.ContentInfo.load(signature)
        if content_info["content_type"].native != "signed_data":
            raise ReceiptError("receipt signature is not CMS SignedData")
        signed_data = content_info["content"]
        signer_info = extract_signer_info(signed_data)
        certs = [c.chosen for c in signed_data["certificates"] if c.name == "certificate"]
        sid = signer_info["sid"]
        signer_cert = next(
            (
                c
                for c in certs
                if sid.name == "issuer_and_serial_number"
                and c.issuer == sid.chosen["issuer"]
                and c.serial_number == sid.chosen["serial_number"].native
            ),
            None,
        )
        if signer_cert is None or signer_cert.dump() != pinned.dump():
            raise ReceiptError("receipt is not signed by the pinned endpoint certificate")
        digest = hashlib.sha256(receipt_bytes).digest()
        intact, valid = validate_sig_integrity(signer_info, pinned, "data", digest)
    except ReceiptError:
        raise
    except Exception as exc:  # asn1crypto raises a zoo of types on garbage
        raise ReceiptError(f"receipt signature is malformed ({type(exc).__name__})") from None
    if not intact:
        raise ReceiptError("receipt content does not match its signature")
    if not valid:
        raise ReceiptError("receipt signature is invalid")
    try:
        return Receipt.from_bytes(receipt_bytes)
    except ValueError as exc:
        raise ReceiptError(str(exc)) from None


def pack_receipt(receipt_bytes: bytes, signature: bytes) -> bytes:
    """The blob the app stores for a receipt: the same ``{payload, signature}`` envelope
    as a signed document (canonical JSON), so it can be re-verified at any time."""
    import base64
    import json

    return json.dumps(
        {
            "payload": base64.b64encode(receipt_bytes).decode("ascii"),
            "signature": base64.b64encode(signature).decode("ascii"),
        },
        sort_keys=True,
        separators=(",", ":"),
    ).encode("ascii")


def unpack_receipt(blob: bytes) -> tuple[bytes, bytes]:
    """``(receipt_bytes, cms)`` from :func:`pack_receipt`'s blob."""
    from fitnote_desktop.signing.envelope import parse_envelope

    return parse_envelope(blob)
