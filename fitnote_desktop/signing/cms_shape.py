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

from asn1crypto import cms

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
    signature algorithms (each element's full DER). ``signer_info``: the one SignerInfo,
    parsed by asn1crypto, for the checks of its signed attributes and signature.
    """

    constant: bytes
    signer_info: cms.SignerInfo


def _element(data: bytes, offset: int, end: int) -> tuple[int, int, int]:
    """``(tag, content start, element end)`` of the DER element at ``offset``; raises
    ``ValueError`` unless it is a single-byte tag with a minimal definite length that
    fits before ``end``."""
    if offset + 2 > end:
        raise ValueError("truncated element")
    tag, first = data[offset], data[offset + 1]
    if tag & 0x1F == 0x1F:
        raise ValueError("multi-byte tag")
    if first < 0x80:
        start, length = offset + 2, first
    else:
        count = first & 0x7F
        raw = data[offset + 2 : offset + 2 + count]
        if not 1 <= count <= 4 or len(raw) != count or raw[0] == 0:
            raise ValueError("indefinite or non-minimal length")
        length = int.from_bytes(raw, "big")
        if length < 0x80:
            raise ValueError("non-minimal length")
        start = offset + 2 + count
    if start + length > end:
        raise ValueError("element longer than its container")
    return tag, start, start + length


def _children(data: bytes, start: int, end: int) -> list[tuple[int, int, int, int]]:
    """The elements filling ``data[start:end]`` exactly: ``(tag, offset, content, end)``."""
    children = []
    offset = start
    while offset < end:
        tag, content, element_end = _element(data, offset, end)
        children.append((tag, offset, content, element_end))
        offset = element_end
    return children


def _only(data: bytes, start: int, end: int, tag: int) -> tuple[int, int, int]:
    """The single element of tag ``tag`` that fills ``data[start:end]`` exactly."""
    children = _children(data, start, end)
    if len(children) != 1 or children[0][0] != tag:
        raise ValueError("unexpected element")
    return children[0][1:]


def split_detached(cms_der: bytes) -> DetachedParts | None:
    """The constant and per-signature parts of ``cms_der``, or ``None`` when it is not
    of the one recognised shape (never raises)."""
    try:
        return _split(bytes(cms_der))
    except (ValueError, TypeError, KeyError, IndexError):
        return None


def _split(data: bytes) -> DetachedParts | None:
    _, info_start, info_end = _only(data, 0, len(data), _SEQUENCE)
    info = _children(data, info_start, info_end)
    if len(info) != 2 or data[info[0][1] : info[0][3]] != _SIGNED_DATA_OID:
        return None
    if info[1][0] != _CONTEXT_0:
        return None
    _, sd_start, sd_end = _only(data, info[1][2], info[1][3], _SEQUENCE)
    signed_data = _children(data, sd_start, sd_end)
    if tuple(child[0] for child in signed_data) != _SIGNED_DATA_TAGS:
        return None
    if data[signed_data[2][1] : signed_data[2][3]] != _DETACHED_DATA:
        return None
    si_offset, si_start, si_end = _only(data, signed_data[4][2], signed_data[4][3], _SEQUENCE)
    signer_info = _children(data, si_start, si_end)
    if tuple(child[0] for child in signer_info) != _SIGNER_INFO_TAGS:
        return None
    constant_children = (*signed_data[:4], *signer_info[:3], signer_info[4])
    constant = b"".join(data[child[1] : child[3]] for child in constant_children)
    return DetachedParts(constant, cms.SignerInfo.load(data[si_offset:si_end], strict=True))
