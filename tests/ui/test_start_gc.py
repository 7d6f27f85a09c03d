"""The garbage collector is paused from the app's start to its first screen, then frozen
and turned on again, once (``fitnote_desktop.ui.start_gc``, issue 14)."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]

CHILD = """
import gc, json
from fitnote_desktop.ui import start_gc
seen = []
start_gc.resume()  # not paused: nothing happens
seen.append([gc.isenabled(), gc.get_freeze_count()])
start_gc.pause()
seen.append([gc.isenabled(), gc.get_freeze_count()])
start_gc.resume()
frozen = gc.get_freeze_count()
seen.append([gc.isenabled(), frozen > 1000])
gc.disable()  # someone else's choice later on: a second resume leaves it alone
start_gc.resume()
seen.append([gc.isenabled(), gc.get_freeze_count() == frozen])
print(json.dumps(seen))
"""


def test_pause_then_resume_freezes_the_start_up_once() -> None:
    env = {**os.environ, "PYTHONPATH": str(ROOT), "QT_QPA_PLATFORM": "offscreen"}
    out = subprocess.run(
        [sys.executable, "-c", CHILD], capture_output=True, text=True, env=env, check=True
    ).stdout
    assert json.loads(out.strip().splitlines()[-1]) == [
        [True, 0],
        [False, 0],
        [True, True],
        [False, True],
    ]
