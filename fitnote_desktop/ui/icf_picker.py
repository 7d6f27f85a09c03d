"""The ICF picker: find a category by code or words, rate it in words, state it positively.

Keyboard flow (the common case, three capacities in well under a minute):
type "tillen" or "d430" → Enter takes the first hit → the extent (one radio group) has
focus, ← / → or 0–4 choose the extent in words → Tab to the statement, already prefilled with
the catalogue's positive template in the *document's* language with the "…" selected
→ type "5" → Enter adds it and clears the search for the next one; Esc or
Ctrl+Enter closes with everything added so far.
"""

from __future__ import annotations

from collections.abc import Sequence

from PySide6.QtCore import QEvent, QObject, Qt, QTimer
from PySide6.QtGui import QKeyEvent, QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QAbstractButton,
    QButtonGroup,
    QDialog,
    QGridLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QRadioButton,
    QTabWidget,
    QTreeWidget,
    QTreeWidgetItem,
    QVBoxLayout,
    QWidget,
)

from fitnote_desktop.domain.model import IcfCapacity
from fitnote_desktop.ui import i18n, icf_data
from fitnote_desktop.ui.announce import announce
from fitnote_desktop.ui.widgets import ChoiceBox, TemplateLine, name_clear_button

CodeRole = Qt.ItemDataRole.UserRole + 10
COUNT_PAUSE_MS = 400  # the result count is said after a pause in typing, not per keystroke
SCALE = (0, 1, 2, 3, 4)  # 8/9 (not specified / not applicable) are not useful on a fit-note


class _SearchLine(QLineEdit):
    """Down / Enter go to the result list without leaving the keyboard."""

    def __init__(self, picker: IcfPicker) -> None:
        super().__init__(picker)
        self.picker = picker

    def keyPressEvent(self, event: QKeyEvent) -> None:
        if event.key() == Qt.Key.Key_Down:
            self.picker.results.setFocus()
            if self.picker.results.currentRow() < 0 and self.picker.results.count():
                self.picker.results.setCurrentRow(0)
            return
        if event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter) and not (
            event.modifiers() & Qt.KeyboardModifier.ControlModifier
        ):
            self.picker.take_current()
            return
        super().keyPressEvent(event)


class _Statement(TemplateLine):
    """The statement: its gaps are filled as in the editor (Tab to the next "…"); Return
    adds the capacity."""

    def __init__(self, picker: IcfPicker) -> None:
        super().__init__(picker)
        self.picker = picker

    def keyPressEvent(self, event: QKeyEvent) -> None:
        if event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter) and not (
            event.modifiers() & Qt.KeyboardModifier.ControlModifier
        ):
            self.picker.add_current()
            return
        super().keyPressEvent(event)


