"""The episode timeline drives reminders: month 1, 8 weeks, months 4/7/11, one year."""

from dataclasses import replace
from datetime import date, timedelta

from fitnote_desktop.domain import samples
from fitnote_desktop.domain.model import IncapacityCertificate, Period
from fitnote_desktop.domain.timeline import Actor, episode_timeline, milestones, split_episodes


def test_milestones_of_an_episode() -> None:
    start = date(2026, 1, 31)
    by_code = {}
    for m in milestones(start):
        by_code.setdefault(m.code, []).append(m)
    assert by_code["timeline.occupational_month1"][0].due == date(2026, 2, 28)
    assert by_code["timeline.work_potential_8w"][0].due == start + timedelta(weeks=8)
    assert by_code["timeline.responsible_physician_2m"][0].due == date(2026, 3, 31)
    contacts = by_code["timeline.advising_contact"]
    assert [dict(m.params)["month"] for m in contacts] == [4, 7, 11]
    assert [m.due for m in contacts] == [date(2026, 4, 30), date(2026, 7, 31), date(2026, 11, 30)]
    assert all(m.actor is Actor.ADVISING_PHYSICIAN for m in contacts)
    assert by_code["timeline.invalidity_1y"][0].due == date(2027, 1, 31)
    assert by_code["timeline.reintegration_6m"][0].actor is Actor.EMPLOYER


def test_prolongation_and_relapse_stay_in_one_episode() -> None:
    docs = [samples.relapse(), samples.incapacity(), samples.prolongation()]
    episodes = split_episodes(docs)
    assert len(episodes) == 1
    ep = episodes[0]
    assert ep.start == samples.SAMPLE_DAY
    assert ep.documents[0].id == samples.incapacity().id
    assert ep.end == max(d.period.end for d in docs)  # type: ignore[union-attr,type-var]


def test_resumption_longer_than_relapse_window_starts_a_new_episode() -> None:
    first = samples.incapacity()
    body = first.body
    assert isinstance(body, IncapacityCertificate)
    later_begin = body.period.end + timedelta(days=30)  # type: ignore[operator]
    later = replace(
        first, body=replace(body, period=Period(later_begin, later_begin + timedelta(days=5)))
    )
    episodes = split_episodes([first, later])
    assert [e.start for e in episodes] == [samples.SAMPLE_DAY, later_begin]
    current = episode_timeline([first, later], today=later_begin + timedelta(days=1))
    assert current is not None and current.start == later_begin
    upcoming = current.upcoming(later_begin + timedelta(days=1))
    assert upcoming[0].code == "timeline.occupational_month1"


def test_invalidity_renewal_follows_the_last_recognition() -> None:
    inv = samples.invalidity_recognition()
    [episode] = split_episodes([inv])
    assert episode.start == date(2025, 10, 6)
    renewal = next(m for m in episode.milestones if m.code == "timeline.invalidity_renewal")
    assert renewal.due == date(2027, 12, 1)


def test_no_documents_no_episode() -> None:
    assert episode_timeline([], today=date(2026, 1, 1)) is None
    assert episode_timeline([samples.standalone_fit_note()], today=date(2027, 1, 1)) is None
