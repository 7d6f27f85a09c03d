"""Retracting a signed document: the physician confirms it and says why.

The reason travels in the signed retraction as a code (``wire.retraction`` lists
them); the recipients see why the document is no longer valid. No free text: it
could carry medical content.
"""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import (
    QButtonGroup,
    QDialog,
    QDialogButtonBox,
    QLabel,
    QRadioButton,
    QVBoxLayout,
    QWidget,
)

REASONS = ("error", "replaced", "patient-request", "other")


def reason_text(code: str) -> str:
    """The reason code in the physician's words."""
    return {
        "error": QCoreApplication.translate("RetractDialog", "Issued in error"),
        "replaced": QCoreApplication.translate("RetractDialog", "Replaced by a corrected document"),
        "patient-request": QCoreApplication.translate("RetractDialog", "At the patient's request"),
        "other": QCoreApplication.translate("RetractDialog", "Other reason"),
    }[code]


class RetractDialog(QDialog):
    """Asks the retraction's reason; ``reason`` holds the chosen code once accepted."""

    def __init__(self, subject: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("retractDialog")
        self.setWindowTitle(self.tr("Retract"))
        self.question = QLabel(
            self.tr("Retract this document? The recipients are told that it is no longer valid."),
            self,
        )
        self.question.setWordWrap(True)
        self.subject = QLabel(subject, self)
        self.subject.setObjectName("hint")
        self.subject.setWordWrap(True)
        self.why = QLabel(self.tr("Why is it retracted?"), self)
        self.group = QButtonGroup(self)
        self.options: dict[str, QRadioButton] = {}
        layout = QVBoxLayout(self)
        layout.addWidget(self.question)
        layout.addWidget(self.subject)
        layout.addWidget(self.why)
        for i, code in enumerate(REASONS):
            button = QRadioButton(reason_text(code), self)
            button.setObjectName(f"reason-{code}")
            self.group.addButton(button, i)
            self.options[code] = button
            layout.addWidget(button)
        self.options["error"].setChecked(True)
        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel, self
        )
        self.buttons.button(QDialogButtonBox.StandardButton.Ok).setText(self.tr("Retract"))
        self.buttons.button(QDialogButtonBox.StandardButton.Cancel).setText(self.tr("Cancel"))
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)
        layout.addWidget(self.buttons)
        self.setMinimumWidth(420)
        self.options["error"].setFocus()

    @property
    def reason(self) -> str:
        return REASONS[max(0, self.group.checkedId())]
