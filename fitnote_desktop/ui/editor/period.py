"""Period and reason: dates with one-click durations, the first prognosis, what the
patient is unfit for, the reason and the dates it needs, leaving the house.

Rows that only some certificates need appear when they apply: the accident and
disease dates with their reason, the antedating justification when the period or the
consultation lies too far back (or it is filled), the expected delivery and maternity
leave for a self-employed woman's pregnancy (or when they are filled). Under the end
date, the duration guidance of the diagnosis's group (:mod:`.guidance_panel`).
"""

from __future__ import annotations

from dataclasses import replace
from datetime import date, timedelta

from PySide6.QtCore import QCoreApplication, QEvent, QObject, Qt, Signal, SignalInstance
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import (
    QButtonGroup,
    QFormLayout,
    QHBoxLayout,
    QLineEdit,
    QPushButton,
    QRadioButton,
    QWidget,
)

from fitnote_desktop.domain.findings import Finding
from fitnote_desktop.domain.model import (
    Document,
    DocumentKind,
    EmploymentSituation,
    IncapacityCertificate,
    IncapacityFor,
    IncapacityReason,
)
from fitnote_desktop.domain.periods import add_months
from fitnote_desktop.domain.rules.incapacity import ACCIDENT_REASONS
from fitnote_desktop.ui import i18n, labels
from fitnote_desktop.ui.editor.fields import QT_TRANSLATE_NOOP
from fitnote_desktop.ui.editor.guidance_panel import JUSTIFICATION, GuidancePanel
from fitnote_desktop.ui.editor.section import EditorSection, Today
from fitnote_desktop.ui.widgets import ChoiceBox, DateField, date_range

translate = QCoreApplication.translate

DURATIONS = (3, 7, 14, 30)  # one-click end dates, in days including the first; 30 = a month

ANTEDATING_CODES = frozenset({"incapacity.antedated_begin", "incapacity.antedated_consultation"})


def end_after(begin: date, days: int) -> date:
    """The end date of a period of ``days`` days (30: one calendar month) from ``begin``."""
    if days == 30:
        return add_months(begin, 1) - timedelta(days=1)
    return begin + timedelta(days=days - 1)


