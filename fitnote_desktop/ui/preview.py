"""Preview, save and print the PDF copies, one per recipient.

The PDF bytes stay in memory: pages are rasterised by poppler's ``pdftoppm`` through
pipes (stdin → stdout), so no medical document is ever written to a temporary file.
Saving is an explicit choice of the physician. Where poppler is not installed the
dialog still offers saving.

The employer's copy can also be shown as the two-column Dutch + French copy (what the
employer receives when its language is unknown); the language chosen for the employer's
copy is remembered for the session, on the main window, which a lock destroys.
"""

from __future__ import annotations

import shutil
import subprocess

from PySide6.QtCore import QEvent, Qt
from PySide6.QtGui import QImage, QPainter, QPixmap
from PySide6.QtPrintSupport import QPrintDialog, QPrinter
from PySide6.QtWidgets import (
    QDialog,
    QFileDialog,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QScrollArea,
    QVBoxLayout,
    QWidget,
)

from fitnote_desktop.domain.model import Document, Language, Recipient
from fitnote_desktop.services import ServiceError, Services
from fitnote_desktop.ui import i18n, labels
from fitnote_desktop.ui.widgets import ChoiceBox

PREVIEW_DPI = 80
PRINT_DPI = 200
BILINGUAL = "nl+fr"  # the two-column copy, one language per column
EMPLOYER_LANGUAGE = "employerCopyLanguage"  # the session's choice, a property of the window


def employer_copy_language(document: Document) -> str:
    """The employer copy's usual language: the employer's, else both national languages
    (as ``documents.copies.copy_language`` prints it when no language is chosen)."""
    employment = document.employment
    if employment is None or employment.employer_language is None:
        return BILINGUAL
    return employment.employer_language.value


_IEND = b"\x00\x00\x00\x00IEND\xaeB`\x82"  # the fixed last chunk of every PNG


def rasterise(pdf: bytes, dpi: int) -> list[QImage]:
    """Every page of ``pdf`` as an image, through pipes only (empty when unavailable).

    ``pdftoppm`` reads the PDF from stdin and, without an output name, writes the PNG
    of each page to stdout one after the other; they are split at each PNG's end chunk.
    """
    exe = shutil.which("pdftoppm")
    if exe is None:
        return []
    try:
        proc = subprocess.run(
            [exe, "-png", "-r", str(dpi), "-"],
            input=pdf,
            capture_output=True,
            timeout=60,
            check=False,
        )
    except (OSError, subprocess.TimeoutExpired):
        return []
    if proc.returncode != 0:
        return []
    pages: list[QImage] = []
    data, start = proc.stdout, 0
    while True:
        end = data.find(_IEND, start)
        if end < 0:
            break
        end += len(_IEND)
        image = QImage()
        if image.loadFromData(data[start:end], "PNG"):
            pages.append(image)
        start = end
    return pages


