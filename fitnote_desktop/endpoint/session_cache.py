"""A short-lived, in-process memory of login sessions already read from the database.

Every authenticated request needs its caller, and reading the session row costs a
transaction; a client sending hundreds of documents would pay it for each one. The
database stays the source of truth (sessions must be valid on every instance), so an
entry is only trusted for ``fresh_for`` (the setting ``session_cache_ttl``) after it
was read and never at or past the
session's own expiry (then the database is asked again, and answers "expired"); a
session that disappears from the database (purged) is refused once its entry goes
stale. Times come from the endpoint's clock, so that tests can move it.
"""

from __future__ import annotations

import threading
from dataclasses import dataclass
from datetime import datetime, timedelta
from typing import Generic, TypeVar

from cachetools import LRUCache

T = TypeVar("T")

FRESH_FOR = timedelta(seconds=10)  # the default of EndpointSettings.session_cache_ttl
MAX_ENTRIES = 4096


@dataclass(frozen=True)
class _Entry(Generic[T]):
    value: T
    fresh_until: datetime  # read time + fresh_for, at most the session's expiry


class SessionCache(Generic[T]):
    """Token hash -> the caller its session row names; least recently used out first
    (cachetools' ``LRUCache``). Thread-safe: the server's worker threads share one cache
    per app."""

    def __init__(self, fresh_for: timedelta = FRESH_FOR, max_entries: int = MAX_ENTRIES) -> None:
        self._fresh_for = fresh_for
        self._entries: LRUCache[str, _Entry[T]] = LRUCache(maxsize=max_entries)
        self._lock = threading.Lock()

    def get(self, token_sha256: str, now: datetime) -> T | None:
        """The value if it is still fresh at ``now``, else ``None`` (ask the database)."""
        with self._lock:
            entry = self._entries.get(token_sha256)
            if entry is None:
                return None
            if now >= entry.fresh_until:
                del self._entries[token_sha256]
                return None
            return entry.value

    def put(self, token_sha256: str, value: T, expires_at: datetime, now: datetime) -> None:
        """Remember ``value`` for a session read at ``now`` that expires at ``expires_at``."""
        entry = _Entry(value, min(expires_at, now + self._fresh_for))
        with self._lock:
            self._entries[token_sha256] = entry
