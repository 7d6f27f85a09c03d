"""Mirror information: a physician's prescribing figures per pathology group (pure).

The same arithmetic serves the desktop (the physician's own certificates, read from the
profile) and the endpoint (anonymised regional aggregates), so that "you", "region" and
"all of Belgium" are counted the same way. Both sides reduce what they store to
:class:`CertificateFact` values: no name, no NISS, no diagnosis text, only a pathology
group id, dates and flags.

Definitions (the mirror screen's help repeats them):

* a *certificate* counts when its period begins on or after ``since``;
* certificates of one patient form an *episode* when each begins within the relapse
  window after the previous one ends (``periods.relapse_window_end``, the rule the
  timeline uses); the episode belongs to the group of its first certificate and counts
  when it starts on or after ``since``;
* *episode length*: first day to last day, both included (open-ended episodes are left
  out of the median and the distribution);
* *prolonged*: the episode has more than one certificate;
* *followed by a partial resumption*: a partial resumption of the same patient begins
  between the episode's start and the end of its relapse window.
"""

from __future__ import annotations

from collections import Counter, defaultdict
from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date, timedelta
from statistics import median
from typing import NamedTuple

from fitnote_desktop.domain.periods import (
    RELAPSE_WINDOW_DAYS,
    in_invalidity,
    relapse_window_end,
)

ALL_GROUPS = "all"  # the row summing every group
OTHER_GROUP = "other"  # certificates whose diagnosis maps to no pathology group

# Episode length classes, in days (lower bounds included, upper bounds included).
DURATION_BINS: tuple[tuple[int, int | None], ...] = (
    (1, 7),
    (8, 14),
    (15, 30),
    (31, 90),
    (91, None),
)

_RELAPSE = timedelta(days=RELAPSE_WINDOW_DAYS)

INCAPACITY = "incapacity"
PARTIAL_RESUMPTION = "partial-resumption"


class CertificateFact(NamedTuple):
    """What the mirror needs of one signed document, and nothing more.

    ``patient`` and ``physician`` are opaque keys (a row id, a dossier pseudonym, a
    RIZIV number) used only to group; they never appear in a result.

    An immutable named tuple rather than a frozen dataclass: the mirror makes one per
    certificate (10,000 for a large practice), and a frozen dataclass took about 4 µs
    to make, a third of ``mirror.ms``; a tuple takes a tenth of that.
    """

    patient: str
    kind: str  # INCAPACITY or PARTIAL_RESUMPTION
    begin: date
    end: date | None
    group: str = OTHER_GROUP
    fit_note: bool = False
    physician: str = ""


@dataclass(frozen=True)
class GroupFigures:
    """The figures of one pathology group (or of ``ALL_GROUPS``)."""

    group: str
    certificates: int
    episodes: int
    median_days: float | None
    distribution: tuple[int, ...]  # episodes per DURATION_BINS class
    fit_note_share: float | None  # of certificates, 0..1
    prolonged_share: float | None  # of episodes, 0..1
    partial_resumption_share: float | None  # of episodes, 0..1
    physicians: int = 0  # distinct physicians among the certificates


class _Tally:
    """A group's running counts while the facts are read once (no object per episode)."""

    __slots__ = (
        "certificates",
        "episodes",
        "fit_notes",
        "lengths",
        "partial",
        "physicians",
        "prolonged",
    )

    def __init__(self) -> None:
        self.certificates = self.fit_notes = 0
        self.physicians: set[str] = set()
        self.lengths: list[int] = []  # of the episodes that have an end
        self.episodes = self.prolonged = self.partial = 0

    def add(self, other: _Tally) -> None:
        self.certificates += other.certificates
        self.fit_notes += other.fit_notes
        self.physicians |= other.physicians
        self.lengths += other.lengths
        self.episodes += other.episodes
        self.prolonged += other.prolonged
        self.partial += other.partial


def duration_bin(days: int) -> int:
    """The index in ``DURATION_BINS`` of an episode of ``days`` days."""
    for index, (low, high) in enumerate(DURATION_BINS):
        if days >= low and (high is None or days <= high):
            return index
    return 0


