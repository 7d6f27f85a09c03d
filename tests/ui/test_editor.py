"""The editor: inline validation as the user types, durations, undo/redo, autosave."""

from __future__ import annotations

from datetime import date, timedelta

from PySide6.QtCore import Qt

from fitnote_desktop.domain.icpc import icpc_label
from fitnote_desktop.domain.model import (
    AuthorisingRole,
    CodeSystem,
    Diagnosis,
    DocumentKind,
    IcfCapacity,
    IncapacityFor,
    IncapacityReason,
)
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
    line = editor._targets["body.period.end"][1]  # the end date's line: its duration
    assert not line.has_message() and "7 days" in line.text()


def test_invalid_date_shows_inline_message(qtbot, services, patient, languages):
    editor = make_editor(qtbot, services, patient)
    qtbot.keyClicks(editor.end.line, "31/02/2026")
    qtbot.keyClick(editor.end.line, Qt.Key.Key_Return)  # messages follow a finished date
    _target, message = editor._targets["body.period.end"]
    assert message.isVisible()
    assert "Not a date" in message.text()


def test_inverted_period_message_appears_under_the_end_date_once_touched(
    qtbot, services, patient, languages
):
    editor = make_editor(qtbot, services, patient)
    qtbot.keyClicks(editor.end.line, "01/11/2026")
    qtbot.keyClick(editor.end.line, Qt.Key.Key_Return)
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
    assert "saved" in editor.save_state.full_text().lower()


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


# ---------------------------------------------------------------- the issue-12 model


def test_incapacity_for_is_one_choice_of_the_eight_kmehr_values(
    qtbot, services, patient, languages
):
    editor = make_editor(qtbot, services, patient)
    combo = editor.incapacity_for
    assert [combo.itemData(i) for i in range(combo.count())] == [v.value for v in IncapacityFor]
    assert editor.current.body.incapacity_for is IncapacityFor.WORK
    combo.setCurrentIndex(combo.findData("swim"))
    assert editor.current.body.incapacity_for is IncapacityFor.SWIM
    assert "incapacity.for_not_work" in codes(editor)  # the mutuality receives it
    assert combo.accessibleName() == "Incapacity for"


def test_reasons_are_the_six_and_a_hospital_stay_is_its_own_group(
    qtbot, services, patient, languages
):
    editor = make_editor(qtbot, services, patient)
    reasons = [editor.reason.itemData(i) for i in range(editor.reason.count())]
    assert reasons == [r.value for r in IncapacityReason]
    assert not editor.admission.isVisibleTo(editor)
    editor.stay_enabled.setChecked(True)  # any reason: illness here
    stay = editor.current.body.hospital_stay
    assert stay is not None and stay.admission == editor.current.body.period.begin
    qtbot.keyClicks(editor.hospital_name, "AZ Groeninge")
    qtbot.keyClicks(editor.hospital_id, "71000535")
    stay = editor.current.body.hospital_stay
    assert (stay.hospital_name, stay.hospital_id) == ("AZ Groeninge", "71000535")
    assert "hospital_stay.hospital_missing" not in codes(editor)
    editor.stay_enabled.setChecked(False)
    assert editor.current.body.hospital_stay is None


def test_three_diagnoses_with_one_principal_and_the_icpc_label_in_the_document_language(
    qtbot, services, patient, languages
):
    editor = make_editor(qtbot, services, patient)
    assert editor.current.language.value == "nl"  # the patient's language; the UI is English
    assert not editor.dx_text_2.isVisibleTo(editor)
    qtbot.keyClicks(editor.dx_text, "Lage rugpijn")
    assert not editor.dx_text_2.isVisibleTo(editor)  # not while typing
    qtbot.keyClick(editor.dx_text, Qt.Key.Key_Return)
    assert editor.dx_text_2.isVisibleTo(editor)  # the next row appears once one is filled
    editor.dx_system_2.setCurrentIndex(editor.dx_system_2.findData("ICPC-2"))
    qtbot.keyClicks(editor.dx_code_2, "l86")
    assert editor.dx_rows[1].icpc.text() == icpc_label("L86", "nl")
    qtbot.keyClicks(editor.dx_text_3, "Zwangerschap")
    diagnoses = editor.current.body.diagnoses
    assert [d.principal for d in diagnoses] == [True, False, False]  # the first by default
    assert diagnoses[1] == Diagnosis("", "L86", CodeSystem.ICPC2, False)
    editor.dx_principal_2.setChecked(True)
    assert [d.principal for d in editor.current.body.diagnoses] == [False, True, False]
    editor.dx_text_3.clear()
    qtbot.keyClicks(editor.dx_text_3, "x")
    qtbot.keyClick(editor.dx_text_3, Qt.Key.Key_Backspace)  # emptied: the row is no diagnosis
    assert len(editor.current.body.diagnoses) == 2
    assert editor.dx_principal_2.accessibleName() == "Diagnosis 2 is the principal diagnosis"


