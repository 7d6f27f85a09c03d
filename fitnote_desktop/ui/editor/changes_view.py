"""What changed: a prolongation or replacement beside the document it follows.

Two pieces. :class:`ChangesPanel` is the compact line above the form, "Changes since
REF: period, diagnosis" (the very sentence the advising physician's copy prints), kept
current as the physician types, with a button to :class:`ChangesView`: the side-by-side
table of the changed parts, before | after, and who among the recipients is told.

Both read the domain (:mod:`fitnote_desktop.domain.changes`); the document followed and
its printed reference come from ``services.follow_ups.followed``. Values arrive as plain
data (ISO dates, enum values, lists): this module turns them into words, in the UI
language, at display time.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import date
from typing import Any

from PySide6.QtCore import QCoreApplication, QEvent, Qt
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QFrame,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from fitnote_desktop.domain.changes import (
    FieldChange,
    Part,
    changes_line,
    changes_seen_by,
    changes_since,
)
from fitnote_desktop.domain.model import (
    AdviceOption,
    AuthorisingRole,
    CodeSystem,
    Document,
    EmploymentSituation,
    FitNoteStatus,
    IncapacityFor,
    IncapacityReason,
    Recipient,
)
from fitnote_desktop.services import ServiceError, Services
from fitnote_desktop.services.follow_ups import Followed
from fitnote_desktop.services.ports import DocumentRecord
from fitnote_desktop.ui import i18n, labels
from fitnote_desktop.ui.editor.fields import QT_TRANSLATE_NOOP

CONTEXT = "ChangesView"  # spelled out in each call: lupdate reads literals only
NONE = "—"


translate = QCoreApplication.translate


PART_LABELS: dict[Part, str] = {
    Part.PATIENT: QT_TRANSLATE_NOOP("ChangesView", "Patient"),
    Part.PERIOD: QT_TRANSLATE_NOOP("ChangesView", "Period"),
    Part.INCAPACITY_FOR: QT_TRANSLATE_NOOP("ChangesView", "Unfit for"),
    Part.OUT_OF_HOME: QT_TRANSLATE_NOOP("ChangesView", "May leave home"),
    Part.EXPECTED_RETURN: QT_TRANSLATE_NOOP("ChangesView", "Expected return to work"),
    Part.REASON: QT_TRANSLATE_NOOP("ChangesView", "Reason"),
    Part.DIAGNOSIS: QT_TRANSLATE_NOOP("ChangesView", "Diagnosis"),
    Part.ACCIDENT_DATE: QT_TRANSLATE_NOOP("ChangesView", "Date of the accident"),
    Part.OCCUPATIONAL_DISEASE: QT_TRANSLATE_NOOP("ChangesView", "Occupational disease declared"),
    Part.HOSPITAL_STAY: QT_TRANSLATE_NOOP("ChangesView", "Hospital stay"),
    Part.STAY_ABROAD: QT_TRANSLATE_NOOP("ChangesView", "Stay abroad"),
    Part.PREGNANCY: QT_TRANSLATE_NOOP("ChangesView", "Pregnancy"),
    Part.ANTEDATING: QT_TRANSLATE_NOOP("ChangesView", "Justification of the antedating"),
    Part.EXTENT: QT_TRANSLATE_NOOP("ChangesView", "Extent"),
    Part.NATURE: QT_TRANSLATE_NOOP("ChangesView", "Nature of the work"),
    Part.CONDITIONS: QT_TRANSLATE_NOOP("ChangesView", "Conditions"),
    Part.AUTHORISED_BY: QT_TRANSLATE_NOOP("ChangesView", "Authorised by"),
    Part.INCAPACITY_SINCE: QT_TRANSLATE_NOOP("ChangesView", "Incapacity since"),
    Part.REMARKS: QT_TRANSLATE_NOOP("ChangesView", "Remarks"),
    Part.FIT_NOTE: QT_TRANSLATE_NOOP("ChangesView", "Fit-note"),
    Part.ADVICE: QT_TRANSLATE_NOOP("ChangesView", "Advice"),
    Part.CAPACITIES: QT_TRANSLATE_NOOP("ChangesView", "Work capacities"),
    Part.REVIEW_DATE: QT_TRANSLATE_NOOP("ChangesView", "Next review"),
    Part.EMPLOYMENT: QT_TRANSLATE_NOOP("ChangesView", "Employment"),
}


# ---------------------------------------------------------------------------- values


def _day(value: Any) -> str:
    return date.fromisoformat(value).strftime("%d/%m/%Y") if value else NONE


def _span(begin: Any, end: Any) -> str:
    """``16/11/2026 to 29/11/2026 (14 days)``; an open end reads "from 16/11/2026"."""
    if not begin:
        return NONE
    if not end:
        return translate("ChangesView", "from %1").replace("%1", _day(begin))
    days = (date.fromisoformat(end) - date.fromisoformat(begin)).days + 1
    count = (
        translate("ChangesView", "1 day")
        if days == 1
        else translate("ChangesView", "%1 days").replace("%1", str(days))
    )
    span = translate("ChangesView", "%1 to %2").replace("%1", _day(begin))
    return f"{span.replace('%2', _day(end))} ({count})"


def _period(value: Any) -> str:
    return _span(value.get("begin"), value.get("end")) if value else NONE


def _yes_no(value: Any) -> str:
    if value is None:
        return NONE
    return translate("ChangesView", "Yes") if value else translate("ChangesView", "No")


def _diagnoses(value: Any) -> str:
    lines = []
    several = len(value or []) > 1
    for dx in value or []:
        code = dx.get("code", "")
        system = dx.get("code_system")
        coded = f"{code} ({labels.code_system(CodeSystem(system))})" if code and system else code
        text = " — ".join(p for p in (dx.get("text", ""), coded) if p)
        principal = several and dx.get("principal")
        mark = translate("ChangesView", "principal")
        lines.append(f"{text} ({mark})" if principal else text)
    return "\n".join(lines) or NONE


def _capacities(value: Any) -> str:
    from fitnote_desktop.domain.icf import capacity_notation, load_catalogue

    catalogue = load_catalogue()
    lines = []
    for cap in value or []:
        code = cap.get("code", "")
        try:
            name = catalogue.label(code, i18n.current_language())
        except (KeyError, ValueError):
            name = ""
        notation = capacity_notation(code, cap.get("qualifier", 8))
        head = f"{notation} {name}".strip()
        statement = cap.get("statement", "")
        lines.append(f"{head}: {statement}" if statement else head)
    return "\n".join(lines) or NONE


def _advice(value: Any) -> str:
    options = [labels.advice(AdviceOption(v)) for v in value.get("options", [])]
    lines = [", ".join(options)] if options else []
    if value.get("free"):
        lines.append(value["free"])
    return "\n".join(lines) or NONE


def _employment(value: Any) -> str:
    if not value:
        return NONE
    parts = [labels.employment(EmploymentSituation(value["situation"]))]
    parts += [value[k] for k in ("job_title", "employer_name") if value.get(k)]
    return "\n".join(parts)


def _patient(value: Any) -> str:
    parts = [value.get("name") or NONE]
    if value.get("niss"):
        parts.append(value["niss"])
    if value.get("birth_date"):
        parts.append(_day(value["birth_date"]))
    return "\n".join(parts)


def _stay(value: Any) -> str:
    if not value:
        return NONE
    begin = value.get("admission") or value.get("begin")
    end = value.get("discharge") or value.get("end")
    where = ", ".join(value[k] for k in ("hospital_name", "hospital_id", "country") if value.get(k))
    return "\n".join(p for p in (_span(begin, end), where) if p)


def _pregnancy(value: Any) -> str:
    lines = []
    if value.get("expected_delivery"):
        lines.append(
            translate("ChangesView", "Expected delivery: %1").replace(
                "%1", _day(value["expected_delivery"])
            )
        )
    if value.get("maternity_leave"):
        leave = _period(value["maternity_leave"])
        lines.append(translate("ChangesView", "Maternity leave: %1").replace("%1", leave))
    return "\n".join(lines) or NONE


def _extent(value: Any) -> str:
    if value.get("percentage") is not None:
        return f"{value['percentage']} %"
    if value.get("hours_per_week"):
        hours = i18n.locale().toString(float(value["hours_per_week"]), "g", 4)
        return translate("ChangesView", "%1 hours a week").replace("%1", hours)
    return NONE


def _enum(label: Callable[[Any], str], kind: Callable[[Any], Any]) -> Callable[[Any], str]:
    return lambda value: label(kind(value)) if value else NONE


def _text(value: Any) -> str:
    return str(value) if value else NONE


SHOWN: dict[Part, Callable[[Any], str]] = {
    Part.PATIENT: _patient,
    Part.PERIOD: _period,
    Part.INCAPACITY_FOR: _enum(labels.incapacity_for, IncapacityFor),
    Part.OUT_OF_HOME: _yes_no,
    Part.EXPECTED_RETURN: _day,
    Part.REASON: _enum(labels.reason, IncapacityReason),
    Part.DIAGNOSIS: _diagnoses,
    Part.ACCIDENT_DATE: _day,
    Part.OCCUPATIONAL_DISEASE: _day,
    Part.HOSPITAL_STAY: _stay,
    Part.STAY_ABROAD: _stay,
    Part.PREGNANCY: _pregnancy,
    Part.ANTEDATING: _text,
    Part.EXTENT: _extent,
    Part.NATURE: _text,
    Part.CONDITIONS: _text,
    Part.AUTHORISED_BY: _enum(labels.authorised_by, AuthorisingRole),
    Part.INCAPACITY_SINCE: _day,
    Part.REMARKS: _text,
    Part.FIT_NOTE: _enum(labels.fit_status, FitNoteStatus),
    Part.ADVICE: _advice,
    Part.CAPACITIES: _capacities,
    Part.REVIEW_DATE: _day,
    Part.EMPLOYMENT: _employment,
}


def shown(change: FieldChange) -> tuple[str, str]:
    """The before and after values of ``change`` in words, in the UI language."""
    show = SHOWN[change.part]

    def words(value: Any) -> str:  # None: the part is not in that document at all
        return NONE if value is None else show(value)

    return words(change.before), words(change.after)


def readers_told(previous: Document, current: Document) -> dict[Recipient, set[Part]]:
    """Each recipient of ``current`` (the patient always gets a copy) with the parts its
    copy names as changed: its own dataset only."""
    readers = dict.fromkeys([*current.recipients, Recipient.PATIENT])
    return {r: {c.part for c in changes_seen_by(previous, current, r)} for r in readers}


# ---------------------------------------------------------------------------- widgets


class ChangesView(QDialog):
    """The changed parts side by side: part | before | after | who is told."""

    def __init__(
        self, followed: Followed, current: Document, parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self.setObjectName("changesView")
        self.setWindowTitle(translate("ChangesView", "What changed"))
        previous = followed.record.document
        changes = changes_since(previous, current)
        self.intro = QLabel(self)
        self.intro.setWordWrap(True)
        self.intro.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        compared = translate("ChangesView", "Compared with: %1, %2")
        reference = translate("ChangesView", "Reference: %1").replace("%1", followed.reference)
        self.intro.setText(
            compared.replace("%1", labels.document_kind(previous.kind)).replace(
                "%2", _covered(previous)
            )
            + "\n"
            + reference
        )
        self.table = QTableWidget(len(changes), 4, self)
        self.table.setObjectName("changesTable")
        self._fill(previous, current, changes)
        self.empty = QLabel(translate("ChangesView", "Nothing changed yet."), self)
        self.empty.setVisible(not changes)
        self.table.setVisible(bool(changes))
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close, self)
        buttons.button(QDialogButtonBox.StandardButton.Close).setText(
            translate("ChangesView", "Close")
        )
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(self.intro)
        layout.addWidget(self.table, 1)
        layout.addWidget(self.empty)
        layout.addWidget(buttons)
        rows = sum(self.table.rowHeight(r) for r in range(self.table.rowCount()))
        self.resize(880, max(280, min(640, rows + 200)))
        self.table.setFocus()

    def _fill(
        self, previous: Document, current: Document, changes: tuple[FieldChange, ...]
    ) -> None:
        table = self.table
        before_side = translate("ChangesView", "Before")
        after_side = translate("ChangesView", "After")
        told = translate("ChangesView", "Told to")
        table.setHorizontalHeaderLabels(
            [translate("ChangesView", "Part"), before_side, after_side, told]
        )
        table.verticalHeader().hide()
        table.setEditTriggers(QTableWidget.EditTrigger.NoEditTriggers)
        table.setWordWrap(True)
        table.setAlternatingRowColors(True)
        table.setAccessibleName(translate("ChangesView", "What changed"))
        header = table.horizontalHeader()
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(1, QHeaderView.ResizeMode.Stretch)
        header.setSectionResizeMode(2, QHeaderView.ResizeMode.Stretch)
        header.setSectionResizeMode(3, QHeaderView.ResizeMode.ResizeToContents)
        top = Qt.AlignmentFlag.AlignTop | Qt.AlignmentFlag.AlignLeft
        told_to = readers_told(previous, current)
        for row, change in enumerate(changes):
            before, after = shown(change)
            readers = "\n".join(
                labels.recipient_short(r) for r, parts in told_to.items() if change.part in parts
            )
            name = translate(CONTEXT, PART_LABELS[change.part])
            cells = ((name, ""), (before, before_side), (after, after_side), (readers, told))
            for col, (text, side) in enumerate(cells):
                item = QTableWidgetItem(text or NONE)
                item.setTextAlignment(top)
                item.setToolTip(text)
                if side:  # a screen reader says which column it is in
                    spoken = f"{name}, {side}: {text or NONE}"
                    item.setData(Qt.ItemDataRole.AccessibleTextRole, spoken)
                table.setItem(row, col, item)
        table.resizeRowsToContents()


def _covered(document: Document) -> str:
    """The period a document covers, in words."""
    period = document.period
    if period is None:
        return NONE
    return _span(period.begin.isoformat(), period.end.isoformat() if period.end else None)


class ChangesPanel(QWidget):
    """The "Changes since REF" line above the form of a prolongation or replacement.

    Hidden for anything else. The followed document is looked up once per record; the
    line follows each edit (:meth:`show_draft`, called after each validation).
    """

    def __init__(self, services: Services, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.services = services
        self.followed: Followed | None = None
        self.current: Document | None = None
        self.view: ChangesView | None = None  # the last one opened
        self._record_id = ""
        box = QFrame(self)
        box.setObjectName("section")
        self.line = QLabel(box)
        self.line.setWordWrap(True)
        self.line.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.open_button = QPushButton(box)
        self.open_button.clicked.connect(self.open_view)
        outer = QVBoxLayout(self)
        outer.setContentsMargins(20, 0, 20, 6)  # in line with the header's text
        outer.addWidget(box)
        row = QHBoxLayout(box)
        row.setContentsMargins(12, 6, 8, 6)
        row.addWidget(self.line, 1)
        row.addWidget(self.open_button, 0, Qt.AlignmentFlag.AlignVCenter)
        self.setVisible(False)
        self.retranslate()

    def show_draft(self, record: DocumentRecord | None, current: Document | None) -> None:
        """Follow the editor: ``record`` is the one open, ``current`` what it shows now."""
        if record is None or current is None:
            self.followed, self.current, self._record_id = None, None, ""
        else:
            if record.id != self._record_id:
                self._record_id = record.id
                try:
                    self.followed = self.services.follow_ups.followed(record.id)
                except ServiceError:  # cannot read it now: no comparison, nothing to block
                    self.followed = None
            self.current = current
        self._show()

    def _show(self) -> None:
        followed, current = self.followed, self.current
        self.setVisible(followed is not None and current is not None)
        if followed is None or current is None:
            return
        changes = changes_since(followed.record.document, current)
        self.line.setText(changes_line(followed.reference, changes, i18n.current_language()))

    def open_view(self) -> None:
        """The side-by-side view (the button, or the window's "What changed" action)."""
        if self.followed is None or self.current is None:
            return
        self.view = ChangesView(self.followed, self.current, self.window())
        self.view.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        self.view.open()  # window-modal, without a nested event loop

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)

    def retranslate(self) -> None:
        self.line.setAccessibleName(translate("ChangesView", "What changed"))
        self.open_button.setText(translate("ChangesView", "Side by side…"))
        self.open_button.setToolTip(
            translate("ChangesView", "What changed, side by side (Ctrl+Shift+C)")
        )
        self._show()
