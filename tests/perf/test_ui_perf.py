"""Desktop UI benchmarks (run with FITNOTE_PERF=1 ... -s; they print, they do not assert).

1. Cold start to an interactive main window, in a fresh process, on a profile holding
   10,000 documents of 2,000 patients: interpreter start, imports, Qt, unlock (the
   profile's real scrypt key derivation, on a worker thread while the main window's
   modules are imported and its widgets built, empty, then the database opened, as the
   app's unlock dialog and controller do), services wiring, the window filled (worklist,
   recent patients, status), shown and the first events processed; the garbage collector
   paused from PySide6's import to the shown window, as the app's start does
   (ui/start_gc.py). Reported as a ratio to a bare PySide6 window started and shown in a
   fresh process in the same run (runs interleaved).
2. Time to open the editor: a new certificate for a patient (draft created in the store,
   editor filled and validated), and an existing document of that profile.
3. Resident memory (VmRSS once the window is shown) of the cold-started app with that
   profile, and of the bare window.
"""

from __future__ import annotations

import json
import os
import random
import statistics
import subprocess
import sys
import time
import uuid
from dataclasses import replace
from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest
from sqlalchemy import insert

from fitnote_desktop.domain import canonical, samples
from fitnote_desktop.domain.model import DocumentKind
from fitnote_desktop.store import PractitionerInfo, ProfileManager
from fitnote_desktop.store.document_records import payload_hash
from fitnote_desktop.store.patients import fold
from fitnote_desktop.store.schema import document_versions, documents, patients

from .conftest import QUICK, Bench

pytestmark = pytest.mark.perf

PASSPHRASE = "benchmark passphrase"
N_PATIENTS = 40 if QUICK else 2000
RUNS = 1 if QUICK else 5

RSS = """
def rss_kib():
    try:
        with open("/proc/self/status") as fh:
            return next(int(l.split()[1]) for l in fh if l.startswith("VmRSS:"))
    except OSError:  # not Linux: peak RSS (after exec it may include the parent's)
        return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
"""

BARE = (
    RSS
    + """
import resource, sys, time
t0 = time.perf_counter()
from PySide6.QtWidgets import QApplication, QMainWindow, QLabel
app = QApplication(sys.argv[:1])
w = QMainWindow(); w.setCentralWidget(QLabel("hello")); w.resize(1360, 860); w.show()
app.processEvents()
print(time.perf_counter() - t0, rss_kib())
"""
)

APP = (
    RSS
    + """
import resource, sys, time
t0 = time.perf_counter()
import fitnote_desktop.ui
from fitnote_desktop.ui import start_gc
start_gc.pause()  # as the app's run_gui does, until the first screen
from PySide6.QtCore import QSettings
from PySide6.QtWidgets import QApplication
from fitnote_desktop.store import ProfileManager
from fitnote_desktop.ui import i18n
from fitnote_desktop.ui.style import style_sheet
from fitnote_desktop.ui.unlock import open_while_preparing
app = QApplication(sys.argv[:1])
app.setStyleSheet(style_sheet(app.palette(), app.font()))
languages = i18n.LanguageManager(app); languages.switch("nl")
manager = ProfileManager(sys.argv[1])
built = []
def prepare():  # what the app's controller does while the unlock dialog's worker derives:
    import fitnote_desktop.wiring.session  # the session's imports, then the main window
    from fitnote_desktop.ui.main_window import MainWindow  # built empty and hidden
    built.append(MainWindow(None, languages,
                            settings=QSettings(sys.argv[3], QSettings.Format.IniFormat)))
profile = open_while_preparing(lambda: manager.load_key("perf", sys.argv[2]), prepare,
                               lambda key: manager.open_with_key("perf", key))
from fitnote_desktop.wiring.session import open_session
session = open_session(profile)
w = built[0]
w.attach(session.services)  # as the app's controller does once the profile is open
w.show()
start_gc.resume()  # as the app's controller does once the main window is shown
app.processEvents()
elapsed = time.perf_counter() - t0
print(elapsed, rss_kib())
session.close()
"""
)


