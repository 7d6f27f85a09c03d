"""Running slow use cases (sign, send, render) off the UI thread, and asking a PIN from there.

The services are blocking Python calls; a ``QThreadPool`` runs them and a ``Task``
signals the result back to the UI thread. That result arrives later, through the event
queue: when the session closes meanwhile (a lock), :func:`discard_pending` makes sure it
is dropped rather than handed to a window that would read a closed store.

A signer asks its PIN through a callback *on the worker thread*; :class:`PinBroker`
turns that into a dialog on the UI thread and blocks the worker (not the UI) until the
physician answers. The PIN travels once, from the dialog to the callback's return value,
and is not kept by either side.
"""

from __future__ import annotations

import logging
import threading
from collections.abc import Callable
from typing import Any

import shiboken6
from PySide6.QtCore import QObject, QRunnable, QThread, QThreadPool, Signal, Slot
from PySide6.QtWidgets import QWidget

log = logging.getLogger(__name__)


class _Relay(QObject):
    """A task's way back to the UI thread, where it is created.

    The worker emits the signals; the slots, this object's own, are therefore called on
    the UI thread (a queued call), later. By then the session the task was started under
    may be closed (a lock, the app's end): the outcome is dropped instead of reaching a
    window slot that would use the closed store.
    """

    done = Signal(object)
    failed = Signal(object)
    progress = Signal(str)

    def __init__(
        self,
        on_done: Callable[[Any], None],
        on_failed: Callable[[BaseException], None],
        on_progress: Callable[[str], None] | None,
    ) -> None:
        super().__init__()
        self.session = _session
        self._on_done = on_done
        self._on_failed = on_failed
        self._on_progress = on_progress
        self.done.connect(self._done)
        self.failed.connect(self._failed)
        self.progress.connect(self._progress)

    def _current(self, what: str, slot: Callable[..., None]) -> bool:
        if self.session != _session:
            log.debug("a task's %s arrived after its session closed: dropped", what)
            return False
        # A slot of a widget deleted meanwhile (a closed dialog) is not called, as Qt does
        # for a signal connected to it directly.
        owner = getattr(slot, "__self__", None)
        if isinstance(owner, QObject) and not shiboken6.isValid(owner):
            log.debug("a task's %s arrived after its widget was deleted: dropped", what)
            return False
        return True

    @Slot(object)
    def _done(self, result: Any) -> None:
        _RUNNING.pop(self, None)
        if self._current("result", self._on_done):
            self._on_done(result)

    @Slot(object)
    def _failed(self, exc: BaseException) -> None:
        _RUNNING.pop(self, None)
        if self._current("failure", self._on_failed):
            self._on_failed(exc)

    @Slot(str)
    def _progress(self, code: str) -> None:
        if self._on_progress is not None and self._current("progress", self._on_progress):
            self._on_progress(code)


class Task(QRunnable):
    """``fn(progress)`` on the pool; its outcome goes back through ``signals``."""

    def __init__(self, fn: Callable[[Callable[[str], None]], Any], signals: _Relay) -> None:
        super().__init__()
        self.fn = fn
        self.signals = signals
        self.setAutoDelete(False)

    def run(self) -> None:
        try:
            result = self.fn(self.signals.progress.emit)
        except BaseException as exc:  # reported to the UI; never a traceback dialog
            log.info("task failed: %s", type(exc).__name__)
            self.signals.failed.emit(exc)
            return
        self.signals.done.emit(result)


_RUNNING: dict[_Relay, Task] = {}  # the tasks not yet delivered (Qt does not own them)
_session = 0  # which session the tasks started now belong to: see discard_pending()


def start(
    fn: Callable[[Callable[[str], None]], Any],
    *,
    done: Callable[[Any], None],
    failed: Callable[[BaseException], None],
    progress: Callable[[str], None] | None = None,
) -> Task:
    """Run ``fn`` on the pool; ``done(result)`` / ``failed(exc)`` / ``progress(code)`` are
    called on the UI thread, unless :func:`discard_pending` was called in between."""
    relay = _Relay(done, failed, progress)
    task = Task(fn, relay)
    _RUNNING[relay] = task
    QThreadPool.globalInstance().start(task)
    return task


def wait_idle(timeout_ms: int = 30000) -> bool:
    """Wait for running tasks (used when closing or locking the window)."""
    return QThreadPool.globalInstance().waitForDone(timeout_ms)


def discard_pending() -> None:
    """Drop the outcome of every task started so far: those still queued for the UI
    thread and those of tasks still running. Called when the session closes (after
    :func:`wait_idle`, before the store closes), so that no slot gets a result read from
    a store that is closed by the time the slot runs."""
    global _session
    _session += 1


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
