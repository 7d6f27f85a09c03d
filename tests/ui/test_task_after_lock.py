"""A task's result never reaches the window once its session is closed: a result the
worker emitted just before a lock (or the app's shutdown) is still queued for the UI
thread when the session closes, and a slot that received it would use the closed store.
Real store, real session, real window, real worker threads."""

from __future__ import annotations

import logging
from pathlib import Path

import pytest
from PySide6.QtCore import QSettings

from fitnote_desktop.domain import samples
from fitnote_desktop.store import KdfParams, PractitionerInfo, ProfileManager, StoreOptions
from fitnote_desktop.ui import workers
from fitnote_desktop.ui.controller import AppController
from fitnote_desktop.wiring.session import open_session

PASSPHRASE = "a passphrase for the test"
RESULT = "a result that names nothing"


def _controller(tmp_path: Path, languages) -> tuple[AppController, ProfileManager]:  # type: ignore[no-untyped-def]
    manager = ProfileManager(tmp_path / "profiles", StoreOptions(kdf=KdfParams.for_tests()))
    author = samples.practitioner()
    info = PractitionerInfo(author.given_name, author.family_name, author.riziv)
    manager.create("dr", passphrase=PASSPHRASE, practitioner=info)
    controller = AppController(
        manager=manager,
        open_session=open_session,
        languages=languages,
        settings=QSettings(str(tmp_path / "ui.ini"), QSettings.Format.IniFormat),
    )
    return controller, manager


@pytest.mark.parametrize("closing", ["lock", "shutdown"])
def test_a_result_queued_when_the_session_closes_never_reaches_the_window(
    qtbot, languages, tmp_path, monkeypatch, caplog, closing
) -> None:  # type: ignore[no-untyped-def]
    controller, manager = _controller(tmp_path, languages)
    monkeypatch.setattr(controller, "ask_unlock", lambda: True)  # no dialog after the lock
    window = controller.start(manager.open("dr", PASSPHRASE))  # the lock deletes it
    reached: list[object] = []

    def shown(outcome: object) -> None:  # a window's slot: it reads the session's store
        reached.append(outcome)
        window.worklist.refresh()

    try:
        workers.start(lambda _p: RESULT, done=shown, failed=shown)

        def refused(_p: object) -> None:
            raise ValueError("refused")

        workers.start(refused, done=shown, failed=shown)
        assert workers.wait_idle()  # both finished: their outcomes wait in the UI queue
        caplog.set_level(logging.DEBUG, logger="fitnote_desktop.ui.workers")
        getattr(controller, closing)()
        assert controller.session is None
        qtbot.wait(100)  # every queued call is delivered now
        assert reached == []
        assert "dropped" in caplog.text and RESULT not in caplog.text
        assert "refused" not in caplog.text  # the exception's message is data too
    finally:
        left = controller.window  # still there after a shutdown: the app quits next
        controller.shutdown()
        if left is not None:
            left.deleteLater()


def test_the_next_session_gets_its_results(qtbot, languages, tmp_path, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    controller, manager = _controller(tmp_path, languages)
    monkeypatch.setattr(controller, "ask_unlock", lambda: True)
    controller.start(manager.open("dr", PASSPHRASE))
    controller.lock()
    second = controller.start(manager.open("dr", PASSPHRASE))
    reached: list[object] = []
    try:
        workers.start(lambda _p: RESULT, done=reached.append, failed=reached.append)
        qtbot.waitUntil(lambda: reached == [RESULT])
    finally:
        controller.shutdown()
        second.deleteLater()


def test_a_result_for_a_dialog_deleted_meanwhile_is_dropped(qtbot) -> None:  # type: ignore[no-untyped-def]
    """A dialog closed (and deleted) while its task runs: the result is not handed to the
    deleted dialog's slot, which would raise on its first Qt call (pytest-qt fails a test
    on an exception raised in a slot)."""
    import threading

    import shiboken6
    from PySide6.QtWidgets import QDialog

    class Asking(QDialog):
        def shown(self, result: str) -> None:
            self.setWindowTitle(result)

    dialog = Asking()
    release = threading.Event()
    workers.start(lambda _p: RESULT if release.wait(10) else "", done=dialog.shown, failed=print)
    shiboken6.delete(dialog)
    release.set()
    assert workers.wait_idle(10_000)
    qtbot.wait(100)  # the queued result is delivered (and dropped) here
    assert not workers._RUNNING  # delivered, not kept
