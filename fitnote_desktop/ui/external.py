"""Prolong a certificate issued elsewhere: the specialist continues the GP's certificate.

The physician types (or pastes) the reference printed on the patient's copy and
records the patient's consent; online, the episode is fetched from the endpoint and the
prolongation is prefilled from it; offline (or if the fetch fails), the draft is made
from the paper copy's dates and can be linked once back online. A KMEHR file from the
other physician's EMR (opened or dropped on the dialog) fills the fields and prefills
the prolongation from the certificate it holds.
"""

from __future__ import annotations

import itertools
from functools import partial
from pathlib import Path

from PySide6.QtGui import QDragEnterEvent, QDropEvent
from PySide6.QtWidgets import (
    QCheckBox,
    QDialog,
    QFileDialog,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from fitnote_desktop.domain.findings import Severity
from fitnote_desktop.domain.model import Document
from fitnote_desktop.services import ServiceError, Services
from fitnote_desktop.services.ports import DocumentRecord, PatientRecord
from fitnote_desktop.ui import i18n, workers
from fitnote_desktop.ui.widgets import DateField, FieldMessage, date_range


class ExternalProlongationDialog(QDialog):
    def __init__(
        self, services: Services, patient: PatientRecord, parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self.setObjectName("externalDialog")
        self.services = services
        self.patient = patient
        self.result_record: DocumentRecord | None = None
        self.imported: Document | None = None  # the certificate of an opened KMEHR file
        self.setAcceptDrops(True)
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
        self.open_kmehr = QPushButton(self.tr("Open a KMEHR file…"), self)
        self.open_kmehr.setToolTip(self.tr("Or drop the file on this window"))
        self.open_kmehr.clicked.connect(self.choose_kmehr)
        dates = date_range(self.begin, self.end)
        form = QFormLayout()
        form.addRow(self.tr("Reference"), self.reference)
        period = QLabel(self.tr("Its period (paper copy)"), self)
        period.setBuddy(self.begin.line)
        form.addRow(period, dates)
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
        layout.addWidget(self.open_kmehr)
        layout.addLayout(form)
        layout.addWidget(self.message)
        layout.addLayout(buttons)
        self.setMinimumWidth(640)
        chain = [self.open_kmehr, self.reference, self.begin.line, self.begin.button]
        chain += [self.end.line, self.end.button, self.riziv, self.consent, self.consent_ref]
        chain += [cancel, self.offline, self.fetch]
        for first, second in itertools.pairwise(chain):  # Tab follows the screen
            QWidget.setTabOrder(first, second)

    def choose_kmehr(self) -> None:
        path, _ = QFileDialog.getOpenFileName(
            self, self.tr("Open a KMEHR file"), "", self.tr("KMEHR message (*.xml)")
        )
        if path:
            self.load_kmehr(Path(path))

    def load_kmehr(self, path: Path) -> None:
        """Fill the fields from the certificate the file holds (the patient must match)."""
        try:
            data = path.read_bytes()
            document = self.services.follow_ups.read_kmehr(self.patient.id, data)
        except OSError:
            self._error("kmehr.bad_xml", {})
            return
        except ServiceError as exc:
            self._error(exc.code, exc.params)
            return
        self.imported = document
        period = document.period
        self.reference.setText(str(document.id))
        self.begin.set_value(period.begin if period else None)
        self.end.set_value(period.end if period else None)
        self.riziv.setText(document.author.riziv)
        self.message.show_messages(
            [
                (
                    Severity.WARNING,
                    self.tr("Filled in from the KMEHR file: check, then make the draft."),
                )
            ]
        )

    def dragEnterEvent(self, event: QDragEnterEvent) -> None:
        if event.mimeData().hasUrls():
            event.acceptProposedAction()

    def dropEvent(self, event: QDropEvent) -> None:
        urls = [u for u in event.mimeData().urls() if u.isLocalFile()]
        if urls:
            self.load_kmehr(Path(urls[0].toLocalFile()))
            event.acceptProposedAction()

    def _error(self, code: str, params: dict[str, object]) -> None:
        self.message.show_messages([(Severity.ERROR, i18n.text(code, **params))])

    def _make(self, *, fetch: bool) -> None:
        """Fetching talks to the platform (and may ask the PIN): off the UI thread."""
        make = partial(  # the inputs are read here, on the UI thread
            self.services.follow_ups.prolong_external,
            self.patient.id,
            reference=self.reference.text(),
            previous_begin=self.begin.value(),
            previous_end=self.end.value(),
            previous_author_riziv=self.riziv.text().strip(),
            consent=self.consent.isChecked(),
            consent_reference=self.consent_ref.text().strip(),
            fetch=fetch,
            imported=self.imported,
        )
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
            lambda _p: make(),
            done=done,
            failed=failed,
        )