def _populate(profile, n_patients: int = 2000, docs_per_patient: int = 5) -> str:
    """Bulk-insert patients and documents (as the store's own benchmark does)."""
    rng = random.Random(7)
    base = samples.incapacity()
    now = datetime(2026, 11, 23, tzinfo=UTC)
    pat_rows, doc_rows, ver_rows = [], [], []
    first_patient = ""
    for i in range(n_patients):
        pid = uuid.uuid4()
        first_patient = first_patient or str(pid)
        used = now - timedelta(minutes=rng.randrange(500_000))
        given, family = rng.choice(("An", "Luc", "Sofie", "Marc", "Emma")), f"Peeters-{i:04d}"
        pat_rows.append(
            {
                "id": pid,
                "niss": f"{rng.randrange(10**10, 10**11)}",
                "given_name": given,
                "family_name": family,
                "search_key": fold(f"{given} {family}"),
                "language": "nl",
                "data": json.dumps({"address": {"city": "Gent"}, "sex": "female"}),
                "created_at": used,
                "updated_at": used,
                "last_used_at": used,
            }
        )
        for _ in range(docs_per_patient):
            did = uuid.uuid4()
            payload = canonical.canonical_bytes(replace(base, id=did, episode_id=f"EP-{i}"))
            digest = payload_hash(payload)
            doc_rows.append(
                {
                    "id": did,
                    "patient_id": pid,
                    "kind": "incapacity",
                    "status": "draft",
                    "language": "nl",
                    "created_at": used,
                    "updated_at": used,
                    "payload": payload,
                    "payload_hash": digest,
                    "current_version": 1,
                }
            )
            ver_rows.append(
                {
                    "document_id": did,
                    "version": 1,
                    "payload": payload,
                    "payload_hash": digest,
                    "saved_at": used,
                }
            )
    with profile.db.write() as conn:
        conn.execute(insert(patients), pat_rows)
        conn.execute(insert(documents), doc_rows)
        conn.execute(insert(document_versions), ver_rows)
    return first_patient


@pytest.fixture(scope="module")
def big_profile(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, str]:
    root = tmp_path_factory.mktemp("profiles")
    manager = ProfileManager(root)
    author = samples.practitioner()
    manager.create(
        "perf",
        passphrase=PASSPHRASE,
        practitioner=PractitionerInfo(
            author.given_name, author.family_name, author.riziv, author.niss, ("nl", "fr")
        ),
    )
    profile = manager.open("perf", PASSPHRASE)
    try:
        first = _populate(profile, n_patients=N_PATIENTS)
        assert profile.documents.count() == N_PATIENTS * 5
    finally:
        profile.lock()
    return root, first


def _child(code: str, *args: str) -> tuple[float, int]:
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen"}
    t0 = time.perf_counter()
    out = subprocess.run(
        [sys.executable, "-c", code, *args], capture_output=True, text=True, env=env, check=True
    ).stdout.split()
    wall = time.perf_counter() - t0
    return wall, int(out[1])  # wall time incl. interpreter start; resident KiB when shown


def test_cold_start_editor_and_memory(big_profile, tmp_path, qapp, bench: Bench) -> None:  # type: ignore[no-untyped-def]
    root, first_patient = big_profile
    bare, app = [], []
    for _ in range(RUNS):  # interleaved: both see the same machine state
        bare.append(_child(BARE))
        app.append(_child(APP, str(root), PASSPHRASE, str(tmp_path / "ui.ini")))
    bare_s = statistics.median(t for t, _ in bare)
    app_s = statistics.median(t for t, _ in app)
    bare_rss = statistics.median(r for _, r in bare) / 1024
    app_rss = statistics.median(r for _, r in app) / 1024

    # editor timings, in process
    from PySide6.QtCore import QSettings

    import fitnote_desktop.ui  # noqa: F401
    from fitnote_desktop.ui import i18n
    from fitnote_desktop.ui.main_window import MainWindow
    from fitnote_desktop.wiring.session import open_session

    languages = i18n.LanguageManager()
    languages.switch("nl")
    session = open_session(ProfileManager(root).open("perf", PASSPHRASE))
    try:
        window = MainWindow(
            session.services,
            languages,
            settings=QSettings(str(tmp_path / "w.ini"), QSettings.Format.IniFormat),
        )
        window.show()
        patient = session.services.patients.get(first_patient)
        window.open_patient(patient)
        new_times, open_times = [], []
        for _ in range(RUNS * 2):
            t0 = time.perf_counter()
            window.new_document(DocumentKind.INCAPACITY)
            qapp.processEvents()
            new_times.append(time.perf_counter() - t0)
            window.back()
            existing = window.page.model.record(window.page.model.rowCount() - 1)
            t0 = time.perf_counter()
            window.open_document(existing)
            qapp.processEvents()
            open_times.append(time.perf_counter() - t0)
            window.back()
        window.close()
    finally:
        session.close()
        languages.switch("en")

    print("\nUI performance (profile: 10,000 documents of 2,000 patients)")
    print(f"  cold start to interactive window  {app_s * 1000:7.0f} ms (median of {RUNS})")
    print(f"  bare PySide6 window               {bare_s * 1000:7.0f} ms")
    print(f"  ratio                             {app_s / bare_s:7.1f} x")
    print(f"  new certificate → editor ready    {statistics.median(new_times) * 1000:7.1f} ms")
    print(f"  open a stored document in editor  {statistics.median(open_times) * 1000:7.1f} ms")
    print(f"  resident memory app / bare window {app_rss:7.0f} MiB / {bare_rss:.0f} MiB")
    bench.record(
        "start.ratio_vs_bare_window", app_s * 1000, baseline=bare_s * 1000, baseline_unit="ms"
    )
    bench.record("rss.ratio_vs_bare_window", app_rss, baseline=bare_rss, baseline_unit="MiB")
