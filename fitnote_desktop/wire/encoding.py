"""The byte-exact spellings of what gets signed: canonical JSON and UTC times."""

from __future__ import annotations

import json
from datetime import UTC, datetime
from typing import Any


def canonical_json(obj: dict[str, Any]) -> bytes:
    """Sorted keys, no insignificant whitespace, UTF-8: the bytes both sides sign."""
    return json.dumps(obj, sort_keys=True, separators=(",", ":"), ensure_ascii=False).encode()


def format_time(moment: datetime) -> str:
    """UTC, microseconds, ``Z``: one spelling, so receipts compare byte for byte."""
    return moment.astimezone(UTC).strftime("%Y-%m-%dT%H:%M:%S.%fZ")


def parse_time(text: str) -> datetime:
    return datetime.strptime(text, "%Y-%m-%dT%H:%M:%S.%fZ").replace(tzinfo=UTC)
