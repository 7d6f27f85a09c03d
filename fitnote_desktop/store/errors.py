"""Errors of the encrypted store, each with a stable code the UI translates.

The UI shows ``tr(code)`` and falls back to the English default kept next to the code in
:data:`MESSAGES`. Messages are fixed strings on purpose: an exception text is the kind
of thing that ends up in a log file or a bug report, so it must never carry a patient's
name, a NISS, a payload or key material. Where context helps (which profile, which
revision), only identifiers the store generated itself are interpolated.
"""

from __future__ import annotations

from typing import ClassVar

MESSAGES: dict[str, str] = {}


def _register(code: str, message: str) -> str:
    MESSAGES[code] = message
    return code


class StoreError(Exception):
    """Base of every error the store raises on purpose; ``code`` is stable across versions."""

    code: ClassVar[str] = _register("store.error", "The local store failed.")

    def __init__(self, message: str | None = None) -> None:
        super().__init__(message or MESSAGES[self.code])

    @property
    def message(self) -> str:
        return str(self.args[0])


# Keys and unlocking ---------------------------------------------------------------------
class WrongPassphraseError(StoreError):
    """The passphrase does not unwrap the key; nothing on disk was changed."""

    code = _register(
        "store.wrong_passphrase",
        "Wrong passphrase. Nothing was changed; try again.",
    )


class PassphraseRequiredError(StoreError):
    """The profile's key is passphrase-protected and no passphrase was given."""

    code = _register("store.passphrase_required", "Enter the passphrase of this profile.")


class KeyStorageMismatchError(StoreError):
    """A key operation that does not apply to how this profile keeps its key."""

    code = _register(
        "store.key_storage_mismatch",
        "This operation does not apply to how this profile's key is kept "
        "(system keyring or passphrase).",
    )


class WeakPassphraseError(StoreError):
    """A new passphrase is too short to resist an offline guessing attack."""

    code = _register(
        "store.passphrase_too_short",
        "The passphrase is too short: use at least 10 characters.",
    )


class KeyMissingError(StoreError):
    """The profile's key is neither in the key file nor in the keyring."""

    code = _register(
        "store.key_missing",
        "The key of this profile is missing (key file or keyring entry not found). "
        "Restore the key file or the profile from a backup.",
    )


class KeyInvalidError(StoreError):
    """The key file exists but is not a key file this version understands."""

    code = _register(
        "store.key_invalid",
        "The key file of this profile is damaged or not recognised.",
    )


class KeyFileDamagedError(KeyInvalidError):
    """The key file changed since it was written (checksum), or is no key file at all.

    Told apart from a wrong passphrase so that nobody retypes a correct passphrase
    against a damaged file; the passphrase was not tried.
    """

    code = _register(
        "store.key_file_damaged",
        "The key file of this profile (key.json) is damaged, so the passphrase could not "
        "be checked. Restore the key file or the whole profile from a backup.",
    )


class KeyringDeniedError(StoreError):
    """The OS keyring exists but refused access (locked, denied by the user, failed)."""

    code = _register(
        "store.keyring_denied",
        "The system keyring refused access to the profile key. Unlock the keyring and try again.",
    )


class KeyringUnavailableError(StoreError):
    """There is no usable keyring backend on this system (headless Linux, CI)."""

    code = _register(
        "store.keyring_unavailable",
        "No system keyring is available here; protect the profile with a passphrase.",
    )


# Database -------------------------------------------------------------------------------
class CorruptDatabaseError(StoreError):
    """The database cannot be decrypted or a page fails its integrity check."""

    code = _register(
        "store.corrupt",
        "The profile database is damaged or cannot be decrypted with this profile's key. "
        "Restore it from a backup.",
    )


class DiskFullError(StoreError):
    """A write failed for lack of space; the transaction was rolled back."""

    code = _register(
        "store.disk_full",
        "The disk is full: the last change was not saved. Free some space and try again; "
        "everything saved before is intact.",
    )


