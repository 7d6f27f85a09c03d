"""The main window's actions and menu bar: every command with its shortcut, in one place.

Every command is a ``QAction`` added to the window, so its shortcut works wherever the
focus is, and the help dialog (F1) lists them from :meth:`WindowActions.texts`. Which
actions are enabled follows the open patient and document (:meth:`WindowActions.update`).

The actions call the window through :class:`WindowCommands`, what they need of it, so
that this module does not import the main window that builds them (no import circle).

The texts are translated in the ``MainWindow`` context (``QCoreApplication.translate``):
they are the main window's words, and the translation files already hold them there.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING, Protocol

from PySide6.QtCore import QCoreApplication, SignalInstance
from PySide6.QtGui import QAction, QActionGroup, QKeySequence, QUndoGroup
from PySide6.QtWidgets import QMainWindow, QMenu

from fitnote_desktop.domain.changes import followed_reference
from fitnote_desktop.domain.lifecycle import Action, allowed_actions
from fitnote_desktop.domain.model import DocumentKind
from fitnote_desktop.services.ports import DocumentRecord
from fitnote_desktop.ui import i18n
from fitnote_desktop.ui.web_desk import certificate_warning

if TYPE_CHECKING:  # types only: the editor is imported when first opened
    from fitnote_desktop.ui.editor import DocumentEditor
    from fitnote_desktop.ui.patients import PatientSearch

Shortcut = str | QKeySequence.StandardKey | None


class WindowCommands(Protocol):
    """What the actions trigger and read: the main window's commands and parts."""

    @property
    def lock_requested(self) -> SignalInstance: ...
    @property
    def undo_group(self) -> QUndoGroup: ...
    @property
    def languages(self) -> i18n.LanguageManager: ...
    @property
    def search(self) -> PatientSearch: ...
    @property
    def editor(self) -> DocumentEditor: ...

    def show_worklist(self, *, filter_it: bool = False) -> None: ...
    def new_patient(self, prefill: str = "") -> None: ...
    def edit_patient(self) -> None: ...
    def new_document(self, kind: DocumentKind) -> None: ...
    def prolong_last(self) -> None: ...
    def prolong_external(self) -> None: ...
    def follow_up(self, what: str) -> None: ...
    def retract(self) -> None: ...
    def delete_draft(self) -> None: ...
    def sign_and_send(self) -> None: ...
    def preview(self) -> None: ...
    def export_kmehr(self) -> None: ...
    def pick_capacities(self) -> None: ...
    def show_outbox(self) -> None: ...
    def show_inbox(self) -> None: ...
    def show_mirror(self) -> None: ...
    def show_settings(self) -> None: ...
    def show_help(self) -> None: ...
    def open_web_desk(self) -> None: ...
    def back(self) -> None: ...
    def switch_language(self, lang: str) -> None: ...


