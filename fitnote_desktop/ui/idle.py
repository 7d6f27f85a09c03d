"""The idle time before the app locks, as saved in QSettings.

Apart from the settings dialog (:mod:`.settings`) because the app's controller reads it
before the unlock dialog appears, and the settings dialog imports the services: those are
imported while the profile key is derived, not before the dialog (issue 14).
"""

from __future__ import annotations

from PySide6.QtCore import QSettings

IDLE_MINUTES_KEY = "security/idle_minutes"
DEFAULT_IDLE_MINUTES = 10


def saved_idle_minutes(settings: QSettings) -> int:
    """The saved idle time before locking; QSettings may hand it back as text."""
    value = settings.value(IDLE_MINUTES_KEY, DEFAULT_IDLE_MINUTES)
    return int(value) if isinstance(value, int | str) else DEFAULT_IDLE_MINUTES
