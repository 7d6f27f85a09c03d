"""Use cases of fitnote-desktop: what the UI and the self-check call (no Qt here).

One module per lifecycle verb family over the typed ports of ``services.ports``; the
container :class:`Services` is built by ``fitnote_desktop.wiring``.
"""

from fitnote_desktop.services.container import Services, Session
from fitnote_desktop.services.errors import ServiceError

__all__ = ["ServiceError", "Services", "Session"]
