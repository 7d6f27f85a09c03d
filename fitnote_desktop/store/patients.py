"""Patients: create, edit, find by name fragment or NISS, most recently used first.

Search runs on ``search_key``: given and family name folded to lower case without
accents, punctuation turned into spaces ("Émilie Vanderbeke-Dubois" -> "emilie
vanderbeke dubois"). The query is folded the same way and every word must occur, so
"vanderbeke-dub", "EMILIE dubois" and "émi" all find her. The key is stored (in the
encrypted database) rather than computed per query so a ``LIKE`` over 2,000 patients
stays a plain scan of short strings. A query made only of digits and separators
searches the NISS by prefix instead.
"""

from __future__ import annotations

import json
import re
import unicodedata
import uuid
from collections.abc import Callable, Mapping
from dataclasses import dataclass, field
from datetime import datetime
from typing import Any

from sqlalchemy import ColumnElement, and_, func, insert, nulls_last, select, update
from sqlalchemy.engine import Connection, Row

from fitnote_desktop.store.audit import AuditLog
from fitnote_desktop.store.engine import Database
from fitnote_desktop.store.errors import PatientExistsError, RecordNotFoundError
from fitnote_desktop.store.schema import patients

_NON_ALNUM = re.compile(r"[^0-9a-z]+")
_NISS_QUERY = re.compile(r"[\d.\-/\s]+")


def fold(text: str) -> str:
    """Lower-case, accent-free, punctuation-free form used for searching names."""
    decomposed = unicodedata.normalize("NFKD", text.casefold())
    stripped = "".join(c for c in decomposed if not unicodedata.combining(c))
    return _NON_ALNUM.sub(" ", stripped).strip()


def normalize_niss(niss: str | None) -> str | None:
    """Digits only ("85.07.30-032.29" -> "85073003229"); None when empty.

    The store does not judge validity (check digits are the domain's business); it only
    makes the same number always look the same, so the unique index means something.
    """
    if niss is None:
        return None
    digits = "".join(ch for ch in niss if ch.isdigit())
    return digits or None


def _like_escape(text: str) -> str:
    return text.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_")


@dataclass(frozen=True)
class PatientRecord:
    id: uuid.UUID
    given_name: str
    family_name: str
    niss: str | None = None
    language: str | None = None
    data: Mapping[str, Any] = field(default_factory=dict)
    created_at: datetime | None = None
    updated_at: datetime | None = None
    last_used_at: datetime | None = None

    def __repr__(self) -> str:  # keep names and NISS out of logs and tracebacks
        return f"PatientRecord(id={self.id})"


def _record(row: Row[Any]) -> PatientRecord:
    return PatientRecord(
        id=row.id,
        given_name=row.given_name,
        family_name=row.family_name,
        niss=row.niss,
        language=row.language,
        data=json.loads(row.data),
        created_at=row.created_at,
        updated_at=row.updated_at,
        last_used_at=row.last_used_at,
    )


