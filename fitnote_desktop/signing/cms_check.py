"""The signature check of one CMS SignerInfo, done directly, for the common well-formed case.

pyHanko's ``validate_sig_integrity`` spends most of its time in asn1crypto (attribute
look-ups, LDAP-normalised name comparisons) around one raw signature check (issue 14's
profiles). :func:`accepts` does the same checks directly on the DER for the one shape of
SignerInfo this application produces (the one ``cms_build`` writes), and answers only
"accepted" or "not decided here". The caller then runs pyHanko for every undecided case,
so a verdict of *rejection* (and its exact code) always comes from pyHanko, and the fast
path can only confirm what pyHanko would accept: the differential tests
(``tests/signing/test_cms_check.py``) compare the two on every tamper case and on
generated mutations.

Accepted only when: SHA-2 digest and ``<digest>_ecdsa``/``<digest>_rsa`` without
parameters; signed attributes present, each type at most once, only content-type (=
data), message-digest (= the payload's digest), signing-time, CMS algorithm protection
(byte-equal to the SignerInfo's two algorithms) and signing-certificate-v2 (byte-equal
to the one pyHanko would write for ``certificate``); and the signature verifies with
``certificate``'s key over the attributes as signed.
"""

from __future__ import annotations

import hashlib
from functools import lru_cache

from asn1crypto import algos, cms, core, x509
from cryptography.exceptions import InvalidSignature
from cryptography.hazmat.primitives import hashes
from cryptography.hazmat.primitives.asymmetric import ec, padding, rsa
from cryptography.hazmat.primitives.serialization import load_der_public_key
from pyhanko.sign.general import as_signing_certificate_v2, simple_cms_attribute

_HASHES: dict[str, type[hashes.HashAlgorithm]] = {
    "sha256": hashes.SHA256,
    "sha384": hashes.SHA384,
    "sha512": hashes.SHA512,
}
_KNOWN = {
    "content_type",
    "message_digest",
    "signing_time",
    "cms_algorithm_protection",
    "signing_certificate_v2",
}


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
        return _accepts(signer_info, certificate, bytes(payload))
    except (ValueError, TypeError, KeyError, IndexError, AttributeError):
        return False


def _accepts(signer_info: cms.SignerInfo, certificate: x509.Certificate, payload: bytes) -> bool:
    digest_algorithm: algos.DigestAlgorithm = signer_info["digest_algorithm"]
    signature_algorithm: algos.SignedDigestAlgorithm = signer_info["signature_algorithm"]
    digest = digest_algorithm["algorithm"].native
    if digest not in _HASHES or digest_algorithm["parameters"].native is not None:
        return False
    mechanism = signature_algorithm["algorithm"].native
    if mechanism not in (f"{digest}_ecdsa", f"{digest}_rsa"):
        return False
    if signature_algorithm["parameters"].native is not None:
        return False
    signed_attrs = signer_info["signed_attrs"]
    if signed_attrs is core.VOID or not isinstance(signed_attrs, cms.CMSAttributes):
        return False

    certificate_der = certificate.dump()
    seen: set[str] = set()
    for attribute in signed_attrs:
        kind = attribute["type"].native
        if kind not in _KNOWN or kind in seen or len(attribute["values"]) != 1:
            return False
        seen.add(kind)
        value = attribute["values"][0]
        if kind == "content_type" and value.native != "data":
            return False
        if kind == "message_digest" and value.native != hashlib.new(digest, payload).digest():
            return False
        if kind == "cms_algorithm_protection" and (
            # content octets: the attribute tags the signature algorithm [1] IMPLICIT
            value["digest_algorithm"].contents != digest_algorithm.contents
            or value["signature_algorithm"].contents != signature_algorithm.contents
            or value["mac_algorithm"].native is not None
        ):
            return False
        if kind == "signing_certificate_v2" and attribute.dump() != _signing_certificate_v2_der(
            certificate_der
        ):
            return False
    if not {"content_type", "message_digest"} <= seen:
        return False

    key = _public_key(certificate_der)
    if key is None:
        return False
    signed = signed_attrs.untag().dump()  # as pyHanko does: the SET OF as received
    signature = signer_info["signature"].native
    algorithm = _HASHES[digest]()
    try:
        if isinstance(key, ec.EllipticCurvePublicKey) and mechanism.endswith("_ecdsa"):
            key.verify(signature, signed, ec.ECDSA(algorithm))
        elif isinstance(key, rsa.RSAPublicKey) and mechanism.endswith("_rsa"):
            key.verify(signature, signed, padding.PKCS1v15(), algorithm)
        else:
            return False
    except InvalidSignature:
        return False
    return True
