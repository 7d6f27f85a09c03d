"""The home screen: my patients on sick leave, and what needs action today.

Above, the "needs action today" items (certificates ending soon, invalidity recognitions
due, questions waiting for an answer, items refused at sending), one line each; below,
every patient with a running episode in a sortable table. Everything works from the
keyboard: the filter field (Ctrl+Shift+F) narrows the table as you type, the arrows move
through it from the field, Enter opens the patient. The rows come from
``services.worklist`` (no Qt there); this module only shows them.
"""

from __future__ import annotations

from datetime import date
from typing import Any

from PySide6.QtCore import (
    QAbstractTableModel,
    QCoreApplication,
    QEvent,
    QModelIndex,
    QPersistentModelIndex,
    QSortFilterProxyModel,
    Qt,
    Signal,
)
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHeaderView,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from fitnote_desktop.domain.model import FitNoteStatus
from fitnote_desktop.services import ServiceError, Services
from fitnote_desktop.services.worklist import ActionItem, Section, Worklist, WorklistRow
from fitnote_desktop.ui import i18n
from fitnote_desktop.ui.widgets import format_date, name_clear_button

PATIENT_ID_ROLE = Qt.ItemDataRole.UserRole + 1
SORT_ROLE = Qt.ItemDataRole.UserRole + 2

COLUMNS = ("patient", "day", "until", "fit_note", "next", "unread", "outbox")


def _headers() -> list[str]:
    return [
        QCoreApplication.translate("Worklist", "Patient"),
        QCoreApplication.translate("Worklist", "Day"),
        QCoreApplication.translate("Worklist", "Certificate until"),
        QCoreApplication.translate("Worklist", "Fit-note"),
        QCoreApplication.translate("Worklist", "Next contact"),
        QCoreApplication.translate("Worklist", "Unread"),
        QCoreApplication.translate("Worklist", "Outbox"),
    ]


def _next_contact(row: WorklistRow) -> str:
    m = row.next_contact
    if m is None:
        return ""
    return f"{format_date(m.due)} · {i18n.text(m.code, **dict(m.params))}"


def _outbox(row: WorklistRow) -> str:
    counts = (
        (QCoreApplication.translate("Worklist", "Refused: %1"), row.refused),
        (QCoreApplication.translate("Worklist", "Held: %1"), row.held),
        (QCoreApplication.translate("Worklist", "Waiting: %1"), row.waiting),
    )
    return ", ".join(text.replace("%1", str(n)) for text, n in counts if n)


def _fit(row: WorklistRow) -> str:
    """The fit-note's answer in two words (the editor's full sentence does not fit here)."""
    if row.fit_note is FitNoteStatus.NOT_FIT:
        return QCoreApplication.translate("Worklist", "Not fit")
    if row.fit_note is FitNoteStatus.FIT_ADAPTED:
        return QCoreApplication.translate("Worklist", "Fit, adapted work")
    return ""


def _until(row: WorklistRow) -> str:
    end = row.certificate_end
    text = (
        format_date(end)
        if end is not None
        else QCoreApplication.translate("Worklist", "open-ended")
    )
    if row.episode_end is not None and row.episode_end != end:
        text += " → " + format_date(row.episode_end)  # a prolongation already signed
    return text


class WorklistModel(QAbstractTableModel):
    """The rows of the worklist; ``SORT_ROLE`` gives each cell's raw value to sort on."""

    def __init__(self, parent: Any = None) -> None:
        super().__init__(parent)
        self._rows: list[WorklistRow] = []

    def set_rows(self, rows: tuple[WorklistRow, ...]) -> None:
        self.beginResetModel()
        self._rows = list(rows)
        self.endResetModel()

    def row_at(self, row: int) -> WorklistRow:
        return self._rows[row]

    def rowCount(self, parent: QModelIndex | QPersistentModelIndex = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._rows)

    def columnCount(self, parent: QModelIndex | QPersistentModelIndex = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(COLUMNS)

    def headerData(self, section: int, orientation: Qt.Orientation, role: int = 0) -> Any:
        if orientation == Qt.Orientation.Horizontal and role == Qt.ItemDataRole.DisplayRole:
            return _headers()[section]
        return None

    def data(self, index: QModelIndex | QPersistentModelIndex, role: int = 0) -> Any:
        if not index.isValid():
            return None
        row = self._rows[index.row()]
        column = COLUMNS[index.column()]
        if role == PATIENT_ID_ROLE:
            return row.patient_id
        if role == SORT_ROLE:
            return _sort_value(row, column)
        if role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.ToolTipRole):
            return _display(row, column)  # the tooltip: the whole text of a narrow cell
        if role == Qt.ItemDataRole.TextAlignmentRole and column in ("day", "unread"):
            return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        return None


