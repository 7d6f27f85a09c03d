"""The sick-leave worklist over a real encrypted store: rows, sections, order, reminder."""

from __future__ import annotations

import uuid
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, replace
from datetime import date, timedelta

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from fitnote_desktop.adapters.worklist import StoreWorklist
from fitnote_desktop.domain import samples
from fitnote_desktop.domain.lifecycle import DocumentStatus
from fitnote_desktop.domain.model import (
    CertificateKind,
    Document,
    DocumentKind,
    FitNoteStatus,
    IncapacityCertificate,
    InvalidityRecognition,
    Period,
)
from fitnote_desktop.domain.timeline import episode_timeline
from fitnote_desktop.services.ports import Profile
from fitnote_desktop.services.worklist import (
    CaseDocument,
    NoQuestions,
    PendingQuestion,
    QuestionSource,
    Section,
    SickLeaveWorklist,
    Worklist,
    current_episode,
    reminder_text,
)
from fitnote_desktop.store.worklist import WorklistQueries
from fitnote_desktop.transport.ports import HELD_UNTIL
from tests.support.worklist_data import add_patient, certificate, issue, recognition

TODAY = date(2026, 11, 23)


@dataclass(frozen=True)
class Question:
    document_id: str
    question_type: str
    answer_by: date | None


class Questions:
    """The TRIO port as the dialogue helper will fill it, here with fixed answers."""

    def __init__(self, pending: Sequence[Question], unread: Mapping[str, int]) -> None:
        self._pending = pending
        self._unread = unread

    def pending_questions(self) -> Sequence[PendingQuestion]:
        return self._pending

    def unread_by_document(self) -> Mapping[str, int]:
        return self._unread


def worklist(
    store_profile, questions: QuestionSource | None = None, **settings: object
) -> SickLeaveWorklist:  # type: ignore[no-untyped-def]
    return SickLeaveWorklist(
        store=StoreWorklist(WorklistQueries(store_profile.db)),
        questions=questions or NoQuestions(),
        profile=Profile(samples.practitioner(), settings=dict(settings)),
        clock=lambda: TODAY,
    )


def days(n: int) -> date:
    return TODAY + timedelta(days=n)


@pytest.fixture
def practice(store_profile):  # type: ignore[no-untyped-def]
    """Eight patients; five of them on sick leave today."""
    p = store_profile
    ids: dict[str, str] = {}
    ann = add_patient(p, "Ann", "Aerts")  # ends in 2 days: "ending"
    ids["ann"] = issue(p, ann, certificate(days(-5), days(2)), status="accepted")
    bart = add_patient(p, "Bart", "Bosmans")  # a long chain: day 41, ends in 20 days
    issue(p, bart, certificate(days(-40), days(-21)), status="accepted")
    ids["bart"] = issue(
        p, bart, certificate(days(-20), days(20), fit_note=FitNoteStatus.NOT_FIT), status="sent"
    )
    carl = add_patient(p, "Carl", "Claes")  # ended yesterday: not on sick leave
    issue(p, carl, certificate(days(-10), days(-1)), status="accepted")
    dirk = add_patient(p, "Dirk", "Dewulf")  # a draft is not a certificate yet
    draft = certificate(days(-2), days(5))
    p.documents.create_draft(
        patient_id=dirk,
        kind="incapacity",
        language="nl",
        payload=b"{}",
        id=draft.id,
        period_begin=days(-2),
        period_end=days(5),
    )
    els = add_patient(p, "Els", "Engels")  # retracted: gone from the list
    issue(p, els, certificate(days(-3), days(4)), status="retracted")
    fien = add_patient(p, "Fien", "Foulon")  # relapse 10 days after the end: one episode
    issue(p, fien, certificate(days(-30), days(-11)), status="accepted")
    ids["fien"] = issue(p, fien, certificate(days(-1), days(30), fit_note=None), status="queued")
    gert = add_patient(p, "Gert", "Goossens")  # day 351: invalidity due within 30 days
    ids["gert"] = issue(p, gert, certificate(days(-350), days(40)), status="rejected")
    hans = add_patient(p, "Hans", "Hermans")  # invalidity recognised, renewal in 10 days
    issue(p, hans, certificate(days(-800), days(-356)), status="accepted")
    ids["hans"] = issue(p, hans, recognition(days(-355), days(9), days(-800)), status="accepted")
    return ids


