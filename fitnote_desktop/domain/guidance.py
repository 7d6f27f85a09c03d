"""Duration guidance: the typical length of incapacity for a diagnosis's pathology group.

Decision support after Sweden's FMB in Webcert: beside the period the physician sees the
typical range for the group of the certificate's main diagnosis, its source, and a warning
(``guidance.duration_exceeded``) when the whole episode, prolongations included, runs
longer than the range. The warning is never an error: the physician may sign, and may add
a justification that only the advising physician receives.

The figures live in ``resources/guidance/durations.json`` (read on first use, never at
import). Each range either cites its published source or says it was set by the team and
is pending clinical review; :attr:`DurationGuidance.review_pending` carries that to the UI.
"""

from __future__ import annotations

import json
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from functools import cache
from typing import Any

from fitnote_desktop.domain.findings import Finding, Severity
from fitnote_desktop.domain.model import (
    LANGUAGES,
    Diagnosis,
    Document,
    IncapacityCertificate,
    InvalidityRecognition,
    Period,
)
from fitnote_desktop.domain.pathology import GROUPS, group_of
from fitnote_desktop.domain.timeline import split_episodes

TEAM_SOURCE = "fitnote team"
REVIEW_PENDING = "clinical review pending"


class GuidanceDataError(ValueError):
    """The durations file is inconsistent (unknown group, bad range, missing source)."""


@dataclass(frozen=True)
class Source:
    """A published source of a range: who, what, when (None when the page has no date)."""

    publisher: str
    title: str
    year: int | None
    url: str
    detail: str

    def citation(self) -> str:
        year = f", {self.year}" if self.year is not None else ""
        return f"{self.publisher}: {self.title}{year}"


@dataclass(frozen=True)
class DurationGuidance:
    """A group's typical range in days, where it comes from, and its ICF categories."""

    group: str
    min_days: int
    max_days: int
    source: Source | None  # None: set by the fitnote team
    icf: tuple[str, ...]

    @property
    def review_pending(self) -> bool:
        """Team-written figures wait for a clinical review, and say so wherever shown."""
        return self.source is None

    def as_dict(self) -> dict[str, Any]:
        """JSON-ready form (the CLI's output)."""
        source: Any = TEAM_SOURCE
        if self.source is not None:
            source = {
                "publisher": self.source.publisher,
                "title": self.source.title,
                "year": self.source.year,
                "url": self.source.url,
                "detail": self.source.detail,
            }
        out: dict[str, Any] = {
            "group": self.group,
            "min_days": self.min_days,
            "max_days": self.max_days,
            "source": source,
            "icf": list(self.icf),
        }
        if self.review_pending:
            out["review"] = REVIEW_PENDING
        return out


def _entry(group: str, raw: Mapping[str, Any]) -> DurationGuidance:
    if group not in GROUPS:
        raise GuidanceDataError(f"durations: unknown group {group!r}")
    low, high = int(raw["min_days"]), int(raw["max_days"])
    if not 0 <= low <= high:
        raise GuidanceDataError(f"durations: {group}: bad range {low}-{high}")
    raw_source = raw.get("source")
    source: Source | None
    if raw_source == TEAM_SOURCE:
        if raw.get("review") != REVIEW_PENDING:
            raise GuidanceDataError(f"durations: {group}: team figure without review marker")
        source = None
    elif isinstance(raw_source, Mapping) and raw_source.get("url") and raw_source.get("title"):
        year = raw_source.get("year")
        source = Source(
            str(raw_source["publisher"]),
            str(raw_source["title"]),
            int(year) if year is not None else None,
            str(raw_source["url"]),
            str(raw_source.get("detail", "")),
        )
    else:
        raise GuidanceDataError(f"durations: {group}: no source")
    return DurationGuidance(group, low, high, source, tuple(str(c) for c in raw["icf"]))


@cache
def _durations() -> Mapping[str, DurationGuidance]:
    from fitnote_desktop.resources import resource_path

    with resource_path("guidance", "durations.json").open(encoding="utf-8") as fh:
        data = json.load(fh)
    return {group: _entry(group, raw) for group, raw in data["durations"].items()}


def all_guidance() -> Mapping[str, DurationGuidance]:
    """Every group's guidance by group id."""
    return _durations()


def guidance_for_group(group: str) -> DurationGuidance | None:
    return _durations().get(group)


def main_diagnosis(cert: IncapacityCertificate) -> Diagnosis | None:
    """The principal diagnosis if coded, else the first coded one (guidance needs a code)."""
    coded = [d for d in cert.diagnoses if d.code.strip() and d.code_system is not None]
    marked = [d for d in coded if d.principal]
    chosen = marked or coded
    return chosen[0] if chosen else None


def group_of_diagnosis(diagnosis: Diagnosis | None) -> str | None:
    if diagnosis is None or diagnosis.code_system is None:
        return None
    return group_of(diagnosis.code_system.value, diagnosis.code)


def document_group(document: Document) -> str | None:
    """The pathology group of an incapacity certificate's main diagnosis, if any."""
    body = document.body
    if not isinstance(body, IncapacityCertificate):
        return None
    return group_of_diagnosis(main_diagnosis(body))


def guidance_for(document: Document) -> DurationGuidance | None:
    group = document_group(document)
    return guidance_for_group(group) if group is not None else None


def episode_days(document: Document, others: Iterable[Document]) -> int | None:
    """Days from the start of ``document``'s episode to its end (None: open-ended).

    ``others`` are the patient's other documents (the stored version of ``document``
    itself, if any, is ignored: the draft replaces it). A replaced certificate overlaps
    its replacement, so counting from the first day to the last never double-counts.
    """
    period = document.period
    if period is None:
        return None
    docs = [d for d in others if d.id != document.id]
    if not docs:
        return _lone_episode_days(document, period)
    docs.append(document)
    for episode in split_episodes(docs):
        if any(d.id == document.id for d in episode.documents):
            return episode.duration_days
    return None


def _lone_episode_days(document: Document, period: Period) -> int | None:
    """``episode_days`` of a document with no others: its episode is itself.

    What ``split_episodes([document])`` would give, without building the episode's
    milestones: the endpoint checks every document it receives alone, and the episode's
    key dates were half of that check's time (issue 14). A ``tests/domain/test_guidance``
    property test holds the two equal."""
    body = document.body
    if isinstance(body, InvalidityRecognition):
        start = body.incapacity_since or period.begin
    elif isinstance(body, IncapacityCertificate):
        start = period.begin
    else:
        return None  # no episode: split_episodes keeps certificates and recognitions only
    return None if period.end is None else (period.end - start).days + 1


def duration_finding(document: Document, others: Iterable[Document] = ()) -> Finding | None:
    """``guidance.duration_exceeded`` when the episode runs past the group's range."""
    guidance = guidance_for(document)
    if guidance is None:
        return None
    days = episode_days(document, others)
    if days is None or days <= guidance.max_days:
        return None
    return Finding(
        "guidance.duration_exceeded",
        "body.period.end",
        Severity.WARNING,
        {"days": days, "max_days": guidance.max_days},
    )


def sheet_markdown(group: str, lang: str) -> str:
    """The group's pathology sheet (``resources/guidance/sheets/<group>.<lang>.md``)."""
    from fitnote_desktop.resources import resource_path

    if group not in GROUPS:
        raise KeyError(group)
    if lang not in LANGUAGES:
        raise ValueError(f"unsupported language {lang!r}")
    return resource_path("guidance", "sheets", f"{group}.{lang}.md").read_text(encoding="utf-8")
