"""The main window: patients on the left; worklist, patient page or editor in the middle.

The first screen is the worklist of my patients on sick leave (:mod:`.worklist`, back
to it with Alt+Home); the document editor (the heaviest part of the
window, and its modules) is built on first use, when the first document opens
(:attr:`MainWindow.editor`), so that the window appears sooner.

Every action is a ``QAction`` with a shortcut (built in :mod:`fitnote_desktop.ui.actions`),
listed in the help dialog (F1), so the whole consultation can be done from the keyboard.
Slow work (sign, send, render) runs in :mod:`fitnote_desktop.ui.workers`; the window
stays responsive and shows progress.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING

from PySide6.QtCore import QByteArray, QEvent, QSettings, Qt, QTimer, Signal
from PySide6.QtGui import QCloseEvent, QUndoGroup
from PySide6.QtWidgets import (
    QLabel,
    QMainWindow,
    QMessageBox,
    QProgressDialog,
    QSplitter,
    QStackedWidget,
    QVBoxLayout,
    QWidget,
)

from fitnote_desktop.domain.findings import Severity
from fitnote_desktop.domain.lifecycle import DocumentStatus
from fitnote_desktop.domain.model import DocumentKind
from fitnote_desktop.services import ServiceError, Services
from fitnote_desktop.services.ports import DocumentRecord, PatientRecord
from fitnote_desktop.services.sending import OVERLAP
from fitnote_desktop.ui import i18n, labels, status_watch, web_desk, workers
from fitnote_desktop.ui.actions import WindowActions
from fitnote_desktop.ui.announce import announce
from fitnote_desktop.ui.dialogs import WindowDialogs
from fitnote_desktop.ui.patient_page import PatientPage
from fitnote_desktop.ui.patients import PatientDialog, PatientSearch
from fitnote_desktop.ui.pin_dialog import signing_subject
from fitnote_desktop.ui.questions_view import QuestionPoller
from fitnote_desktop.ui.reminders import Reminders
from fitnote_desktop.ui.worklist import WorklistPage

if TYPE_CHECKING:
    from fitnote_desktop.ui.editor import DocumentEditor

STATUS_POLL_MS = 2000


class MainWindow(WindowDialogs, QMainWindow):
    """The consultation window; ``lock_requested`` asks the app to lock the profile."""

    lock_requested = Signal()
    settings_changed = Signal()
    statuses_changed = Signal()  # a signed document's status changed in the store

    services: Services  # set by attach(): the window holds no data before

    def __init__(
        self,
        services: Services | None,
        languages: i18n.LanguageManager,
        *,
        signer_method: Callable[[], str] = lambda: "pkcs12",
        settings: QSettings | None = None,
    ) -> None:
        """Build the window; with ``services`` also :meth:`attach` them. Without, it is
        empty and reads nothing: the app builds it while the profile key is derived."""
        super().__init__()
        self.attached = False
        self.languages = languages
        self.settings = settings or QSettings()
        self.setObjectName("mainWindow")
        self.pin_broker = workers.PinBroker(self, signer_method)  # demo hint: in retranslate
        self.busy = False
        self._progress: QProgressDialog | None = None

        # ---- central area: every part is created under its final parent (a widget moved
        # to another parent has the style sheet resolved again, for its whole subtree)
        central = QWidget(self)
        self.banner = web_desk.demo_banner(central, False)  # shown by attach() in demo mode
        self.splitter = QSplitter(central)
        self.search = PatientSearch(None, self.splitter)
        self.search.chosen.connect(self.open_patient)
        self.search.create_requested.connect(self.new_patient)
        self.stack = QStackedWidget(self.splitter)
        self.worklist = WorklistPage(None, self.stack)  # the home screen
        self.worklist.patient_chosen.connect(self.open_patient_id)
        self.page = PatientPage(None, self.stack)
        self.page.new_requested.connect(self.new_document)
        self.page.open_requested.connect(self.open_document)
        self.page.prolong_requested.connect(self.prolong_last)
        self.page.external_requested.connect(self.prolong_external)
        self.page.edit_requested.connect(self.edit_patient)
        self.page.conversations_requested.connect(self.show_patient_conversations)
        self._editor: DocumentEditor | None = None  # built on first use: see ``editor``
        self.undo_group = QUndoGroup(self)  # Edit > Undo/Redo follow the editor, once built
        self.stack.addWidget(self.worklist)
        self.stack.addWidget(self.page)
        self.stack.currentChanged.connect(lambda _i: self._update_actions())
        self.splitter.addWidget(self.search)
        self.splitter.addWidget(self.stack)
        self.splitter.setStretchFactor(1, 1)
        self.splitter.setSizes([300, 1100])
        self.splitter.setChildrenCollapsible(False)
        box = QVBoxLayout(central)
        box.setContentsMargins(0, 0, 0, 0)
        box.setSpacing(0)
        box.addWidget(self.banner)
        box.addWidget(self.splitter, 1)
        self.setCentralWidget(central)

        # ---- status bar
        self.connection = QLabel(self)
        self.connection.setObjectName("connection")
        self.who = QLabel(self)
        self.statusBar().addPermanentWidget(self.who)
        self.statusBar().addPermanentWidget(self.connection)
        self._poll = QTimer(self)
        self._poll.setInterval(STATUS_POLL_MS)
        self._poll.timeout.connect(self.refresh_status)
        self._statuses: status_watch.Snapshot = []
        self.statuses_changed.connect(self._follow_statuses)
        self.questions_poll: QuestionPoller | None = None  # both need the services:
        self.reminders: Reminders | None = None  # built by attach()

        self.acts = WindowActions(self, self)
        self.retranslate()
        self._restore_geometry()
        self.search.focus_search()
        if services is not None:
            self.attach(services)

    def attach(self, services: Services) -> None:
        """Bind the window to an unlocked profile's services and read the first screen
        (the worklist, the recent patients, the connection status); start the polls.

        Only once per window: locking throws the window away with its data."""
        if self.attached:
            raise RuntimeError("the main window is already attached to a session")
        self.services = services
        self.attached = True
        # what the first poll compares with; read first: a move meanwhile is seen by it
        self._statuses = status_watch.snapshot(services, None) or []
        self.search.attach(services)
        self.page.attach(services)
        self.worklist.attach(services)
        self.banner.setVisible(services.demo)
        self.acts.web_desk.setVisible(bool(services.demo_desk_url))
        self._poll.start()
        # questions of the advising/occupational physicians: a copy refreshed in the
        # background, now and when a document moved (a replacement may answer one)
        self.questions_poll = QuestionPoller(services, self)
        self.questions_poll.refreshed.connect(self.page.show_questions)
        self.statuses_changed.connect(self.questions_poll.poll)
        self.questions_poll.poll()
        # tray notifications, counts only; the one at start counts the home screen's list
        self.reminders = Reminders(services, self, shown=lambda: self.worklist.worklist)
        self.retranslate()  # also reads the connection status

    # ================================================================ editor

    @property
    def editor(self) -> DocumentEditor:
        """The document editor, built (and its modules imported) on first access."""
        if self._editor is None:
            from fitnote_desktop.ui.editor import DocumentEditor

            editor = DocumentEditor(self.services, self)
            editor.sign_requested.connect(self.sign_and_send)
            editor.preview_requested.connect(self.preview)
            editor.add_capacity_requested.connect(self.pick_capacities)
            editor.follow_up_requested.connect(self._editor_follow_up)
            self.undo_group.addStack(editor.undo_stack)
            self.undo_group.setActiveStack(editor.undo_stack)
            self.stack.addWidget(editor)
            self._editor = editor
        return self._editor

    def in_editor(self) -> bool:
        """Whether the editor is on screen (never builds it)."""
        return self._editor is not None and self.stack.currentWidget() is self._editor

    def flush_editor(self) -> None:
        """Save the draft being edited, if the editor was ever built."""
        if self._editor is not None:
            self._editor.flush()

    # ================================================================ actions

    def retranslate(self) -> None:
        title = self.tr("Fit-note — certificates of incapacity")
        self.acts.retranslate()
        if not self.attached:  # the rest names the session's physician, demo and status
            self.setWindowTitle(title)
            return
        if self.services.demo:
            title += " — DEMO"
        self.setWindowTitle(title)
        self.banner.setText(web_desk.banner_text(self.services.demo_desk_url))
        pin = self.services.demo_pin  # the demo key password, in the PIN dialog's language
        self.pin_broker.hint = i18n.text("app.demo_pin", pin=pin) if pin else ""
        self.who.setText(self.services.profile.author.full_name)
        self._show_connection()
        self._update_actions()

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)

    def switch_language(self, lang: str) -> None:
        self.languages.switch(lang)
        self.acts.lang_actions[lang].setChecked(True)
        self.settings.setValue("ui/language", lang)

    # ================================================================ context

    def current_patient(self) -> PatientRecord | None:
        return self.page.record

    def current_document(self) -> DocumentRecord | None:
        if self.in_editor():
            return self.editor.record
        if self.stack.currentWidget() is self.page:
            return self.page.selected()
        return None

    def _update_actions(self) -> None:
        self.acts.update(
            has_patient=self.page.record is not None,
            doc=self.current_document(),
            in_editor=self.in_editor(),
            busy=self.busy,
        )

    # ================================================================ navigation

    def open_patient(self, record: PatientRecord) -> None:
        self.flush_editor()
        self.services.patients.open(record.id)
        self.search.select(record.id)
        self.page.show_patient(record)
        self.stack.setCurrentWidget(self.page)
        self.page.new_cert.setFocus()
        self._update_actions()

    def open_patient_id(self, patient_id: str) -> None:
        try:
            self.open_patient(self.services.patients.get(patient_id))
        except ServiceError as exc:
            self.show_error(exc)

    def show_worklist(self, *, filter_it: bool = False) -> None:
        """Home: my patients on sick leave, read again; ``filter_it`` focuses the filter."""
        self.flush_editor()
        self.worklist.refresh()
        self.stack.setCurrentWidget(self.worklist)
        if filter_it:
            self.worklist.focus_filter()
        else:
            self.worklist.table.setFocus()

    def back(self) -> None:
        if self.in_editor():
            self.editor.flush()
            self.page.refresh()
            self.stack.setCurrentWidget(self.page)
            self.page.table.setFocus()

    def new_patient(self, prefill: str = "") -> None:
        dlg = PatientDialog(self.services, prefill=prefill, parent=self)
        if dlg.exec() and dlg.result_record is not None:
            self.search.search.clear()
            self.search.refresh()
            self.open_patient(dlg.result_record)

    def edit_patient(self) -> None:
        if self.page.record is None:
            return
        dlg = PatientDialog(self.services, record=self.page.record, parent=self)
        if dlg.exec() and dlg.result_record is not None:
            self.search.refresh()
            self.open_patient(dlg.result_record)

    def open_document(self, record: DocumentRecord) -> None:
        self.editor.open(record)
        self.editor.set_read_only(not record.status.editable)
        self.stack.setCurrentWidget(self.editor)
        self._update_actions()

    def _run(self, fn: Callable[[], DocumentRecord]) -> None:
        try:
            rec = fn()
            rec = self._offer_consent(rec)
        except ServiceError as exc:
            self.show_error(exc)
            return
        self.page.refresh()
        self.open_document(rec)

    def _offer_consent(self, rec: DocumentRecord) -> DocumentRecord:
        """A new draft has no consent (rule 10): offer the patient's last one to confirm."""
        if not rec.status.editable or rec.document.consent.recorded_at is not None:
            return rec
        offer = self.services.drafts.consent_offer(rec.patient_id)
        if offer is None:
            return rec
        from fitnote_desktop.ui.consent_offer import ConsentOfferDialog

        if ConsentOfferDialog(offer, self).exec():
            return self.services.drafts.record_consent(rec.id, offer.consent)
        return rec

    def new_document(self, kind: DocumentKind) -> None:
        patient = self.page.record
        if patient is None:
            return
        self._run(lambda: self.services.drafts.new(kind, patient.id))

    def prolong_last(self) -> None:
        patient = self.page.record
        if patient is None:
            return
        doc = self.current_document()
        if doc is None or doc.document.kind is not DocumentKind.INCAPACITY or doc.status.editable:
            doc = self.services.drafts.last_certificate(patient.id)
        if doc is None:
            self.prolong_external()
            return
        self._run(lambda: self.services.follow_ups.prolong(doc.id))

    def follow_up(self, what: str) -> None:
        doc = self.current_document()
        if doc is None:
            return
        self.flush_editor()
        fn = {
            "relapse": self.services.follow_ups.relapse,
            "replace": self.services.follow_ups.replace,
            "duplicate": self.services.follow_ups.duplicate,
        }[what]
        self._run(lambda: fn(doc.id))

    def _editor_follow_up(self, what: str) -> None:
        if what == "prolong":
            self.prolong_last()
        elif what == "retract":
            self.retract()
        else:
            self.follow_up(what)

    def prolong_external(self) -> None:
        patient = self.page.record
        if patient is None:
            return
        from fitnote_desktop.ui.external import ExternalProlongationDialog

        dlg = ExternalProlongationDialog(self.services, patient, self)
        if dlg.exec() and dlg.result_record is not None:
            self.page.refresh()
            self.open_document(dlg.result_record)

    def pick_capacities(self) -> None:
        if not self.in_editor() or self.editor.current is None:
            return
        from fitnote_desktop.domain.guidance import guidance_for
        from fitnote_desktop.ui.icf_picker import IcfPicker

        guidance = guidance_for(self.editor.current)  # the group's categories come first
        suggested = guidance.icf if guidance is not None else ()
        dlg = IcfPicker(self.editor.current.language.value, self, suggested=suggested)
        if dlg.exec():
            self.editor.add_capacities(dlg.chosen)

    # ================================================================ sign & send

    def sign_and_send(self) -> None:
        if self.busy or not self.in_editor():
            return
        rec = self.editor.record
        if rec is None or not rec.status.editable:
            return
        self.editor.flush()
        if self.editor.is_dirty():  # could not save: keep the draft on screen
            return
        if not self.editor.reveal_all_findings():
            self._tell(i18n.text("document.has_errors"), 6000, assertive=True)
            current = self.editor.current
            findings = (
                self.services.drafts.validate(current, rec.patient_id)
                if current is not None
                else []
            )
            overlap = next(
                (f for f in findings if f.code == OVERLAP and f.severity is Severity.ERROR), None
            )
            if overlap is not None:
                self.offer_overlapping(overlap.params)
            return
        doc_id = rec.id
        self.pin_broker.subject = signing_subject(rec)
        self._set_busy(True, i18n.text("progress.signing"))
        workers.start(
            lambda progress: self.services.sending.sign_and_send(doc_id, self.pin_broker, progress),
            done=self._signed,
            failed=self._task_failed,
            progress=lambda code: self._progress_text(i18n.text(code)),
        )

    def _signed(self, rec: DocumentRecord) -> None:
        self._set_busy(False)
        self.page.refresh()
        self.search.refresh()
        self.open_document(rec)
        if rec.status is DocumentStatus.ACCEPTED:
            msg = self.tr("Signed and sent. The receipt is stored.")
        elif rec.status is DocumentStatus.QUEUED:
            msg = self.tr("Signed. It waits in the outbox and is sent as soon as possible.")
        else:
            msg = labels.status(rec.status)
        self._tell(msg, 10000)
        self.refresh_status()

    def _tell(self, text: str, timeout: int, *, assertive: bool = False) -> None:
        """A result in the status bar, and said by the screen reader (it does not move focus)."""
        self.statusBar().showMessage(text, timeout)
        announce(self, text, assertive=assertive)

    def _task_failed(self, exc: BaseException) -> None:
        self._set_busy(False)
        if isinstance(exc, ServiceError) and exc.code == OVERLAP:
            self.offer_overlapping(exc.params)
        else:
            self.show_error(exc)
        editor = self._editor
        if editor is not None and editor.record is not None:
            try:
                rec = self.services.drafts.get(editor.record.id)
            except ServiceError:
                return
            editor.record = rec

    def retract(self) -> None:
        doc = self.current_document()
        if doc is None or doc.status.editable or self.busy:
            return
        from fitnote_desktop.ui.retract_dialog import RetractDialog

        dlg = RetractDialog(signing_subject(doc), self)
        if not dlg.exec():
            return
        reason = dlg.reason
        self.pin_broker.subject = signing_subject(doc, retraction=True)
        self._set_busy(True, i18n.text("progress.signing"))
        workers.start(
            lambda _p: self.services.sending.retract(doc.id, self.pin_broker, reason),
            done=self._retracted,
            failed=self._task_failed,
        )

    def delete_draft(self) -> None:
        """Abandon a draft (signed documents are never deleted, only retracted)."""
        doc = self.current_document()
        if doc is None or not doc.status.editable or self.busy:
            return
        answer = QMessageBox.question(
            self, self.tr("Delete draft"), self.tr("Delete this draft? This cannot be undone.")
        )
        if answer != QMessageBox.StandardButton.Yes:
            return
        editor = self._editor
        if editor is not None and editor.record is not None and editor.record.id == doc.id:
            editor.discard()
        try:
            self.services.drafts.delete(doc.id)
        except ServiceError as exc:
            self.show_error(exc)
            return
        self.page.refresh()
        self.stack.setCurrentWidget(self.page)
        self._update_actions()

    def _retracted(self, rec: DocumentRecord) -> None:
        self._set_busy(False)
        self.page.refresh()
        if self.in_editor():
            self.open_document(rec)
        self._tell(labels.status(rec.status), 8000)

    def _set_busy(self, busy: bool, text: str = "") -> None:
        self.busy = busy
        if not busy:
            self.pin_broker.subject = ""
        self._update_actions()
        if busy:
            dlg = QProgressDialog(text, "", 0, 0, self)
            dlg.setObjectName("progress")
            dlg.setCancelButton(None)
            dlg.setWindowModality(Qt.WindowModality.NonModal)
            dlg.setMinimumDuration(300)
            dlg.setWindowTitle(self.tr("Please wait"))
            self._progress = dlg
        elif self._progress is not None:
            self._progress.reset()
            self._progress.deleteLater()
            self._progress = None

    def _progress_text(self, text: str) -> None:
        if self._progress is not None:
            self._progress.setLabelText(text)

    def refresh_status(self) -> None:
        self._watch_statuses()
        self._show_connection()

    def _show_connection(self) -> None:
        """Online or not, and how many documents wait (the status bar's right end)."""
        try:
            state = self.services.outbox.connection()
        except Exception:  # status is informative only; never break the window for it
            return
        text = self.tr("● Online") if state.online else self.tr("● Offline")
        if state.queued:
            text += "  ·  " + self.tr("%n document(s) waiting to send", "", state.queued)
        self.connection.setText(text)
        self.connection.setProperty("online", "true" if state.online else "false")
        self.connection.setToolTip(
            i18n.text(state.detail) if state.detail else self.tr("Outbox: Ctrl+O")
        )
        self.connection.style().unpolish(self.connection)
        self.connection.style().polish(self.connection)

    def _watch_statuses(self) -> None:
        """``statuses_changed`` when a document moved in the store (see status_watch)."""
        patient = self.page.record
        seen = status_watch.snapshot(self.services, patient.id if patient else None)
        if seen is not None and seen != self._statuses:
            self._statuses = seen
            self.statuses_changed.emit()

    def _follow_statuses(self) -> None:
        """The worklist, the patient's list and the open document show what the store says."""
        self.worklist.refresh()
        if self.page.record is not None:
            selected = self.page.selected()
            self.page.refresh()
            if selected is not None:
                self.page.select(selected.id)
        self._follow_open_document()
        self._update_actions()

    def _follow_open_document(self) -> None:
        """A signed document in the editor follows its outbox (queued → accepted,
        refused, retracted), so that its status, side panel and actions are never stale,
        whether the editor is on screen or behind the patient page."""
        rec = self._editor.record if self._editor is not None else None
        if rec is None or rec.status.editable:
            return
        try:
            fresh = self.services.drafts.get(rec.id)
        except Exception:  # locked or closing: the status is informative only
            return
        if (fresh.status, fresh.last_error) != (rec.status, rec.last_error):
            self.editor.open(fresh)
            self.editor.set_read_only(not fresh.status.editable)
            if fresh.status is not rec.status:  # receipt received, refused...
                announce(self, labels.status(fresh.status), assertive=True)

    # ================================================================ window state

    def _restore_geometry(self) -> None:
        geometry = self.settings.value("window/geometry")
        if isinstance(geometry, QByteArray) and not geometry.isEmpty():
            self.restoreGeometry(geometry)
        else:
            self.resize(1360, 860)
        splitter = self.settings.value("window/splitter")
        if isinstance(splitter, QByteArray) and not splitter.isEmpty():
            self.splitter.restoreState(splitter)

    def save_state(self) -> None:
        self.settings.setValue("window/geometry", self.saveGeometry())
        self.settings.setValue("window/splitter", self.splitter.saveState())

    def closeEvent(self, event: QCloseEvent) -> None:
        self.flush_editor()
        self.save_state()
        self._poll.stop()
        if self.questions_poll is not None:
            self.questions_poll.timer.stop()
        super().closeEvent(event)
