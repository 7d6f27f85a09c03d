"""Running slow use cases (sign, send, render) off the UI thread, and asking a PIN from there.

The services are blocking Python calls; a ``QThreadPool`` runs them and a ``Task``
signals the result back to the UI thread. A signer asks its PIN through a callback
*on the worker thread*; :class:`PinBroker` turns that into a dialog on the UI thread
and blocks the worker (not the UI) until the physician answers. The PIN travels once,
from the dialog to the callback's return value, and is not kept by either side.
"""

from __future__ import annotations

import logging
import threading
from collections.abc import Callable
from typing import Any

from PySide6.QtCore import QObject, QRunnable, QThread, QThreadPool, Signal, Slot
from PySide6.QtWidgets import QWidget

log = logging.getLogger(__name__)


class _Signals(QObject):
    done = Signal(object)
    failed = Signal(object)
    progress = Signal(str)


class Task(QRunnable):
    """``fn(progress)`` on the pool; ``done(result)`` / ``failed(exc)`` on the UI thread."""

    def __init__(self, fn: Callable[[Callable[[str], None]], Any]) -> None:
        super().__init__()
        self.fn = fn
        self.signals = _Signals()
        self.setAutoDelete(False)

    def run(self) -> None:
        try:
            result = self.fn(self.signals.progress.emit)
        except BaseException as exc:  # reported to the UI; never a traceback dialog
            log.info("task failed: %s", type(exc).__name__)
            self.signals.failed.emit(exc)
            return
        self.signals.done.emit(result)


_RUNNING: set[Task] = set()


def start(
    fn: Callable[[Callable[[str], None]], Any],
    *,
    done: Callable[[Any], None],
    failed: Callable[[BaseException], None],
    progress: Callable[[str], None] | None = None,
) -> Task:
    task = Task(fn)
    task.signals.done.connect(done)
    task.signals.failed.connect(failed)
    if progress is not None:
        task.signals.progress.connect(progress)
    _RUNNING.add(task)
    task.signals.done.connect(lambda _r: _RUNNING.discard(task))
    task.signals.failed.connect(lambda _e: _RUNNING.discard(task))
    QThreadPool.globalInstance().start(task)
    return task


def wait_idle(timeout_ms: int = 30000) -> bool:
    """Wait for running tasks (used when closing or locking the window)."""
    return QThreadPool.globalInstance().waitForDone(timeout_ms)


class PinBroker(QObject):
    """A PIN callback usable from any thread; the dialog always runs on the UI thread."""

    _requested = Signal(str, object)

    def __init__(self, parent_widget: QWidget, method: Callable[[], str], hint: str = "") -> None:
        super().__init__(parent_widget)
        self._parent = parent_widget
        self._method = method  # "pkcs11" or "pkcs12": what to ask for
        self.hint = hint  # demo mode: the demo key password, printed in the dialog
        self.subject = ""  # what the PIN signs (patient, kind, period, recipients)
        self._requested.connect(self._show)

    def __call__(self, purpose: str) -> str | None:
        if QThread.isMainThread():
            from fitnote_desktop.ui.pin_dialog import PinDialog

            dlg = PinDialog(
                purpose, self._method(), self._parent, hint=self.hint, subject=self.subject
            )
            ok = dlg.exec()
            return dlg.take_pin() if ok else None
        box: dict[str, Any] = {"event": threading.Event(), "pin": None}
        self._requested.emit(purpose, box)
        box["event"].wait()
        pin = box["pin"]
        box.clear()
        return pin

    @Slot(str, object)
    def _show(self, purpose: str, box: dict[str, Any]) -> None:
        from fitnote_desktop.ui.pin_dialog import PinDialog

        dlg = PinDialog(purpose, self._method(), self._parent, hint=self.hint, subject=self.subject)

        def finished(result: int) -> None:
            box["pin"] = dlg.take_pin() if result else None
            box["event"].set()
            dlg.deleteLater()

        dlg.finished.connect(finished)
        dlg.open()
