"""First run: create the physician's profile, choose how to sign, where to send.

Four pages, each validated before "Next": identity (RIZIV checked live, as the NISS is
for patients), practice and languages, protection of the profile (OS keyring when one
exists, else a passphrase), then the signer (eID / PKCS#11 module or a PKCS#12 file)
and the endpoint. ``result_profile`` holds the unlocked profile at the end.
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtWidgets import (
    QCheckBox,
    QFileDialog,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QRadioButton,
    QVBoxLayout,
    QWidget,
    QWizard,
    QWizardPage,
)

from fitnote_desktop.domain.findings import Severity
from fitnote_desktop.domain.identifiers import compact, niss_error, riziv_error, riziv_info
from fitnote_desktop.domain.model import Address, Practitioner
from fitnote_desktop.services import ServiceError
from fitnote_desktop.services.ports import UnlockedProfile
from fitnote_desktop.services.setup import EndpointChoice, FirstRun, NewProfile, SignerChoice
from fitnote_desktop.ui import i18n
from fitnote_desktop.ui.secret_field import SecretField
from fitnote_desktop.ui.widgets import ChoiceGroup, FieldMessage


def _file_row(
    parent: QWidget, label: str, line: QLineEdit, title: str, pattern: str
) -> tuple[QLabel, QHBoxLayout]:
    """A form row: the label (tied to the line, as a screen reader needs), the line, Browse."""
    caption = QLabel(label, parent)
    caption.setBuddy(line)
    row = QHBoxLayout()
    row.addWidget(line, 1)
    button = QPushButton(parent.tr("Browse…"), parent)

    def pick() -> None:
        path, _ = QFileDialog.getOpenFileName(parent, title, line.text(), pattern)
        if path:
            line.setText(path)

    button.clicked.connect(pick)
    row.addWidget(button)
    return caption, row


class IdentityPage(QWizardPage):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setTitle(self.tr("Who are you?"))
        self.setSubTitle(self.tr("Your name and RIZIV/INAMI number appear on every certificate."))
        self.given = QLineEdit(self)
        self.family = QLineEdit(self)
        self.riziv = QLineEdit(self)
        self.riziv.setPlaceholderText("1-23456-25-004")
        self.riziv_info = QLabel(self)
        self.riziv_info.setObjectName("hint")
        self.riziv_msg = FieldMessage(self)
        self.niss = QLineEdit(self)
        self.niss.setPlaceholderText(self.tr("as on your eID (ties your signature to you)"))
        self.niss_msg = FieldMessage(self)
        form = QFormLayout(self)
        form.addRow(self.tr("Given name"), self.given)
        form.addRow(self.tr("Family name"), self.family)
        box = QVBoxLayout()
        box.addWidget(self.riziv)
        box.addWidget(self.riziv_info)
        box.addWidget(self.riziv_msg)
        form.addRow(self.tr("RIZIV/INAMI number"), box)
        nbox = QVBoxLayout()
        nbox.addWidget(self.niss)
        nbox.addWidget(self.niss_msg)
        form.addRow(self.tr("National number"), nbox)
        for w, name in (
            (self.given, self.tr("Given name")),
            (self.family, self.tr("Family name")),
            (self.riziv, self.tr("RIZIV/INAMI number")),
            (self.niss, self.tr("National number")),
        ):
            w.setAccessibleName(name)
            w.textChanged.connect(self._check)

    def _check(self) -> None:
        code = riziv_error(self.riziv.text())
        typed = len(compact(self.riziv.text()))
        if code is None:
            info = riziv_info(self.riziv.text())
            self.riziv_info.setText(
                self.tr("General practitioner") if info.is_gp else self.tr("Specialist or other")
            )
            self.riziv_msg.show_messages([])
        else:
            self.riziv_info.setText("")
            show = typed >= 11 or code not in ("riziv.format", "riziv.missing")
            self.riziv_msg.show_messages(
                [(Severity.ERROR, i18n.text(code))] if show and typed else []
            )
        ncode = niss_error(self.niss.text()) if self.niss.text().strip() else None
        self.niss_msg.show_messages(
            [(Severity.ERROR, i18n.text(ncode))]
            if ncode and len(compact(self.niss.text())) >= 11
            else []
        )
        self.completeChanged.emit()

    def isComplete(self) -> bool:
        return (
            bool(self.given.text().strip() and self.family.text().strip())
            and riziv_error(self.riziv.text()) is None
            and (not self.niss.text().strip() or niss_error(self.niss.text()) is None)
        )


class PracticePage(QWizardPage):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setTitle(self.tr("Your practice"))
        self.setSubTitle(self.tr("The letterhead of the printed copies."))
        self.name = QLineEdit(self)
        self.street = QLineEdit(self)
        self.number = QLineEdit(self)
        self.postal = QLineEdit(self)
        self.city = QLineEdit(self)
        self.phone = QLineEdit(self)
        self.langs = {code: QCheckBox(name, self) for code, name in i18n.LANGUAGE_NAMES.items()}
        self.langs["nl"].setChecked(True)
        self.langs["fr"].setChecked(True)
        form = QFormLayout(self)
        form.addRow(self.tr("Practice name"), self.name)
        form.addRow(self.tr("Street"), self.street)
        form.addRow(self.tr("Number"), self.number)
        form.addRow(self.tr("Postal code"), self.postal)
        form.addRow(self.tr("City"), self.city)
        form.addRow(self.tr("Phone"), self.phone)
        row = QHBoxLayout()
        for box in self.langs.values():
            row.addWidget(box)
        languages = ChoiceGroup(row, self)  # "Français" alone would not say what it chooses
        languages.set_question(self.tr("Languages you work in"), visible=False)
        form.addRow(self.tr("Languages you work in"), languages)


class ProtectionPage(QWizardPage):
    def __init__(self, keyring: bool, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setTitle(self.tr("Protect your profile"))
        self.setSubTitle(
            self.tr("Everything is encrypted on this computer. Choose how it is unlocked.")
        )
        self.use_keyring = QRadioButton(self.tr("With my computer login (system keyring)"), self)
        self.use_passphrase = QRadioButton(self.tr("With a passphrase"), self)
        self.use_keyring.setEnabled(keyring)
        (self.use_keyring if keyring else self.use_passphrase).setChecked(True)
        self.passphrase = SecretField(self)
        self.passphrase.setAccessibleName(self.tr("Passphrase"))
        self.again = SecretField(self)
        self.again.setAccessibleName(self.tr("Passphrase again"))
        self.note = QLabel(self.tr("At least 12 characters. It cannot be recovered."), self)
        self.note.setObjectName("hint")
        layout = QVBoxLayout(self)
        choice = QVBoxLayout()
        choice.addWidget(self.use_keyring)
        choice.addWidget(self.use_passphrase)
        how = ChoiceGroup(choice, self)
        how.set_question(self.tr("How the profile is unlocked"), visible=False)
        layout.addWidget(how)
        form = QFormLayout()
        form.addRow(self.tr("Passphrase"), self.passphrase)
        form.addRow(self.tr("Again"), self.again)
        layout.addLayout(form)
        layout.addWidget(self.note)
        for w in (self.passphrase, self.again):
            w.secretChanged.connect(self.completeChanged)
        self.use_passphrase.toggled.connect(self.completeChanged)

    def isComplete(self) -> bool:
        if self.use_keyring.isChecked():
            return True
        text = self.passphrase.secret()
        return len(text) >= 12 and text == self.again.secret()


class SigningPage(QWizardPage):
    def __init__(self, candidates: list[str], parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setTitle(self.tr("Signing and sending"))
        self.setSubTitle(self.tr("How you sign (your eID card or a key file), and where to send."))
        self.eid = QRadioButton(self.tr("eID card or other PKCS#11 token"), self)
        self.p12 = QRadioButton(self.tr("PKCS#12 key files"), self)
        self.eid.setChecked(True)
        self.module = QLineEdit(self)
        existing = [c for c in candidates if Path(c).exists()]
        self.module.setText(existing[0] if existing else (candidates[0] if candidates else ""))
        self.token = QLineEdit(self)
        self.token.setPlaceholderText(self.tr("empty: the only card present"))
        self.sig_file = QLineEdit(self)
        self.auth_file = QLineEdit(self)
        self.url = QLineEdit(self)
        self.url.setPlaceholderText("https://…")
        self.ca = QLineEdit(self)
        self.receipt = QLineEdit(self)
        signer = QFormLayout()
        signer.addRow(self.eid)
        signer.addRow(*_file_row(self, self.tr("PKCS#11 module"), self.module, "PKCS#11", "*"))
        signer.addRow(self.tr("Token label"), self.token)
        signer.addRow(self.p12)
        signer.addRow(
            *_file_row(self, self.tr("Signature key file"), self.sig_file, "P12", "*.p12")
        )
        signer.addRow(
            *_file_row(self, self.tr("Authentication key file"), self.auth_file, "P12", "*.p12")
        )
        how = ChoiceGroup(signer, self)  # the two kinds of signer read as answers to it
        how.set_question(self.tr("How you sign"), visible=False)
        form = self.form = QFormLayout(self)  # the wizard adds its error row below
        form.addRow(how)
        form.addRow(QLabel(self.tr("Endpoint (optional; documents wait in the outbox)"), self))
        form.addRow(self.tr("Address"), self.url)
        form.addRow(*_file_row(self, self.tr("CA bundle"), self.ca, "CA", "*.pem"))
        form.addRow(*_file_row(self, self.tr("Receipt certificate"), self.receipt, "PEM", "*.pem"))
        for w in (self.module, self.sig_file, self.url):
            w.textChanged.connect(self.completeChanged)
        self.eid.toggled.connect(self.completeChanged)

    def isComplete(self) -> bool:
        url_ok = not self.url.text().strip() or self.url.text().strip().startswith("https://")
        signer_ok = (
            bool(self.module.text().strip())
            if self.eid.isChecked()
            else bool(self.sig_file.text().strip())
        )
        return url_ok and signer_ok


class FirstRunWizard(QWizard):
    """Creates the profile through ``setup`` and leaves it unlocked in ``result_profile``."""

    def __init__(self, setup: FirstRun, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setup = setup
        self.result_profile: UnlockedProfile | None = None
        self.setWindowTitle(self.tr("Welcome to Fit-note"))
        self.identity = IdentityPage(self)
        self.practice = PracticePage(self)
        self.protection = ProtectionPage(setup.keyring_available(), self)
        self.signing = SigningPage(setup.eid_module_candidates(), self)
        for page in (self.identity, self.practice, self.protection, self.signing):
            self.addPage(page)
        self.error = FieldMessage(self.signing)
        self.signing.form.addRow(self.error)
        self.setMinimumSize(640, 520)

    def author(self) -> Practitioner:
        p = self.practice
        address = Address(p.street.text(), p.number.text(), p.postal.text(), p.city.text())
        return Practitioner(
            given_name=self.identity.given.text().strip(),
            family_name=self.identity.family.text().strip(),
            riziv=compact(self.identity.riziv.text()),
            niss=compact(self.identity.niss.text()),
            practice_name=p.name.text().strip(),
            address=address if address.one_line() else None,
            phone=p.phone.text().strip(),
        )

    def request(self) -> NewProfile:
        """What the pages hold, as the first-run use case's request."""
        s = self.signing
        keyring = self.protection.use_keyring.isChecked()
        return NewProfile(
            author=self.author(),
            languages=tuple(c for c, box in self.practice.langs.items() if box.isChecked()),
            passphrase=None if keyring else self.protection.passphrase.secret(),
            signer=SignerChoice(
                pkcs11=s.eid.isChecked(),
                module_path=s.module.text(),
                token_label=s.token.text(),
                pkcs12_path=s.sig_file.text(),
                pkcs12_auth_path=s.auth_file.text(),
            ),
            endpoint=EndpointChoice(s.url.text(), s.ca.text(), s.receipt.text()),
        )

    def accept(self) -> None:
        try:
            profile = self.setup.create(self.request())
        except ServiceError as exc:
            self.error.show_messages([(Severity.ERROR, i18n.text(exc.code))])
            return
        finally:
            self.protection.passphrase.clear()
            self.protection.again.clear()
        self.result_profile = profile
        super().accept()
