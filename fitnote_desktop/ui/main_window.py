"""The main window: patients on the left; patient page or editor in the middle.

Every action is a ``QAction`` with a shortcut, listed in the help dialog (F1), so the
whole consultation can be done from the keyboard. Slow work (sign, send, render) runs
in :mod:`fitnote_desktop.ui.workers`; the window stays responsive and shows progress.
"""

from __future__ import annotations

import logging
from collections.abc import Callable
from typing import Any

from PySide6.QtCore import QByteArray, QEvent, QSettings, Qt, QTimer, Signal
from PySide6.QtGui import QAction, QActionGroup, QCloseEvent, QKeySequence
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
from fitnote_desktop.domain.lifecycle import Action, DocumentStatus, allowed_actions
from fitnote_desktop.domain.model import DocumentKind
from fitnote_desktop.services import ServiceError, Services
from fitnote_desktop.services.errors import code_of
from fitnote_desktop.services.ports import DocumentRecord, PatientRecord
from fitnote_desktop.ui import i18n, labels, workers
from fitnote_desktop.ui.editor import DocumentEditor
from fitnote_desktop.ui.patient_page import PatientPage
from fitnote_desktop.ui.patients import PatientDialog, PatientSearch

log = logging.getLogger(__name__)

OVERLAP = "certificate.overlaps"

STATUS_POLL_MS = 2000


