"""The inbox: TRIO-style conversations with the advising and occupational physicians.

Everything here talks to the endpoint, so every call runs on a worker thread (the first
one of a session may ask the authentication PIN); the dialog stays responsive and says
"offline" in words when the platform cannot be reached.
"""

from __future__ import annotations

import contextlib
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
from fitnote_desktop.services.errors import ServiceError, code_of
from fitnote_desktop.services.ports import DocumentRecord, Thread
from fitnote_desktop.services.questions import Question
from fitnote_desktop.ui import i18n, workers
from fitnote_desktop.ui.question_dialog import QuestionDialog
from fitnote_desktop.ui.questions_view import QuestionList

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
        self.questions_title = QLabel(self)
        self.questions_title.setObjectName("subTitle")
        self.question_list = QuestionList(self)
        self.question_list.question_activated.connect(self.answer_question)
        self.threads_title = QLabel(self)
        self.threads_title.setObjectName("subTitle")
        self.replacement: DocumentRecord | None = None  # to open in the editor after close
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
        left = QWidget(self)
        ll = QVBoxLayout(left)
        ll.setContentsMargins(0, 0, 0, 0)
        ll.addWidget(self.questions_title)
        ll.addWidget(self.question_list, 1)
        ll.addWidget(self.threads_title)
        ll.addWidget(self.threads, 1)
        split = QSplitter(self)
        split.addWidget(left)
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
            self.question_list,
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
        self.threads_title.setText(self.tr("Conversations"))
        self.questions_title.setText(self.tr("Questions with a deadline"))
        self.question_list.setAccessibleName(self.tr("Questions with a deadline"))
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
        self._show_questions()  # the local copy at once, offline too
        self._run(self._load, self._loaded)

    def _load(self) -> list[Thread]:
        """Worker thread: the conversations, then the questions (one login, one PIN)."""
        threads = self.services.messaging.inbox()
        # the conversations arrived: if the questions do not, their copy stays as it was
        with contextlib.suppress(ServiceError):
            self.services.questions.refresh()
        return threads

    def _loaded(self, threads: list[Thread]) -> None:
        self._fill(threads)
        self._show_questions()

    def _show_questions(self) -> None:
        questions = self.services.questions
        found = questions.cached()
        if self.about is not None:
            found = [q for q in found if q.document_id == self.about.id]
        names = {q.document_id: self._patient_of(q.document_id) for q in found}
        if self.patient_name:
            found = [q for q in found if names[q.document_id] == self.patient_name]
        pending = [q.id for q in found if questions.pending_completion(q.id)]
        self.question_list.set_questions(found, questions.today(), pending, names)
        if not found:
            self.question_list.addItem(self.tr("No questions."))

    def _patient_of(self, document_id: str) -> str:
        try:
            return self.services.drafts.get(document_id).document.patient.full_name
        except Exception:  # not in this store: a name is a nicety, not a need
            return ""

    def answer_question(self, question: Question | None) -> None:
        if question is None:  # the "No questions." line
            return
        dialog = QuestionDialog(self.services, question, self)
        dialog.exec()
        if dialog.replacement is not None:
            self.replacement = dialog.replacement
            self.accept()  # the caller opens the editor on the new certificate
            return
        self._show_questions()

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
