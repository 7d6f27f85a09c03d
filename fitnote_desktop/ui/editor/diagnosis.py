"""The diagnosis: free text and an optional code; only the advising physician sees it."""

from __future__ import annotations

from dataclasses import replace

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication
from PySide6.QtWidgets import QComboBox, QFormLayout, QHBoxLayout, QLabel, QLineEdit, QWidget

from fitnote_desktop.domain.model import (
    CodeSystem,
    Document,
    DocumentKind,
    IncapacityCertificate,
    InvalidityRecognition,
)
from fitnote_desktop.ui.editor.section import EditorSection, Today

translate = QCoreApplication.translate


class DiagnosisSection(EditorSection):
    key = "diagnosis"
    title_source = QT_TRANSLATE_NOOP("DocumentEditor", "Diagnosis")
    kinds = frozenset({DocumentKind.INCAPACITY, DocumentKind.INVALIDITY_RECOGNITION})

    def __init__(self, today: Today, parent: QWidget | None = None) -> None:
        super().__init__(today, parent)
        self.dx_text = QLineEdit()
        self.dx_system = QComboBox()
        self.dx_system.addItem("", "")
        for system in CodeSystem:
            self.dx_system.addItem(system.value, system.value)
        self.dx_code = QLineEdit()
        self.dx_code.setMaximumWidth(120)
        code_row = QHBoxLayout()
        code_row.addWidget(self.dx_system)
        code_row.addWidget(self.dx_code)
        code_row.addStretch(1)
        form = QFormLayout()
        self.add_rows(form, {"dx_system": code_row})
        self.dx_note = QLabel()
        self.dx_note.setObjectName("hint")
        self.body.addLayout(form)
        self.body.addWidget(self.dx_note)

    def settle(self, document: Document, before: Document) -> Document:
        """An empty first diagnosis (no text, no code) is no diagnosis at all."""
        body = document.body
        if not isinstance(body, IncapacityCertificate | InvalidityRecognition):
            return document
        if len(body.diagnoses) == 1 and not (body.diagnoses[0].text or body.diagnoses[0].code):
            return replace(document, body=replace(body, diagnoses=()))
        return document

    def retranslate(self) -> None:
        super().retranslate()
        self.dx_system.setItemText(0, translate("DocumentEditor", "no code"))
        self.dx_note.setText(
            translate("DocumentEditor", "Only the advising physician sees the diagnosis.")
        )
