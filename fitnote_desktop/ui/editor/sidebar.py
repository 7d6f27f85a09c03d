"""The side panel: the checklist of findings, or for a signed document what happened
and what may come next (the follow-ups the domain's lifecycle allows)."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, QEvent, Qt, Signal
from PySide6.QtWidgets import (
    QFrame,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QStyle,
    QVBoxLayout,
    QWidget,
)

from fitnote_desktop.domain.findings import Finding, Severity
from fitnote_desktop.domain.lifecycle import Action, allowed_actions
from fitnote_desktop.services.ports import DocumentRecord
from fitnote_desktop.ui import i18n, labels
from fitnote_desktop.ui.editor.fields import QT_TRANSLATE_NOOP

translate = QCoreApplication.translate

FOLLOW_UPS = ("prolong", "relapse", "replace", "duplicate", "retract")


class Sidebar(QFrame):
    """Emits ``finding_chosen(path)`` when the physician picks an entry of the checklist."""

    finding_chosen = Signal(str)
    follow_up_requested = Signal(str)
    preview_requested = Signal()
    sign_requested = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("findingsPanel")
        self.setFixedWidth(
            max(280, 28 * self.fontMetrics().averageCharWidth())
        )  # grows with the font
        self.side_title = QLabel(self)
        self.side_title.setObjectName("sectionTitle")
        self.side_title.setWordWrap(True)
        self.findings_list = QListWidget(self)
        self.findings_list.setWordWrap(True)
        self.findings_list.itemActivated.connect(self._chosen)
        self.findings_list.itemClicked.connect(self._chosen)
        self.signed_info = QLabel(self)
        self.signed_info.setWordWrap(True)
        self.signed_info.setObjectName("signedInfo")
        self.preview_button = QPushButton(self)
        self.preview_button.clicked.connect(self.preview_requested)
        self.sign_button = QPushButton(self)
        self.sign_button.setObjectName("primary")
        self.sign_button.clicked.connect(self.sign_requested)
        side = QVBoxLayout(self)
        side.setContentsMargins(12, 12, 12, 12)
        side.addWidget(self.side_title)
        side.addWidget(self.findings_list, 1)
        side.addWidget(self.signed_info)
        self.follow_buttons: dict[str, QPushButton] = {}
        for key in FOLLOW_UPS:
            button = QPushButton(self)
            button.clicked.connect(lambda _=False, k=key: self.follow_up_requested.emit(k))
            self.follow_buttons[key] = button
            side.addWidget(button)
        side.addStretch(0)
        side.addWidget(self.preview_button)
        side.addWidget(self.sign_button)
        style = self.style()
        self._icons = {
            Severity.ERROR: style.standardIcon(QStyle.StandardPixmap.SP_MessageBoxCritical),
            Severity.WARNING: style.standardIcon(QStyle.StandardPixmap.SP_MessageBoxWarning),
        }
        self.retranslate()

    def _chosen(self, item: QListWidgetItem) -> None:
        self.finding_chosen.emit(item.data(Qt.ItemDataRole.UserRole))

    def show_findings(
        self, findings: list[tuple[Finding, str, str]], record: DocumentRecord | None
    ) -> None:
        """The checklist and the title that sums it up.

        Each finding comes with its text and the name of its field: the entry shows the
        text and says "Field: text" (with "Error"/"Warning", not the icon's colour alone).
        """
        self.findings_list.clear()
        for finding, text, field_name in findings:
            item = QListWidgetItem(self._icons[finding.severity], text)
            item.setData(Qt.ItemDataRole.UserRole, finding.field)
            item.setToolTip(text)
            spoken = f"{field_name}: {text}" if field_name else text
            item.setData(Qt.ItemDataRole.AccessibleTextRole, spoken)
            item.setData(Qt.ItemDataRole.AccessibleDescriptionRole, self._severity(finding))
            self.findings_list.addItem(item)
        errors = sum(1 for f, _t, _n in findings if f.severity is Severity.ERROR)
        if errors:
            title = translate(
                "DocumentEditor", "%n point(s) to complete before signing", "", errors
            )
        elif findings:
            title = translate("DocumentEditor", "Ready to sign — please check the warnings")
        else:
            title = translate("DocumentEditor", "Ready to sign")
        self.side_title.setText(title)
        self.sign_button.setEnabled(record is not None and record.status.editable)
        self.show_signed(record)

    @staticmethod
    def _severity(finding: Finding) -> str:
        if finding.severity is Severity.ERROR:
            return translate("DocumentEditor", "Error")
        return translate("DocumentEditor", "Warning")

    def set_read_only(self, read_only: bool, record: DocumentRecord | None) -> None:
        """Signed: no checklist nor sign button, but the follow-ups the lifecycle allows."""
        self.sign_button.setVisible(not read_only)
        self.findings_list.setVisible(not read_only)
        self.signed_info.setVisible(read_only)
        allowed = (
            allowed_actions(record.document.kind, record.status) if record is not None else set()
        )
        for key, button in self.follow_buttons.items():
            button.setVisible(read_only and Action(key) in allowed)
        self.show_signed(record)

    def show_signed(self, record: DocumentRecord | None) -> None:
        if record is None or record.status.editable:
            return
        self.side_title.setText(labels.status(record.status))
        lines = []
        if record.signed_at is not None:
            at = record.signed_at.astimezone() if record.signed_at.tzinfo else record.signed_at
            signed = translate("DocumentEditor", "Signed on %1")
            lines.append(signed.replace("%1", at.strftime("%d/%m/%Y %H:%M")))
        if record.last_error and record.status.value in ("rejected", "queued"):
            lines.append(i18n.rejection_text(record.last_error))
        lines.append(translate("DocumentEditor", "Signed documents cannot be changed. What next?"))
        self.signed_info.setText("\n".join(lines))

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)

    def retranslate(self) -> None:
        self.preview_button.setText(translate("DocumentEditor", "Preview PDF"))
        self.preview_button.setToolTip(translate("DocumentEditor", "Preview the copies (Ctrl+P)"))
        self.sign_button.setText(translate("DocumentEditor", "Sign && send"))
        self.sign_button.setToolTip(
            translate("DocumentEditor", "Sign with your eID and send (Ctrl+Enter)")
        )
        self.findings_list.setAccessibleName(translate("DocumentEditor", "Points to check"))
        for key, source in (
            ("prolong", QT_TRANSLATE_NOOP("DocumentEditor", "Prolong")),
            ("relapse", QT_TRANSLATE_NOOP("DocumentEditor", "Relapse")),
            ("replace", QT_TRANSLATE_NOOP("DocumentEditor", "Replace (correct)")),
            ("duplicate", QT_TRANSLATE_NOOP("DocumentEditor", "Duplicate as new")),
            ("retract", QT_TRANSLATE_NOOP("DocumentEditor", "Retract…")),
        ):
            self.follow_buttons[key].setText(translate("DocumentEditor", source))
