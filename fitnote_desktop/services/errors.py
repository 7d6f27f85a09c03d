"""One error type for everything a use case can refuse, carrying a translatable code.

Every layer below raises its own exception class with a stable ``.code`` (store,
signing, transport, ``domain.lifecycle.LifecycleError``). The use cases run every call
into those layers inside :func:`translating`, which re-raises them as
:class:`ServiceError`: the UI needs exactly one ``except`` and one lookup
(``messages.message(code, lang)``) to show a sentence in the user's language, and never
shows an English ``str(exc)``.
"""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager


class ServiceError(Exception):
    """A failure the user can act on: ``code`` is a message code, ``params`` fill it."""

    def __init__(self, code: str, **params: object) -> None:
        super().__init__(code)
        self.code = code
        self.params = params

    def __repr__(self) -> str:
        return f"ServiceError({self.code!r})"


def code_of(exc: BaseException, default: str = "app.unexpected") -> str:
    """The stable code of an exception from any layer (``default`` when it has none)."""
    code = getattr(exc, "code", None)
    return code if isinstance(code, str) and code else default


def as_service_error(exc: BaseException, default: str = "app.unexpected") -> ServiceError:
    """``exc`` as a :class:`ServiceError`, keeping its code and parameters."""
    if isinstance(exc, ServiceError):
        return exc
    params = getattr(exc, "params", None)
    if not isinstance(params, dict):
        params = {}
    return ServiceError(code_of(exc, default), **params)


@contextmanager
def translating(default: str) -> Iterator[None]:
    """Run a call into a lower layer; any failure leaves as a :class:`ServiceError`.

    The lower exception's own code is kept (``store.document_signed``,
    ``signing.cancelled``...); ``default`` names failures that carry none. The original
    is chained (``from``) for the debug log, never shown to the user.
    """
    try:
        yield
    except ServiceError:
        raise
    except Exception as exc:
        raise as_service_error(exc, default) from exc