def test_rows_are_the_open_episodes_in_order_of_their_end(store_profile, practice) -> None:  # type: ignore[no-untyped-def]
    wl = worklist(store_profile).build()
    assert [r.patient_name for r in wl.rows] == [
        "Ann Aerts",
        "Hans Hermans",
        "Bart Bosmans",
        "Fien Foulon",
        "Gert Goossens",
    ]
    rows = {r.patient_name.split()[0]: r for r in wl.rows}
    assert rows["Ann"].day == 6 and rows["Ann"].certificate_end == days(2)
    assert rows["Ann"].fit_note is FitNoteStatus.FIT_ADAPTED
    # the chain counts from its first day; the current certificate is the one running
    assert rows["Bart"].day == 41 and rows["Bart"].certificate_id == practice["bart"]
    assert rows["Bart"].fit_note is FitNoteStatus.NOT_FIT
    # a relapse within 14 days continues the episode
    assert rows["Fien"].episode_start == days(-30) and rows["Fien"].day == 31
    assert rows["Fien"].fit_note is None
    assert rows["Hans"].certificate_kind is DocumentKind.INVALIDITY_RECOGNITION
    assert rows["Hans"].episode_start == days(-800)
    # the next contact moment of the timeline: Ann's occupational physician at one month
    contact = rows["Ann"].next_contact
    assert contact is not None and contact.code == "timeline.occupational_month1"
    assert contact.due == date(2026, 12, 18)
    assert all((r.unread, r.waiting, r.held, r.refused) == (0, 0, 0, 0) for r in wl.rows)


def test_sections_need_action_today(store_profile, practice) -> None:  # type: ignore[no-untyped-def]
    p = store_profile
    gert_item = p.outbox.enqueue(uuid.UUID(practice["gert"]))
    p.outbox.mark_result(gert_item.id, "rejected", error_code="endpoint.rejected")
    fien_item = p.outbox.enqueue(uuid.UUID(practice["fien"]))
    p.outbox.reschedule(fien_item.id, next_attempt_at=HELD_UNTIL, error_code="auth.refused")
    questions = Questions(
        [
            Question(practice["bart"], "work_capacity", days(5)),
            Question(practice["ann"], "contact", days(1)),
            Question("00000000-0000-0000-0000-000000000000", "other", None),
        ],
        {practice["bart"]: 2, practice["ann"]: 0},
    )
    wl = worklist(p, questions).build()
    assert [a.patient_name for a in wl.section(Section.ENDING)] == ["Ann Aerts"]
    invalidity = wl.section(Section.INVALIDITY)
    assert [(a.patient_name, a.detail) for a in invalidity] == [
        ("Hans Hermans", "timeline.invalidity_renewal"),
        ("Gert Goossens", "timeline.invalidity_1y"),
    ]
    assert invalidity[0].due == days(10)
    asked = wl.section(Section.QUESTIONS)
    assert [(a.patient_name, a.detail, a.due) for a in asked] == [
        ("Ann Aerts", "contact", days(1)),
        ("Bart Bosmans", "work_capacity", days(5)),
        ("", "other", None),  # a thread about a document this store never held
    ]
    refused = wl.section(Section.REFUSED)
    assert {(a.patient_name, a.detail) for a in refused} == {
        ("Gert Goossens", "refused"),
        ("Fien Foulon", "held"),
    }
    rows = {r.patient_name.split()[0]: r for r in wl.rows}
    assert rows["Bart"].unread == 2 and rows["Ann"].unread == 0
    assert (rows["Gert"].refused, rows["Fien"].held, rows["Ann"].waiting) == (1, 1, 0)
    assert wl.counts() == {
        Section.ENDING: 1,
        Section.INVALIDITY: 2,
        Section.QUESTIONS: 3,
        Section.REFUSED: 2,
    }


