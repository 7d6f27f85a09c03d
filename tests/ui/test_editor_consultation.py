"""The editor during a consultation: the wheel scrolls the page, nothing jumps while the
physician types, the keyboard lands where expected, focus is visible, no text is clipped."""

from __future__ import annotations

import os
import re
from datetime import timedelta

import pytest
from PySide6.QtCore import QPoint, QPointF, QSettings, Qt
from PySide6.QtGui import QColor
from PySide6.QtTest import QTest
from PySide6.QtWidgets import (
    QAbstractButton,
    QAbstractSpinBox,
    QApplication,
    QCheckBox,
    QComboBox,
    QLabel,
    QLineEdit,
    QListWidget,
    QPushButton,
    QRadioButton,
    QScrollArea,
    QStyle,
    QStyleOptionComboBox,
    QToolButton,
    QWidget,
)

from fitnote_desktop.domain.model import DocumentKind, IcfCapacity
from fitnote_desktop.ui import style
from fitnote_desktop.ui.editor import DocumentEditor
from fitnote_desktop.ui.main_window import MainWindow

SHOTS = os.environ.get("FITNOTE_SHOTS")  # screenshots to look at, when set


def make_editor(qtbot, services, patient, kind=DocumentKind.INCAPACITY, size=(1000, 560)):
    editor = DocumentEditor(services)
    qtbot.addWidget(editor)
    editor.setStyleSheet(style.STYLE)
    editor.resize(*size)
    editor.show()
    editor.open(services.drafts.new(kind, patient.id))
    return editor


def make_window(qtbot, services, languages, tmp_path):
    settings = QSettings(str(tmp_path / "ui.ini"), QSettings.Format.IniFormat)
    window = MainWindow(services, languages, settings=settings)
    qtbot.addWidget(window)
    window.setStyleSheet(style.STYLE)
    window.resize(1280, 800)
    window.show()
    return window


def wheel(widget: QWidget, steps: int) -> None:
    """A wheel turn over the middle of ``widget`` as the window system delivers it
    (positive: away from the user)."""
    top = widget.window()
    at = QPointF(widget.mapTo(top, widget.rect().center()))
    QTest.wheelEvent(top.windowHandle(), at, QPoint(0, 120 * steps))
    QApplication.processEvents()


