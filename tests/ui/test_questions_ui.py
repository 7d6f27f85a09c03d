"""Questions with deadlines in the desktop app, through the real widgets (offscreen), on the
demo stack: encrypted profile, embedded sandbox endpoint over TLS, PKCS#12 demo keys.

The advising physician's question is written into the endpoint's database with the
endpoint's own ``questions.ask``. ``FITNOTE_SHOTS`` set: screenshots (nl, fr) go there.
"""

from __future__ import annotations

import os
from collections.abc import Callable, Iterator
from datetime import date, timedelta
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from support import questions as adviser

from fitnote_desktop.adapters.signer import DeferredPin
from fitnote_desktop.domain.lifecycle import DocumentStatus
from fitnote_desktop.ui import style
from fitnote_desktop.ui.inbox import InboxDialog
from fitnote_desktop.ui.patient_page import PatientPage
from fitnote_desktop.ui.question_dialog import QuestionDialog
from fitnote_desktop.wiring.demo import DEMO_PATIENTS, DemoSetup, demo_pin, prepare_demo
from fitnote_desktop.wiring.session import AppSession, open_session

pytestmark = pytest.mark.slow

SHOTS = os.environ.get("FITNOTE_SHOTS")


@pytest.fixture(scope="module")
def demo(tmp_path_factory: pytest.TempPathFactory) -> Iterator[DemoSetup]:
    setup = prepare_demo(tmp_path_factory.mktemp("questions-demo"))
    yield setup
    setup.endpoint.stop()


@pytest.fixture
def session(demo: DemoSetup) -> Iterator[AppSession]:
    profile = demo.manager.open(demo.profile_id, demo.passphrase)
    opened = open_session(
        profile, pin=DeferredPin(demo_pin), endpoint=demo.endpoint_config(), demo=True
    )
    yield opened
    opened.close()


def _page(qtbot, session: AppSession) -> tuple[PatientPage, str]:  # type: ignore[no-untyped-def]
    services = session.services
    patient = services.patients.search(DEMO_PATIENTS[0].niss)[0]
    (certificate,) = [
        r for r in services.drafts.for_patient(patient.id) if r.status is DocumentStatus.ACCEPTED
    ]
    page = PatientPage(services)
    qtbot.addWidget(page)
    page.setStyleSheet(style.STYLE)
    page.resize(1100, 760)
    page.show()
    page.show_patient(patient)
    return page, certificate.id


def drive(monkeypatch, qtbot, fill: Callable[[QuestionDialog], None]) -> list[QuestionDialog]:  # type: ignore[no-untyped-def]
    """``QuestionDialog.exec`` shows the real dialog, lets ``fill`` work it and waits until
    the dialog's own buttons close it (an answer is sent on a worker thread)."""
    seen: list[QuestionDialog] = []

    def fake_exec(self: QuestionDialog) -> int:
        seen.append(self)
        self.show()
        fill(self)
        qtbot.waitUntil(lambda: not self.isVisible(), timeout=30000)
        return int(self.result())

    monkeypatch.setattr(QuestionDialog, "exec", fake_exec)
    return seen


