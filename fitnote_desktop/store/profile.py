"""An unlocked profile: the repositories over its open database, settings, backup, lock.

:class:`~fitnote_desktop.store.profiles.ProfileManager` opens it; it writes its
``profile.json`` back when locking, to remember the audit anchor.
"""

from __future__ import annotations

import json
import logging
from dataclasses import replace
from datetime import datetime
from pathlib import Path
from typing import Any

from sqlalchemy import delete, insert, select

from fitnote_desktop.store import migrations
from fitnote_desktop.store.audit import AuditLog, AuditVerification
from fitnote_desktop.store.backup import BackupInfo, create_backup
from fitnote_desktop.store.documents import DocumentRepository
from fitnote_desktop.store.engine import Database
from fitnote_desktop.store.errors import StoreError
from fitnote_desktop.store.fileio import private_mkdir
from fitnote_desktop.store.keys import KdfParams, check_new_passphrase
from fitnote_desktop.store.options import StoreOptions
from fitnote_desktop.store.outbox import OutboxRepository
from fitnote_desktop.store.patients import PatientRepository
from fitnote_desktop.store.profile_info import PractitionerInfo, ProfileInfo
from fitnote_desktop.store.questions import QuestionCache
from fitnote_desktop.store.schema import practitioner as practitioner_table
from fitnote_desktop.store.schema import settings as settings_table

log = logging.getLogger(__name__)


class Profile:
    """An unlocked profile: repositories over one open encrypted database."""

    def __init__(
        self,
        options: StoreOptions,
        info: ProfileInfo,
        db: Database,
        *,
        migrated_from: str | None = None,
        migration_backup: Path | None = None,
    ) -> None:
        self._options = options
        self.info = info
        self.db = db
        self.migrated_from = migrated_from
        self.migration_backup = migration_backup
        self.audit = AuditLog(db, options.clock)
        self.audit.actor = self._actor(self.practitioner())
        self.patients = PatientRepository(db, self.audit, options.clock)
        self.documents = DocumentRepository(db, self.audit, options.clock, options.max_versions)
        self.outbox = OutboxRepository(db, self.audit, self.documents, options.clock)
        self.questions = QuestionCache(db, options.clock)

    @property
    def id(self) -> str:
        return self.info.id

    @property
    def locked(self) -> bool:
        return self.db.closed

    # identity and settings -------------------------------------------------------------
    def practitioner(self) -> PractitionerInfo | None:
        with self.db.read() as conn:
            row = conn.execute(select(practitioner_table)).first()
        if row is None:
            return None
        return PractitionerInfo(
            given_name=row.given_name,
            family_name=row.family_name,
            riziv=row.riziv,
            niss=row.niss,
            languages=tuple(json.loads(row.languages)),
            practice=json.loads(row.practice),
        )

    def set_practitioner(self, who: PractitionerInfo) -> None:
        with self.db.write() as conn:
            write_practitioner(conn, who, self._options.clock())
            self.audit.append(conn, "profile.practitioner_updated")
        self.audit.actor = self._actor(who)

    def _actor(self, who: PractitionerInfo | None) -> str:
        return audit_actor(self.info.id, who)

    def settings(self) -> dict[str, Any]:
        with self.db.read() as conn:
            rows = conn.execute(select(settings_table.c.key, settings_table.c.value))
            return {row.key: json.loads(row.value) for row in rows}

    def get_setting(self, key: str, default: Any = None) -> Any:
        return self.settings().get(key, default)

    def set_setting(self, key: str, value: Any) -> None:
        """Store a JSON-serialisable setting (``None`` removes it)."""
        with self.db.write() as conn:
            conn.execute(delete(settings_table).where(settings_table.c.key == key))
            if value is not None:
                conn.execute(
                    insert(settings_table).values(
                        key=key,
                        value=json.dumps(value, sort_keys=True),
                        updated_at=self._options.clock(),
                    )
                )

    # maintenance -------------------------------------------------------------------------
    def verify_audit(self) -> AuditVerification:
        """Check the audit chain, including that the last anchored entry is still there."""
        return self.audit.verify(self.info.audit_anchor)

    def integrity_check(self) -> list[str]:
        return self.db.integrity_check()

    def backup(
        self, dest: Path | str, passphrase: str, *, kdf: KdfParams | None = None
    ) -> BackupInfo:
        """Write an encrypted backup protected by ``passphrase`` (see ``backup.py``)."""
        check_new_passphrase(passphrase)
        dest = Path(dest)
        private_mkdir(dest.parent)
        self.audit.record("profile.backup_created")
        with self.db.read() as conn:
            revision = migrations.current_revision(conn) or migrations.HEAD
        head = self.audit.head()
        return create_backup(
            self.db,
            dest,
            passphrase,
            kdf=kdf or self._options.kdf,
            profile_id=self.info.id,
            label=self.info.label,
            schema_revision=revision,
            audit_head=None if head is None else head.to_json(),
        )

    def lock(self) -> None:
        """Audit, remember the audit head, close all connections and wipe the key."""
        if self.db.closed:
            return
        try:
            self.audit.record("profile.locked")
            head = self.audit.head()
            if head is not None:
                self.info = replace(self.info, audit_anchor=head)
                self.info.write()
        except StoreError:
            log.warning("profile %s: could not record the lock in the audit log", self.info.id)
        finally:
            self.db.close()

    close = lock

    def __enter__(self) -> Profile:
        return self

    def __exit__(self, *exc: object) -> None:
        self.lock()

    def __repr__(self) -> str:
        state = "locked" if self.locked else "unlocked"
        return f"Profile({self.info.id!r}, {state})"


def audit_actor(profile_id: str, who: PractitionerInfo | None) -> str:
    """Who the audit log names: the physician's RIZIV number, else the profile."""
    if who is not None and who.riziv:
        return f"riziv:{who.riziv}"
    return f"profile:{profile_id}"


def write_practitioner(conn: Any, who: PractitionerInfo, now: datetime) -> None:
    """Replace the one practitioner row (the profile belongs to one physician)."""
    conn.execute(delete(practitioner_table))
    conn.execute(
        insert(practitioner_table).values(
            id=1,
            given_name=who.given_name,
            family_name=who.family_name,
            riziv=who.riziv,
            niss=who.niss,
            languages=json.dumps(list(who.languages)),
            practice=json.dumps(dict(who.practice), sort_keys=True),
            updated_at=now,
        )
    )
