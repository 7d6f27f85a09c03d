"""Physician profiles: create, list, open (unlock), delete, re-protect the key, restore.

One profile is one directory::

    <root>/<profile-id>/
        profile.json     plaintext metadata: id, label, key storage, key id, audit anchor
        key.json         the passphrase-wrapped database key (passphrase profiles only)
        fitnote.db       SQLCipher database (+ -wal/-shm while open)
        backups/         encrypted pre-migration copies (same key as the profile)

``<root>`` is ``platformdirs.user_data_dir("fitnote-desktop")/profiles`` unless given.
``profile.json`` holds nothing medical — the label is chosen by the physician and is what
the profile chooser shows before unlocking; the physician's identity and settings live in
the encrypted database.

Opening a profile (:meth:`ProfileManager.open`): load the key (keyring or passphrase) ->
connect -> read the schema revision -> at head: done; older: encrypted backup into
``backups/`` then upgrade in one transaction; unknown: refuse (``store.newer_schema``)
without writing -> audit "profile.unlocked". Locking audits, records the audit anchor,
closes every connection and wipes the key (the unlocked :class:`Profile` is in ``profile.py``,
the on-disk ``profile.json`` description in ``profile_info.py``).

Listing profiles and reading their ``profile.json`` need neither SQLAlchemy nor SQLCipher:
the unlock dialog lists the profiles before those are imported (start-up, issue 14). The
database modules are imported by the methods that open a database.
"""

from __future__ import annotations

import builtins
import contextlib
import logging
import secrets
import shutil
import uuid
from collections.abc import Callable, Mapping, Sequence
from dataclasses import replace
from pathlib import Path
from typing import TYPE_CHECKING, Any

from fitnote_desktop.store.errors import (
    ConfirmationRequiredError,
    CorruptDatabaseError,
    DatabaseMissingError,
    KeyringUnavailableError,
    KeyStorageMismatchError,
    MigrationError,
    NewerSchemaError,
    PassphraseRequiredError,
    ProfileExistsError,
    ProfileNotFoundError,
    StoreError,
)
from fitnote_desktop.store.fileio import (
    fsync_directory,
    private_mkdir,
    translate_os_error,
)
from fitnote_desktop.store.keys import (
    ProfileKey,
    check_new_passphrase,
    keyring_available,
)
from fitnote_desktop.store.options import StoreOptions
from fitnote_desktop.store.profile_info import (
    AuditAnchor,
    KeyStorage,
    PractitionerInfo,
    ProfileInfo,
    default_root,
    validate_profile_id,
)

if TYPE_CHECKING:
    from fitnote_desktop.store.engine import Database
    from fitnote_desktop.store.profile import Profile

log = logging.getLogger(__name__)