class PeriodSection(EditorSection):
    key = "period"
    title_source = QT_TRANSLATE_NOOP("DocumentEditor", "Period and reason")
    kinds = frozenset({DocumentKind.INCAPACITY, DocumentKind.FIT_NOTE})

    # the physician is done with this input (leaving the house answered by its letter):
    # the editor goes on to the next input that still needs an answer
    done_with = Signal(QWidget)

    def __init__(self, today: Today, parent: QWidget | None = None) -> None:
        super().__init__(today, parent)
        self.begin = DateField(today=today)
        self.end = DateField(today=today, anchor=lambda: self.begin.value())
        self.duration_buttons: list[QPushButton] = []
        dur = QHBoxLayout()
        dur.addWidget(self.end)
        for _days in DURATIONS:
            button = QPushButton()
            button.setObjectName("chip")  # also Alt+1…4 from anywhere in the editor
            self.duration_buttons.append(button)
            dur.addWidget(button)
        dur.addStretch(1)
        self.expected_return = DateField(today=today, anchor=self._day_after_end)
        self.antedating = QLineEdit()
        self.incapacity_for = ChoiceBox()
        for target in IncapacityFor:
            self.incapacity_for.addItem("", target.value)
        self.reason = ChoiceBox()
        for reason in IncapacityReason:
            self.reason.addItem("", reason.value)
        self.accident_date = DateField(today=today)
        self.disease_date = DateField(today=today)
        self.expected_delivery = DateField(today=today)
        self.leave_begin = DateField(today=today)
        self.leave_end = DateField(today=today, anchor=lambda: self.leave_begin.value())
        # a question with no default: neither is checked on a new certificate
        self.out_of_home_yes, self.out_of_home_no = QRadioButton(), QRadioButton()
        self.out_of_home = {True: self.out_of_home_yes, False: self.out_of_home_no}
        self.out_of_home_group = QButtonGroup(self)
        leave_house = QHBoxLayout()
        for radio in self.out_of_home.values():
            self.out_of_home_group.addButton(radio)
            radio.installEventFilter(self)
            leave_house.addWidget(radio)
        leave_house.addStretch(1)
        form = QFormLayout()
        form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.AllNonFixedFieldsGrow)
        content = {
            "end": dur,
            "leave_begin": date_range(self.leave_begin, self.leave_end),
            "out_of_home": leave_house,
        }
        self.add_rows(form, content)
        self.guidance = GuidancePanel(self)  # usual duration of the diagnosis's group
        end_holder = self.messages["body.period.end"].parentWidget()
        end_row = next(
            row
            for row in range(form.rowCount())
            if (item := form.itemAt(row, QFormLayout.ItemRole.FieldRole)) is not None
            and item.widget() is end_holder
        )
        self.guidance.place(form, end_row + 1)
        self.body.addLayout(form)
        self.reason.currentIndexChanged.connect(self._show_reason_rows)
        self._followed: tuple[Document, list[Finding]] | None = None
        for date_field in (self.begin, self.end):
            date_field.line.editingFinished.connect(self._follow_again)

    def focus_chain(self) -> list[QWidget]:
        """The one-click durations right after the end date's calendar button."""
        chain = super().focus_chain()
        at = chain.index(self.end.button) + 1
        guidance = [self.guidance.sheet_button, self.guidance.justification]
        return chain[:at] + list(self.duration_buttons) + guidance + chain[at:]

    def edit_signals(self) -> list[tuple[SignalInstance, str]]:
        return [(self.guidance.justification.textChanged, JUSTIFICATION)]

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        """In the leave-the-house question, the first letter of an answer ("J", "N" in
        Dutch) chooses it and goes on; Return goes on once it is answered."""
        answers = self.out_of_home.values()
        if watched not in answers or event.type() != QEvent.Type.KeyPress:
            return super().eventFilter(watched, event)
        assert isinstance(event, QKeyEvent) and isinstance(watched, QWidget)
        if event.modifiers() & ~Qt.KeyboardModifier.KeypadModifier:
            return False
        typed = event.text().strip().lower()
        for radio in answers:
            if typed and radio.text().replace("&", "").lower().startswith(typed):
                radio.click()
                self.done_with.emit(radio)
                return True
        if event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter):
            if self.out_of_home_group.checkedButton() is not None:
                self.done_with.emit(watched)
            return True
        return False

    def _day_after_end(self) -> date | None:
        """``+1`` in the expected return is the first day after the period."""
        end = self.end.value()
        return None if end is None else end + timedelta(days=1)

    def duration_end(self, days: int) -> date | None:
        begin = self.begin.value()
        return None if begin is None else end_after(begin, days)

    def load(self, document: Document) -> None:
        super().load(document)
        self.guidance.load(document)
        self._show_reason_rows()
        self.update_duration()

    def _show_reason_rows(self) -> None:
        reason = IncapacityReason(self.reason.currentData())
        self.set_row_visible("body.accident_date", reason in ACCIDENT_REASONS)
        self.set_row_visible(
            "body.occupational_disease_declared", reason is IncapacityReason.OCCUPATIONAL_DISEASE
        )

    def follow(self, document: Document, findings: list[Finding]) -> None:
        """Antedating and pregnancy rows: shown when the rules ask for them or when filled."""
        self._followed = (document, findings)
        self.guidance.follow(document, findings)
        body = document.body
        if not isinstance(body, IncapacityCertificate):
            return
        if not (self.begin.typing or self.end.typing):  # a half-typed date is no reason
            antedated = any(f.code in ANTEDATING_CODES for f in findings)
            self.set_row_visible(
                "body.antedating_justification", antedated or bool(body.antedating_justification)
            )
        self_employed = (
            document.employment is not None
            and document.employment.situation is EmploymentSituation.SELF_EMPLOYED
        )
        pregnancy = body.reason is IncapacityReason.PREGNANCY and self_employed
        self.set_row_visible(
            "body.expected_delivery", pregnancy or body.expected_delivery is not None
        )
        self.set_row_visible(
            "body.maternity_leave.begin", pregnancy or body.maternity_leave is not None
        )

    def _follow_again(self) -> None:
        """A date typed to its end: the rows it decides on follow it now."""
        if self._followed is not None:
            self.follow(*self._followed)

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
                duration_justification=self.guidance.value(),
            ),
        )

    def update_duration(self) -> None:
        """The period's length and last weekday, in the end date's line as it is typed."""
        begin, end = self.begin.value(), self.end.value()
        text = ""
        if begin and end and end >= begin:
            n = (end - begin).days + 1
            weekday = i18n.locale().dayName(end.isoweekday())
            text = translate("DocumentEditor", "%n day(s), until %1", "", n).replace("%1", weekday)
        self.messages["body.period.end"].set_hint(text)

    def retranslate(self) -> None:
        super().retranslate()
        for i, (button, days) in enumerate(zip(self.duration_buttons, DURATIONS, strict=True)):
            button.setText(
                translate("DocumentEditor", "1 month")
                if days == 30
                else translate("DocumentEditor", "%n day(s)", "", days)
            )
            button.setAccessibleName(
                translate("DocumentEditor", "Duration %1").replace("%1", button.text())
            )
            button.setToolTip(translate("DocumentEditor", "Alt+%1").replace("%1", str(i + 1)))
        self.messages["body.expected_return"].set_hint(
            translate("DocumentEditor", "required: first prognosis, +1 = the day after the end")
        )
        self.messages["body.antedating_justification"].set_hint(
            translate("DocumentEditor", "Only the advising physician sees this justification.")
        )
        self.out_of_home_yes.setText(translate("DocumentEditor", "Yes"))
        self.out_of_home_no.setText(translate("DocumentEditor", "No"))
        for i in range(self.incapacity_for.count()):
            value = IncapacityFor(self.incapacity_for.itemData(i))
            self.incapacity_for.setItemText(i, labels.incapacity_for(value))
        for i in range(self.reason.count()):
            self.reason.setItemText(i, labels.reason(IncapacityReason(self.reason.itemData(i))))
        self.update_duration()
