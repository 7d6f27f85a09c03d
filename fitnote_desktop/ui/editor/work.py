"""The patient's work: situation, job, employer and the language of the employer's copy."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QFormLayout, QLineEdit, QWidget

from fitnote_desktop.domain.model import DocumentKind, EmploymentSituation, Language
from fitnote_desktop.ui import labels
from fitnote_desktop.ui.editor.fields import QT_TRANSLATE_NOOP
from fitnote_desktop.ui.editor.section import EditorSection, Today
from fitnote_desktop.ui.widgets import ChoiceBox

translate = QCoreApplication.translate


class WorkSection(EditorSection):
    key = "work"
    title_source = QT_TRANSLATE_NOOP("DocumentEditor", "Work")
    kinds = frozenset(
        {DocumentKind.INCAPACITY, DocumentKind.FIT_NOTE, DocumentKind.PARTIAL_RESUMPTION}
    )

    def __init__(self, today: Today, parent: QWidget | None = None) -> None:
        super().__init__(today, parent)
        self.job_situation = ChoiceBox()
        for situation in EmploymentSituation:
            self.job_situation.addItem("", situation.value)
        self.job_title = QLineEdit()
        self.employer = QLineEdit()
        self.employer_language = ChoiceBox()
        self.employer_language.addItem("", "")
        for lang in Language:
            self.employer_language.addItem("", lang.value)
        form = QFormLayout()
        self.add_rows(form, {})
        self.body.addLayout(form)

    def retranslate(self) -> None:
        super().retranslate()
        for i in range(self.job_situation.count()):
            situation = EmploymentSituation(self.job_situation.itemData(i))
            self.job_situation.setItemText(i, labels.employment(situation))
        self.employer_language.setItemText(
            0, translate("DocumentEditor", "unknown (Dutch and French copy)")
        )
        for i in range(1, self.employer_language.count()):
            lang = self.employer_language.itemData(i)
            self.employer_language.setItemText(i, labels.language(lang))
