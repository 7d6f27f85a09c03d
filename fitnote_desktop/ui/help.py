"""The shortcuts dialog (F1): every action of the window with its key, in the UI language."""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtGui import QKeySequence
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QHeaderView,
    QLabel,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

if TYPE_CHECKING:
    from fitnote_desktop.ui.actions import WindowActions


class HelpDialog(QDialog):
    def __init__(self, acts: WindowActions, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("helpDialog")
        self.setWindowTitle(self.tr("Keyboard shortcuts"))
        rows: list[tuple[str, str]] = []
        for act, text in acts.texts().items():
            keys = ", ".join(
                s.toString(QKeySequence.SequenceFormat.NativeText) for s in act.shortcuts()
            )
            if keys:
                rows.append((text.replace("&", "").rstrip("…"), keys))
        rows += [
            (self.tr("Undo / redo in the document"), "Ctrl+Z / Ctrl+Shift+Z"),
            (self.tr("End date: 3 days, 1 week, 2 weeks, 1 month"), "Alt+1 … Alt+4"),
            (self.tr("End date as a duration"), self.tr("type +10 or 2w in the field")),
            (self.tr("After a date: on to the next field still needed"), "Enter"),
            (self.tr("Patient may leave the house: yes / no"), self.tr("Y / N")),
            (self.tr("Add ICF capacity in the editor"), "Ctrl+I"),
            (self.tr("ICF picker: extent of the limitation"), "Alt+0 … Alt+4"),
        ]
        table = QTableWidget(len(rows), 2, self)
        table.setHorizontalHeaderLabels([self.tr("Action"), self.tr("Keys")])
        table.verticalHeader().hide()
        table.setEditTriggers(QTableWidget.EditTrigger.NoEditTriggers)
        table.horizontalHeader().setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        table.horizontalHeader().setSectionResizeMode(1, QHeaderView.ResizeMode.ResizeToContents)
        for i, (text, keys) in enumerate(rows):
            table.setItem(i, 0, QTableWidgetItem(text))
            table.setItem(i, 1, QTableWidgetItem(keys))
        table.setAccessibleName(self.tr("Keyboard shortcuts"))
        intro = QLabel(self.tr("Everything can be done from the keyboard:"), self)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close, self)
        buttons.button(QDialogButtonBox.StandardButton.Close).setText(self.tr("Close"))
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(intro)
        layout.addWidget(table, 1)
        layout.addWidget(buttons)
        self.table = table
        self.resize(560, 640)
