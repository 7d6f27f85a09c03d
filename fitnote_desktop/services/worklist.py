"""My patients on sick leave: the home screen's rows and what needs action today.

A row per patient whose current episode (``domain.timeline``) is still running: the day
of incapacity, the current certificate and its end, the fit-note's answer, the next
contact moment of the timeline, unread thread messages and outbox items still waiting,
held or refused. Above the rows, the sections that need action today: certificates
ending within N days (setting ``worklist_ending_days``), invalidity recognitions due
within 30 days, questions waiting for the physician's answer, items refused by the
platform.

The store port (:class:`WorklistStore`) answers from indexed metadata columns, never by
decoding the documents' payloads: decoding one costs about half a millisecond, and the
home screen must be built in under 50 ms for 2,000 patients. The questions and the
unread counts come from the TRIO threads (:class:`QuestionSource`); until the endpoint
has been reached there are none (:class:`NoQuestions`).

The reminder text (:func:`reminder_text`) is what a desktop notification shows: counts
only, never a patient's name, NISS or diagnosis (the list is behind the unlock).
"""

from __future__ import annotations

from collections.abc import Collection, Mapping, Sequence
from dataclasses import dataclass
from datetime import date, timedelta
from enum import StrEnum
from functools import lru_cache
from operator import attrgetter
from typing import NamedTuple, Protocol

from fitnote_desktop.domain import messages
from fitnote_desktop.domain.lifecycle import DocumentStatus
from fitnote_desktop.domain.model import DocumentKind, FitNoteStatus, InvalidityRecognition
from fitnote_desktop.domain.periods import invalidity_from, relapse_window_end
from fitnote_desktop.domain.timeline import Episode, Milestone, milestones
from fitnote_desktop.gc_pause import gc_paused
from fitnote_desktop.services.errors import translating
from fitnote_desktop.services.ports import Clock, Profile
from fitnote_desktop.services.settings import ending_days

INVALIDITY_HORIZON_DAYS = 30
INVALIDITY_MILESTONES = frozenset({"timeline.invalidity_1y", "timeline.invalidity_renewal"})


# ---------------------------------------------------------------- ports


class PendingQuestion(Protocol):
    @property
    def document_id(self) -> str: ...
    @property
    def question_type(self) -> str: ...  # complete_certificate|contact|work_capacity|other
    @property
    def answer_by(self) -> date | None: ...


class QuestionSource(Protocol):
    def pending_questions(self) -> Sequence[PendingQuestion]: ...
    def unread_by_document(self) -> Mapping[str, int]: ...


class NoQuestions:
    """Until the endpoint has been reached: nothing pending, nothing unread."""

    def pending_questions(self) -> Sequence[PendingQuestion]:
        return ()

    def unread_by_document(self) -> Mapping[str, int]:
        return {}


class OutboxState(StrEnum):
    WAITING = "waiting"  # queued or being sent
    HELD = "held"  # queued, sent again only when the physician acts
    REFUSED = "refused"  # rejected by the platform


class CaseDocument(NamedTuple):
    """An issued certificate or invalidity recognition, from its indexed columns.

    An immutable named tuple rather than a dataclass: a large practice has thousands,
    made at every read of the home screen, and a tuple is made several times faster.
    """

    document_id: str
    kind: DocumentKind
    status: DocumentStatus
    begin: date
    end: date | None
    fit_note: FitNoteStatus | None = None
    incapacity_since: date | None = None  # a recognition's start of the primary incapacity


@dataclass(frozen=True)
class CaseFile:
    """A patient who may be on sick leave, with every issued certificate and recognition."""

    patient_id: str
    patient_name: str
    documents: tuple[CaseDocument, ...]


@dataclass(frozen=True)
class OutboxMark:
    document_id: str
    patient_id: str
    patient_name: str
    state: OutboxState


@dataclass(frozen=True)
class DocumentOwner:
    patient_id: str
    patient_name: str


class WorklistStore(Protocol):
    def case_files(self, today: date) -> Sequence[CaseFile]:
        """Patients with an issued certificate or recognition not ended before ``today``,
        each with all their issued (not draft, retracted or replaced) ones."""
        ...

    def outbox_marks(self) -> Sequence[OutboxMark]:
        """Outbox items still waiting, held or refused."""
        ...

    def owners(self, document_ids: Collection[str]) -> Mapping[str, DocumentOwner]:
        """The patient of each known document (unknown ids are left out)."""
        ...


