"""The signature check of one CMS SignerInfo, done directly, for the common well-formed case.

pyHanko's ``validate_sig_integrity`` spends most of its time in asn1crypto (attribute
look-ups, LDAP-normalised name comparisons) around one raw signature check (issue 14's
profiles). :func:`accepted` does the same checks directly on the DER for the one shape of
SignerInfo this application produces (the one ``cms_build`` writes), with a strict walk
over its bytes (``signing.der``; asn1crypto's lazy parsing of the attributes cost as much
as the signature check itself), and answers only "accepted" or "not decided here". The
caller then runs pyHanko for every undecided case, so a verdict of *rejection* (and its
exact code) always comes from pyHanko, and the fast path can only confirm what pyHanko
would accept: the differential tests
(``tests/signing/test_cms_check.py``) compare the two on every tamper case and on
generated mutations.

Accepted only when: SHA-2 digest and ``<digest>_ecdsa``/``<digest>_rsa`` without
parameters (absent or NULL); signed attributes present, each type at most once with one
value, only content-type (= data), message-digest (= the payload's digest), signing-time
(a UTCTime or GeneralizedTime, returned), CMS algorithm protection (exactly the
SignerInfo's two algorithms) and signing-certificate-v2 (byte-equal to the one pyHanko
would write for ``certificate``); no unsigned attributes; and the signature verifies with
``certificate``'s key over the attributes as signed.
"""

from __future__ import annotations

import datetime as dt
import hashlib
from dataclasses import dataclass
from functools import lru_cache

from asn1crypto import algos, cms, x509
from cryptography.exceptions import InvalidSignature
from cryptography.hazmat.primitives import hashes
from cryptography.hazmat.primitives.asymmetric import ec, padding, rsa
from cryptography.hazmat.primitives.serialization import load_der_public_key
from pyhanko.sign.general import as_signing_certificate_v2, simple_cms_attribute

from fitnote_desktop.signing.der import children, only

_HASHES: dict[str, type[hashes.HashAlgorithm]] = {
    "sha256": hashes.SHA256,
    "sha384": hashes.SHA384,
    "sha512": hashes.SHA512,
}
_SEQUENCE, _SET, _INTEGER, _OCTET_STRING = 0x30, 0x31, 0x02, 0x04
_CONTEXT_0, _SKI = 0xA0, 0x80
_NULL = b"\x05\x00"
_UTC_TIME, _GENERALIZED_TIME = 0x17, 0x18
_UTC_TIME_13, _ZULU = bytes((_UTC_TIME, 13)), ord("Z")


def _oid(value: algos.ObjectIdentifier) -> bytes:
    return value.dump()


# OID (full DER) -> (digest, mechanism): asn1crypto's names, so that the table has no typo.
_DIGESTS = {_oid(algos.DigestAlgorithmId(name)): name for name in _HASHES}
_MECHANISMS = {
    _oid(algos.SignedDigestAlgorithmId(f"{digest}_{kind}")): (digest, f"{digest}_{kind}")
    for digest in _HASHES
    for kind in ("ecdsa", "rsa")
}
_ATTRIBUTES = {
    _oid(cms.CMSAttributeType(name)): name
    for name in (
        "content_type",
        "message_digest",
        "signing_time",
        "cms_algorithm_protection",
        "signing_certificate_v2",
    )
}
_DATA = _oid(cms.ContentType("data"))


@dataclass(frozen=True)
class Accepted:
    """The fast path's "valid", with the signing-time attribute's moment (or ``None``)."""

    signing_time: dt.datetime | None


@lru_cache(maxsize=256)
def _signing_certificate_v2_der(certificate_der: bytes) -> bytes:
    """The signing-certificate-v2 attribute pyHanko writes for this certificate."""
    certificate = x509.Certificate.load(certificate_der)
    return simple_cms_attribute(
        "signing_certificate_v2", as_signing_certificate_v2(certificate)
    ).dump()


