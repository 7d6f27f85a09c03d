"""Widget tests: real widgets, offscreen, on the real encrypted store of ``tests/conftest.py``."""

from __future__ import annotations

import pytest

import fitnote_desktop.ui  # noqa: F401 - PySide6 guard first
from fitnote_desktop.ui import i18n


@pytest.fixture
def languages(qapp):  # type: ignore[no-untyped-def]
    manager = i18n.LanguageManager()
    manager.switch("en")
    yield manager
    manager.switch("en")
