"""Benchmarks of the encrypted store (run with FITNOTE_PERF=1 ... -s; they print, not assert).

1. Autosave of a typical draft (canonical JSON of the sample incapacity certificate,
   ~3 kB): median and p95 of ``DocumentRepository.autosave`` (update + new version +
   pruning, one transaction), as a ratio to a raw ``sqlcipher3`` INSERT + COMMIT of the
   same bytes on a keyed connection with the same durability settings (WAL,
   synchronous=FULL), interleaved in the same run so both see the same disk and load.
2. A profile holding 10,000 documents of 2,000 patients: opening it (connect, key,
   schema check, audit entry, first screen: 20 recent patients, 50 recent documents)
   and searching patients by name fragments — absolute medians, and the ratio to the
   very same code on a plain-SQLite copy of the same database (the price of
   encryption). The production KDF unlock (scrypt N=2^17) is reported on its own.
"""

from __future__ import annotations

import json
import random
import statistics
import time
import uuid
from collections.abc import Callable
from dataclasses import replace
from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest
import sqlcipher3.dbapi2 as sqlcipher
from sqlalchemy import insert

from fitnote_desktop.domain import canonical, samples
from fitnote_desktop.store import KdfParams, ProfileManager, StoreOptions, migrations
from fitnote_desktop.store.audit import AuditLog
from fitnote_desktop.store.document_records import payload_hash
from fitnote_desktop.store.documents import DocumentRepository
from fitnote_desktop.store.engine import Database
from fitnote_desktop.store.keys import KeyFile, ProfileKey
from fitnote_desktop.store.patients import PatientRepository, fold
from fitnote_desktop.store.schema import document_versions, documents, patients

from .conftest import QUICK, Bench

pytestmark = pytest.mark.perf

PASSPHRASE = "benchmark passphrase"
ROWS: list[tuple[str, str, str, str]] = []


def _ms(samples_s: list[float]) -> tuple[float, float]:
    ordered = sorted(samples_s)
    p95 = ordered[min(len(ordered) - 1, round(0.95 * (len(ordered) - 1)))]
    return statistics.median(ordered) * 1000, p95 * 1000


def _row(metric: str, ours: str, base: str, ratio: str) -> None:
    ROWS.append((metric, ours, base, ratio))


def _print_table(title: str) -> None:
    print(f"\n{title}")
    widths = [
        max(len(r[i]) for r in [("metric", "store", "baseline", "ratio"), *ROWS]) for i in range(4)
    ]
    for r in [("metric", "store", "baseline", "ratio"), *ROWS]:
        print("  " + "  ".join(c.ljust(w) for c, w in zip(r, widths, strict=True)))
    ROWS.clear()


class PlainDatabase(Database):
    """The same engine, pragmas and code, minus ``PRAGMA key``: a plain SQLite file."""

    def _connect(self) -> sqlcipher.Connection:
        conn = sqlcipher.connect(
            str(self.path), isolation_level=None, check_same_thread=False, timeout=5
        )
        conn.execute("PRAGMA journal_mode = WAL").fetchone()
        conn.execute(f"PRAGMA synchronous = {self.options.synchronous}")
        conn.execute("PRAGMA foreign_keys = ON")
        conn.execute("PRAGMA temp_store = MEMORY")
        return conn


