"""The retraction an author signs (with the signature key) to withdraw a document."""

from __future__ import annotations

import json
import uuid
from dataclasses import dataclass
from datetime import datetime

from fitnote_desktop.wire.encoding import canonical_json, format_time, parse_time

RETRACTION_SCHEMA = "fitnote-retraction/1"
RETRACTION_REASONS = ("error", "replaced", "patient-request", "other")


def retraction_bytes(document_id: str | uuid.UUID, reason: str, at: datetime) -> bytes:
    """The canonical payload an author signs to retract a document.

    ``reason`` is a short code (``"error"``, ``"replaced"``, ...), not free text: the
    endpoint stores it and free text could carry medical content.
    """
    return canonical_json(
        {
            "schema": RETRACTION_SCHEMA,
            "document_id": str(uuid.UUID(str(document_id))),
            "reason": reason,
            "retracted_at": format_time(at),
        }
    )


@dataclass(frozen=True)
class Retraction:
    document_id: str
    reason: str
    retracted_at: datetime

    @classmethod
    def from_bytes(cls, raw: bytes) -> Retraction:
        """Parse retraction bytes; raises ``ValueError`` on anything but the exact form."""
        try:
            data = json.loads(raw.decode("utf-8"))
            if not isinstance(data, dict) or data.get("schema") != RETRACTION_SCHEMA:
                raise ValueError("not a retraction")
            out = cls(
                document_id=str(uuid.UUID(data["document_id"])),
                reason=str(data["reason"]),
                retracted_at=parse_time(data["retracted_at"]),
            )
        except (UnicodeDecodeError, json.JSONDecodeError, KeyError, ValueError, TypeError):
            raise ValueError("retraction payload is malformed") from None
        if retraction_bytes(out.document_id, out.reason, out.retracted_at) != raw:
            raise ValueError("retraction payload is not canonical")
        return out
