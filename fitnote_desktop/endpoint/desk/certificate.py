"""The certificate page's content: that role's dataset, the episode, the notes.

The document is shown through ``domain.datasets.project(document, recipient)`` and the
printed copies' content model (``documents.content.build``): the page is built from the
recipient's view only, never from the document, so the occupational physician's page
cannot show a diagnosis the view does not carry, and the wording (titles, periods, ICF
capacities with their qualifier in the page's language) is the paper copy's.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from fitnote_desktop.documents.content import CopyContent, build
from fitnote_desktop.documents.labels import format_date
from fitnote_desktop.domain.changes import changes_line as domain_changes_line
from fitnote_desktop.domain.changes import changes_seen_by, followed_reference
from fitnote_desktop.domain.datasets import project
from fitnote_desktop.domain.messages import message
from fitnote_desktop.domain.reference import parse_reference, signed_reference
from fitnote_desktop.domain.timeline import Episode
from fitnote_desktop.endpoint.desk.caseload import RECIPIENT_OF_ROLE
from fitnote_desktop.endpoint.desk.inbox import Entry


@dataclass(frozen=True)
class MilestoneLine:
    text: str
    due: str
    actor: str  # desk.actor.<Actor value> text key
    past: bool


@dataclass(frozen=True)
class CertificatePage:
    entry: Entry
    content: CopyContent
    reference: str
    retracted: bool
    day_of_incapacity: int | None
    timeline: tuple[MilestoneLine, ...]


def content_for(entry: Entry, role: str) -> CopyContent:
    """What ``role`` may read of the document, as the printed copy words it."""
    view = project(entry.document, RECIPIENT_OF_ROLE[role])
    return build(
        view, reference=signed_reference(entry.row.id, entry.row.payload_sha256), qr_payload=None
    )


def timeline(episode: Episode | None, today: date, lang: str) -> tuple[MilestoneLine, ...]:
    if episode is None:
        return ()
    return tuple(
        MilestoneLine(
            text=message(m.code, lang, **dict(m.params)),
            due=format_date(m.due, lang),
            actor=f"desk.actor.{m.actor.value}",
            past=m.is_past(today),
        )
        for m in episode.milestones
    )


def page(
    entry: Entry, role: str, episode: Episode | None, day: int | None, today: date, lang: str
) -> CertificatePage:
    return CertificatePage(
        entry=entry,
        content=content_for(entry, role),
        reference=signed_reference(entry.row.id, entry.row.payload_sha256),
        retracted=entry.row.status == "retracted",
        day_of_incapacity=day,
        timeline=timeline(episode, today, lang),
    )


def changes_line(entry: Entry, patient_entries: list[Entry], role: str, lang: str) -> str | None:
    """ "Changes since REF: period, …" for a prolongation or replacement whose predecessor is
    in the caseload, told as ``role`` sees it: only changes to fields of that role's own
    dataset (the occupational physician never learns that a diagnosis changed)."""
    reference = followed_reference(entry.document)
    if not reference:
        return None
    try:
        wanted = str(parse_reference(reference, require_hash=False).id)
    except ValueError:
        return None
    previous = next((e for e in patient_entries if e.row.id == wanted), None)
    if previous is None:
        return None
    seen = changes_seen_by(previous.document, entry.document, RECIPIENT_OF_ROLE[role])
    if not seen:
        return None
    return domain_changes_line(signed_reference(wanted, previous.row.payload_sha256), seen, lang)
