"""Errors of the encrypted store, each with a stable code from the message catalogue.

The sentences live in ``resources/messages/<lang>.json`` (``domain.messages``), like every
other layer's: the UI and the CLI render ``code`` and ``params`` in the user's language;
``str(exc)`` is the English sentence, for logs and bug reports. Messages are fixed
sentences on purpose: an exception text is the kind of thing that ends up in a log file,
so it never carries a patient's name, a NISS, a payload or key material. ``params`` hold
only identifiers the store generated itself (a patient's internal id, a profile id).
A new code needs its sentence in all four catalogues (``tests/test_message_catalogue.py``).
"""

from __future__ import annotations

from typing import ClassVar

from fitnote_desktop.domain.messages import message


class StoreError(Exception):
    """Base of every error the store raises on purpose; ``code`` is stable across versions.

    ``detail`` is an optional English technical note for the debug log (never shown to
    the physician, never personal data).
    """

    code: ClassVar[str] = "store.error"

    def __init__(self, detail: str | None = None, **params: object) -> None:
        self.detail = detail
        self.params = params
        english = message(self.code, "en", **params)
        super().__init__(f"{english} ({detail})" if detail else english)


# Keys and unlocking ---------------------------------------------------------------------
class WrongPassphraseError(StoreError):
    """The passphrase does not unwrap the key; nothing on disk was changed."""

    code = "store.wrong_passphrase"


class PassphraseRequiredError(StoreError):
    """The profile's key is passphrase-protected and no passphrase was given."""

    code = "store.passphrase_required"


class KeyStorageMismatchError(StoreError):
    """A key operation that does not apply to how this profile keeps its key."""

    code = "store.key_storage_mismatch"


class WeakPassphraseError(StoreError):
    """A new passphrase is too short to resist an offline guessing attack."""

    code = "store.passphrase_too_short"


class KeyMissingError(StoreError):
    """The profile's key is neither in the key file nor in the keyring."""

    code = "store.key_missing"


class KeyInvalidError(StoreError):
    """The key file exists but is not a key file this version understands."""

    code = "store.key_invalid"


class KeyFileDamagedError(KeyInvalidError):
    """The key file changed since it was written (checksum), or is no key file at all.

    Told apart from a wrong passphrase so that nobody retypes a correct passphrase
    against a damaged file; the passphrase was not tried.
    """

    code = "store.key_file_damaged"


class KeyringDeniedError(StoreError):
    """The OS keyring exists but refused access (locked, denied by the user, failed)."""

    code = "store.keyring_denied"


class KeyringUnavailableError(StoreError):
    """There is no usable keyring backend on this system (headless Linux, CI)."""

    code = "store.keyring_unavailable"


# Database -------------------------------------------------------------------------------
class CorruptDatabaseError(StoreError):
    """The database cannot be decrypted or a page fails its integrity check."""

    code = "store.corrupt"


class DiskFullError(StoreError):
    """A write failed for lack of space; the transaction was rolled back."""

    code = "store.disk_full"


class StorageIOError(StoreError):
    """The operating system refused a read or write (permissions, device error)."""

    code = "store.io_error"


class DatabaseBusyError(StoreError):
    """Another process holds the write lock longer than the busy timeout."""

    code = "store.busy"


class DatabaseMissingError(StoreError):
    """The profile directory has no database file (deleted or moved away)."""

    code = "store.database_missing"


class NewerSchemaError(StoreError):
    """The database was written by a newer version of the application."""

    code = "store.newer_schema"


class MigrationError(StoreError):
    """Upgrading the schema failed; the database was rolled back, a backup exists."""

    code = "store.migration_failed"


class ProfileLockedError(StoreError):
    """The profile was locked: its key was dropped and its connections closed."""

    code = "store.locked"


# Profiles -------------------------------------------------------------------------------
class ProfileExistsError(StoreError):
    code = "store.profile_exists"


class ProfileNotFoundError(StoreError):
    code = "store.profile_not_found"


class InvalidProfileIdError(StoreError):
    code = "store.invalid_profile_id"


class ConfirmationRequiredError(StoreError):
    code = "store.confirmation_required"


# Records --------------------------------------------------------------------------------
class RecordNotFoundError(StoreError):
    code = "store.not_found"


class DuplicateRecordError(StoreError):
    code = "store.duplicate"


class PatientExistsError(DuplicateRecordError):
    """The NISS belongs to another patient; ``params["patient_id"]`` names that patient
    (the store's own id, so that the UI can offer to open it)."""

    code = "store.patient_exists"


class DocumentImmutableError(StoreError):
    """A signed document's content cannot change; only its lifecycle status can."""

    code = "store.document_signed"


class InvalidTransitionError(StoreError):
    code = "store.invalid_transition"


class ConflictError(StoreError):
    """Optimistic concurrency: the document changed since the caller last read it."""

    code = "store.conflict"


class AuditChainError(StoreError):
    code = "store.audit_broken"


class AuditAppendOnlyError(StoreError):
    code = "store.audit_append_only"


class ReceiptImmutableError(StoreError):
    code = "store.receipt_immutable"


# Backups --------------------------------------------------------------------------------
class BackupInvalidError(StoreError):
    code = "store.backup_invalid"


class BackupWrongPassphraseError(WrongPassphraseError):
    """Wrong backup passphrase, or a backup header that was altered (AES-GCM cannot tell)."""

    code = "store.backup_wrong_passphrase"
