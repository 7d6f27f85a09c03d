"""The dialogs the main window opens over itself: preview, KMEHR export, outbox, inbox,
settings, help, and the messages that say why something was not done.

A mixin of :class:`~fitnote_desktop.ui.main_window.MainWindow`, kept in its own file so
that the window's module holds its state and the consultation's flow. Each dialog's
module is imported when it is first opened: none of them is on the first screen.
"""

from __future__ import annotations

import logging
from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QMessageBox

from fitnote_desktop.domain.lifecycle import DocumentStatus
from fitnote_desktop.domain.model import DocumentKind
from fitnote_desktop.services import ServiceError
from fitnote_desktop.services.errors import code_of
from fitnote_desktop.services.sending import OVERLAP
from fitnote_desktop.ui import i18n

if TYPE_CHECKING:
    from PySide6.QtCore import QSettings, SignalInstance
    from PySide6.QtWidgets import QStatusBar, QWidget

    from fitnote_desktop.services import Services
    from fitnote_desktop.services.ports import DocumentRecord
    from fitnote_desktop.ui.actions import WindowActions
    from fitnote_desktop.ui.patient_page import PatientPage

log = logging.getLogger(__name__)


class WindowDialogs:
    """Opens the window's dialogs; what it needs of the window is declared below."""

    if TYPE_CHECKING:
        services: Services
        acts: WindowActions
        settings: QSettings
        page: PatientPage
        settings_changed: SignalInstance

        def current_document(self) -> DocumentRecord | None: ...
        def open_document(self, record: DocumentRecord) -> None: ...
        def flush_editor(self) -> None: ...
        def refresh_status(self) -> None: ...
        def statusBar(self) -> QStatusBar: ...

    def _parent(self) -> QWidget:
        from PySide6.QtWidgets import QWidget

        assert isinstance(self, QWidget)
        return self

    def export_kmehr(self) -> None:
        doc = self.current_document()
        if doc is None or doc.document.kind is not DocumentKind.INCAPACITY:
            return
        self.flush_editor()
        from fitnote_desktop.ui.export_dialog import KmehrExportDialog

        dlg = KmehrExportDialog(self.services, doc.id, self._parent())
        if dlg.exec() and dlg.written:
            saved = QCoreApplication.translate("MainWindow", "KMEHR message saved.")
            self.statusBar().showMessage(saved, 8000)

    def preview(self) -> None:
        doc = self.current_document()
        if doc is None:
            return
        self.flush_editor()
        from fitnote_desktop.ui.preview import PreviewDialog

        PreviewDialog(self.services, doc.id, self._parent()).exec()

    def show_outbox(self) -> None:
        from fitnote_desktop.ui.outbox import OutboxDialog

        OutboxDialog(self.services, self._parent()).exec()
        self.page.refresh()
        self.refresh_status()

    def show_inbox(self) -> None:
        """Conversations; about the open document when it has been sent."""
        from fitnote_desktop.ui.inbox import InboxDialog

        doc = self.current_document()
        about = doc if doc is not None and doc.status is DocumentStatus.ACCEPTED else None
        dialog = InboxDialog(self.services, self._parent(), about=about)
        dialog.exec()
        if dialog.replacement is not None:  # a question answered with a new certificate
            self.open_document(dialog.replacement)

    def show_patient_conversations(self) -> None:
        from fitnote_desktop.ui.inbox import InboxDialog

        record = self.page.record
        name = record.patient.full_name if record is not None else ""
        dialog = InboxDialog(self.services, self._parent(), patient_name=name)
        dialog.exec()
        if dialog.replacement is not None:
            self.open_document(dialog.replacement)

    def show_mirror(self) -> None:
        """Own prescribing figures beside the region's (pyqtgraph loads here, not at start)."""
        from fitnote_desktop.ui.mirror import MirrorDialog

        MirrorDialog(self.services, self._parent()).exec()

    def show_settings(self) -> None:
        from fitnote_desktop.ui.settings import SettingsDialog

        SettingsDialog(self.services, self.settings, self._parent()).exec()
        self.settings_changed.emit()

    def show_help(self) -> None:
        from fitnote_desktop.ui.help import HelpDialog

        HelpDialog(self.acts, self._parent()).exec()

    def open_web_desk(self) -> None:
        """The demo's web desk of the advising and occupational physicians, in the browser."""
        from fitnote_desktop.ui.web_desk import open_web_desk

        open_web_desk(self.services.demo_desk_url)

    def show_error(self, exc: BaseException) -> None:
        code = code_of(exc)
        params = getattr(exc, "params", {}) or {}
        if not isinstance(exc, ServiceError) and code == "app.unexpected":
            log.error("unexpected error: %s", type(exc).__name__)
        title = QCoreApplication.translate("MainWindow", "Not done")
        QMessageBox.warning(self._parent(), title, i18n.text(code, **params))

    def offer_overlapping(self, params: dict[str, object]) -> None:
        """Signing refused for an overlap (rule 8): name the other certificate, offer it."""
        title = QCoreApplication.translate("MainWindow", "Not done")
        box = QMessageBox(QMessageBox.Icon.Warning, title, "", parent=self._parent())
        box.setObjectName("overlapBox")
        box.setText(i18n.text(OVERLAP, **params))
        open_it = box.addButton(
            QCoreApplication.translate("MainWindow", "Open that certificate"),
            QMessageBox.ButtonRole.AcceptRole,
        )
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
        self.flush_editor()
        self.page.refresh()
        self.open_document(other)
