"""One error type for everything a use case can refuse, carrying a translatable code.

Every layer below raises its own exception class with a stable ``.code`` (store,
signing, transport). The services re-raise them as :class:`ServiceError` so that the UI
needs exactly one ``except`` and one lookup (``messages.message(code, lang)``) to show
a sentence in the user's language, and never shows an English ``str(exc)``.
"""

from __future__ import annotations

from typing import Any


class ServiceError(Exception):
    """A failure the user can act on: ``code`` is a message code, ``params`` fill it."""

    def __init__(self, code: str, **params: Any) -> None:
        super().__init__(code)
        self.code = code
        self.params = params

    def __repr__(self) -> str:
        return f"ServiceError({self.code!r})"


def code_of(exc: BaseException, default: str = "app.unexpected") -> str:
    """The stable code of an exception from any layer (``default`` when it has none)."""
    code = getattr(exc, "code", None)
    return code if isinstance(code, str) and code else default


def wrap(exc: BaseException, default: str = "app.unexpected") -> ServiceError:
    """``exc`` as a :class:`ServiceError`, keeping its code (chain it with ``from exc``)."""
    if isinstance(exc, ServiceError):
        return exc
    params = getattr(exc, "params", None)
    return ServiceError(code_of(exc, default), **(params if isinstance(params, dict) else {}))
