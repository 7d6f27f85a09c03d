"""The profile's settings (signer, endpoint, worklist): read now, applied at the next unlock."""

from __future__ import annotations

from collections.abc import Mapping
from datetime import time

from fitnote_desktop.services.errors import ServiceError, translating
from fitnote_desktop.services.ports import Profile, SettingsWriter

ENDING_DAYS_KEY = "worklist_ending_days"
ENDING_DAYS_DEFAULT = 3
REMINDER_TIMES_KEY = "reminder_times"
REMINDER_TIMES_DEFAULT = ("08:30", "13:30")


def ending_days(settings: Mapping[str, object]) -> int:
    """How many days ahead a certificate's end puts it in the worklist's "ending" section."""
    value = settings.get(ENDING_DAYS_KEY, ENDING_DAYS_DEFAULT)
    if isinstance(value, bool) or not isinstance(value, int | str):
        return ENDING_DAYS_DEFAULT
    try:
        days = int(value)
    except ValueError:
        return ENDING_DAYS_DEFAULT
    return days if 0 <= days <= 60 else ENDING_DAYS_DEFAULT


def reminder_times(settings: Mapping[str, object]) -> tuple[time, ...]:
    """The times of day of the "needs action" reminders (besides the one at start).

    Stored as ``"HH:MM"`` texts; unreadable entries are skipped. Not set: the default
    times; an empty list: a reminder at start only.
    """
    value = settings.get(REMINDER_TIMES_KEY, REMINDER_TIMES_DEFAULT)
    texts = value if isinstance(value, list | tuple) else REMINDER_TIMES_DEFAULT
    out = []
    for text in texts:
        try:
            out.append(time.fromisoformat(str(text)))
        except ValueError:
            continue
    return tuple(sorted(set(out)))


class Settings:
    """``writer`` is None for a read-only profile (``settings.read_only``)."""

    def __init__(self, *, profile: Profile, writer: SettingsWriter | None) -> None:
        self._profile = profile
        self._writer = writer

    def read(self) -> dict[str, object]:
        return dict(self._profile.settings)

    def update(self, **values: object) -> None:
        """Store profile settings; each one is written before the next is tried."""
        if self._writer is None:
            raise ServiceError("settings.read_only")
        for key, value in values.items():
            with translating("store.error"):
                self._writer(key, value)
            self._profile.settings[key] = value
