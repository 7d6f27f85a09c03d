"""What changed, in the editor: the line above a follow-up's form and the side-by-side view.

Real widgets on the real store: a signed certificate is prolonged, the physician edits
the draft, and the line and the table follow. ``FITNOTE_SHOTS`` set: screenshots of the
editor and the view in nl and fr go there.
"""

from __future__ import annotations

import os
from dataclasses import replace
from datetime import date, timedelta

from doc_strategies import documents
from hypothesis import given, settings
from PySide6.QtCore import QSettings

from fitnote_desktop.domain import samples
from fitnote_desktop.domain.changes import Part, changes_since
from fitnote_desktop.domain.model import Diagnosis, Document, DocumentKind, Period
from fitnote_desktop.services import Services
from fitnote_desktop.ui import style
from fitnote_desktop.ui.editor import DocumentEditor
from fitnote_desktop.ui.editor.changes_view import PART_LABELS, SHOWN, ChangesView, shown
from fitnote_desktop.ui.main_window import MainWindow

SHOTS = os.environ.get("FITNOTE_SHOTS")
TODAY = date(2026, 11, 23)


def _signed(services: Services, patient_id: str):
    rec = services.drafts.new(DocumentKind.INCAPACITY, patient_id)
    end = TODAY + timedelta(days=6)
    doc = replace(
        rec.document,
        body=replace(
            rec.document.body,
            period=Period(TODAY, end),
            diagnoses=(Diagnosis("Griep"),),
            expected_return=end + timedelta(days=1),
            out_of_home_allowed=True,
        ),
        consent=samples.consent(TODAY),
    )
    saved = services.drafts.save(patient_id, doc)
    return services.sending.sign_and_send(saved.id, lambda _p: "1")


def _editor(qtbot, services: Services, record) -> DocumentEditor:
    editor = DocumentEditor(services)
    qtbot.addWidget(editor)
    editor.setStyleSheet(style.STYLE)
    editor.resize(1000, 600)
    editor.show()
    editor.open(record)
    editor.set_read_only(not record.status.editable)  # as the window does
    return editor


def _table(view: ChangesView) -> list[list[str]]:
    t = view.table
    return [[t.item(r, c).text() for c in range(t.columnCount())] for r in range(t.rowCount())]


def test_a_prolongation_shows_what_changed_as_the_physician_types(
    qtbot, services, patient, languages
) -> None:
    original = _signed(services, patient.id)
    draft = services.follow_ups.prolong(original.id)
    editor = _editor(qtbot, services, draft)
    panel = editor.changes_panel
    assert panel.isVisible()
    reference = panel.followed.reference
    assert reference.startswith(original.id)
    assert panel.line.text() == (f"Changes since {reference}: period, expected return to work")

    editor.dx_text.clear()
    qtbot.keyClicks(editor.dx_text, "Bronchitis")
    assert panel.line.text().endswith("period, expected return to work, diagnosis")

    view = ChangesView(panel.followed, editor.current, editor)
    qtbot.addWidget(view)
    rows = {row[0]: row for row in _table(view)}
    assert list(rows) == ["Period", "Expected return to work", "Diagnosis"]
    assert rows["Period"][1] == "23/11/2026 to 29/11/2026 (7 days)"
    assert rows["Period"][2] == "30/11/2026 to 06/12/2026 (7 days)"
    assert rows["Diagnosis"][1:3] == ["Griep", "Bronchitis"]
    assert rows["Expected return to work"][1:3] == ["30/11/2026", "—"]
    # who learns of it: the diagnosis only the advising physician, the period everyone
    assert rows["Diagnosis"][3] == "Advising physician"
    assert "Employer" in rows["Period"][3] and "Advising physician" in rows["Period"][3]
    assert "Employer" not in rows["Expected return to work"][3]
    assert f"Reference: {reference}" in view.intro.text()


def test_the_line_and_the_view_follow_the_interface_language(
    qtbot, services, patient, languages
) -> None:
    original = _signed(services, patient.id)
    draft = services.follow_ups.prolong(original.id)
    editor = _editor(qtbot, services, draft)
    editor.dx_text.clear()
    qtbot.keyClicks(editor.dx_text, "Bronchitis")
    for lang, since, period in (
        ("nl", "Wijzigingen sinds", "Periode"),
        ("fr", "Modifications depuis", "Période"),
    ):
        languages.switch(lang)
        assert editor.changes_panel.line.text().startswith(since)
        view = ChangesView(editor.changes_panel.followed, editor.current, editor)
        qtbot.addWidget(view)
        view.setStyleSheet(style.STYLE)
        view.show()
        assert _table(view)[0][0] == period
        if SHOTS:
            editor.grab().save(f"{SHOTS}/changes-editor-{lang}.png")
            view.grab().save(f"{SHOTS}/changes-view-{lang}.png")
        view.close()


def test_a_replacement_is_compared_with_the_original_and_an_initial_one_with_nothing(
    qtbot, services, store_profile, patient, languages
) -> None:
    original = _signed(services, patient.id)
    item = next(i for i in store_profile.outbox.list() if str(i.document_id) == original.id)
    store_profile.outbox.mark_sending(item.id)
    store_profile.outbox.mark_result(item.id, "accepted")
    replacement = services.follow_ups.replace(original.id)
    editor = _editor(qtbot, services, replacement)
    assert editor.changes_panel.isVisible()
    assert editor.changes_panel.line.text().startswith("No changes since")
    view = ChangesView(editor.changes_panel.followed, editor.current, editor)
    qtbot.addWidget(view)
    assert view.table.isHidden() and not view.empty.isHidden()

    editor.open(services.drafts.new(DocumentKind.INCAPACITY, patient.id))
    assert not editor.changes_panel.isVisible()


def test_the_window_action_opens_the_view_on_a_follow_up_only(
    qtbot, services, patient, languages, tmp_path
) -> None:
    ini = QSettings(str(tmp_path / "ui.ini"), QSettings.Format.IniFormat)
    window = MainWindow(services, languages, settings=ini)
    qtbot.addWidget(window)
    window.show()
    window.open_patient(patient)
    window.acts.new_cert.trigger()
    assert not window.acts.changes.isEnabled()
    original = _signed(services, patient.id)
    window.open_document(services.follow_ups.prolong(original.id))
    assert window.acts.changes.isEnabled()
    assert window.acts.changes.shortcut().toString() == "Ctrl+Shift+C"
    window.acts.changes.trigger()
    view = window.editor.changes_panel.view
    assert view is not None and view.isVisible()
    assert view.table.rowCount() == 2  # period, expected return
    view.close()

    from fitnote_desktop.ui.help import HelpDialog

    help_dialog = HelpDialog(window.acts, window)
    qtbot.addWidget(help_dialog)
    table = help_dialog.table
    listed = {table.item(r, 1).text(): table.item(r, 0).text() for r in range(table.rowCount())}
    assert listed["Ctrl+Shift+C"] == "What changed since the previous document"


def test_every_part_has_its_label_and_its_words(qapp) -> None:
    assert set(PART_LABELS) == set(Part) == set(SHOWN)


@settings(max_examples=80)
@given(documents(), documents())
def test_any_two_documents_read_as_words_side_by_side(
    qapp, before: Document, after: Document
) -> None:
    """Other kinds, other parts, parts missing on one side: every value reads as text."""
    for change in changes_since(before, after):
        old, new = shown(change)
        assert old and new and old != "{" and new != "{"
        assert old != new, change  # a change the physician can see
