"""Patients: an instant-search list (Qt model/view) and the create/edit dialog.

The search asks the services on every keystroke (the store searches an indexed,
accent-folded name column, so this stays instant); an empty query shows the recent
patients. The dialog validates the NISS live and shows what it encodes (birth date,
sex), so a typo is caught before the patient exists.
"""

from __future__ import annotations

from dataclasses import replace
from typing import Any

from PySide6.QtCore import (
    QAbstractListModel,
    QEvent,
    QModelIndex,
    QPersistentModelIndex,
    QSize,
    Qt,
    Signal,
)
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QListView,
    QPushButton,
    QStyledItemDelegate,
    QStyleOptionViewItem,
    QVBoxLayout,
    QWidget,
)

from fitnote_desktop.domain.identifiers import format_niss, niss_error, niss_info
from fitnote_desktop.domain.model import Address, Language, Patient
from fitnote_desktop.services import ServiceError, Services
from fitnote_desktop.services.ports import PatientRecord
from fitnote_desktop.ui import i18n, labels
from fitnote_desktop.ui.widgets import ChoiceBox, FieldMessage, mark, name_clear_button

PATIENT_EXISTS = "store.patient_exists"  # the store's code for a NISS already in use
RecordRole = Qt.ItemDataRole.UserRole + 1
DetailRole = Qt.ItemDataRole.UserRole + 2


class PatientListModel(QAbstractListModel):
    """Search results or recent patients, newest first."""

    def __init__(self, parent: Any = None) -> None:
        super().__init__(parent)
        self._rows: list[PatientRecord] = []

    def set_records(self, rows: list[PatientRecord]) -> None:
        self.beginResetModel()
        self._rows = list(rows)
        self.endResetModel()

    def record(self, row: int) -> PatientRecord:
        return self._rows[row]

    def rowCount(self, parent: QModelIndex | QPersistentModelIndex = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._rows)

    def data(self, index: QModelIndex | QPersistentModelIndex, role: int = 0) -> Any:
        if not index.isValid():
            return None
        rec = self._rows[index.row()]
        p = rec.patient
        if role == Qt.ItemDataRole.DisplayRole:
            return f"{p.family_name}, {p.given_name}".strip(", ")
        if role == DetailRole:
            birth = p.birth_date.strftime("%d/%m/%Y") if p.birth_date else ""
            return "  ·  ".join(x for x in (format_niss(p.niss), birth) if x)
        if role == Qt.ItemDataRole.AccessibleTextRole:  # both painted lines, as one sentence
            name = f"{p.family_name}, {p.given_name}".strip(", ")
            return ", ".join(
                x for x in (name, self.data(index, DetailRole).replace("  ·  ", ", ")) if x
            )
        if role == RecordRole:
            return rec
        return None


class PatientDelegate(QStyledItemDelegate):
    """Two lines per patient: name, then NISS and birth date in grey."""

    def sizeHint(self, option: QStyleOptionViewItem, index: Any) -> QSize:
        fm = option.fontMetrics
        return QSize(200, fm.height() * 2 + 14)

    def paint(self, painter: Any, option: QStyleOptionViewItem, index: Any) -> None:
        from PySide6.QtWidgets import QApplication, QStyle

        opt = QStyleOptionViewItem(option)
        self.initStyleOption(opt, index)
        opt.text = ""
        style = opt.widget.style() if opt.widget else QApplication.style()
        style.drawControl(QStyle.ControlElement.CE_ItemViewItem, opt, painter, opt.widget)
        rect = option.rect.adjusted(10, 6, -8, -6)
        selected = bool(option.state & QStyle.StateFlag.State_Selected)
        painter.save()
        font = option.font
        font.setBold(True)
        painter.setFont(font)
        pal = option.palette
        painter.setPen(pal.highlightedText().color() if selected else pal.text().color())
        fm = option.fontMetrics
        painter.drawText(
            rect.adjusted(0, 0, 0, -fm.height()),
            Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignTop,
            index.data(Qt.ItemDataRole.DisplayRole),
        )
        font.setBold(False)
        painter.setFont(font)
        painter.setPen(pal.highlightedText().color() if selected else pal.placeholderText().color())
        painter.drawText(
            rect.adjusted(0, fm.height() + 2, 0, 0),
            Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignTop,
            index.data(DetailRole),
        )
        painter.restore()


