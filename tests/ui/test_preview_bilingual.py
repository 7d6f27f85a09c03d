"""Issue 13 item 18: the employer preview offers the two-column Dutch + French copy, and the
choice is remembered for the session (the main window's life)."""

from __future__ import annotations

from dataclasses import replace

from PySide6.QtCore import QSettings

from fitnote_desktop.domain import samples
from fitnote_desktop.domain.model import DocumentKind, Employment, Language, Recipient
from fitnote_desktop.ui.main_window import MainWindow
from fitnote_desktop.ui.preview import PreviewDialog


def _draft(services, patient, employer_language: Language | None) -> str:  # type: ignore[no-untyped-def]
    rec = services.drafts.new(DocumentKind.INCAPACITY, patient.id)
    doc = replace(
        samples.incapacity(),
        id=rec.document.id,
        patient=rec.document.patient,
        employment=Employment(
            employer_name="Logistiek Noord NV", employer_language=employer_language
        ),
    )
    return services.drafts.save(patient.id, doc).id


def _choose(combo, value: str) -> None:  # type: ignore[no-untyped-def]
    combo.setCurrentIndex(combo.findData(value))


def _languages(dialog: PreviewDialog) -> list[str]:
    return [dialog.language.itemData(i) for i in range(dialog.language.count())]


def test_the_employer_preview_offers_the_two_column_copy_remembered_per_session(
    qtbot, services, patient, languages, tmp_path
) -> None:
    settings = QSettings(str(tmp_path / "ui.ini"), QSettings.Format.IniFormat)
    window = MainWindow(services, languages, settings=settings)  # the session's window
    qtbot.addWidget(window)
    doc_id = _draft(services, patient, Language.FR)
    dialog = PreviewDialog(services, doc_id, window)
    qtbot.addWidget(dialog)
    _choose(dialog.recipient, Recipient.PATIENT.value)
    assert "nl+fr" not in _languages(dialog)  # a two-column copy is the employer's only
    _choose(dialog.recipient, Recipient.EMPLOYER.value)
    assert dialog.language.currentData() == "fr"  # the employer's own language first
    assert "nl+fr" in _languages(dialog)
    _choose(dialog.language, "nl+fr")
    assert dialog.language.currentText() == "Dutch and French, side by side"
    assert b"nl+fr" in dialog.pdf  # the copy's keywords name its languages
    dialog.close()

    again = PreviewDialog(services, _draft(services, patient, Language.FR), window)
    qtbot.addWidget(again)
    _choose(again.recipient, Recipient.EMPLOYER.value)
    assert again.language.currentData() == "nl+fr"  # remembered in this session

    other_session = MainWindow(services, languages, settings=settings)
    qtbot.addWidget(other_session)
    fresh = PreviewDialog(services, doc_id, other_session)
    qtbot.addWidget(fresh)
    _choose(fresh.recipient, Recipient.EMPLOYER.value)
    assert fresh.language.currentData() == "fr"


def test_an_employer_of_unknown_language_is_previewed_in_both_languages(
    qtbot, services, patient
) -> None:
    dialog = PreviewDialog(services, _draft(services, patient, None))
    qtbot.addWidget(dialog)
    _choose(dialog.recipient, Recipient.EMPLOYER.value)
    assert dialog.language.currentData() == "nl+fr"  # what the employer receives
