"""Issue 13 leftovers: the demo hints (the unlock passphrase, the demo key password)
follow a language switch instead of keeping the language the app started in."""

from __future__ import annotations

from dataclasses import replace
from functools import partial

from PySide6.QtCore import QSettings
from PySide6.QtWidgets import QApplication

from fitnote_desktop.domain import messages
from fitnote_desktop.store import ProfileManager
from fitnote_desktop.ui import i18n
from fitnote_desktop.ui.controller import AppController
from fitnote_desktop.ui.main_window import MainWindow
from fitnote_desktop.ui.pin_dialog import PinDialog
from fitnote_desktop.ui.unlock import UnlockDialog

PASSPHRASE = "demo passphrase shown"
PIN = "demo-pin-shown"


def test_the_pin_dialogs_demo_hint_follows_a_language_switch(
    qtbot, services, languages, tmp_path, monkeypatch
) -> None:
    settings = QSettings(str(tmp_path / "ui.ini"), QSettings.Format.IniFormat)
    window = MainWindow(replace(services, demo=True, demo_pin=PIN), languages, settings=settings)
    qtbot.addWidget(window)
    shown: list[str] = []

    def exec_(dialog: PinDialog) -> int:
        shown.append(dialog.demo.text())
        return 0

    monkeypatch.setattr(PinDialog, "exec", exec_)
    assert window.pin_broker("sign") is None
    window.switch_language("fr")
    assert window.pin_broker("sign") is None
    assert shown == [
        messages.message("app.demo_pin", "en", pin=PIN),
        messages.message("app.demo_pin", "fr", pin=PIN),
    ]


def test_the_unlock_dialogs_demo_hint_follows_a_language_switch(
    qtbot, languages, tmp_path, monkeypatch
) -> None:
    controller = AppController(
        manager=ProfileManager(tmp_path / "profiles"),
        open_session=lambda _p: None,  # type: ignore[arg-type,return-value]
        languages=languages,
        settings=QSettings(str(tmp_path / "ui.ini"), QSettings.Format.IniFormat),
        demo_hint=partial(i18n.text, "app.demo_passphrase", passphrase=PASSPHRASE),
    )
    shown: list[str] = []

    def exec_(dialog: UnlockDialog) -> int:
        shown.append(dialog.hint.text())
        return 0

    monkeypatch.setattr(UnlockDialog, "exec", exec_)
    monkeypatch.setattr(QApplication, "quit", lambda: None)  # the refused unlock quits
    languages.switch("fr")
    assert not controller.ask_unlock()
    assert shown == [messages.message("app.demo_passphrase", "fr", passphrase=PASSPHRASE)]
