"""SecretField: the secret typed in is kept beside the widget; Qt (its text, its display,
its accessibility events and accessible text) only ever sees bullets. Real widgets, real
key events; a plain QLineEdit fed the same keys is the reference for what was typed."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from PySide6.QtCore import QEvent, QPoint, Qt
from PySide6.QtGui import (
    QAccessible,
    QClipboard,
    QGuiApplication,
    QInputMethodEvent,
    QKeyEvent,
)
from PySide6.QtWidgets import QApplication, QLineEdit, QStyle
from pytestqt.qtbot import QtBot

from fitnote_desktop.ui.pin_dialog import PinDialog
from fitnote_desktop.ui.secret_field import MASK, SecretField

SECRET = "Zeer geheim! 42"
Key = Qt.Key
Mod = Qt.KeyboardModifier


def _qt_text(field: SecretField) -> str:
    """The text Qt holds (and sends to assistive tools), past the Python override."""
    return QLineEdit.text(field)


def _accessible_value(field: QLineEdit) -> str:
    iface = QAccessible.queryAccessibleInterface(field)
    return iface.text(QAccessible.Text.Value)


def _only_masks(field: SecretField) -> None:
    """Nothing Qt can hand on carries a character of the secret: its text holds our
    masks, the display and the accessible text the style's password character."""
    shown = chr(field.style().styleHint(QStyle.StyleHint.SH_LineEdit_PasswordCharacter))
    assert _qt_text(field) == MASK * len(field.secret())
    for seen in (field.displayText(), _accessible_value(field)):
        assert seen == shown * len(field.secret()), repr(seen)


@pytest.fixture
def field(qtbot: QtBot) -> SecretField:
    widget = SecretField()
    qtbot.addWidget(widget)
    widget.show()
    widget.setFocus()
    return widget


def test_typed_keys_become_the_secret_and_masks(qtbot: QtBot, field: SecretField) -> None:
    qtbot.keyClicks(field, SECRET)
    assert field.secret() == SECRET
    assert field.echoMode() == QLineEdit.EchoMode.Password
    _only_masks(field)


def test_backspace_and_delete_in_the_middle(qtbot: QtBot, field: SecretField) -> None:
    qtbot.keyClicks(field, "abcdef")
    for _ in range(3):
        qtbot.keyClick(field, Key.Key_Left)
    qtbot.keyClick(field, Key.Key_Backspace)  # removes c
    qtbot.keyClick(field, Key.Key_Delete)  # removes d
    assert field.secret() == "abef"
    qtbot.keyClicks(field, "XY")
    assert field.secret() == "abXYef"
    _only_masks(field)


def test_a_selection_is_replaced_by_what_is_typed(qtbot: QtBot, field: SecretField) -> None:
    qtbot.keyClicks(field, "abcdef")
    qtbot.keyClick(field, Key.Key_Home)
    qtbot.keyClick(field, Key.Key_Right)
    for _ in range(3):
        qtbot.keyClick(field, Key.Key_Right, Mod.ShiftModifier)
    qtbot.keyClicks(field, "Z")
    assert field.secret() == "aZef"
    qtbot.keyClick(field, Key.Key_Left, Mod.ShiftModifier)
    qtbot.keyClick(field, Key.Key_Delete)
    assert field.secret() == "aef"
    _only_masks(field)


def test_select_all_then_type_and_home_end(qtbot: QtBot, field: SecretField) -> None:
    qtbot.keyClicks(field, "old secret")
    qtbot.keyClick(field, Key.Key_A, Mod.ControlModifier)
    qtbot.keyClicks(field, "new")
    qtbot.keyClick(field, Key.Key_Home)
    qtbot.keyClicks(field, "<")
    qtbot.keyClick(field, Key.Key_End)
    qtbot.keyClicks(field, ">")
    assert field.secret() == "<new>"
    _only_masks(field)


def test_paste_takes_the_clipboard_without_control_characters(
    qtbot: QtBot, field: SecretField
) -> None:
    QGuiApplication.clipboard().setText("pas\tte\n")
    qtbot.keyClicks(field, "ab")
    qtbot.keyClick(field, Key.Key_Left)
    qtbot.keyClick(field, Key.Key_V, Mod.ControlModifier)
    assert field.secret() == "apasteb"
    _only_masks(field)