def scroll_to_middle_of(editor: DocumentEditor, widget: QWidget) -> int:
    """Scroll so that ``widget`` is in view with room to scroll both ways; the value."""
    QApplication.processEvents()  # the layout settles first
    bar = editor.scroll_area.verticalScrollBar()
    y = widget.mapTo(editor.scroll_area.widget(), QPoint(0, 0)).y()
    assert bar.maximum() > 2
    bar.setValue(min(max(y - editor.scroll_area.viewport().height() // 2, 1), bar.maximum() - 1))
    viewport = editor.scroll_area.viewport()
    assert viewport.rect().contains(widget.mapTo(viewport, widget.rect().center()))
    return bar.value()


# ---------------------------------------------------------------- 9: the mouse wheel


@pytest.mark.parametrize("name", ["job_situation", "dx_system", "employer_language"])
def test_the_wheel_over_an_unfocused_combo_scrolls_the_editor(
    qtbot, services, patient, languages, name
):
    editor = make_editor(qtbot, services, patient)
    combo = getattr(editor, name)
    assert combo.focusPolicy() == Qt.FocusPolicy.StrongFocus  # the wheel gives no focus
    bar = editor.scroll_area.verticalScrollBar()
    before = scroll_to_middle_of(editor, combo)
    index = combo.currentIndex()
    wheel(combo, -1)  # towards the user: the next item, or further down the page
    assert combo.currentIndex() == index
    assert bar.value() > before
    assert not combo.hasFocus()


def test_the_wheel_over_an_unfocused_spin_box_scrolls_the_editor(
    qtbot, services, patient, languages
):
    editor = make_editor(qtbot, services, patient, DocumentKind.PARTIAL_RESUMPTION, (900, 200))
    spin = editor.pr_percent
    spin.setValue(50)
    assert spin.focusPolicy() == Qt.FocusPolicy.StrongFocus
    bar = editor.scroll_area.verticalScrollBar()
    before = scroll_to_middle_of(editor, spin)
    wheel(spin, -1)
    assert spin.value() == 50
    assert bar.value() > before


def test_the_wheel_still_changes_the_combo_the_physician_works_in(
    qtbot, services, patient, languages
):
    editor = make_editor(qtbot, services, patient)
    editor.activateWindow()
    qtbot.waitUntil(editor.isActiveWindow)
    combo = editor.job_situation
    scroll_to_middle_of(editor, combo)
    combo.setFocus()
    qtbot.waitUntil(combo.hasFocus)
    index = combo.currentIndex()
    wheel(combo, -1)
    assert combo.currentIndex() == index + 1


def _dialog_choice(name: str, services, tmp_path) -> tuple[QWidget, QWidget]:
    """A dialog and one of its choice fields (combo or spin box)."""
    if name == "patient":
        from fitnote_desktop.ui.patients import PatientDialog

        dialog = PatientDialog(services)
        return dialog, dialog.language
    if name == "icf_picker":
        from fitnote_desktop.ui.icf_picker import IcfPicker

        dialog = IcfPicker("nl")
        return dialog, dialog.core_combo
    if name == "settings":
        from fitnote_desktop.ui.settings import SettingsDialog

        qsettings = QSettings(str(tmp_path / "ui.ini"), QSettings.Format.IniFormat)
        dialog = SettingsDialog(services, qsettings)
        return dialog, dialog.idle
    from fitnote_desktop.store import KdfParams, ProfileManager, StoreOptions
    from fitnote_desktop.ui.unlock import UnlockDialog

    manager = ProfileManager(tmp_path / "unlock", StoreOptions(kdf=KdfParams.for_tests()))
    for profile in ("dr-a", "dr-b"):
        manager.create(profile, passphrase="correct horse battery")
    dialog = UnlockDialog(manager)
    return dialog, dialog.profile


@pytest.mark.parametrize("name", ["patient", "icf_picker", "settings", "unlock"])
def test_the_wheel_over_an_unfocused_choice_of_a_dialog_changes_nothing(
    qtbot, services, languages, tmp_path, name
):
    dialog, choice = _dialog_choice(name, services, tmp_path)
    qtbot.addWidget(dialog)
    dialog.show()

    def value() -> int:
        return choice.value() if isinstance(choice, QAbstractSpinBox) else choice.currentIndex()

    before = value()
    assert choice.focusPolicy() == Qt.FocusPolicy.StrongFocus and not choice.hasFocus()
    wheel(choice, -1)
    wheel(choice, 1)
    wheel(choice, 1)
    assert value() == before


# ---------------------------------------------------------------- 10: no layout jumps


def tops(editor: DocumentEditor, names: list[str]) -> dict[str, int]:
    form = editor.scroll_area.widget()
    form.layout().activate()
    for section in editor.parts.values():
        section.layout().activate()
    QApplication.processEvents()
    return {n: getattr(editor, n).mapTo(form, QPoint(0, 0)).y() for n in names}


BELOW_THE_PERIOD = ["expected_return", "incapacity_for", "reason", "dx_text", "fit_enabled"]


def test_typing_the_end_date_moves_nothing_below_it(qtbot, services, patient, languages):
    editor = make_editor(qtbot, services, patient)
    editor.reveal_all_findings()  # the messages of every field are shown
    start = tops(editor, BELOW_THE_PERIOD)
    for char in "06/12/2026":  # "0" is no date, "06/1" lies before the start, ...
        qtbot.keyClicks(editor.end.line, char)
        assert tops(editor, BELOW_THE_PERIOD) == start, editor.end.line.text()
    assert "14 days" in editor._targets["body.period.end"][1].hint()
    editor.end.line.clear()
    qtbot.keyClicks(editor.end.line, "+30")  # the longest duration text
    assert tops(editor, BELOW_THE_PERIOD) == start


def test_typing_the_start_date_moves_nothing_below_it(qtbot, services, patient, languages):
    editor = make_editor(qtbot, services, patient)
    qtbot.keyClicks(editor.end.line, "+7")
    start = tops(editor, ["end", *BELOW_THE_PERIOD])
    editor.begin.line.clear()
    for char in "24/11/2026":  # "24/1" is January: antedated, until the date is complete
        qtbot.keyClicks(editor.begin.line, char)
        assert tops(editor, ["end", *BELOW_THE_PERIOD]) == start, editor.begin.line.text()
    assert not editor.antedating.isVisibleTo(editor)


def test_an_antedated_start_asks_its_justification_once_typed(qtbot, services, patient, languages):
    editor = make_editor(qtbot, services, patient)
    editor.begin.line.clear()
    qtbot.keyClicks(editor.begin.line, "16/11/2026")
    assert not editor.antedating.isVisibleTo(editor)  # still typing
    qtbot.keyClick(editor.begin.line, Qt.Key.Key_Return)
    assert editor.antedating.isVisibleTo(editor)


def test_an_error_appearing_under_a_field_does_not_move_the_next_one(
    qtbot, services, patient, languages
):
    editor = make_editor(qtbot, services, patient)
    message = editor._targets["body.period.end"][1]
    start = tops(editor, BELOW_THE_PERIOD)
    qtbot.keyClicks(editor.end.line, "31/02/2026")
    qtbot.keyClick(editor.end.line, Qt.Key.Key_Return)  # messages follow a finished date
    assert message.isVisible() and message.has_message()
    assert tops(editor, BELOW_THE_PERIOD) == start
    editor.end.line.clear()
    qtbot.keyClicks(editor.end.line, "+7")
    qtbot.keyClick(editor.end.line, Qt.Key.Key_Return)
    assert not message.has_message() and "7 days" in message.text()  # the same line
    assert tops(editor, BELOW_THE_PERIOD) == start


def test_the_next_diagnosis_row_comes_when_the_row_above_is_left(
    qtbot, services, patient, languages
):
    editor = make_editor(qtbot, services, patient)
    below = ["fit_enabled", "job_situation"]
    start = tops(editor, below)
    qtbot.keyClicks(editor.dx_text, "Lumbago")
    assert tops(editor, below) == start  # nothing moves under the typing hands
    assert not editor.dx_text_2.isVisibleTo(editor)
    qtbot.keyClick(editor.dx_text, Qt.Key.Key_Return)  # done with this field
    assert editor.dx_text_2.isVisibleTo(editor)
    qtbot.keyClicks(editor.dx_code_2, "L86")
    assert not editor.dx_text_3.isVisibleTo(editor)
    editor.dx_code_2.editingFinished.emit()  # what leaving the field (Tab, a click) sends
    assert editor.dx_text_3.isVisibleTo(editor)


# ---------------------------------------------------------------- 16: the keyboard


def test_after_ctrl_n_plus_14_lands_in_until(qtbot, services, patient, languages, tmp_path):
    window = make_window(qtbot, services, languages, tmp_path)
    window.activateWindow()
    qtbot.waitUntil(window.isActiveWindow)
    window.open_patient(patient)
    window.acts.new_cert.trigger()
    qtbot.waitUntil(lambda: window.editor.end.line.hasFocus())
    qtbot.keyClicks(QApplication.focusWidget(), "+14")
    period = window.editor.current.body.period
    assert period.end == period.begin + timedelta(days=13)


def test_the_first_empty_required_field_gets_focus(qtbot, services, patient, languages):
    editor = make_editor(qtbot, services, patient)
    editor.activateWindow()
    qtbot.waitUntil(editor.isActiveWindow)
    qtbot.keyClicks(editor.end.line, "+14")
    editor.focus_first_needed()
    assert editor.expected_return.line.hasFocus()  # the end is there now


def test_each_gap_of_a_template_is_reached_with_tab(qtbot, services, patient, languages):
    editor = make_editor(qtbot, services, patient)
    editor.activateWindow()
    qtbot.waitUntil(editor.isActiveWindow)
    editor.add_capacities([IcfCapacity("d415", 1, "Kan … minuten om de … rechtstaan")])
    line = editor.rows[0].statement
    qtbot.waitUntil(line.hasFocus)
    assert line.selectedText() == "…"
    qtbot.keyClicks(line, "30")
    qtbot.keyClick(line, Qt.Key.Key_Tab)
    assert line.hasFocus() and line.selectedText() == "…"  # the second gap
    qtbot.keyClicks(line, "60")
    assert editor.current.fit_note.capacities[0].statement == "Kan 30 minuten om de 60 rechtstaan"
    qtbot.keyClick(line, Qt.Key.Key_Tab)
    assert not line.hasFocus()  # no gap left: Tab goes on


def test_a_mnemonic_scrolls_the_consent_into_view(qtbot, services, patient, languages):
    languages.switch("nl")
    editor = make_editor(qtbot, services, patient)
    editor.activateWindow()
    qtbot.waitUntil(editor.isActiveWindow)
    box = editor.consent_electronic
    assert "&a" in box.text().lower()
    bar = editor.scroll_area.verticalScrollBar()
    bar.setValue(0)
    viewport = editor.scroll_area.viewport()
    assert not viewport.rect().contains(box.mapTo(viewport, QPoint(0, 0)))
    qtbot.keyClick(QApplication.focusWidget(), Qt.Key.Key_A, Qt.KeyboardModifier.AltModifier)
    assert box.hasFocus()
    top_left = box.mapTo(viewport, QPoint(0, 0))
    assert viewport.rect().contains(top_left)
    assert viewport.rect().contains(top_left + QPoint(0, box.height()))
    qtbot.waitUntil(box.isChecked)  # and ticks it


def luminance(colour: QColor) -> float:
    def channel(c: float) -> float:
        return c / 12.92 if c <= 0.04045 else ((c + 0.055) / 1.055) ** 2.4

    return (
        0.2126 * channel(colour.redF())
        + 0.7152 * channel(colour.greenF())
        + 0.0722 * channel(colour.blueF())
    )


def contrast(a: str, b: str) -> float:
    la, lb = sorted((luminance(QColor(a)), luminance(QColor(b))), reverse=True)
    return (la + 0.05) / (lb + 0.05)


def test_the_focus_colour_stands_out_from_every_background():
    for background in (style.WINDOW, style.PANEL, "#f9fafb", "#fef2f2", "#fffbeb"):
        assert contrast(style.FOCUS, background) >= 3.0, background
    rules = re.findall(r"([^{}]*:focus[^{}]*)\{([^}]*)\}", style.STYLE)
    focused = " ".join(selector for selector, _ in rules)
    for widget in ("QLineEdit", "QComboBox", "QCheckBox", "QRadioButton", "QPushButton"):
        assert f"{widget}:focus" in focused, widget
    for widget in ("QListView", "QTreeView", "QPlainTextEdit", "QSpinBox", "QToolButton"):
        assert f"{widget}:focus" in focused, widget


@pytest.mark.parametrize(
    "make", [QLineEdit, QCheckBox, QRadioButton, QPushButton, QListWidget, QComboBox]
)
def test_a_focused_widget_shows_the_ring(qtbot, make):
    holder = QWidget()
    qtbot.addWidget(holder)
    holder.setStyleSheet(style.STYLE)
    other = QLineEdit(holder)
    widget = make(holder)
    if isinstance(widget, QAbstractButton):
        widget.setText("Patient may leave the house")
    widget.setGeometry(10, 40, 220, 60 if isinstance(widget, QListWidget) else 28)
    holder.resize(260, 120)
    holder.show()
    holder.activateWindow()
    qtbot.waitUntil(holder.isActiveWindow)
    other.setFocus()
    qtbot.waitUntil(other.hasFocus)

    def ring_pixels() -> int:
        image = widget.grab().toImage()
        ring = QColor(style.FOCUS).rgb()
        return sum(
            1
            for x in range(image.width())
            for y in (0, 1, image.height() - 1, image.height() - 2)
            if image.pixel(x, y) == ring
        )

    assert ring_pixels() == 0
    widget.setFocus(Qt.FocusReason.TabFocusReason)
    qtbot.waitUntil(widget.hasFocus)
    assert ring_pixels() > widget.width()


# ---------------------------------------------------------------- 17: nothing clipped


def plain(text: str) -> str:
    return text.replace("&&", "\0").replace("&", "").replace("\0", "&")


def overflowing(area: QScrollArea) -> list[str]:
    """A scroll area whose content is wider than its viewport, and what sticks out past
    the viewport's right edge (cut off: these scroll areas never scroll sideways)."""
    content, viewport = area.widget(), area.viewport()
    if content is None or content.width() <= viewport.width():
        return []
    out = [f"{type(area).__name__}: content {content.width()} > viewport {viewport.width()}"]
    for widget in content.findChildren(QWidget):
        right = widget.mapTo(viewport, QPoint(widget.width(), 0)).x()
        if widget.isVisibleTo(content) and right > viewport.width() and not widget.children():
            text = getattr(widget, "text", lambda: "")()
            out.append(f"  cut: {type(widget).__name__} {plain(str(text))!r} (right {right})")
    return out


def clipped(root: QWidget) -> list[str]:
    """Every visible label, button or combo whose text does not fit (a word-wrapped
    label: its lines in its height), and every scroll area whose content is wider than
    its viewport."""
    for _ in range(3):  # pending texts, then the layouts they ask for
        QApplication.processEvents()
    out: list[str] = []
    for widget in root.findChildren(QWidget):
        if not widget.isVisibleTo(root) or widget.width() <= 0:
            continue
        name = f"{type(widget).__name__} {widget.objectName()!r}"
        if isinstance(widget, QScrollArea):
            out += overflowing(widget)
        elif isinstance(widget, QLabel):
            text = widget.text()
            if text and widget.wordWrap():  # its lines must fit in its height
                need = widget.heightForWidth(widget.width())
                if need > widget.height():
                    out.append(f"{name}: {plain(text)!r} ({need} > {widget.height()} high)")
                continue
            if not text or widget.textFormat() == Qt.TextFormat.RichText:
                continue
            if re.search(r"<\w+[^>]*>", text):  # rich text: its tags are no width
                continue
            room = widget.contentsRect().width() - 2 * max(widget.margin(), 0)
            metrics = widget.fontMetrics()
            for line in plain(text).split("\n"):
                if metrics.horizontalAdvance(line) > room:
                    out.append(f"{name}: {line!r} ({metrics.horizontalAdvance(line)} > {room})")
        elif isinstance(widget, QAbstractButton):
            if isinstance(widget, QToolButton) and (
                widget.toolButtonStyle() == Qt.ToolButtonStyle.ToolButtonIconOnly
                and not widget.icon().isNull()
            ):
                continue  # an icon (a search field's clear button): its text is its name
            if widget.text() and widget.sizeHint().width() > widget.width():
                out.append(f"{name}: {plain(widget.text())!r}")
        elif isinstance(widget, QComboBox) and widget.currentText():
            option = QStyleOptionComboBox()
            widget.initStyleOption(option)
            room = (
                widget.style()
                .subControlRect(
                    QStyle.ComplexControl.CC_ComboBox,
                    option,
                    QStyle.SubControl.SC_ComboBoxEditField,
                    widget,
                )
                .width()
            )
            need = widget.fontMetrics().horizontalAdvance(widget.currentText())
            if need > room:
                out.append(f"{name}: {widget.currentText()!r} ({need} > {room})")
        elif isinstance(widget, QAbstractSpinBox | QLineEdit):
            continue
    return out


@pytest.mark.parametrize("fit_note", [False, True], ids=["empty", "fit_note_3_capacities"])
@pytest.mark.parametrize("lang", ["nl", "fr", "de", "en"])
def test_nothing_is_clipped_at_1280x800(
    qtbot, services, patient, languages, tmp_path, lang, fit_note
):
    window = make_window(qtbot, services, languages, tmp_path)
    window.open_patient(patient)
    window.acts.new_cert.trigger()
    editor = window.editor
    if fit_note:
        editor.add_capacities(
            [IcfCapacity("d430", 2, ""), IcfCapacity("d415", 1, ""), IcfCapacity("e310", 3, "")]
        )
    editor.reveal_all_findings()
    editor.flush()  # "saved at", not "saving…"
    languages.switch(lang)
    qtbot.wait(10)
    bar = editor.scroll_area.verticalScrollBar()
    found: list[str] = []
    for value in range(0, bar.maximum() + bar.pageStep(), bar.pageStep()):
        bar.setValue(value)
        found += clipped(window)
        if SHOTS and lang in ("nl", "fr") and fit_note:
            window.grab().save(f"{SHOTS}/layout-{lang}-{value // bar.pageStep()}.png")
    from fitnote_desktop.ui.patients import PatientDialog

    dialog = PatientDialog(services, parent=window)
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.keyClicks(dialog.niss, "85073003228")  # a wrong check digit
    assert dialog.niss_msg.isVisible()
    found += clipped(dialog)
    if SHOTS and lang in ("nl", "fr"):
        dialog.grab().save(f"{SHOTS}/layout-{lang}-niss.png")
    assert sorted(set(found)) == []


# ---------------------------------------------------------------- 18: leaving the house


def test_leaving_the_house_is_a_yes_or_no_not_answered_on_a_new_certificate(
    qtbot, services, patient, languages
):
    editor = make_editor(qtbot, services, patient)
    yes, no = editor.out_of_home_yes, editor.out_of_home_no
    assert (yes.text(), no.text()) == ("Yes", "No")
    label = editor.period.row_labels["body.out_of_home_allowed"]
    assert label.text() == "Patient may leave the house" and label.buddy() is yes
    assert not yes.isChecked() and not no.isChecked()
    assert editor.current.body.out_of_home_allowed is None
    assert "incapacity.out_of_home_missing" in {f.code for f in editor.findings}
    no.click()
    assert editor.current.body.out_of_home_allowed is False
    assert "incapacity.out_of_home_missing" not in {f.code for f in editor.findings}
    yes.click()
    assert editor.current.body.out_of_home_allowed is True and not no.isChecked()
    editor.undo_stack.undo()  # one step for the answer, as for a typed word
    assert not yes.isChecked() and not no.isChecked()
    assert editor.current.body.out_of_home_allowed is None
    editor.open(services.drafts.new(DocumentKind.INCAPACITY, patient.id))  # the next one
    assert not yes.isChecked() and not no.isChecked()


def test_return_and_the_answers_letter_go_on_to_the_next_field_needed(
    qtbot, services, patient, languages
):
    languages.switch("nl")
    editor = make_editor(qtbot, services, patient)
    editor.activateWindow()
    qtbot.waitUntil(editor.isActiveWindow)
    qtbot.waitUntil(editor.end.line.hasFocus)
    qtbot.keyClick(editor.end.line, Qt.Key.Key_Return)  # empty: still needed, stays
    assert editor.end.line.hasFocus()
    qtbot.keyClicks(editor.end.line, "+14")
    qtbot.keyClick(editor.end.line, Qt.Key.Key_Return)
    qtbot.waitUntil(editor.expected_return.line.hasFocus)  # past the buttons and chips
    qtbot.keyClicks(editor.expected_return.line, "+1")
    qtbot.keyClick(editor.expected_return.line, Qt.Key.Key_Return)
    qtbot.waitUntil(editor.out_of_home_yes.hasFocus)
    qtbot.keyClick(editor.out_of_home_yes, Qt.Key.Key_X)  # no answer starts with X
    assert editor.current.body.out_of_home_allowed is None and editor.out_of_home_yes.hasFocus()
    qtbot.keyClick(editor.out_of_home_yes, Qt.Key.Key_N)  # "Nee"
    assert editor.current.body.out_of_home_allowed is False
    assert editor.dx_text.hasFocus()
    editor.out_of_home_no.setFocus()
    qtbot.keyClick(editor.out_of_home_no, Qt.Key.Key_J)  # "Ja"
    assert editor.current.body.out_of_home_allowed is True and editor.dx_text.hasFocus()