class WindowActions:
    """The QActions of one main window, its menus, their texts and their enabled state.

    ``window`` holds the actions (their shortcuts work wherever its focus is) and the
    menu bar; ``commands`` is what they trigger: the same window, seen as
    :class:`WindowCommands`."""

    def __init__(self, window: QMainWindow, commands: WindowCommands) -> None:
        self._window = window
        w = commands
        a = self._action
        self.home = a("Alt+Home", w.show_worklist)
        self.filter_worklist = a("Ctrl+Shift+F", lambda: w.show_worklist(filter_it=True))
        self.find = a("Ctrl+F", w.search.focus_search)
        self.new_patient = a("Ctrl+Shift+N", lambda: w.new_patient(""))
        self.edit_patient = a("Ctrl+E", w.edit_patient)
        self.new_cert = a("Ctrl+N", lambda: w.new_document(DocumentKind.INCAPACITY))
        self.new_fit = a(None, lambda: w.new_document(DocumentKind.FIT_NOTE))
        self.new_pr = a(None, lambda: w.new_document(DocumentKind.PARTIAL_RESUMPTION))
        self.new_inv = a(None, lambda: w.new_document(DocumentKind.INVALIDITY_RECOGNITION))
        self.prolong = a("Ctrl+Shift+P", w.prolong_last)
        self.external = a("Ctrl+Shift+E", w.prolong_external)
        self.relapse = a("Ctrl+Shift+R", lambda: w.follow_up("relapse"))
        self.replace = a(None, lambda: w.follow_up("replace"))
        self.duplicate = a("Ctrl+D", lambda: w.follow_up("duplicate"))
        self.retract = a(None, w.retract)
        self.delete = a("Ctrl+Del", w.delete_draft)
        self.sign = a("Ctrl+Return", w.sign_and_send)
        self.sign.setShortcuts([QKeySequence("Ctrl+Return"), QKeySequence("Ctrl+Enter")])
        self.preview = a("Ctrl+P", w.preview)
        self.kmehr = a(None, w.export_kmehr)
        self.capacity = a(None, w.pick_capacities)
        self.changes = a("Ctrl+Shift+C", lambda: w.editor.changes_panel.open_view())
        self.sheet = a("F2", lambda: w.editor.period.guidance.open_sheet())
        self.outbox = a("Ctrl+O", w.show_outbox)
        self.inbox = a("Ctrl+Shift+M", w.show_inbox)
        self.mirror = a("Ctrl+Shift+I", w.show_mirror)
        self.settings = a(None, w.show_settings)
        self.lock = a("Ctrl+L", w.lock_requested.emit)
        self.help = a("F1", w.show_help)
        self.web_desk = a(None, w.open_web_desk)  # demo only: the sandbox serves the desk
        self.web_desk.setVisible(False)  # shown by the window's attach() in demo mode
        self.quit = a("Ctrl+Q", window.close)
        self.back = a("Alt+Left", w.back)
        self.undo = w.undo_group.createUndoAction(window)  # the editor's stack joins when built
        self.undo.setShortcut(QKeySequence.StandardKey.Undo)
        self.redo = w.undo_group.createRedoAction(window)
        self.redo.setShortcut(QKeySequence.StandardKey.Redo)
        self.lang_group = QActionGroup(window)
        self.lang_actions: dict[str, QAction] = {}
        for lang in i18n.UI_LANGUAGES:
            act = QAction(i18n.LANGUAGE_NAMES[lang], window)
            act.setCheckable(True)
            act.setChecked(lang == w.languages.language)
            act.triggered.connect(lambda _=False, lg=lang: w.switch_language(lg))
            self.lang_group.addAction(act)
            self.lang_actions[lang] = act
        self._build_menus()

    def _action(self, shortcut: Shortcut, slot: Callable[[], object]) -> QAction:
        act = QAction(self._window)
        if shortcut is not None:
            act.setShortcut(QKeySequence(shortcut))
        act.triggered.connect(lambda _=False: slot())
        self._window.addAction(act)
        return act

    def _build_menus(self) -> None:
        mb = self._window.menuBar()
        self.menu_file = mb.addMenu("")
        _add(self.menu_file, self.home, self.filter_worklist, None)
        _add(self.menu_file, self.find, self.new_patient, self.edit_patient, None)
        _add(self.menu_file, self.outbox, self.inbox, self.mirror, self.settings, self.lock)
        _add(self.menu_file, None, self.quit)
        self.menu_edit = mb.addMenu("")
        _add(self.menu_edit, self.undo, self.redo)
        self.menu_doc = mb.addMenu("")
        _add(self.menu_doc, self.new_cert, self.new_fit, self.new_pr, self.new_inv, None)
        _add(
            self.menu_doc,
            self.prolong,
            self.external,
            self.relapse,
            self.replace,
            self.duplicate,
            self.retract,
            self.delete,
            None,
        )
        _add(
            self.menu_doc,
            self.capacity,
            self.changes,
            self.sheet,
            self.preview,
            self.kmehr,
            self.sign,
        )
        self.menu_lang = mb.addMenu("")
        _add(self.menu_lang, *self.lang_actions.values())
        self.menu_help = mb.addMenu("")
        _add(self.menu_help, self.help, self.web_desk)

    def retranslate(self) -> None:
        self.menu_file.setTitle(QCoreApplication.translate("MainWindow", "&File"))
        self.menu_edit.setTitle(QCoreApplication.translate("MainWindow", "&Edit"))
        self.menu_doc.setTitle(QCoreApplication.translate("MainWindow", "&Document"))
        self.menu_lang.setTitle(QCoreApplication.translate("MainWindow", "&Language"))
        self.menu_help.setTitle(QCoreApplication.translate("MainWindow", "&Help"))
        for act, text in self.texts().items():
            act.setText(text)
        self.undo.setText(QCoreApplication.translate("MainWindow", "Undo"))
        self.redo.setText(QCoreApplication.translate("MainWindow", "Redo"))
        self.web_desk.setStatusTip(certificate_warning())
        self.web_desk.setToolTip(certificate_warning())

    def texts(self) -> dict[QAction, str]:
        """Every action with its translated name (also used by the help dialog)."""
        return {
            self.home: QCoreApplication.translate("MainWindow", "My patients on sick leave"),
            self.filter_worklist: QCoreApplication.translate(
                "MainWindow", "Filter my patients on sick leave"
            ),
            self.find: QCoreApplication.translate("MainWindow", "Find patient"),
            self.new_patient: QCoreApplication.translate("MainWindow", "New patient…"),
            self.edit_patient: QCoreApplication.translate("MainWindow", "Edit patient…"),
            self.new_cert: QCoreApplication.translate("MainWindow", "New incapacity certificate"),
            self.new_fit: QCoreApplication.translate("MainWindow", "New stand-alone fit-note"),
            self.new_pr: QCoreApplication.translate("MainWindow", "New partial resumption"),
            self.new_inv: QCoreApplication.translate("MainWindow", "New invalidity recognition"),
            self.prolong: QCoreApplication.translate("MainWindow", "Prolong last certificate"),
            self.external: QCoreApplication.translate(
                "MainWindow", "Prolong a certificate from elsewhere…"
            ),
            self.relapse: QCoreApplication.translate("MainWindow", "Relapse"),
            self.replace: QCoreApplication.translate(
                "MainWindow", "Replace (correct a sent document)"
            ),
            self.duplicate: QCoreApplication.translate("MainWindow", "Duplicate as new"),
            self.retract: QCoreApplication.translate("MainWindow", "Retract…"),
            self.delete: QCoreApplication.translate("MainWindow", "Delete draft…"),
            self.capacity: QCoreApplication.translate("MainWindow", "Add ICF capacity…"),
            self.changes: QCoreApplication.translate(
                "MainWindow", "What changed since the previous document…"
            ),
            self.sheet: QCoreApplication.translate(
                "MainWindow", "Pathology sheet of the diagnosis…"
            ),
            self.preview: QCoreApplication.translate("MainWindow", "Preview and print PDF copies…"),
            self.kmehr: QCoreApplication.translate(
                "MainWindow", "Export for the EMR / mutuality (KMEHR)…"
            ),
            self.sign: QCoreApplication.translate("MainWindow", "Sign and send"),
            self.outbox: QCoreApplication.translate("MainWindow", "Outbox…"),
            self.inbox: QCoreApplication.translate("MainWindow", "Conversations (TRIO)…"),
            self.mirror: QCoreApplication.translate("MainWindow", "Mirror information…"),
            self.settings: QCoreApplication.translate("MainWindow", "Settings…"),
            self.lock: QCoreApplication.translate("MainWindow", "Lock"),
            self.help: QCoreApplication.translate("MainWindow", "Keyboard shortcuts"),
            self.web_desk: QCoreApplication.translate(
                "MainWindow",
                "Open the web desk of the advising and occupational physicians (demo)",
            ),
            self.quit: QCoreApplication.translate("MainWindow", "Quit"),
            self.back: QCoreApplication.translate("MainWindow", "Back to the patient"),
        }

    def update(
        self, *, has_patient: bool, doc: DocumentRecord | None, in_editor: bool, busy: bool
    ) -> None:
        """Enable what the open patient and document allow (lifecycle rules decide)."""
        allowed = allowed_actions(doc.document.kind, doc.status) if doc is not None else set()
        draft = Action.EDIT in allowed
        for act in (self.new_cert, self.new_fit, self.new_pr, self.new_inv):
            act.setEnabled(has_patient)
        self.edit_patient.setEnabled(has_patient)
        self.prolong.setEnabled(has_patient)
        self.external.setEnabled(has_patient)
        self.relapse.setEnabled(Action.RELAPSE in allowed)
        self.replace.setEnabled(Action.REPLACE in allowed)
        self.retract.setEnabled(Action.RETRACT in allowed)
        self.duplicate.setEnabled(Action.DUPLICATE in allowed)
        self.delete.setEnabled(Action.DELETE in allowed)
        self.sign.setEnabled(in_editor and Action.SIGN in allowed and not busy)
        self.preview.setEnabled(doc is not None)
        self.kmehr.setEnabled(doc is not None and doc.document.kind is DocumentKind.INCAPACITY)
        self.capacity.setEnabled(in_editor and draft)
        self.changes.setEnabled(
            in_editor and doc is not None and followed_reference(doc.document) != ""
        )
        self.sheet.setEnabled(in_editor)
        self.back.setEnabled(in_editor)


def _add(menu: QMenu, *entries: QAction | None) -> None:
    """Add actions in order; ``None`` is a separator."""
    for entry in entries:
        if entry is None:
            menu.addSeparator()
        else:
            menu.addAction(entry)
