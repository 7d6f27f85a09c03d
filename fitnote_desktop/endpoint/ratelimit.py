"""A per-client token bucket for the public pages (no login, so no other brake).

In process and in memory: enough for the sandbox endpoint and for one worker; with
several workers each keeps its own buckets, so the effective limit is multiplied by the
number of workers (a shared limiter would live in the database or a proxy). Only the
client's address is kept, never what it asked for, and idle full buckets are forgotten
so that the table cannot grow without bound.
"""

from __future__ import annotations

import threading
import time
from collections.abc import Callable
from dataclasses import dataclass


@dataclass
class _Bucket:
    tokens: float
    updated: float


class RateLimiter:
    """``capacity`` requests at once, refilled at ``per_second``; thread-safe."""

    def __init__(
        self,
        capacity: int = 30,
        per_second: float = 0.5,
        *,
        max_clients: int = 10_000,
        clock: Callable[[], float] = time.monotonic,
    ) -> None:
        self.capacity = capacity
        self.per_second = per_second
        self._max_clients = max_clients
        self._clock = clock
        self._buckets: dict[str, _Bucket] = {}
        self._lock = threading.Lock()

    def allow(self, client: str) -> bool:
        """Take a token for ``client``; false when its bucket is empty."""
        now = self._clock()
        with self._lock:
            bucket = self._buckets.get(client)
            if bucket is None:
                if len(self._buckets) >= self._max_clients:
                    self._forget_idle(now)
                bucket = self._buckets[client] = _Bucket(float(self.capacity), now)
            else:
                refill = (now - bucket.updated) * self.per_second
                bucket.tokens = min(float(self.capacity), bucket.tokens + refill)
                bucket.updated = now
            if bucket.tokens < 1:
                return False
            bucket.tokens -= 1
            return True

    def retry_after(self) -> int:
        """Seconds until one token is back (for the ``Retry-After`` header)."""
        return max(1, round(1 / self.per_second)) if self.per_second > 0 else 60

    def _forget_idle(self, now: float) -> None:
        """Drop the buckets that have refilled (their clients are not limited anyway);
        when every client is busy, drop the oldest half."""
        full = [
            key
            for key, b in self._buckets.items()
            if b.tokens + (now - b.updated) * self.per_second >= self.capacity
        ]
        if not full:
            by_age = sorted(self._buckets, key=lambda key: self._buckets[key].updated)
            full = by_age[: len(by_age) // 2 or 1]
        for key in full:
            del self._buckets[key]
