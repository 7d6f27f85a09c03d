"""What a screen reader receives over AT-SPI from the real app, printed as JSON.

Runs under Debian's ``/usr/bin/python3`` (python3-pyatspi lives there, not in the project's
virtual environment), inside the ``dbus-run-session`` the test starts on Xvfb: the session
bus activates ``org.a11y.Bus`` (at-spi-bus-launcher) and the registry (at-spi2-registryd)
on demand, as on a desktop. It starts the app given after ``--``, waits for it in the
registry and drives it through AT-SPI, like an assistive technology would (focus,
EditableText, actions of buttons and menu items, keys typed through the registry):

main window (worklist and patient search) → patient page → consent offer → certificate
editor (Prolong) → Sign and send → PIN dialog (cancelled) → "not done" → Lock → unlock
dialog → passphrase → main window → File > Quit. While the passphrase is typed, the
text of the password field's ``object:text-changed:insert`` events is kept
(``password_inserts``).

The first argument is a JSON object of the names to look for in the app's language
(search, prolong, sign, expected_return, cancel, lock, unlock, quit), the patient to open,
the passphrase, and optionally ``orca_log`` (start Orca with this debug log just before
Lock) and ``hold_unlock`` (seconds to leave the unlock dialog to Orca, which lags).
Xvfb has no window manager: when a dialog closes nobody gives the X focus back to the
main window, so xdotool does that before keys are typed (``focus_window``).

Each window's accessible tree is printed (one JSON document on stdout) as a list of nodes:
role, name, description, path, states, interfaces and the text of the labels that label
it. The assertions live in the test (tests/a11y/test_screen_reader.py); this script only
reads and drives, and says in ``steps`` what it could not reach.
"""

from __future__ import annotations

import json
import re
import subprocess
import sys
import time
from collections.abc import Callable, Iterator
from typing import Any

import pyatspi
from gi.repository import (
    Atspi,  # the GObject introspection under pyatspi: key synthesis
    GLib,
)

APP_NAME = "fitnote-desktop-demo"
MAX_NODES = 4000  # a window's tree; the worklist and document tables are small in the demo


def desktop_apps() -> list[Any]:
    desk = pyatspi.Registry.getDesktop(0)
    return [a for a in (desk.getChildAtIndex(i) for i in range(desk.childCount)) if a]


def wait_for(what: Callable[[], Any], timeout: float, step: float = 0.2) -> Any:
    """Poll ``what`` until it returns something truthy (AT-SPI calls may fail meanwhile)."""
    end = time.monotonic() + timeout
    while time.monotonic() < end:
        try:
            found = what()
        except Exception:
            found = None
        if found:
            return found
        time.sleep(step)
    return None


def children(node: Any) -> Iterator[Any]:
    for i in range(node.childCount):
        child = node.getChildAtIndex(i)
        if child is not None:
            yield child


def showing(node: Any) -> bool:
    return bool(node.getState().contains(pyatspi.STATE_SHOWING))


def windows(app: Any) -> list[Any]:
    return [w for w in children(app) if showing(w)]


def window_named(app: Any, role: str, needle: str = "") -> Any:
    for w in windows(app):
        if w.getRoleName() == role and needle in (w.name or ""):
            return w
    return None


def find(root: Any, pred: Callable[[Any], bool], only_showing: bool = True) -> Any:
    stack = [root]
    seen = 0
    while stack and seen < MAX_NODES:
        node = stack.pop()
        seen += 1
        if node is not root and pred(node):
            return node
        if only_showing and node is not root and not showing(node):
            continue
        stack.extend(reversed(list(children(node))))
    return None


def gone(node: Any) -> bool:
    """The window has closed (hidden, or its accessible object already destroyed)."""
    try:
        return not showing(node)
    except Exception:
        return True


def find_dialog_with(app: Any, role: str) -> Any:
    for w in windows(app):
        if w.getRoleName() == "dialog" and find(w, lambda n: n.getRoleName() == role):
            return w
    return None


def by_role_name(root: Any, role: str, name: str) -> Any:
    return find(root, lambda n: n.getRoleName() == role and n.name == name)


