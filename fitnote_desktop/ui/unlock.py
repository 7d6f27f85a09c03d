"""Unlocking a profile: choose it, type the passphrase (unless the keyring holds the key).

A wrong passphrase is a translated message under the field; the database is not
touched (the store only reads the key file). The passphrase leaves the widget once,
into ``ProfileManager.open``, and the field is cleared straight away.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from PySide6.QtCore import QEvent
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QVBoxLayout,
    QWidget,
)

from fitnote_desktop.domain.findings import Severity
from fitnote_desktop.ui import i18n
from fitnote_desktop.ui.widgets import FieldMessage


class UnlockDialog(QDialog):
    """``opened`` holds the unlocked store profile after ``accept()``."""

    def __init__(
        self,
        manager: Any,
        *,
        demo_hint: str = "",
        preselect: str | None = None,
        open_profile: Callable[[str, str | None], Any] | None = None,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.setObjectName("unlockDialog")
        self.manager = manager
        self.opened: Any = None
        self._open = open_profile or (lambda pid, pw: manager.open(pid, pw))
        self.infos = list(manager.list())
        self.title = QLabel(self)
        self.title.setObjectName("pageTitle")
        self.profile = QComboBox(self)
        for info in self.infos:
            self.profile.addItem(info.label, info.id)
        if preselect is not None:
            self.profile.setCurrentIndex(max(0, self.profile.findData(preselect)))
        self.passphrase = QLineEdit(self)
        self.passphrase.setEchoMode(QLineEdit.EchoMode.Password)
        self.hint = QLabel(demo_hint, self)
        self.hint.setObjectName("hint")
        self.hint.setVisible(bool(demo_hint))
        self.message = FieldMessage(self)
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
        layout.addWidget(self.buttons)
        self.profile.currentIndexChanged.connect(self._profile_changed)
        self.retranslate()
        self._profile_changed()
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
        if info is None:
            return
        secret = self.passphrase.text() if info.needs_passphrase else None
        self.passphrase.clear()
        try:
            self.opened = self._open(info.id, secret)
        except Exception as exc:
            code = getattr(exc, "code", None) or "app.unexpected"
            self.message.show_messages([(Severity.ERROR, i18n.text(code))])
            self.passphrase.setFocus()
            return
        self.accept()