class PatientRepository:
    def __init__(self, db: Database, audit: AuditLog, clock: Callable[[], datetime]) -> None:
        self._db = db
        self._audit = audit
        self._clock = clock

    def create(
        self,
        *,
        given_name: str,
        family_name: str,
        niss: str | None = None,
        language: str | None = None,
        data: Mapping[str, Any] | None = None,
        id: uuid.UUID | None = None,
    ) -> PatientRecord:
        """Add a patient; a NISS already present raises ``store.patient_exists``."""
        now = self._clock()
        pid = id or uuid.uuid4()
        niss = normalize_niss(niss)
        with self._db.write() as conn:
            existing = None if niss is None else self._id_by_niss(conn, niss)
            if existing is not None:
                raise PatientExistsError(patient_id=str(existing))
            conn.execute(
                insert(patients).values(
                    id=pid,
                    niss=niss,
                    given_name=given_name,
                    family_name=family_name,
                    search_key=fold(f"{given_name} {family_name}"),
                    language=language,
                    data=json.dumps(dict(data or {}), sort_keys=True),
                    created_at=now,
                    updated_at=now,
                    last_used_at=now,
                )
            )
            self._audit.append(conn, "patient.created", patient_id=pid)
            return _record(self._get(conn, pid))

    def update(
        self,
        patient_id: uuid.UUID,
        *,
        given_name: str | None = None,
        family_name: str | None = None,
        niss: str | None = None,
        language: str | None = None,
        data: Mapping[str, Any] | None = None,
    ) -> PatientRecord:
        """Change the given fields (``None`` keeps a field); search key follows the name."""
        with self._db.write() as conn:
            current = self._get(conn, patient_id)
            values: dict[str, Any] = {"updated_at": self._clock()}
            if given_name is not None:
                values["given_name"] = given_name
            if family_name is not None:
                values["family_name"] = family_name
            if given_name is not None or family_name is not None:
                values["search_key"] = fold(
                    f"{given_name if given_name is not None else current.given_name} "
                    f"{family_name if family_name is not None else current.family_name}"
                )
            if niss is not None:
                normalized = normalize_niss(niss)
                other = None if normalized is None else self._id_by_niss(conn, normalized)
                if other is not None and other != patient_id:
                    raise PatientExistsError(patient_id=str(other))
                values["niss"] = normalized
            if language is not None:
                values["language"] = language
            if data is not None:
                values["data"] = json.dumps(dict(data), sort_keys=True)
            conn.execute(update(patients).where(patients.c.id == patient_id).values(**values))
            self._audit.append(conn, "patient.updated", patient_id=patient_id)
            return _record(self._get(conn, patient_id))

    def get(self, patient_id: uuid.UUID) -> PatientRecord:
        with self._db.read() as conn:
            return _record(self._get(conn, patient_id))

    def find_by_niss(self, niss: str) -> PatientRecord | None:
        normalized = normalize_niss(niss)
        if normalized is None:
            return None
        with self._db.read() as conn:
            row = conn.execute(select(patients).where(patients.c.niss == normalized)).first()
        return None if row is None else _record(row)

    def touch(self, patient_id: uuid.UUID) -> None:
        """Mark the patient as just used, so they come first in :meth:`recent`."""
        with self._db.write() as conn:
            self.touch_in(conn, patient_id)

    def touch_in(self, conn: Connection, patient_id: uuid.UUID) -> None:
        conn.execute(
            update(patients).where(patients.c.id == patient_id).values(last_used_at=self._clock())
        )

    def recent(self, limit: int = 20) -> list[PatientRecord]:
        with self._db.read() as conn:
            rows = conn.execute(select(patients).order_by(*self._recent_order()).limit(limit))
            return [_record(row) for row in rows]

    def search(self, query: str, limit: int = 50) -> list[PatientRecord]:
        """Name fragments (accent/case-insensitive, every word must match) or NISS prefix."""
        query = query.strip()
        if not query:
            return self.recent(limit)
        condition: ColumnElement[bool]
        if _NISS_QUERY.fullmatch(query):
            digits = normalize_niss(query) or ""
            condition = patients.c.niss.like(_like_escape(digits) + "%", escape="\\")
        else:
            words = fold(query).split()
            if not words:
                return []
            condition = and_(
                *(patients.c.search_key.like(f"%{_like_escape(w)}%", escape="\\") for w in words)
            )
        with self._db.read() as conn:
            rows = conn.execute(
                select(patients).where(condition).order_by(*self._recent_order()).limit(limit)
            )
            return [_record(row) for row in rows]

    def count(self) -> int:
        with self._db.read() as conn:
            return int(conn.execute(select(func.count()).select_from(patients)).scalar_one())

    # helpers ---------------------------------------------------------------------------
    @staticmethod
    def _recent_order() -> tuple[Any, ...]:
        return (
            nulls_last(patients.c.last_used_at.desc()),
            patients.c.family_name,
            patients.c.given_name,
        )

    @staticmethod
    def _id_by_niss(conn: Connection, niss: str) -> uuid.UUID | None:
        return conn.execute(select(patients.c.id).where(patients.c.niss == niss)).scalar()

    @staticmethod
    def _get(conn: Connection, patient_id: uuid.UUID) -> Row[Any]:
        row = conn.execute(select(patients).where(patients.c.id == patient_id)).first()
        if row is None:
            raise RecordNotFoundError()
        return row