def test_middle_click_pastes_the_selection_clipboard(qtbot: QtBot, field: SecretField) -> None:
    clipboard = QGuiApplication.clipboard()
    if not clipboard.supportsSelection():
        # offscreen has no selection clipboard: this same test, in a child on Xvfb (X11 has)
        assert os.environ.get("FITNOTE_SELECTION_CHILD") != "1", "no selection clipboard on X"
        if shutil.which("xvfb-run") is None:
            pytest.fail("xvfb-run is missing (Debian xvfb; scripts/setup.sh installs it)")
        env = {**os.environ, "QT_QPA_PLATFORM": "xcb", "FITNOTE_SELECTION_CHILD": "1"}
        test = f"{__file__}::test_middle_click_pastes_the_selection_clipboard"
        child = subprocess.run(
            [
                "xvfb-run",
                "-a",
                sys.executable,
                "-m",
                "pytest",
                "-q",
                "-p",
                "no:cacheprovider",
                test,
            ],
            env=env,
            capture_output=True,
            text=True,
            timeout=120,
            check=False,
        )
        assert child.returncode == 0, child.stdout[-3000:] + child.stderr[-2000:]
        assert "1 passed" in child.stdout
        return
    clipboard.setText("mid", QClipboard.Mode.Selection)
    qtbot.waitUntil(lambda: clipboard.text(QClipboard.Mode.Selection) == "mid", timeout=2000)
    qtbot.keyClicks(field, "ab")
    qtbot.keyClick(field, Key.Key_Home)
    qtbot.mouseRelease(field, Qt.MouseButton.MiddleButton, pos=QPoint(1, 1))
    assert field.secret() in {"midab", "abmid"}  # at the cursor the click left
    _only_masks(field)


def test_copy_cut_undo_redo_are_refused(qtbot: QtBot, field: SecretField) -> None:
    clipboard = QGuiApplication.clipboard()
    clipboard.setText("before")
    qtbot.keyClicks(field, "abc")
    qtbot.keyClick(field, Key.Key_A, Mod.ControlModifier)
    qtbot.keyClick(field, Key.Key_C, Mod.ControlModifier)
    qtbot.keyClick(field, Key.Key_X, Mod.ControlModifier)
    assert clipboard.text() == "before"
    assert field.secret() == "abc"
    qtbot.keyClick(field, Key.Key_End)
    qtbot.keyClick(field, Key.Key_Backspace)
    qtbot.keyClick(field, Key.Key_Z, Mod.ControlModifier)
    qtbot.keyClick(field, Key.Key_Z, Mod.ControlModifier | Mod.ShiftModifier)
    qtbot.keyClick(field, Key.Key_Y, Mod.ControlModifier)
    assert field.secret() == "ab"
    _only_masks(field)


def test_no_drag_and_drop_and_no_context_menu(field: SecretField) -> None:
    assert not field.acceptDrops() and not field.dragEnabled()
    assert field.contextMenuPolicy() == Qt.ContextMenuPolicy.PreventContextMenu
    assert field.secret() == ""


def test_an_input_method_commit_is_typed_as_masks(field: SecretField) -> None:
    event = QInputMethodEvent("", [])
    event.setCommitString("ïm")
    QApplication.sendEvent(field, event)
    assert field.secret() == "ïm"
    _only_masks(field)


def test_set_text_clear_and_max_length_keep_the_secret_in_sync(field: SecretField) -> None:
    changes: list[None] = []
    field.secretChanged.connect(lambda: changes.append(None))
    field.setText(SECRET)
    assert field.secret() == SECRET and len(changes) == 1
    _only_masks(field)
    field.setMaxLength(4)
    assert field.secret() == SECRET[:4]
    field.setText("123456")
    assert field.secret() == "1234"
    field.clear()
    assert field.secret() == "" and _qt_text(field) == ""


