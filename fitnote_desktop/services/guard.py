"""The one question every use case asks before acting on a stored document.

``domain.lifecycle.allowed_actions`` decides what may happen next; the UI offers the
same actions, so a refusal here means a stale window or a script, and it leaves as a
:class:`ServiceError` before anything is changed.
"""

from __future__ import annotations

from fitnote_desktop.domain.lifecycle import Action, allowed_actions
from fitnote_desktop.services.errors import ServiceError
from fitnote_desktop.services.ports import DocumentRecord

NOT_ALLOWED = "lifecycle.not_allowed"


def require(record: DocumentRecord, action: Action, code: str = NOT_ALLOWED) -> None:
    """Raise ``ServiceError(code)`` unless ``action`` is allowed on ``record`` now."""
    if action not in allowed_actions(record.document.kind, record.status):
        raise ServiceError(code)
