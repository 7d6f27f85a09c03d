"""A strict walk over DER elements, for the verifier's fast paths (``cms_shape``,
``cms_check``): single-byte tags, minimal definite lengths, every element inside its
container. Anything else raises ``ValueError``, and the callers then leave the input to
pyHanko."""

from __future__ import annotations


def element(data: bytes, offset: int, end: int) -> tuple[int, int, int]:
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


def children(data: bytes, start: int, end: int) -> list[tuple[int, int, int, int]]:
    """The elements filling ``data[start:end]`` exactly: ``(tag, offset, content, end)``."""
    found = []
    offset = start
    while offset < end:
        tag, content, element_end = element(data, offset, end)
        found.append((tag, offset, content, element_end))
        offset = element_end
    return found


def only(data: bytes, start: int, end: int, tag: int) -> tuple[int, int, int]:
    """The single element of tag ``tag`` that fills ``data[start:end]`` exactly:
    ``(offset, content start, end)``."""
    found = children(data, start, end)
    if len(found) != 1 or found[0][0] != tag:
        raise ValueError("unexpected element")
    return found[0][1:]
