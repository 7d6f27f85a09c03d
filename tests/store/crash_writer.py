"""Writer processes for the crash test, forked from a pre-loaded "zygote".

Starting a fresh interpreter and importing SQLAlchemy/SQLCipher costs about 0.6 s here;
forking a process that already imported them costs a few milliseconds, which is what
lets the test kill a hundred-plus writers in well under a minute. The forked writer is a
real, separate process doing real commits on the real file; SIGKILL hits it wherever it
happens to be (inside a commit, between fsyncs, while opening the profile).

Protocol on stdin/stdout (one line each):
    run <root> <profile_id> <passphrase_file> <ack_file> <seed>  ->  <pid>
    reap <pid>                                                   ->  <pid> <signal or -exit>
    quit

A writer appends one line to its ack file (a plain ``os.write``, no buffering) after each
call that returned, i.e. after each commit:
    ready
    patient <id>
    version <document id> <version> <sha256>
    signed <document id> <sha256>
On an unexpected exception it writes ``error <type> <code>`` and waits to be killed (it
never exits on its own, so its pid cannot be reused before the test reaps it).
"""

from __future__ import annotations

import json
import os
import random
import signal
import sys
import traceback
import uuid
from pathlib import Path

from fitnote_desktop.store import DocumentStatus, KdfParams, ProfileManager, StoreOptions

MAX_VERSIONS = 8


def _payload(rng: random.Random, doc_id: uuid.UUID, n: int) -> bytes:
    size = rng.choice((300, 2_000, 2_000, 6_000, 40_000))  # some span overflow pages
    body = {"id": str(doc_id), "n": n, "text": "".join(rng.choices("abcdefgh ", k=size))}
    return json.dumps(body, sort_keys=True, separators=(",", ":")).encode()


def writer(root: str, profile_id: str, passphrase_file: str, ack_file: str, seed: int) -> None:
    fd = os.open(ack_file, os.O_WRONLY | os.O_CREAT | os.O_APPEND, 0o600)

    def ack(line: str) -> None:
        os.write(fd, (line + "\n").encode())

    try:
        rng = random.Random(seed)
        options = StoreOptions(kdf=KdfParams.for_tests(), max_versions=MAX_VERSIONS)
        manager = ProfileManager(Path(root), options)
        profile = manager.open(profile_id, Path(passphrase_file).read_text().strip())
        patients = [p.id for p in profile.patients.recent(1000)]
        drafts = [d.id for d in profile.documents.list(statuses=[DocumentStatus.DRAFT])]
        ack("ready")
        n = 0
        while True:
            n += 1
            roll = rng.random()
            if not patients or roll < 0.03:
                rec = profile.patients.create(given_name=f"G{n}", family_name=f"F{seed}")
                patients.append(rec.id)
                ack(f"patient {rec.id}")
            elif not drafts or roll < 0.10:
                doc_id = uuid.uuid4()
                rec = profile.documents.create_draft(
                    id=doc_id,
                    patient_id=rng.choice(patients),
                    kind="incapacity",
                    language="nl",
                    payload=_payload(rng, doc_id, n),
                )
                drafts.append(rec.id)
                ack(f"version {rec.id} 1 {rec.payload_hash}")
            elif roll < 0.12:
                doc_id = drafts.pop(rng.randrange(len(drafts)))
                payload = _payload(rng, doc_id, n)
                rec = profile.documents.mark_signed(doc_id, payload=payload, signature=b"CMS")
                ack(f"signed {doc_id} {rec.payload_hash}")
            else:
                doc_id = rng.choice(drafts)
                info = profile.documents.autosave(doc_id, _payload(rng, doc_id, n))
                ack(f"version {doc_id} {info.version} {info.payload_hash}")
    except BaseException as exc:  # report, then wait for the SIGKILL
        code = getattr(exc, "code", "-")
        ack(f"error {type(exc).__name__} {code}")
        traceback.print_exc()
        sys.stderr.flush()
        while True:
            signal.pause()


def main() -> None:
    for line in sys.stdin:
        parts = line.split()
        if not parts:
            continue
        if parts[0] == "run":
            pid = os.fork()
            if pid == 0:  # child: become a writer; never return into the loop
                sys.stdin.close()
                try:
                    writer(parts[1], parts[2], parts[3], parts[4], int(parts[5]))
                finally:
                    os._exit(99)
            print(pid, flush=True)
        elif parts[0] == "reap":
            pid = int(parts[1])
            _, status = os.waitpid(pid, 0)
            result = os.WTERMSIG(status) if os.WIFSIGNALED(status) else -os.WEXITSTATUS(status)
            print(pid, result, flush=True)
        elif parts[0] == "quit":
            return


if __name__ == "__main__":
    main()
