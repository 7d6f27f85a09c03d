"""Calendar arithmetic of the Belgian rules, in one place for validation and the timeline.

- ``add_months``: same day N months later, clamped to the month's end.
- ``exceeds_three_months``: the Mult-eMediatt schematron's "three calendar months minus
  one day" (multimediatt.schematron.xml, header pattern, recipients ID-CBE 0820563481
  and ID-EHP 1990002015), transcribed literally: it compares month indexes
  (year * 12 + month) and then days of the month, without clamping.
- ``relapse_window_end``: the last begin date of a relapse that still belongs to the same
  incapacity: the 14 days following the end of the previous incapacity in primary
  incapacity (end + 14 is inside, end + 15 is a new incapacity), 3 months during
  invalidity (DOMAIN.md, "herval / rechute").
"""

from __future__ import annotations

from datetime import date, timedelta

RELAPSE_WINDOW_DAYS = 14
RELAPSE_WINDOW_INVALIDITY_MONTHS = 3
INVALIDITY_AFTER_MONTHS = 12  # primary incapacity becomes invalidity after one year


def add_months(day: date, months: int) -> date:
    """Same day ``months`` later, clamped to the month's end (31 Jan + 1 → 28/29 Feb)."""
    month_index = day.month - 1 + months
    year, month = day.year + month_index // 12, month_index % 12 + 1
    for d in (day.day, 30, 29, 28):
        try:
            return date(year, month, d)
        except ValueError:
            continue
    raise AssertionError("unreachable")


def exceeds_three_months(begin: date, end: date) -> bool:
    """True when ``end`` is later than three calendar months minus one day after ``begin``.

    The schematron's test, literally: with m(x) = year(x) * 12 + month(x), an error when
    m(end) > m(begin) + 3, or m(end) = m(begin) + 3 and day(end) >= day(begin).
    """
    m_begin = begin.year * 12 + begin.month
    m_end = end.year * 12 + end.month
    return m_end > m_begin + 3 or (m_end == m_begin + 3 and end.day >= begin.day)


def relapse_window_end(previous_end: date, *, invalidity: bool) -> date:
    """The last begin date at which a new incapacity is a relapse of the previous one."""
    if invalidity:
        return add_months(previous_end, RELAPSE_WINDOW_INVALIDITY_MONTHS)
    return previous_end + timedelta(days=RELAPSE_WINDOW_DAYS)


def invalidity_from(episode_start: date) -> date:
    """The first day of the invalidity phase of an episode started on ``episode_start``
    (apart from :func:`in_invalidity` so that a loop over one episode's days computes the
    month arithmetic once)."""
    return add_months(episode_start, INVALIDITY_AFTER_MONTHS)


def in_invalidity(episode_start: date, day: date) -> bool:
    """Whether ``day`` falls in the invalidity phase of an episode started on ``episode_start``."""
    return day >= invalidity_from(episode_start)
