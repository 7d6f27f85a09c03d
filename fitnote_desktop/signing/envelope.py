"""The JSON envelope that carries a signed document: ``{"payload", "signature"}``.

``payload`` is base64 of the exact signed bytes (the canonical JSON), ``signature`` base64
of the detached CMS (DER). Standard base64 with padding (RFC 4648 §4), decoded strictly:
a receiver must verify exactly the bytes that were signed, so sloppy input is refused
instead of being repaired.
"""

from __future__ import annotations

import base64
import binascii
import json
from typing import Any

from fitnote_desktop.signing.errors import EnvelopeError

__all__ = ["EnvelopeError", "dump_envelope", "load_envelope", "make_envelope", "parse_envelope"]


def make_envelope(payload: bytes, cms: bytes) -> dict[str, str]:
    """Envelope dict for ``json.dumps`` (or an httpx ``json=``)."""
    return {
        "payload": base64.b64encode(bytes(payload)).decode("ascii"),
        "signature": base64.b64encode(bytes(cms)).decode("ascii"),
    }


def _decode(obj: dict[str, Any], name: str) -> bytes:
    value = obj.get(name)
    if not isinstance(value, str) or not value:
        raise EnvelopeError(f"The envelope's {name!r} must be a non-empty base64 string.")
    try:
        return base64.b64decode(value.encode("ascii"), validate=True)
    except (binascii.Error, UnicodeEncodeError, ValueError):
        raise EnvelopeError(f"The envelope's {name!r} is not valid base64.") from None


def parse_envelope(obj: object) -> tuple[bytes, bytes]:
    """``(payload, cms)`` from an envelope given as dict, JSON text or JSON bytes.

    Raises ``EnvelopeError`` (code ``envelope.malformed``) for bad JSON, a wrong shape or
    bad base64. Other keys are ignored (room for transport metadata); nothing outside
    ``payload`` is covered by the signature, so nothing else may be trusted.
    """
    if isinstance(obj, bytes | bytearray | str):
        try:
            obj = json.loads(obj)
        except (ValueError, UnicodeDecodeError):
            raise EnvelopeError("The envelope is not valid JSON.") from None
    if not isinstance(obj, dict):
        raise EnvelopeError("The envelope must be a JSON object.")
    return _decode(obj, "payload"), _decode(obj, "signature")


def dump_envelope(payload: bytes, cms: bytes) -> bytes:
    """Envelope as UTF-8 JSON bytes with a trailing newline (the CLI's file format)."""
    return (json.dumps(make_envelope(payload, cms), indent=2) + "\n").encode("utf-8")


def load_envelope(data: bytes | str) -> tuple[bytes, bytes]:
    return parse_envelope(data)
