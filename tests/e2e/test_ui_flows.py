"""End to end through the real widgets, offscreen, on the real stack.

Encrypted store (SQLCipher), demo PKI signer (PKCS#12 file and SoftHSM2 token), the
sandbox endpoint over TLS on 127.0.0.1, the outbox worker and the PDF renderer: the
flows of the issue, driven like a physician would (keyboard, dialogs, PIN prompts).
"""

from __future__ import annotations

import base64
import json
import shutil
import uuid
from collections.abc import Callable, Iterator
from dataclasses import replace
from datetime import date, timedelta
from pathlib import Path

import pytest
from PySide6.QtCore import QSettings, Qt
from PySide6.QtWidgets import QApplication, QDialogButtonBox, QMessageBox

import fitnote_desktop.ui  # noqa: F401 - PySide6 guard first
from fitnote_desktop.demo import DEMO_GP, DEMO_PASSWORD
from fitnote_desktop.domain.lifecycle import DocumentStatus
from fitnote_desktop.domain.model import DocumentKind
from fitnote_desktop.ui import i18n, labels
from fitnote_desktop.ui.consent_offer import ConsentOfferDialog
from fitnote_desktop.ui.controller import AppController
from fitnote_desktop.ui.icf_picker import IcfPicker
from fitnote_desktop.ui.patients import PatientDialog
from fitnote_desktop.ui.pin_dialog import PinDialog
from fitnote_desktop.ui.retract_dialog import RetractDialog
from fitnote_desktop.ui.unlock import UnlockDialog
from fitnote_desktop.wiring.demo import embedded_endpoint_key, prepare_demo
from fitnote_desktop.wiring.session import open_session

pytestmark = pytest.mark.slow

NEW_NISS = "93031500366"  # not a demo patient: created by the test


@pytest.fixture(scope="module")
def demo(tmp_path_factory: pytest.TempPathFactory) -> Iterator:
    setup = prepare_demo(tmp_path_factory.mktemp("demo"))
    yield setup
    setup.endpoint.stop()


@pytest.fixture
def languages(qapp) -> Iterator[i18n.LanguageManager]:
    manager = i18n.LanguageManager()
    manager.switch("en")
    yield manager
    manager.switch("en")


def answer_pins(qtbot, count: int, pin: str = DEMO_PASSWORD, timeout: int = 30000) -> None:
    """Type the PIN into the next ``count`` PIN dialogs, as they appear."""
    for _ in range(count):
        qtbot.waitUntil(lambda: _pin_dialog() is not None, timeout=timeout)
        dlg = _pin_dialog()
        qtbot.keyClicks(dlg.pin, pin)
        qtbot.keyClick(dlg.pin, Qt.Key.Key_Return)
        qtbot.waitUntil(lambda d=dlg: not d.isVisible(), timeout=5000)


def _pin_dialog() -> PinDialog | None:
    for w in QApplication.topLevelWidgets():
        if isinstance(w, PinDialog) and w.isVisible():
            return w
    return None


@pytest.fixture(autouse=True)
def physician_confirms_the_offered_consent(monkeypatch) -> None:
    """A follow-up or new document of a patient who consented before offers that consent;
    in these flows the physician asks the patient again and confirms it."""
    drive(monkeypatch, ConsentOfferDialog, lambda dialog: dialog.same.click())


def drive(monkeypatch, dialog_class: type, fill: Callable[[object], None]) -> None:
    """Make ``dialog_class.exec`` show the real dialog and let ``fill`` work it.

    No nested event loop: the test types into the real widgets, then the dialog's own
    buttons accept or reject it, and ``exec`` returns that result.
    """

    def fake_exec(self) -> int:
        self.show()
        fill(self)
        return int(self.result())

    monkeypatch.setattr(dialog_class, "exec", fake_exec)


def wait_status(qtbot, services, doc_id: str, status: DocumentStatus, pins: int = 0) -> None:
    def arrived() -> bool:
        while _pin_dialog() is not None:  # the login asks the authentication PIN
            dlg = _pin_dialog()
            dlg.pin.setText(DEMO_PASSWORD)
            dlg.accept()
        return services.drafts.get(doc_id).status is status

    qtbot.waitUntil(arrived, timeout=60000)


