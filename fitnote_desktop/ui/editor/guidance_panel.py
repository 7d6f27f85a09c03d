"""Duration guidance beside the period: the usual range for the diagnosis's group, its
source, the episode's total when it runs longer, and the justification for the advising
physician.

The panel follows the document after each validation (``follow``): the group comes from
the main diagnosis, the warning from the ``guidance.duration_exceeded`` finding that the
domain validation emits over the whole episode. The justification row shows when that
warning does, or when the field is filled. F2 (the window's action) opens the group's
pathology sheet in the UI language (:class:`SheetDialog`).
"""

from __future__ import annotations

import html

from PySide6.QtCore import QCoreApplication, QEvent, QSize, Qt
from PySide6.QtGui import QResizeEvent
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QTextBrowser,
    QVBoxLayout,
    QWidget,
)

from fitnote_desktop.domain.findings import Finding
from fitnote_desktop.domain.guidance import (
    DurationGuidance,
    document_group,
    guidance_for_group,
    sheet_markdown,
)
from fitnote_desktop.domain.model import Document, IncapacityCertificate
from fitnote_desktop.domain.pathology import group_label
from fitnote_desktop.ui import i18n
from fitnote_desktop.ui.editor.section import row_label, with_message

translate = QCoreApplication.translate
EXCEEDED = "guidance.duration_exceeded"
JUSTIFICATION = "body.duration_justification"


class GuidancePanel(QWidget):
    """The guidance line, the sheet button, and the justification row (hidden until due)."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("guidancePanel")
        self.group: str | None = None
        self.guidance: DurationGuidance | None = None
        self.exceeded: Finding | None = None
        self.info = QLabel(self)
        self.info.setObjectName("hint")
        self.info.setWordWrap(True)
        self.info.setTextFormat(Qt.TextFormat.RichText)
        self.info.setOpenExternalLinks(True)
        self.sheet_button = QPushButton(self)
        self.sheet_button.setObjectName("chip")
        self.sheet_button.clicked.connect(self.open_sheet)
        # the justification is a row of the period's form, placed there by ``place``
        self.justification = QLineEdit()
        self.justification_label = row_label()
        self.justification_label.setBuddy(self.justification)
        self.justification_row, self.message = with_message(self.justification)
        self._form: QFormLayout | None = None
        box = QVBoxLayout(self)
        box.setContentsMargins(0, 0, 0, 4)
        box.setSpacing(4)
        box.addWidget(self.info)
        box.addWidget(self.sheet_button, 0, Qt.AlignmentFlag.AlignLeft)
        self.retranslate()

    def sizeHint(self) -> QSize:
        """As tall as the wrapped text needs at the width the form gives: the form asks
        the size hint, which a wrapped label guesses for a narrower width (too tall)."""
        hint = super().sizeHint()
        if self.width() > 0:
            hint.setHeight(self.heightForWidth(self.width()))
        return hint

    def resizeEvent(self, event: QResizeEvent) -> None:
        super().resizeEvent(event)
        if event.size().width() != event.oldSize().width():
            self.updateGeometry()  # the height follows the new width

    def place(self, form: QFormLayout, row: int) -> None:
        """Put the guidance line (field column) and the justification row into ``form``."""
        form.insertRow(row, "", self)
        form.insertRow(row + 1, self.justification_label, self.justification_row)
        self._form = form
        self.show_guidance(None, None)

    # ------------------------------------------------------------------ document
    def load(self, document: Document) -> None:
        body = document.body
        text = body.duration_justification if isinstance(body, IncapacityCertificate) else None
        self.justification.setText(text or "")

    def value(self) -> str | None:
        """The justification as the model keeps it (None when empty)."""
        return self.justification.text().strip() or None

    def follow(self, document: Document, findings: list[Finding]) -> None:
        group = document_group(document)
        exceeded = next((f for f in findings if f.code == EXCEEDED), None)
        self.show_guidance(group, exceeded)

    def show_guidance(self, group: str | None, exceeded: Finding | None) -> None:
        self.group = group
        self.guidance = guidance_for_group(group) if group is not None else None
        self.exceeded = exceeded if self.guidance is not None else None
        if self._form is not None:
            self._form.setRowVisible(self, group is not None)
            justify = self.exceeded is not None or bool(self.justification.text())
            self._form.setRowVisible(self.justification_row, justify)
        self._show_info()

    def _show_info(self) -> None:
        guidance, group = self.guidance, self.group
        if guidance is None or group is None:
            self.info.clear()
            return
        lang = i18n.current_language()
        usual = (
            translate("GuidancePanel", "%1: usually %2–%3 days.")
            .replace("%1", html.escape(group_label(group, lang)))
            .replace("%2", str(guidance.min_days))
            .replace("%3", str(guidance.max_days))
        )
        if guidance.source is None:
            source = translate("GuidancePanel", "Source: fitnote team, clinical review pending.")
        else:
            link = (
                f'<a href="{html.escape(guidance.source.url, quote=True)}">'
                f"{html.escape(guidance.source.citation())}</a>"
            )
            source = translate("GuidancePanel", "Source: %1.").replace("%1", link)
        lines = [f"<b>{usual}</b>", source]
        if self.exceeded is not None:
            days = int(self.exceeded.params.get("days", 0))  # always more than a week
            total = translate("GuidancePanel", "This episode: %1 days, longer than usual.").replace(
                "%1", str(days)
            )
            lines.append(f'<span style="color:#9a5b00"><b>{html.escape(total)}</b></span>')
        self.info.setText("<br>".join(lines))
        self.updateGeometry()

    # ------------------------------------------------------------------ sheet
    def open_sheet(self) -> bool:
        """Show the group's pathology sheet (F2); False when the diagnosis has no group."""
        if self.group is None or not self.isVisible():
            return False
        SheetDialog(self.group, i18n.current_language(), self.window()).exec()
        return True

    # ------------------------------------------------------------------ texts
    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)

    def retranslate(self) -> None:
        self.sheet_button.setText(translate("GuidancePanel", "Pathology sheet (F2)"))
        self.sheet_button.setAccessibleName(translate("GuidancePanel", "Pathology sheet"))
        self.justification_label.setText(
            translate("GuidancePanel", "&Justification of the duration")
        )
        self.justification.setAccessibleName(
            translate("GuidancePanel", "Justification of the duration")
        )
        self.justification.setPlaceholderText(
            translate("GuidancePanel", "Why this episode needs more time")
        )
        self.message.set_hint(
            translate("DocumentEditor", "Only the advising physician sees this justification.")
        )
        self._show_info()


class SheetDialog(QDialog):
    """A pathology sheet (markdown from ``resources/guidance/sheets``), read-only."""

    def __init__(self, group: str, lang: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("sheetDialog")
        self.setWindowTitle(
            translate("GuidancePanel", "Pathology sheet: %1").replace(
                "%1", group_label(group, lang)
            )
        )
        self.browser = QTextBrowser(self)
        self.browser.setOpenExternalLinks(True)
        self.browser.setMarkdown(sheet_markdown(group, lang))
        self.browser.document().setDocumentMargin(12)
        self.browser.setAccessibleName(translate("GuidancePanel", "Pathology sheet"))
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close, self)
        buttons.rejected.connect(self.reject)
        close = buttons.button(QDialogButtonBox.StandardButton.Close)
        close.setText(translate("GuidancePanel", "Close"))
        box = QVBoxLayout(self)
        box.addWidget(self.browser, 1)
        box.addWidget(buttons)
        self.resize(640, 480)
        self.browser.setFocus()
