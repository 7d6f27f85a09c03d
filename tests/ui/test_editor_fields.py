"""The editor's field table: every finding the validation can emit has a field to show it."""

from __future__ import annotations

import ast
import inspect
from dataclasses import replace
from datetime import timedelta

from PySide6.QtCore import Qt
from PySide6.QtGui import QAccessible
from PySide6.QtWidgets import QWidget

from fitnote_desktop.domain import validation
from fitnote_desktop.domain.model import (
    CodeSystem,
    Diagnosis,
    DocumentKind,
    FitNote,
    FitNoteStatus,
    IcfCapacity,
    Period,
)
from fitnote_desktop.ui.editor import DocumentEditor, fields


def literal_paths() -> set[str]:
    """The field paths written literally in ``_err``/``_warn`` calls of the validation."""
    tree = ast.parse(inspect.getsource(validation))
    out = set()
    for node in ast.walk(tree):
        if (
            isinstance(node, ast.Call)
            and isinstance(node.func, ast.Name)
            and node.func.id in ("_err", "_warn")
            and isinstance(node.args[1], ast.Constant)
        ):
            out.add(node.args[1].value)
    return out


def invalid_bodies(doc):
    """Bodies of ``doc``'s kind that break the rules whose paths are built, not literal."""
    bad_fit = FitNote(
        status=FitNoteStatus.FIT_ADAPTED,
        review_date=doc.consultation.date - timedelta(days=30),
        capacities=(IcfCapacity("d999", 7, ""), IcfCapacity("d430", 2, ""),
                    IcfCapacity("d430", 2, "")),
    )  # fmt: skip
    bad_dx = (Diagnosis("", "L86", None, True), Diagnosis("x", "no code", CodeSystem.ICD10, True),
              Diagnosis("y"), Diagnosis("z"))  # fmt: skip
    body = doc.body
    if doc.kind is DocumentKind.INCAPACITY:
        begin = body.period.begin
        yield replace(body, period=Period(begin, None), diagnoses=(), fit_note=bad_fit)
        yield replace(body, period=Period(begin, begin - timedelta(days=2)), diagnoses=bad_dx)
        yield replace(body, period=Period(begin, begin + timedelta(days=400)),
                      fit_note=replace(bad_fit, capacities=()))  # fmt: skip
    elif doc.kind is DocumentKind.FIT_NOTE:
        yield replace(bad_fit, period=None)
        yield replace(bad_fit, period=Period(body.period.begin, None))
        far = body.period.begin - timedelta(days=400)
        yield replace(bad_fit, capacities=(), period=Period(far, far - timedelta(days=1)))
    elif doc.kind is DocumentKind.INVALIDITY_RECOGNITION:
        yield replace(body, diagnoses=bad_dx)
    else:
        yield body


def is_reachable(widget: QWidget) -> bool:
    """Focusable, and named as a screen reader hears it (a check box by its text)."""
    target = widget.focusProxy() or widget
    name = QAccessible.queryAccessibleInterface(target).text(QAccessible.Text.Name)
    return target.focusPolicy() != Qt.FocusPolicy.NoFocus and bool(name.strip())


def test_every_finding_path_maps_to_a_focusable_named_field(qtbot, services, patient, languages):
    editor = DocumentEditor(services)
    qtbot.addWidget(editor)
    editor.show()
    literal = literal_paths()
    assert "body.fit_note.capacities[0].code" not in literal  # built: checked dynamically below
    resolved_literals: set[str] = set()
    emitted: set[str] = set()
    for kind in DocumentKind:
        record = services.drafts.new(kind, patient.id)
        editor.open(record)
        resolved_literals |= {p for p in literal if editor.target(p) is not None}
        for body in invalid_bodies(record.document):
            editor.apply_snapshot(replace(record.document, body=body), validate_only=True)
            for finding in editor.findings:
                emitted.add(finding.field)
                if fields.elsewhere(finding.field):
                    continue
                target = editor.target(finding.field)
                assert target is not None, (kind, finding)
                assert is_reachable(target[0]), (kind, finding.field)
    unresolved = {p for p in literal - resolved_literals if not fields.elsewhere(p)}
    assert not unresolved, unresolved
    # the dynamic part really exercised built paths of every shape
    assert {
        "body.period.end",
        "body.period",
        "body.fit_note.capacities[0].code",
        "body.capacities[2].statement",
        "body.diagnoses[1].code",
        "body.diagnoses[0].code_system",
        "body.diagnoses[0].principal",
        "body.diagnoses[3]",
    } <= emitted


def test_table_fields_have_names_and_labels_linked(qtbot, services, patient, languages):
    """Every input of the table is named, and a visible row label points at it (buddy)."""
    editor = DocumentEditor(services)
    qtbot.addWidget(editor)
    editor.show()
    editor.open(services.drafts.new(DocumentKind.INCAPACITY, patient.id))
    editor.add_capacities([IcfCapacity("d430", 2, "")])
    for field in fields.FIELDS:
        owner = editor.header if field.section == "header" else editor.parts[field.section]
        if "[*]" in field.path:
            continue
        widget = getattr(owner, field.widget)
        first = next(iter(widget.values())) if isinstance(widget, dict) else widget
        assert first.accessibleName() or first.text(), field.path
        label = owner.row_labels.get(field.path) if field.section != "header" else None
        if label is not None:
            assert label.buddy() is (first.focusProxy() or first), field.path


def test_finding_on_the_end_date_is_shown_next_to_it_and_takes_focus(
    qtbot, services, patient, languages
):
    editor = DocumentEditor(services)
    qtbot.addWidget(editor)
    editor.show()
    editor.activateWindow()
    editor.open(services.drafts.new(DocumentKind.INCAPACITY, patient.id))
    editor.end.set_value(editor.begin.value() - timedelta(days=3))  # inverted, not yet touched
    editor.apply_snapshot(editor._build(), validate_only=True)
    message = editor.target("body.period.end")[1]
    assert not message.isVisible()
    editor.consent_electronic.setChecked(True)  # the patient's consent is recorded
    editor.dx_text.setFocus()
    qtbot.keyClicks(editor.dx_text, "Griep")
    assert not editor.reveal_all_findings()  # the first blocking finding is the end date
    finding = next(f for f in editor.findings if f.field == "body.period.end")
    assert finding.code == "period.inverted"
    assert message.isVisible()
    assert message.parentWidget() is editor.end.parentWidget()  # right under the field
    assert message.property("severity") == "error"
    assert message.text() in editor.end.line.accessibleDescription()
    assert editor.end.line.hasFocus() or editor.focusWidget() is editor.end.line
