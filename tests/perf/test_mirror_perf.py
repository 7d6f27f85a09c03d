"""Benchmark of the mirror's own figures (run with FITNOTE_PERF=1 ... -s; prints, not asserts).

A profile of 10,000 signed certificates of 2,000 patients over two years (varied
diagnoses, a third with a fit-note, some prolonged, some partial resumptions), encrypted
like a real one: ``Mirror.own(12)`` (the screen's and the CLI's first step: the JSON
picking query in SQLCipher, then the episode arithmetic in Python), median of repeated
runs. Reported as ``mirror.ms``, with the query alone beside it.
"""

from __future__ import annotations

import random
import statistics
import time
import uuid
from dataclasses import replace
from datetime import UTC, date, datetime, timedelta
from pathlib import Path

import pytest
from sqlalchemy import insert

from fitnote_desktop.adapters.mirror import StoreMirrorFacts
from fitnote_desktop.domain import canonical, samples
from fitnote_desktop.domain.model import CodeSystem, Diagnosis, Period
from fitnote_desktop.services.mirror import Mirror
from fitnote_desktop.store import KdfParams, StoreOptions, migrations
from fitnote_desktop.store.document_records import payload_hash
from fitnote_desktop.store.engine import Database
from fitnote_desktop.store.keys import ProfileKey
from fitnote_desktop.store.mirror_facts import certificate_rows
from fitnote_desktop.store.schema import documents, patients

from .conftest import QUICK, Bench

pytestmark = pytest.mark.perf

TODAY = date(2026, 11, 29)
CODES = (
    ("L86", CodeSystem.ICPC2),
    ("L83", CodeSystem.ICPC2),
    ("P76", CodeSystem.ICPC2),
    ("R80", CodeSystem.ICPC2),
    ("D73", CodeSystem.ICPC2),
    ("M54.5", CodeSystem.ICD10),
    ("F32.1", CodeSystem.ICD10),
    ("F43.2", CodeSystem.ICD10),
    ("S83.2", CodeSystem.ICD10),
    ("J11.1", CodeSystem.ICD10),
)


def _populate(db: Database, n_patients: int, docs_per_patient: int = 5) -> int:
    rng = random.Random(15)
    base = samples.incapacity()
    assert isinstance(base.body, samples.IncapacityCertificate)
    signed = datetime(2026, 11, 1, tzinfo=UTC)
    pat_rows, doc_rows = [], []
    for i in range(n_patients):
        pid = uuid.uuid4()
        pat_rows.append(
            dict(
                id=pid,
                given_name="P",
                family_name=f"{i:05d}",
                search_key=f"p {i:05d}",
                created_at=signed,
                updated_at=signed,
            )
        )
        begin = TODAY - timedelta(days=rng.randrange(730))
        code, system = rng.choice(CODES)
        for _ in range(docs_per_patient):
            end = begin + timedelta(days=rng.randrange(3, 30))
            body = replace(
                base.body,
                period=Period(begin, end),
                diagnoses=(Diagnosis("", code, system, principal=True),),
                fit_note=base.body.fit_note if rng.random() < 0.33 else None,
            )
            did = uuid.uuid4()
            payload = canonical.canonical_bytes(replace(base, id=did, body=body))
            doc_rows.append(
                dict(
                    id=did,
                    patient_id=pid,
                    kind="incapacity",
                    status="accepted",
                    language="nl",
                    created_at=signed,
                    updated_at=signed,
                    period_begin=begin,
                    period_end=end,
                    payload=payload,
                    payload_hash=payload_hash(payload),
                    current_version=1,
                    signature=b"benchmark signature",
                    signed_at=signed,
                )
            )
            # a prolongation (next day) or a new episode a month or more later
            gap = 1 if rng.random() < 0.5 else rng.randrange(30, 120)
            begin = end + timedelta(days=gap)
    with db.write() as conn:
        migrations.upgrade(conn)
        conn.execute(insert(patients), pat_rows)
        conn.execute(insert(documents), doc_rows)
    return len(doc_rows)


def _median_ms(fn: object, runs: int) -> float:
    times = []
    for _ in range(runs):
        t0 = time.perf_counter()
        fn()  # type: ignore[operator]
        times.append(time.perf_counter() - t0)
    return statistics.median(times) * 1000


def test_own_figures_over_10000_documents(tmp_path: Path, bench: Bench) -> None:
    options = StoreOptions(kdf=KdfParams.for_tests())
    db = Database(tmp_path / "mirror.db", ProfileKey.generate(), options)
    count = _populate(db, n_patients=100 if QUICK else 2000)
    mirror = Mirror(facts=StoreMirrorFacts(db), peers=None, clock=lambda: TODAY)
    report = mirror.own(12)  # warm-up (statement compilation, page cache)
    runs = 3 if QUICK else 15
    own_ms = _median_ms(lambda: mirror.own(12), runs)
    query_ms = _median_ms(lambda: certificate_rows(db, TODAY - timedelta(days=730)), runs)
    db.close()
    every = report.groups[-1]
    print(
        f"\nmirror over {count} signed documents: Mirror.own(12) {own_ms:.1f} ms "
        f"(the query alone {query_ms:.1f} ms); {every.certificates} certificates, "
        f"{every.episodes} episodes in the window, {len(report.groups) - 1} groups"
    )
    bench.record("mirror.ms", own_ms)
