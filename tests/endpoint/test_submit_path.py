"""The endpoint's per-document path (issue 14): the server it runs on and its database reads.

* uvicorn runs on the C HTTP parser and event loop (httptools, uvloop), not on h11 and
  asyncio's selector loop: the configuration names them and they load.
* A serving process freezes what it built at start-up out of the cyclic garbage
  collector before it serves, so the collections a submission's garbage triggers do not
  walk the whole app every time.
* The replay check of a submission reads without SQLite's write lock, so it does not
  queue behind a writer's transaction (a submission of a new document would otherwise
  wait for every insert in progress before its signature is even checked).
"""

from __future__ import annotations

import gc
import sys
import threading
import time
from datetime import UTC, datetime
from pathlib import Path

import pytest
import sqlalchemy as sa
from support.endpoint import endpoint_settings
from uvicorn.protocols.http.httptools_impl import HttpToolsProtocol

from fitnote_desktop.demo.pki import DemoPki
from fitnote_desktop.endpoint import db, server, tables
from fitnote_desktop.endpoint.coalesce import CoalescingHttpProtocol
from fitnote_desktop.endpoint.server import uvicorn_config
from fitnote_desktop.endpoint.submit_sql import NewDocument, SubmitSql


@pytest.mark.skipif(sys.platform == "win32", reason="no uvloop on Windows")
def test_uvicorn_runs_on_httptools_and_uvloop(demo_pki: DemoPki, tmp_path: Path) -> None:
    settings = endpoint_settings(demo_pki, f"sqlite:///{tmp_path / 'ep.sqlite3'}")
    config = uvicorn_config(settings, app=lambda *_: None)  # type: ignore[arg-type]
    config.load()
    assert issubclass(config.http_protocol_class, HttpToolsProtocol)
    assert issubclass(config.http_protocol_class, CoalescingHttpProtocol)
    loop = config.get_loop_factory()
    assert loop is not None and loop.__module__.startswith("uvloop")


def test_a_serving_process_freezes_its_startup_objects_before_serving(
    demo_pki: DemoPki, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    settings = endpoint_settings(demo_pki, f"sqlite:///{tmp_path / 'ep.sqlite3'}")
    frozen_at_run: list[int] = []
    monkeypatch.setattr(
        server.uvicorn.Server, "run", lambda *_a, **_k: frozen_at_run.append(gc.get_freeze_count())
    )
    gc.unfreeze()
    try:
        server.serve(settings)
        assert frozen_at_run and frozen_at_run[0] > 0
    finally:
        gc.unfreeze()  # this test process goes on building and dropping apps


def test_replay_read_does_not_wait_for_a_writer(tmp_path: Path) -> None:
    engine = db.make_engine(f"sqlite:///{tmp_path / 'ep.sqlite3'}")
    tables.create_schema(engine)
    engine.dispose()
    # A short busy timeout: a read that queued behind the writer would fail, not hang.
    engine = db.make_engine(f"sqlite:///{tmp_path / 'ep.sqlite3'}")
    sa.event.listen(
        engine,
        "connect",
        lambda conn, _record: conn.execute("PRAGMA busy_timeout=200"),
    )
    try:
        with engine.begin() as writer:  # BEGIN IMMEDIATE: holds the write lock
            writer.execute(
                sa.insert(db.Dossier),
                {"id": "d", "patient_key": "k", "created_at": datetime.now(UTC)},
            )
            started = time.monotonic()
            assert SubmitSql(engine).accepted("00000000-0000-0000-0000-000000000000") is None
            assert time.monotonic() - started < 0.2
            # A writer does queue, and gives up as SQLAlchemy's OperationalError, which
            # the API answers with server.unavailable.
            with pytest.raises(sa.exc.OperationalError, match="locked"), engine.begin() as other:
                other.execute(sa.select(1))
    finally:
        engine.dispose()


def test_a_read_does_not_wait_for_a_write_of_another_thread(tmp_path: Path) -> None:
    """The kept connection (``SubmitSql._connection``) is used only when free: a thread
    whose insert waits for another process's write lock keeps it, and a replay read of
    another thread meanwhile answers at once on a pooled connection."""
    url = f"sqlite:///{tmp_path / 'ep.sqlite3'}"
    engine = db.make_engine(url)
    tables.create_schema(engine)
    sql = SubmitSql(engine)
    assert sql.accepted("00000000-0000-0000-0000-000000000000") is None  # opens the kept one
    other = db.make_engine(url)  # "another process": a writer on its own engine
    inserted: list[str | None] = []
    try:
        with other.begin() as writer:
            writer.execute(
                sa.insert(db.Dossier),
                {"id": "d", "patient_key": "k", "created_at": datetime.now(UTC)},
            )
            waiting = threading.Thread(
                target=lambda: inserted.append(sql.insert("p" * 64, _new_document()))
            )
            waiting.start()
            time.sleep(0.3)  # the insert now waits for the lock, on the kept connection
            assert waiting.is_alive()
            started = time.monotonic()
            assert sql.accepted("00000000-0000-0000-0000-000000000000") is None
            assert time.monotonic() - started < 0.2
        waiting.join(30)
        assert inserted and inserted[0] is not None
        assert sql.accepted(_new_document().id) is not None
    finally:
        other.dispose()
        engine.dispose()


def _new_document() -> NewDocument:
    return NewDocument(
        id="00000000-0000-4000-8000-000000000001",
        payload_sha256="a" * 64,
        payload=b"{}",
        signature=b"s",
        kind="incapacity",
        author_riziv="12345678901",
        episode_id="e",
        consent_reference="c",
        episode_sharing=False,
        received_at=datetime.now(UTC),
        receipt=b"r",
        receipt_signature=b"rs",
    )