class PreviewDialog(QDialog):
    def __init__(self, services: Services, document_id: str, parent: QWidget | None = None):
        super().__init__(parent)
        self.setObjectName("previewDialog")
        self.services = services
        self.document_id = document_id
        self.pdf: bytes = b""
        record = services.drafts.get(document_id)
        self.document = record.document
        self.recipient = ChoiceBox(self)
        for r in record.document.recipients or tuple(Recipient):
            self.recipient.addItem("", r.value)
        self.language = ChoiceBox(self)
        self._fill_languages()
        self.pages = QVBoxLayout()
        self.pages.setAlignment(Qt.AlignmentFlag.AlignHCenter)
        holder = QWidget(self)
        holder.setLayout(self.pages)
        self.scroll_area = QScrollArea(self)
        self.scroll_area.setWidgetResizable(True)
        self.scroll_area.setWidget(holder)
        self.message = QLabel(self)
        self.message.setWordWrap(True)
        self.save = QPushButton(self)
        self.save.clicked.connect(self._save)
        self.print = QPushButton(self)
        self.print.clicked.connect(self._print)
        self.close_button = QPushButton(self)
        self.close_button.clicked.connect(self.accept)
        top = QHBoxLayout()
        self.recipient_label = QLabel(self)
        self.language_label = QLabel(self)
        top.addWidget(self.recipient_label)
        top.addWidget(self.recipient)
        top.addWidget(self.language_label)
        top.addWidget(self.language)
        top.addStretch(1)
        top.addWidget(self.save)
        top.addWidget(self.print)
        top.addWidget(self.close_button)
        layout = QVBoxLayout(self)
        layout.addLayout(top)
        layout.addWidget(self.message)
        layout.addWidget(self.scroll_area, 1)
        self.recipient.currentIndexChanged.connect(self._recipient_changed)
        self.language.currentIndexChanged.connect(self._language_changed)
        self.retranslate()
        self.resize(820, 900)
        self.render_pages()

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)

    def retranslate(self) -> None:
        self.setWindowTitle(self.tr("PDF copies"))
        self.recipient_label.setText(self.tr("Copy for"))
        self.language_label.setText(self.tr("Language"))
        for i in range(self.recipient.count()):
            self.recipient.setItemText(
                i, labels.recipient_short(Recipient(self.recipient.itemData(i)))
            )
        for i in range(self.language.count()):
            self.language.setItemText(i, self._language_label(self.language.itemData(i)))
        self.save.setText(self.tr("Save PDF…"))
        self.print.setText(self.tr("Print…"))
        self.close_button.setText(self.tr("Close"))
        self.recipient.setAccessibleName(self.tr("Copy for"))
        self.language.setAccessibleName(self.tr("Language"))

    def _language_label(self, value: str) -> str:
        if value == BILINGUAL:
            return self.tr("Dutch and French, side by side")
        return labels.language(value)

    def _for_employer(self) -> bool:
        return self.recipient.currentData() == Recipient.EMPLOYER.value

    def _fill_languages(self) -> None:
        """The four languages, and the two-column copy for the employer; the employer's
        copy opens in the language chosen this session, else in its usual one."""
        self.language.blockSignals(True)
        self.language.clear()
        values = [lang.value for lang in Language]
        if self._for_employer():
            values.append(BILINGUAL)
        for value in values:
            self.language.addItem(self._language_label(value), value)
        wanted = self.document.language.value
        if self._for_employer():
            remembered = self._remembered()
            wanted = remembered or employer_copy_language(self.document)
        self.language.setCurrentIndex(max(0, self.language.findData(wanted)))
        self.language.blockSignals(False)

    def _remembered(self) -> str | None:
        parent = self.parentWidget()
        value = parent.property(EMPLOYER_LANGUAGE) if parent is not None else None
        return value if isinstance(value, str) else None

    def _recipient_changed(self) -> None:
        self._fill_languages()
        self.render_pages()

    def _language_changed(self) -> None:
        parent = self.parentWidget()
        if self._for_employer() and parent is not None:
            parent.setProperty(EMPLOYER_LANGUAGE, self.language.currentData())
        self.render_pages()

    def render_pages(self) -> None:
        while self.pages.count():
            item = self.pages.takeAt(0)
            page = item.widget() if item is not None else None
            if page is not None:
                page.hide()  # gone now, not at the next turn of the event loop
                page.deleteLater()
        try:
            self.pdf = self.services.copies.render(
                self.document_id,
                Recipient(self.recipient.currentData()),
                self.language.currentData(),
            )
        except ServiceError as exc:
            self.pdf = b""
            self.message.setText(i18n.text(exc.code, **exc.params))
            self.save.setEnabled(False)
            self.print.setEnabled(False)
            return
        self.save.setEnabled(True)
        images = rasterise(self.pdf, PREVIEW_DPI)
        self.print.setEnabled(bool(images))
        self.message.setText(
            "" if images else self.tr("No preview on this computer; save the PDF to open it.")
        )
        for image in images:
            page = QLabel()
            page.setPixmap(QPixmap.fromImage(image))
            page.setStyleSheet("border: 1px solid #d1d5db; background: white;")
            self.pages.addWidget(page)

    def _save(self) -> None:
        if not self.pdf:
            return
        name = f"{self.recipient.currentData()}-{self.language.currentData()}.pdf"
        path, _ = QFileDialog.getSaveFileName(self, self.tr("Save PDF"), name, "PDF (*.pdf)")
        if path:
            with open(path, "wb") as fh:
                fh.write(self.pdf)

    def _print(self) -> None:
        printer = QPrinter(QPrinter.PrinterMode.HighResolution)
        if QPrintDialog(printer, self).exec() != QDialog.DialogCode.Accepted:
            return
        images = rasterise(self.pdf, PRINT_DPI)
        painter = QPainter(printer)
        try:
            for i, image in enumerate(images):
                if i:
                    printer.newPage()
                rect = printer.pageLayout().paintRectPixels(printer.resolution())
                scaled = image.scaled(
                    rect.size(),
                    Qt.AspectRatioMode.KeepAspectRatio,
                    Qt.TransformationMode.SmoothTransformation,
                )
                painter.drawImage(0, 0, scaled)
        finally:
            painter.end()
