"""The mirror's arithmetic: episodes, median, length classes and shares per group."""

from __future__ import annotations

from datetime import date, timedelta

from fitnote_desktop.domain.mirror import (
    ALL_GROUPS,
    INCAPACITY,
    PARTIAL_RESUMPTION,
    CertificateFact,
    duration_bin,
    group_figures,
)

SINCE = date(2026, 1, 1)


def cert(
    patient: str, begin: date, days: int | None, group: str = "g", **kw: object
) -> CertificateFact:
    end = None if days is None else begin + timedelta(days=days - 1)
    return CertificateFact(patient, INCAPACITY, begin, end, group, **kw)  # type: ignore[arg-type]


def by_group(facts: list[CertificateFact]) -> dict[str, object]:
    return {f.group: f for f in group_figures(facts, SINCE)}


def test_certificates_within_the_relapse_window_make_one_episode() -> None:
    a = date(2026, 3, 1)
    facts = [
        cert("p", a, 10),  # 1-10 March
        cert("p", a + timedelta(days=23), 5),  # begins 14 days after the end: same episode
        cert("p", a + timedelta(days=60), 3),  # a new episode
    ]
    g = by_group(facts)["g"]
    assert (g.certificates, g.episodes) == (3, 2)  # type: ignore[attr-defined]
    assert g.median_days == (28 + 3) / 2  # type: ignore[attr-defined]
    assert g.prolonged_share == 0.5  # type: ignore[attr-defined]


def test_an_episode_belongs_to_the_group_of_its_first_certificate() -> None:
    a = date(2026, 5, 4)
    facts = [cert("p", a, 7, "back"), cert("p", a + timedelta(days=7), 7, "depression")]
    groups = by_group(facts)
    assert groups["back"].episodes == 1 and groups["back"].certificates == 1  # type: ignore[attr-defined]
    assert groups["depression"].episodes == 0 and groups["depression"].certificates == 1  # type: ignore[attr-defined]
    assert groups[ALL_GROUPS].median_days == 14  # type: ignore[attr-defined]


def test_episodes_begun_before_the_window_are_left_out_but_their_certificates_count() -> None:
    facts = [cert("p", date(2025, 12, 20), 12), cert("p", date(2026, 1, 1), 10)]
    g = by_group(facts)["g"]
    assert (g.certificates, g.episodes, g.median_days) == (1, 0, None)  # type: ignore[attr-defined]


def test_open_ended_episodes_count_but_have_no_length() -> None:
    g = by_group([cert("p", date(2026, 2, 2), None), cert("q", date(2026, 2, 2), 5)])["g"]
    assert g.episodes == 2 and g.median_days == 5 and sum(g.distribution) == 1  # type: ignore[attr-defined]


def test_fit_notes_partial_resumptions_and_physicians() -> None:
    a = date(2026, 6, 1)
    facts = [
        cert("p", a, 20, fit_note=True, physician="A"),
        CertificateFact("p", PARTIAL_RESUMPTION, a + timedelta(days=20), None, "g"),
        cert("q", a, 20, physician="B"),
        CertificateFact("q", PARTIAL_RESUMPTION, a + timedelta(days=40), None, "g"),  # too late
    ]
    g = by_group(facts)["g"]
    assert g.fit_note_share == 0.5 and g.partial_resumption_share == 0.5  # type: ignore[attr-defined]
    assert g.physicians == 2 and g.certificates == 2  # type: ignore[attr-defined]


def test_length_classes() -> None:
    assert [duration_bin(d) for d in (1, 7, 8, 14, 15, 30, 31, 90, 91, 400)] == [
        0,
        0,
        1,
        1,
        2,
        2,
        3,
        3,
        4,
        4,
    ]


def test_one_day_later_is_a_new_episode() -> None:
    a = date(2026, 3, 1)
    g = by_group([cert("p", a, 10), cert("p", a + timedelta(days=24), 5)])["g"]
    assert g.episodes == 2  # type: ignore[attr-defined]
