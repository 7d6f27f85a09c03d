"""The receipt the endpoint signs for each accepted or retracted document.

Only its canonical bytes are defined here; signing is the endpoint's
(``endpoint.receipts``), verification against the pinned certificate the client's
(``transport.receipts``).
"""

from __future__ import annotations

import json
import uuid
from dataclasses import dataclass
from datetime import datetime
from typing import Literal

from fitnote_desktop.wire.encoding import canonical_json, format_time, parse_time

RECEIPT_SCHEMA = "fitnote-receipt/1"

ReceiptStatus = Literal["accepted", "retracted"]


@dataclass(frozen=True)
class Receipt:
    """What the endpoint attests: it received these exact bytes under this id, then."""

    document_id: str
    payload_sha256: str
    received_at: datetime
    status: ReceiptStatus

    def to_bytes(self) -> bytes:
        return canonical_json(
            {
                "schema": RECEIPT_SCHEMA,
                "document_id": self.document_id,
                "payload_sha256": self.payload_sha256,
                "received_at": format_time(self.received_at),
                "status": self.status,
            }
        )

    @classmethod
    def from_bytes(cls, raw: bytes) -> Receipt:
        """Parse receipt bytes; raises ``ValueError`` on anything but the exact form."""
        try:
            data = json.loads(raw.decode("utf-8"))
        except (UnicodeDecodeError, json.JSONDecodeError):
            raise ValueError("receipt is not UTF-8 JSON") from None
        if not isinstance(data, dict) or data.get("schema") != RECEIPT_SCHEMA:
            raise ValueError("not a fitnote receipt")
        try:
            receipt = cls(
                document_id=str(uuid.UUID(data["document_id"])),
                payload_sha256=str(data["payload_sha256"]),
                received_at=parse_time(data["received_at"]),
                status=data["status"],
            )
        except (KeyError, ValueError, TypeError):
            raise ValueError("receipt fields are malformed") from None
        if receipt.status not in ("accepted", "retracted"):
            raise ValueError("receipt status is unknown")
        if receipt.to_bytes() != raw:
            raise ValueError("receipt is not in canonical form")
        return receipt