def unlock(qtbot, demo, languages, tmp_path, passphrase: str = DEMO_PASSWORD, **session_kw):
    settings = QSettings(str(tmp_path / "ui.ini"), QSettings.Format.IniFormat)
    controller = AppController(
        manager=demo.manager,
        open_session=lambda p: open_session(
            p, endpoint=session_kw.get("endpoint") or demo.endpoint_config(), demo=True
        ),
        languages=languages,
        settings=settings,
    )
    dlg = UnlockDialog(demo.manager, preselect=demo.profile_id)
    qtbot.addWidget(dlg)
    dlg.show()
    qtbot.keyClicks(dlg.passphrase, passphrase)
    qtbot.keyClick(dlg.passphrase, Qt.Key.Key_Return)
    return controller, dlg


def create_certificate(qtbot, window, monkeypatch, begin: date | None = None) -> None:
    """New certificate with a fit-note and three ICF capacities, keyboard-driven.

    It begins today, or after the patient's standing certificate (the demo history and
    earlier tests give some): an overlapping certificate is refused, as it should be."""
    last = window.services.drafts.last_certificate(window.page.record.id)
    if begin is None and last is not None and last.document.period.end >= date.today():
        begin = last.document.period.end + timedelta(days=30)
    window.acts.new_cert.trigger()
    editor = window.editor
    if begin is not None:
        editor.begin.line.clear()
        qtbot.keyClicks(editor.begin.line, begin.strftime("%d/%m/%Y"))
    qtbot.keyClicks(editor.end.line, "+14")
    qtbot.keyClicks(editor.expected_return.line, "+1")  # first prognosis: the day after
    editor.out_of_home_yes.click()  # may leave the house: a required yes/no
    qtbot.keyClicks(editor.dx_text, "Lumbago met uitstraling")

    def pick(picker) -> None:
        for query, digit in (
            ("d430", Qt.Key.Key_2),
            ("d415", Qt.Key.Key_1),
            ("d450", Qt.Key.Key_1),
        ):
            qtbot.keyClicks(picker.search, query)
            qtbot.keyClick(picker.search, Qt.Key.Key_Return)
            qtbot.keyClick(picker.focusWidget(), digit)
            qtbot.keyClicks(picker.statement, "5")
            qtbot.keyClick(picker.statement, Qt.Key.Key_Return)
        qtbot.keyClick(picker.search, Qt.Key.Key_Escape)

    drive(monkeypatch, IcfPicker, pick)
    window.pick_capacities()
    assert len(editor.current.fit_note.capacities) == 3
    for box in (editor.consent_electronic, editor.consent_employer):
        if not box.isChecked():  # carried over from the patient's last certificate otherwise
            qtbot.keyClick(box, Qt.Key.Key_Space)
        assert box.isChecked()
    assert not [f for f in editor.findings if f.severity.value == "error"], editor.findings


def test_wrong_passphrase_is_a_translated_message(qtbot, demo, languages, tmp_path):
    languages.switch("nl")
    _controller, dlg = unlock(qtbot, demo, languages, tmp_path, passphrase="verkeerd wachtwoord")
    assert dlg.opened is None
    assert dlg.message.isVisible()
    assert "wachtwoordzin" in dlg.message.text().lower()
    assert "store." not in dlg.message.text()  # a sentence, not a code