# ---------------------------------------------------------------- results


class Section(StrEnum):
    ENDING = "ending"  # certificates ending within N days
    INVALIDITY = "invalidity"  # invalidity recognitions due within 30 days
    QUESTIONS = "questions"  # questions waiting for the physician's answer
    REFUSED = "refused"  # items refused by the platform (or held for the physician)


@dataclass(frozen=True)
class WorklistRow:
    patient_id: str
    patient_name: str
    episode_start: date
    day: int  # day of incapacity today, the episode's first day being day 1
    certificate_id: str
    certificate_kind: DocumentKind
    certificate_end: date | None
    episode_end: date | None  # end of the last issued certificate (None: open-ended)
    fit_note: FitNoteStatus | None
    next_contact: Milestone | None
    unread: int = 0
    waiting: int = 0
    held: int = 0
    refused: int = 0


@dataclass(frozen=True)
class ActionItem:
    section: Section
    patient_id: str
    patient_name: str
    document_id: str
    due: date | None
    detail: str = ""  # milestone code, question type or outbox state


@dataclass(frozen=True)
class Worklist:
    today: date
    ending_days: int
    rows: tuple[WorklistRow, ...]
    actions: tuple[ActionItem, ...]

    def section(self, section: Section) -> tuple[ActionItem, ...]:
        return tuple(a for a in self.actions if a.section is section)

    def counts(self) -> dict[Section, int]:
        return {s: len(self.section(s)) for s in Section}

    def as_json(self) -> dict[str, object]:
        """Plain JSON values (ISO dates), for the CLI and scripts."""
        return {
            "today": self.today.isoformat(),
            "ending_days": self.ending_days,
            "rows": [_row_json(r) for r in self.rows],
            "sections": {s.value: [_action_json(a) for a in self.section(s)] for s in Section},
        }


# ---------------------------------------------------------------- the use case


class SickLeaveWorklist:
    def __init__(
        self,
        *,
        store: WorklistStore,
        questions: QuestionSource,
        profile: Profile,
        clock: Clock,
    ) -> None:
        self._store = store
        self._questions = questions
        self._profile = profile
        self._clock = clock

    def build(self) -> Worklist:
        with gc_paused():  # thousands of short-lived tuples, no cycle among them
            return self._build()

    def _build(self) -> Worklist:
        today = self._clock()
        days = ending_days(self._profile.settings)
        with translating("store.error"):
            files = self._store.case_files(today)
            marks = self._store.outbox_marks()
        with translating("transport.error"):
            pending = list(self._questions.pending_questions())
            unread = dict(self._questions.unread_by_document())
        wanted = {q.document_id for q in pending} | {d for d, n in unread.items() if n > 0}
        with translating("store.error"):
            owners = self._store.owners(wanted) if wanted else {}
        unread_by_patient: dict[str, int] = {}
        for doc_id, count in unread.items():
            if count > 0 and doc_id in owners:
                pid = owners[doc_id].patient_id
                unread_by_patient[pid] = unread_by_patient.get(pid, 0) + count
        outbox: dict[str, dict[OutboxState, int]] = {}
        for mark in marks:
            per = outbox.setdefault(mark.patient_id, {})
            per[mark.state] = per.get(mark.state, 0) + 1
        running = [
            found
            for case in files
            if (found := _running(case, today, unread_by_patient, outbox.get(case.patient_id, {})))
            is not None
        ]
        rows = sorted((row for row, _ in running), key=_row_order)
        actions = [
            *_ending(rows, today, days),
            *_invalidity(running, today),
            *_questions(pending, owners),
            *_refused(marks),
        ]
        return Worklist(today, days, tuple(rows), tuple(actions))

    def reminder(self, lang: str) -> str | None:
        """The notification text for the current worklist (None: nothing needs action)."""
        return reminder_text(self.build(), lang)


