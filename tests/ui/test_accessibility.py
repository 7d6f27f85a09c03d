"""Issue 17: every screen as a screen reader sees it, through Qt's accessibility interfaces.

The walker goes down ``QAccessible.queryAccessibleInterface`` from each window, the way
AT-SPI does, and checks what a listener needs: every interactive object has a name that
says what it is (not its value, not a bare symbol), every text field is tied to its visible
label, and the tab chain follows the screen (top to bottom, then left to right). Each
screen is walked in the four UI languages; the counts are printed (``-s``) for the record.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from datetime import date, timedelta

import pytest
import shiboken6
from PySide6.QtCore import QPoint, QSettings, Qt
from PySide6.QtGui import QAccessible, QAccessibleInterface
from PySide6.QtWidgets import (
    QAbstractButton,
    QApplication,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QWidget,
)

from fitnote_desktop.domain import samples
from fitnote_desktop.domain.model import DocumentKind, IcfCapacity
from fitnote_desktop.ui.announce import announcer

Role = QAccessible.Role

INTERACTIVE = frozenset(
    {
        Role.PushButton,
        Role.CheckBox,
        Role.RadioButton,
        Role.ComboBox,
        Role.EditableText,
        Role.SpinBox,
        Role.List,
        Role.ListItem,
        Role.PageTab,
        Role.Slider,
        Role.ButtonMenu,
        Role.ButtonDropDown,
        Role.Tree,
        Role.TreeItem,
        Role.Table,
    }
)
TEXT_FIELDS = frozenset({Role.EditableText, Role.SpinBox})
LANGUAGES = ("nl", "fr", "de", "en")
TODAY = date(2026, 11, 23)


@dataclass
class Walk:
    """What the walk found on one screen: counts, and the problems as readable lines."""

    interactive: int = 0
    named: int = 0
    text_fields: int = 0
    label_linked: int = 0
    choices: int = 0
    grouped: int = 0
    problems: list[str] = field(default_factory=list)


def _name(iface: QAccessibleInterface) -> str:
    return iface.text(QAccessible.Text.Name).strip()


def _describe(iface: QAccessibleInterface) -> str:
    obj = iface.object()
    cls = type(obj).__name__ if obj is not None else "?"
    oname = obj.objectName() if obj is not None else ""
    return f"{iface.role().name} {cls}{'#' + oname if oname else ''} {_name(iface)!r}"


def _says_something(name: str) -> bool:
    """A name of words or numbers, not "…", "×", "+", "▾" alone."""
    return any(ch.isalnum() for ch in name)


def _label_names(iface: QAccessibleInterface) -> list[str]:
    return [_name(other) for other, _rel in iface.relations(QAccessible.Relation.Label)]


def _combo_named(iface: QAccessibleInterface, value: str) -> bool:
    """A combo box says what it chooses.

    On Linux Qt reports a combo box's current text as its name (by design: AT-SPI
    screen readers take the name from the labelled-by relation), elsewhere its accessible
    name. Both must say what is chosen, not the choice.
    """
    widget = iface.object()
    own = widget.accessibleName().strip() if isinstance(widget, QWidget) else ""
    if _name(iface) != value:
        return True
    labelled = any(n and n != value for n in _label_names(iface))
    return labelled and bool(own) and own != value


def _group_name(iface: QAccessibleInterface) -> str:
    """The name of the nearest named group around a check box or radio button, if any."""
    parent = iface.parent()
    while parent is not None and parent.isValid() and parent.role() is not Role.Window:
        if parent.role() is Role.Grouping and _name(parent):
            return _name(parent)
        if parent.role() is Role.Dialog:
            break
        parent = parent.parent()
    return ""


def _self_sufficient(iface: QAccessibleInterface, name: str) -> bool:
    """A lone check box or radio button that says a whole statement on its own.

    "The patient stays or stayed in hospital", "Diagnosis 2 is the principal diagnosis"
    read well alone. A choice that shares its place with other choices answers a question
    (the set's), and a fragment ("the employer sees the work capacities") or a noun
    ("Employer", "Nederlands") reads as nothing without it: those need a named group.
    """
    widget = iface.object()
    parent = widget.parentWidget() if isinstance(widget, QWidget) else None
    if parent is None:
        return False
    siblings = [
        w
        for w in parent.findChildren(
            QAbstractButton, options=Qt.FindChildOption.FindDirectChildrenOnly
        )
        if w is not widget and w.isCheckable() and w.isVisibleTo(parent)
    ]
    return not siblings and len(name.split()) >= 3 and name[:1].isupper()


def _visible_labels(window: QWidget) -> set[str]:
    """The texts that label fields on screen: labels, and a field's own placeholder where it
    has no label beside it (the inbox's "Subject")."""
    out = set()
    for label in window.findChildren(QLabel):
        if label.isVisibleTo(window) and label.text():
            out.add(re.sub(r"&(?!&)", "", label.text()).replace("&&", "&").strip().rstrip(":"))
    for edit in window.findChildren(QLineEdit) + window.findChildren(QPlainTextEdit):
        if edit.isVisibleTo(window) and edit.placeholderText():
            out.add(edit.placeholderText().strip())
    return out


def _children(iface: QAccessibleInterface) -> Iterator[QAccessibleInterface]:
    for i in range(iface.childCount()):
        child = iface.child(i)
        if child is not None and child.isValid():
            yield child


def walk(window: QWidget) -> Walk:
    """Every interactive object under ``window`` with its name and label relation checked."""
    result = Walk()
    labels = _visible_labels(window)
    root = QAccessible.queryAccessibleInterface(window)

    def visit(iface: QAccessibleInterface, depth: int) -> None:
        state = iface.state()
        if state.invisible or depth > 40:
            return
        role = iface.role()
        if role in INTERACTIVE and not state.disabled:
            result.interactive += 1
            name = _name(iface)
            value = iface.text(QAccessible.Text.Value).strip()
            problem = ""
            if not name:
                problem = "no name"
            elif not _says_something(name):
                problem = "a bare symbol as name"
            elif (role in (Role.EditableText, Role.SpinBox) and name == value) or (
                role is Role.ComboBox and not _combo_named(iface, value)
            ):
                problem = "named by its value"
            if problem:
                result.problems.append(f"{problem}: {_describe(iface)}")
            else:
                result.named += 1
            if role in (Role.CheckBox, Role.RadioButton):
                result.choices += 1
                if _group_name(iface) or _self_sufficient(iface, name):
                    result.grouped += 1
                else:
                    result.problems.append(f"not in a named group: {_describe(iface)}")
            if role in TEXT_FIELDS:
                result.text_fields += 1
                related = iface.relations(QAccessible.Relation.Label)
                if related or name.rstrip(":") in labels:
                    result.label_linked += 1
                else:
                    result.problems.append(f"not tied to its label: {_describe(iface)}")
        if role in (Role.Tree, Role.Table, Role.List) and iface.childCount() > 60:
            # long item views: their first rows stand for the rest
            children = list(_children(iface))[:60]
        else:
            children = list(_children(iface))
        for child in children:
            visit(child, depth + 1)

    visit(root, 0)
    return result


# ------------------------------------------------------------------------ tab order


def _tab_stops(window: QWidget) -> list[QWidget]:
    """The widgets Tab visits in ``window``, in the order Tab visits them (one round)."""
    stops: list[QWidget] = []
    start = window
    widget = start.nextInFocusChain()
    guard = 0
    while widget is not start and guard < 2000:
        guard += 1
        if (
            widget.window() is window
            and widget.isVisibleTo(window)
            and widget.isEnabled()
            and widget.focusPolicy() & Qt.FocusPolicy.TabFocus
            and widget.focusProxy() is None
            and widget.isVisible()
        ):
            stops.append(widget)
        widget = widget.nextInFocusChain()
    return stops


def _box(widget: QWidget) -> tuple[int, int, int, int]:
    top_left = widget.mapToGlobal(QPoint(0, 0))
    return top_left.x(), top_left.y(), widget.width(), widget.height()


def tab_order_problems(window: QWidget) -> list[str]:
    """Steps of the tab chain that go back up or left on the screen.

    Reading order: top to bottom, then left to right for items of one row (their vertical
    centres within half the smaller height). Going up is allowed into a column to the right
    of the whole previous item (the side panel after the form). The chain is a circle: one
    step may go back, from the last stop to the first.
    """
    stops = _tab_stops(window)
    problems = []
    for a, b in zip(stops, stops[1:] + stops[:1], strict=True):
        ax, ay, aw, ah = _box(a)
        bx, by, _bw, bh = _box(b)
        same_row = abs((ay + ah / 2) - (by + bh / 2)) <= min(ah, bh) / 2
        ok = bx >= ax if same_row else by >= ay or bx >= ax + aw
        if not ok:
            problems.append(f"{_stop_name(a)} -> {_stop_name(b)}")
    return problems[1:] if len(problems) == 1 else problems


def _stop_name(widget: QWidget) -> str:
    iface = QAccessible.queryAccessibleInterface(widget)
    name = _name(iface) if iface is not None else ""
    return f"{type(widget).__name__}{'#' + widget.objectName() if widget.objectName() else ''}"\
        f" {name!r}"  # fmt: skip


# ------------------------------------------------------------------------ screens


def _main_window(qtbot, services, languages, tmp_path):  # type: ignore[no-untyped-def]
    from fitnote_desktop.ui.main_window import MainWindow

    settings = QSettings(str(tmp_path / "ui.ini"), QSettings.Format.IniFormat)
    window = MainWindow(services, languages, settings=settings)
    qtbot.addWidget(window)
    window.resize(1280, 800)
    window.show()
    return window


def _signed(services, patient):  # type: ignore[no-untyped-def]
    from dataclasses import replace

    from fitnote_desktop.domain.model import Diagnosis, Period

    rec = services.drafts.new(DocumentKind.INCAPACITY, patient.id)
    end = TODAY + timedelta(days=6)
    doc = replace(
        rec.document,
        body=replace(
            rec.document.body,
            period=Period(TODAY, end),
            expected_return=end + timedelta(days=1),
            diagnoses=(Diagnosis("Griep", principal=True),),
            out_of_home_allowed=True,
        ),
        consent=samples.consent(TODAY),
    )
    services.drafts.save(patient.id, doc)
    return services.sending.sign_and_send(rec.id, lambda _purpose: "1234")


def screen_main(qtbot, services, patient, languages, tmp_path) -> QWidget:  # type: ignore[no-untyped-def]
    return _main_window(qtbot, services, languages, tmp_path)


def screen_patient_page(qtbot, services, patient, languages, tmp_path) -> QWidget:  # type: ignore[no-untyped-def]
    _signed(services, patient)
    window = _main_window(qtbot, services, languages, tmp_path)
    window.open_patient(patient)
    return window


def screen_editor_empty(qtbot, services, patient, languages, tmp_path) -> QWidget:  # type: ignore[no-untyped-def]
    window = _main_window(qtbot, services, languages, tmp_path)
    window.open_patient(patient)
    window.acts.new_cert.trigger()
    return window


def screen_editor_fit_note(qtbot, services, patient, languages, tmp_path) -> QWidget:  # type: ignore[no-untyped-def]
    window = _main_window(qtbot, services, languages, tmp_path)
    window.open_patient(patient)
    window.acts.new_cert.trigger()
    window.editor.add_capacities(
        [
            IcfCapacity("d430", 2, "Can lift up to 5 kg"),
            IcfCapacity("d415", 1, "Can sit for 30 minutes"),
            IcfCapacity("e250", 2, "Noisy open-plan office"),
        ]
    )
    return window


def screen_icf_picker(qtbot, services, patient, languages, tmp_path) -> QWidget:  # type: ignore[no-untyped-def]
    from fitnote_desktop.ui.icf_picker import IcfPicker

    picker = IcfPicker("fr")
    qtbot.addWidget(picker)
    picker.show()
    qtbot.keyClicks(picker.search, "lift")
    return picker


def screen_pin(qtbot, services, patient, languages, tmp_path) -> QWidget:  # type: ignore[no-untyped-def]
    from fitnote_desktop.ui.pin_dialog import PinDialog

    dialog = PinDialog("signature", "pkcs12", hint="demo")
    qtbot.addWidget(dialog)
    dialog.show()
    return dialog


def screen_settings(qtbot, services, patient, languages, tmp_path) -> QWidget:  # type: ignore[no-untyped-def]
    from fitnote_desktop.ui.settings import SettingsDialog

    qsettings = QSettings(str(tmp_path / "ui.ini"), QSettings.Format.IniFormat)
    dialog = SettingsDialog(services, qsettings)
    qtbot.addWidget(dialog)
    dialog.show()
    return dialog


def screen_unlock(qtbot, services, patient, languages, tmp_path) -> QWidget:  # type: ignore[no-untyped-def]
    from fitnote_desktop.store import KdfParams, ProfileManager, StoreOptions
    from fitnote_desktop.ui.unlock import UnlockDialog

    manager = ProfileManager(tmp_path / "unlock", StoreOptions(kdf=KdfParams.for_tests()))
    manager.create("dr", passphrase="correct horse battery")
    dialog = UnlockDialog(manager, demo_hint="demo")
    qtbot.addWidget(dialog)
    dialog.show()
    return dialog


def _wizard_page(page: int) -> Callable[..., QWidget]:
    """The first-run wizard opened at its ``page``-th page (0: identity ... 3: signing)."""

    def screen(qtbot, services, patient, languages, tmp_path) -> QWidget:  # type: ignore[no-untyped-def]
        from fitnote_desktop.adapters.profiles import StoreProfiles
        from fitnote_desktop.services.setup import FirstRun
        from fitnote_desktop.store import KdfParams, ProfileManager, StoreOptions
        from fitnote_desktop.ui.wizard import FirstRunWizard

        manager = ProfileManager(tmp_path / "wizard", StoreOptions(kdf=KdfParams.for_tests()))
        wizard = FirstRunWizard(FirstRun(StoreProfiles(manager)))
        qtbot.addWidget(wizard)
        wizard.setStartId(wizard.pageIds()[page])
        wizard.show()
        return wizard

    return screen


def screen_inbox(qtbot, services, patient, languages, tmp_path) -> QWidget:  # type: ignore[no-untyped-def]
    from fitnote_desktop.ui.inbox import InboxDialog

    record = _signed(services, patient)
    dialog = InboxDialog(services, about=record)
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.waitUntil(dialog.refresh_button.isEnabled, timeout=10000)  # offline here: says so
    return dialog


def screen_outbox(qtbot, services, patient, languages, tmp_path) -> QWidget:  # type: ignore[no-untyped-def]
    from fitnote_desktop.ui.outbox import OutboxDialog

    _signed(services, patient)  # waits in the outbox: no endpoint in these tests
    dialog = OutboxDialog(services)
    qtbot.addWidget(dialog)
    dialog.show()
    dialog.refresh()
    return dialog


def screen_consent_offer(qtbot, services, patient, languages, tmp_path) -> QWidget:  # type: ignore[no-untyped-def]
    from fitnote_desktop.services.drafts import ConsentOffer
    from fitnote_desktop.ui.consent_offer import ConsentOfferDialog

    dialog = ConsentOfferDialog(ConsentOffer(samples.consent(TODAY), TODAY))
    qtbot.addWidget(dialog)
    dialog.show()
    return dialog


def screen_export(qtbot, services, patient, languages, tmp_path) -> QWidget:  # type: ignore[no-untyped-def]
    from fitnote_desktop.ui.export_dialog import KmehrExportDialog

    dialog = KmehrExportDialog(services, _signed(services, patient).id)
    qtbot.addWidget(dialog)
    dialog.show()
    return dialog


def screen_external(qtbot, services, patient, languages, tmp_path) -> QWidget:  # type: ignore[no-untyped-def]
    from fitnote_desktop.ui.external import ExternalProlongationDialog

    dialog = ExternalProlongationDialog(services, patient)
    qtbot.addWidget(dialog)
    dialog.show()
    return dialog


SCREENS: dict[str, Callable[..., QWidget]] = {
    "main_window": screen_main,
    "patient_page": screen_patient_page,
    "editor_empty": screen_editor_empty,
    "editor_fit_note_3_capacities": screen_editor_fit_note,
    "ICF_picker": screen_icf_picker,
    "PIN_dialog": screen_pin,
    "settings": screen_settings,
    "unlock": screen_unlock,
    "wizard_identity": _wizard_page(0),
    "wizard_practice": _wizard_page(1),
    "wizard_protection": _wizard_page(2),
    "wizard_signing": _wizard_page(3),
    "inbox": screen_inbox,
    "outbox": screen_outbox,
    "consent_offer": screen_consent_offer,
    "KMEHR_export": screen_export,
    "external_prolongation": screen_external,
}


@pytest.fixture
def held() -> Iterator[list[QWidget]]:
    """Keeps the screens' Python wrappers alive until after the UI language is reset.

    Requested before ``languages``, so torn down after it: a dialog whose wrapper went away
    while Qt still delivers the reset's LanguageChange would retranslate without attributes.
    """
    keep: list[QWidget] = []
    yield keep
    for widget in keep:  # walking a window through its accessible interfaces leaves
        if shiboken6.isValid(widget):  # the dialog's C++ side alive: delete it here
            shiboken6.delete(widget)
    keep.clear()


@pytest.mark.parametrize("lang", LANGUAGES, ids=[f"lang_{lang}" for lang in LANGUAGES])
@pytest.mark.parametrize("screen", list(SCREENS))
def test_every_control_is_named_labelled_and_in_visual_tab_order(
    held, qtbot, services, patient, languages, tmp_path, screen, lang
) -> None:
    languages.switch(lang)
    window = SCREENS[screen](qtbot, services, patient, languages, tmp_path)
    held.append(window)
    QApplication.processEvents()
    found = walk(window)
    order = tab_order_problems(window)
    print(
        f"\n[a11y] {screen} ({lang}): {found.interactive} interactive, {found.named} named, "
        f"{found.label_linked}/{found.text_fields} text fields label-linked, "
        f"{found.grouped}/{found.choices} choices grouped or self-sufficient"
    )
    assert not found.problems, "\n".join(found.problems)
    assert not order, "tab order against the screen:\n" + "\n".join(order)


# ------------------------------------------------------------------------ behaviour


def _editor(qtbot, services, patient):  # type: ignore[no-untyped-def]
    from fitnote_desktop.ui.editor import DocumentEditor

    editor = DocumentEditor(services)
    qtbot.addWidget(editor)
    editor.show()
    editor.open(services.drafts.new(DocumentKind.INCAPACITY, patient.id))
    return editor


def test_an_invalid_date_is_described_on_its_field_and_named_in_the_checklist(
    qtbot, services, patient, languages
) -> None:
    editor = _editor(qtbot, services, patient)
    line = editor.end.line
    qtbot.keyClicks(line, "31/02/2026")
    qtbot.keyClick(line, Qt.Key.Key_Return)  # the message shows when the date is typed
    message = editor.target("body.period.end")[1].text()
    described = QAccessible.queryAccessibleInterface(line).text(QAccessible.Text.Description)
    assert message and message in described
    spoken = [
        editor.findings_list.item(i).data(Qt.ItemDataRole.AccessibleTextRole)
        for i in range(editor.findings_list.count())
    ]
    assert f"End date: {message.splitlines()[0]}" in spoken  # which field, and why
    line.clear()
    qtbot.keyClicks(line, "30/11/2026")
    qtbot.keyClick(line, Qt.Key.Key_Return)
    described = QAccessible.queryAccessibleInterface(line).text(QAccessible.Text.Description)
    assert message.splitlines()[0] not in described


def test_adding_a_capacity_and_choosing_its_extent_are_announced(
    qtbot, services, patient, languages
) -> None:
    editor = _editor(qtbot, services, patient)
    heard: list[str] = []
    announcer.posted.connect(heard.append)
    try:
        editor.add_capacities([IcfCapacity("d430", 2, "Can lift up to 5 kg")])
        row = editor.parts["capacities"].rows[0]
        row.qualifier.activated.emit(1)  # as when the physician picks another extent
    finally:
        announcer.posted.disconnect(heard.append)
    assert heard[0] == "Added: d430"
    assert heard[1].startswith("d430: d430._")


def test_the_icf_search_says_how_many_categories_it_found(qtbot, languages) -> None:
    from fitnote_desktop.ui.icf_picker import IcfPicker

    picker = IcfPicker("nl")
    qtbot.addWidget(picker)
    heard: list[str] = []
    announcer.posted.connect(heard.append)
    try:
        with qtbot.waitSignal(announcer.posted):
            qtbot.keyClicks(picker.search, "d430")  # said once, when typing pauses
    finally:
        announcer.posted.disconnect(heard.append)
    assert heard == [f"Results: {picker.results.count()}"]


def test_a_patient_row_speaks_name_niss_and_birth_date(qtbot, services, patient) -> None:
    from fitnote_desktop.ui.patients import PatientSearch

    panel = PatientSearch(services)
    qtbot.addWidget(panel)
    spoken = panel.model.index(0, 0).data(Qt.ItemDataRole.AccessibleTextRole)
    p = patient.patient
    assert p.family_name in spoken and p.birth_date.strftime("%d/%m/%Y") in spoken
    assert panel.model.index(0, 0).data(Qt.ItemDataRole.DisplayRole) in spoken
    assert any(ch.isdigit() for ch in spoken.split(",")[2])  # the NISS
