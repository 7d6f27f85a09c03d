"""Detached CMS SignedData (CAdES-BES) assembled from a per-key template.

pyHanko builds every signature as a tree of asn1crypto objects and serialises it, which
costs tens of times the raw ECDSA signature (issue 14's profiles). For one key, almost
all of a detached SignedData is constant: certificates, signer identifier, algorithms,
the content-type, CMS-algorithm-protection and signing-certificate-v2 attributes. This
module encodes those once (with asn1crypto and pyHanko's own attribute helpers, so they
are byte-identical to pyHanko's) and per signature only adds the message digest, the
optional signing time and the signature value, as DER written by hand.

The output is structurally the same as pyHanko's ``async_sign_general_data(...,
detached=True)``: same fields, same attribute set in DER order, same certificate order;
``tests/signing/test_cms_build.py`` compares the two and validates ours with pyHanko.
"""

from __future__ import annotations

import datetime as dt
import hashlib
from collections.abc import Callable, Sequence

from asn1crypto import algos, cms, core, x509
from cryptography.hazmat.primitives import hashes
from cryptography.hazmat.primitives.asymmetric import ec, padding, rsa
from pyhanko.sign.general import as_signing_certificate_v2, simple_cms_attribute
from pyhanko.sign.signers import SimpleSigner
from pyhanko_certvalidator.registry import SimpleCertificateStore

SignRaw = Callable[[bytes], bytes]
"""Signs the DER of the signed attributes (hashing it with the template's digest)."""

_SEQUENCE, _SET, _OCTET_STRING, _UTC_TIME, _CONTEXT_0 = 0x30, 0x31, 0x04, 0x17, 0xA0
_MESSAGE_DIGEST_OID = core.ObjectIdentifier("1.2.840.113549.1.9.4").dump()
_SIGNING_TIME_OID = core.ObjectIdentifier("1.2.840.113549.1.9.5").dump()
_SUPPORTED_MECHANISMS = {"ecdsa", "rsa"}  # ``sha384_ecdsa``, ``sha256_rsa`` ...


