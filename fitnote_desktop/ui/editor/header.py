"""The editor's header: what the document is, for whom, its save state and language."""

from __future__ import annotations

from PySide6.QtCore import QEvent, Qt
from PySide6.QtWidgets import QGridLayout, QHBoxLayout, QLabel, QWidget

from fitnote_desktop.domain.model import (
    CertificateKind,
    Document,
    IncapacityCertificate,
    Language,
)
from fitnote_desktop.ui import labels
from fitnote_desktop.ui.editor import fields
from fitnote_desktop.ui.editor.section import apply_texts
from fitnote_desktop.ui.widgets import ChoiceBox, ElidingLabel


class EditorHeader(QWidget):
    """Title and patient on the left, document language and save state on the right."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.title = QLabel(self)
        self.title.setObjectName("editorTitle")
        self.subtitle = QLabel(self)
        self.subtitle.setObjectName("editorSubtitle")
        self.save_state = ElidingLabel(self)
        self.save_state.setObjectName("saveState")
        self.language_label = QLabel(self)
        self.language = ChoiceBox(self)
        for lang in Language:
            self.language.addItem("", lang.value)
        head = QGridLayout(self)
        head.setContentsMargins(20, 14, 20, 6)
        head.addWidget(self.title, 0, 0)
        head.addWidget(self.subtitle, 1, 0)
        head.addWidget(self.save_state, 1, 1, Qt.AlignmentFlag.AlignRight)
        lang_box = QHBoxLayout()
        lang_box.addWidget(self.language_label)
        lang_box.addWidget(self.language)
        head.addLayout(lang_box, 0, 1, Qt.AlignmentFlag.AlignRight)
        head.setColumnStretch(0, 1)
        self.retranslate()

    def show_document(self, doc: Document | None) -> None:
        if doc is None:
            self.title.setText("")
            self.subtitle.setText("")
            return
        title = labels.document_kind(doc.kind)
        if isinstance(doc.body, IncapacityCertificate):
            kind = doc.body.certificate_kind
            if kind is not CertificateKind.INITIAL:
                title = f"{title} — {labels.certificate_kind(kind).lower()}"
        self.title.setText(title)
        patient = doc.patient
        birth = patient.birth_date.strftime("%d/%m/%Y") if patient.birth_date else ""
        self.subtitle.setText(" · ".join(p for p in (patient.full_name, birth) if p))

    def show_save_state(self, text: str, state: str) -> None:
        """``state`` (saved, pending, error, signed) colours the text through the style."""
        self.save_state.set_full_text(text)
        self.save_state.setProperty("state", state)
        self.save_state.style().unpolish(self.save_state)
        self.save_state.style().polish(self.save_state)

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)

    def retranslate(self) -> None:
        apply_texts(fields.by_widget("header", "language"), self.language, self.language_label)
        for i in range(self.language.count()):
            self.language.setItemText(i, labels.language(self.language.itemData(i)))
