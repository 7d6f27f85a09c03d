"""Encrypted, passphrase-protected backup of a whole profile, restorable on another machine.

File layout (``*.fnbackup``)::

    MAGIC (16 bytes) | header length (4 bytes, big-endian) | header (JSON) | database

The database part is a SQLCipher file made with ``sqlcipher_export`` under a *fresh*
random key (never the profile's own key, so a leaked backup passphrase does not unlock the
live profile and vice versa). The header carries that key wrapped with the backup
passphrase (KDF + AES-256-GCM, as the key file) and, authenticated as AES-GCM
associated data, the metadata and the SHA-256 of the database part. Changing any header
byte makes unwrapping fail; changing any database byte fails the hash. Nothing is ever
written in plaintext: the export goes straight into an encrypted file.

Restoring decrypts with the backup key and exports again under the new profile's own
key, so two profiles never share a key. The header also carries the audit log's head so
the restored profile keeps detecting a truncated audit log.
"""

from __future__ import annotations

import binascii
import contextlib
import hashlib
import json
import os
import struct
from collections.abc import Mapping
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path
from typing import Any, BinaryIO

import fitnote_desktop
from fitnote_desktop.store.engine import Database
from fitnote_desktop.store.errors import (
    BackupInvalidError,
    BackupWrongPassphraseError,
    StoreError,
)
from fitnote_desktop.store.fileio import fsync_directory, temp_path_for, translate_os_error
from fitnote_desktop.store.keys import (
    KdfParams,
    ProfileKey,
    check_new_passphrase,
    unwrap_key,
    wrap_key,
)
from fitnote_desktop.store.options import StoreOptions

MAGIC = b"FITNOTE-BACKUP\x00\x01"
FORMAT = "fitnote-backup/1"
SUFFIX = ".fnbackup"
_MAX_HEADER = 64 * 1024
_CHUNK = 1024 * 1024


@dataclass(frozen=True)
class BackupInfo:
    path: Path
    created_at: datetime
    schema_revision: str
    profile_id: str
    label: str
    app_version: str
    db_size: int
    audit_head: Mapping[str, Any] | None


def _info(path: Path, header: Mapping[str, Any]) -> BackupInfo:
    try:
        profile = header["profile"]
        return BackupInfo(
            path=path,
            created_at=datetime.fromisoformat(header["created_at"]),
            schema_revision=str(header["schema_revision"]),
            profile_id=str(profile["id"]),
            label=str(profile.get("label", "")),
            app_version=str(header.get("app_version", "")),
            db_size=int(header["db_size"]),
            audit_head=header.get("audit_head"),
        )
    except (KeyError, TypeError, ValueError) as exc:
        raise BackupInvalidError() from exc


def create_backup(
    db: Database,
    dest: Path,
    passphrase: str,
    *,
    kdf: KdfParams,
    profile_id: str,
    label: str,
    schema_revision: str,
    audit_head: Mapping[str, Any] | None,
) -> BackupInfo:
    """Write an encrypted backup of ``db`` to ``dest`` (atomically: old file or new one)."""
    check_new_passphrase(passphrase)
    dest = Path(dest)
    backup_key = ProfileKey.generate()
    export = temp_path_for(dest.with_suffix(".db"))
    tmp = temp_path_for(dest)
    try:
        db.export_to(export, backup_key)
        digest = hashlib.sha256()
        size = 0
        with export.open("rb") as fh:
            for chunk in iter(lambda: fh.read(_CHUNK), b""):
                digest.update(chunk)
                size += len(chunk)
        header_fields = {
            "format": FORMAT,
            "created_at": datetime.now(UTC).isoformat(timespec="seconds"),
            "app_version": fitnote_desktop.__version__,
            "schema_revision": schema_revision,
            "profile": {"id": profile_id, "label": label},
            "db_size": size,
            "db_sha256": digest.hexdigest(),
            "audit_head": dict(audit_head) if audit_head else None,
        }
        header = wrap_key(backup_key.raw(), passphrase, kdf, header_fields)
        header_bytes = json.dumps(header, sort_keys=True).encode("utf-8")
        fd = os.open(tmp, os.O_WRONLY | os.O_CREAT | os.O_EXCL | getattr(os, "O_BINARY", 0), 0o600)
        with os.fdopen(fd, "wb") as out, export.open("rb") as src:
            out.write(MAGIC + struct.pack(">I", len(header_bytes)) + header_bytes)
            for chunk in iter(lambda: src.read(_CHUNK), b""):
                out.write(chunk)
            out.flush()
            os.fsync(out.fileno())
        os.replace(tmp, dest)
        fsync_directory(dest.parent)
        return _info(dest, header)
    except OSError as exc:
        raise translate_os_error(exc) from exc
    finally:
        backup_key.wipe()
        for leftover in (export, tmp, Path(f"{export}-journal")):
            with contextlib.suppress(OSError):
                leftover.unlink()


