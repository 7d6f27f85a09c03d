"""Issue 17: the app at 200 % font size and in a high-contrast palette.

A low-vision physician doubles the font and picks black on white or white on black. The
screens must then show every single-line text whole (no label, button, check box or combo
box cut off), draw every text at 4.5:1 or more against what is behind it, and never tell
a status by colour alone (the outbox and the patient page say it, the checklist shows a
different icon, a warning under a field says "Warning").

Screenshots of each screen (French) go to ``$FITNOTE_SHOTS`` when it is set.
"""

from __future__ import annotations

import os
from collections import Counter
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest
import shiboken6
from PySide6 import QtGui
from PySide6.QtCore import QPoint, QRect, QSettings, Qt
from PySide6.QtGui import QColor, QFont, QGuiApplication, QImage, QPalette
from PySide6.QtWidgets import (
    QAbstractButton,
    QApplication,
    QCheckBox,
    QComboBox,
    QLabel,
    QPushButton,
    QRadioButton,
    QScrollArea,
    QStyle,
    QStyleOptionButton,
    QStyleOptionComboBox,
    QWidget,
)

from fitnote_desktop.domain.findings import Severity
from fitnote_desktop.domain.model import IcfCapacity
from fitnote_desktop.ui.style import contrast, style_sheet
from fitnote_desktop.ui.widgets import FieldMessage

Role = QPalette.ColorRole
PALETTES = {"black_on_white": ("#000000", "#ffffff"), "white_on_black": ("#ffffff", "#000000")}


def high_contrast(text: str, background: str) -> QPalette:
    """A high-contrast palette as the desktops make it: one text colour on one background,
    frames in the text colour, a strong selection."""
    fg, bg = QColor(text), QColor(background)
    palette = QPalette(fg, bg)  # button text and face, then the rest derived
    for role in (Role.Window, Role.Base, Role.AlternateBase, Role.Button, Role.ToolTipBase):
        palette.setColor(role, bg)
    for role in (Role.WindowText, Role.Text, Role.ButtonText, Role.ToolTipText, Role.BrightText):
        palette.setColor(role, fg)
    palette.setColor(Role.PlaceholderText, fg)
    for role in (Role.Light, Role.Midlight, Role.Mid, Role.Dark, Role.Shadow):
        palette.setColor(role, fg)  # frames and check marks drawn in the text colour
    palette.setColor(Role.Highlight, QColor("#1d4ed8" if bg.lightness() > 128 else "#ffff00"))
    palette.setColor(Role.HighlightedText, QColor("#ffffff" if bg.lightness() > 128 else "#000000"))
    palette.setColor(Role.Link, QColor("#0000ee" if bg.lightness() > 128 else "#ffff00"))
    grey = QColor("#6b7280" if bg.lightness() > 128 else "#a1a1aa")
    for role in (Role.WindowText, Role.Text, Role.ButtonText):
        palette.setColor(QPalette.ColorGroup.Disabled, role, grey)
    return palette


@pytest.fixture(params=list(PALETTES), ids=list(PALETTES))
def large_high_contrast(request: pytest.FixtureRequest, qapp: QApplication) -> Iterator[str]:
    """The application font at twice its size, a high-contrast palette and the app's sheet."""
    font, palette, sheet = qapp.font(), qapp.palette(), qapp.styleSheet()
    large = QFont(font)
    large.setPointSizeF(font.pointSizeF() * 2)
    contrasting = high_contrast(*PALETTES[request.param])
    qapp.setPalette(contrasting)
    qapp.setFont(large)
    qapp.setStyleSheet(style_sheet(contrasting, large))
    yield request.param
    qapp.setStyleSheet(sheet)
    qapp.setFont(font)
    qapp.setPalette(palette)


@pytest.fixture
def held() -> Iterator[list[QWidget]]:
    """Deletes the screens before the look is reset (see test_accessibility.held)."""
    keep: list[QWidget] = []
    yield keep
    for widget in keep:
        if shiboken6.isValid(widget):
            shiboken6.delete(widget)


# ------------------------------------------------------------------------ checks


def _plain(text: str) -> str:
    return text.replace("&&", "\0").replace("&", "").replace("\0", "&")


def _shown(widget: QWidget, window: QWidget) -> bool:
    return widget.isVisibleTo(window) and widget.isVisible() and widget.width() > 0