def test_first_prognosis_is_required_and_plus_one_is_the_day_after_the_end(
    qtbot, services, patient, languages
):
    editor = make_editor(qtbot, services, patient)
    assert "incapacity.expected_return_missing" in codes(editor)
    assert "(required)" in editor.expected_return.line.accessibleName()
    assert "required" in editor._targets["body.expected_return"][1].hint()
    qtbot.keyClicks(editor.end.line, "+14")
    qtbot.keyClicks(editor.expected_return.line, "+1")
    body = editor.current.body
    assert body.expected_return == body.period.end + timedelta(days=1)
    assert "incapacity.expected_return_missing" not in codes(editor)


def test_antedating_justification_appears_when_the_period_starts_too_far_back(
    qtbot, services, patient, languages
):
    editor = make_editor(qtbot, services, patient)
    assert not editor.antedating.isVisibleTo(editor)
    begin = editor.current.body.period.begin - timedelta(days=5)
    editor.begin.line.clear()
    qtbot.keyClicks(editor.begin.line, begin.strftime("%d/%m/%Y"))
    qtbot.keyClick(editor.begin.line, Qt.Key.Key_Return)  # rows follow a finished date
    assert "incapacity.antedated_begin" in codes(editor)
    assert editor.antedating.isVisibleTo(editor)
    assert (
        "Only the advising physician"
        in editor.period.messages["body.antedating_justification"].text()
    )
    qtbot.keyClicks(editor.antedating, "Seen at home on the first day")
    assert editor.current.body.antedating_justification == "Seen at home on the first day"
    assert "incapacity.antedated_begin" not in codes(editor)
    assert editor.antedating.isVisibleTo(editor)  # filled: stays


def test_self_employed_pregnancy_asks_delivery_and_maternity_leave(
    qtbot, services, patient, languages
):
    editor = make_editor(qtbot, services, patient)  # Émilie: a woman by her NISS
    assert not editor.expected_delivery.isVisibleTo(editor)
    editor.reason.setCurrentIndex(editor.reason.findData("pregnancy"))
    assert not editor.expected_delivery.isVisibleTo(editor)  # employed
    editor.job_situation.setCurrentIndex(editor.job_situation.findData("selfemployed"))
    assert editor.expected_delivery.isVisibleTo(editor)
    assert editor.leave_begin.isVisibleTo(editor)
    assert {"pregnancy.expected_delivery_missing", "pregnancy.maternity_leave_missing"} <= codes(
        editor
    )
    qtbot.keyClicks(editor.expected_delivery.line, "15/03/2027")
    qtbot.keyClicks(editor.leave_begin.line, "01/03/2027")
    body = editor.current.body
    assert body.expected_delivery == date(2027, 3, 15)
    assert body.maternity_leave.begin == date(2027, 3, 1)
    assert "pregnancy.maternity_leave_missing" not in codes(editor)


def test_partial_resumption_nature_and_the_signers_role(qtbot, services, patient, languages):
    editor = make_editor(qtbot, services, patient, DocumentKind.PARTIAL_RESUMPTION)
    assert "resumption.nature_missing" in codes(editor)
    qtbot.keyClicks(editor.pr_nature, "Administrative tasks")
    assert editor.current.body.nature == "Administrative tasks"
    assert "resumption.nature_missing" not in codes(editor)
    assert editor.pr_by.isReadOnly()
    assert editor.pr_by.text().startswith("Treating physician")
    assert editor.current.author.full_name in editor.pr_by.text()
    assert editor.current.body.authorised_by is AuthorisingRole.TREATING_PHYSICIAN


def test_invalidity_recognition_says_it_follows_a_measure_in_preparation(
    qtbot, services, patient, languages
):
    editor = make_editor(qtbot, services, patient, DocumentKind.INVALIDITY_RECOGNITION)
    assert editor.in_preparation.isVisibleTo(editor)
    assert "draft law, May 2026" in editor.in_preparation.text()
    languages.switch("fr")
    assert "projet de loi, mai 2026" in editor.in_preparation.text()


def test_capacity_extents_in_capacity_notation_and_e_codes_as_barriers(
    qtbot, services, patient, languages
):
    editor = make_editor(qtbot, services, patient)
    editor.add_capacities([IcfCapacity("d430", 2, ""), IcfCapacity("e310", 2, "")])
    d430, e310 = editor.rows
    assert d430.qualifier.currentText().startswith("d430._2 ")
    assert e310.qualifier.currentText().startswith("e310.2  barrier: ")
    assert "can" not in e310.statement.placeholderText().lower().split()
    assert "barrier" in e310.qualifier.accessibleName()


def test_ticking_the_consent_records_when_it_was_given(qtbot, services, patient, languages):
    editor = make_editor(qtbot, services, patient)
    if editor.consent_electronic.isChecked():  # carried over: start from no consent
        editor.consent_electronic.setChecked(False)
        editor.consent_episode.setChecked(False)
    assert editor.current.consent.recorded_at is None
    editor.consent_electronic.setChecked(True)
    recorded = editor.current.consent.recorded_at
    assert recorded is not None and recorded.date() == services.today()
    assert not {"consent.recorded_at_missing", "consent.recorded_after_signing"} & codes(editor)
    editor.consent_electronic.setChecked(False)
    assert editor.current.consent.recorded_at is None
