"""Translations: complete .ts files, and no English left in a Dutch UI after a runtime switch."""

from __future__ import annotations

import subprocess
import sys
import xml.etree.ElementTree as ET
from pathlib import Path

import pytest
from PySide6.QtCore import QSettings, Qt
from PySide6.QtGui import QAction
from PySide6.QtWidgets import (
    QAbstractButton,
    QComboBox,
    QLabel,
    QLineEdit,
    QListWidget,
    QTableView,
    QTabWidget,
    QWidget,
)

from fitnote_desktop.domain.model import DocumentKind
from fitnote_desktop.resources import translations_path
from fitnote_desktop.ui.i18n import LANGUAGE_NAMES
from fitnote_desktop.ui.main_window import MainWindow

LANGS = ("nl", "fr", "de")


def messages(lang: str) -> list[ET.Element]:
    tree = ET.parse(translations_path(f"fitnote_{lang}.ts"))
    return list(tree.getroot().iter("message"))


@pytest.mark.parametrize("lang", LANGS)
def test_no_unfinished_or_empty_entry(lang):
    problems = []
    for msg in messages(lang):
        source = msg.findtext("source")
        tr = msg.find("translation")
        if tr is None or tr.get("type") in ("unfinished", "obsolete", "vanished"):
            problems.append(source)
            continue
        texts = [f.text for f in tr.findall("numerusform")] if msg.get("numerus") else [tr.text]
        if not texts or not all(t and t.strip() for t in texts):
            problems.append(source)
    assert not problems, problems


def test_ts_files_are_in_sync_with_the_code(tmp_path):
    """Every string in the UI code is in the .ts files (run scripts/compile_translations.py)."""
    ui = Path(__file__).resolve().parents[2] / "fitnote_desktop" / "ui"
    out = tmp_path / "fresh.ts"
    lupdate = Path(sys.executable).with_name("pyside6-lupdate")
    subprocess.run(
        [str(lupdate), "-locations", "none", *sorted(map(str, ui.rglob("*.py"))), "-ts", str(out)],
        check=True,
        capture_output=True,
    )
    fresh = {m.findtext("source") for m in ET.parse(out).getroot().iter("message")}
    current = {m.findtext("source") for m in messages("nl")}
    assert fresh - current == set(), "run: python scripts/compile_translations.py --update"


def english_only() -> set[str]:
    """Sources whose Dutch translation differs (so seeing them means English leaked)."""
    out = set()
    for msg in messages("nl"):
        source = msg.findtext("source") or ""
        tr = msg.find("translation")
        text = tr.text if tr is not None else ""
        if msg.get("numerus") or not text or text == source:
            continue
        out.add(source.replace("&", ""))
    return out


def visible_texts(root: QWidget) -> list[str]:
    texts: list[str] = []
    for w in [root, *root.findChildren(QWidget)]:
        if isinstance(w, QLabel | QAbstractButton):
            texts.append(w.text())
        elif isinstance(w, QLineEdit):
            texts.append(w.placeholderText())
        elif isinstance(w, QComboBox):
            texts += [w.itemText(i) for i in range(w.count())]
        elif isinstance(w, QTabWidget):
            texts += [w.tabText(i) for i in range(w.count())]
        elif isinstance(w, QListWidget):
            texts += [w.item(i).text() for i in range(w.count())]
        elif isinstance(w, QTableView) and w.model() is not None:
            m = w.model()
            texts += [
                str(m.headerData(c, Qt.Orientation.Horizontal, Qt.ItemDataRole.DisplayRole))
                for c in range(m.columnCount())
            ]
        texts.append(w.accessibleName())
        texts.append(w.toolTip())
    texts.append(root.windowTitle())
    for act in root.findChildren(QAction):
        if act.text() not in LANGUAGE_NAMES.values():  # each language in its own name
            texts.append(act.text())
    return [t.replace("&", "") for t in texts if t]


def test_runtime_switch_to_dutch_leaves_no_english(qtbot, services, patient, languages, tmp_path):
    settings = QSettings(str(tmp_path / "ui.ini"), QSettings.Format.IniFormat)
    window = MainWindow(services, languages, settings=settings)
    qtbot.addWidget(window)
    window.show()
    window.open_patient(patient)
    window.new_document(DocumentKind.INCAPACITY)
    window.editor.fit_enabled.setChecked(True)
    languages.switch("nl")  # at runtime, with everything already built in English
    leaked = sorted(set(visible_texts(window)) & english_only())
    assert not leaked, leaked
    assert window.acts.menu_doc.title().replace("&", "") == "Document"
    assert window.editor.sign_button.text().startswith("Ondertekenen")
    # findings from the domain are in Dutch as well
    assert any(
        "verplicht" in window.editor.findings_list.item(i).text()
        for i in range(window.editor.findings_list.count())
    )
    languages.switch("fr")
    assert window.editor.sign_button.text().startswith("Signer")
    assert "Patients" in window.search.heading.text()