def _window_end(start: date, end: date) -> date:
    if (end - start).days < 365:  # invalidity begins after a year: skip the month arithmetic
        return end + _RELAPSE
    return relapse_window_end(end, invalidity=in_invalidity(start, end))


def _begin(fact: CertificateFact) -> date:
    return fact.begin


def _count_episode(
    tally: _Tally, first: CertificateFact, end: date | None, count: int, partials: list[date]
) -> None:
    """One episode into its group's tally (its group is its first certificate's)."""
    tally.episodes += 1
    if count > 1:
        tally.prolonged += 1
    if end is not None:
        tally.lengths.append((end - first.begin).days + 1)
    if partials:
        limit = None if end is None else _window_end(first.begin, end)
        if any(first.begin <= p and (limit is None or p <= limit) for p in partials):
            tally.partial += 1


def _count_episodes(facts: list[CertificateFact], since: date, tallies: dict[str, _Tally]) -> None:
    """One patient's episodes (``facts`` all of that patient) that start on or after
    ``since``, counted in one pass over the patient's certificates."""
    certs = sorted((f for f in facts if f.kind == INCAPACITY), key=_begin)
    partials = [f.begin for f in facts if f.kind == PARTIAL_RESUMPTION]
    first: CertificateFact | None = None
    end: date | None = None  # None: the episode is open-ended (a certificate without end)
    count = 0
    for fact in certs:
        if first is not None and (end is None or fact.begin <= _window_end(first.begin, end)):
            count += 1
            end = None if end is None or fact.end is None else max(end, fact.end)
            continue
        if first is not None and first.begin >= since:
            _count_episode(_tally(tallies, first.group), first, end, count, partials)
        first, end, count = fact, fact.end, 1
    if first is not None and first.begin >= since:
        _count_episode(_tally(tallies, first.group), first, end, count, partials)


def _tally(tallies: dict[str, _Tally], group: str) -> _Tally:
    tally = tallies.get(group)
    if tally is None:
        tally = tallies[group] = _Tally()
    return tally


def _share(part: int, whole: int) -> float | None:
    return part / whole if whole else None


def _figures(group: str, tally: _Tally) -> GroupFigures:
    distribution = [0] * len(DURATION_BINS)
    for days, episodes in Counter(tally.lengths).items():  # a few hundred distinct lengths
        distribution[duration_bin(days)] += episodes
    return GroupFigures(
        group=group,
        certificates=tally.certificates,
        episodes=tally.episodes,
        median_days=float(median(tally.lengths)) if tally.lengths else None,
        distribution=tuple(distribution),
        fit_note_share=_share(tally.fit_notes, tally.certificates),
        prolonged_share=_share(tally.prolonged, tally.episodes),
        partial_resumption_share=_share(tally.partial, tally.episodes),
        physicians=len(tally.physicians),
    )


def group_figures(facts: Iterable[CertificateFact], since: date) -> tuple[GroupFigures, ...]:
    """Figures per pathology group, groups in id order, then ``ALL_GROUPS``.

    ``facts`` should reach back a year before ``since`` so that an episode begun before
    the window is recognised as such (its later certificates then still count).
    """
    by_patient: dict[str, list[CertificateFact]] = defaultdict(list)
    tallies: dict[str, _Tally] = {}
    for fact in facts:
        by_patient[fact.patient].append(fact)
        if fact.kind == INCAPACITY and fact.begin >= since:
            tally = tallies.get(fact.group) or _tally(tallies, fact.group)
            tally.certificates += 1
            if fact.fit_note:
                tally.fit_notes += 1
            tally.physicians.add(fact.physician)
    for patient_facts in by_patient.values():
        _count_episodes(patient_facts, since, tallies)
    every = _Tally()
    rows = []
    for group in sorted(tallies):
        rows.append(_figures(group, tallies[group]))
        every.add(tallies[group])
    rows.append(_figures(ALL_GROUPS, every))
    return tuple(rows)
