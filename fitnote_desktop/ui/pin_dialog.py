"""The PIN dialog: asked once per send, never stored; it says what the PIN signs."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QLabel,
    QVBoxLayout,
    QWidget,
)

from fitnote_desktop.services.ports import DocumentRecord
from fitnote_desktop.ui import labels
from fitnote_desktop.ui.labels import kind_text, period_text
from fitnote_desktop.ui.secret_field import SecretField


def signing_subject(record: DocumentRecord, *, retraction: bool = False) -> str:
    """What one PIN signs, in the physician's words: patient, kind, period, recipients."""
    doc = record.document
    kind = kind_text(record)
    if retraction:
        kind = QCoreApplication.translate("PinDialog", "Retraction of: %1").replace("%1", kind)
    lines = [
        QCoreApplication.translate("PinDialog", "Patient: %1").replace("%1", doc.patient.full_name),
        QCoreApplication.translate("PinDialog", "Document: %1").replace("%1", kind),
    ]
    period = period_text(record)
    if period:
        lines.append(QCoreApplication.translate("PinDialog", "Period: %1").replace("%1", period))
    if doc.recipients:
        names = ", ".join(labels.recipient_short(r) for r in doc.recipients)
        lines.append(QCoreApplication.translate("PinDialog", "For: %1").replace("%1", names))
    return "\n".join(lines)


class PinDialog(QDialog):
    """Asks the eID PIN (token) or the key-file password (PKCS#12) for one send.

    ``subject`` names what is signed (patient, kind, period, recipients): the physician
    types a PIN for a document they can see, not for an anonymous operation.
    """

    def __init__(
        self,
        purpose: str,
        method: str,
        parent: QWidget | None = None,
        hint: str = "",
        subject: str = "",
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
        self.subject = QLabel(subject, self)
        self.subject.setObjectName("pinSubject")
        self.subject.setWordWrap(True)
        self.subject.setTextFormat(Qt.TextFormat.PlainText)
        self.subject.setVisible(bool(subject))
        self.note = QLabel(self.tr("It is used for this send only and never stored."), self)
        self.note.setObjectName("hint")
        self.note.setWordWrap(True)  # whole at 200 % font size
        self.demo = QLabel(hint, self)
        self.demo.setObjectName("demoBanner")
        self.demo.setVisible(bool(hint))
        self.pin = SecretField(self)
        self.pin.setAccessibleName(self.tr("PIN") if token else self.tr("Password"))
        self.label.setBuddy(self.pin)  # the question labels the field
        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel, self
        )
        ok = self.tr("Log in") if purpose == "authentication" else self.tr("Sign")
        buttons.button(QDialogButtonBox.StandardButton.Ok).setText(ok)
        buttons.button(QDialogButtonBox.StandardButton.Cancel).setText(self.tr("Cancel"))
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(self.subject)
        layout.addWidget(self.label)
        layout.addWidget(self.pin)
        layout.addWidget(self.note)
        layout.addWidget(self.demo)
        layout.addWidget(buttons)
        self.setMinimumWidth(380)
        self.pin.setFocus()

    def take_pin(self) -> str:
        """The typed PIN, cleared from the widget at once."""
        pin = self.pin.secret()
        self.pin.clear()
        return pin
