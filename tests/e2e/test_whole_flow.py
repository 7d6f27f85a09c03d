"""Issue 16's whole flow in demo mode, across the two sides, without touching a file.

The desktop app runs as ``--demo`` runs it: the demo profile (SQLCipher), the embedded
sandbox endpoint over TLS, the real ``MainWindow`` through the ``AppController``, offscreen.
The other side is a real headless Chromium (Selenium) on the web desk that the same
sandbox serves, reached through the address the desktop app gives (Help menu, banner).

The demo certificate of the sample patient (sent when the demo is created) is read on the
desk by the advising physician, who asks a question with an answer-by date; the desktop
app refreshes its questions, its worklist shows the question waiting, the physician
answers in the question dialog; the desk then shows the answer.
``FITNOTE_SHOTS_DIR`` set: screenshots of both sides (nl, fr) are saved there.
"""

from __future__ import annotations

import os
from collections.abc import Callable, Iterator
from datetime import date, timedelta
from pathlib import Path
from typing import Any

import pytest
from PySide6.QtCore import QObject, QSettings, Qt, QUrl, Slot
from PySide6.QtGui import QDesktopServices
from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot
from selenium.webdriver.common.by import By
from selenium.webdriver.support import expected_conditions
from selenium.webdriver.support.ui import Select, WebDriverWait
from support.browser import chromium, click_to_next_page, screenshot

import fitnote_desktop.ui  # noqa: F401 - PySide6 guard first
from fitnote_desktop.demo import DEMO_PASSWORD
from fitnote_desktop.demo.pki import read_manifest
from fitnote_desktop.endpoint.desk.routes import PREFIX
from fitnote_desktop.endpoint.texts import page_text
from fitnote_desktop.ui import i18n, style
from fitnote_desktop.ui.controller import AppController
from fitnote_desktop.ui.inbox import InboxDialog
from fitnote_desktop.ui.main_window import MainWindow
from fitnote_desktop.ui.pin_dialog import PinDialog
from fitnote_desktop.ui.question_dialog import QuestionDialog
from fitnote_desktop.wiring.demo import SANDBOX_DIR, DemoSetup, prepare_demo
from fitnote_desktop.wiring.session import DESK_PATH, open_session

pytestmark = pytest.mark.slow

PATIENT = "Émilie Vanderbeke-Dubois"  # the sample patient: her certificate is sent at demo start
QUESTION = "Graag de vermoedelijke datum van werkhervatting aanvullen."
REQUEST = "Request to complete the certificate"
ANSWER = "Werkhervatting vermoedelijk op maandag, halftijds."


@pytest.fixture(scope="module")
def demo(tmp_path_factory: pytest.TempPathFactory) -> Iterator[DemoSetup]:
    setup = prepare_demo(tmp_path_factory.mktemp("whole-flow"))
    yield setup
    setup.endpoint.stop()


@pytest.fixture
def window(qtbot: QtBot, demo: DemoSetup, tmp_path: Path) -> Iterator[MainWindow]:
    """The demo's main window, opened the way ``fitnote-desktop --demo`` opens it."""
    languages = i18n.LanguageManager()
    languages.switch("en")
    controller = AppController(
        manager=demo.manager,
        open_session=lambda p: open_session(p, endpoint=demo.endpoint_config(), demo=True),
        languages=languages,
        settings=QSettings(str(tmp_path / "ui.ini"), QSettings.Format.IniFormat),
    )
    opened = controller.start(demo.manager.open(demo.profile_id, demo.passphrase))
    qtbot.addWidget(opened)
    opened.resize(1280, 800)
    try:
        yield opened
    finally:
        controller.shutdown()
        languages.switch("en")


@pytest.fixture
def browser(demo: DemoSetup, tmp_path: Path) -> Iterator[Any]:
    tls_cert = read_manifest(demo.manager.root / SANDBOX_DIR).tls_cert
    with chromium(tls_cert, tmp_path / "chromium-profile") as driver:
        yield driver


class _Browser(QObject):
    """What the desktop asks the default browser to open (Qt's own URL handler hook)."""

    def __init__(self) -> None:
        super().__init__()
        self.opened: list[str] = []

    @Slot(QUrl)
    def open(self, url: QUrl) -> None:
        self.opened.append(url.toString())


def _desk_address(window: MainWindow) -> str:
    """Help > "Open the web desk…": the address handed to the default browser."""
    act = window.acts.web_desk
    assert act.isVisible() and act in window.acts.menu_help.actions()
    assert act.text() == "Open the web desk of the advising and occupational physicians (demo)"
    assert "warn" in act.statusTip()
    handler = _Browser()
    # PySide6 takes the slot by name as str (its stub says bytes, which it refuses)
    QDesktopServices.setUrlHandler("https", handler, "open")  # type: ignore[arg-type]
    try:
        act.trigger()
    finally:
        QDesktopServices.unsetUrlHandler("https")
    (url,) = handler.opened
    assert url == window.services.demo_desk_url
    assert url.startswith("https://127.0.0.1:") and url.endswith(PREFIX) and PREFIX == DESK_PATH
    banner = window.banner.text()
    assert window.banner.isVisible() and url in banner and "demo certificate" in banner
    return url


def _answer_pins() -> None:
    """The physician types the demo key's password into any PIN dialog that is open."""
    for w in QApplication.topLevelWidgets():
        if isinstance(w, PinDialog) and w.isVisible():
            w.pin.setText(DEMO_PASSWORD)
            w.accept()


def _until(qtbot: QtBot, done: Callable[[], bool], timeout: int = 30000) -> None:
    def check() -> bool:
        _answer_pins()
        return done()

    qtbot.waitUntil(check, timeout=timeout)


