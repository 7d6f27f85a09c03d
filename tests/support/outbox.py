"""A real SQLCipher profile with signed documents in its outbox, for the sending tests.

The outbox worker is tested against the store's own queue (not an in-memory stand-in),
so its transitions, receipts and document statuses are the ones the app records.
"""

from __future__ import annotations

import uuid
from collections.abc import Sequence
from pathlib import Path

from fitnote_desktop.domain.canonical import canonical_bytes
from fitnote_desktop.domain.model import Document
from fitnote_desktop.store import KdfParams, Profile, ProfileManager, StoreOptions
from support.endpoint import Physician

TEST_PASSPHRASE = "outbox test passphrase, not secret"


def open_test_profile(root: Path, profile_id: str = "dr-test") -> Profile:
    """A real SQLCipher profile (cheap KDF) in ``root``, created on first use."""
    manager = ProfileManager(Path(root), StoreOptions(kdf=KdfParams.for_tests()))
    if not manager.exists(profile_id):
        manager.create(profile_id, passphrase=TEST_PASSPHRASE)
    return manager.open(profile_id, TEST_PASSPHRASE)


def queue_signed(
    profile: Profile,
    physician: Physician,
    documents: Sequence[Document],
    *,
    signatures: Sequence[bytes] | None = None,
) -> list[uuid.UUID]:
    """Store each document as signed (real bytes and CMS) and enqueue it for sending.

    The documents' patient is the first document's (created if the profile lacks it);
    ``signatures`` replaces the physician's real ones (e.g. with tampered CMS).
    """
    first = documents[0].patient
    found = profile.patients.find_by_niss(first.niss)
    patient = found or profile.patients.create(
        given_name=first.given_name, family_name=first.family_name, niss=first.niss
    )
    ids = []
    for i, doc in enumerate(documents):
        payload = canonical_bytes(doc)
        cms = signatures[i] if signatures is not None else physician.sign_bytes(payload)
        profile.documents.create_draft(
            patient_id=patient.id,
            kind=doc.kind.value,
            language=doc.language.value,
            payload=payload,
            id=doc.id,
        )
        profile.documents.mark_signed(doc.id, payload=payload, signature=cms)
        profile.outbox.enqueue(doc.id)
        ids.append(doc.id)
    return ids