def labels_of(node: Any) -> list[str]:
    texts = []
    for rel in node.getRelationSet():
        if rel.getRelationType() == pyatspi.RELATION_LABELLED_BY:
            for i in range(rel.getNTargets()):
                target = rel.getTarget(i)
                if target is not None:
                    texts.append(target.name or "")
    return texts


def interfaces(node: Any) -> list[str]:
    try:
        return sorted(node.get_interfaces())
    except Exception:
        return []


def dump(window: Any) -> list[dict[str, Any]]:
    """The window's subtree as a screen reader walks it (hidden subtrees left out)."""
    nodes: list[dict[str, Any]] = []

    def visit(node: Any, path: str) -> None:
        if len(nodes) >= MAX_NODES:
            return
        state = node.getState()
        role = node.getRoleName()
        here = f"{path}/{role}[{node.getIndexInParent()}]"
        nodes.append(
            {
                "role": role,
                "name": node.name or "",
                "description": node.description or "",
                "path": here,
                "focusable": bool(state.contains(pyatspi.STATE_FOCUSABLE)),
                "showing": bool(state.contains(pyatspi.STATE_SHOWING)),
                "editable": bool(state.contains(pyatspi.STATE_EDITABLE)),
                "checkable": bool(state.contains(pyatspi.STATE_CHECKABLE)),
                "labelled_by": labels_of(node),
                "interfaces": interfaces(node),
            }
        )
        for child in children(node):
            if showing(child):
                visit(child, here)

    visit(window, "")
    return nodes


def press(node: Any) -> bool:
    """The node's first action (Press / Toggle / SetFocus ...), as Orca's 'activate' does."""
    action = node.queryAction()
    if action.nActions == 0:
        return False
    try:
        return bool(action.doAction(0))
    except Exception:  # no reply while the action runs a modal dialog: it still happened
        return True


def type_into(node: Any, text: str) -> None:
    node.queryComponent().grabFocus()
    editable = node.queryEditableText()
    editable.setTextContents(text)


def ere(text: str) -> str:
    """``text`` as a POSIX extended regular expression (xdotool's); Python's re.escape
    also escapes '-' and ' ', which ERE leaves undefined."""
    return re.sub(r"([.\[\]()*+?{}|^$\\])", r"\\\1", text)


def focus_window(title: str) -> None:
    """Give the X focus to the window, as a window manager does when a dialog closes: Xvfb
    has none, and keys through the registry (XTest) go where the X focus is."""
    subprocess.run(
        ["xdotool", "search", "--onlyvisible", "--name", f"^{ere(title)}$", "windowfocus"],
        capture_output=True,
        check=False,
        timeout=10,
    )


def typing(node: Any, text: str, window: Any) -> bool:
    """Keys typed into the field through the registry; True once all arrived. Tried three
    times: on a loaded machine the X focus may come back late."""
    for _ in range(3):
        focus_window(window.name)
        node.queryComponent().grabFocus()
        time.sleep(0.3)
        before = node.queryText().characterCount  # masked in a password field: count
        Atspi.generate_keyboard_event(0, text, Atspi.KeySynthType.STRING)
        enough = before + len(text)
        if wait_for(lambda n=enough: node.queryText().characterCount >= n, 5):
            return True
    return False


class PasswordInserts:
    """The text of every ``object:text-changed:insert`` event a password field sends, as
    any process on the session bus can hear it (a screen reader speaks it)."""

    EVENT = "object:text-changed:insert"

    def __init__(self) -> None:
        self.texts: list[str] = []

    def _heard(self, event: Any) -> None:
        if event.source is not None and event.source.getRoleName() == "password text":
            self.texts.append(str(event.any_data))

    def __enter__(self) -> PasswordInserts:
        pyatspi.Registry.registerEventListener(self._heard, self.EVENT)
        return self

    def __exit__(self, *_: object) -> None:
        """Deliver what arrived meanwhile (events wait in the bus connection until the main
        context runs), then stop listening."""
        context = GLib.MainContext.default()
        end = time.monotonic() + 2
        while time.monotonic() < end:
            if not context.iteration(False):
                time.sleep(0.05)
        pyatspi.Registry.deregisterEventListener(self._heard, self.EVENT)


