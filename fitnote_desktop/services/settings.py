"""The profile's settings (signer, endpoint): read now, applied at the next unlock."""

from __future__ import annotations

from fitnote_desktop.services.errors import ServiceError, translating
from fitnote_desktop.services.ports import Profile, SettingsWriter


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
