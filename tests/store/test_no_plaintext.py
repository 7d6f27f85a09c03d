"""After a full workflow, no file of the profile holds a name, a NISS or a diagnosis.

The workflow runs in a subprocess whose TMPDIR points into the test directory and whose
logging is at DEBUG for everything (including SQLAlchemy) into ``logs/app.log``, so temp
files and log files are checked too. Files are scanned twice: while the profile is open
(``-wal`` and ``-shm`` present) and after it was locked. Needles are searched in UTF-8
(composed and decomposed), UTF-16 LE/BE, and in the folded form used for searching.
"""

from __future__ import annotations

import os
import subprocess
import sys
import unicodedata
from pathlib import Path

from fitnote_desktop.domain import samples

PATIENT = samples.patient()
DIAGNOSIS = samples.incapacity().body.diagnoses[0].text  # type: ignore[union-attr]
NEEDLES = [
    PATIENT.given_name,  # Émilie
    PATIENT.family_name,  # Vanderbeke-Dubois
    "Vanderbeke",
    PATIENT.niss,
    "85.07.30-032.29",
    DIAGNOSIS,
    "Lumbago",
    "emilie vanderbeke dubois",  # the search key
    "Kortrijksesteenweg",  # her address
]

WORKFLOW = r"""
import logging, sys, uuid, json
from dataclasses import replace
from pathlib import Path
root, passphrase = Path(sys.argv[1]), sys.argv[2]
(root.parent / "logs").mkdir(parents=True)
logging.basicConfig(level=logging.DEBUG, filename=str(root.parent / "logs" / "app.log"))
logging.getLogger("sqlalchemy").setLevel(logging.DEBUG)

from fitnote_desktop.domain import canonical, samples
from fitnote_desktop.store import KdfParams, ProfileManager, StoreOptions, StoreError, migrations
from fitnote_desktop.store.engine import Database

m = ProfileManager(root, StoreOptions(kdf=KdfParams.for_tests()))
m.create("dr-peeters", label="Dr An Peeters", passphrase=passphrase)
p = m.open("dr-peeters", passphrase)
pat = samples.patient()
rec = p.patients.create(given_name=pat.given_name, family_name=pat.family_name, niss=pat.niss,
                        language="nl", data={"address": "Kortrijksesteenweg 250, 9000 Gent"})
doc = samples.incapacity()
d = p.documents.create_draft(id=doc.id, patient_id=rec.id, kind="incapacity", language="nl",
                             payload=canonical.canonical_bytes(doc))
for n in range(5):
    p.documents.autosave(d.id, canonical.canonical_bytes(replace(doc, episode_id=f"EP-{n}")))
p.documents.restore_version(d.id, 2)
assert p.patients.search("vanderbeke-dub")[0].id == rec.id
p.documents.mark_signed(d.id, payload=canonical.canonical_bytes(doc), signature=b"0\x82CMS")
item = p.outbox.enqueue(d.id)
p.outbox.mark_sending(item.id)
p.outbox.mark_result(item.id, "accepted", receipt=b'{"status":"accepted"}', payload_hash="ab")
try:
    p.patients.create(given_name="Dup", family_name="Licate", niss=pat.niss)
except StoreError as exc:
    logging.getLogger("app").exception("expected duplicate: %s", exc.code)
p.backup(root / "dr-peeters" / "backups" / "user.fnbackup", "backup passphrase 42")
p.lock()

# make it an older database and open again: the pre-migration backup holds the same data
db = Database(m.get("dr-peeters").db_path, m.load_key("dr-peeters", passphrase), m.options)
with db.write() as conn:
    conn.exec_driver_sql("DROP INDEX ix_documents_kind_period_end")
    conn.exec_driver_sql("DROP INDEX ix_documents_worklist")
    conn.exec_driver_sql("DROP INDEX ix_documents_mirror")
    conn.exec_driver_sql("DROP TABLE mirror_facts")
    conn.exec_driver_sql("DROP TABLE questions")
    conn.exec_driver_sql("DROP TABLE unread_threads")
    conn.exec_driver_sql("DROP TABLE question_completions")
    conn.exec_driver_sql("DROP TABLE receipts")
    conn.exec_driver_sql("DROP TABLE outbox")
    conn.exec_driver_sql("ALTER TABLE documents DROP COLUMN retraction")
    conn.exec_driver_sql("UPDATE alembic_version SET version_num = '0001'")
db.close()
p = m.open("dr-peeters", passphrase)
assert p.migration_backup is not None
p.patients.touch(rec.id)
print("open", flush=True)
sys.stdin.readline()  # the test scans while -wal and -shm exist
p.lock()
print("locked", flush=True)
"""


def _encodings(needle: str) -> set[bytes]:
    forms = {unicodedata.normalize("NFC", needle), unicodedata.normalize("NFD", needle)}
    out: set[bytes] = set()
    for form in forms:
        for codec in ("utf-8", "utf-16-le", "utf-16-be"):
            out.add(form.encode(codec))
    return out


def _scan(directory: Path) -> list[str]:
    problems = []
    for path in sorted(directory.rglob("*")):
        if not path.is_file():
            continue
        data = path.read_bytes()
        lowered = data.lower()
        for needle in NEEDLES:
            for encoded in _encodings(needle):
                if encoded in data or encoded.lower() in lowered:
                    problems.append(f"{path.relative_to(directory)} contains {needle!r}")
    return problems


def test_no_plaintext_in_any_profile_file(tmp_path: Path, passphrase: str) -> None:
    root = tmp_path / "profiles"
    temp = tmp_path / "tmp"
    temp.mkdir()
    env = dict(os.environ, TMPDIR=str(temp), TEMP=str(temp), TMP=str(temp))
    proc = subprocess.Popen(
        [sys.executable, "-c", WORKFLOW, str(root), passphrase],
        stdin=subprocess.PIPE,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
        env=env,
    )
    assert proc.stdin is not None and proc.stdout is not None
    first = proc.stdout.readline().strip()
    if first != "open":
        proc.kill()
        raise AssertionError(f"workflow failed: {first} {proc.communicate()[1]}")
    profile_dir = root / "dr-peeters"
    names = {p.name for p in profile_dir.iterdir()}
    assert {"fitnote.db", "fitnote.db-wal", "fitnote.db-shm", "key.json"} <= names
    assert _scan(profile_dir) == []

    out, err = proc.communicate("go\n", timeout=60)
    assert proc.returncode == 0, err
    assert out.strip() == "locked"
    backups = sorted(p.name for p in (profile_dir / "backups").iterdir())
    assert backups[0].startswith("pre-migration-0001-") and backups[1] == "user.fnbackup"
    log_text = (tmp_path / "logs" / "app.log").read_text()
    assert "store.patient_exists" in log_text  # the log is real and was written to
    assert _scan(tmp_path) == []  # profile dir, logs, backups, and the temp dir
    assert list(temp.iterdir()) == []  # nothing was spilled into temp files
    assert PATIENT.family_name not in err


def test_scanner_finds_planted_text(tmp_path: Path) -> None:
    """Positive control: the scan above would have seen the needles in every encoding."""
    for codec in ("utf-8", "utf-16-le", "utf-16-be"):
        planted = tmp_path / codec
        planted.mkdir()
        (planted / "f.bin").write_bytes(b"\x00\x01" + "Émilie".encode(codec) + b"\xff")
        assert _scan(planted) == ["f.bin contains 'Émilie'"]
    nfd = tmp_path / "nfd"
    nfd.mkdir()
    (nfd / "f").write_bytes(unicodedata.normalize("NFD", DIAGNOSIS.upper()).encode())
    assert _scan(nfd)
