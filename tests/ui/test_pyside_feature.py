"""PySide6's import hook gives the same "uses PySide" verdicts without filling linecache
(``fitnote_desktop.ui.pyside_feature``, issue 14)."""

from __future__ import annotations

import inspect
import json
import os
import subprocess
import sys
from pathlib import Path
from types import ModuleType

import fitnote_desktop.ui  # noqa: F401 - installs the replacement
from fitnote_desktop.ui.pyside_feature import install, uses_pyside

ROOT = Path(__file__).resolve().parents[2]


def _pyside_verdict(module: ModuleType) -> bool:
    """The check PySide6 6.12 makes (``shibokensupport.feature._mod_uses_pyside``)."""
    try:
        source = inspect.getsource(module)
    except (TypeError, OSError, SyntaxError):
        return False
    return "PySide6" in source


def test_the_hook_of_this_pyside_is_replaced() -> None:
    feature = sys.modules["shibokensupport.feature"]
    assert install()
    assert feature._mod_uses_pyside is uses_pyside


def test_the_verdicts_equal_pysides_on_every_loaded_module() -> None:
    modules = [m for m in list(sys.modules.values()) if isinstance(m, ModuleType)]
    assert len(modules) > 300
    differ = [m.__name__ for m in modules if uses_pyside(m) != _pyside_verdict(m)]
    assert differ == []
    assert uses_pyside(sys.modules["fitnote_desktop.ui.pyside_feature"])
    assert not uses_pyside(json)


CHILD = """
import json, linecache, sys
import fitnote_desktop.ui
from PySide6.QtWidgets import QApplication
# the hook records the module that each import statement returns
from fitnote_desktop.ui.widgets import ChoiceBox
from email.message import EmailMessage
import sqlalchemy
feature = sys.modules["shibokensupport.feature"]
verdicts = {n: feature.pyside_feature_dict.get(n) for n in
            ("fitnote_desktop.ui.widgets", "sqlalchemy", "email.message")}
files = [m.__file__ for m in (sys.modules["fitnote_desktop.ui.widgets"],
                              sys.modules["email.message"], sys.modules["sqlalchemy.sql.compiler"])]
print(json.dumps([verdicts, [f for f in files if f in linecache.cache]]))
"""


def test_imports_after_pyside_leave_their_source_out_of_linecache() -> None:
    env = {**os.environ, "PYTHONPATH": str(ROOT), "QT_QPA_PLATFORM": "offscreen"}
    out = subprocess.run(
        [sys.executable, "-c", CHILD], capture_output=True, text=True, env=env, check=True
    ).stdout
    verdicts, cached = json.loads(out.strip().splitlines()[-1])
    # 0: a module that uses PySide (features apply), -1: PySide ignores it
    assert verdicts == {"fitnote_desktop.ui.widgets": 0, "sqlalchemy": -1, "email.message": -1}
    assert cached == []
