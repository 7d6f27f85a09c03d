"""Patient search and dialog (live NISS), and the keyboard flow of the ICF picker."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QDialogButtonBox

from fitnote_desktop.domain.model import Patient
from fitnote_desktop.ui.icf_picker import IcfPicker
from fitnote_desktop.ui.patients import PatientDialog, PatientSearch


def test_niss_is_checked_live_with_birth_date_and_sex(qtbot, services, languages):
    dlg = PatientDialog(services)
    qtbot.addWidget(dlg)
    dlg.show()
    save = dlg.buttons.button(QDialogButtonBox.StandardButton.Save)
    qtbot.keyClicks(dlg.niss, "85.07.30-032.2")
    assert not dlg.niss_msg.isVisible()  # still typing: no scolding yet
    qtbot.keyClicks(dlg.niss, "8")  # wrong check digits
    assert dlg.niss_msg.isVisible()
    assert "check" in dlg.niss_msg.text().lower() or dlg.niss_msg.text()
    dlg.niss.clear()
    qtbot.keyClicks(dlg.niss, "85073003229")
    assert not dlg.niss_msg.isVisible()
    assert "30/07/1985" in dlg.niss_info.text()
    assert "female" in dlg.niss_info.text()
    assert not save.isEnabled()
    qtbot.keyClicks(dlg.given, "Émilie")
    qtbot.keyClicks(dlg.family, "Vanderbeke")
    assert save.isEnabled()
    qtbot.mouseClick(save, Qt.MouseButton.LeftButton)
    assert dlg.result_record is not None
    assert dlg.result_record.patient.birth_date.isoformat() == "1985-07-30"


def test_search_by_name_without_accents_and_by_niss(qtbot, services, languages):
    services.patients.save(Patient("85073003229", "Émilie", "Vanderbeke-Dubois"))
    services.patients.save(Patient("72010103794", "Marc", "Dubois"))
    panel = PatientSearch(services)
    qtbot.addWidget(panel)
    assert panel.model.rowCount() == 2  # recent patients when nothing typed
    qtbot.keyClicks(panel.search, "emilie")
    assert panel.model.rowCount() == 1
    panel.search.clear()
    qtbot.keyClicks(panel.search, "7201")
    assert panel.model.record(0).patient.given_name == "Marc"
    with qtbot.waitSignal(panel.chosen) as blocker:
        qtbot.keyClick(panel.search, Qt.Key.Key_Return)
    assert blocker.args[0].patient.family_name == "Dubois"


def test_picker_keyboard_flow_adds_three_capacities(qtbot, languages):
    picker = IcfPicker("nl")
    qtbot.addWidget(picker)
    picker.show()
    for query, digit, value in (("tillen", "2", "5"), ("d415", "1", "4"), ("walking", "1", "500")):
        qtbot.keyClicks(picker.search, query)
        qtbot.keyClick(picker.search, Qt.Key.Key_Return)  # first hit, focus on the extent
        focused = picker.focusWidget()
        qtbot.keyClick(focused, getattr(Qt.Key, f"Key_{digit}"))  # extent in words
        assert picker.focusWidget() is picker.statement
        qtbot.keyClicks(picker.statement, value)  # replaces the selected "…"
        qtbot.keyClick(picker.statement, Qt.Key.Key_Return)
    assert [c.code for c in picker.chosen] == ["d430", "d415", "d450"]
    assert [c.qualifier for c in picker.chosen] == [2, 1, 1]
    assert picker.chosen[0].statement == "Kan tot 5 kg heffen en dragen"
    assert all("…" not in c.statement for c in picker.chosen)
    qtbot.keyClick(picker.search, Qt.Key.Key_Escape)
    assert picker.result() == picker.DialogCode.Accepted


def test_picker_qualifier_buttons_speak_words(qtbot, languages):
    picker = IcfPicker("fr")
    qtbot.addWidget(picker)
    texts = [b.text() for b in picker.qualifier_buttons.values()]
    assert all(not t.strip().isdigit() for t in texts)
    languages.switch("nl")
    assert picker.qualifier_buttons[0].text().startswith("Geen beperking")


def test_picker_browses_chapters_and_core_sets(qtbot, languages):
    picker = IcfPicker("en")
    qtbot.addWidget(picker)
    assert picker.tree.topLevelItemCount() == 3
    assert picker.core_list.count() > 0
    picker.tabs.setCurrentIndex(2)
    picker.core_list.setCurrentRow(0)
    assert picker.code == picker.core_list.item(0).data(Qt.ItemDataRole.UserRole + 10)


def test_picker_statement_tab_selects_the_next_gap(qtbot, languages):
    picker = IcfPicker("nl")
    qtbot.addWidget(picker)
    picker.show()
    picker.activateWindow()
    qtbot.waitUntil(picker.isActiveWindow)
    qtbot.keyClicks(picker.search, "d415")
    qtbot.keyClick(picker.search, Qt.Key.Key_Return)
    picker.statement.setText("Kan … minuten om de … rechtstaan")  # a template with two gaps
    qtbot.keyClick(picker.focusWidget(), Qt.Key.Key_1)  # the extent: on to the statement
    line = picker.statement
    assert line.hasFocus() and line.selectedText() == "…"
    qtbot.keyClicks(line, "30")
    qtbot.keyClick(line, Qt.Key.Key_Tab)
    assert line.hasFocus() and line.selectedText() == "…"  # the second gap, as in the editor
    qtbot.keyClicks(line, "60")
    assert line.text() == "Kan 30 minuten om de 60 rechtstaan"
    qtbot.keyClick(line, Qt.Key.Key_Tab)
    assert not line.hasFocus()  # no gap left: Tab goes on