class ProfileManager:
    """All profiles under one root directory."""

    def __init__(self, root: Path | str | None = None, options: StoreOptions | None = None):
        self.root = Path(root) if root is not None else default_root()
        self.options = options or StoreOptions()

    # listing -----------------------------------------------------------------------------
    def list(self) -> builtins.list[ProfileInfo]:
        if not self.root.is_dir():
            return []
        found = []
        for child in sorted(self.root.iterdir()):
            if child.name.startswith(".") or not child.is_dir():
                continue
            try:
                found.append(ProfileInfo.read(child))
            except StoreError:
                log.warning("skipping %s: not a readable profile", child.name)
        return found

    def get(self, profile_id: str) -> ProfileInfo:
        path = self.root / validate_profile_id(profile_id)
        if not path.is_dir():
            raise ProfileNotFoundError()
        return ProfileInfo.read(path)

    def exists(self, profile_id: str) -> bool:
        return (self.root / validate_profile_id(profile_id)).is_dir()

    # creation ----------------------------------------------------------------------------
    def create(
        self,
        profile_id: str,
        *,
        label: str | None = None,
        passphrase: str | None = None,
        use_keyring: bool = False,
        practitioner: PractitionerInfo | None = None,
        schema_revision: str = "head",
    ) -> ProfileInfo:
        """Create a profile protected by ``passphrase`` or, with ``use_keyring``, the keyring.

        ``schema_revision`` exists for tests of migrations (build an older database).
        """
        from fitnote_desktop.store import migrations
        from fitnote_desktop.store.audit import AuditLog
        from fitnote_desktop.store.profile import audit_actor, write_practitioner

        storage = self._check_new_profile(profile_id, passphrase, use_keyring)
        clock = self.options.clock

        def fill(db: Database) -> None:
            with db.write() as conn:
                migrations.upgrade(conn, schema_revision)
                if practitioner is not None:
                    write_practitioner(conn, practitioner, clock())
                AuditLog(db, clock, audit_actor(profile_id, practitioner)).append(
                    conn, "profile.created", detail={"key_storage": storage.value}
                )

        return self._build_profile(
            profile_id,
            label=label if label is not None else profile_id,
            storage=storage,
            passphrase=passphrase,
            fill=fill,
        )

    def restore(
        self,
        backup_path: Path | str,
        backup_passphrase: str,
        profile_id: str,
        *,
        label: str | None = None,
        passphrase: str | None = None,
        use_keyring: bool = False,
    ) -> ProfileInfo:
        """Create a new profile from a backup file, under a new key of its own."""
        from fitnote_desktop.store import migrations
        from fitnote_desktop.store.audit import AuditLog
        from fitnote_desktop.store.backup import read_backup_info, restore_database
        from fitnote_desktop.store.profile import audit_actor

        storage = self._check_new_profile(profile_id, passphrase, use_keyring)
        backup = read_backup_info(Path(backup_path))
        if backup.schema_revision not in migrations.known_revisions():
            raise NewerSchemaError()

        def decrypt_backup(target: Path, key: ProfileKey) -> None:
            restore_database(Path(backup_path), backup_passphrase, target, key, self.options)

        def fill(db: Database) -> None:
            AuditLog(db, self.options.clock, audit_actor(profile_id, None)).record(
                "profile.restored",
                detail={"from_profile": backup.profile_id, "revision": backup.schema_revision},
            )

        return self._build_profile(
            profile_id,
            label=label if label is not None else (backup.label or profile_id),
            storage=storage,
            passphrase=passphrase,
            fill=fill,
            source=decrypt_backup,
            audit_anchor=AuditAnchor.from_json(backup.audit_head),
        )

    # unlocking ---------------------------------------------------------------------------
    def load_key(self, profile_id: str, passphrase: str | None = None) -> ProfileKey:
        """The raw key of a profile: from the keyring, or unwrapped with the passphrase."""
        info = self.get(profile_id)
        return self._load_key(info, passphrase)

    def open(self, profile_id: str, passphrase: str | None = None) -> Profile:
        """Unlock a profile (see the module docstring for the sequence)."""
        return self.open_with_key(profile_id, self.load_key(profile_id, passphrase))

    def open_with_key(self, profile_id: str, key: ProfileKey) -> Profile:
        """Open a profile with its key from :meth:`load_key`; the profile owns the key from
        here on (it is wiped when the profile locks, or at once should opening fail).

        The two halves exist for the unlock dialog: the key's derivation (scrypt, most of
        the unlock) runs on a worker thread and needs nothing but ``keys.py``; SQLAlchemy
        and the database are imported and opened here, on the thread that imports the
        first screen, so that no two threads import the same modules at once.
        """
        from fitnote_desktop.store import migrations
        from fitnote_desktop.store.engine import Database
        from fitnote_desktop.store.profile import Profile

        try:
            info = self.get(profile_id)
        except BaseException:
            key.wipe()
            raise
        if not info.db_path.is_file():
            key.wipe()
            raise DatabaseMissingError()
        db = Database(info.db_path, key, self.options)
        try:
            with db.read() as conn:
                revision = migrations.current_revision(conn)
            migrated_from = None
            backup_path = None
            if revision != migrations.HEAD:
                if revision is None:
                    raise CorruptDatabaseError()
                if revision not in migrations.known_revisions():
                    raise NewerSchemaError()
                backup_path = self._pre_migration_backup(info, db, revision)
                self._migrate(db, revision)
                migrated_from = revision
            profile = Profile(
                self.options, info, db, migrated_from=migrated_from, migration_backup=backup_path
            )
            profile.audit.record("profile.unlocked")
        except BaseException:
            db.close()
            raise
        return profile

    # key protection ----------------------------------------------------------------------
    def change_passphrase(self, profile_id: str, old: str, new: str) -> None:
        """Re-wrap the key under a new passphrase; the database is not touched."""
        info = self.get(profile_id)
        if info.key_storage is not KeyStorage.PASSPHRASE:
            raise KeyStorageMismatchError()
        check_new_passphrase(new)
        key = info.key_file.read(old)
        try:
            info.key_file.write(key, new, self.options.kdf)
            self._audit_event(info, key, "profile.passphrase_changed")
        finally:
            key.wipe()

    def use_keyring(self, profile_id: str, passphrase: str) -> None:
        """Move the key from the passphrase-wrapped key file into the OS keyring."""
        info = self.get(profile_id)
        if info.key_storage is not KeyStorage.PASSPHRASE:
            raise KeyStorageMismatchError()
        if not keyring_available():
            raise KeyringUnavailableError()
        key = info.key_file.read(passphrase)
        try:
            info.keyring_entry.store(key)
            replace(info, key_storage=KeyStorage.KEYRING).write()
            info.key_file.delete()
            self._audit_event(info, key, "profile.key_moved", {"to": "keyring"})
        finally:
            key.wipe()

    def use_passphrase(self, profile_id: str, new_passphrase: str) -> None:
        """Move the key from the OS keyring into a key file wrapped by ``new_passphrase``."""
        info = self.get(profile_id)
        if info.key_storage is not KeyStorage.KEYRING:
            raise KeyStorageMismatchError()
        check_new_passphrase(new_passphrase)
        key = info.keyring_entry.load()
        try:
            info.key_file.write(key, new_passphrase, self.options.kdf)
            replace(info, key_storage=KeyStorage.PASSPHRASE).write()
            try:
                info.keyring_entry.delete()
            except StoreError:
                log.warning("profile %s: old keyring entry could not be removed", info.id)
            self._audit_event(info, key, "profile.key_moved", {"to": "passphrase"})
        finally:
            key.wipe()

    # deletion ----------------------------------------------------------------------------
    def delete(self, profile_id: str, *, confirm: str) -> None:
        """Delete a profile for good; ``confirm`` must repeat the profile id.

        The directory is first renamed to a hidden name (it leaves the list at once,
        atomically), then the keyring entry and the files are removed. Without its key
        the encrypted database is unreadable even if blocks survive on an SSD.
        """
        info = self.get(profile_id)
        if confirm != profile_id:
            raise ConfirmationRequiredError()
        trash = self.root / f".deleting-{profile_id}-{secrets.token_hex(4)}"
        try:
            info.path.rename(trash)
            fsync_directory(self.root)
        except OSError as exc:
            raise translate_os_error(exc) from exc
        if info.key_storage is KeyStorage.KEYRING:
            try:
                info.keyring_entry.delete()
            except StoreError:
                log.warning("profile %s: keyring entry could not be removed", profile_id)
        shutil.rmtree(trash, ignore_errors=True)

    # internals ---------------------------------------------------------------------------
    def _check_new_profile(
        self, profile_id: str, passphrase: str | None, use_keyring: bool
    ) -> KeyStorage:
        """Before building a profile: a valid, unused id and a usable key storage."""
        validate_profile_id(profile_id)
        storage = self._choose_storage(passphrase, use_keyring)
        if self.exists(profile_id):
            raise ProfileExistsError()
        return storage

    def _build_profile(
        self,
        profile_id: str,
        *,
        label: str,
        storage: KeyStorage,
        passphrase: str | None,
        fill: Callable[[Database], None],
        source: Callable[[Path, ProfileKey], None] | None = None,
        audit_anchor: AuditAnchor | None = None,
    ) -> ProfileInfo:
        """What creating and restoring share: a new profile under a new key.

        Built in a hidden temporary directory and renamed into place, so a crash never
        leaves a half-made profile in the list; on any error the directory and a keyring
        entry already stored are removed. ``source`` writes the database file first (a
        backup's contents), ``fill`` then writes into the open database; the key is stored
        (key file or keyring) once the database is complete.
        """
        from fitnote_desktop.store.engine import Database

        private_mkdir(self.root)
        work = self.root / f".building-{profile_id}-{secrets.token_hex(4)}"
        private_mkdir(work)
        key = ProfileKey.generate()
        info = ProfileInfo(
            id=profile_id,
            label=label,
            path=work,
            key_storage=storage,
            key_id=str(uuid.uuid4()),
            created_at=self.options.clock(),
            audit_anchor=audit_anchor,
        )
        try:
            if source is not None:
                source(info.db_path, key)
            db = Database(info.db_path, ProfileKey(key.raw()), self.options)
            try:
                fill(db)
            finally:
                db.close()
            self._store_key(info, key, passphrase)
            return self._commit_new_profile(work, info)
        except BaseException:
            self._discard(work, info)
            raise
        finally:
            key.wipe()

    def _choose_storage(self, passphrase: str | None, use_keyring: bool) -> KeyStorage:
        if passphrase is not None and use_keyring:
            raise ValueError("choose a passphrase or the keyring, not both")
        if passphrase is not None:
            check_new_passphrase(passphrase)
            return KeyStorage.PASSPHRASE
        if not keyring_available():
            raise KeyringUnavailableError()
        return KeyStorage.KEYRING

    def _store_key(self, info: ProfileInfo, key: ProfileKey, passphrase: str | None) -> None:
        if info.key_storage is KeyStorage.PASSPHRASE:
            assert passphrase is not None
            info.key_file.write(key, passphrase, self.options.kdf)
        else:
            info.keyring_entry.store(key)

    def _load_key(self, info: ProfileInfo, passphrase: str | None) -> ProfileKey:
        if info.key_storage is KeyStorage.KEYRING:
            return info.keyring_entry.load()
        if passphrase is None:
            raise PassphraseRequiredError()
        return info.key_file.read(passphrase)

    def _commit_new_profile(self, work: Path, info: ProfileInfo) -> ProfileInfo:
        final = self.root / info.id
        info.write()
        try:
            work.rename(final)
        except FileExistsError:
            raise ProfileExistsError() from None
        except OSError as exc:
            if final.exists():
                raise ProfileExistsError() from None
            raise translate_os_error(exc) from exc
        fsync_directory(self.root)
        return replace(info, path=final)

    def _discard(self, work: Path, info: ProfileInfo) -> None:
        if info.key_storage is KeyStorage.KEYRING:
            with contextlib.suppress(StoreError):
                info.keyring_entry.delete()
        shutil.rmtree(work, ignore_errors=True)

    def _pre_migration_backup(self, info: ProfileInfo, db: Database, revision: str) -> Path:
        """Copy the database (encrypted, same key) before touching its schema."""
        private_mkdir(info.backup_dir)
        stamp = self.options.clock().strftime("%Y%m%dT%H%M%S%fZ")
        target = info.backup_dir / f"pre-migration-{revision}-{stamp}.db"
        db.export_same_key(target)
        return target

    def _migrate(self, db: Database, revision: str) -> None:
        from fitnote_desktop.store import migrations
        from fitnote_desktop.store.audit import AuditLog

        try:
            with db.write() as conn:
                migrations.upgrade(conn, migrations.HEAD)
                AuditLog(db, self.options.clock).append(
                    conn,
                    "profile.migrated",
                    actor="system",
                    detail={"from": revision, "to": migrations.HEAD},
                )
        except StoreError as exc:
            if type(exc) is not StoreError:  # disk full, busy...: the specific code helps more
                raise
            log.warning("migration from %s failed: %s", revision, exc.code)
            raise MigrationError() from None
        except Exception as exc:
            log.warning("migration from %s failed: %s", revision, type(exc).__name__)
            raise MigrationError() from exc

    def _audit_event(
        self,
        info: ProfileInfo,
        key: ProfileKey,
        action: str,
        detail: Mapping[str, Any] | None = None,
    ) -> None:
        """Best-effort audit of a key operation done without opening the profile."""
        from fitnote_desktop.store.audit import AuditLog
        from fitnote_desktop.store.engine import Database
        from fitnote_desktop.store.profile import audit_actor

        if not info.db_path.is_file():
            return
        db = Database(info.db_path, ProfileKey(key.raw()), self.options)
        try:
            AuditLog(db, self.options.clock, audit_actor(info.id, None)).record(
                action, detail=dict(detail or {})
            )
        except StoreError:
            log.warning("profile %s: could not audit %s", info.id, action)
        finally:
            db.close()


__all__: Sequence[str] = (
    "KeyStorage",
    "PractitionerInfo",
    "ProfileInfo",
    "ProfileManager",
    "default_root",
    "validate_profile_id",
)
