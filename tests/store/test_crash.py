"""Crash safety: SIGKILL a writer at random moments, over and over; nothing acknowledged is lost.

Each round forks a writer (see ``crash_writer.py``) that opens the profile and saves as
fast as it can — autosaves of drafts of various sizes, new drafts, new patients,
signatures — acknowledging each call that returned. At a random instant (mostly during
the save loop, sometimes while the profile is still opening) it gets SIGKILL. Then the
test opens the profile like the app would and checks: ``PRAGMA integrity_check`` is ok,
every acknowledged save is there with the exact bytes (within the retained history),
each document's content equals its newest version, and the audit chain verifies.
"""

from __future__ import annotations

import os
import random
import signal
import subprocess
import sys
import time
from dataclasses import dataclass, field, replace
from pathlib import Path

import pytest
from sqlalchemy import select

from fitnote_desktop.store import ProfileManager
from fitnote_desktop.store.engine import Database
from fitnote_desktop.store.keys import ProfileKey
from fitnote_desktop.store.schema import document_versions, documents, patients

KILLS = 120  # rounds wanted; at least MIN_KILLS must fit in the time budget
MIN_KILLS = 100
TIME_BUDGET_S = 55.0
MAX_VERSIONS = 8  # same as the writer: exercises pruning on nearly every save
WRITER = Path(__file__).with_name("crash_writer.py")


def _lines(path: Path) -> int:
    try:
        return path.read_bytes().count(b"\n")
    except FileNotFoundError:
        return 0


@dataclass
class Acked:
    versions: dict[str, dict[int, str]] = field(default_factory=dict)
    signed: dict[str, str] = field(default_factory=dict)
    patients: set[str] = field(default_factory=set)
    count: int = 0

    @staticmethod
    def fail_on_error(ack_file: Path) -> None:
        if ack_file.exists() and b"\nerror " in b"\n" + ack_file.read_bytes():
            pytest.fail(f"writer failed: {ack_file.read_text().splitlines()[-1]}")

    def read(self, ack_file: Path) -> bool:
        """Merge one writer's acks; returns whether it got past opening the profile."""
        if not ack_file.exists():
            return False
        text = ack_file.read_text()
        lines = text.split("\n")[:-1]  # a torn last line (no newline) is ignored
        for line in lines:
            kind, *rest = line.split()
            if kind == "error":
                pytest.fail(f"writer failed: {line}")
            elif kind == "patient":
                self.patients.add(rest[0])
            elif kind == "version":
                self.versions.setdefault(rest[0], {})[int(rest[1])] = rest[2]
            elif kind == "signed":
                self.signed[rest[0]] = rest[1]
            if kind != "ready":
                self.count += 1
        return "ready" in lines


def _verify(db: Database, acked: Acked) -> None:
    """Check every acknowledged save on a freshly opened connection to the file."""
    assert db.integrity_check() == ["ok"]
    with db.read() as conn:
        docs = {
            str(r.id): r
            for r in conn.execute(
                select(
                    documents.c.id,
                    documents.c.status,
                    documents.c.current_version,
                    documents.c.payload_hash,
                )
            )
        }
        versions = {
            (str(r.document_id), r.version): r.payload_hash
            for r in conn.execute(
                select(
                    document_versions.c.document_id,
                    document_versions.c.version,
                    document_versions.c.payload_hash,
                )
            )
        }
        patient_ids = {str(r.id) for r in conn.execute(select(patients.c.id))}
    assert acked.patients <= patient_ids
    for doc_id, row in docs.items():  # content == newest version, always
        assert versions[(doc_id, row.current_version)] == row.payload_hash
    for doc_id, saved in acked.versions.items():
        row = docs[doc_id]
        newest = max(saved)
        assert row.current_version >= newest
        if row.current_version == newest:
            assert row.payload_hash == saved[newest]
        for version, digest in saved.items():
            if version == 1 or version > row.current_version - MAX_VERSIONS:
                assert versions[(doc_id, version)] == digest
    for doc_id, digest in acked.signed.items():
        assert docs[doc_id].status == "signed" and docs[doc_id].payload_hash == digest