class IcfPicker(QDialog):
    """Collects capacities in ``chosen``; accepted when at least one was added."""

    def __init__(
        self,
        document_language: str,
        parent: QWidget | None = None,
        suggested: Sequence[str] = (),
    ) -> None:
        super().__init__(parent)
        self.setObjectName("icfPicker")
        self.doc_lang = document_language
        self.suggested = tuple(suggested)  # the diagnosis group's categories: the first list
        self.catalogue = icf_data.catalogue()
        self.chosen: list[IcfCapacity] = []
        self.code: str | None = None

        self.search_label = QLabel(self)
        self.search_label.setObjectName("subTitle")
        self.search = _SearchLine(self)
        self.search.setClearButtonEnabled(True)
        self.search_label.setBuddy(self.search)
        self.tabs = QTabWidget(self)
        self.results = QListWidget(self)
        self.tree = QTreeWidget(self)
        self.tree.setHeaderHidden(True)
        self.core_combo = ChoiceBox(self)
        self.core_label = QLabel(self)
        self.core_label.setBuddy(self.core_combo)
        self.core_list = QListWidget(self)
        core = QWidget(self)
        core_box = QVBoxLayout(core)
        core_box.setContentsMargins(0, 6, 0, 0)
        core_row = QHBoxLayout()
        core_row.addWidget(self.core_label)
        core_row.addWidget(self.core_combo, 1)
        core_box.addLayout(core_row)
        core_box.addWidget(self.core_list, 1)
        self.tabs.addTab(self.results, "")
        self.tabs.addTab(self.tree, "")
        self.tabs.addTab(core, "")
        self.tabs.setMinimumWidth(380)

        self.detail_code = QLabel(self)
        self.detail_code.setObjectName("editorTitle")
        self.detail_label = QLabel(self)
        self.detail_label.setWordWrap(True)
        self.detail_doc_label = QLabel(self)
        self.detail_doc_label.setObjectName("hint")
        self.detail_doc_label.setWordWrap(True)
        self.detail_hint = QLabel(self)
        self.detail_hint.setObjectName("hint")
        self.detail_hint.setWordWrap(True)
        self._build_extent_group()
        self.statement_label = QLabel(self)
        self.statement_label.setObjectName("subTitle")
        self.statement = _Statement(self)
        self.statement_label.setBuddy(self.statement)
        self.add_button = QPushButton(self)
        self.add_button.setObjectName("primary")
        self.add_button.clicked.connect(self.add_current)
        self.done_button = QPushButton(self)
        self.done_button.clicked.connect(self._finish)
        self.added_label = QLabel(self)
        self.added_label.setObjectName("hint")
        self.added_label.setWordWrap(True)

        detail = QVBoxLayout()
        detail.addWidget(self.detail_code)
        detail.addWidget(self.detail_label)
        detail.addWidget(self.detail_doc_label)
        detail.addWidget(self.detail_hint)
        detail.addSpacing(8)
        detail.addWidget(self.extent_box)
        detail.addSpacing(8)
        detail.addWidget(self.statement_label)
        detail.addWidget(self.statement)
        detail.addStretch(1)
        detail.addWidget(self.added_label)
        buttons = QHBoxLayout()
        buttons.addStretch(1)
        buttons.addWidget(self.done_button)
        buttons.addWidget(self.add_button)
        QWidget.setTabOrder(self.done_button, self.add_button)  # as they stand
        detail.addLayout(buttons)
        left = QVBoxLayout()
        left.addWidget(self.search_label)
        left.addWidget(self.search)
        left.addWidget(self.tabs, 1)
        outer = QHBoxLayout(self)
        outer.addLayout(left, 1)
        outer.addSpacing(12)
        outer.addLayout(detail, 1)

        self._count_timer = QTimer(self)
        self._count_timer.setSingleShot(True)
        self._count_timer.setInterval(COUNT_PAUSE_MS)
        self._count_timer.timeout.connect(self._say_count)
        self.search.textChanged.connect(self._searched)
        self.results.currentItemChanged.connect(lambda cur, _p: self._select_item(cur))
        self.results.itemActivated.connect(lambda _i: self.take_current())
        self.tree.currentItemChanged.connect(lambda cur, _p: self._select_item(cur))
        self.tree.itemExpanded.connect(self._expand)
        self.tree.itemActivated.connect(lambda _i, _c: self.take_current())
        self.core_combo.currentIndexChanged.connect(self._show_core_set)
        self.core_list.currentItemChanged.connect(lambda cur, _p: self._select_item(cur))
        self.core_list.itemActivated.connect(lambda _i: self.take_current())
        for value in SCALE:
            QShortcut(QKeySequence(f"Alt+{value}"), self, lambda v=value: self._pick_qualifier(v))
        QShortcut(QKeySequence("Ctrl+Return"), self, self._finish)
        QShortcut(QKeySequence("Ctrl+Enter"), self, self._finish)
        self.installEventFilter(self)
        for b in self.qualifier_buttons.values():
            b.installEventFilter(self)

        self._fill_tree()
        self.retranslate()
        self._show_detail(None)
        self.resize(900, 560)
        self.search.setFocus()

    def _build_extent_group(self) -> None:
        """The extent is one radio group whose name (the group box title) is its question."""
        self.extent_box = QGroupBox(self)
        self.extent_box.setObjectName("extentGroup")
        self.extent_box.setFlat(True)
        self.qualifier_group = QButtonGroup(self)
        self.qualifier_group.setExclusive(True)
        qrow = QGridLayout(self.extent_box)
        qrow.setContentsMargins(0, 4, 0, 0)
        qrow.setSpacing(4)
        self.qualifier_buttons: dict[int, QRadioButton] = {}
        for i, value in enumerate(SCALE):
            b = QRadioButton(self.extent_box)
            b.setObjectName("qualifier")
            self.qualifier_group.addButton(b, value)
            self.qualifier_buttons[value] = b
            qrow.addWidget(b, i, 0)
        self.qualifier_group.idClicked.connect(lambda _v: self._qualifier_changed())

    # ------------------------------------------------------------------ texts

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)

    def retranslate(self) -> None:
        lang = i18n.current_language()
        self.setWindowTitle(self.tr("Add work capacities (ICF)"))
        self.search.setPlaceholderText(
            self.tr("Search by code or words, in any language (e.g. d430, tillen, porter)")
        )
        self.search_label.setText(self.tr("&Search ICF"))
        self.search.setAccessibleName(self.tr("Search ICF"))
        name_clear_button(self.search, self.tr("Clear the ICF search"))
        self.tabs.setTabText(0, self.tr("Results"))
        self.tabs.setTabText(1, self.tr("Chapters"))
        self.tabs.setTabText(2, self.tr("Suggested sets"))
        self.results.setAccessibleName(self.tr("ICF search results"))
        self.tree.setAccessibleName(self.tr("ICF chapters"))
        self.core_label.setText(self.tr("Suggested set"))
        self.core_combo.setAccessibleName(self.tr("Suggested set"))
        self.core_list.setAccessibleName(self.tr("Categories of the suggested set"))
        question = self.tr("How limited is the patient? (Alt+0 … Alt+4)")
        self.extent_box.setTitle(question)
        self.extent_box.setAccessibleName(question)
        for value, b in self.qualifier_buttons.items():
            q = self.catalogue.qualifier(value)
            words = q.wording(lang) if q is not None else str(value)
            b.setText(f"{words}   ·  Alt+{value}")
            b.setToolTip(f"{q.label(lang)} · Alt+{value}" if q is not None else "")
            b.setAccessibleName(words)
        self.statement_label.setText(
            self.tr("What the patient can do (in the document's language)")
        )
        self.statement.setAccessibleName(self.tr("Positive statement"))
        self.add_button.setText(self.tr("Add  (Enter)"))
        self.done_button.setText(self.tr("Done  (Ctrl+Enter)"))
        current = self.core_combo.currentIndex()
        self.core_combo.blockSignals(True)
        self.core_combo.clear()
        for cs in self.catalogue.core_sets:
            self.core_combo.addItem(cs.label(lang), cs.key)
        self.core_combo.setCurrentIndex(max(current, 0))
        self.core_combo.blockSignals(False)
        self._show_core_set()
        self._relabel_tree(self.tree.invisibleRootItem(), lang)
        self._run_search(self.search.text())
        self._show_detail(self.code)
        self._show_added()

    # ------------------------------------------------------------------ lists

    def _item_text(self, code: str, lang: str) -> str:
        return f"{code}  {icf_data.label(code, lang)}"

    def _searched(self, text: str) -> None:
        """Typing in the search: new results; their count is said once typing pauses."""
        self._run_search(text)
        if text.strip():
            self._count_timer.start()
        else:
            self._count_timer.stop()

    def _say_count(self) -> None:
        announce(self.search, self.tr("Results: %1").replace("%1", str(self.results.count())))

    def _run_search(self, text: str) -> None:
        lang = i18n.current_language()
        self.results.clear()
        if not text.strip():
            self._show_suggested(lang)
            return
        hits = self.catalogue.search(text, lang, limit=40, codable_only=True)
        for hit in hits:
            item = QListWidgetItem(self._item_text(hit.category.code, lang))
            item.setData(CodeRole, hit.category.code)
            if hit.matched_lang and hit.matched_lang != lang:
                other = hit.category.label(hit.matched_lang)
                item.setToolTip(f"{hit.matched_lang}: {other}")
            self.results.addItem(item)
        if hits:
            self.tabs.setCurrentIndex(0)
            self.results.setCurrentRow(0)

    def _show_suggested(self, lang: str) -> None:
        """Before any search, the categories suggested for the diagnosis's group."""
        for code in self.suggested:
            item = QListWidgetItem(self._item_text(code, lang))
            item.setData(CodeRole, code)
            item.setToolTip(self.tr("Suggested for the diagnosis"))
            self.results.addItem(item)

    def _fill_tree(self) -> None:
        lang = i18n.current_language()
        for comp in self.catalogue.components():
            top = QTreeWidgetItem([comp.label(lang)])
            top.setData(0, CodeRole, comp.code)
            self.tree.addTopLevelItem(top)
            for chapter in self.catalogue.chapters(comp.code):
                item = QTreeWidgetItem([self._item_text(chapter.code, lang)])
                item.setData(0, CodeRole, chapter.code)
                item.addChild(QTreeWidgetItem(["…"]))  # filled on expansion
                top.addChild(item)

    def _expand(self, item: QTreeWidgetItem) -> None:
        code = item.data(0, CodeRole)
        placeholder = item.child(0) if item.childCount() == 1 else None
        if placeholder is not None and placeholder.data(0, CodeRole) is None:
            item.takeChild(0)
            lang = i18n.current_language()
            for child in self.catalogue.children(code):
                sub = QTreeWidgetItem([self._item_text(child.code, lang)])
                sub.setData(0, CodeRole, child.code)
                if self.catalogue.children(child.code):
                    sub.addChild(QTreeWidgetItem(["…"]))
                item.addChild(sub)

    def _relabel_tree(self, parent: QTreeWidgetItem, lang: str) -> None:
        for i in range(parent.childCount()):
            item = parent.child(i)
            if item is None:
                continue
            code = item.data(0, CodeRole)
            if code:
                text = icf_data.label(code, lang) if len(code) == 1 else self._item_text(code, lang)
                item.setText(0, text)
            self._relabel_tree(item, lang)

    def _show_core_set(self) -> None:
        lang = i18n.current_language()
        self.core_list.clear()
        cs = self.catalogue.core_set(self.core_combo.currentData() or "")
        if cs is None:
            return
        for code in cs.codes:
            item = QListWidgetItem(self._item_text(code, lang))
            item.setData(CodeRole, code)
            self.core_list.addItem(item)

    # ------------------------------------------------------------------ selection

    def _select_item(self, item: QListWidgetItem | QTreeWidgetItem | None) -> None:
        if item is None:
            return
        code = item.data(0, CodeRole) if isinstance(item, QTreeWidgetItem) else item.data(CodeRole)
        if code and self.catalogue.is_valid_code(code):
            self._show_detail(code)

    def _show_detail(self, code: str | None) -> None:
        lang = i18n.current_language()
        previous = self.code
        self.code = code
        enabled = code is not None
        for b in self.qualifier_buttons.values():
            b.setEnabled(enabled)
        self.statement.setEnabled(enabled)
        self.add_button.setEnabled(enabled)
        if code is None:
            self.detail_code.setText(self.tr("Choose a category"))
            self.detail_label.setText(
                self.tr("Search on the left, or browse chapters and suggested sets.")
            )
            self.detail_doc_label.setText("")
            self.detail_hint.setText("")
            return
        cat = self.catalogue.get(code)
        assert cat is not None
        self.detail_code.setText(code)
        self.detail_label.setText(cat.label(lang))
        self.detail_doc_label.setText(
            f"{self.doc_lang.upper()}: {cat.label(self.doc_lang)}" if self.doc_lang != lang else ""
        )
        self.detail_hint.setText(cat.hint(lang) or "")
        if code != previous:
            template = cat.statement_template(self.doc_lang) or ""
            self.statement.setText(template)
            if self.qualifier_group.checkedId() < 0:
                self.qualifier_buttons[2].setChecked(True)

    def take_current(self) -> None:
        """Enter in the search or a list: keep the highlighted category, go to its extent."""
        widget = self.tabs.currentWidget()
        item: QListWidgetItem | QTreeWidgetItem | None
        if widget is self.tree:
            item = self.tree.currentItem()
        elif widget is self.results:
            item = self.results.currentItem() or self.results.item(0)
        else:
            item = self.core_list.currentItem()
        if item is None:
            return
        self._select_item(item)
        if self.code is None:
            return
        checked = self.qualifier_group.checkedButton()
        (checked or self.qualifier_buttons[2]).setFocus()

    def _pick_qualifier(self, value: int) -> None:
        if self.code is not None:
            self.qualifier_buttons[value].setChecked(True)
            self._qualifier_changed()  # focus moves on: say the extent that was set
            announce(self, self.qualifier_buttons[value].accessibleName())

    def _qualifier_changed(self) -> None:
        self.statement.setFocus()
        self._select_ellipsis()

    def _select_ellipsis(self) -> None:
        if not self.statement.select_gap():
            self.statement.end(False)

    def eventFilter(self, obj: QObject, event: QEvent) -> bool:
        """Digits and arrows on the qualifier buttons choose the extent."""
        if (
            isinstance(obj, QAbstractButton)
            and event.type() == QEvent.Type.KeyPress
            and isinstance(event, QKeyEvent)
        ):
            key = event.key()
            if Qt.Key.Key_0 <= key <= Qt.Key.Key_4:
                self._pick_qualifier(key - Qt.Key.Key_0)
                return True
            if key in (Qt.Key.Key_Left, Qt.Key.Key_Right):
                current = max(self.qualifier_group.checkedId(), 0)
                step = 1 if key == Qt.Key.Key_Right else -1
                value = min(max(current + step, 0), 4)
                self.qualifier_buttons[value].setChecked(True)
                self.qualifier_buttons[value].setFocus()
                return True
            if key in (Qt.Key.Key_Return, Qt.Key.Key_Enter, Qt.Key.Key_Space):
                self._qualifier_changed()
                return True
        return super().eventFilter(obj, event)

    # ------------------------------------------------------------------ adding

    def add_current(self) -> None:
        if self.code is None:
            return
        value = self.qualifier_group.checkedId()
        statement = self.statement.text().strip()
        self.chosen.append(IcfCapacity(self.code, value if value >= 0 else 2, statement))
        announce(self, self.tr("Added: %1").replace("%1", self.code))
        self.qualifier_group.setExclusive(False)
        for b in self.qualifier_buttons.values():
            b.setChecked(False)
        self.qualifier_group.setExclusive(True)
        self.statement.clear()
        self._show_detail(None)
        self.search.clear()
        self._show_added()
        QTimer.singleShot(0, self.search.setFocus)

    def _show_added(self) -> None:
        if not self.chosen:
            self.added_label.setText("")
            return
        codes = ", ".join(c.code for c in self.chosen)
        self.added_label.setText(self.tr("Added: %1").replace("%1", codes))

    def _finish(self) -> None:
        if self.code is not None and self.statement.text().strip() and not self.chosen:
            self.add_current()
        if self.chosen:
            self.accept()
        else:
            self.reject()

    def reject(self) -> None:
        """Esc keeps what was added; nothing added means cancelled."""
        if self.chosen:
            self.accept()
        else:
            super().reject()
