"""Encrypted local store: one SQLCipher database per physician profile.

Typical use from the composition root::

    from fitnote_desktop.store import ProfileManager

    profiles = ProfileManager()                      # or ProfileManager(args.profile_dir)
    info = profiles.get("dr-peeters")
    profile = profiles.open(info.id, passphrase=ask() if info.needs_passphrase else None)
    profile.patients.search("vanderbeke")
    profile.documents.autosave(doc_id, canonical_bytes)
    profile.lock()

Every failure the user can act on is a :class:`StoreError` with a stable ``code``
(``store.wrong_passphrase``, ``store.disk_full``, ...) and an English default message;
see ``errors.py``. Nothing here logs or raises with patient data or key material.
"""

from fitnote_desktop.store.audit import AuditAnchor, AuditEntry, AuditLog, AuditVerification
from fitnote_desktop.store.backup import BackupInfo, read_backup_info
from fitnote_desktop.store.document_records import (
    DocumentRecord,
    DocumentSummary,
    VersionInfo,
    VersionRecord,
)
from fitnote_desktop.store.documents import DocumentRepository, DocumentStatus
from fitnote_desktop.store.errors import StoreError
from fitnote_desktop.store.keys import KdfParams, keyring_available
from fitnote_desktop.store.options import StoreOptions
from fitnote_desktop.store.outbox import (
    OutboxItem,
    OutboxOperation,
    OutboxRepository,
    OutboxStatus,
    ReceiptRecord,
)
from fitnote_desktop.store.patients import PatientRecord, PatientRepository
from fitnote_desktop.store.profile import Profile
from fitnote_desktop.store.profile_info import (
    KeyStorage,
    PractitionerInfo,
    ProfileInfo,
    default_root,
)
from fitnote_desktop.store.profiles import ProfileManager

__all__ = [
    "AuditAnchor",
    "AuditEntry",
    "AuditLog",
    "AuditVerification",
    "BackupInfo",
    "DocumentRecord",
    "DocumentRepository",
    "DocumentStatus",
    "DocumentSummary",
    "KdfParams",
    "KeyStorage",
    "OutboxItem",
    "OutboxOperation",
    "OutboxRepository",
    "OutboxStatus",
    "PatientRecord",
    "PatientRepository",
    "PractitionerInfo",
    "Profile",
    "ProfileInfo",
    "ProfileManager",
    "ReceiptRecord",
    "StoreError",
    "StoreOptions",
    "VersionInfo",
    "VersionRecord",
    "default_root",
    "keyring_available",
    "read_backup_info",
]
