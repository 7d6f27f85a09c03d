"""The unlock dialog opens the profile on a worker thread while the first screen's
modules are imported (``open_while_preparing``): real threads, no mocks."""

from __future__ import annotations

import threading

import pytest

from fitnote_desktop.ui.unlock import open_while_preparing


class _Profile:
    def __init__(self) -> None:
        self.locked = False

    def lock(self) -> None:
        self.locked = True


def test_the_opening_runs_while_prepare_runs() -> None:
    prepared = threading.Event()
    threads: list[str] = []

    def open_profile() -> _Profile:
        threads.append(threading.current_thread().name)
        # only returns if ``prepare`` runs at the same time (else: the wait times out)
        assert prepared.wait(timeout=10)
        return _Profile()

    def prepare() -> None:
        threads.append(threading.current_thread().name)
        prepared.set()

    profile = open_while_preparing(open_profile, prepare)
    assert isinstance(profile, _Profile) and not profile.locked
    assert threads[0] != threads[1]
    assert threading.current_thread().name in threads


def test_an_opening_error_is_raised_after_prepare() -> None:
    done: list[str] = []

    def open_profile() -> _Profile:
        raise ValueError("wrong passphrase")

    with pytest.raises(ValueError, match="wrong passphrase"):
        open_while_preparing(open_profile, lambda: done.append("prepared"))
    assert done == ["prepared"]


def test_a_failing_prepare_locks_the_profile_opened_meanwhile() -> None:
    opened = _Profile()

    def prepare() -> None:
        raise ImportError("broken module")

    with pytest.raises(ImportError):
        open_while_preparing(lambda: opened, prepare)
    assert opened.locked
