"""Prolong a certificate issued elsewhere: the specialist continues the GP's certificate.

The physician types (or pastes) the reference printed on the patient's copy and
records the patient's consent; online, the episode is fetched from the endpoint and the
prolongation is prefilled from it; offline (or if the fetch fails), the draft is made
from the paper copy's dates and can be linked once back online.
"""

from __future__ import annotations

from PySide6.QtWidgets import (
    QCheckBox,
    QDialog,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from fitnote_desktop.domain.findings import Severity
from fitnote_desktop.services import Services
from fitnote_desktop.services.ports import DocumentRecord, PatientRecord
from fitnote_desktop.ui import i18n, workers
from fitnote_desktop.ui.widgets import DateField, FieldMessage


class ExternalProlongationDialog(QDialog):
    def __init__(
        self, services: Services, patient: PatientRecord, parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self.setObjectName("externalDialog")
        self.services = services
        self.patient = patient
        self.result_record: DocumentRecord | None = None
        self.setWindowTitle(self.tr("Prolong a certificate from elsewhere"))
        intro = QLabel(
            self.tr(
                "Type the reference printed on the patient's copy. With the patient's consent "
                "the episode is fetched; offline, the draft is made from the paper copy."
            ),
            self,
        )
        intro.setWordWrap(True)
        self.reference = QLineEdit(self)
        self.reference.setAccessibleName(self.tr("Reference of the certificate"))
        self.begin = DateField(today=services.today)
        self.begin.setAccessibleName(self.tr("Start of that certificate"))
        self.end = DateField(today=services.today)
        self.end.setAccessibleName(self.tr("End of that certificate"))
        self.riziv = QLineEdit(self)
        self.riziv.setAccessibleName(self.tr("RIZIV number of its author"))
        self.consent = QCheckBox(self.tr("The patient agrees that I fetch this episode"), self)
        self.consent_ref = QLineEdit(self)
        self.consent_ref.setAccessibleName(self.tr("Consent reference"))
        self.message = FieldMessage(self)
        dates = QHBoxLayout()
        dates.addWidget(self.begin)
        dates.addWidget(QLabel("–"))
        dates.addWidget(self.end)
        dates.addStretch(1)
        form = QFormLayout()
        form.addRow(self.tr("Reference"), self.reference)
        form.addRow(self.tr("Its period (paper copy)"), dates)
        form.addRow(self.tr("Author's RIZIV number"), self.riziv)
        form.addRow("", self.consent)
        form.addRow(self.tr("Consent reference"), self.consent_ref)
        self.fetch = QPushButton(self.tr("Fetch episode and prolong"), self)
        self.fetch.setObjectName("primary")
        self.fetch.clicked.connect(lambda: self._make(fetch=True))
        self.offline = QPushButton(self.tr("Draft from the paper copy"), self)
        self.offline.clicked.connect(lambda: self._make(fetch=False))
        cancel = QPushButton(self.tr("Cancel"), self)
        cancel.clicked.connect(self.reject)
        buttons = QHBoxLayout()  # long labels in French/German: no squeezed button box
        buttons.addWidget(cancel)
        buttons.addStretch(1)
        buttons.addWidget(self.offline)
        buttons.addWidget(self.fetch)
        layout = QVBoxLayout(self)
        layout.addWidget(intro)
        layout.addLayout(form)
        layout.addWidget(self.message)
        layout.addLayout(buttons)
        self.setMinimumWidth(640)

    def _make(self, *, fetch: bool) -> None:
        """Fetching talks to the platform (and may ask the PIN): off the UI thread."""
        args = {
            "reference": self.reference.text(),
            "previous_begin": self.begin.value(),
            "previous_end": self.end.value(),
            "previous_author_riziv": self.riziv.text().strip(),
            "consent": self.consent.isChecked(),
            "consent_reference": self.consent_ref.text().strip(),
            "fetch": fetch,
        }
        patient_id = self.patient.id
        for b in (self.fetch, self.offline):
            b.setEnabled(False)

        def done(record: DocumentRecord) -> None:
            self.result_record = record
            self.accept()

        def failed(exc: BaseException) -> None:
            for b in (self.fetch, self.offline):
                b.setEnabled(True)
            code = getattr(exc, "code", None) or "app.unexpected"
            params = getattr(exc, "params", {}) or {}
            self.message.show_messages([(Severity.ERROR, i18n.text(code, **params))])

        workers.start(
            lambda _p: self.services.follow_ups.prolong_external(patient_id, **args),
            done=done,
            failed=failed,
        )