def test_pkcs12_full_flow(qtbot, demo, languages, tmp_path, monkeypatch):
    controller, dlg = unlock(qtbot, demo, languages, tmp_path)
    assert dlg.opened is not None
    window = controller.start(dlg.opened)
    qtbot.addWidget(window)
    services = window.services
    try:
        # new patient, through the dialog, keyboard only
        def fill_patient(pd) -> None:
            qtbot.keyClicks(pd.niss, NEW_NISS)
            qtbot.keyClicks(pd.given, "Lucas")
            qtbot.keyClicks(pd.family, "Peeters-Test")
            pd.buttons.button(QDialogButtonBox.StandardButton.Save).click()

        drive(monkeypatch, PatientDialog, fill_patient)
        window.acts.new_patient.trigger()
        assert window.page.record is not None
        assert window.page.record.patient.birth_date == date(1993, 3, 15)

        create_certificate(qtbot, window, monkeypatch)
        doc_id = window.editor.record.id
        window.acts.sign.trigger()
        answer_pins(qtbot, 1)  # the signature
        wait_status(qtbot, services, doc_id, DocumentStatus.ACCEPTED)
        window.page.refresh()
        assert "receipt" in window.page.model.data(window.page.model.index(0, 3)).lower()

        # PDF copies of the signed certificate
        assert (
            services.copies.render(doc_id, window.editor.current.recipients[0], "nl")[:4] == b"%PDF"
        )

        # prolong: prefilled, start the day after; the last consent is offered and confirmed
        window.back()
        window.acts.prolong.trigger()
        prolongation = window.editor.current
        first = services.drafts.get(doc_id).document
        assert prolongation.period.begin == date.fromordinal(first.period.end.toordinal() + 1)
        # issue 12: a new first prognosis, and the consent given for this document
        qtbot.keyClicks(window.editor.expected_return.line, "+1")
        assert window.editor.consent_electronic.isChecked()
        window.acts.sign.trigger()
        answer_pins(qtbot, 1)
        wait_status(qtbot, services, window.editor.record.id, DocumentStatus.ACCEPTED)

        # retract the prolongation
        drive(monkeypatch, RetractDialog, lambda d: d.buttons.accepted.emit())
        retracted_id = window.editor.record.id
        # the open document follows its delivery: retracting is offered once it is accepted
        qtbot.waitUntil(window.acts.retract.isEnabled, timeout=10000)
        assert window.editor.record.status is DocumentStatus.ACCEPTED
        window.acts.retract.trigger()
        answer_pins(qtbot, 1)
        wait_status(qtbot, services, retracted_id, DocumentStatus.RETRACTED)
    finally:
        controller.shutdown()


def test_offline_send_queues_then_drains(qtbot, demo, languages, tmp_path, monkeypatch):
    from support.endpoint import free_port

    from fitnote_desktop.endpoint.server import start_embedded
    from fitnote_desktop.wiring.connection import EndpointConfig

    port = free_port()
    base = demo.endpoint_config()
    offline = EndpointConfig(
        f"https://127.0.0.1:{port}", base.ca_bundle, base.receipt_cert, base.chain_pem
    )
    controller, dlg = unlock(qtbot, demo, languages, tmp_path, endpoint=offline)
    window = controller.start(dlg.opened)
    qtbot.addWidget(window)
    services = window.services
    second = None
    try:
        window.search.search.setText("Janssens")
        qtbot.keyClick(window.search.search, Qt.Key.Key_Return)
        create_certificate(qtbot, window, monkeypatch)
        doc_id = window.editor.record.id
        window.acts.sign.trigger()
        answer_pins(qtbot, 1)
        qtbot.waitUntil(lambda: services.drafts.get(doc_id).status is DocumentStatus.QUEUED)
        qtbot.waitUntil(lambda: not services.outbox.connection().online, timeout=45000)
        window.refresh_status()
        assert "Offline" in window.connection.text()
        sandbox = Path(demo.endpoint.ca_pem_path).parent
        second = start_embedded(
            sandbox, db_key=embedded_endpoint_key(sandbox, demo.manager), port=port
        )
        services.outbox.retry(doc_id)
        wait_status(qtbot, services, doc_id, DocumentStatus.ACCEPTED)
        qtbot.waitUntil(lambda: services.outbox.connection().queued == 0, timeout=20000)
    finally:
        controller.shutdown()
        if second is not None:
            second.stop()


def test_documents_kinds_are_all_creatable_on_the_store(qtbot, demo, languages, tmp_path):
    controller, dlg = unlock(qtbot, demo, languages, tmp_path)
    window = controller.start(dlg.opened)
    qtbot.addWidget(window)
    try:
        window.search.search.setText("Dupont")
        qtbot.keyClick(window.search.search, Qt.Key.Key_Return)
        for kind in DocumentKind:
            window.new_document(kind)
            assert window.editor.current.kind is kind
            assert window.editor.current.language.value == "fr"  # the patient's language
        window.back()
        assert window.page.model.rowCount() >= 4
    finally:
        controller.shutdown()


