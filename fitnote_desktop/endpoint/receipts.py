"""Receipts, server side: signing them and answering with them.

The endpoint signs the canonical bytes of a :class:`~fitnote_desktop.wire.receipts.Receipt`
(detached CMS, its receipt key) when it accepts or retracts a document, stores receipt and
signature with the document, and answers every later request for them with the stored
bytes, so a client always gets the very receipt it may already hold.
"""

from __future__ import annotations

import json
import uuid
from dataclasses import dataclass
from datetime import datetime, timedelta
from pathlib import Path
from typing import Protocol

from asn1crypto import keys, x509
from cryptography.hazmat.primitives.asymmetric import ec, rsa
from cryptography.hazmat.primitives.serialization import load_der_private_key
from starlette.responses import Response

from fitnote_desktop.endpoint import db
from fitnote_desktop.endpoint.b64 import b64encode
from fitnote_desktop.endpoint.certificates import parse_certificate
from fitnote_desktop.endpoint.schemas import ReceiptOut
from fitnote_desktop.signing.cms_build import DetachedCmsTemplate, raw_signer
from fitnote_desktop.wire.receipts import Receipt, ReceiptStatus


@dataclass(frozen=True)
class SignedReceipt:
    receipt: Receipt
    receipt_bytes: bytes
    signature: bytes


RECEIPT_DIGEST = "sha256"
_ZERO = timedelta(0)


class ReceiptSigner:
    """Signs receipts with the endpoint's key (server side).

    The key is loaded once and every constant part of the CMS is encoded once
    (:class:`~fitnote_desktop.signing.cms_build.DetachedCmsTemplate`): a receipt costs
    one hash, one raw signature and a few hundred bytes of DER. Key and template are
    immutable, so the server's worker threads share them.
    """

    def __init__(self, certificate: x509.Certificate, private_key: keys.PrivateKeyInfo) -> None:
        self.certificate = certificate
        key = load_der_private_key(private_key.dump(), password=None)
        if not isinstance(key, ec.EllipticCurvePrivateKey | rsa.RSAPrivateKey):
            raise ValueError("the receipt key must be an ECDSA or RSA key")
        self._sign_raw = raw_signer(key, RECEIPT_DIGEST)
        self._template = DetachedCmsTemplate(certificate, (), RECEIPT_DIGEST)

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
        return SignedReceipt(receipt, data, self._template.sign(data, self._sign_raw))


def json_response(body: bytes, status: int) -> Response:
    """A finished JSON response of ``body`` (:func:`receipt_json`): FastAPI neither
    validates nor serialises it again."""
    return Response(body, status, media_type="application/json")


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


def receipt_json(
    document_id: str,
    status: ReceiptStatus,
    digest: str,
    received_at: datetime,
    dossier_id: str,
    receipt: bytes,
    signature: bytes,
) -> bytes:
    """``receipt_out(...).model_dump_json()``, byte for byte, without building and
    validating the model (a tenth of a millisecond per submission, issue 14) when
    ``received_at`` is in UTC, as the endpoint's clock and database give it; any other
    moment goes through the model. ``tests/endpoint/test_receipt_json.py`` compares both."""
    if received_at.utcoffset() != _ZERO:
        args = (document_id, status, digest, received_at, dossier_id, receipt, signature)
        return receipt_out(*args).model_dump_json().encode()
    moment = received_at.isoformat()
    return json.dumps(
        {
            "document_id": str(uuid.UUID(document_id)),
            "status": status,
            "payload_sha256": digest,
            "received_at": moment[: -len("+00:00")] + "Z",
            "dossier_id": str(uuid.UUID(dossier_id)),
            "receipt": b64encode(receipt),
            "receipt_signature": b64encode(signature),
        },
        ensure_ascii=False,
        separators=(",", ":"),
    ).encode()


class StoredAcceptance(Protocol):
    """The columns of a stored acceptance: a ``db.Document`` or a Core row of them."""

    @property
    def id(self) -> str: ...
    @property
    def payload_sha256(self) -> str: ...
    @property
    def author_riziv(self) -> str: ...
    @property
    def received_at(self) -> datetime: ...
    @property
    def dossier_id(self) -> str: ...
    @property
    def receipt(self) -> bytes: ...
    @property
    def receipt_signature(self) -> bytes: ...


def acceptance_out(row: StoredAcceptance) -> ReceiptOut:
    """The stored acceptance receipt of a document."""
    return receipt_out(*_acceptance(row))


def acceptance_json(row: StoredAcceptance) -> bytes:
    """:func:`acceptance_out` as JSON (:func:`receipt_json`)."""
    return receipt_json(*_acceptance(row))


def _acceptance(
    row: StoredAcceptance,
) -> tuple[str, ReceiptStatus, str, datetime, str, bytes, bytes]:
    return (
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