def test_the_ending_horizon_is_a_setting(store_profile, practice) -> None:  # type: ignore[no-untyped-def]
    assert worklist(store_profile, worklist_ending_days=1).build().section(Section.ENDING) == ()
    wide = worklist(store_profile, worklist_ending_days=20).build()
    assert [a.patient_name for a in wide.section(Section.ENDING)] == [
        "Ann Aerts",
        "Hans Hermans",
        "Bart Bosmans",
    ]
    assert worklist(store_profile, worklist_ending_days="nonsense").build().ending_days == 3


def test_reminder_text_counts_without_names_niss_or_diagnosis(store_profile, practice) -> None:  # type: ignore[no-untyped-def]
    questions = Questions([Question(practice["bart"], "work_capacity", days(5))], {})
    service = worklist(store_profile, questions)
    for lang in ("nl", "fr", "de", "en"):
        text = service.reminder(lang)
        assert text is not None
        wl = service.build()
        for secret in [r.patient_name for r in wl.rows] + [
            samples.patient().niss,
            samples.patient().family_name,
            "L86",
            "Lumbago",
            "F33",
        ]:
            for word in secret.split():
                assert word.casefold() not in text.casefold()
    assert service.reminder("en") == (
        "1 certificate ends within 3 days\n"
        "2 invalidity recognitions due within 30 days\n"
        "1 question waits for your answer"
    )


def test_nothing_to_do_means_no_reminder(store_profile) -> None:  # type: ignore[no-untyped-def]
    empty = worklist(store_profile).build()
    assert empty == Worklist(TODAY, 3, (), ())
    assert reminder_text(empty, "nl") is None


# ---------------------------------------------------------------- the domain's grouping


def _as_document(doc: CaseDocument) -> Document:
    """A document with the dates the timeline reads (the rest never matters to it)."""
    if doc.kind is DocumentKind.INVALIDITY_RECOGNITION:
        body: IncapacityCertificate | InvalidityRecognition = InvalidityRecognition(
            doc.begin, doc.end or doc.begin, doc.incapacity_since
        )
    else:
        body = IncapacityCertificate(CertificateKind.INITIAL, Period(doc.begin, doc.end))
    return replace(samples.incapacity(), id=uuid.UUID(doc.document_id), body=body)


@st.composite
def histories(draw: st.DrawFn) -> list[CaseDocument]:
    day = TODAY - timedelta(days=draw(st.integers(0, 900)))
    out = []
    for _ in range(draw(st.integers(1, 6))):
        day += timedelta(days=draw(st.integers(-5, 120)))
        length = draw(st.integers(1, 200))
        end = None if draw(st.integers(0, 15)) == 0 else day + timedelta(days=length - 1)
        if draw(st.integers(0, 4)) == 0:
            since = day - timedelta(days=draw(st.integers(0, 800)))
            kind = DocumentKind.INVALIDITY_RECOGNITION
            end = end or day
        else:
            since, kind = None, DocumentKind.INCAPACITY
        out.append(
            CaseDocument(str(uuid.uuid4()), kind, DocumentStatus.ACCEPTED, day, end, None, since)
        )
        day = end or day
    return out


@settings(max_examples=400)
@given(histories(), st.integers(-30, 400))
def test_current_episode_is_the_timelines(history: list[CaseDocument], offset: int) -> None:
    today = TODAY + timedelta(days=offset)
    ours = current_episode(history, today)
    theirs = episode_timeline([_as_document(d) for d in history], today)
    if theirs is None:
        assert ours is None
        return
    assert ours is not None
    episode, docs = ours
    assert (episode.start, episode.end, episode.milestones) == (
        theirs.start,
        theirs.end,
        theirs.milestones,
    )
    assert [d.document_id for d in docs] == [str(d.id) for d in theirs.documents]
