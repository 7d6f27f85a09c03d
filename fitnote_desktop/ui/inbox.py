"""The inbox: TRIO-style conversations with the advising and occupational physicians.

Everything here talks to the endpoint, so every call runs on a worker thread (the first
one of a session may ask the authentication PIN); the dialog stays responsive and says
"offline" in words when the platform cannot be reached.
"""

from __future__ import annotations

import html
import itertools
from collections.abc import Callable
from typing import Any

from PySide6.QtCore import QEvent, Qt
from PySide6.QtWidgets import (
    QDialog,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QPlainTextEdit,
    QPushButton,
    QSplitter,
    QTextBrowser,
    QVBoxLayout,
    QWidget,
)

from fitnote_desktop.services import Services
from fitnote_desktop.services.errors import code_of
from fitnote_desktop.services.ports import DocumentRecord, Thread
from fitnote_desktop.ui import i18n, workers

ThreadRole = Qt.ItemDataRole.UserRole + 20


def role_name(role: str) -> str:
    from PySide6.QtCore import QCoreApplication

    return {
        "treating": QCoreApplication.translate("Inbox", "Treating physician"),
        "advising": QCoreApplication.translate("Inbox", "Advising physician"),
        "occupational": QCoreApplication.translate("Inbox", "Occupational physician"),
    }.get(role, role)