@lru_cache(maxsize=256)
def _public_key(certificate_der: bytes) -> ec.EllipticCurvePublicKey | rsa.RSAPublicKey | None:
    key = load_der_public_key(x509.Certificate.load(certificate_der).public_key.dump())
    return key if isinstance(key, ec.EllipticCurvePublicKey | rsa.RSAPublicKey) else None


def accepts(signer_info: cms.SignerInfo, certificate: x509.Certificate, payload: bytes) -> bool:
    """True only if pyHanko's integrity check would find the digest intact and the
    signature valid; False means "not decided here" (ask pyHanko), never "invalid"."""
    try:
        signer_info_der = signer_info.dump()
    except (ValueError, TypeError, KeyError, IndexError, AttributeError):
        return False
    return accepted(signer_info_der, certificate.dump(), payload) is not None


def accepted(signer_info: bytes, certificate: bytes, payload: bytes) -> Accepted | None:
    """:func:`accepts` on the DER of a SignerInfo and of the signer's certificate, with
    the claimed signing time; ``None`` means "not decided here" (ask pyHanko)."""
    try:
        return _accepted(bytes(signer_info), bytes(certificate), bytes(payload))
    except (ValueError, TypeError, KeyError, IndexError, AttributeError):
        return None


def _accepted(data: bytes, certificate: bytes, payload: bytes) -> Accepted | None:
    _, start, end = only(data, 0, len(data), _SEQUENCE)
    parts = children(data, start, end)
    tags = tuple(part[0] for part in parts)
    if len(parts) != 6 or tags[0] != _INTEGER or tags[1] not in (_SEQUENCE, _SKI):
        return None
    if tags[2:] != (_SEQUENCE, _CONTEXT_0, _SEQUENCE, _OCTET_STRING):
        return None
    digest_algorithm = data[parts[2][1] : parts[2][3]]
    signature_algorithm = data[parts[4][1] : parts[4][3]]
    digest = _DIGESTS.get(_algorithm_oid(digest_algorithm))
    digest_and_mechanism = _MECHANISMS.get(_algorithm_oid(signature_algorithm))
    if digest is None or digest_and_mechanism is None or digest_and_mechanism[0] != digest:
        return None
    protection = _tlv(
        _SEQUENCE,
        digest_algorithm + _tlv(0xA1, signature_algorithm[parts[4][2] - parts[4][1] :]),
    )
    expected = _Expected(hashlib.new(digest, payload).digest(), protection, certificate)
    signing_time = _signing_time(data, parts[3][2], parts[3][3], expected)
    key = _public_key(certificate)
    if key is None:
        return None
    signed = b"\x31" + data[parts[3][1] + 1 : parts[3][3]]  # the SET OF as signed
    signature = data[parts[5][2] : parts[5][3]]
    algorithm = _HASHES[digest]()
    mechanism = digest_and_mechanism[1]
    try:
        if isinstance(key, ec.EllipticCurvePublicKey) and mechanism.endswith("_ecdsa"):
            key.verify(signature, signed, ec.ECDSA(algorithm))
        elif isinstance(key, rsa.RSAPublicKey) and mechanism.endswith("_rsa"):
            key.verify(signature, signed, padding.PKCS1v15(), algorithm)
        else:
            return None
    except InvalidSignature:
        return None
    return Accepted(signing_time)


@dataclass(frozen=True)
class _Expected:
    """What the signed attributes must say for this payload, SignerInfo and signer."""

    message_digest: bytes
    algorithm_protection: bytes  # the attribute's value, DER
    certificate: bytes  # the signer's certificate, DER


