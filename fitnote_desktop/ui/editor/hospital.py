"""A hospital stay during the incapacity: admission, discharge, the hospital.

Not a reason (Mult-eMediatt knows six reasons, none of them hospitalisation): any
certificate may record a stay, which KMEHR sends as encounter items. A check box adds
the group; ticking it proposes the period's first day as the admission, so that a stay
whose hospital was typed is never dropped for lack of its required date.
"""

from __future__ import annotations

from dataclasses import replace

from PySide6.QtCore import SignalInstance
from PySide6.QtWidgets import QCheckBox, QFormLayout, QLineEdit, QWidget

from fitnote_desktop.domain.model import Document, DocumentKind, IncapacityCertificate
from fitnote_desktop.ui.editor.fields import QT_TRANSLATE_NOOP
from fitnote_desktop.ui.editor.section import EditorSection, Today
from fitnote_desktop.ui.widgets import DateField


class HospitalSection(EditorSection):
    key = "hospital"
    title_source = QT_TRANSLATE_NOOP("DocumentEditor", "Hospital stay")
    kinds = frozenset({DocumentKind.INCAPACITY})

    def __init__(self, today: Today, anchor: DateField, parent: QWidget | None = None) -> None:
        super().__init__(today, parent)
        self.period_begin = anchor
        self.stay_enabled = QCheckBox()
        self.stay_body = QWidget()
        self.admission = DateField(today=today, anchor=anchor.value)
        self.discharge = DateField(today=today, anchor=lambda: self.admission.value())
        self.hospital_name = QLineEdit()
        self.hospital_id = QLineEdit()
        self.hospital_id.setMaximumWidth(240)
        switch = QFormLayout()
        switch.setContentsMargins(0, 0, 0, 0)
        self.add_rows(switch, {}, only={"stay_enabled"}, span_buttons=True)
        form = QFormLayout(self.stay_body)
        form.setContentsMargins(0, 0, 0, 0)
        others = {f.widget for f in self.fields()} - {"stay_enabled"}
        self.add_rows(form, {}, only=others)
        self.body.addLayout(switch)
        self.body.addWidget(self.stay_body)
        self.stay_enabled.toggled.connect(self._switched)

    def _switched(self, on: bool) -> None:
        self.stay_body.setVisible(on)
        if on and self.admission.value() is None:
            self.admission.set_value(self.period_begin.value())

    def edit_signals(self) -> list[tuple[SignalInstance, str]]:
        return [(self.stay_enabled.toggled, "body.hospital_stay")]

    def load(self, document: Document) -> None:
        super().load(document)
        body = document.body
        stay = body.hospital_stay if isinstance(body, IncapacityCertificate) else None
        self.stay_enabled.setChecked(stay is not None)
        self.stay_body.setVisible(stay is not None)
        if stay is None:  # what a new stay starts with
            for field in (self.admission, self.discharge):
                field.set_value(None)
            self.hospital_name.clear()
            self.hospital_id.clear()

    def settle(self, document: Document, before: Document) -> Document:
        """No stay unless the box is ticked."""
        body = document.body
        if isinstance(body, IncapacityCertificate) and not self.stay_enabled.isChecked():
            return replace(document, body=replace(body, hospital_stay=None))
        return document
