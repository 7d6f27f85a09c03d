"""The document editor: assembles the sections, validates as the user types, autosaves.

The editor holds one immutable :class:`Document` (``current``). Each input change
rebuilds the document from the inputs through the field table (:mod:`.fields`), pushes
an undo snapshot, runs the domain validation and schedules an autosave. A finding's
path resolves to its field, which shows the message and takes focus. Inline messages
appear for fields the physician has touched, and for all fields after a first attempt
to sign, so that a fresh draft is a checklist, not a wall of red.
"""

from __future__ import annotations

import itertools
from datetime import datetime
from typing import Any

from PySide6.QtCore import QEvent, Qt, QTime, QTimer, Signal
from PySide6.QtGui import QKeySequence, QShortcut, QShowEvent, QUndoStack
from PySide6.QtWidgets import (
    QApplication,
    QFrame,
    QHBoxLayout,
    QScrollArea,
    QSizePolicy,
    QVBoxLayout,
    QWidget,
)

from fitnote_desktop.domain.findings import Finding, Severity
from fitnote_desktop.domain.model import Document, IcfCapacity
from fitnote_desktop.services import ServiceError, Services
from fitnote_desktop.services.ports import DocumentRecord
from fitnote_desktop.ui import i18n, labels
from fitnote_desktop.ui.editor import binding, fields, paths
from fitnote_desktop.ui.editor.capacities import CapacitiesSection
from fitnote_desktop.ui.editor.changes_view import ChangesPanel
from fitnote_desktop.ui.editor.diagnosis import DiagnosisSection
from fitnote_desktop.ui.editor.fit_note import FitNoteSection
from fitnote_desktop.ui.editor.header import EditorHeader
from fitnote_desktop.ui.editor.hospital import HospitalSection
from fitnote_desktop.ui.editor.invalidity import InvaliditySection
from fitnote_desktop.ui.editor.period import DURATIONS, PeriodSection
from fitnote_desktop.ui.editor.previous import PreviousSection
from fitnote_desktop.ui.editor.recipients import RecipientsSection
from fitnote_desktop.ui.editor.resumption import ResumptionSection
from fitnote_desktop.ui.editor.section import EditorSection
from fitnote_desktop.ui.editor.sidebar import Sidebar
from fitnote_desktop.ui.editor.undo import Snapshot
from fitnote_desktop.ui.editor.work import WorkSection
from fitnote_desktop.ui.widgets import DateField, FieldMessage, mark

AUTOSAVE_MS = 600

Target = tuple[QWidget, FieldMessage]


