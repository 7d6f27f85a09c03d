"""Small reusable widgets: a typed date field, inline field messages, section headers,
and choice fields that leave the mouse wheel to the page.

The date field is a line edit rather than a QDateEdit because physicians type dates
(``24/11``, ``24.11.2026``) and durations (``+14`` = fourteen days from the start,
``3w``), and an empty field must really mean "no date" (QDateEdit has no empty state).
"""

from __future__ import annotations

import re
from collections.abc import Callable
from datetime import date, timedelta

from PySide6.QtCore import QCoreApplication, QDate, QEvent, QSize, Qt, Signal
from PySide6.QtGui import QAction, QFocusEvent, QKeyEvent, QResizeEvent, QWheelEvent
from PySide6.QtWidgets import (
    QCalendarWidget,
    QComboBox,
    QDoubleSpinBox,
    QFrame,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QLayout,
    QLineEdit,
    QMenu,
    QSizePolicy,
    QSpinBox,
    QToolButton,
    QVBoxLayout,
    QWidget,
    QWidgetAction,
)

from fitnote_desktop.domain.findings import Severity

_DATE = re.compile(r"^\s*(\d{1,2})\s*[./\-\s]\s*(\d{1,2})(?:\s*[./\-\s]\s*(\d{2,4}))?\s*$")
_DURATION = re.compile(r"^\s*\+?\s*(\d{1,3})\s*([dDwWmMjJtT]?)\s*$")


def format_date(value: date | None) -> str:
    return "" if value is None else value.strftime("%d/%m/%Y")


def parse_date(text: str, *, today: date, anchor: date | None = None) -> date | None:
    """``24/11/2026``, ``24.11.26``, ``24/11`` (this year), ``2026-11-24``, or a duration.

    A duration (``+14``, ``14d``, ``2w``, ``1m``) counts days *including* ``anchor``,
    the way a physician says "fourteen days": begin 1 Dec + 14 → end 14 Dec. Returns
    None for an empty text; raises ``ValueError`` when it is not a date.
    """
    text = text.strip()
    if not text:
        return None
    iso = re.fullmatch(r"(\d{4})-(\d{1,2})-(\d{1,2})", text)
    if iso:
        return date(int(iso[1]), int(iso[2]), int(iso[3]))
    m = _DATE.match(text)
    if m and not (text.startswith("+")):
        day, month = int(m[1]), int(m[2])
        year = int(m[3]) if m[3] else today.year
        if year < 100:
            year += 2000
        return date(year, month, day)
    d = _DURATION.match(text)
    if d and (text.startswith("+") or d[2]):
        n, unit = int(d[1]), d[2].lower()
        base = anchor or today
        if unit in ("w",):
            return base + timedelta(days=7 * n - 1)
        if unit == "m":
            from fitnote_desktop.domain.periods import add_months

            return add_months(base, n) - timedelta(days=1)
        return base + timedelta(days=max(n, 1) - 1)
    raise ValueError(text)


