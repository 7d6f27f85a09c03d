"""The patient page: who, the current episode's timeline, and every document with its status.

The timeline is computed by the domain (``timeline.episode_timeline``) from the
patient's documents; this page only lays it out: the certificates of the episode as a
chain of periods, then the next key dates (occupational physician at month 1, advising
physician in months 4/7/11, ...) so the GP sees what is coming at a glance.
"""

from __future__ import annotations

import html
from datetime import date
from typing import Any

from PySide6.QtCore import (
    QAbstractTableModel,
    QEvent,
    QModelIndex,
    QPersistentModelIndex,
    Qt,
    Signal,
)
from PySide6.QtGui import QBrush, QColor, QFont, QGuiApplication, QPalette
from PySide6.QtWidgets import (
    QAbstractItemView,
    QFrame,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QPushButton,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from fitnote_desktop.domain import timeline
from fitnote_desktop.domain.identifiers import format_niss
from fitnote_desktop.domain.lifecycle import DocumentStatus
from fitnote_desktop.domain.model import DocumentKind, IncapacityCertificate
from fitnote_desktop.services import Services
from fitnote_desktop.services.ports import DocumentRecord, PatientRecord
from fitnote_desktop.services.questions import Question
from fitnote_desktop.ui import i18n, labels
from fitnote_desktop.ui.question_dialog import QuestionDialog
from fitnote_desktop.ui.questions_view import QuestionList
from fitnote_desktop.ui.style import readable_on

STATUS_COLOURS = {
    DocumentStatus.DRAFT: "#6b7280",
    DocumentStatus.QUEUED: "#b45309",
    DocumentStatus.SENDING: "#b45309",
    DocumentStatus.ACCEPTED: "#047857",
    DocumentStatus.REJECTED: "#b91c1c",
    DocumentStatus.RETRACTED: "#6b7280",
    DocumentStatus.SIGNED: "#1d4ed8",
    DocumentStatus.SENT: "#b45309",
    DocumentStatus.REPLACED: "#6b7280",
}


def struck_out() -> QFont:
    """The font of a retracted document in every list: still readable, visibly void."""
    font = QFont()
    font.setStrikeOut(True)
    return font


class DocumentTableModel(QAbstractTableModel):
    """The patient's documents, newest period first, status as a coloured badge."""

    def __init__(self, parent: Any = None) -> None:
        super().__init__(parent)
        self._rows: list[DocumentRecord] = []

    def set_records(self, rows: list[DocumentRecord]) -> None:
        self.beginResetModel()
        self._rows = sorted(
            rows,
            key=lambda r: r.document.period.begin if r.document.period else date.min,
            reverse=True,
        )
        self.endResetModel()

    def record(self, row: int) -> DocumentRecord:
        return self._rows[row]

    def records(self) -> list[DocumentRecord]:
        return list(self._rows)

    def rowCount(self, parent: QModelIndex | QPersistentModelIndex = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._rows)

    def columnCount(self, parent: QModelIndex | QPersistentModelIndex = QModelIndex()) -> int:  # noqa: B008
        return 4

    def headerData(self, section: int, orientation: Qt.Orientation, role: int = 0) -> Any:
        if orientation != Qt.Orientation.Horizontal or role != Qt.ItemDataRole.DisplayRole:
            return None
        return [self.tr("Document"), self.tr("Period"), self.tr("Author"), self.tr("Status")][
            section
        ]

    def data(self, index: QModelIndex | QPersistentModelIndex, role: int = 0) -> Any:
        if not index.isValid():
            return None
        rec = self._rows[index.row()]
        col = index.column()
        if role == Qt.ItemDataRole.DisplayRole:
            if col == 0:
                return labels.kind_text(rec)
            if col == 1:
                return labels.period_text(rec)
            if col == 2:
                return rec.document.author.full_name
            text = labels.status(rec.status)
            if rec.status is DocumentStatus.REJECTED and rec.last_error:
                text += f": {i18n.rejection_text(rec.last_error)}"
            return text
        if role == Qt.ItemDataRole.ForegroundRole and col == 3:
            base = QGuiApplication.palette().color(QPalette.ColorRole.Base)
            return QBrush(readable_on(QColor(STATUS_COLOURS[rec.status]), base))
        if role == Qt.ItemDataRole.FontRole and rec.status is DocumentStatus.RETRACTED:
            return struck_out()
        if role == Qt.ItemDataRole.ToolTipRole and col == 3 and rec.last_error:
            return i18n.text(rec.last_error)
        return None


class TimelineView(QFrame):
    """The episode as a line of certificates and the coming key dates."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("timeline")
        self.title = QLabel(self)
        self.title.setObjectName("sectionTitle")
        self.chain = QLabel(self)
        self.chain.setWordWrap(True)
        self.chain.setTextFormat(Qt.TextFormat.RichText)
        self.upcoming = QLabel(self)
        self.upcoming.setWordWrap(True)
        self.upcoming.setTextFormat(Qt.TextFormat.RichText)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(16, 12, 16, 12)
        layout.addWidget(self.title)
        layout.addWidget(self.chain)
        layout.addWidget(self.upcoming)
        self._episode: timeline.Episode | None = None
        self._today = date.today()

    def show_episode(self, episode: timeline.Episode | None, today: date) -> None:
        self._episode, self._today = episode, today
        self.retranslate()

    def retranslate(self) -> None:
        ep, today = self._episode, self._today
        if ep is None:
            self.title.setText(self.tr("No incapacity episode yet"))
            self.chain.setText("")
            self.upcoming.setText("")
            return
        days = ((ep.end or today) - ep.start).days + 1
        state = self.tr("ongoing") if ep.ongoing(today) else self.tr("ended")
        self.title.setText(
            self.tr("Episode since %1 · day %2 · %3")
            .replace("%1", labels.day_text(ep.start))
            .replace("%2", str(min(days, (today - ep.start).days + 1)))
            .replace("%3", state)
        )
        parts = []
        for doc in ep.documents:
            p = doc.period
            if p is None:
                continue
            kind = labels.document_kind(doc.kind)
            if isinstance(doc.body, IncapacityCertificate):
                kind = labels.certificate_kind(doc.body.certificate_kind)
            parts.append(f"<b>{labels.day_text(p.begin)} – {labels.day_text(p.end)}</b> {kind}")
        self.chain.setText(" &nbsp;→&nbsp; ".join(parts))
        coming = ep.upcoming(today, limit=4)
        if coming:
            items = "".join(
                f"<li>{html.escape(i18n.text(m.code, **dict(m.params)))}: "
                f"<b>{labels.day_text(m.due)}</b></li>"
                for m in coming
            )
            heading = self.tr("Coming up:")
            self.upcoming.setText(f"{heading}<ul style='margin:2px'>{items}</ul>")
        else:
            self.upcoming.setText("")


class PatientPage(QWidget):
    """Header, actions, timeline and documents of one patient."""

    new_requested = Signal(object)  # DocumentKind
    open_requested = Signal(object)  # DocumentRecord
    prolong_requested = Signal()
    external_requested = Signal()
    edit_requested = Signal()
    conversations_requested = Signal()
    services: Services  # set by attach()

    def __init__(self, services: Services | None, parent: QWidget | None = None) -> None:
        """Without ``services``, :meth:`attach` them before a patient is shown."""
        super().__init__(parent)
        if services is not None:
            self.attach(services)
        self.record: PatientRecord | None = None
        self.name = QLabel(self)
        self.name.setObjectName("pageTitle")
        self.details = QLabel(self)
        self.details.setObjectName("editorSubtitle")
        self.edit_button = QPushButton(self)
        self.edit_button.clicked.connect(self.edit_requested)
        self.talk_button = QPushButton(self)
        self.talk_button.clicked.connect(self.conversations_requested)
        self.new_cert = QPushButton(self)
        self.new_cert.setObjectName("primary")
        self.new_cert.clicked.connect(lambda: self.new_requested.emit(DocumentKind.INCAPACITY))
        self.prolong = QPushButton(self)
        self.prolong.clicked.connect(self.prolong_requested)
        self.external = QPushButton(self)
        self.external.clicked.connect(self.external_requested)
        self.new_fit = QPushButton(self)
        self.new_fit.clicked.connect(lambda: self.new_requested.emit(DocumentKind.FIT_NOTE))
        self.new_pr = QPushButton(self)
        self.new_pr.clicked.connect(
            lambda: self.new_requested.emit(DocumentKind.PARTIAL_RESUMPTION)
        )
        self.new_inv = QPushButton(self)
        self.new_inv.clicked.connect(
            lambda: self.new_requested.emit(DocumentKind.INVALIDITY_RECOGNITION)
        )
        self.consent = QLabel(self)
        self.consent.setObjectName("consentReference")
        self.consent.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.copy_consent = QPushButton(self)
        self.copy_consent.setObjectName("secondary")
        self.copy_consent.clicked.connect(self.copy_consent_reference)
        self.consent_reference = ""
        self._consent_given_on: date | None = None
        self.timeline = TimelineView(self)
        self.questions_title = QLabel(self)
        self.questions_title.setObjectName("sectionTitle")
        self.question_list = QuestionList(self)
        self.question_list.setMaximumHeight(130)
        self.question_list.question_activated.connect(self.answer_question)
        self.docs_title = QLabel(self)
        self.docs_title.setObjectName("sectionTitle")
        self.model = DocumentTableModel(self)
        self.table = QTableView(self)
        self.table.setModel(self.model)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.verticalHeader().hide()
        self.table.setShowGrid(False)
        self.table.setAlternatingRowColors(True)
        hh = self.table.horizontalHeader()
        hh.setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        for c in (1, 2, 3):
            hh.setSectionResizeMode(c, QHeaderView.ResizeMode.ResizeToContents)
        self.table.activated.connect(lambda i: self.open_requested.emit(self.model.record(i.row())))
        self.table.doubleClicked.connect(
            lambda i: self.open_requested.emit(self.model.record(i.row()))
        )
        head = QHBoxLayout()
        title = QVBoxLayout()
        title.addWidget(self.name)
        title.addWidget(self.details)
        head.addLayout(title, 1)
        head.addWidget(self.talk_button, 0, Qt.AlignmentFlag.AlignTop)
        head.addWidget(self.edit_button, 0, Qt.AlignmentFlag.AlignTop)
        QWidget.setTabOrder(self.talk_button, self.edit_button)  # as they stand
        actions = QHBoxLayout()
        for b in (self.new_cert, self.prolong, self.external):
            actions.addWidget(b)
        actions.addStretch(1)
        more = QHBoxLayout()
        for b in (self.new_fit, self.new_pr, self.new_inv):
            b.setObjectName("secondary")
            more.addWidget(b)
        more.addStretch(1)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(20, 16, 20, 16)
        layout.setSpacing(10)
        layout.addLayout(head)
        layout.addLayout(actions)
        layout.addLayout(more)
        consent = QHBoxLayout()
        consent.addWidget(self.consent)
        consent.addWidget(self.copy_consent)
        consent.addStretch(1)
        layout.addLayout(consent)
        layout.addWidget(self.timeline)
        layout.addWidget(self.questions_title)
        layout.addWidget(self.question_list)
        layout.addWidget(self.docs_title)
        layout.addWidget(self.table, 1)
        self.retranslate()

    def attach(self, services: Services) -> None:
        """The unlocked profile's services, read when a patient is shown."""
        self.services = services

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)

    def retranslate(self) -> None:
        self.edit_button.setText(self.tr("Edit patient…"))
        self.talk_button.setText(self.tr("Conversations…"))
        self.talk_button.setToolTip(
            self.tr("With the advising and occupational physicians (Ctrl+Shift+M)")
        )
        self.new_cert.setText(self.tr("New certificate"))
        self.new_cert.setToolTip(self.tr("Ctrl+N"))
        self.prolong.setText(self.tr("Prolong last certificate"))
        self.prolong.setToolTip(self.tr("Ctrl+Shift+P"))
        self.external.setText(self.tr("Prolong a certificate from elsewhere…"))
        self.new_fit.setText(self.tr("Stand-alone fit-note"))
        self.new_pr.setText(self.tr("Partial resumption"))
        self.new_inv.setText(self.tr("Invalidity recognition"))
        self.docs_title.setText(self.tr("Documents"))
        self.questions_title.setText(
            self.tr("Questions from the advising and occupational physicians")
        )
        self.question_list.setAccessibleName(self.tr("Questions about this patient's documents"))
        self.copy_consent.setText(self.tr("Copy consent reference"))
        self.copy_consent.setToolTip(
            self.tr("A colleague needs it to fetch the episode (no medical data)")
        )
        self.table.setAccessibleName(self.tr("Documents of the patient"))
        self.model.headerDataChanged.emit(Qt.Orientation.Horizontal, 0, 3)
        self.timeline.retranslate()
        self._show_header()
        self.show_questions()

    def show_patient(self, record: PatientRecord) -> None:
        self.record = record
        self.refresh()

    def refresh(self) -> None:
        if self.record is None:
            return
        self.record = self.services.patients.get(self.record.id)
        self.model.set_records(self.services.drafts.for_patient(self.record.id))
        self.timeline.show_episode(
            self.services.drafts.timeline(self.record.id), self.services.today()
        )
        self.prolong.setEnabled(self.services.drafts.last_certificate(self.record.id) is not None)
        offer = self.services.drafts.consent_offer(self.record.id)
        self.consent_reference = offer.consent.reference if offer is not None else ""
        self._consent_given_on = offer.given_on if offer is not None else None
        self._show_header()
        self.show_questions()

    def show_questions(self) -> None:
        """The questions about this patient's documents, from the local copy (offline)."""
        if self.record is None:
            return
        questions = self.services.questions
        try:
            found = questions.for_documents(r.id for r in self.model.records())
            pending = [q.id for q in found if questions.pending_completion(q.id)]
        except Exception:  # the copy is informative: never break the page for it
            found, pending = [], []
        self.question_list.set_questions(found, questions.today(), pending)
        self.questions_title.setVisible(bool(found))
        self.question_list.setVisible(bool(found))

    def answer_question(self, question: Question) -> None:
        """The answer dialog; "complete with a new certificate" opens the replacement."""
        dialog = QuestionDialog(self.services, question, self)
        dialog.exec()
        if dialog.replacement is not None:
            self.refresh()
            self.open_requested.emit(dialog.replacement)
        else:
            self.show_questions()

    def copy_consent_reference(self) -> None:
        """Only the reference reaches the clipboard: it identifies a consent, not an illness."""
        if self.consent_reference:
            QGuiApplication.clipboard().setText(self.consent_reference)

    def _show_header(self) -> None:
        if self.record is None:
            return
        p = self.record.patient
        self.name.setText(p.full_name)
        bits = [format_niss(p.niss)]
        if p.birth_date:
            bits.append(self.tr("born %1").replace("%1", labels.day_text(p.birth_date)))
        bits.append(labels.language(p.language))
        self.details.setText("  ·  ".join(bits))
        given_on = self._consent_given_on
        shown = bool(self.consent_reference) and given_on is not None
        if shown:
            self.consent.setText(
                self.tr("Consent reference %1 (given on %2)")
                .replace("%1", self.consent_reference)
                .replace("%2", labels.day_text(given_on))
            )
        self.consent.setVisible(shown)
        self.copy_consent.setVisible(shown)

    def select(self, document_id: str) -> None:
        """Keep ``document_id`` selected across a refresh (the list follows the store)."""
        for row, rec in enumerate(self.model.records()):
            if rec.id == document_id:
                self.table.setCurrentIndex(self.model.index(row, 0))
                return

    def selected(self) -> DocumentRecord | None:
        idx = self.table.currentIndex()
        return self.model.record(idx.row()) if idx.isValid() else None
