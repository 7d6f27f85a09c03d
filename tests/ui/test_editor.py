"""The editor: inline validation as the user types, durations, undo/redo, autosave."""

from __future__ import annotations

from datetime import date

from PySide6.QtCore import Qt

from fitnote_desktop.domain.model import DocumentKind, IcfCapacity
from fitnote_desktop.ui.editor import DocumentEditor


def make_editor(qtbot, services, patient, kind=DocumentKind.INCAPACITY):
    editor = DocumentEditor(services)
    qtbot.addWidget(editor)
    editor.show()
    editor.open(services.drafts.new(kind, patient.id))
    return editor


def codes(editor):
    return {f.code for f in editor.findings}


def test_fresh_certificate_lists_what_is_missing_without_red_fields(
    qtbot, services, patient, languages
):
    editor = make_editor(qtbot, services, patient)
    assert {"period.end_missing", "diagnosis.missing"} <= codes(editor)
    # nothing touched yet: the checklist is on the side, not red under every field
    assert not editor._targets["body.period.end"][1].isVisible()
    assert editor.findings_list.count() == len(editor.findings)


def test_typing_a_duration_sets_the_end_date_and_clears_the_finding(
    qtbot, services, patient, languages
):
    editor = make_editor(qtbot, services, patient)
    qtbot.keyClicks(editor.end.line, "+7")
    assert editor.current.body.period.end == date(2026, 11, 29)
    assert "period.end_missing" not in codes(editor)
    assert "7 days" in editor.duration_label.text()


def test_invalid_date_shows_inline_message(qtbot, services, patient, languages):
    editor = make_editor(qtbot, services, patient)
    qtbot.keyClicks(editor.end.line, "31/02/2026")
    _target, message = editor._targets["body.period.end"]
    assert message.isVisible()
    assert "Not a date" in message.text()


def test_inverted_period_message_appears_under_the_end_date_once_touched(
    qtbot, services, patient, languages
):
    editor = make_editor(qtbot, services, patient)
    qtbot.keyClicks(editor.end.line, "01/11/2026")
    message = editor._targets["body.period.end"][1]
    assert message.isVisible()
    assert message.property("severity") == "error"


def test_duration_button_and_undo_redo(qtbot, services, patient, languages):
    editor = make_editor(qtbot, services, patient)
    qtbot.mouseClick(editor.duration_buttons[2], Qt.MouseButton.LeftButton)  # 14 days
    assert editor.current.body.period.end == date(2026, 12, 6)
    qtbot.keyClicks(editor.dx_text, "Lumbago")
    assert editor.current.body.diagnoses[0].text == "Lumbago"
    editor.undo_stack.undo()  # the whole typed word is one step
    assert editor.current.diagnoses == ()
    assert editor.dx_text.text() == ""
    editor.undo_stack.undo()
    assert editor.current.body.period.end is None
    editor.undo_stack.redo()
    assert editor.end.value() == date(2026, 12, 6)


def test_autosave_keeps_a_version_and_shows_saved(qtbot, services, patient, languages):
    editor = make_editor(qtbot, services, patient)
    qtbot.keyClicks(editor.dx_text, "Griep")
    assert editor.is_dirty()
    with qtbot.waitSignal(editor.saved, timeout=3000):
        pass
    stored = services.drafts.get(editor.record.id)
    assert stored.document.diagnoses[0].text == "Griep"
    assert "saved" in editor.save_state.text().lower()


def test_fit_note_with_capacities_maps_findings_to_rows(qtbot, services, patient, languages):
    editor = make_editor(qtbot, services, patient)
    editor.add_capacities([IcfCapacity("d430", 2, ""), IcfCapacity("d415", 1, "Kan zitten")])
    assert editor.current.fit_note is not None
    assert [c.code for c in editor.current.fit_note.capacities] == ["d430", "d415"]
    editor.reveal_all_findings()
    assert "icf.statement_missing" in codes(editor)
    assert editor.rows[0].message.isVisible()
    assert not editor.rows[1].message.isVisible()
    qtbot.keyClicks(editor.rows[0].statement, "Kan 5 kg heffen")
    assert "icf.statement_missing" not in codes(editor)


def test_reason_shows_conditional_fields(qtbot, services, patient, languages):
    editor = make_editor(qtbot, services, patient)
    assert not editor.accident_date.isVisibleTo(editor)
    editor.reason.setCurrentIndex(editor.reason.findData("workaccident"))
    assert editor.accident_date.isVisibleTo(editor)
    assert "reason.accident_date_missing" in codes(editor)


def test_every_kind_opens_and_validates(qtbot, services, patient, languages):
    for kind in DocumentKind:
        editor = make_editor(qtbot, services, patient, kind)
        assert editor.current.kind is kind
        assert editor.title.text()


def test_partial_resumption_extent(qtbot, services, patient, languages):
    editor = make_editor(qtbot, services, patient, DocumentKind.PARTIAL_RESUMPTION)
    assert "resumption.extent_missing" in codes(editor)
    editor.pr_percent_radio.setChecked(True)
    editor.pr_percent.setValue(50)
    assert editor.current.body.percentage == 50
    assert "resumption.extent_missing" not in codes(editor)
