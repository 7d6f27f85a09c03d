"""Questions of the advising and occupational physicians as the physician sees them: the
words for their types and askers, a keyboard-driven list, and the background refresh.

The list reads the local copy (``services.questions.cached``), so it shows the questions
offline; :class:`QuestionPoller` refreshes that copy from the endpoint on a worker thread,
only while the app already has a session with the endpoint (a poll never asks a PIN).
An overdue question says so in words, not only in colour.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from datetime import date

from PySide6.QtCore import QCoreApplication, QObject, Qt, QTimer, Signal
from PySide6.QtGui import QBrush, QColor, QGuiApplication, QPalette
from PySide6.QtWidgets import QListWidget, QListWidgetItem, QWidget

from fitnote_desktop.services import Services
from fitnote_desktop.services.questions import Question
from fitnote_desktop.ui import workers
from fitnote_desktop.ui.style import readable_on

QuestionRole = Qt.ItemDataRole.UserRole + 30
POLL_MS = 60_000
OVERDUE_COLOUR = "#b91c1c"


def type_name(question_type: str) -> str:
    return {
        "complete_certificate": QCoreApplication.translate(
            "Questions", "Request to complete the certificate"
        ),
        "contact": QCoreApplication.translate("Questions", "Contact request"),
        "work_capacity": QCoreApplication.translate("Questions", "Question about work capacity"),
        "other": QCoreApplication.translate("Questions", "Other question"),
    }.get(question_type, question_type)


def asker_name(role: str) -> str:
    """The official title of who asked (adviserend arts / médecin-conseil / ...)."""
    return {
        "advising": QCoreApplication.translate("Questions", "Advising physician"),
        "occupational": QCoreApplication.translate("Questions", "Occupational physician"),
    }.get(role, role)


def fmt(day: date) -> str:
    return day.strftime("%d/%m/%Y")


def state_text(question: Question, today: date, *, pending: bool = False) -> str:
    """Where the question stands, in words: overdue, waiting, answered..."""
    if question.state == "answered":
        return QCoreApplication.translate("Questions", "Answered")
    if question.state == "cannot_complete":
        return QCoreApplication.translate("Questions", "Answered: cannot complete")
    if pending:
        return QCoreApplication.translate("Questions", "New certificate on its way")
    if question.is_overdue(today):
        return QCoreApplication.translate("Questions", "Overdue")
    return QCoreApplication.translate("Questions", "Open")


def summary(question: Question, today: date, *, pending: bool = False) -> str:
    """Two lines: what and who; the deadline and the state."""
    deadline = QCoreApplication.translate("Questions", "answer by %1").replace(
        "%1", fmt(question.answer_by)
    )
    state = state_text(question, today, pending=pending)
    if question.is_overdue(today) and not pending:
        state = "⚠ " + state
    return (
        f"{type_name(question.question_type)} · {asker_name(question.asked_by_role)}\n"
        f"{deadline} · {state}"
    )


class QuestionList(QListWidget):
    """Questions, the earliest deadline first; Enter or a double click opens one."""

    question_activated = Signal(object)  # Question

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("questionList")
        self.setSpacing(3)
        self.setWordWrap(True)
        self.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.itemActivated.connect(self._activate)

    def set_questions(
        self,
        found: Sequence[Question],
        today: date,
        pending: Sequence[str] = (),
        names: Mapping[str, str] | None = None,
    ) -> None:
        """``names``: the patient's name per document id, where the list mixes patients."""
        self.clear()
        base = QGuiApplication.palette().color(QPalette.ColorRole.Base)
        for q in found:
            waiting = q.id in pending
            text = summary(q, today, pending=waiting)
            if names is not None:
                unknown = QCoreApplication.translate("Questions", "patient unknown here")
                text = f"{names.get(q.document_id) or unknown}\n{text}"
            item = QListWidgetItem(text)
            item.setData(QuestionRole, q)
            item.setData(Qt.ItemDataRole.AccessibleTextRole, text.replace("\n", ", "))
            if q.is_overdue(today) and not waiting:
                item.setForeground(QBrush(readable_on(QColor(OVERDUE_COLOUR), base)))
                font = item.font()
                font.setBold(True)
                item.setFont(font)
            self.addItem(item)
        if self.count() and self.currentRow() < 0:
            self.setCurrentRow(0)

    def question(self, row: int) -> Question:
        found: Question = self.item(row).data(QuestionRole)
        return found

    def _activate(self, item: QListWidgetItem) -> None:
        self.question_activated.emit(item.data(QuestionRole))


class QuestionPoller(QObject):
    """Refreshes the local copy every minute and on demand, on a worker thread; never
    logs in by itself (``refresh(if_connected=True)``), so it never asks a PIN."""

    refreshed = Signal()

    def __init__(self, services: Services, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.services = services
        self._busy = False
        self.timer = QTimer(self)
        self.timer.setInterval(POLL_MS)
        self.timer.timeout.connect(self.poll)
        self.timer.start()

    def poll(self) -> None:
        if self._busy:
            return
        self._busy = True
        workers.start(
            lambda _p: self.services.questions.refresh(if_connected=True),
            done=self._done,
            failed=lambda _exc: self._idle(),  # informative only: the copy stays as it was
        )

    def _idle(self) -> None:
        self._busy = False

    def _done(self, result: object) -> None:
        self._busy = False
        if result is not None:
            self.refreshed.emit()
