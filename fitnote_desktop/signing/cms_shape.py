"""Splits a detached SignedData into the part that is constant per signer and the part
that changes with every signature, by a strict walk over its DER.

Of one physician's thousand documents, everything but the signed attributes and the
signature value is byte-identical: versions, algorithms, the signer identifier and the
embedded certificates (``cms_build`` writes them from a per-key template). The verifier
keys its cache of validated certificate paths on those constant bytes
(:attr:`DetachedParts.constant`), so a cache hit means "the very same certificates and
signer identifier that pyHanko validated before".

Only the one shape ``cms_build`` (and pyHanko's detached signing) writes is recognised:
ContentInfo{signedData, [0]{SignedData{version, digestAlgorithms, encapContentInfo = data
without content, [0] certificates, no CRLs, exactly one SignerInfo{version,
issuerAndSerialNumber, digestAlgorithm, [0] signedAttrs, signatureAlgorithm, signature,
no unsignedAttrs}}}}, in minimal definite-length DER, with no byte left over at any level.
Anything else returns ``None``, and the verifier hands the document to pyHanko, which
gives every verdict on it.
"""

from __future__ import annotations

from dataclasses import dataclass

from fitnote_desktop.signing.der import children, only

_SEQUENCE, _SET, _INTEGER, _OID, _OCTET_STRING = 0x30, 0x31, 0x02, 0x06, 0x04
_CONTEXT_0 = 0xA0
_SIGNED_DATA_OID = bytes.fromhex("06092a864886f70d010702")
# EncapsulatedContentInfo{contentType = id-data} without eContent: a detached signature.
_DETACHED_DATA = bytes.fromhex("300b06092a864886f70d010701")
_SIGNED_DATA_TAGS = (_INTEGER, _SET, _SEQUENCE, _CONTEXT_0, _SET)
_SIGNER_INFO_TAGS = (_INTEGER, _SEQUENCE, _SEQUENCE, _CONTEXT_0, _SEQUENCE, _OCTET_STRING)


@dataclass(frozen=True)
class DetachedParts:
    """A detached SignedData of the recognised shape, split.

    ``constant``: the SignedData's version, digest algorithms, encapsulated content info
    and certificates, then the SignerInfo's version, signer identifier, digest and
    signature algorithms (each element's full DER). ``signer_info``: the one SignerInfo's
    DER, for the checks of its signed attributes and signature (``cms_check``).
    """

    constant: bytes
    signer_info: bytes


def split_detached(cms_der: bytes) -> DetachedParts | None:
    """The constant and per-signature parts of ``cms_der``, or ``None`` when it is not
    of the one recognised shape (never raises)."""
    try:
        return _split(bytes(cms_der))
    except (ValueError, TypeError, KeyError, IndexError):
        return None


def _split(data: bytes) -> DetachedParts | None:
    _, info_start, info_end = only(data, 0, len(data), _SEQUENCE)
    info = children(data, info_start, info_end)
    if len(info) != 2 or data[info[0][1] : info[0][3]] != _SIGNED_DATA_OID:
        return None
    if info[1][0] != _CONTEXT_0:
        return None
    _, sd_start, sd_end = only(data, info[1][2], info[1][3], _SEQUENCE)
    signed_data = children(data, sd_start, sd_end)
    if tuple(child[0] for child in signed_data) != _SIGNED_DATA_TAGS:
        return None
    if data[signed_data[2][1] : signed_data[2][3]] != _DETACHED_DATA:
        return None
    si_offset, si_start, si_end = only(data, signed_data[4][2], signed_data[4][3], _SEQUENCE)
    signer_info = children(data, si_start, si_end)
    if tuple(child[0] for child in signer_info) != _SIGNER_INFO_TAGS:
        return None
    constant_children = (*signed_data[:4], *signer_info[:3], signer_info[4])
    constant = b"".join(data[child[1] : child[3]] for child in constant_children)
    return DetachedParts(constant, data[si_offset:si_end])
