"""After ``fitnote-desktop selfcheck --demo``, no file of the demo folder holds patient data
in plaintext, and every file is the owner's only.

The self-check runs the whole demo: the embedded endpoint receives the demo history and
the self-check's certificate, so its database holds patient documents. It must be
encrypted like the profile (SQLCipher), WAL included. The run is a subprocess whose
TMPDIR is inside the test folder, so temp files would be found as well.
"""

from __future__ import annotations

import os
import stat
import subprocess
import sys
import unicodedata
from pathlib import Path

from fitnote_desktop.domain import samples
from fitnote_desktop.wiring.demo import DEMO_DIAGNOSES, DEMO_ON_LEAVE, DEMO_PATIENTS

PATIENT = samples.patient()  # the demo history's and the self-check's patient
NEEDLES = [
    *(p.niss for p in (*DEMO_PATIENTS, *DEMO_ON_LEAVE)),
    "85.07.30-032.29",
    *(p.given_name for p in (*DEMO_PATIENTS, *DEMO_ON_LEAVE)),
    *(p.family_name for p in (*DEMO_PATIENTS, *DEMO_ON_LEAVE)),
    "Vanderbeke",
    "Lumbago",  # the diagnosis text of both certificates
    samples.incapacity().body.diagnoses[0].text,  # type: ignore[union-attr]
    '"L86"',  # the diagnosis codes as the payload's JSON holds them (quoted: 3 bare
    '"L03"',  # bytes would turn up in 300 kB of ciphertext once in a while)
    *(d.text for d in DEMO_DIAGNOSES if d),  # the patients on leave's diagnoses
    *(f'"{d.code}"' for d in DEMO_DIAGNOSES if d),
    "Kortrijksesteenweg",
]


def _encodings(needle: str) -> set[bytes]:
    out: set[bytes] = set()
    for form in {unicodedata.normalize("NFC", needle), unicodedata.normalize("NFD", needle)}:
        for codec in ("utf-8", "utf-16-le", "utf-16-be"):
            out.add(form.encode(codec))
    return out


def _hits(directory: Path) -> list[str]:
    hits = []
    for path in sorted(p for p in directory.rglob("*") if p.is_file()):
        data = path.read_bytes()
        lowered = data.lower()
        for needle in NEEDLES:
            if any(e in data or e.lower() in lowered for e in _encodings(needle)):
                hits.append(f"{path.relative_to(directory)}: {needle!r}")
    return hits


def _not_private(directory: Path) -> list[str]:
    wrong = []
    for path in sorted([directory, *directory.rglob("*")]):
        mode = stat.S_IMODE(path.stat().st_mode)
        if mode != (0o700 if path.is_dir() else 0o600):
            wrong.append(f"{path.relative_to(directory)} {oct(mode)}")
    return wrong


def test_selfcheck_demo_leaves_no_plaintext_and_private_files(tmp_path: Path) -> None:
    root = tmp_path / "demo"
    temp = tmp_path / "tmp"
    temp.mkdir()
    env = dict(os.environ, TMPDIR=str(temp), QT_QPA_PLATFORM="offscreen")
    command = ["-m", "fitnote_desktop", "--profile-dir", str(root), "selfcheck", "--demo"]
    run = subprocess.run(
        [sys.executable, *command],
        capture_output=True,
        text=True,
        env=env,
        timeout=300,
    )
    assert run.returncode == 0, run.stdout[-2000:] + run.stderr[-2000:]
    files = [p for p in root.rglob("*") if p.is_file()]
    assert any(p.parent.name == ".demo-sandbox" and "endpoint" in p.name for p in files)
    assert _hits(root) == []
    assert _not_private(root) == []
    assert list(temp.iterdir()) == []


def test_the_scan_finds_plaintext(tmp_path: Path) -> None:
    """Positive control: a plaintext SQLite file with the payload would be found."""
    import sqlite3

    from fitnote_desktop.domain.canonical import canonical_bytes

    with sqlite3.connect(tmp_path / "plain.sqlite3") as conn:
        conn.execute("CREATE TABLE d (payload BLOB)")
        conn.execute("INSERT INTO d VALUES (?)", (canonical_bytes(samples.incapacity()),))
    hits = _hits(tmp_path)
    assert f"plain.sqlite3: {PATIENT.niss!r}" in hits and "plain.sqlite3: '\"L86\"'" in hits
