"""The unlock dialog derives the profile key on a worker thread while the first screen's
modules are imported, then opens the database on the calling thread
(``open_while_preparing``): real threads, no mocks."""

from __future__ import annotations

import threading
from pathlib import Path

import pytest

from fitnote_desktop.store import KdfParams, ProfileManager, StoreOptions
from fitnote_desktop.ui.unlock import open_while_preparing


class _Key:
    def __init__(self) -> None:
        self.wiped = False

    def wipe(self) -> None:
        self.wiped = True


def test_the_derivation_runs_while_prepare_runs_and_the_opening_after_it() -> None:
    prepared = threading.Event()
    threads: dict[str, str] = {}
    key = _Key()

    def derive() -> _Key:
        threads["derive"] = threading.current_thread().name
        # only returns if ``prepare`` runs at the same time (else: the wait times out)
        assert prepared.wait(timeout=10)
        return key

    def prepare() -> None:
        threads["prepare"] = threading.current_thread().name
        prepared.set()

    def open_with(derived: _Key) -> str:
        threads["open"] = threading.current_thread().name
        assert derived is key and prepared.is_set()
        return "opened"

    assert open_while_preparing(derive, prepare, open_with) == "opened"
    assert threads["derive"] != threads["prepare"]
    assert threads["prepare"] == threads["open"] == threading.current_thread().name
    assert not key.wiped


def test_a_derivation_error_is_raised_after_prepare() -> None:
    done: list[str] = []

    def derive() -> _Key:
        raise ValueError("wrong passphrase")

    with pytest.raises(ValueError, match="wrong passphrase"):
        open_while_preparing(derive, lambda: done.append("prepared"), lambda key: done.append("x"))
    assert done == ["prepared"]


def test_a_failing_prepare_wipes_the_key_derived_meanwhile() -> None:
    key = _Key()
    opened: list[_Key] = []

    def prepare() -> None:
        raise ImportError("broken module")

    with pytest.raises(ImportError):
        open_while_preparing(lambda: key, prepare, opened.append)
    assert key.wiped and opened == []


def test_a_real_profile_opens_in_two_halves(tmp_path: Path) -> None:
    manager = ProfileManager(tmp_path, StoreOptions(kdf=KdfParams.for_tests()))
    manager.create("dr-a", passphrase="a passphrase for the test")
    profile = open_while_preparing(
        lambda: manager.load_key("dr-a", "a passphrase for the test"),
        lambda: None,
        lambda key: manager.open_with_key("dr-a", key),
    )
    try:
        assert profile.id == "dr-a"
        assert [e.action for e in profile.audit.entries()][-1] == "profile.unlocked"
    finally:
        profile.lock()
