"""The README's first command, ``fitnote-desktop --demo``, through the real composition root."""

from __future__ import annotations

import argparse

import pytest
from PySide6.QtCore import QSettings, QTimer
from PySide6.QtWidgets import QApplication

import fitnote_desktop.ui  # noqa: F401 - PySide6 guard first
from fitnote_desktop.app import run_gui
from fitnote_desktop.ui.main_window import MainWindow

pytestmark = pytest.mark.slow


def test_demo_starts_to_a_main_window_with_banner_and_patients(qapp, tmp_path):
    seen: dict[str, object] = {}

    def look() -> None:
        windows = [w for w in QApplication.topLevelWidgets() if isinstance(w, MainWindow)]
        if windows and windows[0].isVisible():
            w = windows[0]
            seen["banner"] = w.banner.isVisible()
            seen["patients"] = w.search.model.rowCount()
            seen["demo"] = w.services.demo
            seen["certificate"] = w.services.last_certificate(w.search.model.record(0).id)
            w.close()
            QApplication.quit()
        else:
            QTimer.singleShot(100, look)

    # window geometry and UI language go to a throw-away settings file, not the user's
    QSettings.setDefaultFormat(QSettings.Format.IniFormat)
    QSettings.setPath(QSettings.Format.IniFormat, QSettings.Scope.UserScope, str(tmp_path))
    QTimer.singleShot(100, look)
    QTimer.singleShot(60_000, QApplication.quit)  # never hang the suite
    args = argparse.Namespace(demo=True, profile_dir=str(tmp_path / "demo"))
    assert run_gui(args) == 0
    assert seen["banner"] is True and seen["demo"] is True
    assert seen["patients"] == 4
    assert seen["certificate"] is not None  # "Prolong" works from the first minute
    i18n_reset()


def i18n_reset() -> None:
    from fitnote_desktop.ui import i18n

    i18n.LanguageManager().switch("en")
    QApplication.instance().setStyleSheet("")
