"""Consent is recorded per document: a new document may *offer* the last one, never copy it.

The services show the offer ("same as on DATE") and, when the physician confirms,
record it on the new document with a fresh ``recorded_at``; nothing is carried over
silently.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import replace
from datetime import date

from fitnote_desktop.domain.model import Consent, Document


def _given(consent: Consent) -> bool:
    return (
        consent.electronic_sending
        or consent.share_capacities_with_employer
        or consent.episode_sharing
    )


def consent_offer(previous_documents: Iterable[Document]) -> tuple[Consent, date] | None:
    """The most recently recorded consent among ``previous_documents`` and its date.

    The consent is returned without ``recorded_at`` (the confirmation records it anew)
    but with its reference, which a colleague needs to fetch the episode. None when no
    previous document has a recorded consent.
    """
    recorded = [
        (d.consent.recorded_at, d.consent)
        for d in previous_documents
        if d.consent.recorded_at is not None and _given(d.consent)
    ]
    if not recorded:
        return None
    recorded_at, latest = max(recorded, key=lambda pair: pair[0])
    return replace(latest, recorded_at=None), recorded_at.date()