def test_wrong_pin_shows_a_translated_message_and_keeps_the_draft(
    qtbot, demo, languages, tmp_path, monkeypatch
):
    shown: list[str] = []
    monkeypatch.setattr(QMessageBox, "warning", lambda _p, _t, text, *a, **k: shown.append(text))
    controller, dlg = unlock(qtbot, demo, languages, tmp_path)
    window = controller.start(dlg.opened)
    qtbot.addWidget(window)
    services = window.services
    try:
        languages.switch("fr")
        window.search.search.setText("Dupont")
        qtbot.keyClick(window.search.search, Qt.Key.Key_Return)
        create_certificate(qtbot, window, monkeypatch)
        doc_id = window.editor.record.id
        window.acts.sign.trigger()
        answer_pins(qtbot, 1, pin="0000-wrong")
        qtbot.waitUntil(lambda: bool(shown), timeout=30000)
        assert "incorrect" in shown[0]  # French: "... est incorrect ..."
        assert services.drafts.get(doc_id).status is DocumentStatus.DRAFT
        assert window.editor.record.status.editable
        assert not window.busy
    finally:
        languages.switch("en")
        controller.shutdown()


def test_rejected_document_says_why_in_words(qtbot, demo, languages, tmp_path, monkeypatch):
    """Signed with another physician's key: the platform refuses the author binding."""
    from fitnote_desktop.demo import DEMO_SPECIALIST
    from fitnote_desktop.demo.pki import read_manifest

    sandbox = Path(demo.endpoint.ca_pem_path).parent
    other = read_manifest(sandbox).physician(DEMO_SPECIALIST.key)
    profile = demo.manager.open(demo.profile_id, DEMO_PASSWORD)
    saved = profile.get_setting("signer")
    profile.set_setting(
        "signer",
        {**saved, "pkcs12_path": str(other.signature_p12)},  # login still as the GP
    )
    profile.lock()
    controller, dlg = unlock(qtbot, demo, languages, tmp_path)
    window = controller.start(dlg.opened)
    qtbot.addWidget(window)
    services = window.services
    try:
        window.search.search.setText("Schmitz")
        qtbot.keyClick(window.search.search, Qt.Key.Key_Return)
        create_certificate(qtbot, window, monkeypatch)
        doc_id = window.editor.record.id
        window.acts.sign.trigger()
        answer_pins(qtbot, 1)
        wait_status(qtbot, services, doc_id, DocumentStatus.REJECTED)
        record = services.drafts.get(doc_id)
        assert record.last_error
        languages.switch("nl")
        window.page.refresh()
        row = next(
            r
            for r in range(window.page.model.rowCount())
            if window.page.model.record(r).id == doc_id
        )
        status = window.page.model.data(window.page.model.index(row, 3))
        assert status.startswith("Geweigerd")
        assert record.last_error not in status or "platform" in status
    finally:
        languages.switch("en")
        controller.shutdown()
        profile = demo.manager.open(demo.profile_id, DEMO_PASSWORD)
        profile.set_setting("signer", saved)
        profile.lock()


def test_lock_on_demand_and_when_idle(qtbot, demo, languages, tmp_path, monkeypatch):
    """Ctrl+L and idle time close the session and the window; unlocking brings them back."""
    unlocks: list[UnlockDialog] = []

    def fake_exec(self) -> int:
        unlocks.append(self)
        self.show()
        qtbot.keyClicks(self.passphrase, DEMO_PASSWORD)
        qtbot.keyClick(self.passphrase, Qt.Key.Key_Return)
        return int(self.result())

    monkeypatch.setattr(UnlockDialog, "exec", fake_exec)
    controller, dlg = unlock(qtbot, demo, languages, tmp_path)
    first = controller.start(dlg.opened)
    first_session = controller.session
    try:
        first.acts.lock.trigger()
        assert controller.window is None  # nothing with patient data stays on screen
        assert first_session.profile.locked
        qtbot.waitUntil(lambda: controller.window is not None, timeout=10000)
        assert len(unlocks) == 1
        second = controller.window
        assert second is not first and not controller.session.profile.locked
        controller.idle.setInterval(200)  # idle time, shortened for the test
        controller.idle.start()
        qtbot.waitUntil(lambda: controller.window is not second, timeout=10000)
        qtbot.waitUntil(lambda: len(unlocks) == 2, timeout=10000)
    finally:
        controller.shutdown()