def clipped(window: QWidget) -> list[str]:
    """Single-line texts wider than the room their widget gives them."""
    problems = []
    for w in window.findChildren(QWidget):
        if not _shown(w, window):
            continue
        text, room = "", 0
        if isinstance(w, QLabel):
            text = w.text()
            if not text or w.wordWrap() or "\n" in text or QtGui.Qt.mightBeRichText(text):
                continue
            text = _plain(text) if w.buddy() is not None else text
            room = w.contentsRect().width() - 2 * w.margin() - max(w.indent(), 0)
        elif isinstance(w, QPushButton | QCheckBox | QRadioButton):
            text = _plain(w.text())
            if not text or "\n" in text:
                continue
            option = QStyleOptionButton()
            w.initStyleOption(option)
            element = {
                QPushButton: QStyle.SubElement.SE_PushButtonContents,
                QCheckBox: QStyle.SubElement.SE_CheckBoxContents,
                QRadioButton: QStyle.SubElement.SE_RadioButtonContents,
            }[next(t for t in (QPushButton, QCheckBox, QRadioButton) if isinstance(w, t))]
            room = w.style().subElementRect(element, option, w).width()
            if isinstance(w, QPushButton):  # a focused button's 2 px border takes 1 px a side
                room += 2  # from its contents; the text still has the padding around them
            if not w.icon().isNull():
                room -= w.iconSize().width() + 4
        elif isinstance(w, QComboBox):
            text = w.currentText()
            if not text:
                continue
            option = QStyleOptionComboBox()
            w.initStyleOption(option)
            room = (
                w.style()
                .subControlRect(
                    QStyle.ComplexControl.CC_ComboBox,
                    option,
                    QStyle.SubControl.SC_ComboBoxEditField,
                    w,
                )
                .width()
            )
        else:
            continue
        need = w.fontMetrics().horizontalAdvance(text)
        if need > room + 1:
            problems.append(f"{type(w).__name__} {text!r}: needs {need} px, has {room}")
    return problems