def reminder_text(worklist: Worklist, lang: str) -> str | None:
    """Counts per section in ``lang``; never a name, NISS or diagnosis."""
    counts = worklist.counts()
    lines = []
    for section in Section:
        count = counts[section]
        if count:
            suffix = "_one" if count == 1 else ""
            code = f"worklist.remind_{section.value}{suffix}"
            lines.append(messages.message(code, lang, count=count, days=worklist.ending_days))
    return "\n".join(lines) if lines else None


# ---------------------------------------------------------------- rows


def _running(
    case: CaseFile,
    today: date,
    unread: Mapping[str, int],
    outbox: Mapping[OutboxState, int],
) -> tuple[WorklistRow, Episode] | None:
    """The patient's row when the current episode is still running (the open-episode rule)."""
    found = current_episode(case.documents, today)
    if found is None:
        return None
    episode, docs = found
    if not episode.ongoing(today):
        return None
    started = [d for d in docs if d.begin <= today] or list(docs)
    current = max(started, key=_current_order)
    # ``episode.upcoming(today, limit=1)`` without the tuple of every later key date
    coming = next((m for m in episode.milestones if m.due > today), None)
    row = WorklistRow(
        patient_id=case.patient_id,
        patient_name=case.patient_name,
        episode_start=episode.start,
        day=(today - episode.start).days + 1,
        certificate_id=current.document_id,
        certificate_kind=current.kind,
        certificate_end=current.end,
        episode_end=episode.end,
        fit_note=current.fit_note,
        next_contact=coming,
        unread=unread.get(case.patient_id, 0),
        waiting=outbox.get(OutboxState.WAITING, 0),
        held=outbox.get(OutboxState.HELD, 0),
        refused=outbox.get(OutboxState.REFUSED, 0),
    )
    return row, episode


_begin = attrgetter("begin")


def _current_order(doc: CaseDocument) -> tuple[date, bool]:
    """The current document: the latest start, a certificate before a recognition."""
    return doc.begin, doc.kind is DocumentKind.INCAPACITY


def current_episode(
    documents: Sequence[CaseDocument], today: date
) -> tuple[Episode, tuple[CaseDocument, ...]] | None:
    """``timeline.episode_timeline`` on the documents' indexed dates, with its documents.

    The grouping is ``timeline.split_episodes``'s, step for step (same relapse windows,
    a recognition always continues the episode); only the current episode's key dates
    are built (``timeline.milestones``). Building a ``Document`` per certificate to call
    the domain function as is would cost most of the 50 ms budget on a large practice;
    a property test holds the two equal.
    """
    groups: list[list[CaseDocument]] = []
    group_end = invalid_from = date.min  # the group's end, and its first day of invalidity
    open_ended = recognised = False  # the group has no end / holds a recognition
    for doc in sorted(documents, key=_begin):
        recognition = doc.kind is DocumentKind.INVALIDITY_RECOGNITION
        continues = bool(groups) and (
            open_ended
            or recognition
            or doc.begin
            <= relapse_window_end(group_end, invalidity=recognised or group_end >= invalid_from)
        )
        if continues:
            groups[-1].append(doc)
            open_ended = open_ended or doc.end is None
            recognised = recognised or recognition
            if doc.end is not None and not open_ended:
                group_end = max(group_end, doc.end)
        else:
            groups.append([doc])
            group_end = doc.end or date.min
            # ``in_invalidity(start, end)`` is ``end >= invalid_from``, computed once per group
            invalid_from = invalidity_from(doc.begin)
            open_ended, recognised = doc.end is None, recognition
    started = [(start, g) for g in groups if (start := _start(g)) <= today]
    return _episode(*started[-1]) if started else None


def _start(group: list[CaseDocument]) -> date:
    """The episode's first day: its first certificate's, else the recognised incapacity's."""
    certs = [d for d in group if d.kind is not DocumentKind.INVALIDITY_RECOGNITION]
    if certs:
        return certs[0].begin
    return group[0].incapacity_since or group[0].begin


