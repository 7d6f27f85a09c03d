"""Unlocking a profile: choose it, type the passphrase (unless the keyring holds the key).

A wrong passphrase is a translated message under the field; the database is not
touched (the store only reads the key file). The passphrase leaves the widget once,
into ``ProfileManager.open``, and the field is cleared straight away.

Wrong passphrases cost a growing wait (:class:`UnlockBackoff`): the Unlock button is
disabled with a countdown while the field stays usable. The wait slows down someone
guessing at an unattended, locked app; it is kept per process (closing the dialog or
locking again does not reset it, restarting the app does). The real protection of the
key file is the cost of scrypt, which applies to every guess, on any machine.

The profile's key is derived on a worker thread (:func:`open_while_preparing`): scrypt
releases the GIL, so the GUI thread imports the first screen's modules meanwhile instead
of before, and then opens the database.
"""

from __future__ import annotations

import math
import time
from collections.abc import Callable, Sequence
from concurrent.futures import ThreadPoolExecutor
from typing import Any, TypeVar

from PySide6.QtCore import QEvent, QTimer
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QVBoxLayout,
    QWidget,
)

from fitnote_desktop.domain.findings import Severity
from fitnote_desktop.ui import i18n
from fitnote_desktop.ui.announce import announce
from fitnote_desktop.ui.secret_field import SecretField
from fitnote_desktop.ui.widgets import ChoiceBox, FieldMessage

K = TypeVar("K")
T = TypeVar("T")


def open_while_preparing(
    derive_key: Callable[[], K],
    prepare: Callable[[], None],
    open_with_key: Callable[[K], T],
) -> T:
    """``derive_key()`` on a worker thread while ``prepare()`` runs on this one, then
    ``open_with_key(key)`` here.

    The profile key's derivation (scrypt, 128 MiB, most of a second) is most of the time
    between the passphrase and the first screen, and it leaves the interpreter free: the
    first screen's modules (SQLAlchemy among them) are imported meanwhile instead of
    before. The worker derives the key and nothing else; the database is opened on this
    thread once ``prepare`` is done, so no two threads ever import the same modules at
    once (a concurrent circular import can hand out a half-initialised module). Errors
    of the derivation (a wrong passphrase) are raised here, after ``prepare`` finished.
    Should ``prepare`` fail, a key derived meanwhile is wiped before its error is raised.
    """
    with ThreadPoolExecutor(max_workers=1, thread_name_prefix="unlock") as pool:
        deriving = pool.submit(derive_key)
        try:
            prepare()
        except BaseException:
            if deriving.exception() is None:
                getattr(deriving.result(), "wipe", lambda: None)()
            raise
        key = deriving.result()
    return open_with_key(key)


# Seconds to wait after the 1st, 2nd, ... wrong passphrase; the last one repeats.
DEFAULT_BACKOFF = (0, 1, 2, 4, 8, 16, 30)


class UnlockBackoff:
    """How long the next passphrase must wait after failed ones (monotonic clock).

    The first mistake is free (a typo), then the wait doubles up to its cap; a
    successful unlock starts over.
    """

    def __init__(
        self,
        schedule: Sequence[float] = DEFAULT_BACKOFF,
        clock: Callable[[], float] = time.monotonic,
    ) -> None:
        self.schedule = tuple(schedule)
        self.failures = 0
        self._clock = clock
        self._not_before = 0.0

    def failed(self) -> float:
        """Record a wrong passphrase; the wait (seconds) before the next one."""
        delay = self.schedule[min(self.failures, len(self.schedule) - 1)]
        self.failures += 1
        self._not_before = self._clock() + delay
        return delay

    def succeeded(self) -> None:
        self.failures = 0
        self._not_before = 0.0

    def remaining(self) -> float:
        """Seconds until the next passphrase may be tried (0 when it may now)."""
        return max(0.0, self._not_before - self._clock())


# One per process, shared by every unlock dialog (see the module docstring).
_PROCESS_BACKOFF = UnlockBackoff()


