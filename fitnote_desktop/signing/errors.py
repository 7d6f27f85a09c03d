"""Errors of the signing layer, each with a stable machine-readable ``code``.

The UI translates ``code`` (never the English text); the CLI prints ``str()`` as one
line. Messages never contain a PIN, a password or payload bytes: they may name a file,
a module path or a token label, which are not secrets.
"""

from __future__ import annotations

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

_DEFAULT_MESSAGES: dict[str, str] = {
    WRONG_PIN: "The PIN is incorrect.",
    TOKEN_LOCKED: "The card or token is locked after too many wrong PINs; unblock it first.",
    TOKEN_NOT_FOUND: "No matching card or token was found.",
    MODULE_NOT_FOUND: "The PKCS#11 module could not be loaded.",
    WRONG_PASSWORD: "The password of the key file is incorrect.",
    KEY_NOT_FOUND: "The key or certificate was not found.",
    CANCELLED: "Signing was cancelled.",
    FILE_NOT_FOUND: "The key file was not found.",
    UNSUPPORTED_KEY: "This key type is not supported.",
    TOKEN_ERROR: "The card or token reported an error.",
    CONFIG_INVALID: "The signer configuration is incomplete.",
}


class SigningError(Exception):
    """A signing failure the user can act on.

    ``code`` is stable (UI translation key, CLI/JSON output); ``str()`` is a safe English
    one-liner. Callers must not put secrets or document content into ``message``.
    """

    def __init__(self, code: str, message: str | None = None) -> None:
        self.code = code
        self.message = message or _DEFAULT_MESSAGES.get(code, "Signing failed.")
        super().__init__(self.message)

    def __repr__(self) -> str:
        return f"SigningError({self.code!r}, {self.message!r})"


class EnvelopeError(ValueError):
    """The JSON envelope ``{"payload", "signature"}`` could not be read.

    A ``ValueError`` (bad input) rather than a ``SigningError``: it is raised on the
    receiving side, typically by the endpoint, where nothing is being signed.
    """

    code = "envelope.malformed"

    def __init__(self, message: str = "The signed envelope is malformed.") -> None:
        self.message = message
        super().__init__(message)
