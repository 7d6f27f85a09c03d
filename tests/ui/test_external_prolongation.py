"""Issue 13 item 15: "prolong a certificate from elsewhere" read from a scanner, the RIZIV
number checked as typed without moving the form, and a missing consent explained."""

from __future__ import annotations

import uuid

import pytest
from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtWidgets import QApplication, QFileDialog

from fitnote_desktop.domain import messages
from fitnote_desktop.domain.identifiers import riziv_check_digits
from fitnote_desktop.domain.reference import format_reference, qr_payload_for
from fitnote_desktop.ui.external import ExternalProlongationDialog

DOC_ID = uuid.UUID("6f1c2b1e-7a3d-4c5e-9b8a-0d1e2f3a4b5c")
SHORT = "3fa2b9c1"
PRINTED = format_reference(DOC_ID, SHORT)

SCANNED = {
    "verification address": qr_payload_for(DOC_ID, SHORT, verify_base_url="https://trio.example"),
    "older QR URI": qr_payload_for(DOC_ID, SHORT),
    "printed reference": f"Ref. {DOC_ID} {SHORT.upper()}",
}


@pytest.fixture
def dialog(qtbot, services, patient, monkeypatch) -> ExternalProlongationDialog:  # type: ignore[no-untyped-def]
    opened: list[str] = []
    monkeypatch.setattr(  # a button pressed by Enter would open this modal file dialog
        QFileDialog, "getOpenFileName", lambda *_a, **_k: (opened.append("file"), ("", ""))[1]
    )
    dlg = ExternalProlongationDialog(services, patient)
    dlg.opened_files = opened  # type: ignore[attr-defined]
    qtbot.addWidget(dlg)
    dlg.show()
    qtbot.waitExposed(dlg)
    return dlg


@pytest.mark.parametrize("payload", SCANNED.values(), ids=SCANNED.keys())
def test_a_scanned_reference_is_read_and_enter_presses_no_button(qtbot, dialog, payload) -> None:
    pressed: list[str] = []
    for button in (dialog.fetch, dialog.offline, dialog.open_kmehr):
        button.clicked.connect(lambda *_a, b=button: pressed.append(b.text()))
    assert QApplication.focusWidget() is dialog.reference  # opened ready for a scan
    qtbot.keyClicks(dialog.reference, payload)  # a scanner types the payload, then Enter
    qtbot.keyClick(dialog.reference, Qt.Key.Key_Return)
    assert pressed == [] and dialog.opened_files == []
    assert dialog.isVisible() and dialog.result_record is None
    assert dialog.reference.text() == PRINTED
    assert not dialog.reference_msg.text()
    assert QApplication.focusWidget() is dialog.begin.line  # on to the paper copy's period


def test_the_draft_links_the_certificate_id_of_a_scanned_reference(qtbot, dialog) -> None:
    qtbot.keyClicks(dialog.reference, SCANNED["verification address"])
    qtbot.keyClick(dialog.reference, Qt.Key.Key_Return)
    dialog.offline.click()
    qtbot.waitUntil(lambda: dialog.result_record is not None, timeout=10000)
    assert dialog.result_record.document.body.previous.reference == str(DOC_ID)


def test_another_softwares_reference_is_kept_with_a_warning(qtbot, dialog) -> None:
    qtbot.keyClicks(dialog.reference, "CM-2026/00417")
    qtbot.keyClick(dialog.reference, Qt.Key.Key_Return)
    assert dialog.reference.text() == "CM-2026/00417"
    assert dialog.reference_msg.property("severity") == "warning"
    assert dialog.reference_msg.isVisible() and "<id>" in dialog.reference_msg.text()
    assert QApplication.focusWidget() is dialog.reference
    dialog.offline.click()
    qtbot.waitUntil(lambda: dialog.result_record is not None, timeout=10000)
    assert dialog.result_record.document.body.previous.reference == "CM-2026/00417"


def test_the_riziv_number_is_checked_as_typed_and_nothing_below_moves(qtbot, dialog) -> None:
    below = [dialog.consent, dialog.consent_ref, dialog.fetch]
    before = [w.mapTo(dialog, w.rect().topLeft()) for w in below]
    dialog.riziv.setFocus()
    qtbot.keyClicks(dialog.riziv, "1234")  # still typing: nothing said yet
    assert not dialog.riziv_msg.isVisible()
    wrong = "1234561" + ("0" if riziv_check_digits("123456")[1] != "0" else "1") + "004"
    dialog.riziv.clear()
    qtbot.keyClicks(dialog.riziv, wrong)
    assert dialog.riziv_msg.isVisible()
    assert dialog.riziv_msg.text() == messages.message("riziv.checksum", "en")
    assert dialog.riziv.property("severity") == "error"
    QApplication.processEvents()
    assert [w.mapTo(dialog, w.rect().topLeft()) for w in below] == before
    dialog.riziv.clear()
    qtbot.keyClicks(dialog.riziv, "123456" + riziv_check_digits("123456") + "004")
    assert not dialog.riziv_msg.isVisible() and dialog.riziv.property("severity") == ""


@pytest.mark.parametrize("lang", ["nl", "fr", "de", "en"])
def test_a_missing_consent_says_which_reference_and_where_it_is_found(
    qtbot, dialog, languages, lang
) -> None:
    """The sentence names the dialog's field and the treating physician's button, in the
    words those widgets show in that language."""
    languages.switch(lang)
    field = QCoreApplication.translate("ExternalProlongationDialog", "Consent reference")
    button = QCoreApplication.translate("PatientPage", "Copy consent reference")
    sentence = messages.message("episode.consent_missing", lang)
    assert field in sentence and button in sentence
    dialog._error("episode.consent_missing", {})
    assert dialog.message.text() == sentence
