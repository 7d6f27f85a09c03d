"""The UI shows sentences from the one catalogue, in the UI language, never a bare code."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QDialogButtonBox

from fitnote_desktop.domain import messages
from fitnote_desktop.domain.model import Patient
from fitnote_desktop.transport.client import EndpointRejected
from fitnote_desktop.ui.external import ExternalProlongationDialog
from fitnote_desktop.ui.patients import PatientDialog


def _type_patient(qtbot, dlg: PatientDialog, niss: str) -> None:  # type: ignore[no-untyped-def]
    qtbot.keyClicks(dlg.niss, niss)
    qtbot.keyClicks(dlg.given, "Marc")
    qtbot.keyClicks(dlg.family, "Dubois")


def test_a_niss_already_in_use_is_a_dutch_sentence_that_offers_to_open_that_patient(
    qtbot, services, languages
) -> None:
    existing = services.patients.save(Patient("85073003229", "Émilie", "Vanderbeke"))
    languages.switch("nl")
    dlg = PatientDialog(services)
    qtbot.addWidget(dlg)
    dlg.show()
    assert not dlg.open_existing.isVisible()
    _type_patient(qtbot, dlg, "85.07.30-032.29")
    qtbot.mouseClick(dlg.buttons.button(QDialogButtonBox.StandardButton.Save), Qt.LeftButton)

    assert dlg.result_record is None  # no duplicate was made
    assert dlg.error.text() == messages.message("store.patient_exists", "nl")
    assert "store." not in dlg.error.text()
    assert dlg.open_existing.isVisible() and dlg.open_existing.text() == "Die patiënt openen"
    qtbot.mouseClick(dlg.open_existing, Qt.LeftButton)
    assert dlg.result() == PatientDialog.DialogCode.Accepted
    assert dlg.result_record is not None and dlg.result_record.id == existing.id


def test_the_offer_goes_away_when_another_niss_is_typed(qtbot, services, languages) -> None:
    services.patients.save(Patient("85073003229", "Émilie", "Vanderbeke"))
    dlg = PatientDialog(services)
    qtbot.addWidget(dlg)
    dlg.show()
    _type_patient(qtbot, dlg, "85073003229")
    qtbot.mouseClick(dlg.buttons.button(QDialogButtonBox.StandardButton.Save), Qt.LeftButton)
    assert dlg.open_existing.isVisible()
    dlg.niss.setText("72010103794")
    assert not dlg.open_existing.isVisible() and not dlg.error.isVisible()
    qtbot.mouseClick(dlg.buttons.button(QDialogButtonBox.StandardButton.Save), Qt.LeftButton)
    assert dlg.result_record is not None and dlg.result_record.patient.niss == "72010103794"


class _RefusingPlatform:
    """Answers the episode look-up as the endpoint does without a matching consent: the
    transport client's own exception for a 403 ``episode.consent_missing``."""

    def episode_lookup(self, niss: str, consent_reference: str) -> dict[str, object]:
        raise EndpointRejected(
            "episode.consent_missing", "No recorded patient consent matches.", status=403
        )

    def close(self) -> None:
        """The sender closes its client when the session ends."""


def test_the_platforms_consent_refusal_is_a_french_sentence(
    qtbot, services, patient, languages
) -> None:
    services.follow_ups._sender.client = _RefusingPlatform()
    languages.switch("fr")
    dialog = ExternalProlongationDialog(services, patient)
    qtbot.addWidget(dialog)
    dialog.show()
    dialog.reference.setText("6f1c2b1e-0000-4000-8000-000000000001")
    dialog.consent.setChecked(True)
    dialog.consent_ref.setText("CONSENT-1")
    qtbot.mouseClick(dialog.fetch, Qt.LeftButton)
    qtbot.waitUntil(lambda: dialog.message.isVisible(), timeout=10000)

    assert dialog.message.text() == messages.message("episode.consent_missing", "fr")
    assert "episode." not in dialog.message.text()
    assert dialog.result_record is None
