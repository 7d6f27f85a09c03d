"""A damaged key file is told apart from a wrong passphrase (issue 13, item 7).

AES-GCM under a passphrase-derived key fails the same way for a wrong passphrase and
for a flipped bit in the file; the key file's checksum is what tells the two apart.
"""

from __future__ import annotations

import base64
import json
import shutil
import subprocess
import sys
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest

from fitnote_desktop.domain.messages import message
from fitnote_desktop.store import KdfParams, ProfileManager, StoreOptions
from fitnote_desktop.store.errors import (
    KeyFileDamagedError,
    KeyInvalidError,
    WrongPassphraseError,
)
from fitnote_desktop.store.keys import KEY_FILE_FORMAT, KeyFile, ProfileKey

CHEAP = KdfParams.for_tests()
KEY_ID = "6f1c2a3e-8d4b-4c5e-9f60-7a8b9c0d1e2f"
# written by the code before the checksum (fitnote-keyfile/1), with these secrets
OLD_KEY_FILE = Path(__file__).parent / "data" / "keyfile-v1.json"
OLD_PASSPHRASE = "correct horse battery staple"
OLD_KEY = bytes(range(32))


def _flip_b64(doc: dict[str, Any], *path: str) -> None:
    """Flip one bit of a base64 field's bytes and re-encode: still well-formed base64."""
    holder = doc
    for name in path[:-1]:
        holder = holder[name]
    raw = bytearray(base64.b64decode(holder[path[-1]]))
    raw[len(raw) // 2] ^= 0x01
    holder[path[-1]] = base64.b64encode(bytes(raw)).decode("ascii")


def _rewrite(path: Path, change: Callable[[dict[str, Any]], None]) -> None:
    doc = json.loads(path.read_text())
    change(doc)
    path.write_text(json.dumps(doc, indent=2, sort_keys=True) + "\n")


def _written(tmp_path: Path, passphrase: str) -> KeyFile:
    kf = KeyFile(tmp_path / "key.json", KEY_ID)
    kf.write(ProfileKey.generate(), passphrase, CHEAP)
    return kf


DAMAGE: dict[str, Callable[[Path], None]] = {
    "wrapped key": lambda p: _rewrite(p, lambda d: _flip_b64(d, "wrapped_key")),
    "salt": lambda p: _rewrite(p, lambda d: _flip_b64(d, "kdf", "salt")),
    "nonce": lambda p: _rewrite(p, lambda d: _flip_b64(d, "nonce")),
    "kdf cost": lambda p: _rewrite(p, lambda d: d["kdf"].update(n=2 * d["kdf"]["n"])),
    "checksum": lambda p: _rewrite(p, lambda d: d.update(checksum="sha256:" + "0" * 64)),
    "format": lambda p: _rewrite(p, lambda d: d.update(format="fitnote-keyfile/3")),
    "truncated": lambda p: p.write_bytes(p.read_bytes()[: len(p.read_bytes()) // 2]),
    "not json": lambda p: p.write_bytes(b"\x00\x17 not a key file"),
    "empty": lambda p: p.write_bytes(b""),
    "a list": lambda p: p.write_text("[1, 2, 3]"),
}


@pytest.mark.parametrize("damage", list(DAMAGE), ids=list(DAMAGE))
def test_damage_is_not_a_wrong_passphrase(tmp_path: Path, passphrase: str, damage: str) -> None:
    kf = _written(tmp_path, passphrase)
    DAMAGE[damage](kf.path)
    with pytest.raises(KeyFileDamagedError) as info:
        kf.read(passphrase)
    assert info.value.code == "store.key_file_damaged"
    # a damaged file is also an unusable one for code that only knows the older error
    assert isinstance(info.value, KeyInvalidError)
    assert not isinstance(info.value, WrongPassphraseError)


def test_every_single_byte_flip_in_the_file_is_damage_or_harmless(
    tmp_path: Path, passphrase: str
) -> None:
    kf = _written(tmp_path, passphrase)
    original = kf.path.read_bytes()
    key = kf.read(passphrase).raw()
    for i in range(len(original)):
        flipped = bytearray(original)
        flipped[i] ^= 0x01
        kf.path.write_bytes(bytes(flipped))
        try:
            opened = kf.read(passphrase).raw()
        except KeyFileDamagedError:
            continue
        assert opened == key, f"byte {i}"  # harmless, e.g. a line end became a CR


def test_wrong_passphrase_stays_a_wrong_passphrase(tmp_path: Path, passphrase: str) -> None:
    kf = _written(tmp_path, passphrase)
    before = kf.path.read_bytes()
    with pytest.raises(WrongPassphraseError) as info:
        kf.read(passphrase + "x")
    assert info.value.code == "store.wrong_passphrase"
    assert kf.path.read_bytes() == before


def test_new_key_files_carry_a_checksum(tmp_path: Path, passphrase: str) -> None:
    kf = _written(tmp_path, passphrase)
    doc = json.loads(kf.path.read_text())
    assert doc["format"] == KEY_FILE_FORMAT == "fitnote-keyfile/2"
    assert doc["checksum"].startswith("sha256:")


def test_message_says_what_to_do() -> None:
    text = str(KeyFileDamagedError())
    assert "damaged" in text and "backup" in text and "try again" not in text
    assert "back-up" in message("store.key_file_damaged", "nl")


# key files of the previous format ----------------------------------------------------------
def _old_key_file(tmp_path: Path) -> KeyFile:
    path = tmp_path / "key.json"
    shutil.copyfile(OLD_KEY_FILE, path)
    return KeyFile(path, KEY_ID)


def test_old_key_file_opens_and_is_migrated(tmp_path: Path) -> None:
    kf = _old_key_file(tmp_path)
    assert kf.read(OLD_PASSPHRASE).raw() == OLD_KEY
    doc = json.loads(kf.path.read_text())
    assert doc["format"] == "fitnote-keyfile/2" and "checksum" in doc
    assert doc["kdf"]["n"] == 2**10  # its own KDF parameters are kept
    assert kf.read(OLD_PASSPHRASE).raw() == OLD_KEY
    # from now on, damage is recognised
    DAMAGE["wrapped key"](kf.path)
    with pytest.raises(KeyFileDamagedError):
        kf.read(OLD_PASSPHRASE)


def test_old_key_file_with_wrong_passphrase_is_left_alone(tmp_path: Path) -> None:
    kf = _old_key_file(tmp_path)
    with pytest.raises(WrongPassphraseError):
        kf.read("not the passphrase at all")
    assert kf.path.read_bytes() == OLD_KEY_FILE.read_bytes()


@pytest.mark.skipif(sys.platform == "win32", reason="POSIX file size limit")
def test_old_key_file_opens_where_it_cannot_be_rewritten(tmp_path: Path) -> None:
    """The upgrade is a courtesy: when the file cannot be rewritten, the unlock still works.

    The child process may not write a single byte (RLIMIT_FSIZE 0, which binds root too).
    """
    kf = _old_key_file(tmp_path)
    script = (
        "import resource, signal, sys\n"
        "from pathlib import Path\n"
        "from fitnote_desktop.store.keys import KeyFile\n"
        "signal.signal(signal.SIGXFSZ, signal.SIG_IGN)\n"
        "resource.setrlimit(resource.RLIMIT_FSIZE, (0, 0))\n"
        f"key = KeyFile(Path(sys.argv[1]), {KEY_ID!r}).read({OLD_PASSPHRASE!r})\n"
        "print(key.raw().hex())\n"
    )
    out = subprocess.run(
        [sys.executable, "-c", script, str(kf.path)],
        capture_output=True,
        text=True,
        timeout=120,
        check=False,
    )
    assert out.returncode == 0, out.stderr
    assert out.stdout.strip() == OLD_KEY.hex()
    assert "kept in its first format" in out.stderr
    assert kf.path.read_bytes() == OLD_KEY_FILE.read_bytes()
    assert [p.name for p in tmp_path.iterdir()] == ["key.json"]  # no temporary file left


def test_truncated_old_key_file_is_damaged(tmp_path: Path) -> None:
    kf = _old_key_file(tmp_path)
    DAMAGE["truncated"](kf.path)
    with pytest.raises(KeyFileDamagedError):
        kf.read(OLD_PASSPHRASE)


# through the profile manager and the command line ------------------------------------------
@pytest.fixture
def damaged_profile(tmp_path: Path, passphrase: str) -> Path:
    root = tmp_path / "profiles"
    manager = ProfileManager(root, StoreOptions(kdf=CHEAP))
    manager.create("dr", passphrase=passphrase)
    DAMAGE["wrapped key"](root / "dr" / "key.json")
    return root


def test_profile_manager_reports_damage(damaged_profile: Path, passphrase: str) -> None:
    manager = ProfileManager(damaged_profile, StoreOptions(kdf=CHEAP))
    with pytest.raises(KeyFileDamagedError):
        manager.open("dr", passphrase)


def test_cli_reports_damage_not_a_wrong_passphrase(
    damaged_profile: Path, passphrase: str, tmp_path: Path
) -> None:
    secret = tmp_path / "pw"
    secret.write_text(passphrase + "\n")
    out = subprocess.run(
        [
            *(sys.executable, "-m", "fitnote_desktop", "--profile-dir", str(damaged_profile)),
            *("profile", "verify", "dr", "--passphrase-file", str(secret)),
        ],
        capture_output=True,
        text=True,
        stdin=subprocess.DEVNULL,
        timeout=120,
        check=False,
    )
    assert out.returncode == 2
    assert "[store.key_file_damaged]" in out.stderr and "backup" in out.stderr
    assert "try again" not in out.stderr and "Traceback" not in out.stderr
    assert len(out.stderr.strip().splitlines()) == 1