def test_trio_conversation_about_a_sent_certificate(qtbot, demo, languages, tmp_path, monkeypatch):
    from fitnote_desktop.ui.inbox import InboxDialog

    controller, dlg = unlock(qtbot, demo, languages, tmp_path)
    window = controller.start(dlg.opened)
    qtbot.addWidget(window)
    services = window.services
    try:
        window.search.search.setText("Vanderbeke")
        qtbot.keyClick(window.search.search, Qt.Key.Key_Return)
        create_certificate(qtbot, window, monkeypatch)
        doc_id = window.editor.record.id
        window.acts.sign.trigger()
        answer_pins(qtbot, 1)
        wait_status(qtbot, services, doc_id, DocumentStatus.ACCEPTED)
        inbox = InboxDialog(services, window, about=services.drafts.get(doc_id))
        qtbot.addWidget(inbox)
        inbox.show()
        qtbot.waitUntil(lambda: inbox.refresh_button.isEnabled(), timeout=30000)
        qtbot.keyClicks(inbox.new_subject, "Werkhervatting")
        qtbot.keyClicks(inbox.new_body, "Halftijdse hervatting mogelijk vanaf volgende maand?")
        inbox.start.click()
        qtbot.waitUntil(lambda: inbox.current is not None, timeout=30000)
        assert len(inbox.current.messages) == 1
        assert inbox.current.patient_name == "Émilie Vanderbeke-Dubois"
        qtbot.keyClicks(inbox.reply_box, "Aanvulling: zonder tillen.")
        qtbot.waitUntil(inbox.send.isEnabled, timeout=30000)  # the list refresh has finished
        inbox.send.click()
        qtbot.waitUntil(lambda: len(inbox.current.messages) == 2, timeout=30000)
        qtbot.waitUntil(lambda: inbox.threads.count() >= 1, timeout=30000)
        assert "Werkhervatting" in inbox.view.toPlainText()
    finally:
        controller.shutdown()


def test_outbox_view_lists_in_words(qtbot, demo, languages, tmp_path):
    from fitnote_desktop.ui.outbox import OutboxDialog

    controller, dlg = unlock(qtbot, demo, languages, tmp_path)
    window = controller.start(dlg.opened)
    qtbot.addWidget(window)
    try:
        languages.switch("nl")
        box = OutboxDialog(window.services, window)
        qtbot.addWidget(box)
        box.show()
        assert box.table.rowCount() >= 1  # the demo's sent certificate at least
        statuses = {box.table.item(r, 3).text() for r in range(box.table.rowCount())}
        # each item says which document it is: kind and period, not only the patient
        assert all(box.table.item(r, 1).text() for r in range(box.table.rowCount()))
        assert all(" – " in box.table.item(r, 2).text() for r in range(box.table.rowCount()))
        assert "Verzonden, ontvangstbewijs ontvangen" in statuses
        waiting = {"Wacht op verzending", "Wordt verzonden", "Geweigerd"}
        assert box.empty.isVisible() == (not statuses & waiting)  # "nothing waiting" is true
        box.retry.click()  # harmless when nothing waits
    finally:
        languages.switch("en")
        controller.shutdown()


