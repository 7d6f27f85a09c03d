"""Benchmark of the sick-leave worklist (run with FITNOTE_PERF=1 ... -s; it prints).

A profile holding 10,000 issued documents of 2,000 patients (``--quick``: 100 patients):
each patient has a chain of five certificates; about one in six is on sick leave today,
a few of them for more than a year with an invalidity recognition, the others went back
to work at some point in the last two years. Measured: building the whole worklist
(``SickLeaveWorklist.build``: the store queries on the encrypted database, the episodes
and sections), median of repeated runs on an open profile. Target (issue 15): < 50 ms.
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

from fitnote_desktop.adapters.worklist import StoreWorklist
from fitnote_desktop.domain import canonical, samples
from fitnote_desktop.domain.model import IncapacityCertificate, InvalidityRecognition, Period
from fitnote_desktop.services.ports import Profile
from fitnote_desktop.services.worklist import NoQuestions, SickLeaveWorklist
from fitnote_desktop.store import KdfParams, StoreOptions, migrations
from fitnote_desktop.store.document_records import payload_hash
from fitnote_desktop.store.engine import Database
from fitnote_desktop.store.keys import ProfileKey
from fitnote_desktop.store.patients import fold
from fitnote_desktop.store.schema import documents, patients
from fitnote_desktop.store.worklist import WorklistQueries

from .conftest import QUICK, Bench

pytestmark = pytest.mark.perf

TODAY = date(2026, 11, 23)
DOCS_PER_PATIENT = 5


def _document_row(pid: uuid.UUID, doc: object, kind: str, begin: date, end: date) -> dict:  # type: ignore[type-arg]
    payload = canonical.canonical_bytes(doc)  # type: ignore[arg-type]
    at = datetime.combine(begin, datetime.min.time(), UTC)
    return dict(
        id=doc.id,  # type: ignore[attr-defined]
        patient_id=pid,
        kind=kind,
        status="accepted",
        language="nl",
        created_at=at,
        updated_at=at,
        period_begin=begin,
        period_end=end,
        payload=payload,
        payload_hash=payload_hash(payload),
        current_version=1,
        signature=b"bench-signature",
        signed_at=at,
    )


def _populate(db: Database, n_patients: int) -> int:
    """Returns how many patients are on sick leave today."""
    rng = random.Random(15)
    cert = samples.incapacity()
    rec = samples.invalidity_recognition()
    assert isinstance(cert.body, IncapacityCertificate)
    assert isinstance(rec.body, InvalidityRecognition)
    now = datetime(2026, 11, 23, tzinfo=UTC)
    pat_rows, doc_rows, on_leave = [], [], 0
    for i in range(n_patients):
        pid = uuid.uuid4()
        pat_rows.append(
            dict(
                id=pid,
                given_name=f"Given{i}",
                family_name=f"Family-{i:04d}",
                search_key=fold(f"Given{i} Family-{i:04d}"),
                language="nl",
                created_at=now,
                updated_at=now,
                last_used_at=now,
            )
        )
        leave = i % 6 == 0
        long_leave = leave and i % 30 == 0
        on_leave += leave
        length = rng.randrange(7, 90 if long_leave else 30)
        n_certs = DOCS_PER_PATIENT - (1 if long_leave else 0)
        # the last certificate ends in the coming weeks (on leave: the first one began
        # before today) or some time ago
        end = (
            TODAY + timedelta(days=rng.randrange(0, min(40, n_certs * length - 1)))
            if leave
            else TODAY - timedelta(days=rng.randrange(1, 700))
        )
        periods = []
        for _ in range(n_certs):
            begin = end - timedelta(days=length - 1)
            periods.append((begin, end))
            end = begin - timedelta(days=1)
        periods.reverse()
        if long_leave:  # over a year: a recognition covers today, the certificates before
            since = periods[0][0] - timedelta(days=400)
            valid_from, valid_until = TODAY - timedelta(days=200), TODAY + timedelta(days=20)
            body = replace(
                rec.body, valid_from=valid_from, valid_until=valid_until, incapacity_since=since
            )
            doc = replace(rec, id=uuid.uuid4(), body=body)
            doc_rows.append(
                _document_row(pid, doc, "invalidity-recognition", valid_from, valid_until)
            )
        for begin, finish in periods:
            body = replace(cert.body, period=Period(begin, finish))
            doc = replace(cert, id=uuid.uuid4(), body=body)
            doc_rows.append(_document_row(pid, doc, "incapacity", begin, finish))
    with db.write() as conn:
        migrations.upgrade(conn)
        conn.execute(insert(patients), pat_rows)
        conn.execute(insert(documents), doc_rows)
    return on_leave


def test_worklist_of_10000_documents(tmp_path: Path, bench: Bench) -> None:
    options = StoreOptions(kdf=KdfParams.for_tests())
    db = Database(tmp_path / "enc.db", ProfileKey.generate(), options)
    n_patients = 100 if QUICK else 2000
    on_leave = _populate(db, n_patients)
    service = SickLeaveWorklist(
        store=StoreWorklist(WorklistQueries(db)),
        questions=NoQuestions(),
        profile=Profile(samples.practitioner()),
        clock=lambda: TODAY,
    )
    first = service.build()
    assert len(first.rows) == on_leave
    times = []
    for _ in range(5 if QUICK else 30):
        t0 = time.perf_counter()
        service.build()
        times.append(time.perf_counter() - t0)
    db.close()
    median_ms = statistics.median(times) * 1000
    print(
        f"\nworklist: {n_patients} patients, {n_patients * DOCS_PER_PATIENT} documents, "
        f"{on_leave} on sick leave, {sum(first.counts().values())} actions: "
        f"median {median_ms:.1f} ms, max {max(times) * 1000:.1f} ms"
    )
    bench.record("worklist.ms", median_ms)
