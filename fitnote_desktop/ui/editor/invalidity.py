"""The annual invalidity recognition: validity, start of the incapacity, remarks.

The 2026 presentation calls this renewal a measure in preparation (a draft law of May
2026): the section says so above its fields, as the PDF does, and never presents it as
settled law.
"""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QFormLayout, QLabel, QPlainTextEdit, QWidget

from fitnote_desktop.domain.model import DocumentKind
from fitnote_desktop.ui.editor.fields import QT_TRANSLATE_NOOP
from fitnote_desktop.ui.editor.section import EditorSection, Today
from fitnote_desktop.ui.widgets import DateField

translate = QCoreApplication.translate


class InvaliditySection(EditorSection):
    key = "invalidity"
    title_source = QT_TRANSLATE_NOOP("DocumentEditor", "Invalidity recognition")
    kinds = frozenset({DocumentKind.INVALIDITY_RECOGNITION})

    def __init__(self, today: Today, parent: QWidget | None = None) -> None:
        super().__init__(today, parent)
        self.in_preparation = QLabel()
        self.in_preparation.setObjectName("hint")
        self.in_preparation.setWordWrap(True)
        self.inv_from = DateField(today=today)
        self.inv_until = DateField(today=today, anchor=lambda: self.inv_from.value())
        self.inv_since = DateField(today=today)
        self.inv_remarks = QPlainTextEdit()
        self.inv_remarks.setFixedHeight(60)
        self.inv_remarks.setTabChangesFocus(True)
        form = QFormLayout()
        self.add_rows(form, {})
        self.body.addWidget(self.in_preparation)
        self.body.addLayout(form)

    def retranslate(self) -> None:
        super().retranslate()
        self.in_preparation.setText(
            translate(
                "DocumentEditor",
                "Measure in preparation (draft law, May 2026): the yearly renewal of the "
                "invalidity recognition is not settled law yet.",
            )
        )