def _colours(image: QImage, rect: QRect, ink_area: int) -> tuple[QColor, QColor] | None:
    """The background (the colour filling most of ``rect``) and the text on it: of the
    colours that cover a visible share of the rect, the one farthest from the background
    (anti-aliasing spreads a glyph's edges over many shades; its strokes keep the text's
    own colour, and a gradient's shades stay close to the background)."""
    pixels = memoryview(image.constBits()).cast("I")
    per_line = image.bytesPerLine() // 4
    left, right = max(rect.left(), 0), min(rect.right() + 1, image.width())
    counts: Counter[int] = Counter()
    for y in range(max(rect.top(), 0), min(rect.bottom() + 1, image.height())):
        counts.update(pixels[y * per_line + left : y * per_line + right].tolist())
    if len(counts) < 2:
        return None
    background = QColor.fromRgb(counts.most_common(1)[0][0])
    enough = max(8, ink_area // 200)  # of the area the text itself covers
    inks = [QColor.fromRgb(rgb) for rgb, n in counts.items() if n >= enough]
    text = max(inks, key=lambda ink: contrast(ink, background))
    return background, text


def _text_rect(w: QWidget) -> QRect:
    """Where ``w`` draws its text (a check box's text, not its indicator)."""
    if isinstance(w, QCheckBox | QRadioButton):
        option = QStyleOptionButton()
        w.initStyleOption(option)
        element = (
            QStyle.SubElement.SE_CheckBoxContents
            if isinstance(w, QCheckBox)
            else QStyle.SubElement.SE_RadioButtonContents
        )
        return w.style().subElementRect(element, option, w)
    if isinstance(w, QPushButton):
        option = QStyleOptionButton()
        w.initStyleOption(option)
        inside = QStyle.SubElement.SE_PushButtonContents
        return w.style().subElementRect(inside, option, w).adjusted(2, 2, -2, -2)
    return w.contentsRect()


def _picture_root(w: QWidget, window: QWidget) -> QWidget:
    """What to photograph for ``w``: the whole content of the scroll area it is in (parts
    of it are scrolled out of the window), else the window."""
    root, parent = window, w.parentWidget()
    while parent is not None and parent is not window:
        if isinstance(parent, QScrollArea) and parent.widget() is not None:
            root = parent.widget()
        parent = parent.parentWidget()
    return root


def unreadable(window: QWidget) -> list[str]:
    """Enabled texts drawn at less than 4.5:1 against what is behind them, as rendered."""
    pictures: dict[int, QImage] = {}
    problems = []
    for w in window.findChildren(QLabel) + window.findChildren(QAbstractButton):
        if not _shown(w, window) or not w.isEnabled() or not w.text().strip():
            continue
        root = _picture_root(w, window)
        if id(root) not in pictures:
            pictures[id(root)] = root.grab().toImage().convertToFormat(QImage.Format.Format_RGB32)
        image = pictures[id(root)]
        ratio = image.devicePixelRatio()
        rect = _text_rect(w).translated(w.mapTo(root, QPoint(0, 0)))
        scaled = QRect(rect.topLeft() * ratio, rect.size() * ratio)
        metrics = w.fontMetrics()
        ink = min(rect.width(), metrics.horizontalAdvance(_plain(w.text()))) * metrics.height()
        found = _colours(image, scaled, int(ink * ratio * ratio))
        if found is None:
            continue
        background, colour = found
        if contrast(colour, background) < 4.5:
            problems.append(
                f"{type(w).__name__}#{w.objectName()} {_plain(w.text())!r}: {colour.name()} on "
                f"{background.name()} ({contrast(colour, background):.1f}:1)"
            )
    return problems


def colour_only(window: QWidget) -> list[str]:
    """Statuses told by colour without a word (or, in the checklist, a distinct icon)."""
    problems = []
    for message in window.findChildren(FieldMessage):
        if _shown(message, window) and message.property("severity") == Severity.WARNING.value:
            word = QApplication.translate("FieldMessage", "Warning: %1").split("%1")[0].strip()
            if not all(line.startswith(word) for line in message.text().splitlines()):
                problems.append(f"a warning without the word {word!r}: {message.text()!r}")
    return problems


# ------------------------------------------------------------------------ screens


def _editor_with_fit_note(qtbot, services, patient, tmp_path):  # type: ignore[no-untyped-def]
    from fitnote_desktop.ui.main_window import MainWindow

    settings = QSettings(str(tmp_path / "ui.ini"), QSettings.Format.IniFormat)
    window = MainWindow(services, _languages(), settings=settings)
    qtbot.addWidget(window)
    window.resize(2560, 1600)
    window.show()
    window.open_patient(patient)
    window.acts.new_cert.trigger()
    window.editor.add_capacities(
        [
            IcfCapacity("d430", 2, "Peut soulever jusqu'à 5 kg"),
            IcfCapacity("d415", 1, "Peut rester assis 30 minutes"),
            IcfCapacity("e250", 2, ""),  # no statement: a warning under its row
        ]
    )
    qtbot.wait(50)
    return window


def _signed(services, patient):  # type: ignore[no-untyped-def]
    """A signed certificate; it waits in the outbox (no endpoint in these tests)."""
    from dataclasses import replace
    from datetime import date, timedelta

    from fitnote_desktop.domain import samples
    from fitnote_desktop.domain.model import Diagnosis, DocumentKind, Period

    today = date(2026, 11, 23)
    rec = services.drafts.new(DocumentKind.INCAPACITY, patient.id)
    end = today + timedelta(days=6)
    body = replace(
        rec.document.body,
        period=Period(today, end),
        expected_return=end + timedelta(days=1),
        diagnoses=(Diagnosis("Grippe", principal=True),),
        out_of_home_allowed=True,
    )
    doc = replace(rec.document, body=body, consent=samples.consent(today))
    services.drafts.save(patient.id, doc)
    return services.sending.sign_and_send(rec.id, lambda _purpose: "1234")


def _languages():  # type: ignore[no-untyped-def]
    from fitnote_desktop.ui import i18n

    return i18n.LanguageManager()


def screen_editor(qtbot, services, patient, tmp_path) -> QWidget:  # type: ignore[no-untyped-def]
    window = _editor_with_fit_note(qtbot, services, patient, tmp_path)
    window.editor.reveal_all_findings()  # every inline error and warning on screen
    return window


def screen_patient_page(qtbot, services, patient, tmp_path) -> QWidget:  # type: ignore[no-untyped-def]
    from fitnote_desktop.ui.main_window import MainWindow

    _signed(services, patient)
    settings = QSettings(str(tmp_path / "ui.ini"), QSettings.Format.IniFormat)
    window = MainWindow(services, _languages(), settings=settings)
    qtbot.addWidget(window)
    window.resize(2560, 1600)
    window.show()
    window.open_patient(patient)
    return window


def screen_icf_picker(qtbot, services, patient, tmp_path) -> QWidget:  # type: ignore[no-untyped-def]
    from fitnote_desktop.ui.icf_picker import IcfPicker

    picker = IcfPicker("fr")
    qtbot.addWidget(picker)
    picker.show()
    qtbot.keyClicks(picker.search, "soulever")
    return picker


def screen_pin(qtbot, services, patient, tmp_path) -> QWidget:  # type: ignore[no-untyped-def]
    from fitnote_desktop.ui.pin_dialog import PinDialog

    dialog = PinDialog("signature", "pkcs12", hint="demo")
    qtbot.addWidget(dialog)
    dialog.show()
    return dialog


def screen_settings(qtbot, services, patient, tmp_path) -> QWidget:  # type: ignore[no-untyped-def]
    from fitnote_desktop.ui.settings import SettingsDialog

    dialog = SettingsDialog(
        services, QSettings(str(tmp_path / "s.ini"), QSettings.Format.IniFormat)
    )
    qtbot.addWidget(dialog)
    dialog.show()
    return dialog


def screen_outbox(qtbot, services, patient, tmp_path) -> QWidget:  # type: ignore[no-untyped-def]
    from fitnote_desktop.ui.outbox import OutboxDialog

    _signed(services, patient)
    dialog = OutboxDialog(services)
    qtbot.addWidget(dialog)
    dialog.show()
    dialog.refresh()
    return dialog


SCREENS: dict[str, Callable[..., QWidget]] = {
    "editor_fit_note": screen_editor,
    "patient_page": screen_patient_page,
    "icf_picker": screen_icf_picker,
    "pin": screen_pin,
    "settings": screen_settings,
    "outbox": screen_outbox,
}


@pytest.mark.parametrize("screen", list(SCREENS))
def test_every_text_is_whole_readable_and_worded_at_double_size_in_high_contrast(
    held, large_high_contrast, qtbot, services, patient, languages, tmp_path, screen
) -> None:
    languages.switch("fr")
    window = SCREENS[screen](qtbot, services, patient, tmp_path)
    held.append(window)
    QApplication.processEvents()
    shots = os.environ.get("FITNOTE_SHOTS")
    if shots:
        window.grab().save(str(Path(shots) / f"a11y2-{screen}-{large_high_contrast}.png"))
        for i, area in enumerate(window.findChildren(QScrollArea)):  # the whole form
            if area.isVisible() and area.widget() is not None and area.widget().height() > 800:
                name = f"a11y2-{screen}-{large_high_contrast}-content{i}.png"
                area.widget().grab().save(str(Path(shots) / name))
    problems = clipped(window) + unreadable(window) + colour_only(window)
    assert not problems, "\n".join(problems)


def test_the_patient_page_statuses_are_words_readable_on_the_list(
    held, large_high_contrast, qtbot, services, patient, languages, tmp_path
) -> None:
    window = screen_patient_page(qtbot, services, patient, tmp_path)
    held.append(window)
    model = window.page.table.model()
    base = QGuiApplication.palette().color(QPalette.ColorRole.Base)
    assert model.rowCount() == 1
    index = model.index(0, 3)
    colour = index.data(Qt.ItemDataRole.ForegroundRole).color()
    assert index.data(Qt.ItemDataRole.DisplayRole)  # "Waiting to be sent", not a dot
    assert contrast(colour, base) >= 4.5, colour.name()


def test_the_checklist_tells_errors_from_warnings_by_icon_and_word(
    held, large_high_contrast, qtbot, services, patient, languages, tmp_path
) -> None:
    window = screen_editor(qtbot, services, patient, tmp_path)
    held.append(window)
    editor = window.editor
    items = [editor.findings_list.item(i) for i in range(editor.findings_list.count())]
    icons = {
        item.data(Qt.ItemDataRole.AccessibleDescriptionRole): item.icon().cacheKey()
        for item in items
    }
    assert len(icons) == 2 and len(set(icons.values())) == 2  # errors and warnings: two shapes
    assert all(item.text() for item in items)


def test_the_outbox_says_each_status(
    held, large_high_contrast, qtbot, services, patient, languages, tmp_path
) -> None:
    outbox = screen_outbox(qtbot, services, patient, tmp_path)
    held.append(outbox)
    statuses = [outbox.table.item(r, 1).text() for r in range(outbox.table.rowCount())]
    assert statuses and all(statuses)