class _SearchLine(QLineEdit):
    """Down/Enter move from the search text into the list without the mouse."""

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


class PatientSearch(QWidget):
    """Search field + result list; ``chosen`` when a patient is opened."""

    chosen = Signal(object)  # PatientRecord
    create_requested = Signal(str)  # the text typed, to prefill name or NISS
    services: Services  # set by attach()

    def __init__(self, services: Services | None, parent: QWidget | None = None) -> None:
        """Without ``services`` the panel is empty until :meth:`attach`."""
        super().__init__(parent)
        self.setObjectName("patientPanel")
        self.heading = QLabel(self)
        self.heading.setObjectName("panelTitle")
        self.search = _SearchLine(self)
        self.search.setClearButtonEnabled(True)
        self.heading.setBuddy(self.search)  # "Patients" labels the search field
        self.model = PatientListModel(self)
        self.view = QListView(self)
        self.view.setModel(self.model)
        self.view.setItemDelegate(PatientDelegate(self.view))
        self.view.setUniformItemSizes(True)
        self.view.setSelectionMode(QListView.SelectionMode.SingleSelection)
        self.view.activated.connect(self._open_index)
        self.view.clicked.connect(self._open_index)
        self.list_label = QLabel(self)
        self.list_label.setObjectName("hint")
        self.list_label.setBuddy(self.view)
        self.empty = QLabel(self)
        self.empty.setWordWrap(True)
        self.empty.setObjectName("hint")
        self.new_button = QPushButton(self)
        self.new_button.clicked.connect(lambda: self.create_requested.emit(self.search.text()))
        layout = QVBoxLayout(self)
        layout.setContentsMargins(12, 12, 12, 12)
        layout.setSpacing(6)
        layout.addWidget(self.heading)
        layout.addWidget(self.search)
        layout.addWidget(self.list_label)
        layout.addWidget(self.view, 1)
        layout.addWidget(self.empty)
        layout.addWidget(self.new_button)
        self.search.textChanged.connect(self.refresh)
        self.search.navigate.connect(self._move)
        self.search.accept.connect(self._accept)
        self.retranslate()
        if services is not None:
            self.attach(services)

    def attach(self, services: Services) -> None:
        """Read the recent patients of the unlocked profile."""
        self.services = services
        self.refresh()

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)

    def retranslate(self) -> None:
        self.heading.setText(self.tr("Patients"))
        self.search.setPlaceholderText(self.tr("Name or national number (Ctrl+F)"))
        self.search.setAccessibleName(self.tr("Search patients"))
        name_clear_button(self.search, self.tr("Clear the patient search"))
        self.view.setAccessibleName(self.tr("Patients found"))
        self.new_button.setText(self.tr("New patient…"))
        self.new_button.setToolTip(self.tr("Ctrl+Shift+N"))
        self._update_labels()

    def refresh(self) -> None:
        text = self.search.text()
        self.model.set_records(self.services.patients.search(text))
        if self.model.rowCount():
            self.view.setCurrentIndex(self.model.index(0, 0))
        self._update_labels()

    def _update_labels(self) -> None:
        searching = bool(self.search.text().strip())
        self.list_label.setText(self.tr("Results") if searching else self.tr("Recent patients"))
        empty = self.model.rowCount() == 0
        self.empty.setVisible(empty)
        self.empty.setText(
            self.tr("No patient found. Press Enter to create one.")
            if searching
            else self.tr("No patients yet.")
        )

    def _move(self, step: int) -> None:
        n = self.model.rowCount()
        if not n:
            return
        row = min(max(self.view.currentIndex().row() + step, 0), n - 1)
        self.view.setCurrentIndex(self.model.index(row, 0))

    def _accept(self) -> None:
        index = self.view.currentIndex()
        if index.isValid():
            self._open_index(index)
        elif self.search.text().strip():
            self.create_requested.emit(self.search.text())

    def _open_index(self, index: QModelIndex) -> None:
        self.chosen.emit(self.model.record(index.row()))

    def select(self, patient_id: str) -> None:
        """Highlight the open patient (never a different one)."""
        for row in range(self.model.rowCount()):
            if self.model.record(row).id == patient_id:
                self.view.setCurrentIndex(self.model.index(row, 0))
                return
        self.view.clearSelection()
        self.view.setCurrentIndex(QModelIndex())

    def focus_search(self) -> None:
        self.search.setFocus()
        self.search.selectAll()


