"""A password field whose Qt text only ever holds mask characters.

Why: a plain QLineEdit in EchoMode.Password still holds the typed text, and Qt's
accessibility bridge sends each inserted piece of it IN CLEAR to every listener on the
session bus (AT-SPI ``object:text-changed:insert``; a screen reader then speaks it). Here
the widget's own text is a row of U+2022 bullets, one per character, and the secret lives
beside it in Python: every accessibility event, the accessible text and the display carry
bullets only. EchoMode.Password stays, so the field keeps its "password text" role.

Every way text gets in or out is taken over: typed keys, deletions (whatever key did them),
paste (Ctrl+V and the X11 middle click), input-method commits; copy, cut, undo, redo, drag
and drop and the context menu are refused. Callers read the secret with ``secret()``.
"""

from __future__ import annotations

import unicodedata

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import (
    QClipboard,
    QContextMenuEvent,
    QDragEnterEvent,
    QDropEvent,
    QGuiApplication,
    QInputMethodEvent,
    QKeyEvent,
    QKeySequence,
    QMouseEvent,
)
from PySide6.QtWidgets import QLineEdit, QWidget

MASK = "\u2022"

_REFUSED = (
    QKeySequence.StandardKey.Copy,
    QKeySequence.StandardKey.Cut,
    QKeySequence.StandardKey.Undo,
    QKeySequence.StandardKey.Redo,
)
_CONTROL = (
    Qt.KeyboardModifier.ControlModifier,
    Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.ShiftModifier,
)


# control, unassigned, lone surrogates, line and paragraph separators
_UNPRINTABLE = frozenset({"Cc", "Cn", "Cs", "Zl", "Zp"})


def _printable(text: str) -> str:
    """What of pasted or typed text can go into a one-line field: no control characters
    (Qt's QChar::isPrint, formatting and private-use characters included)."""
    return "".join(c for c in text if unicodedata.category(c) not in _UNPRINTABLE)


class SecretField(QLineEdit):
    """One-line secret entry (passphrase, PIN): Qt sees bullets, ``secret()`` the text."""

    secretChanged = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._secret = ""
        self.setEchoMode(QLineEdit.EchoMode.Password)
        self.setAcceptDrops(False)
        self.setDragEnabled(False)
        self.setContextMenuPolicy(Qt.ContextMenuPolicy.PreventContextMenu)
        self.setInputMethodHints(
            Qt.InputMethodHint.ImhHiddenText
            | Qt.InputMethodHint.ImhSensitiveData
            | Qt.InputMethodHint.ImhNoPredictiveText
        )
        # a path we do not override (an assistive tool's EditableText, C++ callers)
        self.textChanged.connect(self._take_in_clear_text)

    def secret(self) -> str:
        """The typed secret (the widget's own text() is bullets only)."""
        return self._secret

    def setText(self, text: str | None, /) -> None:
        text = text or ""
        super().setText(MASK * len(text))
        self._set_secret(text[: len(super().text())])  # max length cut it as Qt did

    def clear(self) -> None:
        super().clear()
        self._set_secret("")

    def insert(self, text: str) -> None:
        """Put ``text`` at the cursor, over the selection, as bullets."""
        had = self.hasSelectedText()
        start = self.selectionStart() if had else self.cursorPosition()
        removed = len(self.selectedText()) if had else 0
        before = len(super().text())
        super().insert(MASK * len(text))
        kept = len(super().text()) - (before - removed)  # what max length let in
        self._set_secret(self._secret[:start] + text[:kept] + self._secret[start + removed :])

    def setMaxLength(self, length: int) -> None:
        super().setMaxLength(length)
        self._set_secret(self._secret[: len(super().text())])

    def keyPressEvent(self, event: QKeyEvent) -> None:
        if any(event.matches(key) for key in _REFUSED):
            event.accept()
            return
        if event.matches(QKeySequence.StandardKey.Paste):
            self.insert(_printable(QGuiApplication.clipboard().text()))
            event.accept()
            return
        if self._is_typed_text(event):
            self.insert(_printable(event.text()))
            event.accept()
            return
        before = len(super().text())
        super().keyPressEvent(event)  # moves, selections, deletions; never inserts here
        removed = before - len(super().text())
        if removed > 0:  # whatever deleted it, the removed range starts at the cursor
            start = self.cursorPosition()
            self._set_secret(self._secret[:start] + self._secret[start + removed :])

    def mouseReleaseEvent(self, event: QMouseEvent) -> None:
        clipboard = QGuiApplication.clipboard()
        if event.button() == Qt.MouseButton.MiddleButton and clipboard.supportsSelection():
            self.deselect()
            self.insert(_printable(clipboard.text(QClipboard.Mode.Selection)))
            event.accept()
            return
        super().mouseReleaseEvent(event)

    def inputMethodEvent(self, event: QInputMethodEvent) -> None:
        """Only the committed string counts, as bullets; no pre-edit text is shown."""
        if event.commitString():
            self.insert(_printable(event.commitString()))
        event.accept()

    def contextMenuEvent(self, event: QContextMenuEvent) -> None:
        event.accept()  # its Undo/Paste/Select All would bypass the bullets

    def dragEnterEvent(self, event: QDragEnterEvent) -> None:
        event.ignore()

    def dropEvent(self, event: QDropEvent) -> None:
        event.ignore()

    @staticmethod
    def _is_typed_text(event: QKeyEvent) -> bool:
        """Qt's own test for a key that types text (QInputControl::isAcceptableInput)."""
        text = event.text()
        if not text or event.modifiers() in _CONTROL:
            return False
        return bool(_printable(text[0]))

    def _set_secret(self, secret: str) -> None:
        if secret != self._secret:
            self._secret = secret
            self.secretChanged.emit()

    def _take_in_clear_text(self, text: str) -> None:
        """Clear text got into the widget past our overrides (one insertion, maybe over a
        selection): it joins the secret where it stands and the widget is bullets again."""
        if all(c == MASK for c in text):
            return
        head = len(text) - len(text.lstrip(MASK))
        tail = len(text) - len(text.rstrip(MASK))
        clear = text[head : len(text) - tail]
        cursor = self.cursorPosition()
        self._set_secret(self._secret[:head] + clear + self._secret[len(self._secret) - tail :])
        super().setText(MASK * len(self._secret))
        self.setCursorPosition(cursor)
