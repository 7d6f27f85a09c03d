"""The fit-note: fit or not, advice for the workplace, review date.

Inside a certificate it is optional (a check box adds it); a stand-alone fit-note always
has one. Its capacities are the next section (:mod:`.capacities`).
"""

from __future__ import annotations

from dataclasses import replace

from PySide6.QtCore import SignalInstance
from PySide6.QtWidgets import (
    QButtonGroup,
    QCheckBox,
    QFormLayout,
    QGridLayout,
    QPlainTextEdit,
    QRadioButton,
    QVBoxLayout,
    QWidget,
)

from fitnote_desktop.domain.model import (
    AdviceOption,
    Document,
    DocumentKind,
    FitNote,
    FitNoteStatus,
    IncapacityCertificate,
)
from fitnote_desktop.ui import labels
from fitnote_desktop.ui.editor.fields import QT_TRANSLATE_NOOP
from fitnote_desktop.ui.editor.section import EditorSection, Today
from fitnote_desktop.ui.widgets import DateField


class FitNoteSection(EditorSection):
    key = "fit"
    title_source = QT_TRANSLATE_NOOP("DocumentEditor", "Fit-note: what the patient can still do")
    kinds = frozenset({DocumentKind.INCAPACITY, DocumentKind.FIT_NOTE})

    def __init__(self, today: Today, anchor: DateField, parent: QWidget | None = None) -> None:
        super().__init__(today, parent)
        self.fit_enabled = QCheckBox()
        self.fit_body = QWidget()
        self.fit_not, self.fit_adapted = QRadioButton(), QRadioButton()
        self.fit_status = {FitNoteStatus.NOT_FIT: self.fit_not}
        self.fit_status[FitNoteStatus.FIT_ADAPTED] = self.fit_adapted
        self.fit_group = QButtonGroup(self)
        for radio in self.fit_status.values():
            self.fit_group.addButton(radio)
        status = QVBoxLayout()
        status.addWidget(self.fit_not)
        status.addWidget(self.fit_adapted)
        self.advice_boxes: dict[AdviceOption, QCheckBox] = {a: QCheckBox() for a in AdviceOption}
        advice = QGridLayout()
        advice.setContentsMargins(24, 0, 0, 0)
        for i, box in enumerate(self.advice_boxes.values()):
            advice.addWidget(box, i // 3, i % 3)
        self.free_advice = QPlainTextEdit()
        self.free_advice.setFixedHeight(56)
        self.free_advice.setTabChangesFocus(True)
        self.review_date = DateField(today=today, anchor=anchor.value)
        switch = QFormLayout()
        switch.setContentsMargins(0, 0, 0, 0)
        self.add_rows(switch, {}, only={"fit_enabled"}, span_buttons=True)
        form = QFormLayout(self.fit_body)
        form.setContentsMargins(0, 0, 0, 0)
        content = {"fit_status": status, "advice_boxes": advice}
        self.add_rows(form, content, only={f.widget for f in self.fields()} - {"fit_enabled"})
        self.body.addLayout(switch)
        self.body.addWidget(self.fit_body)
        self.fit_enabled.toggled.connect(self.fit_body.setVisible)
        self.fit_adapted.toggled.connect(self._enable_advice)

    def edit_signals(self) -> list[tuple[SignalInstance, str]]:
        return [(self.fit_enabled.toggled, "body.fit_note")]

    def load(self, document: Document) -> None:
        super().load(document)
        fit = document.fit_note
        self.fit_enabled.setChecked(fit is not None)
        self.fit_body.setVisible(fit is not None)
        if fit is None:  # what a new fit-note starts with
            self.fit_adapted.setChecked(True)
            for box in self.advice_boxes.values():
                box.setChecked(False)
            self.free_advice.setPlainText("")
            self.review_date.set_value(None)
        self._enable_advice()

    def _enable_advice(self) -> None:
        for box in self.advice_boxes.values():
            box.setEnabled(self.fit_adapted.isChecked())

    def settle(self, document: Document, before: Document) -> Document:
        """No fit-note unless asked for; advice only for "may be fit, taking into account"."""
        body = document.body
        if isinstance(body, IncapacityCertificate) and not self.fit_enabled.isChecked():
            return replace(document, body=replace(body, fit_note=None))
        fit = document.fit_note
        if fit is None or fit.status is FitNoteStatus.FIT_ADAPTED or not fit.advice:
            return document
        return _with_fit(document, replace(fit, advice=()))

    def retranslate(self) -> None:
        super().retranslate()
        self.fit_not.setText(labels.fit_status(FitNoteStatus.NOT_FIT))
        self.fit_adapted.setText(labels.fit_status(FitNoteStatus.FIT_ADAPTED))
        for value, box in self.advice_boxes.items():
            box.setText(labels.advice(value))


def _with_fit(document: Document, fit: FitNote) -> Document:
    body = document.body
    if isinstance(body, IncapacityCertificate):
        return replace(document, body=replace(body, fit_note=fit))
    return replace(document, body=fit)
