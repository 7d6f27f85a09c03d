"""PySide6's import hook records every module with PySide's default feature selection,
without reading its source (``fitnote_desktop.ui.pyside_feature``, issue 14)."""

from __future__ import annotations

import json
import os
import re
import subprocess
import sys
from pathlib import Path

import fitnote_desktop.ui  # noqa: F401 - installs the replacement
from fitnote_desktop.ui.pyside_feature import install, uses_pyside

ROOT = Path(__file__).resolve().parents[2]
FEATURE_IMPORT = re.compile(r"^\s*(from\s+__feature__\s+import|import\s+__feature__)", re.M)


def test_the_hook_of_this_pyside_is_replaced() -> None:
    feature = sys.modules["shibokensupport.feature"]
    assert install()
    assert feature._mod_uses_pyside is uses_pyside


def test_no_module_of_the_app_selects_a_pyside_feature() -> None:
    """The replaced verdict relies on it: with no selection anywhere, every module sees
    PySide's default (camelCase names, no true properties) whatever verdict is recorded."""
    sources = list((ROOT / "fitnote_desktop").rglob("*.py"))
    assert len(sources) > 100
    selecting = [str(p) for p in sources if FEATURE_IMPORT.search(p.read_text("utf-8"))]
    assert selecting == []


CHILD = """
import json, linecache, sys
import fitnote_desktop.ui
from PySide6.QtWidgets import QApplication, QLabel
from fitnote_desktop.ui.widgets import ChoiceBox
from email.message import EmailMessage
import sqlalchemy
feature = sys.modules["shibokensupport.feature"]
verdicts = {n: feature.pyside_feature_dict.get(n) for n in
            ("fitnote_desktop.ui.widgets", "sqlalchemy", "email.message")}
files = [m.__file__ for m in (sys.modules["fitnote_desktop.ui.widgets"],
                              sys.modules["email.message"], sys.modules["sqlalchemy.sql.compiler"])]
app = QApplication([])
label = QLabel()
names = [hasattr(label, "setText"), hasattr(label, "set_text")]
print(json.dumps([verdicts, [f for f in files if f in linecache.cache], names]))
"""


def test_imports_after_pyside_get_the_default_selection_without_reading_source() -> None:
    env = {**os.environ, "PYTHONPATH": str(ROOT), "QT_QPA_PLATFORM": "offscreen"}
    out = subprocess.run(
        [sys.executable, "-c", CHILD], capture_output=True, text=True, env=env, check=True
    ).stdout
    verdicts, cached, names = json.loads(out.strip().splitlines()[-1])
    # 0: PySide's default selection ("no feature"), for every module imported after it
    assert verdicts == {"fitnote_desktop.ui.widgets": 0, "sqlalchemy": 0, "email.message": 0}
    assert cached == []
    assert names == [True, False]  # Qt's own names, as without any feature
