"""The occupational physician's notes on the contact moments of an episode.

At month 1 and at 8 weeks of incapacity the occupational physician may contact the
worker (``domain.timeline``); what came of it is noted here: was the worker reachable,
is adapted work possible, what is the next step. The notes belong to the patient's
dossier at the endpoint and are shown on the desk to the occupational physician who
wrote them and to the advising physician; there is no route, page or API through
which an employer reads them (the employer has no account on the endpoint).
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime

import sqlalchemy as sa
from sqlalchemy.orm import Mapped, mapped_column
from sqlalchemy.orm import Session as DbSession

from fitnote_desktop.endpoint.db import Base, UtcDateTime, new_id

MOMENTS = ("month1", "week8")  # timeline.occupational_month1, timeline.work_potential_8w
NEXT_STEP_MAX = 1000
READERS = ("advising", "occupational")  # the roles that see the notes; never an employer


class ContactNote(Base):
    __tablename__ = "desk_contact_notes"
    id: Mapped[str] = mapped_column(sa.String(36), primary_key=True, default=new_id)
    dossier_id: Mapped[str] = mapped_column(sa.ForeignKey("dossiers.id"), index=True)
    document_id: Mapped[str] = mapped_column(sa.String(36))
    author_riziv: Mapped[str] = mapped_column(sa.String(11))
    moment: Mapped[str] = mapped_column(sa.String(16))
    reachable: Mapped[bool] = mapped_column(sa.Boolean)
    adapted_work: Mapped[bool] = mapped_column(sa.Boolean)
    next_step: Mapped[str] = mapped_column(sa.Text, default="")
    created_at: Mapped[datetime] = mapped_column(UtcDateTime)


@dataclass(frozen=True)
class NewNote:
    moment: str
    reachable: bool
    adapted_work: bool
    next_step: str


def add(
    dbs: DbSession,
    *,
    dossier_id: str,
    document_id: str,
    author_riziv: str,
    note: NewNote,
    now: datetime,
) -> None:
    if note.moment not in MOMENTS:
        raise ValueError("unknown contact moment")
    dbs.add(
        ContactNote(
            dossier_id=dossier_id,
            document_id=document_id,
            author_riziv=author_riziv,
            moment=note.moment,
            reachable=note.reachable,
            adapted_work=note.adapted_work,
            next_step=note.next_step.strip()[:NEXT_STEP_MAX],
            created_at=now,
        )
    )


def for_dossier(dbs: DbSession, dossier_id: str, reader_role: str) -> list[ContactNote]:
    """The dossier's notes, oldest first, for a role allowed to read them (else none)."""
    if reader_role not in READERS:
        return []
    return list(
        dbs.execute(
            sa.select(ContactNote)
            .where(ContactNote.dossier_id == dossier_id)
            .order_by(ContactNote.created_at, ContactNote.id)
        ).scalars()
    )
