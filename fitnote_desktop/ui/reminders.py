"""Reminders: the worklist's "needs action" counts as desktop notifications.

A tray icon (where the desktop has a tray) shows one notification at start and one at
each of the profile's reminder times (setting ``reminder_times``, in the settings
dialog). The text is built by ``services.worklist`` and holds counts only, never a
patient's name, NISS or diagnosis: a notification shows on a locked screen and to
whoever stands by it; the list itself is behind the unlock.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import datetime

from PySide6.QtCore import QObject, QTimer
from PySide6.QtWidgets import QStyle, QSystemTrayIcon, QWidget

from fitnote_desktop.services import ServiceError, Services
from fitnote_desktop.services.settings import reminder_times
from fitnote_desktop.services.worklist import Worklist, reminder_text
from fitnote_desktop.ui import i18n

CHECK_MS = 30_000  # how often the clock is compared with the reminder times
SHOW_MS = 15_000


class Reminders(QObject):
    """``shown()`` is the worklist on screen, if any: the notification at start counts it
    instead of reading the same worklist again right after the home screen did."""

    def __init__(
        self,
        services: Services,
        window: QWidget,
        shown: Callable[[], Worklist | None] = lambda: None,
    ) -> None:
        super().__init__(window)
        self.services = services
        self.window = window
        self._shown = shown
        self.last_text: str | None = None  # the last notification's text (also for tests)
        self.tray: QSystemTrayIcon | None = None
        if QSystemTrayIcon.isSystemTrayAvailable():
            icon = window.windowIcon()
            if icon.isNull():
                icon = window.style().standardIcon(QStyle.StandardPixmap.SP_FileDialogDetailedView)
            self.tray = QSystemTrayIcon(icon, self)
            self.tray.activated.connect(lambda _reason: self._raise_window())
            self.tray.messageClicked.connect(self._raise_window)
            self.tray.show()
        self._checked = datetime.now()
        self._timer = QTimer(self)
        self._timer.setInterval(CHECK_MS)
        self._timer.timeout.connect(self.tick)
        self._timer.start()
        QTimer.singleShot(0, self._notify_at_start)  # once the window is up

    def _notify_at_start(self) -> None:
        worklist = self._shown()
        if worklist is None:
            self.notify()
        else:
            self._show(reminder_text(worklist, i18n.current_language()))

    def text(self) -> str | None:
        try:
            return self.services.worklist.reminder(i18n.current_language())
        except ServiceError:  # locked or closing: no reminder rather than an error
            return None

    def notify(self) -> str | None:
        """Show the counts now (nothing when nothing needs action)."""
        text = self.text()
        self._show(text)
        return text

    def _show(self, text: str | None) -> None:
        self.last_text = text
        if self.tray is not None:
            self.tray.setToolTip(text or "")
            if text:
                title = i18n.text("worklist.remind_title")
                self.tray.showMessage(title, text, QSystemTrayIcon.MessageIcon.Information, SHOW_MS)

    def tick(self, now: datetime | None = None) -> None:
        """Notify when a reminder time passed since the last check (the same day)."""
        now = now or datetime.now()
        before, self._checked = self._checked, now
        times = reminder_times(self.services.settings.read())
        if now.date() != before.date():
            before = datetime.combine(now.date(), datetime.min.time())
        if any(before.time() < t <= now.time() for t in times):
            self.notify()

    def _raise_window(self) -> None:
        self.window.showNormal()
        self.window.raise_()
        self.window.activateWindow()
