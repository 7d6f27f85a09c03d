"""The submit path's SQL on the driver's connection stores what the ORM reads back.

``endpoint.submit_sql`` writes documents without SQLAlchemy's execution layer; every
other route reads them through the ORM. On SQLite and on PostgreSQL: each column read
back equals what was given (aware UTC times, booleans, bytes, truncated free text), the
replay read equals the stored acceptance, a repeated id is refused by the primary key,
and one patient keeps one dossier.
"""

from __future__ import annotations

from dataclasses import replace
from datetime import UTC, datetime

import sqlalchemy as sa
from support.endpoint import reset_database

from fitnote_desktop.endpoint import db, tables
from fitnote_desktop.endpoint.submit_sql import NewDocument, SubmitSql


def _new(document_id: str, received_at: datetime) -> NewDocument:
    return NewDocument(
        id=document_id,
        payload_sha256="a" * 64,
        payload=b'{"schema":"fitnote/1"}',
        signature=bytes(range(256)),
        kind="incapacity",
        author_riziv="12345678901",
        episode_id="e" * 120,  # longer than the column: stored truncated to 100
        consent_reference="c-1",
        episode_sharing=True,
        received_at=received_at,
        receipt=b'{"receipt":1}',
        receipt_signature=b"\x00\x01\xff",
    )


def test_submit_sql_round_trips_through_the_orm(db_url: str) -> None:
    if db_url.startswith("postgresql"):
        reset_database(db_url)
    engine = db.make_engine(db_url)
    try:
        tables.create_schema(engine)
        sql = SubmitSql(engine)
        received = datetime(2026, 11, 29, 17, 5, 6, 789012, tzinfo=UTC)
        first = _new("00000000-0000-4000-8000-000000000001", received)

        assert sql.accepted(first.id) is None
        dossier = sql.insert("k" * 64, first)
        assert dossier is not None
        assert sql.insert("k" * 64, replace(first, payload_sha256="b" * 64)) is None
        second = _new("00000000-0000-4000-8000-000000000002", received)
        assert sql.insert("k" * 64, second) == dossier  # same patient, same dossier

        with db.session_factory(engine)() as dbs:
            row = dbs.get(db.Document, first.id)
            assert row is not None
            assert (row.payload_sha256, row.payload, row.signature) == (
                first.payload_sha256,
                first.payload,
                first.signature,
            )
            assert (row.kind, row.author_riziv, row.dossier_id) == (
                "incapacity",
                first.author_riziv,
                dossier,
            )
            assert row.episode_id == "e" * 100
            assert row.consent_reference == "c-1" and row.episode_sharing is True
            assert row.status == "accepted" and row.received_at == received
            assert (row.receipt, row.receipt_signature) == (first.receipt, first.receipt_signature)
            assert dbs.execute(sa.select(sa.func.count()).select_from(db.Dossier)).scalar() == 1
            created = dbs.get(db.Dossier, dossier)
            assert created is not None and created.created_at == received

        stored = sql.accepted(first.id)
        assert stored is not None
        assert (stored.id, stored.payload_sha256, stored.author_riziv) == (
            first.id,
            first.payload_sha256,
            first.author_riziv,
        )
        assert stored.received_at == received and stored.dossier_id == dossier
        assert (stored.receipt, stored.receipt_signature) == (
            first.receipt,
            first.receipt_signature,
        )
    finally:
        engine.dispose()
