"""One style sheet for the whole app: calm, readable, errors and warnings unmistakable.

Focus is always visible: the widget with focus gets a 2px ring in ``FOCUS``, a colour
with a contrast of at least 3:1 (WCAG 2.2, non-text contrast) against the window and
section backgrounds. Inputs carry a border of that width at all times (transparent or
grey), so the ring does not change their size.
"""

from __future__ import annotations

WINDOW = "#f6f7f9"  # window and dialogs
PANEL = "#ffffff"  # sections, side panels, lists
FOCUS = "#1d4ed8"  # the focus ring

STYLE_BASE = """
QMainWindow, QDialog { background: #f6f7f9; }
#patientPanel { background: #ffffff; border-right: 1px solid #e3e6ea; }
#panelTitle, #pageTitle { font-size: 17px; font-weight: 600; color: #111827; }
#editorTitle { font-size: 18px; font-weight: 600; color: #111827; }
#editorSubtitle { color: #4b5563; }
#section, #timeline { background: #ffffff; border: 1px solid #e3e6ea; border-radius: 8px; }
#sectionTitle { font-size: 14px; font-weight: 600; color: #1f2937; }
#subTitle { font-weight: 600; color: #374151; margin-top: 6px; }
#hint { color: #6b7280; }
#findingsPanel { background: #ffffff; border-left: 1px solid #e3e6ea; }
#capacityRow { background: #f9fafb; border: 1px solid #e5e7eb; border-radius: 6px; }
#fieldMessage[severity="error"] { color: #b91c1c; }
#fieldMessage[severity="warning"] { color: #92400e; }
#fieldMessage[severity="hint"] { color: #6b7280; }
QLineEdit[severity="error"], QComboBox[severity="error"], QPlainTextEdit[severity="error"] {
    border: 1px solid #dc2626; border-radius: 3px; background: #fef2f2; }
QLineEdit[severity="warning"], QComboBox[severity="warning"] {
    border: 1px solid #d97706; border-radius: 3px; background: #fffbeb; }
QPushButton { padding: 5px 12px; }
QPushButton#primary { background: #1d4ed8; color: white; border: 1px solid #1e40af;
    border-radius: 5px; padding: 7px 16px; font-weight: 600; }
QPushButton#primary:disabled { background: #93a3c8; border-color: #93a3c8; }
QPushButton#primary:focus { border: 2px solid #111827; }
QPushButton#chip { padding: 2px 8px; border: 1px solid #cbd5e1; border-radius: 10px;
    background: #f1f5f9; }
QPushButton#chip:hover { background: #e2e8f0; }
QPushButton#chip:checked { background: #1d4ed8; color: white; border-color: #1e40af; }
QRadioButton#qualifier { padding: 6px 10px; border: 1px solid #cbd5e1;
    border-radius: 5px; background: #ffffff; }
QRadioButton#qualifier:checked { background: #1d4ed8; color: white; border-color: #1e40af;
    font-weight: 600; }
QRadioButton#qualifier:focus { border: 2px solid #111827; }
QGroupBox#extentGroup { font-weight: 600; border: none; margin-top: 1.2em; }
QGroupBox#extentGroup::title { subcontrol-origin: margin; left: 0; padding: 0; }
#signedInfo { color: #374151; }
#saveState[state="saved"] { color: #047857; }
#saveState[state="pending"] { color: #6b7280; }
#saveState[state="error"] { color: #b91c1c; font-weight: 600; }
#saveState[state="signed"] { color: #1d4ed8; font-weight: 600; }
#demoBanner { background: #fde68a; color: #78350f; font-weight: 700; padding: 4px;
    border-bottom: 1px solid #f59e0b; }
#connection[online="true"] { color: #047857; }
#connection[online="false"] { color: #b45309; }
#welcome { color: #374151; font-size: 14px; }
QListView#findings::item { padding: 4px; }
QTableView { background: #ffffff; alternate-background-color: #f9fafb; }
"""

# after the severity rules: a field with an error shows the ring while it has focus
FOCUS_RULES = """
QLineEdit, QPlainTextEdit, QComboBox, QSpinBox, QDoubleSpinBox {
    border: 1px solid #9ca3af; border-radius: 3px; padding: 1px; background: #ffffff; }
QLineEdit:focus, QPlainTextEdit:focus, QComboBox:focus, QSpinBox:focus,
QDoubleSpinBox:focus { border: 2px solid FOCUS; padding: 0px; }
QLineEdit:disabled, QPlainTextEdit:disabled, QComboBox:disabled, QSpinBox:disabled,
QDoubleSpinBox:disabled { background: #f3f4f6; color: #6b7280; }
QCheckBox, QRadioButton { border: 2px solid transparent; border-radius: 3px; padding: 1px; }
QCheckBox:focus, QRadioButton:focus { border: 2px solid FOCUS; }
QPushButton:focus, QToolButton:focus { border: 2px solid FOCUS; border-radius: 4px; }
QListView, QTreeView, QTableView { border: 1px solid #cbd5e1; padding: 1px; }
QListView:focus, QTreeView:focus, QTableView:focus { border: 2px solid FOCUS; padding: 0px; }
QTabBar::tab:focus { border: 2px solid FOCUS; }
""".replace("FOCUS", FOCUS)

STYLE = STYLE_BASE + FOCUS_RULES