def test_autosave_vs_raw_sqlcipher_insert(tmp_path: Path, bench: Bench) -> None:
    options = StoreOptions(kdf=KdfParams.for_tests())
    manager = ProfileManager(tmp_path / "profiles", options)
    manager.create("bench", passphrase=PASSPHRASE)
    profile = manager.open("bench", PASSPHRASE)
    patient = profile.patients.create(given_name="Émilie", family_name="Vanderbeke-Dubois")
    doc = samples.incapacity()
    draft = profile.documents.create_draft(
        patient_id=patient.id,
        kind="incapacity",
        language="nl",
        payload=canonical.canonical_bytes(doc),
    )
    payloads = [
        canonical.canonical_bytes(replace(doc, episode_id=f"EP-{n:05d}"))
        for n in range(60 if QUICK else 300)
    ]

    raw = sqlcipher.connect(str(tmp_path / "raw.db"), isolation_level=None)
    raw.execute(f'PRAGMA key = "{ProfileKey.generate().sqlcipher_pragma_value()}"')
    raw.execute("PRAGMA journal_mode = WAL").fetchone()
    raw.execute("PRAGMA synchronous = FULL")
    raw.execute("CREATE TABLE t (id INTEGER PRIMARY KEY, payload BLOB NOT NULL)")

    ours: list[float] = []
    base: list[float] = []
    for payload in payloads:  # interleaved: same disk, same load
        t0 = time.perf_counter()
        raw.execute("BEGIN")
        raw.execute("INSERT INTO t (payload) VALUES (?)", (payload,))
        raw.execute("COMMIT")
        t1 = time.perf_counter()
        profile.documents.autosave(draft.id, payload)
        t2 = time.perf_counter()
        base.append(t1 - t0)
        ours.append(t2 - t1)
    raw.close()
    profile.lock()

    (om, op), (bm, bp) = _ms(ours[20:]), _ms(base[20:])
    _row(
        f"autosave median ({len(payloads[0])} B)", f"{om:.2f} ms", f"{bm:.2f} ms", f"{om / bm:.2f}x"
    )
    _row("autosave p95", f"{op:.2f} ms", f"{bp:.2f} ms", f"{op / bp:.2f}x")
    _print_table("Autosave vs raw sqlcipher3 INSERT+COMMIT (both WAL, synchronous=FULL)")
    bench.record("autosave.p95_ratio_vs_raw_insert", op, baseline=bp, baseline_unit="ms")


GIVEN = [
    "Émilie",
    "Jan",
    "Marie",
    "Lucas",
    "Sofie",
    "Mohamed",
    "Louise",
    "Noah",
    "Zoë",
    "Arthur",
    "Elise",
    "Thomas",
    "Inès",
    "Lars",
    "Fatima",
    "Pieter",
    "Chloé",
    "Youssef",
]
FAMILY = [
    "Peeters",
    "Janssens",
    "Maes",
    "Jacobs",
    "Mertens",
    "Willems",
    "Claes",
    "Goossens",
    "Dubois",
    "Lambert",
    "Dupont",
    "Vanderbeke",
    "De Smet",
    "Van Damme",
    "El Amrani",
    "Lefèvre",
    "Wouters",
    "Hermans",
    "D'Hondt",
    "Vandenberghe",
]


def _populate(db: Database, n_patients: int = 2000, docs_per_patient: int = 5) -> None:
    rng = random.Random(42)
    base_doc = samples.incapacity()
    now = datetime(2026, 11, 23, tzinfo=UTC)
    with db.write() as conn:
        migrations.upgrade(conn)
        pat_rows, doc_rows, ver_rows = [], [], []
        for i in range(n_patients):
            given, family = rng.choice(GIVEN), f"{rng.choice(FAMILY)}-{i:04d}"
            pid = uuid.uuid4()
            used = now - timedelta(minutes=rng.randrange(500_000))
            pat_rows.append(
                dict(
                    id=pid,
                    niss=f"{rng.randrange(10**10, 10**11)}",
                    given_name=given,
                    family_name=family,
                    search_key=fold(f"{given} {family}"),
                    language="nl",
                    data=json.dumps({"address": {"city": "Gent"}}),
                    created_at=used,
                    updated_at=used,
                    last_used_at=used,
                )
            )
            for _ in range(docs_per_patient):
                did = uuid.uuid4()
                payload = canonical.canonical_bytes(replace(base_doc, id=did, episode_id=str(i)))
                digest = payload_hash(payload)
                doc_rows.append(
                    dict(
                        id=did,
                        patient_id=pid,
                        kind="incapacity",
                        status="draft",
                        language="nl",
                        created_at=used,
                        updated_at=used,
                        payload=payload,
                        payload_hash=digest,
                        current_version=1,
                    )
                )
                ver_rows.append(
                    dict(
                        document_id=did,
                        version=1,
                        payload=payload,
                        payload_hash=digest,
                        saved_at=used,
                    )
                )
        conn.execute(insert(patients), pat_rows)
        conn.execute(insert(documents), doc_rows)
        conn.execute(insert(document_versions), ver_rows)


def _median_s(fn: Callable[[], object], runs: int) -> float:
    times = []
    for _ in range(runs):
        t0 = time.perf_counter()
        fn()
        times.append(time.perf_counter() - t0)
    return statistics.median(times)