def _verify_like_the_app(manager: ProfileManager, passphrase: str, acked: Acked) -> None:
    """The full unlock sequence (WAL recovery, audit writes), then the same checks."""
    with manager.open("crash", passphrase) as profile:
        _verify(profile.db, acked)
        assert profile.verify_audit().ok


@pytest.mark.slow
@pytest.mark.skipif(not hasattr(os, "fork"), reason="needs fork() and SIGKILL")
def test_sigkill_during_saves_loses_nothing_acknowledged(
    tmp_path: Path, options, passphrase: str
) -> None:  # type: ignore[no-untyped-def]
    manager = ProfileManager(tmp_path / "profiles", replace(options, max_versions=MAX_VERSIONS))
    info = manager.create("crash", passphrase=passphrase)
    key = manager.load_key("crash", passphrase)
    secret = tmp_path / "passphrase"
    secret.write_text(passphrase)
    rng = random.Random(20261123)
    acked = Acked()
    kills_in_save_loop = 0
    guaranteed = 0  # acks the test waited for before killing
    errors = (tmp_path / "writer.err").open("w")
    zygote = subprocess.Popen(
        [sys.executable, str(WRITER)],
        stdin=subprocess.PIPE,
        stdout=subprocess.PIPE,
        stderr=errors,
        text=True,
    )
    assert zygote.stdin is not None and zygote.stdout is not None
    started = time.monotonic()
    try:
        rounds = 0
        for round_no in range(KILLS):
            if time.monotonic() - started > TIME_BUDGET_S:
                break
            ack_file = tmp_path / f"ack-{round_no}.log"
            zygote.stdin.write(
                f"run {manager.root} crash {secret} {ack_file} {rng.randrange(1 << 30)}\n"
            )
            zygote.stdin.flush()
            pid = int(zygote.stdout.readline())
            if rng.random() < 0.15:
                time.sleep(rng.uniform(0, 0.03))  # may land while the profile opens
            else:
                # let it acknowledge 0-3 saves (whatever the machine's load), then kill
                # at a random instant of the next ones
                wanted = 1 + rng.randrange(4)  # "ready" plus that many acks
                guaranteed += wanted - 1
                deadline = time.monotonic() + 10
                while _lines(ack_file) < wanted:
                    assert time.monotonic() < deadline, "writer got stuck"
                    acked.fail_on_error(ack_file)
                    time.sleep(0.0005)
                time.sleep(rng.uniform(0.0, 0.015))
            os.kill(pid, signal.SIGKILL)
            zygote.stdin.write(f"reap {pid}\n")
            zygote.stdin.flush()
            reaped_pid, how = map(int, zygote.stdout.readline().split())
            assert (reaped_pid, how) == (pid, signal.SIGKILL), "writer ended on its own"
            kills_in_save_loop += acked.read(ack_file)
            if round_no % 10 == 9:
                _verify_like_the_app(manager, passphrase, acked)
            else:
                db = Database(info.db_path, ProfileKey(key.raw()), manager.options)
                try:
                    _verify(db, acked)
                finally:
                    db.close()
            rounds += 1
    finally:
        zygote.stdin.write("quit\n")
        zygote.stdin.close()
        zygote.wait(timeout=10)
        errors.close()
    _verify_like_the_app(manager, passphrase, acked)
    print(
        f"\n{rounds} kills ({kills_in_save_loop} in the save loop), {acked.count} acked saves, "
        f"{len(acked.versions)} documents, {time.monotonic() - started:.1f} s"
    )
    assert rounds >= MIN_KILLS
    assert kills_in_save_loop >= rounds // 2
    assert acked.count >= guaranteed > rounds // 2  # saves were acknowledged and all found
