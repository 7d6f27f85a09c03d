"""Period and reason: dates with one-click durations, what the patient cannot attend,
the reason and the dates it needs, expected return, leaving the house."""

from __future__ import annotations

from dataclasses import replace
from datetime import date, timedelta

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication, Qt
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QFormLayout,
    QGridLayout,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QWidget,
)

from fitnote_desktop.domain.model import (
    Document,
    DocumentKind,
    IncapacityCertificate,
    IncapacityFor,
    IncapacityReason,
)
from fitnote_desktop.domain.validation import ACCIDENT_REASONS, add_months
from fitnote_desktop.ui import i18n, labels
from fitnote_desktop.ui.editor.section import EditorSection, Today
from fitnote_desktop.ui.widgets import DateField

translate = QCoreApplication.translate

DURATIONS = (3, 7, 14, 30)  # one-click end dates, in days including the first; 30 = a month


def end_after(begin: date, days: int) -> date:
    """The end date of a period of ``days`` days (30: one calendar month) from ``begin``."""
    if days == 30:
        return add_months(begin, 1) - timedelta(days=1)
    return begin + timedelta(days=days - 1)


class PeriodSection(EditorSection):
    key = "period"
    title_source = QT_TRANSLATE_NOOP("DocumentEditor", "Period and reason")
    kinds = frozenset({DocumentKind.INCAPACITY, DocumentKind.FIT_NOTE})

    def __init__(self, today: Today, parent: QWidget | None = None) -> None:
        super().__init__(today, parent)
        self.begin = DateField(today=today)
        self.end = DateField(today=today, anchor=lambda: self.begin.value())
        self.duration_label = QLabel()
        self.duration_label.setObjectName("hint")
        self.duration_label.setWordWrap(True)
        self.duration_label.setMinimumWidth(80)
        self.duration_buttons: list[QPushButton] = []
        dur = QHBoxLayout()
        dur.addWidget(self.end)
        for _days in DURATIONS:
            button = QPushButton()
            button.setObjectName("chip")
            button.setFocusPolicy(Qt.FocusPolicy.NoFocus)  # Alt+1…4 from the keyboard
            self.duration_buttons.append(button)
            dur.addWidget(button)
        dur.addWidget(self.duration_label)
        dur.addStretch(1)
        self.for_boxes: dict[IncapacityFor, QCheckBox] = {}
        for_row = QGridLayout()
        for i, value in enumerate(IncapacityFor):
            self.for_boxes[value] = QCheckBox()
            for_row.addWidget(self.for_boxes[value], i // 3, i % 3)
        for_row.setColumnStretch(3, 1)
        self.reason = QComboBox()
        for value in IncapacityReason:
            self.reason.addItem("", value.value)
        self.accident_date = DateField(today=today)
        self.disease_date = DateField(today=today)
        self.hosp_begin = DateField(today=today)
        self.hosp_end = DateField(today=today, anchor=lambda: self.hosp_begin.value())
        hosp = QHBoxLayout()
        hosp.addWidget(self.hosp_begin)
        hosp.addWidget(QLabel("–"))
        hosp.addWidget(self.hosp_end)
        hosp.addStretch(1)
        self.out_of_home = QCheckBox()
        self.expected_return = DateField(today=today, anchor=lambda: self.begin.value())
        form = QFormLayout()
        form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.AllNonFixedFieldsGrow)
        self.add_rows(form, {"end": dur, "for_boxes": for_row, "hosp_begin": hosp})
        self.body.addLayout(form)
        self.reason.currentIndexChanged.connect(self._show_reason_rows)

    def duration_end(self, days: int) -> date | None:
        begin = self.begin.value()
        return None if begin is None else end_after(begin, days)

    def load(self, document: Document) -> None:
        super().load(document)
        self._show_reason_rows()
        self.update_duration()

    def _show_reason_rows(self) -> None:
        reason = IncapacityReason(self.reason.currentData())
        self.set_row_visible("body.accident_date", reason in ACCIDENT_REASONS)
        self.set_row_visible(
            "body.occupational_disease_declared", reason is IncapacityReason.OCCUPATIONAL_DISEASE
        )
        self.set_row_visible(
            "body.hospitalisation.begin", reason is IncapacityReason.HOSPITALISATION
        )

    def settle(self, document: Document, before: Document) -> Document:
        """Dates that belong to another reason are dropped, not kept hidden."""
        body = document.body
        if not isinstance(body, IncapacityCertificate):
            return document
        reason = body.reason
        return replace(
            document,
            body=replace(
                body,
                accident_date=body.accident_date if reason in ACCIDENT_REASONS else None,
                occupational_disease_declared=body.occupational_disease_declared
                if reason is IncapacityReason.OCCUPATIONAL_DISEASE
                else None,
                hospitalisation=body.hospitalisation
                if reason is IncapacityReason.HOSPITALISATION
                else None,
            ),
        )

    def update_duration(self) -> None:
        begin, end = self.begin.value(), self.end.value()
        if begin and end and end >= begin:
            n = (end - begin).days + 1
            weekday = i18n.locale().dayName(end.isoweekday())
            text = translate("DocumentEditor", "%n day(s), until %1", "", n)
            self.duration_label.setText(text.replace("%1", weekday))
        else:
            self.duration_label.setText("")

    def retranslate(self) -> None:
        super().retranslate()
        for i, (button, days) in enumerate(zip(self.duration_buttons, DURATIONS, strict=True)):
            button.setText(
                translate("DocumentEditor", "1 month")
                if days == 30
                else translate("DocumentEditor", "%n day(s)", "", days)
            )
            button.setToolTip(translate("DocumentEditor", "Alt+%1").replace("%1", str(i + 1)))
        for value, box in self.for_boxes.items():
            box.setText(labels.incapacity_for(value))
        for i in range(self.reason.count()):
            self.reason.setItemText(i, labels.reason(IncapacityReason(self.reason.itemData(i))))
        self.update_duration()
