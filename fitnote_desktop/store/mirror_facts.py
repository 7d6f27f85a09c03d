"""The query behind the mirror screen: the few fields of each signed certificate.

The mirror needs, per signed incapacity certificate or partial resumption, its patient,
period, principal diagnosis code and whether it carries a fit-note. The last two live in
the payload, and decrypting 10,000 payloads takes seconds, so they are copied once into
``mirror_facts`` (revision 0005) the first time the mirror sees a signed document: a
signed payload never changes, so the copy stays true. SQLite's JSON functions pick the
fields out inside the encrypted database. The query itself then reads only the covering
index ``ix_documents_mirror`` and the narrow facts table. Nothing here is interpreted:
the mapping of a code to a pathology group belongs to the caller.
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from datetime import date

from sqlalchemy import text

from fitnote_desktop.store.engine import Database

# Both queries count the certificates the physician actually issued: signed, queued,
# sent, accepted (replaced and retracted ones were withdrawn; a refused one never reached
# the advising physician).

_MISSING = text(
    """
    SELECT d.id,
           json_extract(CAST(d.payload AS TEXT), '$.body.diagnoses'),
           json_type(CAST(d.payload AS TEXT), '$.body.fit_note')
    FROM documents AS d LEFT JOIN mirror_facts AS f ON f.document_id = d.id
    WHERE d.kind IN ('incapacity', 'partial-resumption')
      AND d.status IN ('signed', 'queued', 'sent', 'accepted')
      AND f.document_id IS NULL
    """
)
_INSERT = text(
    "INSERT INTO mirror_facts (document_id, diagnosis_code, diagnosis_system, fit_note) "
    "VALUES (:id, :code, :system, :fit_note)"
)
_QUERY = text(
    """
    SELECT d.patient_id, d.kind, d.period_begin, d.period_end,
           f.diagnosis_code, f.diagnosis_system, f.fit_note
    FROM documents AS d JOIN mirror_facts AS f ON f.document_id = d.id
    WHERE d.kind IN ('incapacity', 'partial-resumption')
      AND d.status IN ('signed', 'queued', 'sent', 'accepted')
      AND d.period_begin >= :since
    """
)


@dataclass(frozen=True, repr=False, slots=True)
class CertificateRow:
    """One issued certificate as the mirror sees it (diagnosis code only, no text)."""

    patient_id: str
    kind: str
    begin: date
    end: date | None
    code: str
    code_system: str
    fit_note: bool

    def __repr__(self) -> str:  # the code is medical: keep it out of logs
        return f"CertificateRow(kind={self.kind}, begin={self.begin})"


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


def _day(value: object) -> date | None:
    if value is None or isinstance(value, date):
        return value
    return date.fromisoformat(str(value))


def _fill_missing(database: Database) -> None:
    """Copy the facts of signed documents that have none yet (once per document)."""
    with database.read() as conn:
        missing = conn.execute(_MISSING).all()
    if not missing:
        return
    rows = []
    for doc_id, diagnoses, fit_note in missing:
        code, system = _principal(diagnoses)
        rows.append(
            {"id": doc_id, "code": code, "system": system, "fit_note": int(fit_note == "object")}
        )
    with database.write() as conn:
        conn.execute(_INSERT, rows)


def certificate_rows(database: Database, since: date) -> list[CertificateRow]:
    """Issued certificates and partial resumptions whose period begins on or after ``since``."""
    _fill_missing(database)
    with database.read() as conn:
        rows = conn.execute(_QUERY, {"since": since.isoformat()}).all()
    days: dict[object, date | None] = {}  # a few hundred distinct dates for 10,000 rows

    def day(value: object) -> date | None:
        if value not in days:
            days[value] = _day(value)
        return days[value]

    out = []
    for patient_id, kind, begin, end, code, system, fit_note in rows:
        start = day(begin)
        if start is not None:
            out.append(
                CertificateRow(str(patient_id), kind, start, day(end), code, system, bool(fit_note))
            )
    return out
