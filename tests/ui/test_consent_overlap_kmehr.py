"""Issue 12 in the window: consent offered per document, overlaps named and opened,
KMEHR export and the KMEHR file that prefills a prolongation from elsewhere."""

from __future__ import annotations

from dataclasses import replace
from datetime import UTC, date, datetime, timedelta

from PySide6.QtCore import QSettings
from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import QMessageBox

from fitnote_desktop.domain import samples
from fitnote_desktop.domain.model import CertificateKind, Diagnosis, DocumentKind, Period
from fitnote_desktop.ui.consent_offer import ConsentOfferDialog
from fitnote_desktop.ui.export_dialog import KmehrExportDialog
from fitnote_desktop.ui.external import ExternalProlongationDialog
from fitnote_desktop.ui.main_window import MainWindow

TODAY = date(2026, 11, 23)


def window_for(qtbot, services, languages, tmp_path) -> MainWindow:
    settings = QSettings(str(tmp_path / "ui.ini"), QSettings.Format.IniFormat)
    window = MainWindow(services, languages, settings=settings)
    qtbot.addWidget(window)
    window.show()
    return window


def certificate(services, patient_id: str, begin: date, *, sign: bool = True):
    rec = services.drafts.new(DocumentKind.INCAPACITY, patient_id)
    end = begin + timedelta(days=6)
    doc = replace(
        rec.document,
        body=replace(
            rec.document.body,
            period=Period(begin, end),
            diagnoses=(Diagnosis("Griep"),),
            expected_return=end + timedelta(days=1),
            out_of_home_allowed=True,
        ),
        consent=samples.consent(TODAY),
    )
    rec = services.drafts.save(patient_id, doc)
    return services.sending.sign_and_send(rec.id, lambda _p: "1") if sign else rec


def test_a_new_certificate_offers_the_last_consent_and_records_it_when_confirmed(
    qtbot, services, patient, languages, tmp_path, monkeypatch
) -> None:
    certificate(services, patient.id, TODAY)
    shown: list[str] = []

    def confirm(dialog: ConsentOfferDialog) -> int:
        shown.append(dialog.summary.text())
        dialog.same.click()
        return dialog.result()

    monkeypatch.setattr(ConsentOfferDialog, "exec", confirm)
    window = window_for(qtbot, services, languages, tmp_path)
    window.open_patient(patient)
    before = datetime.now(UTC)
    window.acts.new_cert.trigger()
    consent = window.editor.record.document.consent
    assert "CONSENT-2026-0042" in shown[0] and "23/11/2026" in shown[0]
    assert consent.electronic_sending and consent.recorded_at >= before


def test_a_declined_offer_leaves_the_consent_to_record(
    qtbot, services, patient, languages, tmp_path, monkeypatch
) -> None:
    certificate(services, patient.id, TODAY)

    def decline(dialog: ConsentOfferDialog) -> int:
        dialog.not_now.click()
        return dialog.result()

    monkeypatch.setattr(ConsentOfferDialog, "exec", decline)
    window = window_for(qtbot, services, languages, tmp_path)
    window.open_patient(patient)
    window.acts.new_cert.trigger()
    assert window.editor.record.document.consent.recorded_at is None
    assert not window.editor.record.document.consent.electronic_sending


def test_the_patient_page_copies_only_the_consent_reference(
    qtbot, services, patient, languages, tmp_path
) -> None:
    certificate(services, patient.id, TODAY)
    window = window_for(qtbot, services, languages, tmp_path)
    window.open_patient(patient)
    page = window.page
    assert page.copy_consent.isVisible()
    assert "CONSENT-2026-0042" in page.consent.text()
    page.copy_consent.click()
    assert QGuiApplication.clipboard().text() == "CONSENT-2026-0042"


def test_an_overlap_refusal_names_the_other_certificate_and_opens_it(
    qtbot, services, patient, languages, tmp_path, monkeypatch
) -> None:
    first = certificate(services, patient.id, TODAY)
    second = certificate(services, patient.id, TODAY + timedelta(days=2), sign=False)
    texts: list[str] = []

    def open_it(box: QMessageBox) -> int:
        texts.append(box.text())
        (button,) = [b for b in box.buttons() if b.text() == "Open that certificate"]
        button.click()
        return 0

    monkeypatch.setattr(QMessageBox, "exec", open_it)
    window = window_for(qtbot, services, languages, tmp_path)
    window.open_patient(patient)
    window.open_document(second)
    window.sign_and_send()
    period = first.document.period
    named = f"{period.begin:%d/%m/%Y} to {period.end:%d/%m/%Y}"
    assert len(texts) == 1 and named in texts[0]  # the message names it by its period
    assert window.editor.record.id == first.id  # the other certificate is open
    assert services.drafts.get(second.id).status.editable


def test_kmehr_export_dialog_writes_the_chosen_recipients_message(
    qtbot, services, patient, tmp_path, monkeypatch
) -> None:
    signed = certificate(services, patient.id, TODAY)
    dialog = KmehrExportDialog(services, signed.id)
    qtbot.addWidget(dialog)
    assert "ICF capacities" in dialog.note.text()
    target = tmp_path / "out.xml"
    monkeypatch.setattr(dialog, "choose_path", lambda _suggested: str(target))
    dialog.choices["employer"].click()
    dialog.save.click()
    xml = target.read_bytes()
    assert xml.startswith(b"<?xml") and b"Griep" not in xml  # the employer's dataset
    assert dialog.written == str(target)


def test_kmehr_export_dialog_shows_why_a_draft_is_refused(qtbot, services, patient) -> None:
    rec = services.drafts.new(DocumentKind.INCAPACITY, patient.id)
    dialog = KmehrExportDialog(services, rec.id)
    qtbot.addWidget(dialog)
    dialog.show()
    dialog.save.click()
    assert dialog.message.isVisible() and dialog.message.text()
    assert not dialog.written


def test_a_kmehr_file_prefills_the_prolongation_from_elsewhere(
    qtbot, services, patient, tmp_path
) -> None:
    from fitnote_desktop.documents.kmehr import export_kmehr

    elsewhere = samples.incapacity(begin=TODAY - timedelta(days=13), with_fit_note=False)
    path = tmp_path / "colleague.xml"
    path.write_bytes(
        export_kmehr(elsewhere, "advising-physician", now=datetime(2026, 11, 20, tzinfo=UTC))
    )
    dialog = ExternalProlongationDialog(services, patient)
    qtbot.addWidget(dialog)
    dialog.load_kmehr(path)
    assert dialog.reference.text() == str(elsewhere.id)
    assert dialog.end.value() == elsewhere.period.end
    assert dialog.riziv.text() == elsewhere.author.riziv
    dialog.offline.click()
    qtbot.waitUntil(lambda: dialog.result_record is not None, timeout=10000)
    body = dialog.result_record.document.body
    assert body.certificate_kind is CertificateKind.PROLONGATION
    assert body.diagnoses[0].code == "L86"


def test_a_file_that_is_not_kmehr_is_refused_in_one_line(qtbot, services, patient, tmp_path):
    path = tmp_path / "notes.xml"
    path.write_bytes(b"<notes>hello</notes>")
    dialog = ExternalProlongationDialog(services, patient)
    qtbot.addWidget(dialog)
    dialog.show()
    dialog.load_kmehr(path)
    assert dialog.imported is None and dialog.message.text()
    assert dialog.reference.text() == ""