def test_answer_an_overdue_question_from_the_patient_page(
    qtbot, monkeypatch, languages, session: AppSession, demo: DemoSetup
) -> None:  # type: ignore[no-untyped-def]
    page, certificate = _page(qtbot, session)
    assert not page.question_list.isVisible()  # no question yet
    question = adviser.ask(
        demo,
        certificate,
        question_type="contact",
        answer_by=date.today() - timedelta(days=2),
        asked_days_ago=6,
    )
    session.services.questions.refresh()
    page.show_questions()
    assert page.question_list.isVisible() and page.question_list.count() == 1
    line = page.question_list.item(0).text()
    assert "Contact request" in line and "Advising physician" in line and "Overdue" in line
    assert page.question_list.accessibleName()

    def fill(dialog: QuestionDialog) -> None:
        assert "Overdue" in dialog.facts.text()
        dialog.activateWindow()
        qtbot.waitUntil(dialog.answer_box.hasFocus, timeout=3000)  # ready to type
        qtbot.keyClicks(dialog.answer_box, "Ik bel de patient vandaag nog.")
        qtbot.keyClick(dialog.answer_box, Qt.Key.Key_Tab)  # Tab leaves the text box
        assert dialog.answer_button.hasFocus()
        qtbot.keyClick(dialog.answer_button, Qt.Key.Key_Space)

    opened = drive(monkeypatch, qtbot, lambda dialog: dialog.close_button.click())
    page.question_list.setFocus()
    page.question_list.setCurrentRow(0)
    qtbot.keyClick(page.question_list, Qt.Key.Key_Return)  # Enter opens the question
    assert [d.question.id for d in opened] == [question]
    assert adviser.stored(demo, question).state == "open"  # closed without an answer

    seen = drive(monkeypatch, qtbot, fill)  # typed outside the list's key handler
    page.answer_question(page.question_list.question(0))
    assert len(seen) == 1 and seen[0].answered is not None
    on_endpoint = adviser.stored(demo, question)
    assert (on_endpoint.state, on_endpoint.answer) == ("answered", "Ik bel de patient vandaag nog.")
    assert "Answered" in page.question_list.item(0).text()
    assert "Overdue" not in page.question_list.item(0).text()


def test_complete_with_a_new_certificate_opens_the_replacement(
    qtbot, monkeypatch, languages, session: AppSession, demo: DemoSetup
) -> None:  # type: ignore[no-untyped-def]
    page, certificate = _page(qtbot, session)
    adviser.ask(demo, certificate, body="De diagnose ontbreekt.")
    session.services.questions.refresh()
    page.show_questions()
    opened: list[object] = []
    page.open_requested.connect(opened.append)
    drive(monkeypatch, qtbot, lambda dialog: dialog.complete_button.click())
    page.answer_question(page.question_list.question(page.question_list.count() - 1))
    assert len(opened) == 1
    replacement = opened[0]
    assert replacement.document.replaces == certificate  # type: ignore[attr-defined]
    assert (
        "New certificate on its way"
        in page.question_list.item(page.question_list.count() - 1).text()
    )


@pytest.mark.parametrize("lang", ["nl", "fr"])
def test_the_question_screens_in_dutch_and_french(  # type: ignore[no-untyped-def]
    qtbot, languages, session: AppSession, demo: DemoSetup, lang: str, tmp_path: Path
) -> None:
    """The patient page, the answer dialog and the inbox with an overdue question, in the
    language switched to; their pictures go to FITNOTE_SHOTS when it names a folder."""
    folder = Path(str(SHOTS)) if SHOTS else tmp_path
    folder.mkdir(parents=True, exist_ok=True)
    languages.switch(lang)
    page, certificate = _page(qtbot, session)
    adviser.ask(
        demo,
        certificate,
        question_type="complete_certificate",
        body="Gelieve de diagnose te verduidelijken en de verwachte duur te motiveren.",
        answer_by=date.today() - timedelta(days=1),
        asked_days_ago=8,
    )
    adviser.ask(demo, certificate, question_type="work_capacity", role="occupational")
    session.services.questions.refresh()
    page.show_questions()
    qtbot.wait(50)
    page.grab().save(str(folder / f"questions-patient-page-{lang}.png"))
    today = session.services.questions.today()
    question = next(q for q in session.services.questions.cached() if q.is_overdue(today))
    dialog = QuestionDialog(session.services, question, page)
    qtbot.addWidget(dialog)
    dialog.setStyleSheet(style.STYLE)
    dialog.show()
    qtbot.wait(50)
    dialog.grab().save(str(folder / f"questions-dialog-{lang}.png"))
    overdue = {"nl": "Termijn verstreken", "fr": "Délai dépassé"}[lang]
    assert overdue in dialog.facts.text()
    dialog.close()
    inbox = InboxDialog(session.services, page)
    qtbot.addWidget(inbox)
    inbox.setStyleSheet(style.STYLE)
    inbox.show()
    qtbot.waitUntil(lambda: inbox.refresh_button.isEnabled(), timeout=30000)
    inbox.grab().save(str(folder / f"questions-inbox-{lang}.png"))
    inbox.close()
    for name in ("patient-page", "dialog", "inbox"):
        assert (folder / f"questions-{name}-{lang}.png").stat().st_size > 1000
