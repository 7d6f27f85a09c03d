"""Fixtures of the store tests: real SQLCipher files in tmp dirs, cheap KDF, fake keyrings."""

from __future__ import annotations

import hashlib
import itertools
from collections.abc import Iterator
from datetime import UTC, datetime, timedelta
from pathlib import Path

import keyring
import keyring.errors
import pytest
from keyring.backend import KeyringBackend

from fitnote_desktop.store import KdfParams, ProfileManager, StoreOptions

PASSPHRASE = "correct horse battery staple"
OTHER_PASSPHRASE = "tr0ub4dor & 3, but longer"


class FakeClock:
    """Strictly increasing timestamps (1 ms apart) so "recent first" is deterministic."""

    def __init__(self, start: datetime | None = None) -> None:
        self._ticks = itertools.count()
        self._start = start or datetime(2026, 11, 23, 8, 0, tzinfo=UTC)

    def __call__(self) -> datetime:
        return self._start + timedelta(milliseconds=next(self._ticks))


class MemoryKeyring(KeyringBackend):
    """An OS keyring stand-in that keeps secrets in a dict."""

    priority = 10  # type: ignore[assignment]

    def __init__(self) -> None:
        super().__init__()
        self.secrets: dict[tuple[str, str], str] = {}

    def get_password(self, service: str, username: str) -> str | None:
        return self.secrets.get((service, username))

    def set_password(self, service: str, username: str, password: str) -> None:
        self.secrets[(service, username)] = password

    def delete_password(self, service: str, username: str) -> None:
        if self.secrets.pop((service, username), None) is None:
            raise keyring.errors.PasswordDeleteError("not found")


class DenyingKeyring(KeyringBackend):
    """A keyring that exists but refuses access (locked, or the user clicked "deny")."""

    priority = 10  # type: ignore[assignment]

    def get_password(self, service: str, username: str) -> str | None:
        raise keyring.errors.KeyringLocked("access denied by the user")

    def set_password(self, service: str, username: str, password: str) -> None:
        raise keyring.errors.PasswordSetError("access denied by the user")

    def delete_password(self, service: str, username: str) -> None:
        raise keyring.errors.PasswordDeleteError("access denied by the user")


@pytest.fixture
def memory_keyring() -> Iterator[MemoryKeyring]:
    previous = keyring.get_keyring()
    backend = MemoryKeyring()
    keyring.set_keyring(backend)
    try:
        yield backend
    finally:
        keyring.set_keyring(previous)


@pytest.fixture
def set_keyring() -> Iterator[object]:
    """Call ``set_keyring("memory" | "deny" | "fail")``; the original backend comes back."""
    from keyring.backends import fail

    previous = keyring.get_keyring()
    memory = MemoryKeyring()

    def switch(kind: str) -> KeyringBackend:
        backend = {"memory": memory, "deny": DenyingKeyring(), "fail": fail.Keyring()}[kind]
        keyring.set_keyring(backend)
        return backend

    try:
        yield switch
    finally:
        keyring.set_keyring(previous)


@pytest.fixture
def passphrase() -> str:
    return PASSPHRASE


@pytest.fixture
def other_passphrase() -> str:
    return OTHER_PASSPHRASE


@pytest.fixture
def hashes():  # type: ignore[no-untyped-def]
    return file_hashes


@pytest.fixture
def options() -> StoreOptions:
    return StoreOptions(kdf=KdfParams.for_tests(), clock=FakeClock())


@pytest.fixture
def manager(tmp_path: Path, options: StoreOptions) -> ProfileManager:
    return ProfileManager(tmp_path / "profiles", options)


@pytest.fixture
def profile(manager: ProfileManager):  # type: ignore[no-untyped-def]
    manager.create("dr-peeters", label="Dr An Peeters", passphrase=PASSPHRASE)
    opened = manager.open("dr-peeters", PASSPHRASE)
    try:
        yield opened
    finally:
        opened.lock()


def file_hashes(directory: Path) -> dict[str, str]:
    """SHA-256 of every file below ``directory`` (relative path -> digest)."""
    return {
        str(p.relative_to(directory)): hashlib.sha256(p.read_bytes()).hexdigest()
        for p in sorted(directory.rglob("*"))
        if p.is_file()
    }
