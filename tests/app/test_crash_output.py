"""Crash output names the failure, never the data that was in flight."""

import subprocess
import sys

SECRET = "Émilie Vanderbeke-Dubois 85073003229 Lumbago"

SCRIPT = f"""
import threading
from fitnote_desktop.crash import install_private_excepthook
install_private_excepthook()
def worker():
    raise RuntimeError({SECRET!r})
t = threading.Thread(target=worker); t.start(); t.join()
raise ValueError({SECRET!r})
"""


def test_uncaught_exceptions_show_type_and_stack_but_not_the_message() -> None:
    out = subprocess.run([sys.executable, "-c", SCRIPT], capture_output=True, text=True)
    assert out.returncode == 1
    assert "unexpected builtins.ValueError" in out.stderr
    assert "unexpected builtins.RuntimeError" in out.stderr  # the worker thread too
    assert "in worker" in out.stderr
    for part in SECRET.split():
        assert part not in out.stderr


def test_the_cli_installs_the_hook() -> None:
    code = (
        "import sys, fitnote_desktop.cli as c; c.main(['icf', 'search', 'd430']);"
        "print(sys.excepthook.__qualname__)"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True)
    assert "install_private_excepthook.<locals>.hook" in out.stdout