def _episode(start: date, group: list[CaseDocument]) -> tuple[Episode, tuple[CaseDocument, ...]]:
    ends = [d.end for d in group]
    end = None if any(e is None for e in ends) else max(e for e in ends if e is not None)
    renewals = [
        InvalidityRecognition(d.begin, d.end or d.begin, d.incapacity_since)
        for d in group
        if d.kind is DocumentKind.INVALIDITY_RECOGNITION
    ]
    # the documents stay with the caller: the episode carries the dates only
    return Episode(start, end, (), _key_dates(start, tuple(renewals))), tuple(group)


@lru_cache(maxsize=2048)
def _key_dates(start: date, renewals: tuple[InvalidityRecognition, ...]) -> tuple[Milestone, ...]:
    """``timeline.milestones``, remembered: a pure function of the episode's start and
    recognitions, returning immutable values. The home screen is read again at every
    status change with mostly the same running episodes, and building their key dates
    was a quarter of each read (2,000 patients)."""
    return milestones(start, renewals)


def _row_order(row: WorklistRow) -> tuple[date, str]:
    """Soonest end first (open-ended last), then by name."""
    return (row.episode_end or date.max, row.patient_name.casefold())


# ---------------------------------------------------------------- sections


def _ending(rows: Sequence[WorklistRow], today: date, days: int) -> list[ActionItem]:
    limit = today + timedelta(days=days)
    return [
        ActionItem(Section.ENDING, r.patient_id, r.patient_name, r.certificate_id, r.episode_end)
        for r in rows
        if r.episode_end is not None and today <= r.episode_end <= limit
    ]


def _invalidity(running: Sequence[tuple[WorklistRow, Episode]], today: date) -> list[ActionItem]:
    """Recognitions due within 30 days: the first at one year, then each renewal."""
    limit = today + timedelta(days=INVALIDITY_HORIZON_DAYS)
    out = []
    for row, episode in running:
        due = [
            m
            for m in episode.milestones
            if m.code in INVALIDITY_MILESTONES and today <= m.due <= limit
        ]
        if due:
            first = min(due, key=lambda m: m.due)
            out.append(
                ActionItem(
                    Section.INVALIDITY,
                    row.patient_id,
                    row.patient_name,
                    row.certificate_id,
                    first.due,
                    first.code,
                )
            )
    return sorted(out, key=lambda a: (a.due or date.max, a.patient_name.casefold()))


def _questions(
    pending: Sequence[PendingQuestion], owners: Mapping[str, DocumentOwner]
) -> list[ActionItem]:
    out = []
    for q in pending:
        owner = owners.get(q.document_id)
        out.append(
            ActionItem(
                Section.QUESTIONS,
                owner.patient_id if owner else "",
                owner.patient_name if owner else "",
                q.document_id,
                q.answer_by,
                q.question_type,
            )
        )
    return sorted(out, key=lambda a: (a.due or date.max, a.patient_name.casefold()))


def _refused(marks: Sequence[OutboxMark]) -> list[ActionItem]:
    return sorted(
        (
            ActionItem(
                Section.REFUSED, m.patient_id, m.patient_name, m.document_id, None, m.state.value
            )
            for m in marks
            if m.state is not OutboxState.WAITING
        ),
        key=lambda a: a.patient_name.casefold(),
    )


# ---------------------------------------------------------------- JSON


def _iso(value: date | None) -> str | None:
    return value.isoformat() if value is not None else None


def _row_json(row: WorklistRow) -> dict[str, object]:
    contact = row.next_contact
    return {
        "patient_id": row.patient_id,
        "patient_name": row.patient_name,
        "episode_start": _iso(row.episode_start),
        "day": row.day,
        "certificate_id": row.certificate_id,
        "certificate_kind": row.certificate_kind.value,
        "certificate_end": _iso(row.certificate_end),
        "episode_end": _iso(row.episode_end),
        "fit_note": row.fit_note.value if row.fit_note else None,
        "next_contact": (
            {"code": contact.code, "due": _iso(contact.due), "actor": contact.actor.value}
            if contact
            else None
        ),
        "unread": row.unread,
        "outbox": {"waiting": row.waiting, "held": row.held, "refused": row.refused},
    }


def _action_json(item: ActionItem) -> dict[str, object]:
    return {
        "patient_id": item.patient_id,
        "patient_name": item.patient_name,
        "document_id": item.document_id,
        "due": _iso(item.due),
        "detail": item.detail,
    }
