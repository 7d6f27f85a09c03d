"""What a profile is on disk, readable before it is unlocked.

``profile.json`` (:class:`ProfileInfo`, which reads and writes it) and the directory
layout it implies: the file names, the key storage mode, the id rules. Nothing here opens
the encrypted database, so the profile chooser can list profiles from this alone.
:class:`PractitionerInfo` is the physician's identity as stored inside the database.
"""

from __future__ import annotations

import json
import re
import uuid
from collections.abc import Mapping
from dataclasses import dataclass, field
from datetime import datetime
from enum import StrEnum
from pathlib import Path
from typing import Any

from fitnote_desktop.store.errors import (
    CorruptDatabaseError,
    InvalidProfileIdError,
    ProfileNotFoundError,
)
from fitnote_desktop.store.fileio import atomic_write_bytes
from fitnote_desktop.store.keys import KeyFile, KeyringEntry

APP_NAME = "fitnote-desktop"
PROFILE_FILE = "profile.json"
KEY_FILE = "key.json"
DB_FILE = "fitnote.db"
BACKUP_DIR = "backups"
PROFILE_FORMAT = "fitnote-profile/1"
_ID_RE = re.compile(r"[a-z0-9][a-z0-9._-]{0,63}")


class KeyStorage(StrEnum):
    KEYRING = "keyring"
    PASSPHRASE = "passphrase"  # noqa: S105 - a storage mode, not a secret


def default_root() -> Path:
    import platformdirs

    return Path(platformdirs.user_data_dir(APP_NAME, appauthor=False)) / "profiles"


def validate_profile_id(profile_id: str) -> str:
    if not isinstance(profile_id, str) or not _ID_RE.fullmatch(profile_id):
        raise InvalidProfileIdError()
    return profile_id


@dataclass(frozen=True)
class AuditAnchor:
    """The latest entry known outside the database (kept in ``profile.json``)."""

    seq: int
    hash: str

    def to_json(self) -> dict[str, Any]:
        return {"seq": self.seq, "hash": self.hash}

    @classmethod
    def from_json(cls, data: Any) -> AuditAnchor | None:
        try:
            return cls(int(data["seq"]), str(data["hash"]))
        except (TypeError, KeyError, ValueError):
            return None


@dataclass(frozen=True)
class ProfileInfo:
    """What is known about a profile without unlocking it."""

    id: str
    label: str
    path: Path
    key_storage: KeyStorage
    key_id: str
    created_at: datetime
    audit_anchor: AuditAnchor | None = None

    @property
    def db_path(self) -> Path:
        return self.path / DB_FILE

    @property
    def key_file(self) -> KeyFile:
        return KeyFile(self.path / KEY_FILE, self.key_id)

    @property
    def keyring_entry(self) -> KeyringEntry:
        return KeyringEntry(self.key_id)

    @property
    def backup_dir(self) -> Path:
        return self.path / BACKUP_DIR

    @property
    def needs_passphrase(self) -> bool:
        return self.key_storage is KeyStorage.PASSPHRASE

    @classmethod
    def read(cls, path: Path) -> ProfileInfo:
        """The ``profile.json`` of the profile directory ``path``."""
        try:
            data = json.loads((path / PROFILE_FILE).read_text("utf-8"))
            info = cls.from_json(path, data)
        except FileNotFoundError:
            raise ProfileNotFoundError() from None
        except (OSError, ValueError, KeyError, TypeError) as exc:
            raise CorruptDatabaseError("The profile's metadata file is damaged.") from exc
        if info.id != path.name:
            raise CorruptDatabaseError("The profile's metadata file is damaged.")
        return info

    def write(self) -> None:
        """Replace ``profile.json`` atomically (the manager's changes, the audit anchor)."""
        data = json.dumps(self.to_json(), indent=2, sort_keys=True) + "\n"
        atomic_write_bytes(self.path / PROFILE_FILE, data.encode("utf-8"))

    def to_json(self) -> dict[str, Any]:
        return {
            "format": PROFILE_FORMAT,
            "id": self.id,
            "label": self.label,
            "key_storage": self.key_storage.value,
            "key_id": self.key_id,
            "created_at": self.created_at.isoformat(),
            "audit_anchor": None if self.audit_anchor is None else self.audit_anchor.to_json(),
        }

    @classmethod
    def from_json(cls, path: Path, data: Mapping[str, Any]) -> ProfileInfo:
        if data.get("format") != PROFILE_FORMAT:
            raise ValueError("not a profile file")
        return cls(
            id=validate_profile_id(str(data["id"])),
            label=str(data.get("label", "")),
            path=path,
            key_storage=KeyStorage(data["key_storage"]),
            key_id=str(uuid.UUID(str(data["key_id"]))),
            created_at=datetime.fromisoformat(data["created_at"]),
            audit_anchor=AuditAnchor.from_json(data.get("audit_anchor")),
        )


@dataclass(frozen=True)
class PractitionerInfo:
    """The physician a profile belongs to (what goes in the author block)."""

    given_name: str
    family_name: str
    riziv: str | None = None
    niss: str | None = None
    languages: tuple[str, ...] = ()
    practice: Mapping[str, Any] = field(default_factory=dict)  # name, address, phone, email