def test_clear_text_from_an_assistive_tool_is_taken_in(field: SecretField) -> None:
    """AT-SPI EditableText (or any C++ caller) writes to Qt directly: the text it wrote
    joins the secret where it was put and the widget holds masks again."""
    field.setText("abcd")
    field.setCursorPosition(2)
    editable = QAccessible.queryAccessibleInterface(field).editableTextInterface()
    editable.insertText(2, "XY")
    assert field.secret() == "abXYcd"
    editable.replaceText(0, 1, "Q")
    assert field.secret() == "QbXYcd"
    _only_masks(field)


def test_take_pin_returns_the_typed_pin_and_clears_it(qtbot: QtBot) -> None:
    dialog = PinDialog("signature", "pkcs12")
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.keyClicks(dialog.pin, "12 34")
    assert _qt_text(dialog.pin) == MASK * 5
    assert dialog.take_pin() == "12 34"
    assert dialog.pin.secret() == "" and _qt_text(dialog.pin) == ""


# --- a random key sequence against a plain QLineEdit fed the same keys -------------------

Press = tuple[int, Qt.KeyboardModifier, str]
PLAIN: list[Press] = [
    *((0, Mod.NoModifier, c) for c in "aZ9 é!•"),
    (Key.Key_Backspace, Mod.NoModifier, ""),
    (Key.Key_Delete, Mod.NoModifier, ""),
    (Key.Key_Left, Mod.NoModifier, ""),
    (Key.Key_Right, Mod.NoModifier, ""),
    (Key.Key_Home, Mod.NoModifier, ""),
    (Key.Key_End, Mod.NoModifier, ""),
    (Key.Key_Left, Mod.ShiftModifier, ""),
    (Key.Key_Right, Mod.ShiftModifier, ""),
    (Key.Key_Home, Mod.ShiftModifier, ""),
    (Key.Key_End, Mod.ShiftModifier, ""),
    (Key.Key_A, Mod.ControlModifier, ""),
    (Key.Key_V, Mod.ControlModifier, ""),
]
# word moves and deletions see the masked text: one word, as in any password field
WORDS: list[Press] = [
    (Key.Key_Backspace, Mod.ControlModifier, ""),
    (Key.Key_Delete, Mod.ControlModifier, ""),
    (Key.Key_Left, Mod.ControlModifier, ""),
    (Key.Key_Right, Mod.ControlModifier, ""),
    (Key.Key_Left, Mod.ControlModifier | Mod.ShiftModifier, ""),
]


def _send(widget: QLineEdit, press: Press) -> None:
    key, mods, text = press
    code = key or (ord(text.upper()) if text.isascii() else Key.Key_unknown)
    for kind in (QEvent.Type.KeyPress, QEvent.Type.KeyRelease):
        QApplication.sendEvent(widget, QKeyEvent(kind, code, mods, text))


def _same_as_reference(
    qtbot: QtBot, presses: list[Press], echo: QLineEdit.EchoMode, max_length: int
) -> None:
    reference, field = QLineEdit(), SecretField()
    for widget in (reference, field):
        qtbot.addWidget(widget)
        widget.setMaxLength(max_length)
    reference.setEchoMode(echo)
    for press in presses:
        _send(reference, press)
        _send(field, press)
        assert field.secret() == reference.text(), presses
        assert field.cursorPosition() == reference.cursorPosition(), presses
        _only_masks(field)


KEYS_SETTINGS = settings(
    max_examples=200, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)


@pytest.fixture
def clipboard_text(qapp: QApplication) -> str:
    """What Ctrl+V pastes in the random sequences."""
    QGuiApplication.clipboard().setText("p\u00e2ste")
    return "p\u00e2ste"


@KEYS_SETTINGS
@given(presses=st.lists(st.sampled_from(PLAIN), max_size=30), max_length=st.sampled_from([6, 32]))
def test_random_keys_type_what_a_plain_field_types(
    qtbot: QtBot, clipboard_text: str, presses: list[Press], max_length: int
) -> None:
    _same_as_reference(qtbot, presses, QLineEdit.EchoMode.Normal, max_length)


@KEYS_SETTINGS
@given(presses=st.lists(st.sampled_from(PLAIN + WORDS), max_size=30))
def test_random_keys_with_word_moves_type_what_a_plain_password_field_types(
    qtbot: QtBot, clipboard_text: str, presses: list[Press]
) -> None:
    _same_as_reference(qtbot, presses, QLineEdit.EchoMode.Password, 32)
