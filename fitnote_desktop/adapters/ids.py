"""Ids cross the service ports as strings; the store keys on UUIDs."""

from __future__ import annotations

import uuid

from fitnote_desktop.services.errors import ServiceError


def as_uuid(value: str | uuid.UUID) -> uuid.UUID:
    """``value`` as a UUID; an id that cannot be one is not in the store."""
    try:
        return value if isinstance(value, uuid.UUID) else uuid.UUID(str(value))
    except ValueError:
        raise ServiceError("store.not_found") from None