class PatientDialog(QDialog):
    """Create or edit a patient; the NISS is checked as it is typed."""

    def __init__(
        self,
        services: Services,
        record: PatientRecord | None = None,
        prefill: str = "",
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.services = services
        self.record_in = record
        self.result_record: PatientRecord | None = None
        self.niss = QLineEdit(self)
        self.niss.setMaxLength(20)
        self.niss_info = QLabel(self)
        self.niss_info.setObjectName("hint")
        self.niss_msg = FieldMessage(self)
        self.given = QLineEdit(self)
        self.family = QLineEdit(self)
        self.name_msg = FieldMessage(self)
        self.language = ChoiceBox(self)
        for lang in Language:
            self.language.addItem("", lang.value)
        self.street = QLineEdit(self)
        self.number = QLineEdit(self)
        self.postal = QLineEdit(self)
        self.city = QLineEdit(self)
        self.error = FieldMessage(self)
        # shown only when the NISS belongs to a patient already in the practice
        self.open_existing = QPushButton(self)
        self.open_existing.setVisible(False)
        self.open_existing.clicked.connect(self._open_existing)
        self._existing_id: str | None = None
        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Save | QDialogButtonBox.StandardButton.Cancel, self
        )
        self.buttons.accepted.connect(self._save)
        self.buttons.rejected.connect(self.reject)
        self.form = QFormLayout()
        self.labels = [QLabel(self) for _ in range(8)]
        niss_box = QVBoxLayout()
        niss_box.setSpacing(2)
        niss_box.addWidget(self.niss)
        niss_box.addWidget(self.niss_info)
        niss_box.addWidget(self.niss_msg)
        self.form.addRow(self.labels[0], niss_box)
        self.form.addRow(self.labels[1], self.given)
        name_box = QVBoxLayout()
        name_box.addWidget(self.family)
        name_box.addWidget(self.name_msg)
        self.form.addRow(self.labels[2], name_box)
        self.form.addRow(self.labels[3], self.language)
        self.form.addRow(self.labels[4], self.street)
        self.form.addRow(self.labels[5], self.number)
        self.form.addRow(self.labels[6], self.postal)
        self.form.addRow(self.labels[7], self.city)
        layout = QVBoxLayout(self)
        layout.addLayout(self.form)
        layout.addWidget(self.error)
        layout.addWidget(self.open_existing, 0, Qt.AlignmentFlag.AlignLeft)
        layout.addWidget(self.buttons)
        self.niss.textChanged.connect(self._check)
        self.niss.textChanged.connect(self._forget_existing)
        self.given.textChanged.connect(self._check)
        self.family.textChanged.connect(self._check)
        self._touched = False
        self._load(record, prefill)
        self.retranslate()
        self.setMinimumWidth(460)

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)

    def retranslate(self) -> None:
        self.setWindowTitle(
            self.tr("Edit patient") if self.record_in is not None else self.tr("New patient")
        )
        texts = [
            self.tr("&National number"),
            self.tr("&Given name"),
            self.tr("&Family name"),
            self.tr("&Language"),
            self.tr("Street"),
            self.tr("Number"),
            self.tr("Postal code"),
            self.tr("City"),
        ]
        buddies = [
            self.niss,
            self.given,
            self.family,
            self.language,
            self.street,
            self.number,
            self.postal,
            self.city,
        ]
        for label, text, buddy in zip(self.labels, texts, buddies, strict=True):
            label.setText(text)
            label.setBuddy(buddy)
            buddy.setAccessibleName(text.replace("&", ""))
        self.niss.setPlaceholderText(self.tr("e.g. 85.07.30-032.29"))
        for i in range(self.language.count()):
            self.language.setItemText(i, labels.language(self.language.itemData(i)))
        self.buttons.button(QDialogButtonBox.StandardButton.Save).setText(self.tr("Save"))
        self.buttons.button(QDialogButtonBox.StandardButton.Cancel).setText(self.tr("Cancel"))
        self.open_existing.setText(self.tr("Open that patient"))
        self._check()

    def _load(self, record: PatientRecord | None, prefill: str) -> None:
        if record is not None:
            p = record.patient
            self.niss.setText(format_niss(p.niss))
            self.given.setText(p.given_name)
            self.family.setText(p.family_name)
            self.language.setCurrentIndex(self.language.findData(p.language.value))
            a = p.address or Address()
            self.street.setText(a.street)
            self.number.setText(a.house_number)
            self.postal.setText(a.postal_code)
            self.city.setText(a.city)
            return
        text = prefill.strip()
        if text and any(c.isdigit() for c in text):
            self.niss.setText(text)
        elif text:
            parts = text.split()
            if len(parts) > 1:
                self.given.setText(parts[0])
                self.family.setText(" ".join(parts[1:]))
            else:
                self.family.setText(text)
        lang = i18n.current_language()
        self.language.setCurrentIndex(self.language.findData(lang if lang != "en" else "nl"))

    def patient(self) -> Patient:
        base = self.record_in.patient if self.record_in is not None else None
        address = Address(
            self.street.text().strip(),
            self.number.text().strip(),
            self.postal.text().strip(),
            self.city.text().strip(),
        )
        p = Patient(
            niss=self.niss.text().strip(),
            given_name=self.given.text().strip(),
            family_name=self.family.text().strip(),
            language=Language(self.language.currentData()),
            address=address if address.one_line() else None,
        )
        if base is not None and base.niss == p.niss:
            p = replace(p, birth_date=base.birth_date, sex=base.sex)
        return p

    def _check(self) -> None:
        text = self.niss.text()
        code = niss_error(text)
        typed = sum(c.isdigit() for c in text)
        if code is None:
            info = niss_info(text)
            birth = info.birth_date.strftime("%d/%m/%Y") if info.birth_date else "?"
            self.niss_info.setText(
                self.tr("Born %1 · %2").replace("%1", birth).replace("%2", labels.sex(info.sex))
            )
            self.niss_msg.show_messages([])
            mark(self.niss, "")
        else:
            self.niss_info.setText("")
            # while typing the first digits, say nothing; then say what is wrong
            show = typed >= 11 or (typed > 0 and code not in ("niss.format", "niss.missing"))
            from fitnote_desktop.domain.findings import Severity

            self.niss_msg.show_messages(
                [(Severity.ERROR, i18n.text(code))] if show and text.strip() else []
            )
            mark(self.niss, "error" if show else "")
        ok = code is None and bool(self.family.text().strip()) and bool(self.given.text().strip())
        self.buttons.button(QDialogButtonBox.StandardButton.Save).setEnabled(ok)
        self._grow_to_messages()

    def _grow_to_messages(self) -> None:
        """A message of two or three lines (the NISS's check digits in French) makes the
        dialog taller: a window does not grow by itself for wrapped text, which would be
        cut off."""
        layout = self.layout()
        assert layout is not None
        layout.activate()
        need = layout.totalHeightForWidth(self.width()) if layout.hasHeightForWidth() else 0
        if need > self.height():
            self.resize(self.width(), need)

    def _save(self) -> None:
        try:
            self.result_record = self.services.patients.save(
                self.patient(), self.record_in.id if self.record_in else None
            )
        except ServiceError as exc:
            from fitnote_desktop.domain.findings import Severity

            self.error.show_messages([(Severity.ERROR, i18n.text(exc.code, **exc.params))])
            existing = exc.params.get("patient_id") if exc.code == PATIENT_EXISTS else None
            self._existing_id = str(existing) if existing else None
            self.open_existing.setVisible(self._existing_id is not None)
            if self._existing_id is not None:
                self.open_existing.setFocus()
            return
        self.accept()

    def _forget_existing(self) -> None:
        """Another NISS typed: the offer to open the other patient no longer applies."""
        if self._existing_id is not None:
            self._existing_id = None
            self.open_existing.setVisible(False)
            self.error.show_messages([])

    def _open_existing(self) -> None:
        """The NISS is already a patient's: open that patient instead of a duplicate."""
        if self._existing_id is None:
            return
        try:
            self.result_record = self.services.patients.get(self._existing_id)
        except ServiceError as exc:
            from fitnote_desktop.domain.findings import Severity

            self.error.show_messages([(Severity.ERROR, i18n.text(exc.code, **exc.params))])
            return
        self.accept()