def _read_header(fh: BinaryIO) -> dict[str, Any]:
    if fh.read(len(MAGIC)) != MAGIC:
        raise BackupInvalidError()
    raw_len = fh.read(4)
    if len(raw_len) != 4:
        raise BackupInvalidError()
    (length,) = struct.unpack(">I", raw_len)
    if not 0 < length <= _MAX_HEADER:
        raise BackupInvalidError()
    try:
        header = json.loads(fh.read(length).decode("utf-8"))
    except (UnicodeDecodeError, ValueError) as exc:
        raise BackupInvalidError() from exc
    if not isinstance(header, dict) or header.get("format") != FORMAT:
        raise BackupInvalidError()
    return header


def read_backup_info(path: Path) -> BackupInfo:
    """The backup's metadata, without the passphrase (nothing in it is secret)."""
    try:
        with Path(path).open("rb") as fh:
            return _info(Path(path), _read_header(fh))
    except FileNotFoundError as exc:
        raise BackupInvalidError() from exc
    except OSError as exc:
        raise translate_os_error(exc) from exc


def restore_database(
    path: Path,
    passphrase: str,
    target: Path,
    new_key: ProfileKey,
    options: StoreOptions,
) -> BackupInfo:
    """Decrypt the backup at ``path`` into a new database ``target`` keyed with ``new_key``.

    A wrong passphrase (or an altered header) is detected before anything is written.
    """
    path = Path(path)
    staging = temp_path_for(target)
    try:
        with path.open("rb") as fh:
            header = _read_header(fh)
            info = _info(path, header)
            backup_key = ProfileKey(
                unwrap_key(
                    header,
                    passphrase,
                    wrong=BackupWrongPassphraseError,
                    invalid=BackupInvalidError,
                )
            )
            digest = hashlib.sha256()
            size = 0
            fd = os.open(staging, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
            with os.fdopen(fd, "wb") as out:
                for chunk in iter(lambda: fh.read(_CHUNK), b""):
                    digest.update(chunk)
                    size += len(chunk)
                    out.write(chunk)
                out.flush()
                os.fsync(out.fileno())
        try:
            if size != info.db_size or digest.hexdigest() != header.get("db_sha256"):
                raise BackupInvalidError()
        except binascii.Error as exc:  # pragma: no cover - defensive
            raise BackupInvalidError() from exc
        staged = Database(staging, backup_key, options)
        try:
            staged.export_to(target, new_key)
        except StoreError as exc:
            raise BackupInvalidError() from exc
        finally:
            staged.close()
        return info
    except FileNotFoundError as exc:
        raise BackupInvalidError() from exc
    except OSError as exc:
        raise translate_os_error(exc) from exc
    finally:
        for leftover in (staging, Path(f"{staging}-wal"), Path(f"{staging}-shm")):
            with contextlib.suppress(OSError):
                leftover.unlink()
