"""A section of the editor: a titled block whose form rows come from the field table.

A section creates its inputs as attributes named as in the table, lays out the table's
rows (label, input, inline message), and applies the table's texts. What is not a plain
field stays in the section: which rows a document shows (``load``) and the rules that
tie fields together when the document is rebuilt (``settle``).
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from datetime import date
from typing import Any, ClassVar

from PySide6.QtCore import QEvent, Qt, SignalInstance
from PySide6.QtWidgets import QAbstractButton, QFormLayout, QLabel, QLayout, QVBoxLayout, QWidget

from fitnote_desktop.domain.findings import Finding
from fitnote_desktop.domain.model import Document, DocumentKind
from fitnote_desktop.ui.editor import binding, fields
from fitnote_desktop.ui.editor.fields import Field
from fitnote_desktop.ui.widgets import ChoiceGroup, DateField, FieldMessage, Section

Today = Callable[[], date]

LABEL_CHARS = 20  # the width of the label column, in average characters


class EditorSection(Section):
    """Base of the editor's sections; ``key`` names its rows in the field table."""

    key: ClassVar[str]
    title_source: ClassVar[str]  # section title, a source text of the DocumentEditor context
    kinds: ClassVar[frozenset[DocumentKind]]

    def __init__(self, today: Today, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.today = today
        self.messages: dict[str, FieldMessage] = {}  # table path -> its inline message
        self.row_labels: dict[str, QLabel] = {}
        self.groups: dict[str, ChoiceGroup] = {}  # table path -> the group of its choices
        self.forms: list[QFormLayout] = []

    # ------------------------------------------------------------------ the table's rows
    def fields(self) -> tuple[Field, ...]:
        return fields.of_section(self.key)

    def input(self, field: Field) -> binding.Input:
        value: binding.Input = getattr(self, field.widget)
        return value

    def add_rows(
        self,
        form: QFormLayout,
        content: Mapping[str, QWidget | QLayout],
        *,
        only: set[str] | None = None,
        span_buttons: bool = False,
    ) -> None:
        """One form row per field of the table (``content`` replaces an input by a layout).

        ``only``: the fields of this form when the section has several forms;
        ``span_buttons``: check boxes take the whole width instead of the field column.
        """
        self.forms.append(form)
        last: FieldMessage | None = None
        for field in self.fields():
            if only is not None and field.widget not in only:
                continue
            if field.joined and last is not None:
                self.messages[field.path] = last
                continue
            inner = content.get(field.widget) or self.input(field)
            if isinstance(inner, QLayout) and isinstance(self.input(field), Mapping):
                inner = self.groups[field.path] = ChoiceGroup(inner)
            assert isinstance(inner, QWidget | QLayout), field.widget
            holder, last = with_message(inner)
            self.messages[field.path] = last
            if not field.label or (span_buttons and isinstance(self.input(field), QAbstractButton)):
                form.addRow(holder)  # a group or a check box that carries its own text
            elif isinstance(self.input(field), QAbstractButton):
                form.addRow("", holder)
            else:
                label = row_label()
                self.row_labels[field.path] = label
                form.addRow(label, holder)

    def set_row_visible(self, field_path: str, visible: bool) -> None:
        """Show or hide the form row of the field at ``field_path`` (label included)."""
        message = self.messages[field_path]
        for form in self.forms:
            for row in range(form.rowCount()):
                item = form.itemAt(row, QFormLayout.ItemRole.FieldRole)
                if item is not None and item.widget() is message.parentWidget():
                    form.setRowVisible(row, visible)

    # ------------------------------------------------------------------ document
    def applies(self, document: Document) -> bool:
        return document.kind in self.kinds

    def load(self, document: Document) -> None:
        """After the table's fields were shown: rows and states that depend on the document."""
        for field in self.fields():
            if field.path in self.messages and not field.joined:
                self.set_row_visible(field.path, field.applies_to(document.kind))

    def follow(self, document: Document, findings: list[Finding]) -> None:
        """After each validation: rows and marks that follow the document and its findings."""

    def settle(self, document: Document, before: Document) -> Document:
        """The rebuilt document with the rules that tie this section's fields together."""
        return document

    def extra_targets(self, kind: DocumentKind) -> dict[str, tuple[QWidget, FieldMessage]]:
        """Finding targets that are not table rows (capacity rows)."""
        return {}

    def edit_signals(self) -> list[tuple[SignalInstance, str]]:
        """Inputs outside the table that change the document, with the path they touch."""
        return []

    def focus_chain(self) -> list[QWidget]:
        """This section's inputs in tab order (a date, then its calendar button; every
        choice of a group)."""
        chain: list[QWidget] = []
        for field in self.fields():
            widget = self.input(field)
            if isinstance(widget, Mapping):
                chain += list(widget.values())
                continue
            chain.append(binding.focus_widget(widget))
            if isinstance(widget, DateField):
                chain.append(widget.button)
        return chain

    # ------------------------------------------------------------------ texts
    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)

    def retranslate(self) -> None:
        """Texts from the table; sections add what is not a field (item texts, hints)."""
        self.set_title(fields.text(self.title_source))
        for field in self.fields():
            apply_texts(field, self.input(field), self.row_labels.get(field.path))
            if field.path in self.groups:  # the row label or section title shows it
                self.groups[field.path].set_question(field.accessible_name(), visible=False)


def apply_texts(field: Field, widget: Any, label: QLabel | None) -> None:
    """The field's label (with buddy), accessible name, tooltip and placeholder."""
    name = field.accessible_name()
    if isinstance(widget, dict):
        target = None
    else:
        target = widget
        if isinstance(widget, QAbstractButton) and field.label:
            widget.setText(field.label_text())
        if name:
            widget.setAccessibleName(name)
        if field.help:
            (widget.line if isinstance(widget, DateField) else widget).setToolTip(
                fields.text(field.help)
            )
        if field.placeholder:
            widget.setPlaceholderText(fields.text(field.placeholder))
    if label is not None:
        label.setText(field.label_text())
        label.setBuddy(binding.focus_widget(target if target is not None else widget))


def row_label() -> QLabel:
    """A row label of the one width every section's labels have.

    The inputs of all sections line up in one column, and a long label ("Patient may
    leave the house") wraps onto a second line instead of pushing the inputs to the
    right, past the scroll area's edge. The width follows the font (a larger font keeps
    the words per line).
    """
    label = QLabel()
    label.setWordWrap(True)
    label.setFixedWidth(label.fontMetrics().averageCharWidth() * LABEL_CHARS)
    return label


def with_message(content: QWidget | QLayout) -> tuple[QWidget, FieldMessage]:
    """A field (widget or layout) with its inline message under it."""
    holder = QWidget()
    box = QVBoxLayout(holder)
    box.setContentsMargins(0, 0, 0, 0)
    box.setSpacing(2)
    if isinstance(content, QWidget):
        left = isinstance(content, DateField)  # a date keeps its width
        box.addWidget(content, 0, Qt.AlignmentFlag.AlignLeft if left else Qt.AlignmentFlag(0))
    else:
        box.addLayout(content)
    message = FieldMessage(holder)
    box.addWidget(message)
    return holder, message
