"""Settings after the first run: how to sign, where to send, when to lock and remind.

Signer and endpoint live in the encrypted profile (they name files and a URL, no
secrets), and so do the worklist's horizon and the reminder times; the idle time before
locking lives in QSettings. Signer and endpoint changes take effect at the next unlock,
when the session is wired again.
"""

from __future__ import annotations

from collections.abc import Mapping
from datetime import time

from PySide6.QtCore import QSettings
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QRadioButton,
    QVBoxLayout,
    QWidget,
)

from fitnote_desktop.domain.findings import Severity
from fitnote_desktop.services import ServiceError, Services
from fitnote_desktop.services.settings import (
    ENDING_DAYS_KEY,
    REMINDER_TIMES_KEY,
    ending_days,
    reminder_times,
)
from fitnote_desktop.ui import i18n
from fitnote_desktop.ui.idle import IDLE_MINUTES_KEY, saved_idle_minutes
from fitnote_desktop.ui.widgets import ChoiceGroup, FieldMessage, NumberBox


def _group(settings: Mapping[str, object], key: str) -> Mapping[str, object]:
    """A profile setting that holds a group of values (signer, endpoint); empty if unset."""
    value = settings.get(key)
    return value if isinstance(value, dict) else {}


class SettingsDialog(QDialog):
    def __init__(
        self, services: Services, settings: QSettings, parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self.setObjectName("settingsDialog")
        self.services = services
        self.qsettings = settings
        current = services.settings.read()
        signer = _group(current, "signer")
        endpoint = _group(current, "endpoint")
        self.setWindowTitle(self.tr("Settings"))
        self.eid = QRadioButton(self.tr("eID card or other PKCS#11 token"), self)
        self.p12 = QRadioButton(self.tr("PKCS#12 key files"), self)
        (self.p12 if signer.get("kind") == "pkcs12" else self.eid).setChecked(True)
        self.module = QLineEdit(str(signer.get("module_path") or ""), self)
        self.token = QLineEdit(str(signer.get("token_label") or ""), self)
        self.sig_file = QLineEdit(str(signer.get("pkcs12_path") or ""), self)
        self.auth_file = QLineEdit(str(signer.get("pkcs12_auth_path") or ""), self)
        self.url = QLineEdit(str(endpoint.get("url") or ""), self)
        self.ca = QLineEdit(str(endpoint.get("ca_bundle") or ""), self)
        self.receipt = QLineEdit(str(endpoint.get("receipt_cert") or ""), self)
        self.idle = NumberBox(self)
        self.idle.setRange(1, 120)
        self.idle.setSuffix(" min")
        self.idle.setValue(saved_idle_minutes(settings))
        self.ending = NumberBox(self)
        self.ending.setRange(0, 60)
        self.ending.setSuffix(self.tr(" days"))
        self.ending.setValue(ending_days(current))
        self.reminders = QLineEdit(
            ", ".join(t.strftime("%H:%M") for t in reminder_times(current)), self
        )
        self.reminders.setPlaceholderText(self.tr("e.g. 08:30, 13:30"))
        self.note = QLabel(self.tr("Signer and endpoint changes apply at the next unlock."), self)
        self.note.setObjectName("hint")
        self.note.setWordWrap(True)  # one line would widen the dialog past the screen at 200 %
        self.message = FieldMessage(self)
        signer_rows = QFormLayout()
        signer_rows.addRow(self.eid)
        signer_rows.addRow(self.tr("PKCS#11 module"), self.module)
        signer_rows.addRow(self.tr("Token label"), self.token)
        signer_rows.addRow(self.p12)
        signer_rows.addRow(self.tr("Signature key file"), self.sig_file)
        signer_rows.addRow(self.tr("Authentication key file"), self.auth_file)
        how = ChoiceGroup(signer_rows, self)  # the two kinds of signer read as answers to it
        how.set_question(self.tr("How you sign"), visible=True)
        form = QFormLayout()
        form.addRow(how)
        form.addRow(self.tr("Address"), self.url)
        form.addRow(self.tr("CA bundle"), self.ca)
        form.addRow(self.tr("Receipt certificate"), self.receipt)
        form.addRow(self.tr("Lock after"), self.idle)
        form.addRow(self.tr("Certificates ending within"), self.ending)
        form.addRow(self.tr("Reminders at"), self.reminders)
        for w, name in (
            (self.module, self.tr("PKCS#11 module")),
            (self.token, self.tr("Token label")),
            (self.sig_file, self.tr("Signature key file")),
            (self.auth_file, self.tr("Authentication key file")),
            (self.url, self.tr("Address")),
            (self.ca, self.tr("CA bundle")),
            (self.receipt, self.tr("Receipt certificate")),
            (self.idle, self.tr("Lock after")),
            (self.ending, self.tr("Certificates ending within")),
            (self.reminders, self.tr("Reminders at")),
        ):
            w.setAccessibleName(name)
        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Save | QDialogButtonBox.StandardButton.Cancel, self
        )
        buttons.button(QDialogButtonBox.StandardButton.Save).setText(self.tr("Save"))
        buttons.button(QDialogButtonBox.StandardButton.Cancel).setText(self.tr("Cancel"))
        buttons.accepted.connect(self._save)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(self.note)
        layout.addWidget(self.message)
        layout.addWidget(buttons)
        self.setMinimumWidth(620)
        if services.demo:  # the demo wires itself at every start
            for field in (
                self.eid,
                self.p12,
                self.module,
                self.token,
                self.sig_file,
                self.auth_file,
                self.url,
                self.ca,
                self.receipt,
            ):
                field.setEnabled(False)

    def _save(self) -> None:
        url = self.url.text().strip()
        if url and not url.startswith("https://"):
            self.message.show_messages([(Severity.ERROR, i18n.text("transport.insecure_url"))])
            return
        times = _times(self.reminders.text())
        if times is None:
            self.message.show_messages([(Severity.ERROR, i18n.text("settings.reminder_times"))])
            return
        self.qsettings.setValue(IDLE_MINUTES_KEY, self.idle.value())
        try:
            self.services.settings.update(
                **{ENDING_DAYS_KEY: self.ending.value(), REMINDER_TIMES_KEY: times}
            )
        except ServiceError as exc:
            self.message.show_messages([(Severity.ERROR, i18n.text(exc.code))])
            return
        if not self.services.demo:
            if self.eid.isChecked():
                signer = {
                    "kind": "pkcs11",
                    "module_path": self.module.text().strip(),
                    "token_label": self.token.text().strip(),
                }
            else:
                signer = {
                    "kind": "pkcs12",
                    "pkcs12_path": self.sig_file.text().strip(),
                    "pkcs12_auth_path": self.auth_file.text().strip(),
                }
            endpoint = (
                {
                    "url": url,
                    "ca_bundle": self.ca.text().strip(),
                    "receipt_cert": self.receipt.text().strip(),
                }
                if url
                else None
            )
            try:
                self.services.settings.update(signer=signer, endpoint=endpoint)
            except ServiceError as exc:
                self.message.show_messages([(Severity.ERROR, i18n.text(exc.code))])
                return
        self.accept()


def _times(text: str) -> list[str] | None:
    """``"8:30, 13:30"`` as ``["08:30", "13:30"]``; None when one of them is not a time."""
    out = []
    for part in text.replace(";", ",").split(","):
        part = part.strip()
        if not part:
            continue
        hours, _, minutes = part.partition(":")
        try:
            moment = time(int(hours), int(minutes or 0))
        except ValueError:
            return None
        out.append(moment.strftime("%H:%M"))
    return sorted(set(out))
