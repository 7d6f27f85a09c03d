"""Crash output without medical data.

An unexpected exception's *message* may carry whatever the failing code held: a
patient's name, a NISS, a diagnosis, a SQL parameter. Its *type* and the stack of
file/line/function names do not. The hooks installed here print only the latter, for
the main thread, worker threads and Qt slots alike (PySide6 reports exceptions raised
in slots through ``sys.excepthook``), so crash output can be shared with support.
"""

from __future__ import annotations

import sys
import threading
import traceback
from types import TracebackType
from typing import TextIO


def describe(exc_type: type[BaseException], tb: TracebackType | None) -> str:
    """Exception type plus the stack frames, never the exception's message or locals."""
    frames = traceback.extract_tb(tb)
    lines = [f"  {f.filename}:{f.lineno} in {f.name}" for f in frames]
    name = f"{exc_type.__module__}.{exc_type.__qualname__}"
    head = f"fitnote-desktop: unexpected {name} (details withheld: they may hold patient data)"
    return "\n".join([head, *lines])


def _report(
    exc_type: type[BaseException],
    tb: TracebackType | None,
    stream: TextIO | None = None,
) -> None:
    out = stream or sys.stderr
    if out is not None:
        print(describe(exc_type, tb), file=out, flush=True)


def install_private_excepthook() -> None:
    """Route uncaught exceptions of every thread through :func:`describe`."""

    def hook(exc_type: type[BaseException], exc: BaseException, tb: TracebackType | None) -> None:
        if issubclass(exc_type, KeyboardInterrupt):
            sys.__excepthook__(exc_type, exc, tb)
            return
        _report(exc_type, tb)

    def thread_hook(args: threading.ExceptHookArgs) -> None:
        if args.exc_type is SystemExit:
            return
        _report(args.exc_type, args.exc_traceback)

    sys.excepthook = hook
    threading.excepthook = thread_hook
