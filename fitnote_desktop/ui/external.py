"""Prolong a certificate issued elsewhere: the specialist continues the GP's certificate.

The physician types, pastes or scans the reference printed on the patient's copy and
records the patient's consent. A barcode scanner types the QR code's payload (the
verification address, or the older ``fitnote:verify?`` URI) followed by Enter: Enter in
the reference field reads the reference and moves on, it never presses a button. Online,
the episode is fetched from the endpoint and the prolongation is prefilled from it;
offline (or if the fetch fails), the draft is made from the paper copy's dates and can
be linked once back online. A KMEHR file from the other physician's EMR (opened or
dropped on the dialog) fills the fields and prefills the prolongation from the
certificate it holds.
"""

from __future__ import annotations

import itertools
from functools import partial
from pathlib import Path

from PySide6.QtCore import QEvent, QObject, Qt
from PySide6.QtGui import QDragEnterEvent, QDropEvent, QKeyEvent
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
from fitnote_desktop.domain.identifiers import compact, riziv_error
from fitnote_desktop.domain.model import Document
from fitnote_desktop.domain.reference import parse_reference
from fitnote_desktop.services import ServiceError, Services
from fitnote_desktop.services.ports import DocumentRecord, PatientRecord
from fitnote_desktop.ui import i18n, workers
from fitnote_desktop.ui.widgets import DateField, FieldMessage, date_range, mark

_ENTER_KEYS = (Qt.Key.Key_Return, Qt.Key.Key_Enter)
MESSAGE_LINES = 2  # room kept under a checked field: a message never pushes the form down


def keep_room(message: FieldMessage) -> FieldMessage:
    """Reserve ``MESSAGE_LINES`` lines for ``message`` even while it is hidden, so that
    the fields below do not move when it appears (a click would land elsewhere)."""
    policy = message.sizePolicy()
    policy.setRetainSizeWhenHidden(True)
    message.setSizePolicy(policy)
    message.setMinimumHeight(MESSAGE_LINES * message.fontMetrics().lineSpacing())
    return message