def press_return() -> None:
    """Return through the registry (XTest on X11), to whichever widget has the focus."""
    Atspi.generate_keyboard_event(0xFF0D, None, Atspi.KeySynthType.SYM)


def menu_item(frame: Any, label: str) -> Any:
    bar = find(frame, lambda n: n.getRoleName() == "menu bar")
    return find(bar, lambda n: n.getRoleName() == "menu item" and n.name == label, False)


class Run:
    """One drive through the app; ``out`` collects the windows' trees and the steps."""

    def __init__(self, app: Any, words: dict[str, str]) -> None:
        self.app = app
        self.words = words
        self.started = time.monotonic()
        self.out: dict[str, Any] = {"windows": {}, "steps": [], "seconds": {}}
        self.orca: subprocess.Popen[bytes] | None = None

    def step(self, what: str) -> None:
        self.out["steps"].append(what)
        self.out["seconds"][what] = round(time.monotonic() - self.started, 1)

    def keep(self, key: str, window: Any) -> None:
        self.out["windows"][key] = dump(window)
        self.step(key)

    def main_window(self) -> Any:
        frame = wait_for(lambda: window_named(self.app, "frame"), 60)
        search = frame and wait_for(lambda: by_role_name(frame, "text", self.words["search"]), 20)
        if search is None:
            self.step("no main window with the patient search field")
            return None
        self.keep("main", frame)
        return frame

    def patient_page(self, frame: Any) -> bool:
        """Type the patient's name into the search field, Return opens the first hit."""
        search = by_role_name(frame, "text", self.words["search"])
        type_into(search, self.words["patient"])
        hit = wait_for(
            lambda: find(
                frame, lambda n: n.getRoleName() == "list item" and self.words["patient"] in n.name
            ),
            10,
        )
        if hit is None:
            self.step("the patient search found nothing")
            return False
        if not wait_for(lambda: self.enter(search, frame), 15, 0):
            self.step("Return in the search field opened no patient page")
            return False
        self.keep("patient", frame)
        return True

    def enter(self, search: Any, frame: Any) -> bool:
        """Return in the search field (focus asked again on each try: see ``typing``)."""
        focus_window(frame.name)
        search.queryComponent().grabFocus()
        time.sleep(0.2)
        press_return()
        return bool(wait_for(lambda: by_role_name(frame, "push button", self.words["prolong"]), 3))

    def editor(self, frame: Any) -> Any:
        """Prolong the last certificate: the editor opens prefilled, after the consent offer."""
        press(by_role_name(frame, "push button", self.words["prolong"]))
        consent = wait_for(lambda: window_named(self.app, "dialog"), 10)
        if consent is not None:  # the last consent is offered again: "same consent as on ..."
            self.keep("consent", consent)
            press(find(consent, lambda n: n.getRoleName() == "push button"))
        sign = wait_for(lambda: by_role_name(frame, "push button", self.words["sign"]), 15)
        if sign is None:
            self.step("no editor with a Sign and send button")
            return None
        self.keep("editor", frame)
        return sign

    def pin_dialog(self, frame: Any, sign: Any) -> bool:
        """Sign and send asks for the key file's password (for the platform's log-in or the
        signature, in demo mode): the PIN dialog, cancelled, so nothing is signed."""
        expected = by_role_name(frame, "text", self.words["expected_return"])
        if expected is not None:  # the one field a prolongation leaves to the physician
            if not typing(expected, "+1", frame):
                self.step("keys typed through the registry did not arrive")
                return False
            press_return()
        pin = None
        for _ in range(2):  # once more if the first press came while the draft was saved
            press(sign)
            pin = wait_for(lambda: find_dialog_with(self.app, "password text"), 15)
            if pin is not None:
                break
        if pin is None:
            self.step("no PIN dialog after Sign and send")
            return False
        self.keep("pin", pin)
        for _ in range(3):  # the platform's log-in may ask first, then the signature
            press(by_role_name(pin, "push button", self.words["cancel"]))
            if not wait_for(lambda p=pin: gone(p), 10):
                self.step("the PIN dialog did not close on Cancel")
                return False
            alert = wait_for(
                lambda: (
                    window_named(self.app, "alert") or find_dialog_with(self.app, "password text")
                ),
                30,
            )
            if alert is None or alert.getRoleName() == "alert":
                break
            pin = alert  # the next prompt: cancelled as well
        if alert is None or alert.getRoleName() != "alert":
            self.step("no message after the PIN dialog was cancelled")
            return False
        self.keep("cancelled", alert)  # "Not done": the signature was cancelled
        press(find(alert, lambda n: n.getRoleName() == "push button"))
        if not wait_for(lambda: window_named(self.app, "alert") is None, 10):
            self.step("the message did not close on OK")
            return False
        return True

    def unlock_dialog(self, frame: Any) -> None:
        """File > Lock, then the unlock dialog and its passphrase; Return unlocks."""
        lock = menu_item(frame, self.words["lock"])
        if lock is None:
            self.step("no Lock menu item")
            return
        if self.words.get("orca_log"):  # its debug log says what it would speak
            log = ["--debug-file", self.words["orca_log"]]
            self.orca = subprocess.Popen(["orca", *log], stderr=subprocess.DEVNULL)
            time.sleep(2)
        press(lock)
        unlock = wait_for(lambda: window_named(self.app, "dialog", self.words["unlock"]), 30)
        if unlock is None:
            self.step("no unlock dialog after Lock")
            return
        self.keep("unlock", unlock)
        field = find(unlock, lambda n: n.getRoleName() == "password text")
        time.sleep(float(self.words.get("hold_unlock", 0)))  # Orca's time to speak it
        with PasswordInserts() as heard:
            arrived = typing(field, self.words["passphrase_value"], unlock)
        self.out["password_inserts"] = heard.texts
        if not arrived:
            self.step("keys typed through the registry did not arrive")
            return
        press(by_role_name(unlock, "push button", self.words["unlock"]))
        back = wait_for(lambda: window_named(self.app, "frame"), 30)
        self.step("unlocked" if back is not None else "still locked after the passphrase")
        self.stop_orca()  # while the app lives: Orca hangs on a vanished app's objects
        if back is not None:
            press(menu_item(back, self.words["quit"]))

    def stop_orca(self) -> None:
        if self.orca is None or self.orca.poll() is not None:
            return
        self.orca.terminate()  # SIGTERM: Orca closes its debug log on the way out
        try:
            self.orca.wait(15)
        except subprocess.TimeoutExpired:
            self.orca.kill()
            self.orca.wait()
            self.step("Orca did not stop on SIGTERM")

    def drive(self) -> None:
        frame = self.main_window()
        if frame is None or not self.patient_page(frame):
            return
        sign = self.editor(frame)
        if sign is not None and self.pin_dialog(frame, sign):
            self.unlock_dialog(frame)


def main() -> int:
    argv = sys.argv[1:]
    split = argv.index("--")
    words = json.loads(argv[0]) if split else {}
    command = argv[split + 1 :]
    proc = subprocess.Popen(command)
    run = Run(None, words)
    try:
        run.app = wait_for(
            lambda: next((a for a in desktop_apps() if a.name == APP_NAME), None), 60, 0.5
        )
        if run.app is None:
            run.step("the app never appeared in the AT-SPI registry")
        else:
            run.step("registered")
            run.drive()
    except Exception as exc:  # the tree is printed anyway, with where the drive stopped
        run.step(f"stopped: {type(exc).__name__}: {exc}")
    finally:
        try:
            proc.wait(10)  # File > Quit at the end of the drive
        except subprocess.TimeoutExpired:
            proc.terminate()
        try:
            proc.wait(15)
        except subprocess.TimeoutExpired:
            proc.kill()
    run.stop_orca()
    run.out["seconds"]["total"] = round(time.monotonic() - run.started, 1)
    print(json.dumps(run.out, ensure_ascii=False))
    return 0


if __name__ == "__main__":
    sys.exit(main())
