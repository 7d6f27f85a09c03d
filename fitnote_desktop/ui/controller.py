"""The app's life: unlock → main window → lock (Ctrl+L or idle) → unlock again.

Locking closes the session (outbox thread, signer, endpoint client) and the encrypted
database, and destroys the main window so no patient data stays in widgets; unlocking
builds them anew. The window's widgets are built while the unlock dialog's worker
derives the key (the GUI thread is idle then), empty and hidden; they are filled and
shown once the profile is open. A wrong passphrase keeps that empty window for the next
try. Idle time is measured from the last key press or mouse action anywhere in the
application.
"""

from __future__ import annotations

import logging
from collections.abc import Callable
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QEvent, QObject, QSettings, QTimer
from PySide6.QtWidgets import QApplication, QMessageBox

from fitnote_desktop.ui import i18n, start_gc, workers
from fitnote_desktop.ui.idle import saved_idle_minutes
from fitnote_desktop.ui.unlock import UnlockDialog

if TYPE_CHECKING:  # both imported at unlock, while the key is derived (not before the dialog)
    from fitnote_desktop.services import Session
    from fitnote_desktop.ui.main_window import MainWindow

log = logging.getLogger(__name__)

_INPUT_EVENTS = {
    QEvent.Type.KeyPress,
    QEvent.Type.MouseButtonPress,
    QEvent.Type.Wheel,
    QEvent.Type.MouseMove,
}


class AppController(QObject):
    """Owns the session and the window; ``open_session(profile)`` builds the services."""

    def __init__(
        self,
        *,
        manager: Any,
        open_session: Callable[[Any], Session],
        languages: i18n.LanguageManager,
        settings: QSettings,
        demo_hint: Callable[[], str] = str,
        idle_minutes: int | None = None,
        prepare: Callable[[], None] = lambda: None,
    ) -> None:
        super().__init__()
        self.manager = manager
        self._open_session = open_session
        self.languages = languages
        self.settings = settings
        self.demo_hint = demo_hint  # built when the dialog opens: in the language of then
        self._prepare = prepare  # the caller's imports for the session, run at unlock
        self.session: Session | None = None
        self.window: MainWindow | None = None
        self._empty_window: MainWindow | None = None  # built during the key derivation
        self.last_profile: str | None = None
        minutes = saved_idle_minutes(settings) if idle_minutes is None else idle_minutes
        self.idle = QTimer(self)
        self.idle.setSingleShot(True)
        self.idle.setInterval(max(1, minutes) * 60_000)
        self.idle.timeout.connect(self.lock)
        app = QApplication.instance()
        if app is None:
            raise RuntimeError("the app controller needs a running QApplication")
        app.installEventFilter(self)  # idle time counts input anywhere in the application

    def eventFilter(self, obj: QObject, event: QEvent) -> bool:
        if event.type() in _INPUT_EVENTS and self.window is not None:
            self.idle.start()
        return False

    def start(self, profile: Any) -> MainWindow:
        """Open the services on an unlocked store profile and show the main window."""
        session = self._open_session(profile)
        self.session = session
        self.last_profile = profile.id
        window, self._empty_window = self._empty_window or self._build_window(), None
        try:
            window.attach(session.services)
        except BaseException:
            window.deleteLater()  # it may hold part of the profile's data
            raise
        session.pin.callback = window.pin_broker
        window.lock_requested.connect(self.lock)
        window.settings_changed.connect(self._apply_idle)
        window.show()
        start_gc.resume()  # the collector, paused by the app's start, until the first screen
        self.window = window
        self.idle.start()
        return window

    def prepare_first_screen(self) -> None:
        """Import what the session needs and build the main window, empty and hidden (run
        while a profile's key is derived on a worker thread; the unlock dialog appears
        without waiting for it)."""
        self._prepare()
        if self._empty_window is None:
            self._empty_window = self._build_window()

    def _build_window(self) -> MainWindow:
        """A main window without data: :meth:`start` attaches the session's services."""
        from fitnote_desktop.ui.main_window import MainWindow

        return MainWindow(
            None, self.languages, signer_method=self._signer_method, settings=self.settings
        )

    def _signer_method(self) -> str:
        """What the PIN dialog asks for: the open session's signer's method."""
        return self.session.signer_method if self.session is not None else "pkcs12"

    def _apply_idle(self) -> None:
        minutes = saved_idle_minutes(self.settings)
        self.idle.setInterval(max(1, minutes) * 60_000)
        self.idle.start()

    def lock(self) -> None:
        """Close everything that holds patient data, then ask to unlock again."""
        window, session = self.window, self.session
        if window is None or session is None:
            return
        if window.busy:  # never lock in the middle of a signature; try again shortly
            QTimer.singleShot(5000, self.lock)
            return
        self.idle.stop()
        window.flush_editor()
        window.save_state()
        self.window = None
        self.session = None
        window.hide()
        window.deleteLater()
        workers.wait_idle(10_000)
        workers.discard_pending()  # results still queued for the window: it is gone
        try:
            session.close()
        except Exception:
            log.warning("closing the session failed")
        QTimer.singleShot(0, self.ask_unlock)

    def ask_unlock(self) -> bool:
        dlg = UnlockDialog(
            self.manager,
            demo_hint=self.demo_hint(),
            preselect=self.last_profile,
            prepare=self.prepare_first_screen,
        )
        if not dlg.exec() or dlg.opened is None:
            QApplication.quit()
            return False
        try:
            self.start(dlg.opened)
        except Exception as exc:
            dlg.opened.lock()
            code = getattr(exc, "code", None) or "app.unexpected"
            QMessageBox.critical(None, "Fit-note", i18n.text(code))
            QApplication.quit()
            return False
        return True

    def shutdown(self) -> None:
        self.idle.stop()
        if self._empty_window is not None:  # built for an unlock that did not happen
            self._empty_window.deleteLater()
            self._empty_window = None
        if self.window is not None:
            self.window.flush_editor()
            self.window.save_state()
        workers.wait_idle(10_000)
        workers.discard_pending()  # no slot runs on the closed session afterwards
        if self.session is not None:
            self.session.close()
            self.session = None
