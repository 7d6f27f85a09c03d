"""Document → Export for the EMR / mutuality (KMEHR): choose the recipient, then a file.

The message holds only the chosen recipient's dataset. The fit-note's ICF capacities
have no place in a Mult-eMediatt message (its schematron allows a closed list of
items): the dialog says so, they travel through the platform only.
"""

from __future__ import annotations

from PySide6.QtWidgets import (
    QButtonGroup,
    QDialog,
    QFileDialog,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QRadioButton,
    QVBoxLayout,
    QWidget,
)

from fitnote_desktop.domain.findings import Severity
from fitnote_desktop.services import ServiceError, Services
from fitnote_desktop.services.documents import KMEHR_RECIPIENTS
from fitnote_desktop.ui import i18n
from fitnote_desktop.ui.widgets import FieldMessage


class KmehrExportDialog(QDialog):
    """Writes the message to the file the physician picks; ``written`` is its path."""

    def __init__(self, services: Services, document_id: str, parent: QWidget | None = None):
        super().__init__(parent)
        self.setObjectName("kmehrExport")
        self.services = services
        self.document_id = document_id
        self.written = ""
        self.setWindowTitle(self.tr("Export for the EMR / mutuality (KMEHR)"))
        names = {
            "advising-physician": self.tr("Advising physician of the mutuality"),
            "medex": self.tr("Medex (civil servants)"),
            "employer": self.tr("Employer"),
            "patient": self.tr("Patient"),
        }
        self.group = QButtonGroup(self)
        self.choices: dict[str, QRadioButton] = {}
        layout = QVBoxLayout(self)
        # one group named by its question: each choice is read with it
        box = QGroupBox(self.tr("Recipient (only their part of the certificate):"), self)
        box.setFlat(True)
        choices = QVBoxLayout(box)
        for value in KMEHR_RECIPIENTS:
            button = QRadioButton(names[value], box)
            self.group.addButton(button)
            self.choices[value] = button
            choices.addWidget(button)
        layout.addWidget(box)
        self.choices["advising-physician"].setChecked(True)
        self.note = QLabel(
            self.tr(
                "The fit-note's ICF capacities are not part of a KMEHR message: they reach "
                "the advising and occupational physicians through the platform only."
            ),
            self,
        )
        self.note.setObjectName("capacitiesNote")
        self.note.setWordWrap(True)
        layout.addWidget(self.note)
        self.message = FieldMessage(self)
        layout.addWidget(self.message)
        self.save = QPushButton(self.tr("Save as…"), self)
        self.save.setObjectName("primary")
        self.save.setDefault(True)
        self.save.clicked.connect(self.export)
        cancel = QPushButton(self.tr("Cancel"), self)
        cancel.clicked.connect(self.reject)
        buttons = QHBoxLayout()
        buttons.addWidget(cancel)
        buttons.addStretch(1)
        buttons.addWidget(self.save)
        QWidget.setTabOrder(cancel, self.save)  # as they stand, left to right
        layout.addLayout(buttons)

    def recipient(self) -> str:
        return next(value for value, b in self.choices.items() if b.isChecked())

    def choose_path(self, suggested: str) -> str:
        path, _ = QFileDialog.getSaveFileName(
            self, self.windowTitle(), suggested, self.tr("KMEHR message (*.xml)")
        )
        return path

    def export(self) -> None:
        recipient = self.recipient()
        try:
            xml = self.services.copies.export_kmehr(self.document_id, recipient)
        except ServiceError as exc:
            self.message.show_messages([(Severity.ERROR, i18n.text(exc.code, **exc.params))])
            return
        path = self.choose_path(f"kmehr-{self.document_id[:8]}-{recipient}.xml")
        if not path:
            return
        try:
            with open(path, "wb") as fh:
                fh.write(xml)
        except OSError:
            self.message.show_messages([(Severity.ERROR, i18n.text("kmehr.write_failed"))])
            return
        self.written = path
        self.accept()
