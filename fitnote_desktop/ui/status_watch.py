"""What the views compare to know that a document's status moved in the store.

The store is the one source of truth for a status: the outbox worker changes it in the
background (queued → accepted, refused, retracted). The main window compares this
snapshot at every poll and, when it differs, tells every view to follow.
"""

from __future__ import annotations

from fitnote_desktop.services import Services

Snapshot = list[tuple[str, str, object]]


def snapshot(services: Services, patient_id: str | None) -> Snapshot | None:
    """The outbox items and the patient's documents with their status. Both count: the
    outbox item and the document row are updated one after the other. None when the
    store cannot say (locked or closing): a status is informative only."""
    try:
        seen: Snapshot = list(services.outbox.statuses())
        if patient_id is not None:
            seen += [
                (r.id, r.status, r.last_error) for r in services.drafts.for_patient(patient_id)
            ]
    except Exception:
        return None
    return seen
