"""The annual invalidity recognition: validity, start of the incapacity, remarks."""

from __future__ import annotations

from PySide6.QtCore import QT_TRANSLATE_NOOP
from PySide6.QtWidgets import QFormLayout, QPlainTextEdit, QWidget

from fitnote_desktop.domain.model import DocumentKind
from fitnote_desktop.ui.editor.section import EditorSection, Today
from fitnote_desktop.ui.widgets import DateField


class InvaliditySection(EditorSection):
    key = "invalidity"
    title_source = QT_TRANSLATE_NOOP("DocumentEditor", "Invalidity recognition")
    kinds = frozenset({DocumentKind.INVALIDITY_RECOGNITION})

    def __init__(self, today: Today, parent: QWidget | None = None) -> None:
        super().__init__(today, parent)
        self.inv_from = DateField(today=today)
        self.inv_until = DateField(today=today, anchor=lambda: self.inv_from.value())
        self.inv_since = DateField(today=today)
        self.inv_remarks = QPlainTextEdit()
        self.inv_remarks.setFixedHeight(60)
        self.inv_remarks.setTabChangesFocus(True)
        form = QFormLayout()
        self.add_rows(form, {})
        self.body.addLayout(form)
