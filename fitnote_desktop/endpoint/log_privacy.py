"""Keep names and NISS out of the log: third-party log records are stripped of detail.

pyHanko and its certificate validator log a failed path build as a warning that quotes
the certificate's subject (given name, surname, NISS), with a traceback whose messages
quote it again. uvicorn logs an unexpected exception with its traceback, whose messages
may carry whatever the failing code put there. None of that may reach a log.

The redaction happens where log records are made (the logging module's record
factory), so it holds whatever level, handler or filter anyone sets on these loggers,
and for loggers the libraries create later:

* a record of pyHanko's loggers keeps its logger name and level; its message becomes
  "details withheld (<exception type>)" and its traceback is dropped;
* a record of uvicorn's error log keeps its (fixed) message, gets the exception's type
  name instead of the traceback.

``install()`` is called by ``create_app``, so it holds for every way the endpoint runs:
``fitnote-endpoint`` (each worker process too), tests, and the endpoint embedded in the
desktop app in demo mode.
"""

from __future__ import annotations

import logging
from collections.abc import Callable
from types import TracebackType
from typing import Any

WITHHELD = ("pyhanko", "pyhanko_certvalidator")
NO_TRACEBACK = ("uvicorn.error",)

_ExcInfo = tuple[type[BaseException], BaseException, TracebackType | None] | None


def _under(name: str | None, roots: tuple[str, ...]) -> bool:
    return name is not None and any(name == r or name.startswith(f"{r}.") for r in roots)


def _kind(exc_info: _ExcInfo) -> str:
    return f" ({type(exc_info[1]).__name__})" if exc_info else ""


class _PrivateRecordFactory:
    """Wraps the current record factory; redacts the records of the loggers above."""

    def __init__(self, inner: Callable[..., logging.LogRecord]) -> None:
        self.inner = inner

    def __call__(
        self,
        name: str | None,
        level: int,
        fn: str,
        lno: int,
        msg: object,
        args: Any,
        exc_info: _ExcInfo,
        func: str | None = None,
        sinfo: str | None = None,
        **kwargs: Any,
    ) -> logging.LogRecord:
        if _under(name, WITHHELD):
            msg, args = f"details withheld{_kind(exc_info)}", ()
            exc_info, sinfo = None, None
        elif _under(name, NO_TRACEBACK) and (exc_info or sinfo):
            msg = f"{msg}{_kind(exc_info)}"
            exc_info, sinfo = None, None
        return self.inner(name, level, fn, lno, msg, args, exc_info, func, sinfo, **kwargs)


def install() -> None:
    """Make every later log record go through the redaction (idempotent)."""
    current = logging.getLogRecordFactory()
    if not isinstance(current, _PrivateRecordFactory):
        logging.setLogRecordFactory(_PrivateRecordFactory(current))
