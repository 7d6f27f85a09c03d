"""The main window is built while the unlock dialog's worker derives the key (issue 14),
empty and hidden: it holds no data and starts no poll before the key is verified, a wrong
passphrase keeps it empty for the next try, the right one fills and shows that very
window, and a lock throws it away with its data. Real store, real dialog, real threads."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QSettings, Qt

from fitnote_desktop.domain import samples
from fitnote_desktop.store import KdfParams, PractitionerInfo, ProfileManager, StoreOptions
from fitnote_desktop.ui.controller import AppController
from fitnote_desktop.ui.main_window import MainWindow
from fitnote_desktop.ui.unlock import UnlockDialog
from fitnote_desktop.wiring.session import open_session

PASSPHRASE = "a passphrase for the test"


def _manager_with_a_patient(root: Path) -> ProfileManager:
    manager = ProfileManager(root, StoreOptions(kdf=KdfParams.for_tests()))
    author = samples.practitioner()
    info = PractitionerInfo(author.given_name, author.family_name, author.riziv)
    manager.create("dr", passphrase=PASSPHRASE, practitioner=info)
    session = open_session(manager.open("dr", PASSPHRASE))
    session.services.patients.save(samples.patient())
    session.close()
    return manager


def _try(qtbot, dlg: UnlockDialog, passphrase: str) -> None:  # type: ignore[no-untyped-def]
    qtbot.keyClicks(dlg.passphrase, passphrase)
    qtbot.keyClick(dlg.passphrase, Qt.Key.Key_Return)


def _is_empty(window: MainWindow) -> bool:
    return (
        not window.attached
        and "services" not in vars(window)
        and window.search.model.rowCount() == 0
        and window.worklist.worklist is None
        and window.worklist.model.rowCount() == 0
        and window.page.record is None
        and not window._poll.isActive()
        and window.questions_poll is None
        and window.reminders is None
        and window.who.text() == ""
    )


def test_the_early_window_holds_nothing_until_the_right_passphrase(
    qtbot, languages, tmp_path, monkeypatch
) -> None:
    manager = _manager_with_a_patient(tmp_path / "profiles")
    controller = AppController(
        manager=manager,
        open_session=open_session,
        languages=languages,
        settings=QSettings(str(tmp_path / "ui.ini"), QSettings.Format.IniFormat),
    )
    dlg = UnlockDialog(manager, preselect="dr", prepare=controller.prepare_first_screen)
    qtbot.addWidget(dlg)
    dlg.show()
    try:
        _try(qtbot, dlg, "not the passphrase")
        assert dlg.opened is None
        early = controller._empty_window
        assert early is not None and not early.isVisible() and _is_empty(early)

        _try(qtbot, dlg, PASSPHRASE)
        assert dlg.opened is not None
        assert controller._empty_window is early  # kept for the next try, not built again
        assert _is_empty(early)  # the key is verified, the session not opened yet

        shown = controller.start(dlg.opened)
        assert shown is early and controller._empty_window is None
        assert shown.isVisible() and shown.attached and shown._poll.isActive()
        assert shown.search.model.rowCount() == 1  # the recent patient
        assert shown.reminders is not None and shown.questions_poll is not None
        assert shown.who.text() == samples.practitioner().full_name

        monkeypatch.setattr(controller, "ask_unlock", lambda: True)  # no dialog after the lock
        controller.lock()
        assert controller.window is None and controller.session is None
        controller.prepare_first_screen()  # the next unlock builds a new, empty window
        assert controller._empty_window is not shown and _is_empty(controller._empty_window)
    finally:
        controller.shutdown()
        assert controller._empty_window is None
