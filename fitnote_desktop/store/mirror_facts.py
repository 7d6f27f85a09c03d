"""The query behind the mirror screen: the few fields of each signed certificate.

The mirror needs, per signed incapacity certificate or partial resumption, its patient,
period, principal diagnosis code and whether it carries a fit-note. The last two live in
the payload, and decrypting 10,000 payloads takes seconds; the documents' rows are wide
(payload inline) too. So everything the mirror needs of a signed document is copied once
into the narrow ``mirror_facts`` table (revision 0005): a signed document's patient,
kind, period and payload never change (the database's triggers see to it), so the copy
stays true. Only its status moves on: the query leaves out the withdrawn ones (refused,
retracted, replaced) through the status index. SQLite's JSON functions pick the payload
fields out inside the encrypted database; nothing here interprets them (the mapping of a
code to a pathology group belongs to the caller).

Facts are added lazily for signed documents that have none: a count comparison (two
index-only counts) tells whether any is missing, so the usual call reads only the
facts table.
"""

from __future__ import annotations

import json
from datetime import date

from sqlalchemy import text

from fitnote_desktop.store.engine import Database

_COUNTS = text(
    """
    SELECT (SELECT count(*) FROM documents
            WHERE kind IN ('incapacity', 'partial-resumption') AND status <> 'draft'),
           (SELECT count(*) FROM mirror_facts)
    """
)
_MISSING = text(
    """
    SELECT d.id, d.patient_id, d.kind, d.period_begin, d.period_end,
           json_extract(CAST(d.payload AS TEXT), '$.body.diagnoses'),
           json_type(CAST(d.payload AS TEXT), '$.body.fit_note')
    FROM documents AS d LEFT JOIN mirror_facts AS f ON f.document_id = d.id
    WHERE d.kind IN ('incapacity', 'partial-resumption') AND d.status <> 'draft'
      AND f.document_id IS NULL
    """
)
_INSERT = text(
    "INSERT INTO mirror_facts (document_id, patient_id, kind, period_begin, period_end, "
    "diagnosis_code, diagnosis_system, fit_note) "
    "VALUES (:id, :patient_id, :kind, :begin, :end, :code, :system, :fit_note)"
)
# Counted: what the physician actually issued. A refused certificate never reached the
# advising physician; retracted and replaced ones were withdrawn.
_QUERY = text(
    """
    SELECT patient_id, kind, period_begin, period_end,
           diagnosis_code, diagnosis_system, fit_note
    FROM mirror_facts
    WHERE period_begin >= :since
      AND document_id NOT IN (
          SELECT id FROM documents WHERE status IN ('rejected', 'retracted', 'replaced'))
    """
)


CertificateRow = tuple[str, str, str, str | None, str, str, int]
"""patient id, kind, period begin and end (ISO dates), diagnosis code and system, fit-note
(0/1) of one issued certificate, as the database hands them out (the caller converts, in
the one pass it makes anyway). The code is medical: never log a row."""


def _principal(diagnoses: str | None) -> tuple[str, str]:
    """(code, system) of the principal diagnosis (the marked one, else the first)."""
    if not diagnoses:
        return "", ""
    try:
        items = [d for d in json.loads(diagnoses) if isinstance(d, dict)]
    except ValueError:
        return "", ""
    chosen = next((d for d in items if d.get("principal")), items[0] if items else None)
    if chosen is None:
        return "", ""
    return str(chosen.get("code") or ""), str(chosen.get("code_system") or "")


def _fill_missing(database: Database) -> None:
    """Copy the facts of signed documents that have none yet (once per document)."""
    with database.read() as conn:
        documents, facts = conn.execute(_COUNTS).one()
        missing = conn.execute(_MISSING).all() if documents != facts else []
    if not missing:
        return
    rows = []
    for doc_id, patient_id, kind, begin, end, diagnoses, fit_note in missing:
        code, system = _principal(diagnoses)
        rows.append(
            {
                "id": doc_id,
                "patient_id": patient_id,
                "kind": kind,
                "begin": begin,
                "end": end,
                "code": code,
                "system": system,
                "fit_note": int(fit_note == "object"),
            }
        )
    with database.write() as conn:
        conn.execute(_INSERT, rows)


def certificate_rows(database: Database, since: date) -> list[CertificateRow]:
    """Issued certificates and partial resumptions whose period begins on or after ``since``."""
    _fill_missing(database)
    with database.read() as conn:
        # On the driver's cursor: SQLAlchemy's per-row Result machinery cost more than the
        # query itself over 10,000 rows (profile of ``mirror.ms``); the rows are plain tuples.
        driver = conn.connection.driver_connection
        assert driver is not None
        rows: list[CertificateRow] = driver.execute(
            _QUERY.text, {"since": since.isoformat()}
        ).fetchall()
        return rows