class MainWindow(QMainWindow):
    """The consultation window; ``lock_requested`` asks the app to lock the profile."""

    lock_requested = Signal()
    settings_changed = Signal()

    def __init__(
        self,
        services: Services,
        languages: i18n.LanguageManager,
        *,
        signer_method: Callable[[], str] = lambda: "pkcs12",
        settings: QSettings | None = None,
    ) -> None:
        super().__init__()
        self.services = services
        self.languages = languages
        self.settings = settings or QSettings()
        self.setObjectName("mainWindow")
        demo_hint = i18n.text("app.demo_pin", pin=services.demo_pin) if services.demo_pin else ""
        self.pin_broker = workers.PinBroker(self, signer_method, demo_hint)
        self.busy = False
        self._progress: QProgressDialog | None = None

        # ---- central area
        self.search = PatientSearch(services, self)
        self.search.chosen.connect(self.open_patient)
        self.search.create_requested.connect(self.new_patient)
        self.page = PatientPage(services, self)
        self.page.new_requested.connect(self.new_document)
        self.page.open_requested.connect(self.open_document)
        self.page.prolong_requested.connect(self.prolong_last)
        self.page.external_requested.connect(self.prolong_external)
        self.page.edit_requested.connect(self.edit_patient)
        self.page.conversations_requested.connect(self.show_patient_conversations)
        self.editor = DocumentEditor(services, self)
        self.editor.sign_requested.connect(self.sign_and_send)
        self.editor.preview_requested.connect(self.preview)
        self.editor.add_capacity_requested.connect(self.pick_capacities)
        self.editor.follow_up_requested.connect(self._editor_follow_up)
        self.editor.saved.connect(lambda _r: None)
        self.welcome = QLabel(self)
        self.welcome.setObjectName("welcome")
        self.welcome.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.welcome.setWordWrap(True)
        self.stack = QStackedWidget(self)
        self.stack.addWidget(self.welcome)
        self.stack.addWidget(self.page)
        self.stack.addWidget(self.editor)
        self.stack.currentChanged.connect(lambda _i: self._update_actions())
        self.splitter = QSplitter(self)
        self.splitter.addWidget(self.search)
        self.splitter.addWidget(self.stack)
        self.splitter.setStretchFactor(1, 1)
        self.splitter.setSizes([300, 1100])
        self.splitter.setChildrenCollapsible(False)
        self.banner = QLabel(self)
        self.banner.setObjectName("demoBanner")
        self.banner.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.banner.setVisible(services.demo)
        central = QWidget(self)
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
        self._poll.start()

        self._create_actions()
        self.retranslate()
        self.refresh_status()
        self._restore_geometry()
        self.search.focus_search()

    # ================================================================ actions

    def _action(self, shortcut: str | QKeySequence.StandardKey | None, slot: Any) -> QAction:
        act = QAction(self)
        if shortcut is not None:
            act.setShortcut(QKeySequence(shortcut))
        act.triggered.connect(lambda _=False: slot())
        self.addAction(act)
        return act

    def _create_actions(self) -> None:
        a = self._action
        self.act_find = a("Ctrl+F", self.search.focus_search)
        self.act_new_patient = a("Ctrl+Shift+N", lambda: self.new_patient(""))
        self.act_edit_patient = a("Ctrl+E", self.edit_patient)
        self.act_new_cert = a("Ctrl+N", lambda: self.new_document(DocumentKind.INCAPACITY))
        self.act_new_fit = a(None, lambda: self.new_document(DocumentKind.FIT_NOTE))
        self.act_new_pr = a(None, lambda: self.new_document(DocumentKind.PARTIAL_RESUMPTION))
        self.act_new_inv = a(None, lambda: self.new_document(DocumentKind.INVALIDITY_RECOGNITION))
        self.act_prolong = a("Ctrl+Shift+P", self.prolong_last)
        self.act_external = a("Ctrl+Shift+E", self.prolong_external)
        self.act_relapse = a("Ctrl+Shift+R", lambda: self._follow_up("relapse"))
        self.act_replace = a(None, lambda: self._follow_up("replace"))
        self.act_duplicate = a("Ctrl+D", lambda: self._follow_up("duplicate"))
        self.act_retract = a(None, self.retract)
        self.act_delete = a("Ctrl+Del", self.delete_draft)
        self.act_sign = a("Ctrl+Return", self.sign_and_send)
        self.act_sign.setShortcuts([QKeySequence("Ctrl+Return"), QKeySequence("Ctrl+Enter")])
        self.act_preview = a("Ctrl+P", self.preview)
        self.act_kmehr = a(None, self.export_kmehr)
        self.act_capacity = a(None, self.pick_capacities)
        self.act_outbox = a("Ctrl+O", self.show_outbox)
        self.act_inbox = a("Ctrl+Shift+M", self.show_inbox)
        self.act_settings = a(None, self.show_settings)
        self.act_lock = a("Ctrl+L", self.lock_requested.emit)
        self.act_help = a("F1", self.show_help)
        self.act_quit = a("Ctrl+Q", self.close)
        self.act_back = a("Alt+Left", self.back)
        self.act_undo = self.editor.undo_stack.createUndoAction(self)
        self.act_undo.setShortcut(QKeySequence.StandardKey.Undo)
        self.act_redo = self.editor.undo_stack.createRedoAction(self)
        self.act_redo.setShortcut(QKeySequence.StandardKey.Redo)
        self.lang_group = QActionGroup(self)
        self.lang_actions: dict[str, QAction] = {}
        for lang in i18n.UI_LANGUAGES:
            act = QAction(i18n.LANGUAGE_NAMES[lang], self)
            act.setCheckable(True)
            act.setChecked(lang == self.languages.language)
            act.triggered.connect(lambda _=False, lg=lang: self.switch_language(lg))
            self.lang_group.addAction(act)
            self.lang_actions[lang] = act

        mb = self.menuBar()
        self.menu_file = mb.addMenu("")
        for act in (self.act_find, self.act_new_patient, self.act_edit_patient):
            self.menu_file.addAction(act)
        self.menu_file.addSeparator()
        self.menu_file.addAction(self.act_outbox)
        self.menu_file.addAction(self.act_inbox)
        self.menu_file.addAction(self.act_settings)
        self.menu_file.addAction(self.act_lock)
        self.menu_file.addSeparator()
        self.menu_file.addAction(self.act_quit)
        self.menu_edit = mb.addMenu("")
        self.menu_edit.addAction(self.act_undo)
        self.menu_edit.addAction(self.act_redo)
        self.menu_doc = mb.addMenu("")
        for act in (self.act_new_cert, self.act_new_fit, self.act_new_pr, self.act_new_inv):
            self.menu_doc.addAction(act)
        self.menu_doc.addSeparator()
        for act in (
            self.act_prolong,
            self.act_external,
            self.act_relapse,
            self.act_replace,
            self.act_duplicate,
            self.act_retract,
            self.act_delete,
        ):
            self.menu_doc.addAction(act)
        self.menu_doc.addSeparator()
        for act in (self.act_capacity, self.act_preview, self.act_kmehr, self.act_sign):
            self.menu_doc.addAction(act)
        self.menu_lang = mb.addMenu("")
        for act in self.lang_actions.values():
            self.menu_lang.addAction(act)
        self.menu_help = mb.addMenu("")
        self.menu_help.addAction(self.act_help)

    def retranslate(self) -> None:
        title = self.tr("Fit-note — certificates of incapacity")
        if self.services.demo:
            title += " — DEMO"
        self.setWindowTitle(title)
        self.banner.setText(
            self.tr("DEMO — fictitious physician and patients, sandbox endpoint on this computer")
        )
        self.welcome.setText(
            self.tr(
                "Find a patient on the left (Ctrl+F) or create one (Ctrl+Shift+N).\n"
                "Then: new certificate (Ctrl+N), sign and send (Ctrl+Enter)."
            )
        )
        self.menu_file.setTitle(self.tr("&File"))
        self.menu_edit.setTitle(self.tr("&Edit"))
        self.menu_doc.setTitle(self.tr("&Document"))
        self.menu_lang.setTitle(self.tr("&Language"))
        self.menu_help.setTitle(self.tr("&Help"))
        for act, text in self.action_texts().items():
            act.setText(text)
        self.act_undo.setText(self.tr("Undo"))
        self.act_redo.setText(self.tr("Redo"))
        author = self.services.profile.author
        self.who.setText(author.full_name)
        self.refresh_status()
        self._update_actions()

    def action_texts(self) -> dict[QAction, str]:
        """Every action with its translated name (also used by the help dialog)."""
        return {
            self.act_find: self.tr("Find patient"),
            self.act_new_patient: self.tr("New patient…"),
            self.act_edit_patient: self.tr("Edit patient…"),
            self.act_new_cert: self.tr("New incapacity certificate"),
            self.act_new_fit: self.tr("New stand-alone fit-note"),
            self.act_new_pr: self.tr("New partial resumption"),
            self.act_new_inv: self.tr("New invalidity recognition"),
            self.act_prolong: self.tr("Prolong last certificate"),
            self.act_external: self.tr("Prolong a certificate from elsewhere…"),
            self.act_relapse: self.tr("Relapse"),
            self.act_replace: self.tr("Replace (correct a sent document)"),
            self.act_duplicate: self.tr("Duplicate as new"),
            self.act_retract: self.tr("Retract…"),
            self.act_delete: self.tr("Delete draft…"),
            self.act_capacity: self.tr("Add ICF capacity…"),
            self.act_preview: self.tr("Preview and print PDF copies…"),
            self.act_kmehr: self.tr("Export for the EMR / mutuality (KMEHR)…"),
            self.act_sign: self.tr("Sign and send"),
            self.act_outbox: self.tr("Outbox…"),
            self.act_inbox: self.tr("Conversations (TRIO)…"),
            self.act_settings: self.tr("Settings…"),
            self.act_lock: self.tr("Lock"),
            self.act_help: self.tr("Keyboard shortcuts"),
            self.act_quit: self.tr("Quit"),
            self.act_back: self.tr("Back to the patient"),
        }

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)

    def switch_language(self, lang: str) -> None:
        self.languages.switch(lang)
        self.lang_actions[lang].setChecked(True)
        self.settings.setValue("ui/language", lang)

    # ================================================================ context

    def current_patient(self) -> PatientRecord | None:
        return self.page.record

    def current_document(self) -> DocumentRecord | None:
        if self.stack.currentWidget() is self.editor:
            return self.editor.record
        if self.stack.currentWidget() is self.page:
            return self.page.selected()
        return None

    def _update_actions(self) -> None:
        has_patient = self.page.record is not None
        doc = self.current_document()
        in_editor = self.stack.currentWidget() is self.editor
        allowed = allowed_actions(doc.document.kind, doc.status) if doc is not None else set()
        draft = Action.EDIT in allowed
        for act in (self.act_new_cert, self.act_new_fit, self.act_new_pr, self.act_new_inv):
            act.setEnabled(has_patient)
        self.act_edit_patient.setEnabled(has_patient)
        self.act_prolong.setEnabled(has_patient)
        self.act_external.setEnabled(has_patient)
        self.act_relapse.setEnabled(Action.RELAPSE in allowed)
        self.act_replace.setEnabled(Action.REPLACE in allowed)
        self.act_retract.setEnabled(Action.RETRACT in allowed)
        self.act_duplicate.setEnabled(Action.DUPLICATE in allowed)
        self.act_delete.setEnabled(Action.DELETE in allowed)
        self.act_sign.setEnabled(in_editor and Action.SIGN in allowed and not self.busy)
        self.act_preview.setEnabled(doc is not None)
        self.act_kmehr.setEnabled(doc is not None and doc.document.kind is DocumentKind.INCAPACITY)
        self.act_capacity.setEnabled(in_editor and draft)
        self.act_back.setEnabled(in_editor)

    # ================================================================ navigation

    def open_patient(self, record: PatientRecord) -> None:
        self.editor.flush()
        self.services.patients.open(record.id)
        self.search.select(record.id)
        self.page.show_patient(record)
        self.stack.setCurrentWidget(self.page)
        self.page.new_cert.setFocus()
        self._update_actions()

    def back(self) -> None:
        if self.stack.currentWidget() is self.editor:
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

    def _follow_up(self, what: str) -> None:
        doc = self.current_document()
        if doc is None:
            return
        self.editor.flush()
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
            self._follow_up(what)

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
        if self.stack.currentWidget() is not self.editor or self.editor.current is None:
            return
        from fitnote_desktop.ui.icf_picker import IcfPicker

        dlg = IcfPicker(self.editor.current.language.value, self)
        if dlg.exec():
            self.editor.add_capacities(dlg.chosen)

    # ================================================================ sign & send

    def sign_and_send(self) -> None:
        if self.busy or self.stack.currentWidget() is not self.editor:
            return
        rec = self.editor.record
        if rec is None or not rec.status.editable:
            return
        self.editor.flush()
        if self.editor.is_dirty():  # could not save: keep the draft on screen
            return
        if not self.editor.reveal_all_findings():
            self.statusBar().showMessage(i18n.text("document.has_errors"), 6000)
            overlap = next(
                (
                    f
                    for f in self.services.drafts.validate(self.editor.current, rec.patient_id)
                    if f.code == OVERLAP and f.severity is Severity.ERROR
                ),
                None,
            )
            if overlap is not None:
                self.offer_overlapping(overlap.params)
            return
        doc_id = rec.id
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
        self.statusBar().showMessage(msg, 10000)
        self.refresh_status()

    def _task_failed(self, exc: BaseException) -> None:
        self._set_busy(False)
        if isinstance(exc, ServiceError) and exc.code == OVERLAP:
            self.offer_overlapping(exc.params)
        else:
            self.show_error(exc)
        if self.editor.record is not None:
            try:
                rec = self.services.drafts.get(self.editor.record.id)
            except ServiceError:
                return
            self.editor.record = rec

    def retract(self) -> None:
        doc = self.current_document()
        if doc is None or doc.status.editable or self.busy:
            return
        answer = QMessageBox.question(
            self,
            self.tr("Retract"),
            self.tr("Retract this document? The recipients are told that it is no longer valid."),
        )
        if answer != QMessageBox.StandardButton.Yes:
            return
        self._set_busy(True, i18n.text("progress.signing"))
        workers.start(
            lambda _p: self.services.sending.retract(doc.id, self.pin_broker),
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
        if self.editor.record is not None and self.editor.record.id == doc.id:
            self.editor.discard()
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
        if self.stack.currentWidget() is self.editor:
            self.open_document(rec)
        self.statusBar().showMessage(labels.status(rec.status), 8000)

    def _set_busy(self, busy: bool, text: str = "") -> None:
        self.busy = busy
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

    def show_error(self, exc: BaseException) -> None:
        code = code_of(exc)
        params = getattr(exc, "params", {}) or {}
        if not isinstance(exc, ServiceError) and code == "app.unexpected":
            log.error("unexpected error: %s", type(exc).__name__)
        QMessageBox.warning(self, self.tr("Not done"), i18n.text(code, **params))

    def offer_overlapping(self, params: dict[str, object]) -> None:
        """Signing refused for an overlap (rule 8): name the other certificate, offer it."""
        box = QMessageBox(QMessageBox.Icon.Warning, self.tr("Not done"), "", parent=self)
        box.setObjectName("overlapBox")
        box.setText(i18n.text(OVERLAP, **params))
        open_it = box.addButton(self.tr("Open that certificate"), QMessageBox.ButtonRole.AcceptRole)
        box.addButton(QMessageBox.StandardButton.Close)
        box.setDefaultButton(open_it)
        box.exec()
        if box.clickedButton() is not open_it:
            return
        try:
            other = self.services.drafts.get(str(params.get("reference", "")))
        except ServiceError as exc:  # issued elsewhere: known only from a paper copy
            self.show_error(exc)
            return
        self.editor.flush()
        self.page.refresh()
        self.open_document(other)

    def export_kmehr(self) -> None:
        doc = self.current_document()
        if doc is None or doc.document.kind is not DocumentKind.INCAPACITY:
            return
        self.editor.flush()
        from fitnote_desktop.ui.export_dialog import KmehrExportDialog

        dlg = KmehrExportDialog(self.services, doc.id, self)
        if dlg.exec() and dlg.written:
            self.statusBar().showMessage(self.tr("KMEHR message saved."), 8000)

    # ================================================================ other views

    def preview(self) -> None:
        doc = self.current_document()
        if doc is None:
            return
        self.editor.flush()
        from fitnote_desktop.ui.preview import PreviewDialog

        PreviewDialog(self.services, doc.id, self).exec()

    def show_outbox(self) -> None:
        from fitnote_desktop.ui.outbox import OutboxDialog

        OutboxDialog(self.services, self).exec()
        self.page.refresh()
        self.refresh_status()

    def show_inbox(self) -> None:
        """Conversations; about the open document when it has been sent."""
        from fitnote_desktop.ui.inbox import InboxDialog

        doc = self.current_document()
        about = doc if doc is not None and doc.status is DocumentStatus.ACCEPTED else None
        InboxDialog(self.services, self, about=about).exec()

    def show_patient_conversations(self) -> None:
        from fitnote_desktop.ui.inbox import InboxDialog

        record = self.page.record
        name = record.patient.full_name if record is not None else ""
        InboxDialog(self.services, self, patient_name=name).exec()

    def show_settings(self) -> None:
        from fitnote_desktop.ui.settings import SettingsDialog

        SettingsDialog(self.services, self.settings, self).exec()
        self.settings_changed.emit()

    def show_help(self) -> None:
        from fitnote_desktop.ui.help import HelpDialog

        HelpDialog(self, self).exec()

    def refresh_status(self) -> None:
        self._follow_open_document()
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

    def _follow_open_document(self) -> None:
        """A signed document on screen follows its outbox (queued → accepted, refused...),
        so that its status, side panel and the actions it allows are never stale."""
        rec = self.editor.record
        if rec is None or rec.status.editable or self.stack.currentWidget() is not self.editor:
            return
        try:
            fresh = self.services.drafts.get(rec.id)
        except Exception:  # locked or closing: the status is informative only
            return
        if (fresh.status, fresh.last_error) != (rec.status, rec.last_error):
            self.open_document(fresh)

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
        self.editor.flush()
        self.save_state()
        self._poll.stop()
        super().closeEvent(event)
