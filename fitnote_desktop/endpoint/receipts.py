"""Receipts, server side: signing them and answering with them.

The endpoint signs the canonical bytes of a :class:`~fitnote_desktop.wire.receipts.Receipt`
(detached CMS, its receipt key) when it accepts or retracts a document, stores receipt and
signature with the document, and answers every later request for them with the stored
bytes, so a client always gets the very receipt it may already hold.
"""

from __future__ import annotations

import threading
import uuid
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path

from asn1crypto import keys, x509
from pyhanko.sign.signers import SimpleSigner
from pyhanko_certvalidator.registry import SimpleCertificateStore

from fitnote_desktop.endpoint import db
from fitnote_desktop.endpoint.b64 import b64encode
from fitnote_desktop.endpoint.certificates import parse_certificate
from fitnote_desktop.endpoint.schemas import ReceiptOut
from fitnote_desktop.signing._core import run_sync
from fitnote_desktop.wire.receipts import Receipt, ReceiptStatus


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
        return cls(parse_certificate(cert_pem), keys.PrivateKeyInfo.load(der_key))

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


def receipt_out(
    document_id: str,
    status: ReceiptStatus,
    digest: str,
    received_at: datetime,
    dossier_id: str,
    receipt: bytes,
    signature: bytes,
) -> ReceiptOut:
    return ReceiptOut(
        document_id=uuid.UUID(document_id),
        status=status,
        payload_sha256=digest,
        received_at=received_at,
        dossier_id=uuid.UUID(dossier_id),
        receipt=b64encode(receipt),
        receipt_signature=b64encode(signature),
    )


def acceptance_out(row: db.Document) -> ReceiptOut:
    """The stored acceptance receipt of a document."""
    return receipt_out(
        row.id,
        "accepted",
        row.payload_sha256,
        row.received_at,
        row.dossier_id,
        row.receipt,
        row.receipt_signature,
    )


def retraction_out(row: db.Document) -> ReceiptOut:
    """The stored retraction receipt of a retracted document."""
    assert row.retraction_receipt is not None and row.retraction_receipt_signature is not None
    receipt = Receipt.from_bytes(row.retraction_receipt)
    return receipt_out(
        row.id,
        "retracted",
        receipt.payload_sha256,
        receipt.received_at,
        row.dossier_id,
        row.retraction_receipt,
        row.retraction_receipt_signature,
    )
