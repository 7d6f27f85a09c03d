"""The mirror screen with real widgets over a real encrypted profile.

The peers come through a stand-in of the network port only (``FixedPeers``): its
figures are computed by the endpoint's own code from the demo's synthetic population,
so they look like what the demo endpoint answers. ``FITNOTE_SHOTS`` set: screenshots
in nl and fr go there.
"""

from __future__ import annotations

import os
from dataclasses import replace
from datetime import date
from pathlib import Path

import pytest
from support import mirror as known

from fitnote_desktop.domain.mirror import CertificateFact, GroupFigures, group_figures
from fitnote_desktop.endpoint import synthetic
from fitnote_desktop.endpoint.mirror import suppressed
from fitnote_desktop.services.errors import ServiceError
from fitnote_desktop.services.mirror import Mirror, PeerReport
from fitnote_desktop.ui import workers

SHOTS = os.environ.get("FITNOTE_SHOTS")


def _cells(facts: list[CertificateFact], since: date) -> dict[str, GroupFigures | None]:
    return {f.group: None if suppressed(f) else f for f in group_figures(facts, since)}


def peer_report(today: date) -> PeerReport:
    rows = synthetic.population(today)
    since = date(today.year - 1, today.month, today.day)
    facts = {
        region: [
            CertificateFact(
                r["patient"],
                r["kind"],
                r["begin"],
                r["end"],
                r["pathology_group"],
                r["fit_note"],
                r["physician"],
            )
            for r in rows
            if region in ("BE", r["region"])
        ]
        for region in ("BE-VAN", "BE")
    }
    return PeerReport(
        "BE-VAN", since, _cells(facts["BE-VAN"], since), _cells(facts["BE"], since), True
    )


class FixedPeers:
    """The ``PeerFigures`` port answering a fixed report, or failing like an offline link."""

    def __init__(self, report: PeerReport | None, error: Exception | None = None) -> None:
        self.report, self.error = report, error

    def regional(self, months: int, region: str = "") -> PeerReport:
        if self.error is not None:
            raise self.error
        assert self.report is not None
        return self.report


def _dialog(qtbot, services, store_profile, peers):  # type: ignore[no-untyped-def]
    from fitnote_desktop.adapters.mirror import StoreMirrorFacts
    from fitnote_desktop.ui.mirror import MirrorDialog

    known.fill(store_profile, today=services.today())
    services = replace(
        services,
        mirror=Mirror(facts=StoreMirrorFacts(store_profile.db), peers=peers, clock=services.today),
    )
    dialog = MirrorDialog(services)
    qtbot.addWidget(dialog)
    dialog.show()
    assert workers.wait_idle()
    qtbot.waitUntil(lambda: "…" not in dialog.status.text())
    return dialog


def _rows(table) -> list[list[str]]:  # type: ignore[no-untyped-def]
    return [
        [table.item(r, c).text() for c in range(table.columnCount())]
        for r in range(table.rowCount())
    ]


def test_the_table_holds_you_region_and_belgium(qtbot, services, store_profile, languages) -> None:  # type: ignore[no-untyped-def]
    dialog = _dialog(qtbot, services, store_profile, FixedPeers(peer_report(services.today())))
    rows = {(r[0], r[1]): r for r in _rows(dialog.summary_table)}
    you = rows[("Low back pain", "You")]
    assert you[2:] == ["3", "2", "12.5", "33 %", "50 %", "50 %"]
    region = rows[("Low back pain", "Region BE-VAN")]
    assert int(region[2]) > 50 and region[4] != "–"
    assert rows[("Ankle sprain", "Region BE-VAN")][2] == "too few to show"
    assert ("Low back pain", "Belgium") in rows
    assert "synthetic" in dialog.status.text()
    # the distribution table follows the chosen group, with the own counts
    dialog.group.setCurrentIndex(dialog.group.findData("low_back_pain"))
    dist = _rows(dialog.distribution_table)
    assert dist[0][0] == "1–7 days" and dist[0][1] == "50 % (1)"
    assert dist[2][1] == "50 % (1)"
    # the CSV has the figures of the table
    text = dialog.csv()
    assert "you,low_back_pain,Low back pain,3,2,12.5,1,0,1,0,0,0.333,0.500,0.500,no" in text
    assert "region,ankle_sprain,Ankle sprain,,,,,,,,,,,,yes" in text


def test_offline_the_own_figures_stay(qtbot, services, store_profile, languages) -> None:  # type: ignore[no-untyped-def]
    offline = FixedPeers(None, ServiceError("transport.connection_failed"))
    dialog = _dialog(qtbot, services, store_profile, offline)
    assert "Region figures unavailable" in dialog.status.text()
    whos = {r[1] for r in _rows(dialog.summary_table)}
    assert whos == {"You"}
    assert dialog.summary_table.rowCount() == 3  # depression, low back pain, all groups


def test_the_months_choice_recomputes(qtbot, services, store_profile, languages) -> None:  # type: ignore[no-untyped-def]
    dialog = _dialog(qtbot, services, store_profile, None)
    dialog.months.setCurrentIndex(dialog.months.findData(3))
    groups = [r[0] for r in _rows(dialog.summary_table)]
    assert groups == ["Low back pain", "All groups"]


def test_the_window_menu_opens_it_by_shortcut(qtbot, services, languages, tmp_path) -> None:  # type: ignore[no-untyped-def]
    from PySide6.QtCore import QSettings

    from fitnote_desktop.ui.help import HelpDialog
    from fitnote_desktop.ui.main_window import MainWindow

    settings = QSettings(str(tmp_path / "ui.ini"), QSettings.Format.IniFormat)
    window = MainWindow(services, languages, settings=settings)
    qtbot.addWidget(window)
    assert window.acts.mirror.shortcut().toString() == "Ctrl+Shift+I"
    assert window.acts.mirror in window.acts.menu_file.actions()
    help_dialog = HelpDialog(window.acts, window)
    qtbot.addWidget(help_dialog)
    texts = {help_dialog.table.item(r, 0).text() for r in range(help_dialog.table.rowCount())}
    assert "Mirror information" in texts


@pytest.mark.parametrize("lang", ["nl", "fr"])
def test_screenshots(qtbot, services, store_profile, languages, lang: str) -> None:  # type: ignore[no-untyped-def]
    languages.switch(lang)
    dialog = _dialog(qtbot, services, store_profile, FixedPeers(peer_report(services.today())))
    dialog.group.setCurrentIndex(dialog.group.findData("low_back_pain"))
    title = {"nl": "Spiegelinformatie", "fr": "Informations miroir"}[lang]
    assert dialog.windowTitle() == title
    whos = {r[1] for r in _rows(dialog.summary_table)}
    assert (
        whos == {"U", "Regio BE-VAN", "België"}
        if lang == "nl"
        else {
            "Vous",
            "Région BE-VAN",
            "Belgique",
        }
    )
    if SHOTS:
        dialog.layout().activate()  # the region name arrived after the first layout
        dialog.grab().save(str(Path(SHOTS) / f"mirror-{lang}.png"))
