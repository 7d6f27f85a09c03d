"""The timeline of an incapacity episode: who acts when (for reminders and the patient page).

Belgian return-to-work milestones, counted from the first day of the primary
incapacity: month 1 the occupational physician may act; 8 weeks work potential is
assessed; beyond 2 months a "responsible treating physician" coordinates; in months 4,
7 and 11 the advising physician contacts the patient; the employer starts a
reintegration trajectory within 6 months; after one year the incapacity becomes
invalidity, whose recognition is renewed at most every 12 months.

Certificates belong to one episode when each starts within the relapse window after the
previous one ends (``periods.relapse_window_end``, the rule validation uses too): the
14 days following the end in primary incapacity, 3 months once the episode has reached
invalidity (one year).
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date, timedelta
from enum import StrEnum

from fitnote_desktop.domain.model import (
    Document,
    DocumentKind,
    IncapacityCertificate,
    InvalidityRecognition,
)
from fitnote_desktop.domain.periods import add_months, in_invalidity, relapse_window_end


class Actor(StrEnum):
    TREATING_PHYSICIAN = "treating-physician"
    OCCUPATIONAL_PHYSICIAN = "occupational-physician"
    ADVISING_PHYSICIAN = "advising-physician"
    EMPLOYER = "employer"


@dataclass(frozen=True)
class Milestone:
    code: str  # message code, e.g. "timeline.advising_contact"
    due: date
    actor: Actor
    params: tuple[tuple[str, int], ...] = ()

    def is_past(self, today: date) -> bool:
        return self.due < today


@dataclass(frozen=True)
class Episode:
    start: date
    end: date | None  # end of the last certificate (None: open-ended)
    documents: tuple[Document, ...]
    milestones: tuple[Milestone, ...]

    def upcoming(self, today: date, limit: int = 3) -> tuple[Milestone, ...]:
        """The next key dates, strictly after ``today``, of an episode still running.

        Past moments are history, not "coming up"; an episode that has ended has no
        coming key dates (a relapse starts its own clock or continues this one).
        """
        if not self.ongoing(today):
            return ()
        return tuple(m for m in self.milestones if m.due > today)[:limit]

    def ongoing(self, today: date) -> bool:
        return self.end is None or self.end >= today

    @property
    def duration_days(self) -> int | None:
        return None if self.end is None else (self.end - self.start).days + 1


def milestones(
    start: date, renewals: Iterable[InvalidityRecognition] = ()
) -> tuple[Milestone, ...]:
    """The key dates of an episode starting on ``start``, in date order."""
    out = [
        Milestone("timeline.episode_start", start, Actor.TREATING_PHYSICIAN),
        Milestone(
            "timeline.occupational_month1", add_months(start, 1), Actor.OCCUPATIONAL_PHYSICIAN
        ),
        Milestone(
            "timeline.work_potential_8w", start + timedelta(weeks=8), Actor.OCCUPATIONAL_PHYSICIAN
        ),
        Milestone(
            "timeline.responsible_physician_2m", add_months(start, 2), Actor.TREATING_PHYSICIAN
        ),
        Milestone("timeline.reintegration_6m", add_months(start, 6), Actor.EMPLOYER),
        Milestone("timeline.invalidity_1y", add_months(start, 12), Actor.ADVISING_PHYSICIAN),
    ]
    for month in (4, 7, 11):
        # "in month 4" = from the start of the 4th month, i.e. three months after day 1
        out.append(
            Milestone(
                "timeline.advising_contact",
                add_months(start, month - 1),
                Actor.ADVISING_PHYSICIAN,
                (("month", month),),
            )
        )
    latest = max(renewals, key=lambda r: r.valid_until, default=None)
    renewal_due = (
        latest.valid_until + timedelta(days=1) if latest is not None else add_months(start, 24)
    )
    out.append(Milestone("timeline.invalidity_renewal", renewal_due, Actor.TREATING_PHYSICIAN))
    return tuple(sorted(out, key=lambda m: (m.due, m.code)))


def _bounds(doc: Document) -> tuple[date, date | None]:
    period = doc.period
    assert period is not None
    return period.begin, period.end


def split_episodes(documents: Iterable[Document]) -> list[Episode]:
    """Group a patient's incapacity certificates and invalidity recognitions into episodes."""
    relevant = sorted(
        (
            d
            for d in documents
            if d.kind in (DocumentKind.INCAPACITY, DocumentKind.INVALIDITY_RECOGNITION)
            and d.period is not None
        ),
        key=lambda d: _bounds(d)[0],
    )
    groups: list[list[Document]] = []
    group_start: date | None = None
    group_end: date | None = None
    for doc in relevant:
        begin, end = _bounds(doc)
        continues = (
            bool(groups)
            and group_start is not None
            and (
                group_end is None
                or begin
                <= relapse_window_end(
                    group_end,
                    invalidity=in_invalidity(group_start, group_end)
                    or any(isinstance(d.body, InvalidityRecognition) for d in groups[-1]),
                )
                or isinstance(doc.body, InvalidityRecognition)
            )
        )
        if continues:
            groups[-1].append(doc)
            group_end = None if group_end is None or end is None else max(group_end, end)
        else:
            groups.append([doc])
            group_start, group_end = begin, end
    episodes = []
    for group in groups:
        certs = [d for d in group if isinstance(d.body, IncapacityCertificate)]
        start = _bounds(certs[0] if certs else group[0])[0]
        ends = [_bounds(d)[1] for d in group]
        end = None if any(e is None for e in ends) else max(e for e in ends if e is not None)
        renewals = [d.body for d in group if isinstance(d.body, InvalidityRecognition)]
        if renewals and not certs:
            inc_since = renewals[0].incapacity_since
            start = inc_since or start
        episodes.append(Episode(start, end, tuple(group), milestones(start, renewals)))
    return episodes


def episode_timeline(documents: Iterable[Document], today: date) -> Episode | None:
    """The patient's current (or most recent) episode as of ``today``."""
    episodes = [e for e in split_episodes(documents) if e.start <= today]
    return episodes[-1] if episodes else None
