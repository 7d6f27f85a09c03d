"""First run and unlock on a real (temporary) encrypted store."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt

from fitnote_desktop.adapters.profiles import StoreProfiles
from fitnote_desktop.services.setup import FirstRun
from fitnote_desktop.store import KdfParams, ProfileManager, StoreOptions
from fitnote_desktop.ui.unlock import UnlockDialog
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
    dlg = UnlockDialog(manager)
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
