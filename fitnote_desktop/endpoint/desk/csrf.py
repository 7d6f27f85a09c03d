"""CSRF tokens of the desk's forms.

Signed in: the token is derived from the session's secret cookie token
(SHA-256 over a label and the token), so it needs no storage, differs per session and
cannot be computed by a page on another site, which never sees the cookie. Before
sign-in (the demo's sign-in form) a double-submit token: a random value in a
``__Host-`` cookie that the form must repeat. Every POST checks one of the two (403).
"""

from __future__ import annotations

import hashlib
import hmac
import secrets

FIELD = "csrf"
PRE_SESSION_COOKIE = "__Host-fitnote-desk-signin"


def token_for(session_token: str) -> str:
    return hashlib.sha256(f"fitnote-desk-csrf:{session_token}".encode()).hexdigest()


def valid(session_token: str, submitted: str | None) -> bool:
    return bool(submitted) and hmac.compare_digest(token_for(session_token), str(submitted))


def new_pre_session_token() -> str:
    return secrets.token_urlsafe(24)


def valid_pre_session(cookie: str | None, submitted: str | None) -> bool:
    return bool(cookie) and bool(submitted) and hmac.compare_digest(str(cookie), str(submitted))
