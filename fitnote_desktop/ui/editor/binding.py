"""Inputs as values: how each kind of widget shows and returns a field's value.

One codec per widget type, so the field table needs no per-field code: a date field
gives a ``date``, a combo box the member of the field's enumeration, a group of check
boxes (a ``dict`` of enumeration member to box) the tuple of checked members, a group
of radio buttons the checked member (a yes/no group: ``True``/``False``) or None when
none is checked yet, a spin box its number or None at its "—" zero.
"""

from __future__ import annotations

from collections.abc import Mapping
from decimal import Decimal
from enum import StrEnum
from typing import Any

from PySide6.QtCore import SignalInstance
from PySide6.QtWidgets import (
    QAbstractButton,
    QComboBox,
    QDoubleSpinBox,
    QLineEdit,
    QPlainTextEdit,
    QRadioButton,
    QSpinBox,
    QWidget,
)

from fitnote_desktop.ui.editor.fields import Field
from fitnote_desktop.ui.widgets import DateField

Input = QWidget | Mapping[StrEnum, QAbstractButton] | Mapping[bool, QAbstractButton]


def value_of(widget: Input, field: Field) -> Any:
    """The value ``widget`` holds for ``field``, typed as the document wants it."""
    if isinstance(widget, Mapping):
        checked = [key for key, box in widget.items() if box.isChecked()]
        if _exclusive(widget):
            return checked[0] if checked else None
        return tuple(checked)
    if isinstance(widget, DateField):
        return widget.value()
    if isinstance(widget, QLineEdit):
        return field.clean(widget.text()) if field.clean else widget.text()
    if isinstance(widget, QPlainTextEdit):
        return widget.toPlainText()
    if isinstance(widget, QComboBox):
        data = widget.currentData()
        return field.enum(data) if field.enum and data else (data or None)
    if isinstance(widget, QAbstractButton):
        return widget.isChecked()
    if isinstance(widget, QDoubleSpinBox):
        return Decimal(str(widget.value())) if widget.value() else None
    if isinstance(widget, QSpinBox):
        return widget.value() or None
    raise TypeError(type(widget).__name__)


def show(widget: Input, value: Any) -> None:
    """Put ``value`` into ``widget`` (signals are not blocked: the editor is loading)."""
    if isinstance(widget, Mapping):
        if _exclusive(widget):
            _check_one(widget, value)
        else:
            for key, box in widget.items():
                box.setChecked(key in (value or ()))
    elif isinstance(widget, DateField):
        widget.set_value(value)
    elif isinstance(widget, QLineEdit):
        widget.setText(value or "")
    elif isinstance(widget, QPlainTextEdit):
        if widget.toPlainText() != (value or ""):
            widget.setPlainText(value or "")
    elif isinstance(widget, QComboBox):
        data = value.value if isinstance(value, StrEnum) else (value or "")
        widget.setCurrentIndex(max(0, widget.findData(data)))
    elif isinstance(widget, QAbstractButton):
        widget.setChecked(bool(value))
    elif isinstance(widget, QDoubleSpinBox):
        widget.setValue(float(value or 0))
    elif isinstance(widget, QSpinBox):
        widget.setValue(value or 0)
    else:
        raise TypeError(type(widget).__name__)


def change_signals(widget: Input) -> list[SignalInstance]:
    """The signals that mean "the user changed this input"."""
    if isinstance(widget, Mapping):
        return [box.toggled for box in widget.values()]
    if isinstance(widget, DateField):
        return [widget.edited]
    if isinstance(widget, QLineEdit):
        return [widget.textEdited]
    if isinstance(widget, QPlainTextEdit):
        return [widget.textChanged]
    if isinstance(widget, QComboBox):
        return [widget.currentIndexChanged]
    if isinstance(widget, QAbstractButton):
        return [widget.toggled]
    if isinstance(widget, QSpinBox | QDoubleSpinBox):
        return [widget.valueChanged]
    raise TypeError(type(widget).__name__)


def focus_widget(widget: Input) -> QWidget:
    """Where focus goes for this input (a group's first choice, a date field's line)."""
    first = next(iter(widget.values())) if isinstance(widget, Mapping) else widget
    return first.focusProxy() or first


def _exclusive(group: Mapping[Any, QAbstractButton]) -> bool:
    return all(isinstance(box, QRadioButton) for box in group.values())


def _check_one(group: Mapping[Any, QAbstractButton], value: Any) -> None:
    """Check the radio button of ``value``, or none (a question not answered yet), which
    an exclusive group allows only with its exclusivity lifted for the moment."""
    buttons = list(group.values())
    button_group = buttons[0].group()
    if button_group is not None:
        button_group.setExclusive(False)
    for key, box in group.items():
        auto = box.autoExclusive()
        box.setAutoExclusive(False)
        box.setChecked(value is not None and key == value)
        box.setAutoExclusive(auto)
    if button_group is not None:
        button_group.setExclusive(True)
