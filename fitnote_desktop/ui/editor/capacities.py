"""The fit-note's work capacities: one row per ICF code, added from the ICF picker.

The extent of each row reads in ICF notation with the capacity qualifier (``d430._2``);
an environmental factor (e-code) is graded as a barrier, never as something the patient
"can do".

Rows come and go, so their finding targets are made per row from the table's ``[*]``
fields (``{fit}.capacities[2].statement`` → the third row's statement).
"""

from __future__ import annotations

from dataclasses import replace

from PySide6.QtCore import QCoreApplication, Signal
from PySide6.QtWidgets import (
    QComboBox,
    QFrame,
    QGridLayout,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from fitnote_desktop.domain.icf import capacity_notation
from fitnote_desktop.domain.model import Document, DocumentKind, IcfCapacity, IncapacityCertificate
from fitnote_desktop.ui import i18n, icf_data, labels
from fitnote_desktop.ui.announce import announce
from fitnote_desktop.ui.editor import fields
from fitnote_desktop.ui.editor.fields import QT_TRANSLATE_NOOP
from fitnote_desktop.ui.editor.section import EditorSection, Today
from fitnote_desktop.ui.widgets import ChoiceBox, FieldMessage, TemplateLine

translate = QCoreApplication.translate


def extent_text(code: str, qualifier: int, lang: str) -> str:
    """An extent choice: the notation it writes, then its meaning in words.

    Activities carry the *capacity* qualifier (``d430._2``, what the patient can do);
    an environmental factor's qualifier grades a barrier (``e310.2``), never a capacity
    of the patient (a facilitator is described in the statement).
    """
    notation = capacity_notation(code, qualifier)
    rng = labels.qualifier_range(qualifier)
    if code.startswith("e"):
        q = icf_data.catalogue().qualifier(qualifier)
        grade = q.label(lang) if q is not None else labels.qualifier(qualifier)
        words = QCoreApplication.translate("CapacityRow", "barrier: %1").replace("%1", grade)
    else:
        words = icf_data.qualifier_words(qualifier, lang) or labels.qualifier(qualifier)
    return f"{notation}  {words}" + (f" ({rng})" if rng else "")


class CapacityRow(QFrame):
    """One ICF capacity: code and label, qualifier in words, the positive statement."""

    changed = Signal()
    remove_requested = Signal(object)

    def __init__(self, capacity: IcfCapacity, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("capacityRow")
        self.code = capacity.code
        self.code_label = QLabel(f"<b>{capacity.code}</b>", self)
        self.code_label.setMinimumWidth(48)
        self.name_label = QLabel(self)
        self.name_label.setWordWrap(True)
        # screen readers take a row's labels from these: the category names its extent,
        # the code its statement (the relations Orca reads; the names below elsewhere)
        self.qualifier = ChoiceBox(self)
        # long wordings must not widen the form: the popup shows them in full
        self.qualifier.setSizeAdjustPolicy(
            QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon
        )
        self.qualifier.setMinimumContentsLength(32)
        for q in labels.QUALIFIER_CODES:
            self.qualifier.addItem("", q)
        known = capacity.qualifier in labels.QUALIFIER_CODES
        self.qualifier.setCurrentIndex(
            labels.QUALIFIER_CODES.index(capacity.qualifier) if known else 0
        )
        self.statement = TemplateLine(capacity.statement, self)
        self.name_label.setBuddy(self.qualifier)
        self.code_label.setBuddy(self.statement)
        self.remove = QToolButton(self)
        self.remove.setText("✕")
        self.remove.clicked.connect(lambda: self.remove_requested.emit(self))
        self.message = FieldMessage(self)
        grid = QGridLayout(self)
        grid.setContentsMargins(8, 6, 8, 6)
        grid.addWidget(self.code_label, 0, 0)
        grid.addWidget(self.name_label, 0, 1)
        grid.addWidget(self.remove, 0, 2)
        # the extent on its own line: its notation and words are read in full
        grid.addWidget(self.qualifier, 1, 1)
        grid.addWidget(self.statement, 2, 1)
        grid.addWidget(self.message, 3, 1)
        grid.setColumnStretch(1, 1)
        self.qualifier.currentIndexChanged.connect(self.changed)
        self.qualifier.activated.connect(self._say_extent)
        self.qualifier.currentTextChanged.connect(self.qualifier.setToolTip)
        self.statement.textEdited.connect(self.changed)
        self.retranslate()

    def retranslate(self) -> None:
        lang = i18n.current_language()
        barrier = self.code.startswith("e")
        for i, q in enumerate(labels.QUALIFIER_CODES):
            self.qualifier.setItemText(i, extent_text(self.code, q, lang))
        self.qualifier.setToolTip(self.qualifier.currentText())
        self.name_label.setText(icf_data.label(self.code, lang))
        if barrier:
            self.statement.setPlaceholderText(
                self.tr("How this factor hinders or helps at work, e.g. noisy open-plan office")
            )
            name = self.tr("Extent of the barrier %1")
        else:
            self.statement.setPlaceholderText(
                self.tr("What the patient can do, e.g. can lift up to 5 kg")
            )
            name = self.tr("Extent of difficulty for %1")
        self.qualifier.setAccessibleName(name.replace("%1", self.code))
        self.statement.setAccessibleName(self.tr("Statement for %1").replace("%1", self.code))
        self.remove.setToolTip(self.tr("Remove this capacity"))
        self.remove.setAccessibleName(self.tr("Remove %1").replace("%1", self.code))

    def _say_extent(self) -> None:
        """A chosen extent is said with its capacity: "d430: d430._2 moderate difficulty"."""
        announce(self, f"{self.code}: {self.qualifier.currentText()}")

    def value(self) -> IcfCapacity:
        return IcfCapacity(self.code, int(self.qualifier.currentData()), self.statement.text())


class CapacitiesSection(EditorSection):
    """The rows, an "add" button (Ctrl+I opens the ICF picker) and a hint when empty."""

    key = "capacities"
    title_source = QT_TRANSLATE_NOOP("DocumentEditor", "Work capacities (ICF)")
    kinds = frozenset({DocumentKind.INCAPACITY, DocumentKind.FIT_NOTE})

    edited = Signal(str)  # the path of the capacity (or of the list) that changed

    def __init__(self, today: Today, parent: QWidget | None = None) -> None:
        super().__init__(today, parent)
        self.rows: list[CapacityRow] = []
        self.prefix = fields.fit_prefix(DocumentKind.INCAPACITY)
        self.caps_box = QVBoxLayout()
        self.caps_box.setSpacing(4)
        self.caps_empty = QLabel()
        self.caps_empty.setObjectName("hint")
        self.caps_empty.setWordWrap(True)
        self.add_capacity = QPushButton()
        self.body.addWidget(self.caps_empty)
        self.body.addLayout(self.caps_box)
        add_row = QHBoxLayout()
        add_row.addWidget(self.add_capacity)
        add_row.addStretch(1)
        self.body.addLayout(add_row)

    def fields(self) -> tuple[fields.Field, ...]:
        return tuple(f for f in super().fields() if "[*]" not in f.path)

    def list_path(self) -> str:
        return f"{self.prefix}.capacities"

    def applies(self, document: Document) -> bool:
        return document.fit_note is not None

    def load(self, document: Document) -> None:
        self.prefix = fields.fit_prefix(document.kind)
        fit = document.fit_note
        capacities = fit.capacities if fit is not None else ()
        if tuple(r.value() for r in self.rows) != capacities:
            for row in self.rows:
                row.setParent(None)
                row.deleteLater()
            self.rows = []
            for capacity in capacities:
                self._append(capacity)
        self.caps_empty.setVisible(not self.rows)

    def add(self, capacities: list[IcfCapacity]) -> None:
        for capacity in capacities:
            self._append(capacity)
        self.caps_empty.setVisible(not self.rows)
        self.edited.emit(self.list_path())
        self.rows[-1].statement.setFocus()
        codes = ", ".join(c.code for c in capacities)
        announce(self, translate("DocumentEditor", "Added: %1").replace("%1", codes))

    def _append(self, capacity: IcfCapacity) -> None:
        row = CapacityRow(capacity)
        row.changed.connect(lambda: self.edited.emit(f"{self.list_path()}[{self.rows.index(row)}]"))
        row.remove_requested.connect(self._remove)
        self.rows.append(row)
        self.caps_box.addWidget(row)
        row.show()

    def _remove(self, row: CapacityRow) -> None:
        self.rows.remove(row)
        row.setParent(None)
        row.deleteLater()
        self.caps_empty.setVisible(not self.rows)
        self.edited.emit(self.list_path())

    def settle(self, document: Document, before: Document) -> Document:
        fit = document.fit_note
        if fit is None:
            return document
        fit = replace(fit, capacities=tuple(r.value() for r in self.rows))
        body = document.body
        if isinstance(body, IncapacityCertificate):
            return replace(document, body=replace(body, fit_note=fit))
        return replace(document, body=fit)

    def extra_targets(self, kind: DocumentKind) -> dict[str, tuple[QWidget, FieldMessage]]:
        """Each row's fields, from the table's ``[*]`` rows."""
        out: dict[str, tuple[QWidget, FieldMessage]] = {}
        row_fields = [f for f in fields.of_section(self.key) if "[*]" in f.path]
        for i, row in enumerate(self.rows):
            for field in row_fields:
                widget: QWidget = getattr(row, field.widget)
                for path in (field.path, *field.also):
                    out[fields.expand(path, kind).replace("[*]", f"[{i}]")] = (widget, row.message)
        return out

    def focus_chain(self) -> list[QWidget]:
        rows = [w for r in self.rows for w in (r.qualifier, r.statement, r.remove)]
        return [*rows, self.add_capacity]

    def retranslate(self) -> None:
        super().retranslate()
        self.caps_empty.setText(
            translate(
                "DocumentEditor",
                "No capacities yet. Add what the patient can still do, with its ICF code.",
            )
        )
        for row in self.rows:
            row.retranslate()
