"""Base64 (standard alphabet, padded) as API v1 carries binary fields."""

from __future__ import annotations

import base64
import binascii

from fitnote_desktop.endpoint.errors import ApiError


def b64encode(data: bytes) -> str:
    return base64.b64encode(data).decode("ascii")


def b64decode_field(value: str, code: str, field: str) -> bytes:
    """Decode a request field strictly; a bad value is answered with ``code``."""
    try:
        return base64.b64decode(value.encode("ascii"), validate=True)
    except (binascii.Error, UnicodeEncodeError, ValueError):
        raise ApiError(code, f"{field} is not valid base64", field=field) from None
