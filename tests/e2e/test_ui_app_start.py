"""The README's first command, ``fitnote-desktop --demo``, through the real composition root.

Run in a child process: ``run_gui`` owns the application's event loop and quits it,
which must not leak into the other tests' QApplication.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys

import pytest

pytestmark = pytest.mark.slow

CHILD = """
import argparse, json, sys
import fitnote_desktop.ui
from PySide6.QtCore import QSettings, QTimer
from PySide6.QtWidgets import QApplication
from fitnote_desktop.app import run_gui
from fitnote_desktop.ui.main_window import MainWindow

QSettings.setDefaultFormat(QSettings.Format.IniFormat)
QSettings.setPath(QSettings.Format.IniFormat, QSettings.Scope.UserScope, sys.argv[2])
app = QApplication(sys.argv[:1])
seen = {}

def look():
    windows = [w for w in QApplication.topLevelWidgets() if isinstance(w, MainWindow)]
    if windows and windows[0].isVisible():
        w = windows[0]
        first = w.search.model.record(0)
        seen.update(
            banner=w.banner.isVisible(),
            title=w.windowTitle(),
            patients=w.search.model.rowCount(),
            home=w.stack.currentWidget() is w.worklist,
            on_leave=w.worklist.model.rowCount(),
            certificate=w.services.drafts.last_certificate(first.id) is not None,
        )
        w.close()
    else:
        QTimer.singleShot(100, look)

QTimer.singleShot(100, look)
QTimer.singleShot(60_000, QApplication.quit)
code = run_gui(argparse.Namespace(demo=True, profile_dir=sys.argv[1]))
print(json.dumps({"code": code, **seen}))
"""


def test_demo_starts_to_a_main_window_with_banner_and_patients(tmp_path):
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen"}
    out = subprocess.run(
        [sys.executable, "-c", CHILD, str(tmp_path / "demo"), str(tmp_path / "settings")],
        capture_output=True,
        text=True,
        env=env,
        timeout=120,
        check=False,
    )
    assert out.returncode == 0, out.stderr[-2000:]
    seen = json.loads(out.stdout.strip().splitlines()[-1])
    assert seen["code"] == 0
    assert seen["banner"] is True and "DEMO" in seen["title"]
    assert seen["patients"] == 7  # the four demo patients and three on sick leave
    assert seen["home"] is True and seen["on_leave"] == 4  # the worklist is the first screen
    assert seen["certificate"] is True  # "Prolong" works from the first minute