def _main(driver: Any) -> str:
    return str(driver.find_element(By.TAG_NAME, "main").text)


def _ask_on_the_desk(driver: Any, url: str, answer_by: date) -> None:
    """The advising physician signs in (demo list), reads the certificate, asks."""
    driver.get(f"{url}?lang=nl")
    click_to_next_page(
        driver, driver.find_element(By.XPATH, "//button[contains(., 'Sophie Lambert')]")
    )
    wait = WebDriverWait(driver, 30)
    wait.until(expected_conditions.presence_of_element_located((By.LINK_TEXT, PATIENT)))
    click_to_next_page(driver, driver.find_element(By.LINK_TEXT, PATIENT))
    wait.until(expected_conditions.presence_of_element_located((By.ID, "question_type")))
    assert "Lumbago met uitstraling naar het linkerbeen" in _main(driver)  # she reads it
    Select(driver.find_element(By.ID, "question_type")).select_by_value("complete_certificate")
    driver.find_element(By.ID, "body").send_keys(QUESTION)
    field = driver.find_element(By.ID, "answer_by")
    driver.execute_script("arguments[0].value = arguments[1]", field, answer_by.isoformat())
    click_to_next_page(driver, driver.find_element(By.CSS_SELECTOR, "form.ask button[type=submit]"))
    page = _main(driver)
    assert QUESTION in page and page_text("desk.qstate.open", "nl") in page


def _refresh_questions(qtbot: QtBot, monkeypatch: pytest.MonkeyPatch, window: MainWindow) -> None:
    """Conversations (Ctrl+Shift+M) fetches the questions (one login, the PIN asked)."""

    def fake_exec(self: InboxDialog) -> int:
        self.show()
        _until(qtbot, self.refresh_button.isEnabled)
        listed = [self.question_list.item(i).text() for i in range(self.question_list.count())]
        assert any(REQUEST in line and PATIENT in line for line in listed), listed
        self.close()
        return 0

    monkeypatch.setattr(InboxDialog, "exec", fake_exec)
    window.acts.inbox.trigger()


def _answer_in_the_dialog(
    qtbot: QtBot, monkeypatch: pytest.MonkeyPatch, window: MainWindow
) -> None:
    def fake_exec(self: QuestionDialog) -> int:
        assert QUESTION in self.body.toPlainText()
        self.show()
        self.activateWindow()
        qtbot.keyClicks(self.answer_box, ANSWER)
        self.answer_button.click()
        _until(qtbot, lambda: not self.isVisible())
        return int(self.result())

    monkeypatch.setattr(QuestionDialog, "exec", fake_exec)
    questions = window.page.question_list
    (row,) = [i for i in range(questions.count()) if questions.question(i).body == QUESTION]
    questions.setFocus()
    questions.setCurrentRow(row)
    qtbot.keyClick(questions, Qt.Key.Key_Return)  # Enter opens the question


def test_a_question_from_the_desk_answered_in_the_desktop_app(
    qtbot: QtBot, monkeypatch: pytest.MonkeyPatch, window: MainWindow, browser: Any
) -> None:
    url = _desk_address(window)
    _desktop_shots(window, "desktop-banner", help_menu=True)
    answer_by = window.services.today() + timedelta(days=7)
    _ask_on_the_desk(browser, url, answer_by)

    _refresh_questions(qtbot, monkeypatch, window)
    window.acts.home.trigger()  # Alt+Home: the worklist, read again
    waiting = window.worklist.actions_list
    lines = [waiting.item(i).text() for i in range(waiting.count())]
    (row,) = [i for i, text in enumerate(lines) if text.startswith("Question waits for your")]
    assert PATIENT in lines[row] and answer_by.strftime("%d/%m/%Y") in lines[row]

    _desktop_shots(window, "worklist-question-waiting")

    waiting.setFocus()
    waiting.setCurrentRow(row)  # the screenshots' language switches rebuilt the list
    qtbot.keyClick(waiting, Qt.Key.Key_Return)  # Enter on the line: the patient's page
    assert window.stack.currentWidget() is window.page
    _answer_in_the_dialog(qtbot, monkeypatch, window)
    assert any(
        "Answered" in window.page.question_list.item(i).text()
        for i in range(window.page.question_list.count())
    )

    browser.refresh()
    page = _main(browser)
    assert ANSWER in page and page_text("desk.qstate.answered", "nl") in page
    _desk_shots(browser)


def _folder() -> Path | None:
    folder = os.environ.get("FITNOTE_SHOTS_DIR")
    if not folder:
        return None
    Path(folder).mkdir(parents=True, exist_ok=True)
    return Path(folder)


def _desktop_shots(window: MainWindow, name: str, *, help_menu: bool = False) -> None:
    """The desktop window (with the demo banner) in nl and fr; the Help menu too."""
    folder = _folder()
    if folder is None:
        return
    window.setStyleSheet(style.STYLE)  # as the app applies it
    for lang in ("nl", "fr"):
        window.languages.switch(lang)
        QApplication.processEvents()  # the new texts laid out
        window.grab().save(str(folder / f"flow-{name}-{lang}.png"))
        if help_menu:
            menu = window.acts.menu_help
            menu.popup(window.mapToGlobal(window.rect().topLeft()))
            menu.grab().save(str(folder / f"flow-help-menu-{lang}.png"))
            menu.hide()
    window.languages.switch("en")


def _desk_shots(browser: Any) -> None:
    if _folder() is None:
        return
    for lang in ("nl", "fr"):
        browser.get(f"{browser.current_url.split('?')[0]}?lang={lang}")
        screenshot(browser, f"flow-desk-answered-{lang}")
