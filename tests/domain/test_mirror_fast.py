"""``group_figures`` counts in one pass: the same figures as the former computation.

Random practices (hypothesis): several patients, certificates with ties in their start,
open ends, gaps around the 14-day relapse window, episodes long enough to reach
invalidity (its 3-month window), partial resumptions, several groups and physicians,
some before ``since``. The reference is the former code, kept in ``mirror_reference``.
"""

from __future__ import annotations

from datetime import date, timedelta

from hypothesis import given, settings
from hypothesis import strategies as st

from fitnote_desktop.domain.mirror import (
    INCAPACITY,
    PARTIAL_RESUMPTION,
    CertificateFact,
    group_figures,
)
from tests.domain import mirror_reference

SINCE = date(2026, 1, 1)


@st.composite
def patient_facts(draw: st.DrawFn, patient: str) -> list[CertificateFact]:
    day = SINCE + timedelta(days=draw(st.integers(-500, 300)))
    out = []
    for _ in range(draw(st.integers(1, 8))):
        day += timedelta(days=draw(st.sampled_from([0, 1, 14, 15, 16, 40, 93, 200])))
        length = draw(st.sampled_from([1, 7, 8, 14, 30, 31, 90, 91, 200, 400]))
        end = None if draw(st.integers(0, 12)) == 0 else day + timedelta(days=length - 1)
        kind = PARTIAL_RESUMPTION if draw(st.integers(0, 5)) == 0 else INCAPACITY
        out.append(
            CertificateFact(
                patient,
                kind,
                day,
                end,
                draw(st.sampled_from(["back", "mood", "other"])),
                draw(st.booleans()),
                draw(st.sampled_from(["", "riziv-1", "riziv-2"])),
            )
        )
        day = end or day
    return out


@st.composite
def practices(draw: st.DrawFn) -> list[CertificateFact]:
    facts = [f for n in range(draw(st.integers(0, 6))) for f in draw(patient_facts(f"p{n}"))]
    return draw(st.permutations(facts))


@settings(max_examples=400)
@given(practices())
def test_one_pass_gives_the_former_figures(facts: list[CertificateFact]) -> None:
    assert group_figures(facts, SINCE) == mirror_reference.group_figures(facts, SINCE)