class UnlockDialog(QDialog):
    """``opened`` holds the unlocked store profile after ``accept()``."""

    def __init__(
        self,
        manager: Any,
        *,
        demo_hint: str = "",
        preselect: str | None = None,
        prepare: Callable[[], None] = lambda: None,
        backoff: UnlockBackoff | None = None,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.setObjectName("unlockDialog")
        self.manager = manager
        self.opened: Any = None
        self.backoff = backoff or _PROCESS_BACKOFF
        self._prepare = prepare  # imports of the first screen, while the key is derived
        self.infos = list(manager.list())
        self.title = QLabel(self)
        self.title.setObjectName("pageTitle")
        self.profile = ChoiceBox(self)
        for info in self.infos:
            self.profile.addItem(info.label, info.id)
        if preselect is not None:
            self.profile.setCurrentIndex(max(0, self.profile.findData(preselect)))
        self.passphrase = SecretField(self)
        self.hint = QLabel(demo_hint, self)
        self.hint.setObjectName("hint")
        self.hint.setVisible(bool(demo_hint))
        self.message = FieldMessage(self)
        self.wait = QLabel(self)
        self.wait.setObjectName("hint")
        self.wait.hide()
        self._countdown = QTimer(self)
        self._countdown.setSingleShot(True)
        self._countdown.timeout.connect(self._tick)
        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel, self
        )
        self.buttons.accepted.connect(self._unlock)
        self.buttons.rejected.connect(self.reject)
        self.profile_label = QLabel(self)
        self.passphrase_label = QLabel(self)
        form = QFormLayout()
        form.addRow(self.profile_label, self.profile)
        form.addRow(self.passphrase_label, self.passphrase)
        layout = QVBoxLayout(self)
        layout.addWidget(self.title)
        layout.addLayout(form)
        layout.addWidget(self.hint)
        layout.addWidget(self.message)
        layout.addWidget(self.wait)
        layout.addWidget(self.buttons)
        self.profile.currentIndexChanged.connect(self._profile_changed)
        self.retranslate()
        self._profile_changed()
        self._tick()
        self.setMinimumWidth(420)

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)

    def retranslate(self) -> None:
        self.setWindowTitle(self.tr("Unlock"))
        self.title.setText(self.tr("Unlock your profile"))
        self.profile_label.setText(self.tr("&Profile"))
        self.profile_label.setBuddy(self.profile)
        self.passphrase_label.setText(self.tr("&Passphrase"))
        self.passphrase_label.setBuddy(self.passphrase)
        self.profile.setAccessibleName(self.tr("Profile"))
        self.passphrase.setAccessibleName(self.tr("Passphrase"))
        self.buttons.button(QDialogButtonBox.StandardButton.Ok).setText(self.tr("Unlock"))
        self.buttons.button(QDialogButtonBox.StandardButton.Cancel).setText(self.tr("Quit"))
        if not self.wait.isHidden():
            self.wait.setText(self._wait_text(math.ceil(self.backoff.remaining())))

    def _wait_text(self, seconds: int) -> str:
        return self.tr("Wait {seconds} s before the next try.").format(seconds=seconds)

    def _info(self) -> Any:
        pid = self.profile.currentData()
        return next((i for i in self.infos if i.id == pid), None)

    def _profile_changed(self) -> None:
        info = self._info()
        needs = bool(info is not None and info.needs_passphrase)
        self.passphrase.setVisible(needs)
        self.passphrase_label.setVisible(needs)
        (self.passphrase if needs else self.buttons).setFocus()

    def _unlock(self) -> None:
        info = self._info()
        if info is None or self.backoff.remaining() > 0:
            return  # Enter during the countdown: the typed passphrase waits in the field
        secret = self.passphrase.secret() if info.needs_passphrase else None
        self.passphrase.clear()
        try:
            self.opened = open_while_preparing(
                lambda: self.manager.load_key(info.id, secret),
                self._prepare,
                lambda key: self.manager.open_with_key(info.id, key),
            )
        except Exception as exc:
            code = getattr(exc, "code", None) or "app.unexpected"
            self.message.show_messages([(Severity.ERROR, i18n.text(code))])
            self.passphrase.setFocus()
            if code == "store.wrong_passphrase":
                self.backoff.failed()
                self._tick(announcing=True)
            self.adjustSize()  # a long message wraps onto more lines: make room for them
            return
        self.backoff.succeeded()
        self.accept()

    def _tick(self, *, announcing: bool = False) -> None:
        """Show the whole seconds left and wake up when the next one is reached."""
        remaining = self.backoff.remaining()
        ok = self.buttons.button(QDialogButtonBox.StandardButton.Ok)
        if remaining <= 0:
            ok.setEnabled(True)
            self.wait.hide()
            return
        seconds = math.ceil(remaining)
        ok.setEnabled(False)
        self.wait.setText(self._wait_text(seconds))
        self.wait.show()
        if announcing:
            announce(self, self.wait.text())
        self._countdown.start(max(1, math.ceil((remaining - (seconds - 1)) * 1000)))