class DocumentEditor(QWidget):
    """Edits one draft; emits ``saved`` after each autosave and ``sign_requested``.

    The inputs live in the sections; each is reachable as ``editor.<name>`` with the
    name it has in the field table (``editor.end``, ``editor.dx_text``), as are the side
    panel's widgets (``editor.findings_list``, ``editor.follow_buttons``).
    """

    saved = Signal(object)  # DocumentRecord
    sign_requested = Signal()
    preview_requested = Signal()
    closed = Signal()
    add_capacity_requested = Signal()
    follow_up_requested = Signal(str)  # prolong, relapse, replace, duplicate, retract

    def __init__(self, services: Services, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.services = services
        self.record: DocumentRecord | None = None
        self.current: Document | None = None
        self.findings: list[Finding] = []
        self.undo_stack = QUndoStack(self)
        self._loading = False
        self._touched: set[str] = set()
        self._show_all = False
        self._dirty = False
        self._save_error: str | None = None
        self._saved_at: datetime | None = None
        self._targets: dict[str, Target] = {}
        self._focus_pending = False
        self._autosave = QTimer(self)
        self._autosave.setSingleShot(True)
        self._autosave.setInterval(AUTOSAVE_MS)
        self._autosave.timeout.connect(self.save_now)
        self._build_ui()
        self.retranslate()

    # ================================================================ assembly

    def _build_ui(self) -> None:
        today = self.services.today
        self.header = EditorHeader(self)
        self.header.setSizePolicy(QSizePolicy.Policy.Preferred, QSizePolicy.Policy.Maximum)
        form = QWidget(self)
        form.setObjectName("editorForm")
        self.period = PeriodSection(today, form)
        self.parts: dict[str, EditorSection] = {
            "previous": PreviousSection(today, form),
            "period": self.period,
            "hospital": HospitalSection(today, self.period.begin, form),
            "resumption": ResumptionSection(today, form),
            "invalidity": InvaliditySection(today, form),
            "diagnosis": DiagnosisSection(today, form),
            "fit": FitNoteSection(today, self.period.begin, form),
            "capacities": CapacitiesSection(today, form),
            "work": WorkSection(today, form),
            "recipients": RecipientsSection(today, form),
        }
        for section in self.parts.values():
            section.retranslate()  # later on, each one follows LanguageChange itself
        column = QVBoxLayout(form)
        column.setContentsMargins(20, 6, 12, 20)
        column.setSpacing(10)
        for section in self.parts.values():
            column.addWidget(section)
        column.addStretch(1)
        self.scroll_area = QScrollArea(self)
        self.scroll_area.setWidgetResizable(True)
        self.scroll_area.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.scroll_area.setFrameShape(QFrame.Shape.NoFrame)
        self.scroll_area.setFocusPolicy(Qt.FocusPolicy.NoFocus)  # no unnamed tab stop
        self.scroll_area.setWidget(form)
        self.sidebar = Sidebar(self)
        self.sidebar.finding_chosen.connect(self._goto)
        self.sidebar.follow_up_requested.connect(self.follow_up_requested)
        self.sidebar.preview_requested.connect(self.preview_requested)
        self.sidebar.sign_requested.connect(self.sign_requested)
        body = QHBoxLayout()
        body.setContentsMargins(0, 0, 0, 0)
        body.setSpacing(0)
        body.addWidget(self.scroll_area, 1)
        body.addWidget(self.sidebar)
        outer = QVBoxLayout(self)
        outer.setContentsMargins(0, 0, 0, 0)
        outer.setSpacing(0)
        outer.addWidget(self.header)
        self.changes_panel = ChangesPanel(self.services, self)  # a follow-up: what changed
        outer.addWidget(self.changes_panel)
        outer.addLayout(body, 1)
        self._connect_changes()
        self._chain_focus()
        app = QApplication.instance()
        assert isinstance(app, QApplication)
        app.focusChanged.connect(self._follow_focus)
        QShortcut(QKeySequence("Ctrl+I"), self, self.add_capacity_requested.emit)
        for i, days in enumerate(DURATIONS, start=1):
            QShortcut(QKeySequence(f"Alt+{i}"), self, lambda d=days: self._set_duration(d))
        for button, days in zip(self.period.duration_buttons, DURATIONS, strict=True):
            button.clicked.connect(lambda _=False, d=days: self._set_duration(d))
        self.period.done_with.connect(self._go_on)

    def __getattr__(self, name: str) -> Any:
        """``editor.end``: an input or side-panel widget, wherever it lives."""
        if name.startswith("__") or name in ("parts", "header", "sidebar"):
            raise AttributeError(name)
        for owner in (self.header, *self.parts.values(), self.sidebar):
            if name in vars(owner):
                return vars(owner)[name]
        raise AttributeError(name)

    def _owner(self, field: fields.Field) -> Any:
        return self.header if field.section == "header" else self.parts[field.section]

    def _inputs(self) -> list[tuple[fields.Field, binding.Input]]:
        """Every bound field of the table with its input."""
        return [
            (f, getattr(self._owner(f), f.widget))
            for f in fields.FIELDS
            if f.bound and "[*]" not in f.path
        ]

    def _connect_changes(self) -> None:
        for field, widget in self._inputs():
            for signal in binding.change_signals(widget):
                signal.connect(lambda *_, p=field.path: self._edited(p))
            if isinstance(widget, DateField):  # typed to its end: its messages follow
                widget.line.editingFinished.connect(self._show_findings)
                # after the rows that follow a finished date (Return also finishes it)
                widget.line.returnPressed.connect(
                    lambda line=widget.line: QTimer.singleShot(0, lambda: self._go_on(line))
                )
        for section in self.parts.values():
            for signal, path in section.edit_signals():
                signal.connect(lambda *_, p=path: self._edited(p))
        caps = self.parts["capacities"]
        assert isinstance(caps, CapacitiesSection)
        caps.edited.connect(self._edited)
        caps.add_capacity.clicked.connect(self.add_capacity_requested)

    def _focus_order(self) -> list[QWidget]:
        """The inputs as the field table orders them: the header, then the sections."""
        chain = [binding.focus_widget(self.header.language)]
        for section in self.parts.values():
            chain += section.focus_chain()
        return chain

    def _chain_focus(self) -> None:
        """Tab order as in the field table, then the side panel."""
        chain = self._focus_order()
        chain += [self.sidebar.findings_list, *self.sidebar.follow_buttons.values()]
        chain += [self.sidebar.preview_button, self.sidebar.sign_button]
        for first, second in itertools.pairwise(chain):
            QWidget.setTabOrder(first, second)

    def _follow_focus(self, old: QWidget | None, new: QWidget | None) -> None:
        """An input reached by the keyboard (Tab, a mnemonic such as Alt+A) is scrolled
        into view. Not on a click: the page must not move under the mouse; nor when the
        window comes back to the front (no previous focus): the page stays where it was."""
        form = self.scroll_area.widget()
        if old is None or new is None or form is None or not form.isAncestorOf(new):
            return
        if QApplication.mouseButtons() != Qt.MouseButton.NoButton:
            return
        self.scroll_area.ensureWidgetVisible(new, 16, 16)

    def _needing_an_answer(self) -> set[int]:
        """The focus widgets (by id) of the inputs a blocking finding names."""
        blocking: set[int] = set()
        for finding in self.findings:
            resolved = self.target(finding.field)
            if finding.severity is Severity.ERROR and resolved is not None:
                blocking.add(id(binding.focus_widget(resolved[0])))
        return blocking

    def _focus_needed(self, candidates: list[QWidget]) -> bool:
        """Focus the first of ``candidates`` that needs an answer and is shown."""
        blocking = self._needing_an_answer()
        for widget in candidates:
            if id(widget) in blocking and widget.isVisibleTo(self) and widget.isEnabled():
                widget.setFocus(Qt.FocusReason.OtherFocusReason)
                self.scroll_area.ensureWidgetVisible(widget, 16, 16)
                return True
        return False

    def focus_first_needed(self) -> None:
        """Focus the first input, in tab order, that a blocking finding names: on a new
        certificate the end date, so that "+14" typed right after Ctrl+N lands there."""
        if not self._focus_needed(self._focus_order()):
            self._focus_first_input()

    def _go_on(self, current: QWidget) -> None:
        """Return in a date, or a yes/no answered by its letter: on to the next input, in
        tab order, that still needs an answer (the diagnosis after the first prognosis and
        leaving the house). Focus stays on an input that itself still needs one (a date
        that is not a date) and where nothing further down does."""
        order = self._focus_order()
        if current not in order or id(current) in self._needing_an_answer():
            return
        self._focus_needed(order[order.index(current) + 1 :])

    def showEvent(self, event: QShowEvent) -> None:
        super().showEvent(event)
        if self._focus_pending:  # opened while hidden (the window shows the editor after)
            self._focus_pending = False
            self.focus_first_needed()

    # ================================================================ translation

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)

    def retranslate(self) -> None:
        # sections, header and side panel translate themselves on LanguageChange
        self.header.show_document(self.current)
        self._show_findings()
        self._show_save_state()

    # ================================================================ load / build

    def open(self, record: DocumentRecord) -> None:
        """Show ``record`` (a draft) and start a fresh undo history."""
        self.flush()
        self.record = record
        self._touched.clear()
        self._show_all = False
        self._saved_at = record.updated_at
        self._save_error = None
        self._dirty = False
        self.undo_stack.clear()
        self.apply_snapshot(record.document, validate_only=True)
        self._show_save_state()
        self.scroll_area.verticalScrollBar().setValue(0)
        if self.isVisible():
            self.focus_first_needed()
        else:
            self._focus_pending = True

    def _focus_first_input(self) -> None:
        """The first input of the form that is shown (the scroll area takes no focus)."""
        for section in self.parts.values():
            for widget in section.focus_chain():
                if widget.isVisibleTo(self) and widget.isEnabled():
                    widget.setFocus()
                    return

    def apply_snapshot(self, doc: Document, *, validate_only: bool = False) -> None:
        """Put ``doc`` into the inputs (undo/redo and opening), then validate and save."""
        self._loading = True
        try:
            self._load(doc)
        finally:
            self._loading = False
        self.current = doc
        self.header.show_document(doc)
        self._validate()
        if not validate_only:
            self._schedule_save()

    def _load(self, doc: Document) -> None:
        kind = doc.kind
        for field, widget in self._inputs():
            if self._applies(field, doc):
                binding.show(widget, paths.read(doc, fields.expand(field.path, kind)))
        for section in self.parts.values():
            shown = section.applies(doc)
            section.setVisible(shown)
            if shown:
                section.load(doc)
        self._register_targets(doc)

    def _build(self) -> Document:
        """The document the inputs show now, on top of the loaded one."""
        assert self.current is not None
        before = self.current
        kind = before.kind
        values: dict[str, Any] = {}
        for field, widget in self._inputs():
            if not self._applies(field, before):
                continue
            value = binding.value_of(widget, field)
            if value is None and field.keep_when_empty:
                continue
            values[fields.expand(field.path, kind)] = value
        doc = paths.write(before, values)
        for section in self.parts.values():  # each rule checks the kind it concerns
            doc = section.settle(doc, before)
        return doc

    def _applies(self, field: fields.Field, doc: Document) -> bool:
        """Whether ``field`` is part of ``doc`` (its kind, and its section shown for it)."""
        section = self.parts.get(field.section)
        return field.applies_to(doc.kind) and (section is None or section.applies(doc))

    def _register_targets(self, doc: Document) -> None:
        """Finding path -> (input, inline message) for the document's kind and rows."""
        self._targets = {}
        for field in fields.FIELDS:
            section = self.parts.get(field.section)
            if section is None or field.path not in section.messages:
                continue
            target = getattr(section, field.widget)
            if isinstance(target, dict):  # a group of choices: its first one
                target = binding.focus_widget(target)
            message = section.messages[field.path]
            for path in (field.path, *field.also):
                self._targets[fields.expand(path, doc.kind)] = (target, message)
        for section in self.parts.values():
            self._targets.update(section.extra_targets(doc.kind))
        self._chain_focus()  # capacity rows may have come or gone

    def target(self, path: str) -> Target | None:
        """The input and inline message that show findings on ``path`` (or its parent)."""
        candidate = path
        while candidate:
            if candidate in self._targets:
                return self._targets[candidate]
            parent = paths.parent_path(candidate)
            if parent == candidate:
                break
            candidate = parent
        return None

    # ================================================================ editing

    def _edited(self, path: str) -> None:
        """An input changed: rebuild the document, one undo step, validate, autosave."""
        if self._loading or self.current is None or self.record is None:
            return
        if not self.record.status.editable:
            return
        self._touched.add(path)
        if path == "body.fit_note":
            fit_on = self.fit_enabled.isChecked()
            self.parts["capacities"].setVisible(fit_on)
            recipients = self.parts["recipients"]
            assert isinstance(recipients, RecipientsSection)
            recipients.show_capacity_consent(fit_on)
        before = self.current
        after = self._build()
        if after == before:
            self._validate()
            return
        self.current = after
        mergeable = not path.endswith(".capacities")  # adding or removing rows: own steps
        self.undo_stack.push(Snapshot(self.apply_snapshot, before, after, path, mergeable))
        self._register_targets(after)  # capacity rows may have come or gone
        self.period.update_duration()
        self._validate()
        self._schedule_save()

    def _set_duration(self, days: int) -> None:
        end = self.period.duration_end(days)
        if end is None or self.current is None or not self.period.isVisible():
            return
        self.period.end.set_value(end)
        self._edited("body.period.end")

    def add_capacities(self, capacities: list[IcfCapacity]) -> None:
        """Append capacities chosen in the ICF picker (one undo step)."""
        if not capacities or self.current is None:
            return
        if self.current.fit_note is None:
            self.fit_enabled.setChecked(True)
        caps = self.parts["capacities"]
        assert isinstance(caps, CapacitiesSection)
        caps.add(capacities)

    # ================================================================ validation

    def _validate(self) -> None:
        if self.current is None:
            return
        patient_id = self.record.patient_id if self.record is not None else None
        findings = self.services.drafts.validate(self.current, patient_id)
        bad_dates = [
            Finding("date.invalid", path)
            for path, (widget, _m) in self._targets.items()
            if isinstance(widget, DateField) and widget.is_invalid()
        ]
        self.findings = bad_dates + findings
        for section in self.parts.values():
            if section.applies(self.current):
                section.follow(self.current, self.findings)
        self.changes_panel.show_draft(self.record, self.current)
        self._show_findings()

    def _visible_inline(self, finding: Finding) -> bool:
        if self._show_all or finding.code == "date.invalid":
            return True
        resolved = self.target(finding.field)
        return resolved is not None and any(self.target(p) == resolved for p in self._touched)

    def _typing_a_date(self) -> bool:
        """Whether a date is being typed: "24/1" on the way to "24/11/2026" is no mistake."""
        return any(
            isinstance(widget, DateField) and widget.typing for widget, _m in self._targets.values()
        )

    def _show_findings(self) -> None:
        """Messages under their fields, marks and descriptions on the inputs, the checklist.

        While a date is being typed the messages under the fields hold still (the
        checklist follows at once): the half-typed date would make them come and go and
        move the form under the physician's hands.
        """
        hold_messages = self._typing_a_date()
        shown: dict[int, tuple[QWidget, list[tuple[Severity, str]]]] = {}
        for widget, message in self._targets.values():  # every target starts clean
            shown.setdefault(id(message), (message, []))
            shown.setdefault(id(widget), (widget, []))
        listed: list[tuple[Finding, str, str]] = []
        for finding in self.findings:
            if finding.code == "date.invalid":
                text = i18n.text(finding.code, **finding.params)
            else:
                text = i18n.finding_text(finding)
            resolved = self.target(finding.field)
            listed.append((finding, text, _field_name(resolved)))
            if resolved is not None and self._visible_inline(finding):
                for part in resolved:
                    shown[id(part)][1].append((finding.severity, text))
        for part, items in shown.values():
            if isinstance(part, FieldMessage):
                if not hold_messages:
                    part.show_messages(items)
                continue
            worst = ""
            if items:
                worst = "error" if any(s is Severity.ERROR for s, _ in items) else "warning"
            mark(part, worst)
            (part.focusProxy() or part).setAccessibleDescription(
                "\n".join(text for _, text in items)
            )
        self.sidebar.show_findings(listed, self.record)

    def _goto(self, path: str) -> None:
        resolved = self.target(path)
        if resolved is not None:
            self.scroll_area.ensureWidgetVisible(resolved[0])
            resolved[0].setFocus(Qt.FocusReason.OtherFocusReason)

    def reveal_all_findings(self) -> bool:
        """Show every inline message (after a sign attempt); True when nothing blocks."""
        self._show_all = True
        self._show_findings()
        blocking = [f for f in self.findings if f.severity is Severity.ERROR]
        if blocking:
            self._goto(blocking[0].field)
        return not blocking

    # ================================================================ saving

    def _schedule_save(self) -> None:
        self._dirty = True
        self._save_error = None
        self._show_save_state()
        self._autosave.start()

    def save_now(self) -> DocumentRecord | None:
        """Write the draft now (autosave timer, leaving the editor, before signing)."""
        self._autosave.stop()
        if not self._dirty or self.record is None or self.current is None:
            return self.record
        try:
            rec = self.services.drafts.save(self.record.patient_id, self.current)
        except ServiceError as exc:
            self._save_error = i18n.text(exc.code, **exc.params)
            self._show_save_state()
            return None
        self.record = rec
        self._dirty = False
        self._saved_at = datetime.now()
        self._show_save_state()
        self.saved.emit(rec)
        return rec

    def discard(self) -> None:
        """Forget the open draft without saving (it is about to be deleted)."""
        self._autosave.stop()
        self._dirty = False
        self.record = None
        self.current = None
        self.undo_stack.clear()

    def flush(self) -> None:
        if self._dirty:
            self.save_now()

    def is_dirty(self) -> bool:
        return self._dirty

    def _show_save_state(self) -> None:
        if self.record is None:
            self.header.show_save_state("", "saved")
            return
        if not self.record.status.editable:
            text, state = labels.status(self.record.status), "signed"
        elif self._save_error:
            text, state = self.tr("Not saved: %1").replace("%1", self._save_error), "error"
        elif self._dirty:
            text, state = self.tr("Saving…"), "pending"
        elif self._saved_at is not None:
            t = self._saved_at.astimezone() if self._saved_at.tzinfo else self._saved_at
            hhmm = i18n.locale().toString(QTime(t.hour, t.minute), "HH:mm")
            text, state = self.tr("✓ Draft saved at %1").replace("%1", hhmm), "saved"
        else:
            text, state = self.tr("Draft"), "saved"
        self.header.show_save_state(text, state)

    def set_read_only(self, read_only: bool) -> None:
        """Signed documents: the form is shown greyed, the side panel offers what comes next."""
        for section in self.parts.values():
            section.setEnabled(not read_only)
        self.header.language.setEnabled(not read_only)
        self.sidebar.set_read_only(read_only, self.record)


def _field_name(target: Target | None) -> str:
    """What a screen reader calls the input a finding is about ("" when it has none)."""
    if target is None:
        return ""
    widget = target[0]
    return (widget.focusProxy() or widget).accessibleName() or widget.accessibleName()
