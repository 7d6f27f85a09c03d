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

The names below are imported on first use (PEP 562): ``from fitnote_desktop.store import
ProfileManager`` loads only what listing profiles needs, not SQLAlchemy and the database
modules, so that the unlock dialog appears before they are imported (issue 14).
"""

from __future__ import annotations

import importlib
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from fitnote_desktop.store.audit import AuditEntry, AuditLog, AuditVerification
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
        AuditAnchor,
        KeyStorage,
        PractitionerInfo,
        ProfileInfo,
        default_root,
    )
    from fitnote_desktop.store.profiles import ProfileManager

# name -> the module of this package that defines it
_EXPORTS: dict[str, str] = {
    "AuditAnchor": "profile_info",
    "AuditEntry": "audit",
    "AuditLog": "audit",
    "AuditVerification": "audit",
    "BackupInfo": "backup",
    "default_root": "profile_info",
    "DocumentRecord": "document_records",
    "DocumentRepository": "documents",
    "DocumentStatus": "documents",
    "DocumentSummary": "document_records",
    "KdfParams": "keys",
    "keyring_available": "keys",
    "KeyStorage": "profile_info",
    "OutboxItem": "outbox",
    "OutboxOperation": "outbox",
    "OutboxRepository": "outbox",
    "OutboxStatus": "outbox",
    "PatientRecord": "patients",
    "PatientRepository": "patients",
    "PractitionerInfo": "profile_info",
    "Profile": "profile",
    "ProfileInfo": "profile_info",
    "ProfileManager": "profiles",
    "read_backup_info": "backup",
    "ReceiptRecord": "outbox",
    "StoreError": "errors",
    "StoreOptions": "options",
    "VersionInfo": "document_records",
    "VersionRecord": "document_records",
}

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


def __getattr__(name: str) -> Any:
    """Import the defining module of an exported name when it is first asked for."""
    module = _EXPORTS.get(name)
    if module is None:
        raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
    value = getattr(importlib.import_module(f"{__name__}.{module}"), name)
    globals()[name] = value
    return value


def __dir__() -> list[str]:
    return sorted(set(globals()) | set(_EXPORTS))
