"""Errors of the signing layer, each with a stable code from the message catalogue.

The UI and the CLI render ``code`` through ``domain.messages`` in the user's language
(never the English text). Details never contain a PIN, a password or payload bytes:
they may name a file, a module path or a token label, which are not secrets.
"""

from __future__ import annotations

from fitnote_desktop.domain.messages import message

# Error codes, not secrets (ruff's S105 flags names containing "token"/"password").
WRONG_PIN = "signing.wrong_pin"
TOKEN_LOCKED = "signing.token_locked"  # noqa: S105
TOKEN_NOT_FOUND = "signing.token_not_found"  # noqa: S105
MODULE_NOT_FOUND = "signing.module_not_found"
WRONG_PASSWORD = "signing.wrong_password"  # noqa: S105
KEY_NOT_FOUND = "signing.key_not_found"
CANCELLED = "signing.cancelled"
FILE_NOT_FOUND = "signing.file_not_found"
UNSUPPORTED_KEY = "signing.unsupported_key"
TOKEN_ERROR = "signing.token_error"  # noqa: S105
CONFIG_INVALID = "signing.config_invalid"


class SigningError(Exception):
    """A signing failure the user can act on.

    ``code`` is stable (catalogue key, CLI/JSON output); the UI and the CLI show its
    sentence from ``resources/messages`` in the user's language. ``detail`` is an
    optional English technical note for logs (a file or token label, never a secret or
    document content); ``str()`` is the English sentence followed by that note.
    """

    def __init__(self, code: str, detail: str | None = None, **params: object) -> None:
        self.code = code
        self.detail = detail
        self.params = params
        english = message(code, "en", **params)
        super().__init__(f"{english} ({detail})" if detail else english)

    def __repr__(self) -> str:
        return f"SigningError({self.code!r})"


class EnvelopeError(ValueError):
    """The JSON envelope ``{"payload", "signature"}`` could not be read.

    A ``ValueError`` (bad input) rather than a ``SigningError``: it is raised on the
    receiving side, typically by the endpoint, where nothing is being signed.
    """

    code = "envelope.malformed"

    def __init__(self, detail: str | None = None) -> None:
        self.detail = detail
        english = message(self.code, "en")
        super().__init__(f"{english} ({detail})" if detail else english)
