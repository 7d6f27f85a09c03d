"""Use cases of fitnote-desktop: what the UI and the self-check call (no Qt here)."""

from fitnote_desktop.services.core import Services
from fitnote_desktop.services.errors import ServiceError

__all__ = ["ServiceError", "Services"]
