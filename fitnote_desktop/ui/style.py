"""One style sheet for the whole app: calm, readable, errors and warnings unmistakable.

The sheet follows the user's palette and font instead of fixing them: a dark or
high-contrast palette gets the dark set of colours (every text colour keeps at least
4.5:1 against the background it is drawn on, in both sets), and the titles are sized
relative to the application font, so a physician who doubles the font size gets
titles that grow with it.

Focus is always visible: the widget with focus gets a 2px ring in the set's ``ring``
colour, with a contrast of at least 3:1 (WCAG 2.2, non-text contrast) against the window
and section backgrounds. Inputs carry a border of that width at all times (transparent or
grey), so the ring does not change their size.
"""

from __future__ import annotations

from string import Template

from PySide6.QtGui import QColor, QFont, QPalette

# Text colours are checked against their backgrounds by tests/ui/test_large_font_contrast.py.
LIGHT = {
    "window": "#f6f7f9",
    "panel": "#ffffff",
    "line": "#e3e6ea",
    "title": "#111827",
    "text": "#1f2937",
    "subtle": "#374151",
    "hint": "#4b5563",
    "error": "#b91c1c",
    "error_bg": "#fef2f2",
    "error_border": "#dc2626",
    "warning": "#92400e",
    "warning_bg": "#fffbeb",
    "warning_border": "#d97706",
    "ok": "#047857",
    "signed": "#1d4ed8",
    "accent": "#1d4ed8",
    "accent_border": "#1e40af",
    "on_accent": "#ffffff",
    "accent_disabled": "#93a3c8",
    "focus": "#111827",
    "ring": "#1d4ed8",
    "frame": "#9ca3af",
    "input": "#ffffff",
    "input_disabled": "#f3f4f6",
    "chip": "#f1f5f9",
    "chip_hover": "#e2e8f0",
    "chip_border": "#cbd5e1",
    "row": "#f9fafb",
    "offline": "#b45309",
    "banner": "#fde68a",
    "on_banner": "#78350f",
    "banner_border": "#f59e0b",
}
DARK = {
    "window": "palette(window)",
    "panel": "palette(base)",
    "line": "#6b7280",
    "title": "palette(window-text)",
    "text": "palette(window-text)",
    "subtle": "palette(window-text)",
    "hint": "#c4c9d1",
    "error": "#fca5a5",
    "error_bg": "#3b0a0a",
    "error_border": "#f87171",
    "warning": "#fcd34d",
    "warning_bg": "#3a2a05",
    "warning_border": "#fbbf24",
    "ok": "#6ee7b7",
    "signed": "#93c5fd",
    "accent": "#1d4ed8",
    "accent_border": "#93c5fd",
    "on_accent": "#ffffff",
    "accent_disabled": "#374151",
    "focus": "#ffffff",
    "ring": "#ffffff",
    "frame": "#9ca3af",
    "input": "palette(base)",
    "input_disabled": "palette(window)",
    "chip": "palette(button)",
    "chip_hover": "#374151",
    "chip_border": "#9ca3af",
    "row": "palette(base)",
    "offline": "#fcd34d",
    "banner": "#fde68a",
    "on_banner": "#78350f",
    "banner_border": "#f59e0b",
}

SHEET = Template("""
QMainWindow, QDialog { background: $window; }
#patientPanel { background: $panel; border-right: 1px solid $line; }
#panelTitle, #pageTitle { font-size: ${large}pt; font-weight: 600; color: $title; }
#editorTitle { font-size: ${larger}pt; font-weight: 600; color: $title; }
#editorSubtitle { color: $hint; }
#section, #timeline { background: $panel; border: 1px solid $line; border-radius: 8px; }
#sectionTitle { font-size: ${medium}pt; font-weight: 600; color: $text; }
#subTitle { font-weight: 600; color: $subtle; margin-top: 6px; }
#hint { color: $hint; }
#findingsPanel { background: $panel; border-left: 1px solid $line; }
#capacityRow { background: $row; border: 1px solid $line; border-radius: 6px; }
#fieldMessage[severity="error"] { color: $error; }
#fieldMessage[severity="warning"] { color: $warning; }
#fieldMessage[severity="hint"] { color: $hint; }
QLineEdit[severity="error"], QComboBox[severity="error"], QPlainTextEdit[severity="error"] {
    border: 1px solid $error_border; border-radius: 3px; background: $error_bg; }
QLineEdit[severity="warning"], QComboBox[severity="warning"] {
    border: 1px solid $warning_border; border-radius: 3px; background: $warning_bg; }
QPushButton { padding: 5px 12px; }
QPushButton#primary { background: $accent; color: $on_accent; border: 1px solid $accent_border;
    border-radius: 5px; padding: 7px 16px; font-weight: 600; }
QPushButton#primary:disabled { background: $accent_disabled; border-color: $accent_disabled; }
QPushButton#primary:focus { border: 2px solid $focus; }
QPushButton#chip { padding: 2px 8px; border: 1px solid $chip_border; border-radius: 10px;
    background: $chip; }
QPushButton#chip:hover { background: $chip_hover; }
QPushButton#chip:checked { background: $accent; color: $on_accent; border-color: $accent_border; }
QRadioButton#qualifier { padding: 6px 10px; border: 1px solid $chip_border;
    border-radius: 5px; background: $panel; }
QRadioButton#qualifier:checked { background: $accent; color: $on_accent;
    border-color: $accent_border; font-weight: 600; }
QRadioButton#qualifier:focus { border: 2px solid $focus; }
QGroupBox#extentGroup { font-weight: 600; border: none; margin-top: 1.2em; }
QGroupBox#extentGroup::title { subcontrol-origin: margin; left: 0; padding: 0; }
QGroupBox#choiceGroup { border: none; margin-top: 0; padding: 0; }
QGroupBox#choiceGroup[titled="true"] { margin-top: 1.4em; }
QGroupBox#choiceGroup::title { subcontrol-origin: margin; left: 0; padding: 0; color: $subtle; }
#signedInfo { color: $subtle; }
#saveState[state="saved"] { color: $ok; }
#saveState[state="pending"] { color: $hint; }
#saveState[state="error"] { color: $error; font-weight: 600; }
#saveState[state="signed"] { color: $signed; font-weight: 600; }
#demoBanner { background: $banner; color: $on_banner; font-weight: 700; padding: 4px;
    border-bottom: 1px solid $banner_border; }
#connection[online="true"] { color: $ok; }
#connection[online="false"] { color: $offline; }
#welcome { color: $subtle; font-size: ${medium}pt; }
QListView#findings::item { padding: 4px; }
#pinSubject { background: $row; border: 1px solid $line; border-radius: 4px; padding: 8px;
    color: $text; }
QTableView { background: $panel; alternate-background-color: $row; }
QLineEdit, QPlainTextEdit, QComboBox, QSpinBox, QDoubleSpinBox {
    border: 1px solid $frame; border-radius: 3px; padding: 1px; background: $input; }
QLineEdit:focus, QPlainTextEdit:focus, QComboBox:focus, QSpinBox:focus,
QDoubleSpinBox:focus { border: 2px solid $ring; padding: 0px; }
QLineEdit:disabled, QPlainTextEdit:disabled, QComboBox:disabled, QSpinBox:disabled,
QDoubleSpinBox:disabled { background: $input_disabled; color: $hint; }
QCheckBox, QRadioButton { border: 2px solid transparent; border-radius: 3px; padding: 1px; }
QCheckBox:focus, QRadioButton:focus { border: 2px solid $ring; }
QPushButton:focus, QToolButton:focus { border: 2px solid $ring; border-radius: 4px; }
QListView, QTreeView, QTableView { border: 1px solid $chip_border; padding: 1px; }
QListView:focus, QTreeView:focus, QTableView:focus { border: 2px solid $ring; padding: 0px; }
QTabBar::tab:focus { border: 2px solid $ring; }
""")


