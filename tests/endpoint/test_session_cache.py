"""The in-process memory of login sessions: fast, but never more permissive than the database
allows for longer than ``FRESH_FOR``, and never past a session's expiry."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

import sqlalchemy as sa
from support.endpoint import LiveEndpoint, MutableClock, Physician

from fitnote_desktop.endpoint import db
from fitnote_desktop.endpoint.session_cache import FRESH_FOR, SessionCache


def _dossiers(endpoint: LiveEndpoint, token: str) -> tuple[int, str]:
    with endpoint.http() as http:
        r = http.get("/v1/dossiers", headers={"Authorization": f"Bearer {token}"})
    return r.status_code, r.json().get("code", "") if r.status_code != 200 else ""


def _login(endpoint: LiveEndpoint, gp: Physician) -> str:
    client = endpoint.client(gp)
    client.login()
    token: str = client._session.token  # type: ignore[union-attr]
    return token


def test_a_cached_session_is_still_refused_once_expired(
    endpoint: LiveEndpoint, gp: Physician, clock: MutableClock
) -> None:
    token = _login(endpoint, gp)  # session_ttl is 15 minutes
    clock.advance(minutes=15, seconds=-5)
    assert _dossiers(endpoint, token) == (200, "")  # read from the database, now cached
    clock.advance(seconds=6)  # past the expiry, within FRESH_FOR of the read
    assert _dossiers(endpoint, token) == (401, "auth.session_expired")


def test_a_session_gone_from_the_database_is_refused_once_its_entry_is_stale(
    endpoint: LiveEndpoint, gp: Physician, clock: MutableClock
) -> None:
    token = _login(endpoint, gp)
    assert _dossiers(endpoint, token) == (200, "")
    engine = db.make_engine(endpoint.settings.db_url)
    try:
        with engine.begin() as conn:  # revoked (or purged) behind this instance's back
            conn.execute(sa.delete(db.Session))
    finally:
        engine.dispose()
    assert _dossiers(endpoint, token) == (200, "")  # the cache answers, briefly
    clock.advance(seconds=FRESH_FOR.total_seconds())
    assert _dossiers(endpoint, token) == (401, "auth.session_invalid")


def test_freshness_is_capped_by_the_expiry_and_the_cache_is_bounded() -> None:
    now = datetime(2026, 1, 5, 9, 0, tzinfo=UTC)
    cache: SessionCache[str] = SessionCache(fresh_for=timedelta(seconds=10), max_entries=2)
    cache.put("a", "alice", expires_at=now + timedelta(seconds=3), now=now)
    assert cache.get("a", now + timedelta(seconds=2)) == "alice"
    assert cache.get("a", now + timedelta(seconds=3)) is None  # expired: ask the database
    cache.put("b", "bob", expires_at=now + timedelta(hours=1), now=now)
    assert cache.get("b", now + timedelta(seconds=9)) == "bob"
    assert cache.get("b", now + timedelta(seconds=10)) is None  # stale
    for key in ("c", "d", "e"):
        cache.put(key, key, expires_at=now + timedelta(hours=1), now=now)
    assert [cache.get(k, now) for k in ("c", "d", "e")] == [None, "d", "e"]


def test_a_zero_freshness_asks_the_database_every_time() -> None:
    now = datetime(2026, 1, 5, 9, 0, tzinfo=UTC)
    cache: SessionCache[str] = SessionCache(fresh_for=timedelta(0))
    cache.put("a", "alice", expires_at=now + timedelta(hours=1), now=now)
    assert cache.get("a", now) is None