def _display(row: WorklistRow, column: str) -> str:
    shown = {
        "patient": lambda: row.patient_name,
        "day": lambda: str(row.day),
        "until": lambda: _until(row),
        "fit_note": lambda: _fit(row),
        "next": lambda: _next_contact(row),
        "unread": lambda: str(row.unread) if row.unread else "",
        "outbox": lambda: _outbox(row),
    }
    return shown[column]()


def _sort_value(row: WorklistRow, column: str) -> Any:
    values = {
        "patient": row.patient_name.casefold(),
        "day": row.day,
        "until": (row.episode_end or date.max).toordinal(),
        "fit_note": row.fit_note.value if row.fit_note else "",
        "next": (row.next_contact.due if row.next_contact else date.max).toordinal(),
        "unread": row.unread,
        "outbox": row.refused * 10000 + row.held * 100 + row.waiting,
    }
    return values[column]


def action_text(item: ActionItem) -> str:
    """One "needs action" line: what, for whom, by when."""
    what = {
        Section.ENDING: QCoreApplication.translate("Worklist", "Certificate ends"),
        Section.INVALIDITY: QCoreApplication.translate("Worklist", "Invalidity recognition due"),
        Section.QUESTIONS: QCoreApplication.translate("Worklist", "Question waits for your answer"),
        Section.REFUSED: QCoreApplication.translate("Worklist", "Refused at sending")
        if item.detail == "refused"
        else QCoreApplication.translate("Worklist", "Held at sending: needs your action"),
    }[item.section]
    who = item.patient_name or QCoreApplication.translate("Worklist", "unknown patient")
    when = f" — {format_date(item.due)}" if item.due is not None else ""
    line = QCoreApplication.translate("Worklist", "%1: %2")  # French puts a space before ":"
    return line.replace("%1", what).replace("%2", who) + when


class _FilterLine(QLineEdit):
    """Up/Down move through the table from the filter, Enter opens the current row."""

    navigate = Signal(int)
    accept = Signal()

    def keyPressEvent(self, event: QKeyEvent) -> None:
        if event.key() in (Qt.Key.Key_Down, Qt.Key.Key_Up):
            self.navigate.emit(1 if event.key() == Qt.Key.Key_Down else -1)
            return
        if event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter):
            self.accept.emit()
            return
        super().keyPressEvent(event)


class _Table(QTableView):
    """Enter opens the current row (a table view would only move on)."""

    accept = Signal()

    def keyPressEvent(self, event: QKeyEvent) -> None:
        if event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter):
            self.accept.emit()
            return
        super().keyPressEvent(event)


