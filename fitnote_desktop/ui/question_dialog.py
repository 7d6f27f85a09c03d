"""Answering a question of the advising or occupational physician.

Three answers: a text ("Answer"), "Cannot complete" (the text says why), or "Complete
with a new certificate", which opens the replacement of the certificate asked about in
the editor; the answer leaves by itself once the endpoint has accepted that new
certificate (``services.questions``). The first two talk to the endpoint, on a worker
thread; the dialog says in words what went wrong when it cannot.
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
    QPlainTextEdit,
    QPushButton,
    QTextBrowser,
    QVBoxLayout,
    QWidget,
)

from fitnote_desktop.services import Services
from fitnote_desktop.services.errors import ServiceError, code_of
from fitnote_desktop.services.ports import DocumentRecord
from fitnote_desktop.services.questions import Question
from fitnote_desktop.ui import i18n, workers
from fitnote_desktop.ui.questions_view import asker_name, fmt, state_text, type_name


class QuestionDialog(QDialog):
    """One question, its deadline, and the three ways to answer it.

    After ``exec()``: ``answered`` is the closed question (Answer, Cannot complete), or
    ``replacement`` the draft to open in the editor (Complete with a new certificate).
    """

    def __init__(
        self, services: Services, question: Question, parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self.setObjectName("questionDialog")
        self.services = services
        self.question = question
        self.answered: Question | None = None
        self.replacement: DocumentRecord | None = None
        self.pending = services.questions.pending_completion(question.id)
        self.heading = QLabel(self)
        self.heading.setObjectName("sectionTitle")
        self.heading.setWordWrap(True)
        self.facts = QLabel(self)
        self.facts.setWordWrap(True)
        self.facts.setTextFormat(Qt.TextFormat.RichText)
        self.body = QTextBrowser(self)
        self.body.setOpenLinks(False)
        self.answer_box = QPlainTextEdit(self)
        self.answer_box.setTabChangesFocus(True)
        self.answer_box.setFixedHeight(110)
        self.status = QLabel(self)
        self.status.setObjectName("hint")
        self.status.setWordWrap(True)
        self.answer_button = QPushButton(self)
        self.answer_button.setObjectName("primary")
        self.answer_button.clicked.connect(lambda: self._send(cannot_complete=False))
        self.cannot_button = QPushButton(self)
        self.cannot_button.clicked.connect(lambda: self._send(cannot_complete=True))
        self.complete_button = QPushButton(self)
        self.complete_button.clicked.connect(self._complete)
        self.close_button = QPushButton(self)
        self.close_button.clicked.connect(self.reject)
        buttons = QHBoxLayout()
        buttons.addWidget(self.answer_button)
        buttons.addWidget(self.cannot_button)
        buttons.addWidget(self.complete_button)
        buttons.addStretch(1)
        buttons.addWidget(self.close_button)
        layout = QVBoxLayout(self)
        layout.addWidget(self.heading)
        layout.addWidget(self.facts)
        layout.addWidget(self.body, 1)
        layout.addWidget(self.answer_box)
        layout.addWidget(self.status)
        layout.addLayout(buttons)
        order = [
            self.body,
            self.answer_box,
            self.answer_button,
            self.cannot_button,
            self.complete_button,
            self.close_button,
        ]
        for first, second in itertools.pairwise(order):  # Tab follows the screen
            QWidget.setTabOrder(first, second)
        self.retranslate()
        self.resize(680, 520)
        open_ = question.is_open
        for w in (self.answer_box, self.answer_button, self.cannot_button, self.complete_button):
            w.setVisible(open_)  # a closed question is read, not answered again
        self.complete_button.setEnabled(self.pending is None)
        (self.answer_box if open_ else self.close_button).setFocus()

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)

    def retranslate(self) -> None:
        q, today = self.question, self.services.questions.today()
        self.setWindowTitle(self.tr("Question about a certificate"))
        self.heading.setText(type_name(q.question_type))
        state = state_text(q, today, pending=self.pending is not None)
        facts = [
            self.tr("From: %1").replace("%1", asker_name(q.asked_by_role)),
            self.tr("Asked on %1").replace("%1", fmt(q.asked_at.astimezone().date())),
            self.tr("Answer by %1").replace("%1", fmt(q.answer_by)),
            self.tr("State: %1").replace("%1", state),
        ]
        escaped = [html.escape(f) for f in facts]
        if q.is_overdue(today) and self.pending is None:
            escaped[3] = f"<b style='color:#b91c1c'>⚠ {escaped[3]}</b>"
        self.facts.setText(" · ".join(escaped))
        parts = [f"<p>{html.escape(q.body).replace(chr(10), '<br>')}</p>"]
        if q.answer:
            label = html.escape(self.tr("Your answer"))
            parts.append(f"<p><b>{label}</b><br>{html.escape(q.answer)}</p>")
        self.body.setHtml("".join(parts))
        self.body.setAccessibleName(self.tr("The question"))
        self.answer_box.setAccessibleName(self.tr("Your answer"))
        self.answer_box.setPlaceholderText(self.tr("Your answer"))
        self.answer_button.setText(self.tr("Answer"))
        self.cannot_button.setText(self.tr("Cannot complete"))
        self.cannot_button.setToolTip(self.tr("Say why in your answer"))
        self.complete_button.setText(self.tr("Complete with a new certificate…"))
        self.complete_button.setToolTip(
            self.tr(
                "Opens a replacement of the certificate; the answer is sent when the "
                "platform has accepted the new certificate"
            )
        )
        self.close_button.setText(self.tr("Close"))
        if self.pending is not None:
            self.status.setText(
                self.tr(
                    "A new certificate is on its way: the answer is sent when the platform "
                    "has accepted it."
                )
            )

    # ------------------------------------------------------------------ answers

    def _send(self, *, cannot_complete: bool) -> None:
        text = self.answer_box.toPlainText()
        if not text.strip():
            self.status.setText(i18n.text("question.body_invalid"))
            self.answer_box.setFocus()
            return
        questions, qid = self.services.questions, self.question.id
        call: Callable[[], Question] = (
            (lambda: questions.cannot_complete(qid, text))
            if cannot_complete
            else (lambda: questions.answer(qid, text))
        )
        self._busy(True)
        self.status.setText(self.tr("Sending…"))
        workers.start(lambda _p: call(), done=self._sent, failed=self._failed)

    def _sent(self, answered: Any) -> None:
        self._busy(False)
        self.answered = answered
        self.accept()

    def _failed(self, exc: BaseException) -> None:
        self._busy(False)
        self.status.setText(i18n.text(code_of(exc, "transport.error")))

    def _busy(self, busy: bool) -> None:
        for b in (self.answer_button, self.cannot_button):
            b.setEnabled(not busy)
        self.complete_button.setEnabled(not busy and self.pending is None)

    def _complete(self) -> None:
        """The replacement draft is made locally (no network): the editor opens on it."""
        try:
            self.replacement = self.services.questions.complete_with_replacement(
                self.question.id, self.answer_box.toPlainText()
            )
        except ServiceError as exc:
            self.status.setText(i18n.text(exc.code, **exc.params))
            return
        self.accept()
