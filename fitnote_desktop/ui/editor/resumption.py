"""Authorisation of partial resumption: dates, the nature of the work, a percentage *or*
hours, conditions, and who authorises it.

"Authorised by" is not a choice: the physician who signs authorises, in their own role
(the 2025 policy note lets the treating or occupational physician do so), so the
section shows the document's role and the signer's name as read-only text.
"""

from __future__ import annotations

from dataclasses import replace

from PySide6.QtCore import QCoreApplication, SignalInstance
from PySide6.QtWidgets import (
    QAbstractSpinBox,
    QButtonGroup,
    QFormLayout,
    QGridLayout,
    QLineEdit,
    QPlainTextEdit,
    QRadioButton,
    QWidget,
)

from fitnote_desktop.domain.model import AuthorisingRole, Document, DocumentKind, PartialResumption
from fitnote_desktop.ui import labels
from fitnote_desktop.ui.editor.fields import QT_TRANSLATE_NOOP
from fitnote_desktop.ui.editor.section import EditorSection, Today
from fitnote_desktop.ui.widgets import DateField, DecimalBox, NumberBox

translate = QCoreApplication.translate


class ResumptionSection(EditorSection):
    key = "resumption"
    title_source = QT_TRANSLATE_NOOP("DocumentEditor", "Partial resumption of work")
    kinds = frozenset({DocumentKind.PARTIAL_RESUMPTION})

    def __init__(self, today: Today, parent: QWidget | None = None) -> None:
        super().__init__(today, parent)
        self.pr_start = DateField(today=today)
        self.pr_end = DateField(today=today, anchor=lambda: self.pr_start.value())
        self.pr_percent_radio, self.pr_hours_radio = QRadioButton(), QRadioButton()
        self.pr_extent = QButtonGroup(self)
        self.pr_extent.addButton(self.pr_percent_radio)
        self.pr_extent.addButton(self.pr_hours_radio)
        self.pr_percent = NumberBox()
        self.pr_percent.setRange(0, 100)
        self.pr_percent.setSuffix(" %")
        self.pr_percent.setSpecialValueText("—")
        self.pr_hours = DecimalBox()
        self.pr_hours.setRange(0, 60)
        self.pr_hours.setDecimals(1)
        self.pr_hours.setSingleStep(0.5)
        self.pr_hours.setSpecialValueText("—")
        for spin in (self.pr_percent, self.pr_hours):
            spin.setButtonSymbols(QAbstractSpinBox.ButtonSymbols.PlusMinus)
            spin.setFixedWidth(110)
        extent = QGridLayout()
        extent.addWidget(self.pr_percent_radio, 0, 0)
        extent.addWidget(self.pr_percent, 0, 1)
        extent.addWidget(self.pr_hours_radio, 1, 0)
        extent.addWidget(self.pr_hours, 1, 1)
        extent.setColumnStretch(2, 1)
        self.pr_conditions = QPlainTextEdit()
        self.pr_conditions.setFixedHeight(60)
        self.pr_conditions.setTabChangesFocus(True)
        self.pr_nature = QLineEdit()
        self.pr_by = QLineEdit()
        self.pr_by.setReadOnly(True)
        self._role = AuthorisingRole.TREATING_PHYSICIAN
        self._signer = ""
        self.pr_related = QLineEdit()
        form = QFormLayout()
        self.add_rows(form, {"pr_percent": extent})
        self.body.addLayout(form)
        for radio in (self.pr_percent_radio, self.pr_hours_radio):
            radio.toggled.connect(self._enable_extent)

    def load(self, document: Document) -> None:
        super().load(document)
        if isinstance(document.body, PartialResumption):
            self._role = document.body.authorised_by
            self._signer = document.author.full_name
            self._show_role()
            hours = document.body.hours_per_week is not None
            self.pr_hours_radio.setChecked(hours)
            self.pr_percent_radio.setChecked(not hours)
            self._enable_extent()

    def _enable_extent(self) -> None:
        self.pr_percent.setEnabled(self.pr_percent_radio.isChecked())
        self.pr_hours.setEnabled(self.pr_hours_radio.isChecked())

    def settle(self, document: Document, before: Document) -> Document:
        """A percentage or hours per week, as the radio button says; never both."""
        body = document.body
        if not isinstance(body, PartialResumption):
            return document
        if self.pr_hours_radio.isChecked():
            return replace(document, body=replace(body, percentage=None))
        return replace(document, body=replace(body, hours_per_week=None))

    def edit_signals(self) -> list[tuple[SignalInstance, str]]:
        radios = (self.pr_percent_radio, self.pr_hours_radio)
        return [(radio.toggled, "body.percentage") for radio in radios]

    def focus_chain(self) -> list[QWidget]:
        chain = super().focus_chain()
        at = chain.index(self.pr_percent)
        return [*chain[:at], self.pr_percent_radio, self.pr_percent, self.pr_hours_radio,
                *chain[at + 1 :]]  # fmt: skip

    def retranslate(self) -> None:
        super().retranslate()
        self.pr_percent_radio.setText(translate("DocumentEditor", "Percentage of a full-time job"))
        self.pr_hours_radio.setText(translate("DocumentEditor", "Hours per week"))
        self._show_role()

    def _show_role(self) -> None:
        role = labels.authorised_by(self._role)
        you = translate("DocumentEditor", "%1 (you, as the signer)").replace("%1", self._signer)
        self.pr_by.setText(f"{role} — {you}" if self._signer else role)
