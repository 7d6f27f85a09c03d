"""The home screen: my patients on sick leave, by keyboard, on a real encrypted store."""

from __future__ import annotations

from dataclasses import replace
from datetime import datetime, time, timedelta

import pytest
from PySide6.QtCore import QSettings, Qt

from fitnote_desktop.domain import samples
from fitnote_desktop.domain.model import DocumentKind, FitNoteStatus
from fitnote_desktop.transport.ports import HELD_UNTIL
from fitnote_desktop.ui.main_window import MainWindow
from fitnote_desktop.ui.worklist import COLUMNS
from tests.conftest import STORE_TODAY
from tests.support.worklist_data import add_patient, certificate, issue


def day(n: int):  # type: ignore[no-untyped-def]
    return STORE_TODAY + timedelta(days=n)


@pytest.fixture
def on_leave(store_profile) -> None:  # type: ignore[no-untyped-def]
    p = store_profile
    issue(p, add_patient(p, "Ann", "Aerts"), certificate(day(-5), day(2)), status="accepted")
    bart = add_patient(p, "Bart", "Bosmans")
    issue(p, bart, certificate(day(-40), day(-21)), status="accepted")
    issue(p, bart, certificate(day(-20), day(20), fit_note=FitNoteStatus.NOT_FIT))
    issue(p, add_patient(p, "Carl", "Claes"), certificate(day(-9), day(-1)))  # back at work


def make_window(qtbot, services, languages, tmp_path) -> MainWindow:  # type: ignore[no-untyped-def]
    settings = QSettings(str(tmp_path / "ui.ini"), QSettings.Format.IniFormat)
    window = MainWindow(services, languages, settings=settings)
    qtbot.addWidget(window)
    window.show()
    return window


def cells(window: MainWindow, column: str) -> list[str]:
    proxy = window.worklist.proxy
    return [proxy.index(r, COLUMNS.index(column)).data() for r in range(proxy.rowCount())]


def test_home_screen_lists_the_patients_on_sick_leave(
    qtbot, services, on_leave, languages, tmp_path
) -> None:  # type: ignore[no-untyped-def]
    window = make_window(qtbot, services, languages, tmp_path)
    page = window.worklist
    assert window.stack.currentWidget() is page
    assert cells(window, "patient") == ["Ann Aerts", "Bart Bosmans"]  # soonest end first
    assert cells(window, "day") == ["6", "41"]
    assert cells(window, "fit_note") == ["Fit, adapted work", "Not fit"]
    assert "Contact with the occupational physician" in cells(window, "next")[0]
    actions = [page.actions_list.item(i).text() for i in range(page.actions_list.count())]
    assert actions == ["Certificate ends: Ann Aerts — 25/11/2026"]
    # sortable: by day of incapacity, longest first
    page.table.sortByColumn(COLUMNS.index("day"), Qt.SortOrder.DescendingOrder)
    assert cells(window, "patient") == ["Bart Bosmans", "Ann Aerts"]
    assert page.table.accessibleName() == "My patients on sick leave"
    assert page.filter.accessibleName() == "Filter my patients on sick leave"


def test_filter_by_keyboard_and_enter_opens_the_patient(
    qtbot, services, on_leave, languages, tmp_path
) -> None:  # type: ignore[no-untyped-def]
    window = make_window(qtbot, services, languages, tmp_path)
    window.activateWindow()
    qtbot.waitUntil(window.isActiveWindow)
    qtbot.keyClick(
        window.search.search,
        Qt.Key.Key_F,
        Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.ShiftModifier,
    )
    qtbot.waitUntil(window.worklist.filter.hasFocus)
    qtbot.keyClicks(window.worklist.filter, "bos")
    assert cells(window, "patient") == ["Bart Bosmans"]
    qtbot.keyClick(window.worklist.filter, Qt.Key.Key_Return)
    assert window.stack.currentWidget() is window.page
    assert window.page.record is not None
    assert window.page.record.patient.family_name == "Bosmans"
    # Alt+Home: back home, the table has the focus; arrows then Enter open the other one
    qtbot.keyClick(window.page, Qt.Key.Key_Home, Qt.KeyboardModifier.AltModifier)
    assert window.stack.currentWidget() is window.worklist
    qtbot.waitUntil(window.worklist.table.hasFocus)
    window.worklist.filter.clear()
    table = window.worklist.table
    table.setFocus()
    table.setCurrentIndex(window.worklist.proxy.index(0, 0))
    qtbot.keyClick(table, Qt.Key.Key_Down)
    qtbot.keyClick(table, Qt.Key.Key_Return)
    assert window.page.record.patient.family_name == "Bosmans"