def _signing_time(data: bytes, start: int, end: int, expected: _Expected) -> dt.datetime | None:
    """Check the signed attributes in ``data[start:end]``; the signing time they claim.
    Raises ``ValueError`` for anything not accepted here."""
    seen: dict[str, tuple[int, int]] = {}  # attribute -> (value offset, value end)
    for tag, offset, content, attribute_end in children(data, start, end):
        if tag != _SEQUENCE:
            raise ValueError("not an attribute")
        kind_and_values = children(data, content, attribute_end)
        if len(kind_and_values) != 2 or kind_and_values[1][0] != _SET:
            raise ValueError("not an attribute")
        kind = _ATTRIBUTES.get(data[kind_and_values[0][1] : kind_and_values[0][3]])
        if kind is None or kind in seen:
            raise ValueError("unknown or repeated attribute")
        value_offset, _, value_end = only(
            data, kind_and_values[1][2], kind_and_values[1][3], data[kind_and_values[1][2]]
        )
        seen[kind] = (value_offset, value_end)
        if kind == "signing_certificate_v2" and data[offset:attribute_end] != (
            _signing_certificate_v2_der(expected.certificate)
        ):
            raise ValueError("another signing certificate")
    if "content_type" not in seen or "message_digest" not in seen:
        raise ValueError("content type or message digest missing")
    if _value(data, seen["content_type"]) != _DATA:
        raise ValueError("not id-data")
    digest = _value(data, seen["message_digest"])
    if digest != _tlv(_OCTET_STRING, expected.message_digest):
        raise ValueError("message digest mismatch")
    protection = seen.get("cms_algorithm_protection")
    if protection is not None and _value(data, protection) != expected.algorithm_protection:
        raise ValueError("algorithm protection mismatch")
    if "signing_time" not in seen:
        return None
    moment = _value(data, seen["signing_time"])
    if moment[0] not in (_UTC_TIME, _GENERALIZED_TIME):
        raise ValueError("not a time")
    return moment_of(moment)


def moment_of(time: bytes) -> dt.datetime:
    """The moment of a DER ``Time`` (a UTCTime or a GeneralizedTime), as asn1crypto's
    ``cms.Time.load(time, strict=True).native`` gives it; ``ValueError`` where it fails.

    A UTCTime of whole seconds in UTC (``YYMMDDHHMMSSZ``, what ``cms_build`` writes) is
    read here: asn1crypto's parse of it was a third of the attribute check (issue 14).
    Anything else goes to asn1crypto. ``tests/signing/test_cms_check.py`` compares the
    two on generated times."""
    if len(time) == 15 and time[:2] == _UTC_TIME_13 and time[14] == _ZULU:
        digits = time[2:14]
        if digits.isdigit():  # ASCII digits only, as asn1crypto's pattern on its ASCII
            year = int(digits[0:2])
            return dt.datetime(
                year + (2000 if year < 50 else 1900),
                int(digits[2:4]),
                int(digits[4:6]),
                int(digits[6:8]),
                int(digits[8:10]),
                int(digits[10:12]),
                tzinfo=dt.UTC,
            )
    native: dt.datetime = cms.Time.load(time, strict=True).native
    return native


def _value(data: bytes, where: tuple[int, int]) -> bytes:
    return data[where[0] : where[1]]


def _algorithm_oid(algorithm: bytes) -> bytes:
    """The OID (full DER) of an AlgorithmIdentifier without parameters (absent or NULL)."""
    _, start, end = only(algorithm, 0, len(algorithm), _SEQUENCE)
    parts = children(algorithm, start, end)
    if len(parts) == 2 and algorithm[parts[1][1] : parts[1][3]] == _NULL:
        parts = parts[:1]
    if len(parts) != 1:
        raise ValueError("parameters")
    return algorithm[parts[0][1] : parts[0][3]]


def _tlv(tag: int, content: bytes) -> bytes:
    """One DER element (definite length)."""
    length = len(content)
    if length < 0x80:
        return bytes((tag, length)) + content
    size = (length.bit_length() + 7) // 8
    return bytes((tag, 0x80 | size)) + length.to_bytes(size, "big") + content
