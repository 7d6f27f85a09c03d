"""Duration guidance in the editor: low back pain longer than its range, the justification
for the advising physician, the pathology sheet (F2) and the ICF picker's suggestions."""

from __future__ import annotations

import os
import subprocess

import pytest
from PySide6.QtCore import Qt, QTimer
from PySide6.QtGui import QKeySequence
from PySide6.QtWidgets import QApplication

from fitnote_desktop.domain.findings import Severity
from fitnote_desktop.domain.model import DocumentKind, Recipient
from fitnote_desktop.ui.editor import DocumentEditor
from fitnote_desktop.ui.editor.guidance_panel import SheetDialog
from fitnote_desktop.ui.icf_picker import IcfPicker

WHY = "Waiting for the MRI on 12 March"


def make_editor(qtbot, services, patient):  # type: ignore[no-untyped-def]
    editor = DocumentEditor(services)
    qtbot.addWidget(editor)
    editor.resize(1100, 900)
    editor.show()
    editor.open(services.drafts.new(DocumentKind.INCAPACITY, patient.id))
    return editor


def low_back_pain(qtbot, editor, days: str) -> None:  # type: ignore[no-untyped-def]
    qtbot.keyClicks(editor.dx_text, "Lage rugpijn")
    editor.dx_system.setCurrentIndex(editor.dx_system.findData("ICPC-2"))
    qtbot.keyClicks(editor.dx_code, "L03")
    qtbot.keyClicks(editor.end.line, days)
    qtbot.keyClick(editor.end.line, Qt.Key.Key_Return)  # messages follow a finished date


def pdf_text(pdf: bytes) -> str:
    done = subprocess.run(
        ["pdftotext", "-enc", "UTF-8", "-", "-"], input=pdf, capture_output=True, check=True
    )
    return " ".join(done.stdout.decode("utf-8").split())


def test_guidance_shows_the_range_and_source_within_it(qtbot, services, patient, languages):  # type: ignore[no-untyped-def]
    editor = make_editor(qtbot, services, patient)
    panel = editor.period.guidance
    assert not panel.isVisibleTo(editor)  # no diagnosis yet: nothing to say
    low_back_pain(qtbot, editor, "+14")
    assert panel.isVisibleTo(editor)
    assert "Low back pain: usually 0–14 days" in panel.info.text()
    assert "Socialstyrelsen" in panel.info.text()
    assert "guidance.duration_exceeded" not in {f.code for f in editor.findings}
    assert not panel.justification.isVisibleTo(editor)


def test_longer_than_the_range_warns_and_takes_the_justification(  # type: ignore[no-untyped-def]
    qtbot, services, patient, languages
):
    editor = make_editor(qtbot, services, patient)
    panel = editor.period.guidance
    low_back_pain(qtbot, editor, "+21")
    warning = next(f for f in editor.findings if f.code == "guidance.duration_exceeded")
    assert warning.severity is Severity.WARNING and warning.params["days"] == 21
    assert "21 days, longer than usual" in panel.info.text()
    # the warning sits under the end date the physician just typed, and in the checklist
    end_message = editor._targets["body.period.end"][1]
    assert "longer than the usual duration" in end_message.text()
    assert panel.justification.isVisibleTo(editor)
    assert "Only the advising physician" in panel.message.text()
    qtbot.keyClicks(panel.justification, WHY)
    assert editor.current.body.duration_justification == WHY
    record = editor.save_now()
    assert record is not None
    advising = pdf_text(services.copies.render(record.id, Recipient.ADVISING_PHYSICIAN, "en"))
    assert "Justification of the duration" in advising and WHY in advising
    for other in (Recipient.EMPLOYER, Recipient.PATIENT, Recipient.OCCUPATIONAL_PHYSICIAN):
        assert "MRI" not in pdf_text(services.copies.render(record.id, other, "en"))
    # undo takes the justification back out of the document and the field
    editor.undo_stack.undo()
    assert editor.current.body.duration_justification != WHY


def test_team_written_range_says_review_pending(qtbot, services, patient, languages):  # type: ignore[no-untyped-def]
    editor = make_editor(qtbot, services, patient)
    editor.dx_system.setCurrentIndex(editor.dx_system.findData("ICD-10"))
    qtbot.keyClicks(editor.dx_code, "M54.2")
    text = editor.period.guidance.info.text()
    assert "Neck pain: usually 0–14 days" in text
    assert "fitnote team, clinical review pending" in text


