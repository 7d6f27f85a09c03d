"""Tunables of the store, with production defaults; tests pass cheaper or stricter ones."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import UTC, datetime

from fitnote_desktop.store.keys import DEFAULT_KDF, KdfParams


def utc_now() -> datetime:
    return datetime.now(UTC)


@dataclass(frozen=True)
class StoreOptions:
    """How a profile store behaves; the defaults are the production values.

    ``max_versions``: autosaved versions kept per draft besides the very first one (see
    ``documents.py`` for why history is bounded). ``synchronous``: SQLite ``FULL``
    fsyncs the WAL on every commit, so an acknowledged autosave survives a power cut,
    not only a crash of the app. ``max_page_count`` caps the database size; it exists to
    simulate a full disk in tests. ``kdf``: parameters for *new* passphrase wrappings.
    """

    kdf: KdfParams = DEFAULT_KDF
    max_versions: int = 50
    busy_timeout_ms: int = 5000
    synchronous: str = "FULL"
    max_page_count: int | None = None
    clock: Callable[[], datetime] = field(default=utc_now)
