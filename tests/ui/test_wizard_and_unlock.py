"""First run and unlock on a real (temporary) encrypted store."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt

from fitnote_desktop.adapters.profiles import StoreProfiles
from fitnote_desktop.services.setup import FirstRun
from fitnote_desktop.store import KdfParams, ProfileManager, StoreOptions
from fitnote_desktop.ui.unlock import UnlockBackoff, UnlockDialog
from fitnote_desktop.ui.wizard import FirstRunWizard


@pytest.fixture
def manager(tmp_path):
    return ProfileManager(tmp_path / "profiles", StoreOptions(kdf=KdfParams.for_tests()))


def test_first_run_creates_an_unlocked_profile(qtbot, manager, languages):
    wizard = FirstRunWizard(FirstRun(StoreProfiles(manager)))
    qtbot.addWidget(wizard)
    wizard.show()
    page = wizard.identity
    qtbot.keyClicks(page.given, "An")
    qtbot.keyClicks(page.family, "Peeters")
    qtbot.keyClicks(page.riziv, "1-23456-26-004")  # wrong check digits
    assert not page.isComplete()
    assert page.riziv_msg.isVisible()
    page.riziv.clear()
    qtbot.keyClicks(page.riziv, "12345625004")
    assert page.isComplete()
    assert "General practitioner" in page.riziv_info.text()
    wizard.next()
    qtbot.keyClicks(wizard.practice.city, "Gent")
    wizard.next()
    prot = wizard.protection
    prot.use_passphrase.setChecked(True)
    qtbot.keyClicks(prot.passphrase, "correct horse battery")
    assert not prot.isComplete()
    qtbot.keyClicks(prot.again, "correct horse battery")
    assert prot.isComplete()
    wizard.next()
    sign = wizard.signing
    sign.p12.setChecked(True)
    qtbot.keyClicks(sign.sig_file, "/nonexistent/signature.p12")
    qtbot.keyClicks(sign.url, "http://insecure.example")
    assert not sign.isComplete()  # HTTPS only
    sign.url.clear()
    assert sign.isComplete()
    wizard.accept()
    profile = wizard.result_profile
    assert profile is not None and not profile.locked
    try:
        assert profile.practitioner().riziv == "12345625004"
        assert profile.get_setting("signer")["kind"] == "pkcs12"
        assert prot.passphrase.text() == ""  # the secret does not linger in the widget
    finally:
        profile.lock()
    assert [p.id for p in manager.list()] == ["an-peeters"]


def test_unlock_dialog_wrong_then_right_passphrase(qtbot, manager, languages):
    manager.create("dr", passphrase="correct horse battery")
    dlg = UnlockDialog(manager, backoff=UnlockBackoff())
    qtbot.addWidget(dlg)
    dlg.show()
    qtbot.keyClicks(dlg.passphrase, "wrong passphrase")
    qtbot.keyClick(dlg.passphrase, Qt.Key.Key_Return)
    assert dlg.opened is None and dlg.message.isVisible()
    assert dlg.passphrase.text() == ""
    qtbot.keyClicks(dlg.passphrase, "correct horse battery")
    qtbot.keyClick(dlg.passphrase, Qt.Key.Key_Return)
    assert dlg.opened is not None
    dlg.opened.lock()


def _fail(qtbot, dlg, passphrase: str = "wrong passphrase") -> None:
    qtbot.keyClicks(dlg.passphrase, passphrase)
    qtbot.keyClick(dlg.passphrase, Qt.Key.Key_Return)
    assert dlg.opened is None


def test_unlock_backs_off_after_wrong_passphrases(qtbot, manager, languages):
    from PySide6.QtWidgets import QDialogButtonBox

    manager.create("dr", passphrase="correct horse battery")
    backoff = UnlockBackoff(schedule=(0.0, 1.2, 2.4))
    dlg = UnlockDialog(manager, backoff=backoff)
    qtbot.addWidget(dlg)
    dlg.show()
    unlock = dlg.buttons.button(QDialogButtonBox.StandardButton.Ok)
    _fail(qtbot, dlg)  # the first mistake costs nothing: a typo
    assert unlock.isEnabled() and not dlg.wait.isVisible()
    _fail(qtbot, dlg)
    assert not unlock.isEnabled() and dlg.wait.isVisible()
    assert dlg.wait.text() == "Wait 2 s before the next try."
    # the field stays usable: the next passphrase can be typed while waiting ...
    assert dlg.passphrase.isEnabled()
    qtbot.keyClicks(dlg.passphrase, "correct horse battery")
    qtbot.keyClick(dlg.passphrase, Qt.Key.Key_Return)
    # ... but is not tried before the time is up, and is kept
    assert dlg.opened is None and dlg.passphrase.secret() == "correct horse battery"
    # the countdown runs on the event loop (a QTimer), which stays responsive
    qtbot.waitUntil(lambda: dlg.wait.text() == "Wait 1 s before the next try.", timeout=2000)
    qtbot.waitUntil(unlock.isEnabled, timeout=2000)
    assert not dlg.wait.isVisible()
    qtbot.keyClick(dlg.passphrase, Qt.Key.Key_Return)
    assert dlg.opened is not None
    dlg.opened.lock()
    assert backoff.remaining() == 0 and backoff.failures == 0  # success starts over


def test_unlock_back_off_grows_to_its_cap():
    clock = [100.0]
    backoff = UnlockBackoff(schedule=(0.0, 1.0, 2.0, 4.0), clock=lambda: clock[0])
    delays = [backoff.failed() for _ in range(6)]
    assert delays == [0.0, 1.0, 2.0, 4.0, 4.0, 4.0]
    assert backoff.remaining() == 4.0
    clock[0] += 3.5
    assert backoff.remaining() == 0.5
    assert UnlockBackoff().schedule == (0, 1, 2, 4, 8, 16, 30)


def test_unlock_back_off_outlives_the_dialog(qtbot, manager, languages):
    """Per process: a new dialog (after Quit or a lock) waits out the same back-off."""
    from PySide6.QtWidgets import QDialogButtonBox

    manager.create("dr", passphrase="correct horse battery")
    backoff = UnlockBackoff(schedule=(0.0, 30.0))
    first = UnlockDialog(manager, backoff=backoff)
    qtbot.addWidget(first)
    first.show()
    _fail(qtbot, first)
    _fail(qtbot, first)
    first.reject()
    second = UnlockDialog(manager, backoff=backoff)
    qtbot.addWidget(second)
    second.show()
    assert not second.buttons.button(QDialogButtonBox.StandardButton.Ok).isEnabled()
    assert second.wait.text() == "Wait 30 s before the next try."
    assert UnlockDialog(manager).backoff is UnlockDialog(manager).backoff  # the process's


def test_unlock_countdown_in_the_users_language(qtbot, manager, languages):
    manager.create("dr", passphrase="correct horse battery")
    dlg = UnlockDialog(manager, backoff=UnlockBackoff(schedule=(5.0,)))
    qtbot.addWidget(dlg)
    dlg.show()
    _fail(qtbot, dlg)
    languages.switch("nl")
    assert dlg.wait.text() == "Wacht 5 s voor de volgende poging."
    languages.switch("fr")
    assert dlg.wait.text() == "Attendez 5 s avant le prochain essai."


def test_unlock_says_the_key_file_is_damaged(qtbot, manager, languages):
    import base64
    import json

    info = manager.create("dr", passphrase="correct horse battery")
    path = info.path / "key.json"
    doc = json.loads(path.read_text())
    wrapped = bytearray(base64.b64decode(doc["wrapped_key"]))
    wrapped[0] ^= 0x01
    doc["wrapped_key"] = base64.b64encode(bytes(wrapped)).decode()
    path.write_text(json.dumps(doc))
    backoff = UnlockBackoff(schedule=(0.0, 30.0))
    dlg = UnlockDialog(manager, backoff=backoff)
    qtbot.addWidget(dlg)
    dlg.show()
    for _ in range(2):
        _fail(qtbot, dlg, "correct horse battery")
    assert "damaged" in dlg.message.text() and "backup" in dlg.message.text()
    assert "not correct" not in dlg.message.text()
    assert backoff.failures == 0  # retyping cannot help, so it costs no waiting either


def test_settings_dialog_saves_signer_and_endpoint(qtbot, services, languages, tmp_path):
    from PySide6.QtCore import QSettings

    from fitnote_desktop.services.settings import Settings
    from fitnote_desktop.ui.settings import SettingsDialog

    stored: dict = {}
    services.settings = Settings(profile=services.profile, writer=stored.__setitem__)
    qsettings = QSettings(str(tmp_path / "ui.ini"), QSettings.Format.IniFormat)
    dlg = SettingsDialog(services, qsettings)
    qtbot.addWidget(dlg)
    dlg.show()
    qtbot.keyClicks(dlg.module, "/usr/lib/beidpkcs11.so")
    qtbot.keyClicks(dlg.url, "http://plain")
    dlg._save()
    assert dlg.message.isVisible() and not stored  # HTTPS only
    dlg.url.setText("https://trio.example")
    dlg.idle.setValue(5)
    dlg._save()
    assert stored["signer"] == {
        "kind": "pkcs11",
        "module_path": "/usr/lib/beidpkcs11.so",
        "token_label": "",
    }
    assert stored["endpoint"]["url"] == "https://trio.example"
    assert int(qsettings.value("security/idle_minutes")) == 5
