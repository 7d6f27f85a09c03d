"""The one query behind the mirror screen: the few fields of each signed certificate.

The mirror needs, per signed incapacity certificate or partial resumption, its patient,
period, principal diagnosis code and whether it carries a fit-note. Decoding 10,000
canonical payloads in Python would dominate the screen's time, so SQLite's JSON
functions pick just those fields out inside the (encrypted) database, in one pass, and
only rows of the window travel to Python. Nothing here is interpreted: the mapping of a
code to a pathology group belongs to the caller.
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from datetime import date

from sqlalchemy import text

from fitnote_desktop.store.engine import Database

# Statuses of certificates the physician actually issued (replaced and retracted ones
# were withdrawn; a refused one never reached the advising physician).
COUNTED_STATUSES = ("signed", "queued", "sent", "accepted")

_QUERY = text(
    """
    SELECT patient_id, kind, period_begin, period_end,
           json_extract(CAST(payload AS TEXT), '$.body.diagnoses') AS diagnoses,
           json_type(CAST(payload AS TEXT), '$.body.fit_note') AS fit_note
    FROM documents
    WHERE kind IN ('incapacity', 'partial-resumption')
      AND status IN ('signed', 'queued', 'sent', 'accepted')
      AND period_begin >= :since
    """
)


@dataclass(frozen=True, repr=False)
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


def certificate_rows(database: Database, since: date) -> list[CertificateRow]:
    """Issued certificates and partial resumptions whose period begins on or after ``since``."""
    with database.read() as conn:
        rows = conn.execute(_QUERY, {"since": since.isoformat()}).all()
    out = []
    for patient_id, kind, begin, end, diagnoses, fit_note in rows:
        start = _day(begin)
        if start is None:
            continue
        code, system = _principal(diagnoses)
        out.append(
            CertificateRow(
                str(patient_id), kind, start, _day(end), code, system, fit_note == "object"
            )
        )
    return out
