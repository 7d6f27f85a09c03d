"""The mirror's figures as ``domain.mirror.group_figures`` computed them before it counted
in one pass (one ``_Episode`` per episode, then the figures per group): the reference of
the differential test in ``test_mirror_fast.py``. Kept verbatim; do not optimise."""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from datetime import date
from statistics import median

from fitnote_desktop.domain.mirror import (
    _RELAPSE,
    ALL_GROUPS,
    DURATION_BINS,
    INCAPACITY,
    PARTIAL_RESUMPTION,
    CertificateFact,
    GroupFigures,
    duration_bin,
)
from fitnote_desktop.domain.periods import in_invalidity, relapse_window_end


@dataclass(frozen=True)
class _Episode:
    group: str
    start: date
    end: date | None
    certificates: int
    followed_by_partial: bool


def _window_end(start: date, end: date) -> date:
    if (end - start).days < 365:  # invalidity begins after a year: skip the month arithmetic
        return end + _RELAPSE
    return relapse_window_end(end, invalidity=in_invalidity(start, end))


def _begin(fact: CertificateFact) -> date:
    return fact.begin


def _episode(
    first: CertificateFact, end: date | None, count: int, partial_starts: list[date]
) -> _Episode:
    limit = None if end is None else _window_end(first.begin, end)
    partial = bool(partial_starts) and any(
        first.begin <= p and (limit is None or p <= limit) for p in partial_starts
    )
    return _Episode(first.group, first.begin, end, count, partial)


def _episodes(facts: Sequence[CertificateFact]) -> list[_Episode]:
    """One patient's episodes (``facts`` all of that patient), in one pass over them."""
    certs = sorted((f for f in facts if f.kind == INCAPACITY), key=_begin)
    partial_starts = [f.begin for f in facts if f.kind == PARTIAL_RESUMPTION]
    out: list[_Episode] = []
    first: CertificateFact | None = None
    end: date | None = None  # None: the episode is open-ended (a certificate without end)
    count = 0
    for fact in certs:
        if first is not None and (end is None or fact.begin <= _window_end(first.begin, end)):
            count += 1
            end = None if end is None or fact.end is None else max(end, fact.end)
            continue
        if first is not None:
            out.append(_episode(first, end, count, partial_starts))
        first, end, count = fact, fact.end, 1
    if first is not None:
        out.append(_episode(first, end, count, partial_starts))
    return out


def _share(part: int, whole: int) -> float | None:
    return part / whole if whole else None


def _figures(group: str, certs: list[CertificateFact], episodes: list[_Episode]) -> GroupFigures:
    lengths = [(e.end - e.start).days + 1 for e in episodes if e.end is not None]
    distribution = [0] * len(DURATION_BINS)
    for days in lengths:
        distribution[duration_bin(days)] += 1
    return GroupFigures(
        group=group,
        certificates=len(certs),
        episodes=len(episodes),
        median_days=float(median(lengths)) if lengths else None,
        distribution=tuple(distribution),
        fit_note_share=_share(sum(1 for c in certs if c.fit_note), len(certs)),
        prolonged_share=_share(sum(1 for e in episodes if e.certificates > 1), len(episodes)),
        partial_resumption_share=_share(
            sum(1 for e in episodes if e.followed_by_partial), len(episodes)
        ),
        physicians=len({c.physician for c in certs}),
    )


def group_figures(facts: Iterable[CertificateFact], since: date) -> tuple[GroupFigures, ...]:
    """Figures per pathology group, groups in id order, then ``ALL_GROUPS``.

    ``facts`` should reach back a year before ``since`` so that an episode begun before
    the window is recognised as such (its later certificates then still count).
    """
    by_patient: dict[str, list[CertificateFact]] = defaultdict(list)
    certs: dict[str, list[CertificateFact]] = defaultdict(list)
    for fact in facts:
        by_patient[fact.patient].append(fact)
        if fact.kind == INCAPACITY and fact.begin >= since:
            certs[fact.group].append(fact)
    episodes: dict[str, list[_Episode]] = defaultdict(list)
    for patient_facts in by_patient.values():
        for episode in _episodes(patient_facts):
            if episode.start >= since:
                episodes[episode.group].append(episode)
    groups = sorted(set(certs) | set(episodes))
    rows = [_figures(g, certs[g], episodes[g]) for g in groups]
    every_cert = [c for g in groups for c in certs[g]]
    every_episode = [e for g in groups for e in episodes[g]]
    rows.append(_figures(ALL_GROUPS, every_cert, every_episode))
    return tuple(rows)