# Fusion draws frames and check box outlines a shade darker than the window: on a black
# window they vanish. A dark palette gets them drawn in a light line (shape, not colour,
# tells a ticked box: it is filled).
DARK_FRAMES = """
QLineEdit, QPlainTextEdit, QAbstractSpinBox, QComboBox {
    border: 1px solid #9ca3af; border-radius: 3px; padding: 2px 4px; }
QLineEdit:focus, QPlainTextEdit:focus, QAbstractSpinBox:focus, QComboBox:focus {
    border: 2px solid #ffffff; }
QCheckBox::indicator, QRadioButton::indicator, QGroupBox::indicator {
    width: 0.9em; height: 0.9em; border: 2px solid #e5e7eb; background: palette(base); }
QRadioButton::indicator { border-radius: 0.55em; }
QCheckBox::indicator:checked, QRadioButton::indicator:checked, QGroupBox::indicator:checked {
    background: #93c5fd; border-color: #ffffff; }
QCheckBox::indicator:disabled, QRadioButton::indicator:disabled { border-color: #6b7280; }
"""


def _render(colours: dict[str, str], size: float) -> str:
    return SHEET.substitute(
        colours,
        medium=f"{size * 1.15:.1f}",
        large=f"{size * 1.4:.1f}",
        larger=f"{size * 1.5:.1f}",
    )


# The light set at the default size: for tests and tools that need one fixed sheet.
WINDOW = LIGHT["window"]
PANEL = LIGHT["panel"]
FOCUS = LIGHT["ring"]
STYLE = _render(LIGHT, 10.0)


def is_dark(palette: QPalette) -> bool:
    """A palette whose windows are dark (a dark or white-on-black high-contrast theme)."""
    return palette.color(QPalette.ColorRole.Window).lightnessF() < 0.5


def style_sheet(palette: QPalette, font: QFont) -> str:
    """The app's style sheet for this palette and base font."""
    size = font.pointSizeF() if font.pointSizeF() > 0 else 10.0
    dark = is_dark(palette)
    sheet = _render(DARK if dark else LIGHT, size)
    return sheet + DARK_FRAMES if dark else sheet


def contrast(a: QColor, b: QColor) -> float:
    """WCAG contrast ratio of two colours (1 to 21)."""

    def luminance(c: QColor) -> float:
        def channel(v: float) -> float:
            return v / 12.92 if v <= 0.03928 else ((v + 0.055) / 1.055) ** 2.4

        return (
            0.2126 * channel(c.redF()) + 0.7152 * channel(c.greenF()) + 0.0722 * channel(c.blueF())
        )

    light, dark = sorted((luminance(a), luminance(b)), reverse=True)
    return (light + 0.05) / (dark + 0.05)


def readable_on(colour: QColor, background: QColor) -> QColor:
    """``colour``, lightened or darkened just enough to be read on ``background`` (4.5:1).

    For colours chosen in code (a status in a table) that must stay legible whatever the
    user's palette.
    """
    result = QColor(colour)
    darken = background.lightnessF() >= 0.5
    for _ in range(20):
        if contrast(result, background) >= 4.5:
            break
        result = result.darker(115) if darken else result.lighter(125)
        if not darken and result.lightness() >= 250:
            result = QColor("#ffffff")
    return result