def test_f2_opens_the_sheet_in_the_ui_language(qtbot, services, patient, languages):  # type: ignore[no-untyped-def]
    editor = make_editor(qtbot, services, patient)
    low_back_pain(qtbot, editor, "+7")
    languages.switch("fr")
    seen: list[str] = []

    def read_and_close() -> None:
        dialog = QApplication.activeModalWidget()
        assert isinstance(dialog, SheetDialog)
        seen.append(dialog.windowTitle())
        seen.append(dialog.browser.toPlainText())
        dialog.reject()

    QTimer.singleShot(0, read_and_close)
    assert editor.period.guidance.open_sheet()
    assert "Lombalgie" in seen[0]
    assert "Causes de retard" in seen[1] and "relecture clinique en attente" in seen[1]


def test_f2_in_the_window_opens_the_sheet_of_the_open_certificate(  # type: ignore[no-untyped-def]
    qtbot, services, patient, languages, tmp_path
):
    from PySide6.QtCore import QSettings

    from fitnote_desktop.ui.main_window import MainWindow

    settings = QSettings(str(tmp_path / "ui.ini"), QSettings.Format.IniFormat)
    window = MainWindow(services, languages, settings=settings)
    qtbot.addWidget(window)
    window.show()
    sheet = window.acts.sheet
    assert sheet.shortcut() == QKeySequence("F2")
    assert sheet in window.acts.texts()  # listed in the F1 help
    window.open_patient(patient)
    window.new_document(DocumentKind.INCAPACITY)
    low_back_pain(qtbot, window.editor, "+7")
    assert sheet.isEnabled()
    titles: list[str] = []

    def close() -> None:
        dialog = QApplication.activeModalWidget()
        assert isinstance(dialog, SheetDialog)
        titles.append(dialog.windowTitle())
        dialog.reject()

    QTimer.singleShot(0, close)
    sheet.trigger()
    assert titles == ["Pathology sheet: Low back pain"]


def test_icf_picker_lists_the_group_categories_before_any_search(qapp, languages):  # type: ignore[no-untyped-def]
    picker = IcfPicker("nl", suggested=("b280", "d430"))
    codes = [picker.results.item(i).text().split()[0] for i in range(picker.results.count())]
    assert codes == ["b280", "d430"]
    picker.search.setText("tillen")
    assert picker.results.count() > 0
    picker.search.clear()
    assert picker.results.count() == 2
    picker.deleteLater()


SHOTS = os.environ.get("FITNOTE_SHOTS")  # screenshots to look at, when set


@pytest.mark.parametrize("lang", ["nl", "fr"])
def test_the_warning_and_the_sheet_fit_in_dutch_and_french(  # type: ignore[no-untyped-def]
    qtbot, services, patient, languages, tmp_path, lang
):
    from PySide6.QtCore import QSettings

    from fitnote_desktop.ui import style
    from fitnote_desktop.ui.main_window import MainWindow

    languages.switch(lang)
    settings = QSettings(str(tmp_path / "ui.ini"), QSettings.Format.IniFormat)
    window = MainWindow(services, languages, settings=settings)
    qtbot.addWidget(window)
    window.setStyleSheet(style.STYLE)
    window.resize(1280, 860)
    window.show()
    window.open_patient(patient)
    window.new_document(DocumentKind.INCAPACITY)
    editor = window.editor
    low_back_pain(qtbot, editor, "+21")
    panel = editor.period.guidance
    qtbot.keyClicks(panel.justification, WHY)
    qtbot.wait(50)  # the rows that came settle their layout
    editor.scroll_area.verticalScrollBar().setValue(0)
    dialog = SheetDialog("low_back_pain", lang, window)
    qtbot.addWidget(dialog)
    dialog.show()
    if SHOTS:
        window.grab().save(f"{SHOTS}/guidance-editor-{lang}.png")
        dialog.grab().save(f"{SHOTS}/guidance-sheet-{lang}.png")
    # the whole guidance text is shown: its label is as tall as its wrapped text needs
    assert panel.info.height() >= panel.info.heightForWidth(panel.info.width())
    assert panel.sheet_button.width() >= panel.sheet_button.sizeHint().width()
