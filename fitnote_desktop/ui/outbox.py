"""The outbox: what is waiting to be sent (patient, kind, period), what failed and why, in
words; retry now. A document held after a login refusal waits for the physician's retry,
and says so. Retracted documents are struck through, as in every list."""

from __future__ import annotations

from PySide6.QtCore import QEvent, Qt, QTimer
from PySide6.QtWidgets import (
    QAbstractItemView,
    QDialog,
    QDialogButtonBox,
    QHeaderView,
    QLabel,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from fitnote_desktop.domain.lifecycle import DocumentStatus
from fitnote_desktop.services import ServiceError, Services
from fitnote_desktop.services.ports import OutboxEntry
from fitnote_desktop.ui import i18n, labels
from fitnote_desktop.ui.labels import kind_text, period_text
from fitnote_desktop.ui.patient_page import struck_out

REFRESH_MS = 1500


class OutboxDialog(QDialog):
    def __init__(self, services: Services, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("outboxDialog")
        self.services = services
        self.state = QLabel(self)
        self.table = QTableWidget(0, 7, self)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.verticalHeader().hide()
        self.table.horizontalHeader().setSectionResizeMode(6, QHeaderView.ResizeMode.Stretch)
        self.empty = QLabel(self)
        self.empty.setObjectName("hint")
        self.retry = QPushButton(self)
        self.retry.clicked.connect(self._retry)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close, self)
        buttons.rejected.connect(self.reject)
        self.close_button = buttons.button(QDialogButtonBox.StandardButton.Close)
        buttons.addButton(self.retry, QDialogButtonBox.ButtonRole.ActionRole)
        layout = QVBoxLayout(self)
        layout.addWidget(self.state)
        layout.addWidget(self.table, 1)
        layout.addWidget(self.empty)
        layout.addWidget(buttons)
        self.timer = QTimer(self)
        self.timer.setInterval(REFRESH_MS)
        self.timer.timeout.connect(self.refresh)
        self.timer.start()
        self.retranslate()
        self.resize(820, 420)

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)

    def retranslate(self) -> None:
        self.setWindowTitle(self.tr("Outbox"))
        self.table.setHorizontalHeaderLabels(
            [
                self.tr("Patient"),
                self.tr("Document"),
                self.tr("Period"),
                self.tr("Status"),
                self.tr("Attempts"),
                self.tr("Next attempt"),
                self.tr("Last problem"),
            ]
        )
        self.table.setAccessibleName(self.tr("Documents in the outbox"))
        self.retry.setText(self.tr("Retry now"))
        self.close_button.setText(self.tr("Close"))
        self.empty.setText(self.tr("Nothing waiting: every signed document has been delivered."))
        self.refresh()

    def refresh(self) -> None:
        try:
            entries = list(self.services.outbox.entries())
            state = self.services.outbox.connection()
        except Exception:  # the dialog is informative; a hiccup must not close it
            return
        self.state.setText(
            (self.tr("Online") if state.online else self.tr("Offline"))
            + ("" if not state.detail else f" — {i18n.text(state.detail)}")
        )
        self.table.setRowCount(len(entries))
        for row, e in enumerate(entries):
            when = ""
            if e.next_attempt_at is not None:
                when = e.next_attempt_at.astimezone().strftime("%d/%m %H:%M")
            status = labels.status(e.status)
            if e.needs_action:  # refused in a way only the physician can resolve
                status, when = self.tr("Waiting for your action"), self.tr("When you retry")
            kind, period, retracted = self._what(e)
            cells = [
                e.patient_name,
                kind,
                period,
                status,
                str(e.attempts),
                when,
                i18n.text(e.last_error) if e.last_error else "",
            ]
            for col, text in enumerate(cells):
                item = QTableWidgetItem(text)
                item.setData(Qt.ItemDataRole.UserRole, e.document_id)
                if retracted:
                    item.setFont(struck_out())
                self.table.setItem(row, col, item)
        self.table.resizeColumnsToContents()
        waiting = {DocumentStatus.QUEUED, DocumentStatus.SENDING, DocumentStatus.REJECTED}
        self.empty.setVisible(not any(e.status in waiting for e in entries))

    def _what(self, entry: OutboxEntry) -> tuple[str, str, bool]:
        """Kind and period of the entry's document, so that two items of one patient are
        told apart, and whether it is retracted now (its sending and its retraction are
        two items: both are struck through). The outbox holds a handful of items: one
        look-up each is cheap."""
        try:
            record = self.services.drafts.get(entry.document_id)
        except ServiceError:  # gone from this store: the patient's name is all there is
            return "", "", entry.status is DocumentStatus.RETRACTED
        retracted = record.status is DocumentStatus.RETRACTED
        return kind_text(record), period_text(record), retracted

    def _retry(self) -> None:
        row = self.table.currentRow()
        item = self.table.item(row, 0) if row >= 0 else None
        doc_id = item.data(Qt.ItemDataRole.UserRole) if item is not None else None
        try:
            self.services.outbox.retry(doc_id)
        except ServiceError as exc:
            self.state.setText(i18n.text(exc.code, **exc.params))
        self.refresh()