def test_open_and_search_10000_documents(tmp_path: Path, bench: Bench) -> None:
    options = StoreOptions(kdf=KdfParams.for_tests())
    enc_path, plain_path = tmp_path / "enc.db", tmp_path / "plain.db"
    key = ProfileKey.generate()
    t0 = time.perf_counter()
    db = Database(enc_path, ProfileKey(key.raw()), options)
    _populate(db, n_patients=100 if QUICK else 2000)
    with db.raw() as raw:  # identical content, unencrypted
        raw.execute("ATTACH DATABASE ? AS plain KEY ''", (str(plain_path),))
        raw.execute("SELECT sqlcipher_export('plain')").fetchall()
        raw.execute("DETACH DATABASE plain")
    db.close()
    setup = time.perf_counter() - t0
    size_mb = enc_path.stat().st_size / 1e6

    def open_first_screen(make: Callable[[], Database]) -> Callable[[], None]:
        def run() -> None:
            database = make()
            with database.read() as conn:
                assert migrations.current_revision(conn) == migrations.HEAD
            audit = AuditLog(database, options.clock)
            audit.record("profile.unlocked")
            PatientRepository(database, audit, options.clock).recent(20)
            DocumentRepository(database, audit, options.clock).list(limit=50)
            database.close()

        return run

    enc_open = _median_s(
        open_first_screen(lambda: Database(enc_path, ProfileKey(key.raw()), options)), 15
    )
    plain_open = _median_s(
        open_first_screen(lambda: PlainDatabase(plain_path, ProfileKey(key.raw()), options)), 15
    )
    _row(
        "open + first screen (10k docs, 2k patients)",
        f"{enc_open * 1000:.1f} ms",
        f"{plain_open * 1000:.1f} ms",
        f"{enc_open / plain_open:.2f}x",
    )

    fragments = ["van", "dub", "emil", "d'h", "peeters-01", "zoe", "lefevre 12", "xyz"]
    results = {}
    for label, database in (
        ("enc", Database(enc_path, ProfileKey(key.raw()), options)),
        ("plain", PlainDatabase(plain_path, ProfileKey(key.raw()), options)),
    ):
        repo = PatientRepository(database, AuditLog(database, options.clock), options.clock)
        repo.search("warm-up")
        per_query = [_median_s(lambda q=q, r=repo: r.search(q), 25) for q in fragments]
        results[label] = statistics.median(per_query)
        database.close()
    _row(
        "patient search by fragment (median of 8 queries)",
        f"{results['enc'] * 1000:.2f} ms",
        f"{results['plain'] * 1000:.2f} ms",
        f"{results['enc'] / results['plain']:.2f}x",
    )

    # the one-off cost of unlocking with the production KDF (not part of the ratios above)
    kf = KeyFile(tmp_path / "key.json", str(uuid.uuid4()))
    kf.write(key, PASSPHRASE)  # production parameters (scrypt N=2^17, r=8, p=1)
    unlock = _median_s(lambda: kf.read(PASSPHRASE), 1 if QUICK else 3)
    _row("passphrase unlock, scrypt N=2^17 r=8 p=1", f"{unlock * 1000:.0f} ms", "-", "-")
    manager_open = _profile_open_with_keyring(tmp_path, options)
    _row(
        "ProfileManager.open (keyring key, tiny profile)", f"{manager_open * 1000:.1f} ms", "-", "-"
    )
    bench.record("search.ms", results["enc"] * 1000)
    _print_table(
        f"Profile with 10,000 documents of 2,000 patients ({size_mb:.0f} MB, "
        f"built in {setup:.0f} s): encrypted vs the same code on plain SQLite"
    )


def _profile_open_with_keyring(tmp_path: Path, options: StoreOptions) -> float:
    import keyring
    from keyring.backend import KeyringBackend

    class Memory(KeyringBackend):
        priority = 10  # type: ignore[assignment]

        def __init__(self) -> None:
            super().__init__()
            self.secrets: dict[tuple[str, str], str] = {}

        def get_password(self, service: str, username: str) -> str | None:
            return self.secrets.get((service, username))

        def set_password(self, service: str, username: str, password: str) -> None:
            self.secrets[(service, username)] = password

        def delete_password(self, service: str, username: str) -> None:
            self.secrets.pop((service, username), None)

    previous = keyring.get_keyring()
    keyring.set_keyring(Memory())
    try:
        manager = ProfileManager(tmp_path / "k", options)
        manager.create("k", use_keyring=True)
        return _median_s(lambda: manager.open("k").lock(), 10)
    finally:
        keyring.set_keyring(previous)