def _tlv(tag: int, content: bytes) -> bytes:
    """One DER element: tag, definite length, content."""
    size = len(content)
    if size < 0x80:
        return bytes((tag, size)) + content
    raw = size.to_bytes((size.bit_length() + 7) // 8, "big")
    return bytes((tag, 0x80 | len(raw))) + raw + content


def signing_time_attribute(moment: dt.datetime) -> bytes:
    """DER of the signing-time attribute as a UTCTime, byte for byte what asn1crypto writes
    (``simple_cms_attribute("signing_time", ...)``) at a tenth of its cost; the same
    refusals: a naive datetime, a year outside 1950-2049."""
    if moment.tzinfo is None:
        raise ValueError("Must be timezone aware")
    utc = moment.astimezone(dt.UTC)
    if not 1950 <= utc.year <= 2049:
        raise ValueError("Year of the UTCTime is not in range [1950, 2049]")
    when = _tlv(_UTC_TIME, utc.strftime("%y%m%d%H%M%SZ").encode("ascii"))
    return _tlv(_SEQUENCE, _SIGNING_TIME_OID + _tlv(_SET, when))


def signature_mechanism(certificate: x509.Certificate, digest: str) -> algos.SignedDigestAlgorithm:
    """The signature algorithm pyHanko picks for this certificate's key and digest."""
    probe = SimpleSigner(
        signing_cert=certificate, signing_key=None, cert_registry=SimpleCertificateStore()
    )
    return probe.get_signature_mechanism_for_digest(digest)


_HASHES: dict[str, type[hashes.HashAlgorithm]] = {
    "sha256": hashes.SHA256,
    "sha384": hashes.SHA384,
    "sha512": hashes.SHA512,
}


def raw_signer(key: ec.EllipticCurvePrivateKey | rsa.RSAPrivateKey, digest: str) -> SignRaw:
    """A :data:`SignRaw` over a ``cryptography`` key held in memory (ECDSA, or RSA
    PKCS#1 v1.5 as pyHanko's ``sha256_rsa``)."""
    algorithm = _HASHES[digest]()
    if isinstance(key, ec.EllipticCurvePrivateKey):
        ecdsa = ec.ECDSA(algorithm)
        return lambda data: key.sign(data, ecdsa)
    return lambda data: key.sign(data, padding.PKCS1v15(), algorithm)


class DetachedCmsTemplate:
    """The constant DER of one key's detached signatures; :meth:`sign` adds the rest.

    ``chain`` is what pyHanko would embed after the signer certificate (the certificate
    registry, in order). ``pdf``: the CMS of a PAdES signature, which pyHanko builds
    without the CMS-algorithm-protection attribute (the PDF's ``/SubFilter`` already fixes
    the algorithms). Immutable after construction: safe to share between threads.
    """

    def __init__(
        self,
        certificate: x509.Certificate,
        chain: Sequence[x509.Certificate],
        digest: str,
        *,
        pdf: bool = False,
    ) -> None:
        mechanism = signature_mechanism(certificate, digest)
        name = str(mechanism["algorithm"].native)
        if name.rpartition("_")[2] not in _SUPPORTED_MECHANISMS or mechanism["parameters"].native:
            raise ValueError(f"no CMS template for the signature mechanism {name}")
        self.digest = digest
        self.mechanism = name
        digest_algorithm = algos.DigestAlgorithm({"algorithm": digest})
        protection = simple_cms_attribute(
            "cms_algorithm_protection",
            cms.CMSAlgorithmProtection(
                {"digest_algorithm": digest_algorithm, "signature_algorithm": mechanism}
            ),
        ).dump()
        self._constant_attributes = (
            simple_cms_attribute("content_type", "data").dump(),
            *(() if pdf else (protection,)),
            simple_cms_attribute(
                "signing_certificate_v2", as_signing_certificate_v2(certificate)
            ).dump(),
        )
        sid = cms.SignerIdentifier(
            {
                "issuer_and_serial_number": cms.IssuerAndSerialNumber(
                    {"issuer": certificate.issuer, "serial_number": certificate.serial_number}
                )
            }
        )
        version = cms.CMSVersion("v1").dump()
        self._signer_info_head = version + sid.dump() + digest_algorithm.dump()
        self._signature_algorithm = mechanism.dump()
        embedded = [certificate]
        for cert in chain:
            if all(cert.sha256 != seen.sha256 for seen in embedded):
                embedded.append(cert)
        self._signed_data_head = (
            version
            + _tlv(_SET, digest_algorithm.dump())
            + cms.EncapsulatedContentInfo({"content_type": "data"}).dump()
            + _tlv(_CONTEXT_0, b"".join(cert.dump() for cert in embedded))
        )
        self._content_type = cms.ContentType("signed_data").dump()

    def sign(
        self, data: bytes, sign_raw: SignRaw, signing_time: dt.datetime | None = None
    ) -> bytes:
        """DER of a ContentInfo holding the detached SignedData over ``data``."""
        digest = hashlib.new(self.digest, bytes(data)).digest()
        attributes = self.signed_attributes(digest, signing_time)
        return self.assemble(attributes, sign_raw(self.to_be_signed(attributes)))

    def signed_attributes(
        self, message_digest: bytes, signing_time: dt.datetime | None = None
    ) -> bytes:
        """The DER content of the signed-attributes SET for a content of that digest; the
        raw signature is made over it tagged as a SET (``to_be_signed``)."""
        attributes = [
            *self._constant_attributes,
            _tlv(_SEQUENCE, _MESSAGE_DIGEST_OID + _tlv(_SET, _tlv(_OCTET_STRING, message_digest))),
        ]
        if signing_time is not None:
            attributes.append(signing_time_attribute(signing_time))
        return b"".join(sorted(attributes))  # DER: a SET OF in encoding order

    @staticmethod
    def to_be_signed(attributes: bytes) -> bytes:
        """What the raw signature covers: the attributes as a DER SET."""
        return _tlv(_SET, attributes)

    def assemble(self, attributes: bytes, signature: bytes) -> bytes:
        """DER of the ContentInfo: signed ``attributes`` and the raw ``signature`` over
        :meth:`to_be_signed` of them."""
        signer_info = _tlv(
            _SEQUENCE,
            self._signer_info_head
            + _tlv(_CONTEXT_0, attributes)
            + self._signature_algorithm
            + _tlv(_OCTET_STRING, signature),
        )
        signed_data = _tlv(_SEQUENCE, self._signed_data_head + _tlv(_SET, signer_info))
        return _tlv(_SEQUENCE, self._content_type + _tlv(_CONTEXT_0, signed_data))