class StorageIOError(StoreError):
    """The operating system refused a read or write (permissions, device error)."""

    code = _register(
        "store.io_error",
        "The profile files could not be read or written (permissions or device error).",
    )


class DatabaseBusyError(StoreError):
    """Another process holds the write lock longer than the busy timeout."""

    code = _register(
        "store.busy",
        "The profile is busy in another window or process; try again.",
    )


class DatabaseMissingError(StoreError):
    """The profile directory has no database file (deleted or moved away)."""

    code = _register(
        "store.database_missing",
        "The database file of this profile is missing. Restore the profile from a backup.",
    )


class NewerSchemaError(StoreError):
    """The database was written by a newer version of the application."""

    code = _register(
        "store.newer_schema",
        "This profile was saved by a newer version of fitnote-desktop. Update the "
        "application to open it; the profile was not changed.",
    )


class MigrationError(StoreError):
    """Upgrading the schema failed; the database was rolled back, a backup exists."""

    code = _register(
        "store.migration_failed",
        "Upgrading the profile database failed. It was left unchanged and a backup was "
        "kept in the profile's backups folder.",
    )


class ProfileLockedError(StoreError):
    """The profile was locked: its key was dropped and its connections closed."""

    code = _register("store.locked", "The profile is locked; unlock it first.")


# Profiles -------------------------------------------------------------------------------
class ProfileExistsError(StoreError):
    code = _register("store.profile_exists", "A profile with this name already exists.")


class ProfileNotFoundError(StoreError):
    code = _register("store.profile_not_found", "There is no profile with this name.")


class InvalidProfileIdError(StoreError):
    code = _register(
        "store.invalid_profile_id",
        "A profile name uses lower-case letters, digits, '.', '_' or '-' (at most 64).",
    )


class ConfirmationRequiredError(StoreError):
    code = _register(
        "store.confirmation_required",
        "Deleting a profile must be confirmed by typing its name.",
    )


# Records --------------------------------------------------------------------------------
class RecordNotFoundError(StoreError):
    code = _register("store.not_found", "The requested record does not exist.")


class DuplicateRecordError(StoreError):
    code = _register(
        "store.duplicate", "A record with the same identifier (or NISS) already exists."
    )


class PatientExistsError(DuplicateRecordError):
    code = _register("store.patient_exists", "A patient with this NISS already exists.")


class DocumentImmutableError(StoreError):
    """A signed document's content cannot change; only its lifecycle status can."""

    code = _register(
        "store.document_signed",
        "This document is signed and can no longer be changed. Create a replacement instead.",
    )


class InvalidTransitionError(StoreError):
    code = _register(
        "store.invalid_transition", "This status change is not allowed for the document."
    )


class ConflictError(StoreError):
    """Optimistic concurrency: the document changed since the caller last read it."""

    code = _register(
        "store.conflict",
        "The document was changed elsewhere since it was opened; reload it.",
    )


class AuditChainError(StoreError):
    code = _register(
        "store.audit_broken",
        "The audit log failed verification: an entry was edited, removed or reordered.",
    )


class AuditAppendOnlyError(StoreError):
    code = _register("store.audit_append_only", "Audit entries cannot be changed or removed.")


class ReceiptImmutableError(StoreError):
    code = _register("store.receipt_immutable", "Stored receipts cannot be changed or removed.")


# Backups --------------------------------------------------------------------------------
class BackupInvalidError(StoreError):
    code = _register(
        "store.backup_invalid",
        "This file is not a fitnote-desktop backup, or it is damaged.",
    )


class BackupWrongPassphraseError(WrongPassphraseError):
    """Wrong backup passphrase, or a backup header that was altered (AES-GCM cannot tell)."""

    code = _register(
        "store.backup_wrong_passphrase",
        "Wrong backup passphrase (or the backup file was altered).",
    )


def message_for(code: str) -> str:
    """English default for ``code``; the UI uses it when it has no translation."""
    return MESSAGES.get(code, MESSAGES[StoreError.code])
