"""Diagnoses: up to three rows of text and/or code, one marked principal.

Only the advising physician (mutuality or Medex) sees them. A row shows the label of a
known ICPC-2 code as it is typed, in the document's language (the language the
advising physician reads). The next row appears once a row is filled and left (Tab,
Return): a row coming in while the physician types would move what is below. The
"principal" marks are one radio group, so exactly one row is principal.
"""

from __future__ import annotations

from dataclasses import replace

from PySide6.QtCore import QCoreApplication, QSignalBlocker
from PySide6.QtWidgets import (
    QButtonGroup,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QRadioButton,
    QVBoxLayout,
    QWidget,
)

from fitnote_desktop.domain.findings import Finding
from fitnote_desktop.domain.icpc import icpc_label
from fitnote_desktop.domain.model import (
    CodeSystem,
    Document,
    DocumentKind,
    IncapacityCertificate,
    InvalidityRecognition,
)
from fitnote_desktop.ui.editor.fields import MAX_DIAGNOSES, QT_TRANSLATE_NOOP, dx_widget
from fitnote_desktop.ui.editor.section import EditorSection, Today
from fitnote_desktop.ui.widgets import ChoiceBox

translate = QCoreApplication.translate


class DiagnosisRow:
    """The inputs of one diagnosis row and the ICPC-2 label beside its code."""

    def __init__(self) -> None:
        self.text = QLineEdit()
        self.system = ChoiceBox()
        self.system.addItem("", "")
        for system in CodeSystem:
            self.system.addItem(system.value, system.value)
        self.code = QLineEdit()
        self.code.setMaximumWidth(90)
        # visible captions, tied to the inputs they name (screen readers read them)
        self.system_caption = QLabel()
        self.system_caption.setBuddy(self.system)
        self.code_caption = QLabel()
        self.code_caption.setBuddy(self.code)
        self.principal = QRadioButton()
        self.icpc = QLabel()
        self.icpc.setObjectName("hint")

    def layout(self) -> QVBoxLayout:
        """The text and the principal mark, then the code with its ICPC-2 label beside it."""
        first = QHBoxLayout()
        first.addWidget(self.text, 1)
        first.addWidget(self.principal)
        second = QHBoxLayout()
        second.addWidget(self.system_caption)
        second.addWidget(self.system)
        second.addWidget(self.code_caption)
        second.addWidget(self.code)
        second.addWidget(self.icpc, 1)
        both = QVBoxLayout()
        both.setSpacing(4)
        both.addLayout(first)
        both.addLayout(second)
        return both

    def show_label(self, language: str) -> None:
        """The ICPC-2 rubric of the typed code (when known), in ``language``."""
        label = None
        if self.system.currentData() == CodeSystem.ICPC2.value and self.code.text().strip():
            label = icpc_label(self.code.text(), language)
        self.icpc.setText(label or "")
        self.icpc.setToolTip(label or "")


class DiagnosisSection(EditorSection):
    key = "diagnosis"
    title_source = QT_TRANSLATE_NOOP("DocumentEditor", "Diagnosis")
    kinds = frozenset({DocumentKind.INCAPACITY, DocumentKind.INVALIDITY_RECOGNITION})

    def __init__(self, today: Today, parent: QWidget | None = None) -> None:
        super().__init__(today, parent)
        self.dx_rows = [DiagnosisRow() for _ in range(MAX_DIAGNOSES)]
        self.principal_group = QButtonGroup(self)
        for i, row in enumerate(self.dx_rows):
            for part in ("text", "system", "code", "principal"):
                setattr(self, dx_widget(part, i), getattr(row, part))
            self.principal_group.addButton(row.principal)
        self.dx_rows[0].principal.setChecked(True)
        self.language = "nl"
        form = QFormLayout()
        form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.AllNonFixedFieldsGrow)
        rows = {dx_widget("text", i): row.layout() for i, row in enumerate(self.dx_rows)}
        self.add_rows(form, rows)
        self.body.addLayout(form)
        self._filled = 0  # diagnoses in the document: one more row is shown
        self._typing = False  # between a keystroke in a row and leaving that field
        for row in self.dx_rows:
            row.code.textEdited.connect(lambda _t, r=row: r.show_label(self.language))
            row.system.currentIndexChanged.connect(lambda _i, r=row: r.show_label(self.language))
            for line in (row.text, row.code):
                line.textEdited.connect(self._typed)
                line.editingFinished.connect(self._left)

    def load(self, document: Document) -> None:
        self._typing = False  # another document, or undo: its rows show at once
        super().load(document)
        if not any(d.principal for d in document.diagnoses):
            self.dx_rows[0].principal.setChecked(True)

    def follow(self, document: Document, findings: list[Finding]) -> None:
        """One more row than there are diagnoses; the principal mark on a kept row; labels."""
        diagnoses = document.diagnoses
        self._filled = len(diagnoses)
        if not self._typing:
            self._show_rows()
        principal = next((i for i, d in enumerate(diagnoses) if d.principal), None)
        if principal is not None and not self.dx_rows[principal].principal.isChecked():
            blockers = [QSignalBlocker(r.principal) for r in self.dx_rows]
            self.dx_rows[principal].principal.setChecked(True)
            del blockers
        self.language = document.language.value
        for row in self.dx_rows:
            row.show_label(self.language)

    def _typed(self) -> None:
        self._typing = True

    def _left(self) -> None:
        self._typing = False
        self._show_rows()

    def _show_rows(self) -> None:
        for i in range(1, MAX_DIAGNOSES):
            self.set_row_visible(f"body.diagnoses[{i}].text", i <= self._filled)

    def settle(self, document: Document, before: Document) -> Document:
        """Empty rows at the end are no diagnoses; one of those kept is principal.

        An empty row between two filled ones stays: the validation points at it
        ("empty diagnosis") rather than the rows shifting under the physician's hands.
        """
        body = document.body
        if not isinstance(body, IncapacityCertificate | InvalidityRecognition):
            return document
        kept = list(body.diagnoses)
        while kept and not (kept[-1].text.strip() or kept[-1].code.strip()):
            kept.pop()
        if kept and not any(d.principal for d in kept):
            kept[0] = replace(kept[0], principal=True)
        return replace(document, body=replace(body, diagnoses=tuple(kept)))

    def retranslate(self) -> None:
        super().retranslate()
        for row in self.dx_rows:
            row.system.setItemText(0, translate("DocumentEditor", "no code"))
            row.system_caption.setText(translate("DocumentEditor", "Code system"))
            row.code_caption.setText(translate("DocumentEditor", "Code"))
        self.messages["body.diagnoses[0].text"].set_hint(
            translate("DocumentEditor", "Only the advising physician sees the diagnosis.")
        )
