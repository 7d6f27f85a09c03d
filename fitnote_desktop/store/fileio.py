"""Crash-safe small-file writes (key file, profile metadata, backups).

A laptop can lose power between any two system calls. Small files are therefore
written to a temporary name in the same directory, flushed to disk, renamed over the
old one and the directory entry flushed too: after a crash one finds the old file or the
new one, never a torn mix. Temporary names start with a dot so listings skip them.
"""

from __future__ import annotations

import contextlib
import os
import secrets
from pathlib import Path

from fitnote_desktop.store.errors import DiskFullError, StorageIOError


def fsync_directory(path: Path) -> None:
    """Make a rename in ``path`` durable (POSIX); Windows cannot open directories."""
    if os.name != "posix":
        return
    fd = os.open(path, os.O_RDONLY)
    try:
        os.fsync(fd)
    finally:
        os.close(fd)


def translate_os_error(exc: OSError) -> Exception:
    """ENOSPC/EDQUOT -> :class:`DiskFullError`, anything else -> :class:`StorageIOError`."""
    import errno

    if exc.errno in (errno.ENOSPC, getattr(errno, "EDQUOT", -1)):
        return DiskFullError()
    return StorageIOError()


def temp_path_for(path: Path) -> Path:
    return path.with_name(f".{path.name}.{secrets.token_hex(4)}.tmp")


def atomic_write_bytes(path: Path, data: bytes, mode: int = 0o600) -> None:
    """Write ``data`` to ``path`` atomically and durably, readable by the owner only."""
    tmp = temp_path_for(path)
    try:
        fd = os.open(tmp, os.O_WRONLY | os.O_CREAT | os.O_EXCL | getattr(os, "O_BINARY", 0), mode)
        try:
            view = memoryview(data)
            while view:
                written = os.write(fd, view)
                view = view[written:]
            os.fsync(fd)
        finally:
            os.close(fd)
        os.replace(tmp, path)
        fsync_directory(path.parent)
    except OSError as exc:
        with contextlib.suppress(OSError):
            tmp.unlink()
        raise translate_os_error(exc) from exc


def private_mkdir(path: Path) -> None:
    """Create ``path`` (and parents) readable by the owner only where the OS supports it."""
    try:
        path.mkdir(parents=True, exist_ok=True, mode=0o700)
    except OSError as exc:
        raise translate_os_error(exc) from exc