def add_checked_row(
    form: QFormLayout, label: QLabel, field: QWidget, message: FieldMessage
) -> None:
    """A form row whose field has its message underneath, in room kept for it."""
    label.setBuddy(field)
    box = QVBoxLayout()
    box.setSpacing(2)
    box.addWidget(field)
    box.addWidget(keep_room(message))
    form.addRow(label, box)


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
        self.reference.setToolTip(self.tr("Type it, paste it or scan the copy's QR code"))
        self.reference.installEventFilter(self)  # Enter from a scanner: read, move on
        self.reference.editingFinished.connect(self.read_reference)
        self.reference_msg = FieldMessage(self)
        self.begin = DateField(today=services.today)
        self.begin.setAccessibleName(self.tr("Start of that certificate"))
        self.end = DateField(today=services.today)
        self.end.setAccessibleName(self.tr("End of that certificate"))
        self.riziv = QLineEdit(self)
        self.riziv.setAccessibleName(self.tr("RIZIV number of its author"))
        self.riziv.textChanged.connect(self._check_riziv)
        self.riziv_msg = FieldMessage(self)
        self.consent = QCheckBox(self.tr("The patient agrees that I fetch this episode"), self)
        self.consent_ref = QLineEdit(self)
        self.consent_ref.setAccessibleName(self.tr("Consent reference"))
        self.message = FieldMessage(self)
        self.open_kmehr = QPushButton(self.tr("Open a KMEHR file…"), self)
        self.open_kmehr.setToolTip(self.tr("Or drop the file on this window"))
        self.open_kmehr.clicked.connect(self.choose_kmehr)
        dates = date_range(self.begin, self.end)
        form = QFormLayout()
        reference = QLabel(self.tr("Reference"), self)
        add_checked_row(form, reference, self.reference, self.reference_msg)
        period = QLabel(self.tr("Its period (paper copy)"), self)
        period.setBuddy(self.begin.line)
        form.addRow(period, dates)
        riziv = QLabel(self.tr("Author's RIZIV number"), self)
        add_checked_row(form, riziv, self.riziv, self.riziv_msg)
        form.addRow("", self.consent)
        form.addRow(self.tr("Consent reference"), self.consent_ref)
        self.fetch = QPushButton(self.tr("Fetch episode and prolong"), self)
        self.fetch.setObjectName("primary")
        self.fetch.setDefault(True)  # Enter outside the reference field fetches
        self.fetch.clicked.connect(lambda: self._make(fetch=True))
        self.offline = QPushButton(self.tr("Draft from the paper copy"), self)
        self.offline.clicked.connect(lambda: self._make(fetch=False))
        cancel = QPushButton(self.tr("Cancel"), self)
        cancel.clicked.connect(self.reject)
        for button in (self.open_kmehr, self.offline, cancel):  # never Enter's target
            button.setAutoDefault(False)
        buttons = QHBoxLayout()  # long labels in French/German: no squeezed button box
        buttons.addWidget(cancel)
        buttons.addStretch(1)
        buttons.addWidget(self.offline)
        buttons.addWidget(self.fetch)
        self.column = layout = QVBoxLayout(self)
        layout.addWidget(intro)
        layout.addWidget(self.open_kmehr)
        layout.addLayout(form)
        layout.addWidget(self.message)
        layout.addStretch(1)  # room the dialog gains goes here: the fields stay in place
        layout.addLayout(buttons)
        self.setMinimumWidth(700)  # a field's message fits the two lines kept for it
        chain = [self.open_kmehr, self.reference, self.begin.line, self.begin.button]
        chain += [self.end.line, self.end.button, self.riziv, self.consent, self.consent_ref]
        chain += [cancel, self.offline, self.fetch]
        for first, second in itertools.pairwise(chain):  # Tab follows the screen
            QWidget.setTabOrder(first, second)
        self.reference.setFocus()  # the dialog opens ready for a scan or the typed reference

    def _say(self, where: FieldMessage, items: list[tuple[Severity, str]]) -> None:
        """Show ``items`` in ``where`` and grow the dialog (never shrink it) so the whole
        message shows: a dialog does not follow its wrapped labels' height by itself."""
        where.show_messages(items)
        layout = self.column
        layout.activate()
        if layout.hasHeightForWidth():
            needed = layout.heightForWidth(self.width())
        else:
            needed = layout.minimumSize().height()
        if needed > self.height():
            self.resize(self.width(), needed)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        """Enter in the reference field (a scanner ends with it) reads the reference and
        moves to the next field; it must not press the default button first."""
        if (
            watched is self.reference
            and event.type() == QEvent.Type.KeyPress
            and isinstance(event, QKeyEvent)
            and event.key() in _ENTER_KEYS
        ):
            if self.read_reference():
                self.begin.line.setFocus(Qt.FocusReason.TabFocusReason)
            return True
        return super().eventFilter(watched, event)

    def read_reference(self) -> bool:
        """Show the typed, pasted or scanned reference as printed (``<id> · <hash>``).

        The printed reference, the QR code's verification address and the older
        ``fitnote:verify?`` URI all read; anything else is kept as typed (a certificate
        from another software has its own numbering) with a warning under the field.
        """
        text = self.reference.text().strip()
        if not text:
            self._say(self.reference_msg, [])
            return False
        try:
            parsed = parse_reference(text, require_hash=False)
        except ValueError:
            warning = i18n.text("external.reference_unreadable")
            self._say(self.reference_msg, [(Severity.WARNING, warning)])
            mark(self.reference, "warning")
            return False
        self.reference.setText(str(parsed))
        self._say(self.reference_msg, [])
        mark(self.reference, "")
        return True

    def _reference_for_service(self) -> str:
        """The certificate's id when the reference reads, else the text as typed."""
        text = self.reference.text().strip()
        try:
            return str(parse_reference(text, require_hash=False).id)
        except ValueError:
            return text

    def _check_riziv(self) -> None:
        """The author's RIZIV number is checked as typed: what is wrong, once it shows."""
        text = self.riziv.text()
        code = riziv_error(text) if text.strip() else None
        typed = len(compact(text))
        show = code is not None and (typed >= 11 or code not in ("riziv.format", "riziv.missing"))
        self._say(self.riziv_msg, [(Severity.ERROR, i18n.text(code))] if show and code else [])
        mark(self.riziv, "error" if show else "")

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
        self.read_reference()
        self.begin.set_value(period.begin if period else None)
        self.end.set_value(period.end if period else None)
        self.riziv.setText(document.author.riziv)
        self._say(
            self.message,
            [
                (
                    Severity.WARNING,
                    self.tr("Filled in from the KMEHR file: check, then make the draft."),
                )
            ],
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
        self._say(self.message, [(Severity.ERROR, i18n.text(code, **params))])

    def _make(self, *, fetch: bool) -> None:
        """Fetching talks to the platform (and may ask the PIN): off the UI thread."""
        make = partial(  # the inputs are read here, on the UI thread
            self.services.follow_ups.prolong_external,
            self.patient.id,
            reference=self._reference_for_service(),
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
            self._say(self.message, [(Severity.ERROR, i18n.text(code, **params))])

        workers.start(
            lambda _p: make(),
            done=done,
            failed=failed,
        )
