"""The PIN dialog: asked once per private-key operation, never remembered."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QLabel,
    QLineEdit,
    QVBoxLayout,
    QWidget,
)


class PinDialog(QDialog):
    """Asks the eID PIN (token) or the key-file password (PKCS#12) for one signature."""

    def __init__(
        self, purpose: str, method: str, parent: QWidget | None = None, hint: str = ""
    ) -> None:
        super().__init__(parent)
        self.setObjectName("pinDialog")
        self.setWindowModality(Qt.WindowModality.ApplicationModal)
        token = method == "pkcs11"
        self.setWindowTitle(self.tr("eID PIN") if token else self.tr("Key file password"))
        if purpose == "authentication":
            what = self.tr("to log in to the platform")
        else:
            what = self.tr("to sign the document")
        ask = (
            self.tr("Enter the PIN of your eID card %1.")
            if token
            else self.tr("Enter the password of your signing key file %1.")
        )
        self.label = QLabel(ask.replace("%1", what), self)
        self.label.setWordWrap(True)
        self.note = QLabel(self.tr("It is used once and never stored."), self)
        self.note.setObjectName("hint")
        self.note.setWordWrap(True)  # whole at 200 % font size
        self.demo = QLabel(hint, self)
        self.demo.setObjectName("demoBanner")
        self.demo.setVisible(bool(hint))
        self.pin = QLineEdit(self)
        self.pin.setEchoMode(QLineEdit.EchoMode.Password)
        self.pin.setAccessibleName(self.tr("PIN") if token else self.tr("Password"))
        self.label.setBuddy(self.pin)  # the question labels the field
        self.pin.setInputMethodHints(
            Qt.InputMethodHint.ImhHiddenText | Qt.InputMethodHint.ImhSensitiveData
        )
        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel, self
        )
        buttons.button(QDialogButtonBox.StandardButton.Ok).setText(self.tr("Sign"))
        buttons.button(QDialogButtonBox.StandardButton.Cancel).setText(self.tr("Cancel"))
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(self.label)
        layout.addWidget(self.pin)
        layout.addWidget(self.note)
        layout.addWidget(self.demo)
        layout.addWidget(buttons)
        self.setMinimumWidth(380)
        self.pin.setFocus()

    def take_pin(self) -> str:
        """The typed PIN, cleared from the widget at once."""
        pin = self.pin.text()
        self.pin.clear()
        return pin
