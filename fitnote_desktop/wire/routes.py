"""The paths of API v1, relative to ``API_PREFIX``: the endpoint serves them, the client
calls them. Path parameters are written as the endpoint declares them (OpenAPI names)."""

from __future__ import annotations

API_PREFIX = "/v1"

HEALTH = "/health"
AUTH_CHALLENGE = "/auth/challenge"
AUTH_SESSION = "/auth/session"
DOCUMENT = "/documents/{document_id}"
DOCUMENT_RECEIPT = "/documents/{document_id}/receipt"
DOCUMENT_RETRACTION = "/documents/{document_id}/retraction"
EPISODE_LOOKUP = "/episodes/lookup"
DOSSIERS = "/dossiers"
DOSSIER_THREADS = "/dossiers/{dossier_id}/threads"
THREAD = "/threads/{thread_id}"
THREAD_MESSAGES = "/threads/{thread_id}/messages"
THREAD_READ = "/threads/{thread_id}/read"
QUESTIONS = "/questions"
DOCUMENT_QUESTIONS = "/documents/{document_id}/questions"
QUESTION_ANSWER = "/questions/{question_id}/answer"
MIRROR = "/mirror"

ALL = (
    HEALTH,
    AUTH_CHALLENGE,
    AUTH_SESSION,
    DOCUMENT,
    DOCUMENT_RECEIPT,
    DOCUMENT_RETRACTION,
    EPISODE_LOOKUP,
    DOSSIERS,
    DOSSIER_THREADS,
    THREAD,
    THREAD_MESSAGES,
    THREAD_READ,
    QUESTIONS,
    DOCUMENT_QUESTIONS,
    QUESTION_ANSWER,
    MIRROR,
)
