"""The main window on in-memory services: navigation, actions, runtime language switch."""

from __future__ import annotations

from PySide6.QtCore import QSettings, Qt

from fitnote_desktop.domain.model import DocumentKind
from fitnote_desktop.ui.main_window import MainWindow


def make_window(qtbot, services, languages, tmp_path):
    settings = QSettings(str(tmp_path / "ui.ini"), QSettings.Format.IniFormat)
    window = MainWindow(services, languages, settings=settings)
    qtbot.addWidget(window)
    window.show()
    return window


def test_open_patient_and_new_certificate_by_keyboard(
    qtbot, services, patient, languages, tmp_path
):
    window = make_window(qtbot, services, languages, tmp_path)
    qtbot.keyClick(window.search.search, Qt.Key.Key_Return)  # the recent patient
    assert window.stack.currentWidget() is window.page
    window.acts.new_cert.trigger()
    assert window.stack.currentWidget() is window.editor
    assert window.editor.current.kind is DocumentKind.INCAPACITY
    assert not window.acts.relapse.isEnabled()
    window.acts.back.trigger()
    assert window.page.model.rowCount() == 1


def test_sign_with_errors_reveals_them_and_keeps_the_draft(
    qtbot, services, patient, languages, tmp_path
):
    window = make_window(qtbot, services, languages, tmp_path)
    window.open_patient(patient)
    window.acts.new_cert.trigger()
    window.acts.sign.trigger()
    assert not window.busy
    assert window.editor._targets["body.period.end"][1].isVisible()
    assert window.editor.record.status.editable


def test_geometry_is_remembered(qtbot, services, languages, tmp_path):
    window = make_window(qtbot, services, languages, tmp_path)
    window.resize(700, 500)
    window.close()
    again = make_window(qtbot, services, languages, tmp_path)
    assert again.size().width() == 700


def test_help_lists_every_shortcut(qtbot, services, languages, tmp_path):
    from fitnote_desktop.ui.help import HelpDialog

    window = make_window(qtbot, services, languages, tmp_path)
    dlg = HelpDialog(window.acts, window)
    qtbot.addWidget(dlg)
    keys = {dlg.table.item(r, 1).text() for r in range(dlg.table.rowCount())}
    assert {"Ctrl+N", "Ctrl+L", "F1", "Ctrl+P"} <= keys


def test_the_web_desk_action_exists_only_in_demo_mode(qtbot, services, languages, tmp_path):
    window = make_window(qtbot, services, languages, tmp_path)
    assert window.services.demo_desk_url == ""  # a real profile: no sandbox, no desk
    assert not window.acts.web_desk.isVisible()
    assert window.acts.web_desk not in [a for a in window.acts.menu_help.actions() if a.isVisible()]


def test_no_two_window_actions_share_a_shortcut(qtbot, services, languages, tmp_path):
    """Qt silently ignores an ambiguous shortcut: both actions would stop answering."""
    from collections import Counter

    from PySide6.QtGui import QAction

    window = make_window(qtbot, services, languages, tmp_path)
    keys = Counter(
        seq.toString()
        for action in window.findChildren(QAction)
        for seq in action.shortcuts()
        if not seq.isEmpty()
    )
    assert [k for k, n in keys.items() if n > 1] == []


def test_pdf_preview_pages_through_pipes(qtbot):
    import shutil

    import pytest

    if shutil.which("pdftoppm") is None:
        pytest.skip("poppler-utils not installed")
    from fitnote_desktop.documents import render
    from fitnote_desktop.domain import samples
    from fitnote_desktop.ui.preview import rasterise

    pdf = render(samples.incapacity(), "advising-physician", "fr")
    pages = rasterise(pdf, 30)
    assert pages and all(not p.isNull() for p in pages)
    assert pages[0].height() > pages[0].width()  # A4 portrait


def _signed_certificate(services, patient):
    from dataclasses import replace as _replace
    from datetime import timedelta

    from fitnote_desktop.domain import samples
    from fitnote_desktop.domain.model import Diagnosis, Period

    rec = services.drafts.new(DocumentKind.INCAPACITY, patient.id)
    today = services.today()
    doc = _replace(
        rec.document,
        body=_replace(
            rec.document.body,
            period=Period(today, today + timedelta(days=6)),
            expected_return=today + timedelta(days=7),
            out_of_home_allowed=True,
            diagnoses=(Diagnosis("Griep", principal=True),),
        ),
        consent=samples.consent(today),
    )
    services.drafts.save(patient.id, doc)
    return services.sending.sign_and_send(rec.id, lambda _purpose: "1234")


def test_signed_document_offers_next_steps(
    qtbot, services, patient, languages, tmp_path, monkeypatch
):
    from fitnote_desktop.ui.consent_offer import ConsentOfferDialog

    offered: list[str] = []

    def confirm(dialog: ConsentOfferDialog) -> int:  # every follow-up offers the last consent
        offered.append(dialog.summary.text())
        dialog.same.click()
        return dialog.result()

    monkeypatch.setattr(ConsentOfferDialog, "exec", confirm)
    signed = _signed_certificate(services, patient)
    window = make_window(qtbot, services, languages, tmp_path)
    window.open_patient(patient)
    window.open_document(services.drafts.get(signed.id))
    editor = window.editor
    assert editor.findings_list.isHidden() and not editor.sign_button.isVisible()
    assert editor.follow_buttons["prolong"].isVisible()
    assert not editor.follow_buttons["retract"].isVisible()  # still waiting in the outbox
    editor.follow_buttons["relapse"].click()
    assert editor.current.body.certificate_kind.value == "relapse"
    assert editor.current.body.previous.reference == signed.id
    window.open_document(services.drafts.get(signed.id))
    editor.follow_buttons["duplicate"].click()
    assert editor.current.body.certificate_kind.value == "initial"
    assert editor.record.status.editable
    assert len(offered) == 2 and editor.current.consent.recorded_at is not None


def test_delete_draft_after_confirmation(
    qtbot, services, patient, languages, tmp_path, monkeypatch
):
    from PySide6.QtWidgets import QMessageBox

    monkeypatch.setattr(QMessageBox, "question", lambda *a, **k: QMessageBox.StandardButton.Yes)
    window = make_window(qtbot, services, languages, tmp_path)
    window.open_patient(patient)
    window.acts.new_cert.trigger()
    qtbot.keyClicks(window.editor.dx_text, "Griep")
    draft_id = window.editor.record.id
    window.acts.delete.trigger()
    assert window.stack.currentWidget() is window.page
    assert all(r.id != draft_id for r in services.drafts.for_patient(patient.id))
    signed = _signed_certificate(services, patient)
    window.open_document(services.drafts.get(signed.id))
    assert not window.acts.delete.isEnabled()  # signed documents are retracted, not deleted
