"""Signed receipts, client side: verified against the *pinned* endpoint certificate.

A receipt is the canonical JSON of :class:`~fitnote_desktop.wire.receipts.Receipt`
signed as a detached CMS SignedData by the endpoint's receipt key. The client does not
build a chain for it: it checks that the CMS signer certificate is byte-for-byte the
certificate it pinned (from the demo PKI or its settings), then the digest and the
signature. Pinning is stricter than chain validation and needs no trust store, which is
what one wants for a single known counterpart.

The signer is found by comparing DER bytes first and the digest and signature are
checked directly (``signing.cms_check``); only a receipt that this fast path does not
accept goes through pyHanko's check, which then gives the verdict.

Which certificate signed is decided by the part of the CMS that is the same in every
receipt of one endpoint key (``signing.cms_shape``: signer identifier, embedded
certificates, algorithms). Once a receipt with that constant part was found signed by
the pinned certificate, :data:`KNOWN_SIGNERS` remembers it, and later receipts with the
very same bytes there skip the parse of the whole CMS: their signed attributes and
signature are checked on the DER (``cms_check.accepted``), about a third of the
client's receipt check before (issue 14). Anything else takes the full way above.
"""

from __future__ import annotations

import hashlib
import threading

from asn1crypto import cms, x509
from cachetools import FIFOCache
from pyhanko.sign.general import extract_signer_info
from pyhanko.sign.validation.generic_cms import validate_sig_integrity

from fitnote_desktop.signing import cms_check
from fitnote_desktop.signing.cms_shape import split_detached
from fitnote_desktop.wire.receipts import Receipt


class ReceiptError(ValueError):
    """The receipt does not verify against the pinned certificate: never trust it."""

    code = "receipt.invalid"


def load_certificate(data: bytes) -> x509.Certificate:
    """A certificate from PEM or DER bytes."""
    from asn1crypto import pem

    if pem.detect(data):
        _, _, data = pem.unarmor(data)
    return x509.Certificate.load(data)


class KnownSigners:
    """Constant CMS parts (``cms_shape.DetachedParts.constant``) whose signer a full check
    found to be the pinned certificate, per pinned certificate; bounded (cachetools'
    ``FIFOCache``, the oldest out first), thread-safe. Holds hashes of public bytes only."""

    def __init__(self, size: int = 64) -> None:
        self._known: FIFOCache[tuple[bytes, bytes], None] = FIFOCache(maxsize=size)
        self._lock = threading.Lock()

    def __contains__(self, key: tuple[bytes, bytes]) -> bool:
        with self._lock:
            return key in self._known

    def add(self, key: tuple[bytes, bytes]) -> None:
        with self._lock:
            self._known[key] = None

    def clear(self) -> None:
        with self._lock:
            self._known.clear()


KNOWN_SIGNERS = KnownSigners()
"""The process's signers found to be a pinned certificate (:func:`verify_receipt`)."""


def verify_receipt(
    receipt_bytes: bytes,
    signature: bytes,
    pinned: x509.Certificate,
    *,
    known: KnownSigners | None = KNOWN_SIGNERS,
) -> Receipt:
    """Parse and verify a receipt; raises :class:`ReceiptError` unless it is genuine.
    ``known=None`` always takes the full way (the differential tests' reference)."""
    pinned_der = pinned.dump()
    parts = split_detached(signature)
    key = None
    if parts is not None and known is not None:
        key = (hashlib.sha256(parts.constant).digest(), hashlib.sha256(pinned_der).digest())
        if key in known and cms_check.accepted(parts.signer_info, pinned_der, receipt_bytes):
            return _parse(receipt_bytes)
    receipt = _verify_fully(receipt_bytes, signature, pinned)
    if key is not None and known is not None:
        known.add(key)  # only reached when the full check found the pinned signer's
    return receipt


def _verify_fully(receipt_bytes: bytes, signature: bytes, pinned: x509.Certificate) -> Receipt:
    try:
        content_info = cms.ContentInfo.load(signature)
        if content_info["content_type"].native != "signed_data":
            raise ReceiptError("receipt signature is not CMS SignedData")
        signed_data = content_info["content"]
        signer_info = extract_signer_info(signed_data)
        certs = [c.chosen for c in signed_data["certificates"] if c.name == "certificate"]
        sid = signer_info["sid"]
        # Fast path: the pinned certificate is the only one with its serial number (so
        # the look-up below would pick it too) and the sid names it byte for byte.
        same_serial = [c for c in certs if c.serial_number == pinned.serial_number]
        if (
            sid.name == "issuer_and_serial_number"
            and sid.chosen["issuer"].dump() == pinned.issuer.dump()
            and sid.chosen["serial_number"].native == pinned.serial_number
            and len(same_serial) == 1
            and same_serial[0].dump() == pinned.dump()
            and cms_check.accepts(signer_info, pinned, receipt_bytes)
        ):
            return _parse(receipt_bytes)
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
    return _parse(receipt_bytes)


def _parse(receipt_bytes: bytes) -> Receipt:
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