class WorklistPage(QWidget):
    """The home screen; ``patient_chosen`` carries the id of the patient to open."""

    patient_chosen = Signal(str)
    services: Services  # set by attach()

    def __init__(self, services: Services | None, parent: QWidget | None = None) -> None:
        """Without ``services`` the page is empty until :meth:`attach`."""
        super().__init__(parent)
        self.setObjectName("worklistPage")
        self.worklist: Worklist | None = None
        self.title = QLabel(self)
        self.title.setObjectName("pageTitle")
        self.hint = QLabel(self)
        self.hint.setObjectName("hint")
        self.hint.setWordWrap(True)
        self.actions_label = QLabel(self)
        self.actions_label.setObjectName("panelTitle")
        self.actions_list = QListWidget(self)
        self.actions_list.setObjectName("needsAction")
        self.actions_list.itemActivated.connect(self._open_action)
        self.actions_label.setBuddy(self.actions_list)
        self.filter = _FilterLine(self)
        self.filter.setObjectName("worklistFilter")
        self.filter.setClearButtonEnabled(True)
        self.model = WorklistModel(self)
        self.proxy = QSortFilterProxyModel(self)
        self.proxy.setSourceModel(self.model)
        self.proxy.setSortRole(SORT_ROLE)
        self.proxy.setFilterKeyColumn(-1)
        self.proxy.setFilterCaseSensitivity(Qt.CaseSensitivity.CaseInsensitive)
        self.table = _Table(self)
        self.table.setObjectName("worklistTable")
        self.table.setModel(self.proxy)
        self.table.setSortingEnabled(True)
        self.table.sortByColumn(2, Qt.SortOrder.AscendingOrder)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setTabKeyNavigation(False)
        self.table.setWordWrap(True)  # a long next contact takes two lines, not an ellipsis
        self.table.verticalHeader().hide()
        self.table.verticalHeader().setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(COLUMNS.index("next"), QHeaderView.ResizeMode.Stretch)
        self.table.doubleClicked.connect(self._open_index)
        self.table.accept.connect(lambda: self._open_index(self.table.currentIndex()))
        self.table_label = QLabel(self)
        self.table_label.setObjectName("panelTitle")
        self.table_label.setBuddy(self.filter)
        self.empty = QLabel(self)
        self.empty.setObjectName("hint")
        self.empty.setWordWrap(True)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(16, 12, 16, 12)
        layout.setSpacing(6)
        layout.addWidget(self.title)
        layout.addWidget(self.hint)
        layout.addWidget(self.actions_label)
        layout.addWidget(self.actions_list)
        layout.addWidget(self.table_label)
        layout.addWidget(self.filter)
        layout.addWidget(self.table, 1)
        layout.addWidget(self.empty)
        self.filter.textChanged.connect(self._filter)
        self.filter.navigate.connect(self._move)
        self.filter.accept.connect(lambda: self._open_index(self.table.currentIndex()))
        self.retranslate()
        if services is not None:
            self.attach(services)

    def attach(self, services: Services) -> None:
        """Read the worklist of the unlocked profile."""
        self.services = services
        self.refresh()

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)

    def retranslate(self) -> None:
        self.title.setText(self.tr("My patients on sick leave"))
        self.hint.setText(
            self.tr(
                "Enter opens the patient. Find any patient on the left (Ctrl+F) or create "
                "one (Ctrl+Shift+N); back here with Alt+Home."
            )
        )
        self.actions_label.setText(self.tr("Needs action today"))
        self.actions_list.setAccessibleName(self.tr("Needs action today"))
        self.table_label.setText(self.tr("Patients with a running incapacity"))
        self.filter.setPlaceholderText(self.tr("Filter the list (Ctrl+Shift+F)"))
        self.filter.setAccessibleName(self.tr("Filter my patients on sick leave"))
        name_clear_button(self.filter, self.tr("Clear the filter"))
        self.table.setAccessibleName(self.tr("My patients on sick leave"))
        self.model.headerDataChanged.emit(Qt.Orientation.Horizontal, 0, len(COLUMNS) - 1)
        self._show()

    def refresh(self) -> None:
        """Read the worklist again (after a signature, a sending, a settings change)."""
        try:
            self.worklist = self.services.worklist.build()
        except ServiceError:  # locked or closing: the home screen keeps what it shows
            return
        self._show()

    def _show(self) -> None:
        wl = self.worklist
        if wl is None:
            return
        current = self.current_patient_id()
        self.model.set_rows(wl.rows)
        self.actions_list.clear()
        for item in wl.actions:
            entry = QListWidgetItem(action_text(item), self.actions_list)
            entry.setData(PATIENT_ID_ROLE, item.patient_id)
        none = not wl.actions
        if none:
            QListWidgetItem(self.tr("Nothing needs action today."), self.actions_list)
        rows = max(1, min(len(wl.actions), 6))
        line = self.actions_list.sizeHintForRow(0) if self.actions_list.count() else 20
        self.actions_list.setFixedHeight(rows * line + 2 * self.actions_list.frameWidth() + 4)
        self._select(current)
        self._update_empty()

    def _filter(self, text: str) -> None:
        self.proxy.setFilterFixedString(text.strip())
        if self.proxy.rowCount() and not self.table.currentIndex().isValid():
            self.table.setCurrentIndex(self.proxy.index(0, 0))
        self._update_empty()

    def _update_empty(self) -> None:
        filtered = bool(self.filter.text().strip())
        empty = self.proxy.rowCount() == 0
        self.empty.setVisible(empty)
        self.empty.setText(
            self.tr("No patient on sick leave matches the filter.")
            if filtered
            else self.tr("None of your patients is on sick leave today.")
        )

    def _move(self, step: int) -> None:
        n = self.proxy.rowCount()
        if not n:
            return
        row = min(max(self.table.currentIndex().row() + step, 0), n - 1)
        self.table.setCurrentIndex(self.proxy.index(row, 0))

    def _select(self, patient_id: str | None) -> None:
        for row in range(self.proxy.rowCount()):
            if self.proxy.index(row, 0).data(PATIENT_ID_ROLE) == patient_id:
                self.table.setCurrentIndex(self.proxy.index(row, 0))
                return
        if self.proxy.rowCount():
            self.table.setCurrentIndex(self.proxy.index(0, 0))

    def current_patient_id(self) -> str | None:
        index = self.table.currentIndex()
        return index.data(PATIENT_ID_ROLE) if index.isValid() else None

    def _open_index(self, index: QModelIndex) -> None:
        if index.isValid():
            self.patient_chosen.emit(index.data(PATIENT_ID_ROLE))

    def _open_action(self, item: QListWidgetItem) -> None:
        patient_id = item.data(PATIENT_ID_ROLE)
        if patient_id:
            self.patient_chosen.emit(patient_id)

    def focus_filter(self) -> None:
        self.filter.setFocus()
        self.filter.selectAll()