def test_help_lists_the_worklist_shortcuts(qtbot, services, languages, tmp_path) -> None:  # type: ignore[no-untyped-def]
    from fitnote_desktop.ui.help import HelpDialog

    window = make_window(qtbot, services, languages, tmp_path)
    dlg = HelpDialog(window.acts, window)
    qtbot.addWidget(dlg)
    rows = {
        dlg.table.item(r, 0).text(): dlg.table.item(r, 1).text()
        for r in range(dlg.table.rowCount())
    }
    assert rows["My patients on sick leave"] == "Alt+Home"
    assert rows["Filter my patients on sick leave"] == "Ctrl+Shift+F"


def test_reminder_at_start_and_at_the_set_times_counts_only(
    qtbot, services, on_leave, languages, tmp_path
) -> None:  # type: ignore[no-untyped-def]
    window = make_window(qtbot, services, languages, tmp_path)
    reminders = window.reminders
    qtbot.waitUntil(lambda: reminders.last_text is not None)  # the one at start
    assert reminders.last_text == "1 certificate ends within 3 days"
    for secret in ("Ann", "Aerts", "Bart", "Bosmans", "L86", "Lumbago"):
        assert secret not in reminders.last_text
    services.settings.update(reminder_times=["10:00"], worklist_ending_days=30)
    reminders.last_text = None
    morning = datetime.combine(STORE_TODAY, time(9, 59))
    reminders.tick(morning)
    assert reminders.last_text is None  # not yet
    reminders.tick(morning + timedelta(minutes=2))
    assert reminders.last_text == "2 certificates end within 30 days"


def test_settings_dialog_stores_the_horizon_and_reminder_times(
    qtbot, services, languages, tmp_path
) -> None:  # type: ignore[no-untyped-def]
    from fitnote_desktop.ui.settings import SettingsDialog

    dlg = SettingsDialog(services, QSettings(str(tmp_path / "s.ini"), QSettings.Format.IniFormat))
    qtbot.addWidget(dlg)
    assert dlg.ending.value() == 3 and dlg.reminders.text() == "08:30, 13:30"
    dlg.ending.setValue(5)
    dlg.reminders.setText("7:05; 12:00")
    dlg._save()
    assert services.settings.read()["worklist_ending_days"] == 5
    assert services.settings.read()["reminder_times"] == ["07:05", "12:00"]
    dlg.reminders.setText("noon")
    dlg._save()
    assert dlg.message.has_message()


def test_the_reminder_at_start_counts_the_worklist_on_screen(
    qtbot, services, on_leave, languages, tmp_path
) -> None:  # type: ignore[no-untyped-def]
    builds: list[int] = []
    build = services.worklist.build
    services.worklist.build = lambda: builds.append(1) or build()  # counts the store reads
    window = make_window(qtbot, services, languages, tmp_path)
    reminders = window.reminders
    qtbot.waitUntil(lambda: reminders.last_text is not None)
    assert reminders.last_text == "1 certificate ends within 3 days"
    assert len(builds) == 1  # the home screen's, not one more for the notification


def test_one_start_builds_the_worklist_once_with_documents_in_the_outbox(
    qtbot, services, store_profile, patient, languages, tmp_path
) -> None:  # type: ignore[no-untyped-def]
    """The first status check after start finds what the first screen was built from, so
    it builds nothing again; the questions are fetched at start all the same, and a real
    change afterwards is still followed."""

    rec = services.drafts.new(DocumentKind.INCAPACITY, patient.id)
    doc = replace(samples.incapacity(), id=rec.document.id, patient=rec.document.patient)
    services.drafts.save(patient.id, doc)
    services.sending.sign_and_send(rec.id, lambda _p: "1")  # no endpoint: it waits
    (item,) = store_profile.outbox.list()
    builds: list[int] = []
    fetches: list[bool] = []
    build, fetch = services.worklist.build, services.questions.refresh
    services.worklist.build = lambda: builds.append(1) or build()  # counts the store reads
    services.questions.refresh = lambda **kw: fetches.append(kw["if_connected"]) or fetch(**kw)
    window = make_window(qtbot, services, languages, tmp_path)
    qtbot.waitUntil(lambda: fetches == [True])  # the first fetch is not left to the timer
    window.refresh_status()  # the status poll's first tick
    assert len(builds) == 1
    assert cells(window, "outbox") == ["Waiting: 1"]

    store_profile.outbox.reschedule(  # what the worker does after auth.certificate_invalid
        item.id, next_attempt_at=HELD_UNTIL, error_code="auth.certificate_invalid"
    )
    window.refresh_status()
    assert len(builds) == 2
    assert cells(window, "outbox") == ["Held: 1"]