class InboxDialog(QDialog):
    """Threads on the left, the selected conversation and a reply box on the right."""

    def __init__(
        self,
        services: Services,
        parent: QWidget | None = None,
        *,
        about: DocumentRecord | None = None,
        patient_name: str = "",
    ) -> None:
        super().__init__(parent)
        self.setObjectName("inboxDialog")
        self.services = services
        self.about = about
        self.patient_name = patient_name  # opened from a patient page: only their threads
        self.current: Thread | None = None
        self.status = QLabel(self)
        self.status.setObjectName("hint")
        self.status.setWordWrap(True)
        self.threads = QListWidget(self)
        self.threads.currentItemChanged.connect(lambda cur, _p: self._open(cur))
        self.view = QTextBrowser(self)
        self.view.setOpenLinks(False)
        self.reply_box = QPlainTextEdit(self)
        self.reply_box.setFixedHeight(80)
        self.reply_box.setTabChangesFocus(True)
        self.send = QPushButton(self)
        self.send.setObjectName("primary")
        self.send.clicked.connect(self._reply)
        self.refresh_button = QPushButton(self)
        self.refresh_button.clicked.connect(self.refresh)
        self.close_button = QPushButton(self)
        self.close_button.clicked.connect(self.accept)
        # a new conversation about the document at hand
        self.new_subject = QLineEdit(self)
        self.new_body = QPlainTextEdit(self)
        self.new_body.setFixedHeight(70)
        self.new_body.setTabChangesFocus(True)
        self.start = QPushButton(self)
        self.start.clicked.connect(self._start)
        self.new_box = QWidget(self)
        nb = QVBoxLayout(self.new_box)
        nb.setContentsMargins(0, 0, 0, 0)
        self.new_title = QLabel(self.new_box)
        self.new_title.setObjectName("subTitle")
        nb.addWidget(self.new_title)
        nb.addWidget(self.new_subject)
        nb.addWidget(self.new_body)
        nb.addWidget(self.start, 0, Qt.AlignmentFlag.AlignRight)
        self.new_box.setVisible(about is not None)

        right = QWidget(self)
        rl = QVBoxLayout(right)
        rl.setContentsMargins(0, 0, 0, 0)
        rl.addWidget(self.view, 1)
        rl.addWidget(self.reply_box)
        rl.addWidget(self.send, 0, Qt.AlignmentFlag.AlignRight)
        rl.addWidget(self.new_box)
        split = QSplitter(self)
        split.addWidget(self.threads)
        split.addWidget(right)
        split.setSizes([300, 600])
        bottom = QHBoxLayout()
        bottom.addWidget(self.status, 1)
        bottom.addWidget(self.refresh_button)
        bottom.addWidget(self.close_button)
        layout = QVBoxLayout(self)
        layout.addWidget(split, 1)
        layout.addLayout(bottom)
        reading_order = [
            self.threads,
            self.view,
            self.reply_box,
            self.send,
            self.new_subject,
            self.new_body,
            self.start,
            self.refresh_button,
            self.close_button,
        ]
        for first, second in itertools.pairwise(reading_order):  # Tab follows the screen
            QWidget.setTabOrder(first, second)
        self.retranslate()
        self.resize(920, 600)
        self.refresh()

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)

    def retranslate(self) -> None:
        self.setWindowTitle(self.tr("Conversations with the advising and occupational physicians"))
        self.threads.setAccessibleName(self.tr("Conversations"))
        self.view.setAccessibleName(self.tr("Messages"))
        self.reply_box.setAccessibleName(self.tr("Your reply"))  # as its placeholder shows
        self.reply_box.setPlaceholderText(self.tr("Your reply"))
        self.send.setText(self.tr("Send reply"))
        self.refresh_button.setText(self.tr("Refresh"))
        self.close_button.setText(self.tr("Close"))
        self.new_title.setText(self.tr("New conversation about this document"))
        self.new_subject.setPlaceholderText(self.tr("Subject"))
        self.new_subject.setAccessibleName(self.tr("Subject"))
        self.new_body.setPlaceholderText(self.tr("Message"))
        self.new_body.setAccessibleName(self.tr("Message"))
        self.start.setText(self.tr("Start conversation"))
        self._show_thread()

    # ------------------------------------------------------------------ background calls

    def _run(self, fn: Callable[[], Any], done: Callable[[Any], None]) -> None:
        self.status.setText(self.tr("Loading…"))
        for b in (self.send, self.refresh_button, self.start):
            b.setEnabled(False)

        def finished(result: Any) -> None:
            self._idle()
            done(result)

        def failed(exc: BaseException) -> None:
            self._idle()
            self.status.setText(i18n.text(code_of(exc, "transport.error")))

        workers.start(lambda _p: fn(), done=finished, failed=failed)

    def _idle(self) -> None:
        self.status.setText("")
        for b in (self.send, self.refresh_button, self.start):
            b.setEnabled(True)

    def refresh(self) -> None:
        self._run(self.services.messaging.inbox, self._fill)

    def _fill(self, threads: list[Thread]) -> None:
        self.threads.clear()
        if self.patient_name:
            threads = [t for t in threads if t.patient_name == self.patient_name]
        for t in threads:
            when = (
                t.last_message_at.astimezone().strftime("%d/%m %H:%M") if t.last_message_at else ""
            )
            unread = f"  ({t.unread_count})" if t.unread_count else ""
            who = t.patient_name or self.tr("patient of another physician")
            item = QListWidgetItem(f"{t.subject}{unread}\n{who} · {when}")
            item.setData(ThreadRole, t.id)
            if t.unread_count:
                font = item.font()
                font.setBold(True)
                item.setFont(font)
            self.threads.addItem(item)
        if not threads:
            self.status.setText(self.tr("No conversations yet."))

    def _open(self, item: QListWidgetItem | None) -> None:
        if item is None:
            return
        thread_id = item.data(ThreadRole)
        self._run(lambda: self.services.messaging.thread(thread_id), self._shown)

    def _shown(self, thread: Thread) -> None:
        self.current = thread
        self._show_thread()

    def _show_thread(self) -> None:
        t = self.current
        if t is None:
            hint = html.escape(self.tr("Choose a conversation."))
            self.view.setHtml(f"<p style='color:#6b7280'>{hint}</p>")
            return
        parts = [f"<h3>{html.escape(t.subject)}</h3>"]
        for m in t.messages:
            when = m.created_at.astimezone().strftime("%d/%m/%Y %H:%M") if m.created_at else ""
            parts.append(
                f"<p><b>{html.escape(role_name(m.author_role))}</b> "
                f"<span style='color:#6b7280'>{when}</span><br>"
                + html.escape(m.body).replace("\n", "<br>")
                + "</p>"
            )
        self.view.setHtml("".join(parts))

    def _reply(self) -> None:
        if self.current is None or not self.reply_box.toPlainText().strip():
            return
        thread_id, body = self.current.id, self.reply_box.toPlainText()

        def done(thread: Thread) -> None:
            self.reply_box.clear()
            self._shown(thread)

        self._run(lambda: self.services.messaging.reply(thread_id, body), done)

    def _start(self) -> None:
        if self.about is None:
            return
        doc_id = self.about.id
        subject, body = self.new_subject.text(), self.new_body.toPlainText()

        def done(thread: Thread) -> None:
            self.new_subject.clear()
            self.new_body.clear()
            self._shown(thread)
            self.refresh()

        self._run(lambda: self.services.messaging.start_thread(doc_id, subject, body), done)