def test_specialist_prolongs_a_certificate_issued_elsewhere(
    qtbot, demo, languages, tmp_path, monkeypatch
):
    """The GP's certificate, fetched by the specialist with the patient's consent."""
    from fitnote_desktop.adapters.profiles import practice_of
    from fitnote_desktop.demo import DEMO_SPECIALIST
    from fitnote_desktop.demo.pki import read_manifest
    from fitnote_desktop.domain import samples
    from fitnote_desktop.store import PractitionerInfo
    from fitnote_desktop.ui.external import ExternalProlongationDialog

    # the GP's side: a sent certificate whose consent allows sharing the episode
    controller, dlg = unlock(qtbot, demo, languages, tmp_path)
    window = controller.start(dlg.opened)
    qtbot.addWidget(window)
    try:
        window.search.search.setText("Dupont")
        qtbot.keyClick(window.search.search, Qt.Key.Key_Return)
        create_certificate(qtbot, window, monkeypatch)
        editor = window.editor
        if not editor.consent_episode.isChecked():
            qtbot.keyClick(editor.consent_episode, Qt.Key.Key_Space)
        editor.consent_ref.setText("CONSENT-SPEC-1")
        editor._edited("consent.reference")
        gp_doc = editor.record.id
        window.acts.sign.trigger()
        answer_pins(qtbot, 1)
        wait_status(qtbot, window.services, gp_doc, DocumentStatus.ACCEPTED)
        gp_end = window.services.drafts.get(gp_doc).document.period.end
        niss = window.services.drafts.get(gp_doc).document.patient.niss
    finally:
        controller.shutdown()

    # the specialist's own profile and eID (demo PKCS#12)
    sandbox = Path(demo.endpoint.ca_pem_path).parent
    creds = read_manifest(sandbox).physician(DEMO_SPECIALIST.key)
    spec = samples.practitioner(DEMO_SPECIALIST)
    if not demo.manager.exists("specialist"):
        demo.manager.create(
            "specialist",
            passphrase=DEMO_PASSWORD,
            practitioner=PractitionerInfo(
                spec.given_name,
                spec.family_name,
                spec.riziv,
                spec.niss,
                ("fr", "nl"),
                practice_of(spec),
            ),
        )
        p = demo.manager.open("specialist", DEMO_PASSWORD)
        p.set_setting(
            "signer",
            {
                "kind": "pkcs12",
                "pkcs12_path": str(creds.signature_p12),
                "pkcs12_auth_path": str(creds.authentication_p12),
            },
        )
        p.lock()
    settings = QSettings(str(tmp_path / "spec.ini"), QSettings.Format.IniFormat)
    controller = AppController(
        manager=demo.manager,
        open_session=lambda p: open_session(p, endpoint=demo.endpoint_config(), demo=True),
        languages=languages,
        settings=settings,
    )
    window = controller.start(demo.manager.open("specialist", DEMO_PASSWORD))
    qtbot.addWidget(window)
    services = window.services
    try:
        patient = services.patients.save(
            replace(samples.patient(), niss=niss, given_name="Lucas", family_name="Dupont")
        )
        window.open_patient(patient)
        ext = ExternalProlongationDialog(services, window.page.record, window)
        qtbot.addWidget(ext)
        ext.show()
        qtbot.keyClicks(ext.reference, gp_doc)
        qtbot.keyClick(ext.consent, Qt.Key.Key_Space)
        qtbot.keyClicks(ext.consent_ref, "CONSENT-SPEC-1")

        def fetch() -> bool:
            while _pin_dialog() is not None:  # the specialist's login
                d = _pin_dialog()
                d.pin.setText(DEMO_PASSWORD)
                d.accept()
            return ext.result_record is not None

        ext.fetch.click()
        qtbot.waitUntil(fetch, timeout=30000)
        draft = ext.result_record.document
        assert draft.author.riziv == DEMO_SPECIALIST.riziv
        assert draft.body.previous.reference == gp_doc
        assert draft.period.begin == date.fromordinal(gp_end.toordinal() + 1)
        assert draft.body.certificate_kind.value == "prolongation"
    finally:
        controller.shutdown()


# ---------------------------------------------------------------- one PIN, one status


class PinCounter:
    """Answers every PIN dialog that appears and keeps what each one showed."""

    def __init__(self, pin: str) -> None:
        self.pin = pin
        self.prompts: list[tuple[str, str, str]] = []  # (subject, label, button text)

    def answer(self) -> None:
        while (dlg := _pin_dialog()) is not None:
            ok = dlg.findChild(QDialogButtonBox).button(QDialogButtonBox.StandardButton.Ok)
            self.prompts.append((dlg.subject.text(), dlg.label.text(), ok.text()))
            dlg.pin.setText(self.pin)
            dlg.accept()


def wait_delivered(qtbot, window, doc_id: str, status: DocumentStatus, pins: PinCounter):
    """Until the store holds ``status`` and the window has shown the task's result (no
    longer busy): a result still queued for the window when the test closes the session
    would reach a closed store."""

    def arrived() -> bool:
        pins.answer()
        return window.services.drafts.get(doc_id).status is status and not window.busy

    qtbot.waitUntil(arrived, timeout=60000)


def page_status(window, doc_id: str) -> str:
    model = window.page.model
    row = next(r for r in range(model.rowCount()) if model.record(r).id == doc_id)
    return model.data(model.index(row, 3))


