"""The certificate a prolongation continues or a relapse follows: reference and period."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QFormLayout, QLineEdit, QWidget

from fitnote_desktop.domain.model import (
    CertificateKind,
    Document,
    DocumentKind,
    IncapacityCertificate,
)
from fitnote_desktop.ui.editor.fields import QT_TRANSLATE_NOOP
from fitnote_desktop.ui.editor.section import EditorSection, Today
from fitnote_desktop.ui.widgets import DateField, date_range

translate = QCoreApplication.translate


class PreviousSection(EditorSection):
    key = "previous"
    title_source = QT_TRANSLATE_NOOP("DocumentEditor", "Previous certificate")
    kinds = frozenset({DocumentKind.INCAPACITY})

    def __init__(self, today: Today, parent: QWidget | None = None) -> None:
        super().__init__(today, parent)
        self.prev_ref = QLineEdit()
        self.prev_begin = DateField(today=today)
        self.prev_end = DateField(today=today)
        dates = date_range(self.prev_begin, self.prev_end)
        form = QFormLayout()
        self.add_rows(form, {"prev_begin": dates})
        self.body.addLayout(form)
        self._kind = CertificateKind.PROLONGATION

    def applies(self, document: Document) -> bool:
        body = document.body
        return (
            isinstance(body, IncapacityCertificate)
            and body.certificate_kind is not CertificateKind.INITIAL
        )

    def load(self, document: Document) -> None:
        super().load(document)
        if isinstance(document.body, IncapacityCertificate):
            self._kind = document.body.certificate_kind
            self._retitle()

    def _retitle(self) -> None:
        self.set_title(
            translate("DocumentEditor", "Continues the certificate")
            if self._kind is CertificateKind.PROLONGATION
            else translate("DocumentEditor", "Relapse after the certificate")
        )

    def retranslate(self) -> None:
        super().retranslate()
        self._retitle()
