"""The mirror's own figures on a known encrypted profile, the CSV, and peers offline."""

from __future__ import annotations

import csv
import io
from collections.abc import Iterator
from datetime import date
from pathlib import Path

import pytest
from support import mirror as known

from fitnote_desktop.adapters.mirror import StoreMirrorFacts, peer_report
from fitnote_desktop.domain.mirror import ALL_GROUPS, GroupFigures
from fitnote_desktop.services.errors import ServiceError
from fitnote_desktop.services.mirror import CSV_HEADER, Mirror, PeerReport, csv_text
from fitnote_desktop.store import KdfParams, Profile, ProfileManager, StoreOptions

PASSPHRASE = "mirror test passphrase"


@pytest.fixture
def profile(tmp_path: Path) -> Iterator[Profile]:
    manager = ProfileManager(tmp_path / "profiles", StoreOptions(kdf=KdfParams.for_tests()))
    manager.create("dr-mirror", passphrase=PASSPHRASE)
    opened = manager.open("dr-mirror", PASSPHRASE)
    known.fill(opened)
    try:
        yield opened
    finally:
        opened.lock()


def _mirror(profile: Profile) -> Mirror:
    return Mirror(facts=StoreMirrorFacts(profile.db), peers=None, clock=lambda: known.TODAY)


def test_own_figures_on_a_known_profile(profile: Profile) -> None:
    report = _mirror(profile).own(12)
    assert report.since == date(2025, 11, 29)
    groups = report.by_group()
    assert list(groups) == ["depression", "low_back_pain", ALL_GROUPS]
    back = groups["low_back_pain"]
    assert (back.certificates, back.episodes, back.median_days) == (3, 2, 12.5)
    assert back.distribution == (1, 0, 1, 0, 0)  # 5 days, 20 days
    assert back.fit_note_share == pytest.approx(1 / 3)
    assert back.prolonged_share == 0.5
    assert back.partial_resumption_share == 0.5
    depression = groups["depression"]
    assert (depression.certificates, depression.median_days) == (1, 60)
    assert depression.distribution == (0, 0, 0, 1, 0)
    every = groups[ALL_GROUPS]
    assert (every.certificates, every.episodes, every.median_days) == (4, 3, 20)


def test_a_shorter_window_drops_older_episodes(profile: Profile) -> None:
    groups = _mirror(profile).own(3).by_group()  # since 2026-08-29
    assert list(groups) == ["low_back_pain", ALL_GROUPS]
    assert groups[ALL_GROUPS].certificates == 3


def test_peers_without_an_endpoint_say_so(profile: Profile) -> None:
    with pytest.raises(ServiceError) as caught:
        _mirror(profile).peers(12)
    assert caught.value.code == "transport.not_configured"


def _peers() -> PeerReport:
    return peer_report(
        {
            "region": "BE-VAN",
            "since": "2025-11-29",
            "includes_synthetic": True,
            "region_figures": [
                {"group": "low_back_pain", "suppressed": True},
                {
                    "group": "all",
                    "suppressed": False,
                    "certificates": 1249,
                    "episodes": 800,
                    "median_days": 11.0,
                    "distribution": [300, 200, 150, 100, 50],
                    "fit_note_share": 0.31,
                    "prolonged_share": 0.4,
                    "partial_resumption_share": 0.1,
                },
            ],
            "national_figures": [],
        }
    )


def test_the_csv_holds_the_same_figures(profile: Profile) -> None:
    own = _mirror(profile).own(12)
    peers = _peers()
    assert peers.region_cells["low_back_pain"] is None
    assert isinstance(peers.region_cells["all"], GroupFigures)
    text = csv_text(own, peers, {"low_back_pain": "Lage rugpijn"})
    rows = list(csv.reader(io.StringIO(text)))
    assert tuple(rows[0]) == CSV_HEADER
    by_key = {(r[0], r[1]): dict(zip(CSV_HEADER, r, strict=True)) for r in rows[1:]}
    mine = by_key[("you", "low_back_pain")]
    assert mine["group_label"] == "Lage rugpijn"
    assert (mine["certificates"], mine["episodes"], mine["median_days"]) == ("3", "2", "12.5")
    assert (mine["days_1_7"], mine["days_15_30"], mine["days_91_plus"]) == ("1", "1", "0")
    assert mine["fit_note_share"] == "0.333" and mine["prolonged_share"] == "0.500"
    assert by_key[("region", "low_back_pain")]["suppressed"] == "yes"
    assert by_key[("region", "low_back_pain")]["certificates"] == ""
    assert by_key[("region", "all")]["certificates"] == "1249"
    assert [r[1] for r in rows[1:]][-2:] == ["all", "all"]  # "all" last