def test_one_pin_per_send_and_every_view_follows_the_status(
    qtbot, demo, languages, tmp_path, monkeypatch
):
    controller, dlg = unlock(qtbot, demo, languages, tmp_path)
    window = controller.start(dlg.opened)
    qtbot.addWidget(window)
    services = window.services
    pins = PinCounter(DEMO_PASSWORD)
    try:
        window.search.search.setText("Janssens")
        qtbot.keyClick(window.search.search, Qt.Key.Key_Return)
        create_certificate(qtbot, window, monkeypatch)
        doc_id = window.editor.record.id
        window.acts.sign.trigger()
        wait_delivered(qtbot, window, doc_id, DocumentStatus.ACCEPTED, pins)
        # the signature and the login that delivered it: one prompt, saying what is signed
        assert len(pins.prompts) == 1, pins.prompts
        subject, _label, button = pins.prompts[0]
        patient = window.page.record.patient.full_name
        assert patient in subject and "Incapacity certificate" in subject
        assert "Advising physician" in subject and " – " in subject
        assert button == "Sign"

        # the editor and the patient's list say the same, without any click
        accepted = labels.status(DocumentStatus.ACCEPTED)
        qtbot.waitUntil(
            lambda: window.editor.header.save_state.full_text() == accepted, timeout=6000
        )
        qtbot.waitUntil(lambda: page_status(window, doc_id) == accepted, timeout=6000)
        assert window.acts.retract.isEnabled()

        # retract: the reason is asked, one PIN, then every view says retracted
        def why(dialog: RetractDialog) -> None:
            dialog.options["patient-request"].click()
            dialog.buttons.button(QDialogButtonBox.StandardButton.Ok).click()

        drive(monkeypatch, RetractDialog, why)
        window.acts.retract.trigger()
        wait_delivered(qtbot, window, doc_id, DocumentStatus.RETRACTED, pins)
        assert len(pins.prompts) == 2, pins.prompts
        assert "Retraction of" in pins.prompts[1][0]
        retracted = labels.status(DocumentStatus.RETRACTED)
        qtbot.waitUntil(
            lambda: window.editor.header.save_state.full_text() == retracted, timeout=6000
        )
        qtbot.waitUntil(lambda: page_status(window, doc_id) == retracted, timeout=6000)
        model = window.page.model
        row = next(r for r in range(model.rowCount()) if model.record(r).id == doc_id)
        font = model.data(model.index(row, 0), Qt.ItemDataRole.FontRole)
        assert font is not None and font.strikeOut()
        from fitnote_desktop.ui.outbox import OutboxDialog

        box = OutboxDialog(services, window)
        qtbot.addWidget(box)
        rows = [
            r
            for r in range(box.table.rowCount())
            if box.table.item(r, 0).data(Qt.ItemDataRole.UserRole) == doc_id
        ]
        assert rows and all(box.table.item(r, 3).font().strikeOut() for r in rows)
        assert box.table.item(rows[0], 1).text().startswith("Incapacity certificate")
        statement = controller.session.profile.documents.retraction(uuid.UUID(doc_id))
        assert statement is not None
        signed = base64.b64decode(json.loads(statement)["payload"])
        assert json.loads(signed)["reason"] == "patient-request"
    finally:
        controller.shutdown()


@pytest.mark.skipif(shutil.which("softhsm2-util") is None, reason="SoftHSM2 not installed")
def test_softhsm_send_asks_the_pin_once(qtbot, demo, languages, tmp_path, monkeypatch):
    from fitnote_desktop.demo.pki import read_manifest
    from fitnote_desktop.demo.softhsm import load_demo_pki_into_softhsm

    sandbox = Path(demo.endpoint.ca_pem_path).parent
    token = load_demo_pki_into_softhsm(read_manifest(sandbox), tmp_path / "tokens")
    profile = demo.manager.open(demo.profile_id, DEMO_PASSWORD)
    saved = profile.get_setting("signer")
    profile.set_setting(
        "signer",
        {
            "kind": "pkcs11",
            "module_path": token.module_path,
            "token_label": token.label(DEMO_GP.key),
        },
    )
    profile.lock()
    controller, dlg = unlock(qtbot, demo, languages, tmp_path)
    window = controller.start(dlg.opened)
    qtbot.addWidget(window)
    pins = PinCounter(token.pin)
    try:
        window.search.search.setText("Schmitz")
        qtbot.keyClick(window.search.search, Qt.Key.Key_Return)
        create_certificate(qtbot, window, monkeypatch)
        doc_id = window.editor.record.id
        window.acts.sign.trigger()
        wait_delivered(qtbot, window, doc_id, DocumentStatus.ACCEPTED, pins)
        assert len(pins.prompts) == 1, pins.prompts
        assert "eID" in pins.prompts[0][1]
    finally:
        controller.shutdown()
        profile = demo.manager.open(demo.profile_id, DEMO_PASSWORD)
        profile.set_setting("signer", saved)
        profile.lock()