class DateField(QWidget):
    """A date typed or picked; ``value()`` is a ``date`` or None; ``edited`` on change."""

    edited = Signal()

    def __init__(
        self,
        *,
        today: Callable[[], date] = date.today,
        anchor: Callable[[], date | None] | None = None,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self._today = today
        self._anchor = anchor
        self._value: date | None = None
        self._invalid = False
        self.typing = False  # between a keystroke and the end of the editing
        self.line = QLineEdit(self)
        self.line.setMaxLength(12)
        # room for "24/11/2026" in the user's font (a doubled font must not cut the year)
        self.line.setFixedWidth(
            max(110, self.line.fontMetrics().horizontalAdvance("00/00/00000") + 24)
        )
        self.button = QToolButton(self)
        self.button.setText("▾")
        self.button.setFocusPolicy(Qt.FocusPolicy.StrongFocus)  # reachable by Tab, named
        self.button.setAutoRaise(True)
        self.caption: QLabel | None = None  # a visible label tied to this date (range end)
        self.button.clicked.connect(self._pick)
        layout = QHBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(2)
        layout.addWidget(self.line)
        layout.addWidget(self.button)
        self.setFocusProxy(self.line)
        self.setSizePolicy(QSizePolicy.Policy.Fixed, QSizePolicy.Policy.Fixed)
        self.line.textEdited.connect(self._typed)
        self.line.editingFinished.connect(self._normalise)
        self._retranslate()

    # Qt plumbing ----------------------------------------------------------------
    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self._retranslate()
        super().changeEvent(event)

    def _retranslate(self) -> None:
        self.line.setPlaceholderText(self.tr("dd/mm/yyyy"))
        self._name_button()

    def _name_button(self) -> None:
        """The calendar button says which date it picks ("Calendar: Start date")."""
        name = self.accessibleName()
        picker = self.tr("Calendar: %1").replace("%1", name) if name else self.tr("Pick a date")
        self.button.setToolTip(picker)
        self.button.setAccessibleName(picker)

    # API --------------------------------------------------------------------------
    def value(self) -> date | None:
        return self._value

    def is_invalid(self) -> bool:
        return self._invalid

    def set_value(self, value: date | None) -> None:
        self._value = value
        self._invalid = False
        self.typing = False
        self.line.setText(format_date(value))

    def setAccessibleName(self, name: str) -> None:
        super().setAccessibleName(name)
        self.line.setAccessibleName(name)
        if self.caption is not None:
            self.caption.setAccessibleName(name)
        self._name_button()

    def tie_caption(self, caption: QLabel) -> None:
        """``caption`` (the "–" of a range) labels this date for screen readers."""
        self.caption = caption
        caption.setBuddy(self.line)
        caption.setAccessibleName(self.accessibleName())

    # internals -----------------------------------------------------------------
    def _typed(self, text: str) -> None:
        self.typing = True
        anchor = self._anchor() if self._anchor else None
        try:
            value = parse_date(text, today=self._today(), anchor=anchor)
            invalid = False
        except ValueError:
            value, invalid = self._value, True
        # a half-typed date ("24/1") parses to something: accept only full forms quietly
        changed = value != self._value or invalid != self._invalid
        self._value, self._invalid = value, invalid
        if changed:
            self.edited.emit()

    def _normalise(self) -> None:
        self.typing = False
        if not self._invalid:
            self.line.setText(format_date(self._value))

    def _pick(self) -> None:
        menu = QMenu(self)
        cal = QCalendarWidget(menu)
        cal.setGridVisible(False)
        base = self._value or (self._anchor() if self._anchor else None) or self._today()
        cal.setSelectedDate(QDate(base.year, base.month, base.day))
        action = QWidgetAction(menu)
        action.setDefaultWidget(cal)
        menu.addAction(action)

        def chosen(qd: QDate) -> None:
            self.set_value(date(qd.year(), qd.month(), qd.day()))
            self.edited.emit()
            menu.close()

        cal.activated.connect(chosen)
        cal.clicked.connect(chosen)
        menu.popup(self.line.mapToGlobal(self.line.rect().bottomLeft()))
        cal.setFocus()


def _wheel_to_page(field: QWidget, event: QWheelEvent) -> bool:
    """Whether a wheel turn over ``field`` belongs to the page it sits on.

    Only a field the physician is working in (it has focus) takes the wheel; over any
    other field the page scrolls, so scrolling the editor never changes a choice.
    The event is left unaccepted and Qt passes it on to the parents (the scroll area).
    """
    if field.hasFocus():
        return False
    event.ignore()
    return True


class ElidingLabel(QLabel):
    """A one-line label that shortens its text with "…" when its room is narrower than the
    text (at twice the font size beside a long name), instead of cutting it off; the whole
    text stays in the tooltip and the accessible name. It asks for its full width but can be
    squeezed, so it never widens the window."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._full = ""

    def full_text(self) -> str:
        return self._full

    def set_full_text(self, text: str) -> None:
        self._full = text
        self.setToolTip(text)
        self.setAccessibleName(text)
        self._elide()
        self.updateGeometry()

    def sizeHint(self) -> QSize:
        hint = super().sizeHint()
        return QSize(self.fontMetrics().horizontalAdvance(self._full) + 2, hint.height())

    def minimumSizeHint(self) -> QSize:
        return QSize(self.fontMetrics().horizontalAdvance("…") * 4, super().sizeHint().height())

    def resizeEvent(self, event: QResizeEvent) -> None:
        super().resizeEvent(event)
        self._elide()

    def _elide(self) -> None:
        room = self.contentsRect().width()
        self.setText(self.fontMetrics().elidedText(self._full, Qt.TextElideMode.ElideRight, room))


class ChoiceBox(QComboBox):
    """A combo box that changes with the wheel only when it has focus; the wheel never
    gives it focus (``StrongFocus``: Tab and click do)."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setFocusPolicy(Qt.FocusPolicy.StrongFocus)

    def wheelEvent(self, event: QWheelEvent) -> None:
        if not _wheel_to_page(self, event):
            super().wheelEvent(event)


class NumberBox(QSpinBox):
    """A spin box with the wheel rule of :class:`ChoiceBox`."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setFocusPolicy(Qt.FocusPolicy.StrongFocus)

    def wheelEvent(self, event: QWheelEvent) -> None:
        if not _wheel_to_page(self, event):
            super().wheelEvent(event)


class DecimalBox(QDoubleSpinBox):
    """A decimal spin box with the wheel rule of :class:`ChoiceBox`."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setFocusPolicy(Qt.FocusPolicy.StrongFocus)

    def wheelEvent(self, event: QWheelEvent) -> None:
        if not _wheel_to_page(self, event):
            super().wheelEvent(event)


class TemplateLine(QLineEdit):
    """A line with a template's gaps ("Kan … minuten om de … staan"), filled by keyboard.

    Reached by the keyboard, it selects the first "…", so typing fills it; Tab selects
    the next "…" after the cursor while there is one, then leaves the line as usual.
    """

    GAP = "…"

    def select_gap(self, start: int = 0) -> bool:
        """Select the first gap at or after ``start``; False when there is none."""
        pos = self.text().find(self.GAP, start)
        if pos < 0:
            return False
        self.setSelection(pos, len(self.GAP))
        return True

    def focusInEvent(self, event: QFocusEvent) -> None:
        super().focusInEvent(event)
        if event.reason() is not Qt.FocusReason.MouseFocusReason:
            self.select_gap()

    def event(self, event: QEvent) -> bool:
        if (
            event.type() == QEvent.Type.KeyPress
            and isinstance(event, QKeyEvent)
            and event.key() == Qt.Key.Key_Tab
            and event.modifiers() == Qt.KeyboardModifier.NoModifier
        ):
            after = self.selectionEnd() if self.hasSelectedText() else self.cursorPosition()
            if self.select_gap(after):
                return True
        return super().event(event)


class FieldMessage(QLabel):
    """The line under a field: the first of its worst findings, else its hint, else empty.

    Its line stays reserved while empty, so that a message appearing or going away as
    the physician types does not push the fields below (a click would land elsewhere).
    A field's hint (a duration "14 days, until Sunday", who reads a justification) shares
    that one line: it gives way to a message and comes back once the field is fine, so
    a field never costs more than one line under it. Only a message longer than one line
    takes more room.
    """

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWordWrap(True)
        self.setObjectName("fieldMessage")
        self.setTextInteractionFlags(Qt.TextInteractionFlag.NoTextInteraction)
        policy = self.sizePolicy()
        policy.setRetainSizeWhenHidden(True)
        self.setSizePolicy(policy)
        self.setMinimumHeight(self.fontMetrics().lineSpacing())
        self._hint = ""
        self._items: list[tuple[Severity, str]] = []
        self.hide()

    def hint(self) -> str:
        return self._hint

    def has_message(self) -> bool:
        """Whether a finding is shown (not the hint)."""
        return bool(self._items)

    def set_hint(self, text: str) -> None:
        """What the line says while the field has no message ("" for nothing)."""
        self._hint = text
        if not self._items:
            self._show()

    def show_messages(self, items: list[tuple[Severity, str]]) -> None:
        self._items = list(items)
        self._show()

    def _show(self) -> None:
        if self._items:
            errors = [text for severity, text in self._items if severity is Severity.ERROR]
            severity = Severity.ERROR.value if errors else Severity.WARNING.value
            # one message, the first of the worst: "not a date" rather than also "missing";
            # the checklist beside the form lists them all
            text = errors[0] if errors else _worded(Severity.WARNING, self._items[0][1])
            tip = "\n".join(_worded(s, t) for s, t in self._items)
        else:
            severity, text, tip = "hint", self._hint, ""
        self.setText(text)
        self.setToolTip(tip)
        if self.property("severity") != severity:
            self.setProperty("severity", severity)
            self.style().unpolish(self)
            self.style().polish(self)
        self.setVisible(bool(text))


def _worded(severity: Severity, text: str) -> str:
    """A warning says so in words: amber against red does not tell it from an error for
    everyone (colour blindness, a high-contrast theme)."""
    if severity is Severity.WARNING:
        return QCoreApplication.translate("FieldMessage", "Warning: %1").replace("%1", text)
    return text


def mark(widget: QWidget, severity: str) -> None:
    """Set the ``severity`` property used by the style sheet (red/amber border)."""
    target = widget.focusProxy() or widget
    if target.property("severity") == severity:
        return
    target.setProperty("severity", severity)
    target.style().unpolish(target)
    target.style().polish(target)


class Section(QFrame):
    """A titled block of the editor ("Period and reason", "Diagnosis", ...).

    Its bottom margin is small: the last field's reserved message line already leaves
    room under it.
    """

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("section")
        self.title = QLabel(self)
        self.title.setObjectName("sectionTitle")
        self.body = QVBoxLayout()
        self.body.setSpacing(6)
        outer = QVBoxLayout(self)
        outer.setContentsMargins(16, 10, 16, 6)
        outer.setSpacing(6)
        outer.addWidget(self.title)
        outer.addLayout(self.body)

    def set_title(self, text: str) -> None:
        self.title.setText(text)
        self.setAccessibleName(text)


class ChoiceGroup(QGroupBox):
    """Check boxes or radio buttons that answer one question, grouped under it.

    A screen reader says the group's name when focus enters it, so "Employer" is heard
    as a recipient and "the employer sees the work capacities" as what the patient agrees
    to. The question is shown as the title when it is not already visible above the
    choices (a section title, a row label); otherwise it is the accessible name only.
    """

    def __init__(self, content: QLayout, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("choiceGroup")
        self.setFlat(True)
        margins = content.contentsMargins()  # a nested layout's own (the indent of a set)
        self.setLayout(content)
        content.setContentsMargins(margins)

    def set_question(self, text: str, *, visible: bool) -> None:
        self.setTitle(text if visible else "")
        self.setAccessibleName(text)
        self.setProperty("titled", visible)
        self.style().unpolish(self)  # the title's margin follows the property
        self.style().polish(self)


def date_range(first: DateField, second: DateField) -> QHBoxLayout:
    """Two dates on one row, "first – second"; the dash is the second date's label."""
    row = QHBoxLayout()
    row.addWidget(first)
    dash = QLabel("–")
    second.tie_caption(dash)
    row.addWidget(dash)
    row.addWidget(second)
    row.addStretch(1)
    return row


def name_clear_button(line: QLineEdit, name: str) -> None:
    """Name the clear button Qt adds to ``line`` (``setClearButtonEnabled``): it has none."""
    action = line.findChild(QAction, "_q_qlineeditclearaction")
    if action is not None:
        action.setText(name)
        action.setToolTip(name)
