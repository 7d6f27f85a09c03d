"""Key wrapping and keyring access, without a database."""

from __future__ import annotations

import json
import unicodedata
from pathlib import Path

import pytest

from fitnote_desktop.store.errors import (
    KeyInvalidError,
    KeyMissingError,
    KeyringDeniedError,
    KeyringUnavailableError,
    WeakPassphraseError,
    WrongPassphraseError,
)
from fitnote_desktop.store.keys import (
    DEFAULT_KDF,
    KdfParams,
    KeyFile,
    KeyringEntry,
    ProfileKey,
    keyring_available,
    unwrap_key,
    wrap_key,
)

CHEAP = KdfParams.for_tests()


def test_production_defaults_are_sane() -> None:
    # OWASP: scrypt N=2^17, r=8, p=1 (128 MiB). Tests use cheaper parameters on purpose.
    assert (DEFAULT_KDF.name, DEFAULT_KDF.n, DEFAULT_KDF.r, DEFAULT_KDF.p) == (
        "scrypt",
        2**17,
        8,
        1,
    )


def test_key_file_roundtrip_and_format(tmp_path: Path, passphrase: str) -> None:
    key = ProfileKey.generate()
    kf = KeyFile(tmp_path / "key.json", "1b4e28ba-2fa1-11d2-883f-0016d3cca427")
    kf.write(key, passphrase, CHEAP)
    doc = json.loads(kf.path.read_text())
    assert doc["format"] == "fitnote-keyfile/2"
    assert doc["kdf"]["name"] == "scrypt" and doc["kdf"]["n"] == 2**10
    assert key.raw().hex() not in kf.path.read_text()
    assert kf.read(passphrase).raw() == key.raw()
    assert oct(kf.path.stat().st_mode & 0o777) == "0o600"


def test_wrong_passphrase_is_detected_by_the_tag(tmp_path: Path, passphrase: str) -> None:
    kf = KeyFile(tmp_path / "key.json", "1b4e28ba-2fa1-11d2-883f-0016d3cca427")
    kf.write(ProfileKey.generate(), passphrase, CHEAP)
    with pytest.raises(WrongPassphraseError) as info:
        kf.read(passphrase + "x")
    assert info.value.code == "store.wrong_passphrase"
    assert passphrase not in str(info.value)


def test_passphrase_is_unicode_normalised(tmp_path: Path) -> None:
    composed = unicodedata.normalize("NFC", "pässwörd-émilie")
    decomposed = unicodedata.normalize("NFD", composed)
    assert composed != decomposed
    kf = KeyFile(tmp_path / "key.json", "1b4e28ba-2fa1-11d2-883f-0016d3cca427")
    key = ProfileKey.generate()
    kf.write(key, composed, CHEAP)
    assert kf.read(decomposed).raw() == key.raw()


def test_short_passphrase_refused(tmp_path: Path) -> None:
    kf = KeyFile(tmp_path / "key.json", "1b4e28ba-2fa1-11d2-883f-0016d3cca427")
    with pytest.raises(WeakPassphraseError):
        kf.write(ProfileKey.generate(), "short", CHEAP)
    assert not kf.path.exists()


@pytest.mark.parametrize(
    "mutate",
    [
        lambda d: d.update(key_id="00000000-0000-0000-0000-000000000000"),
        lambda d: d["kdf"].update(n=2**11),
        lambda d: d.update(nonce="AAAAAAAAAAAAAAAA"),
    ],
)
def test_tampered_key_file_never_yields_a_key(tmp_path: Path, passphrase: str, mutate) -> None:  # type: ignore[no-untyped-def]
    kf = KeyFile(tmp_path / "key.json", "1b4e28ba-2fa1-11d2-883f-0016d3cca427")
    kf.write(ProfileKey.generate(), passphrase, CHEAP)
    doc = json.loads(kf.path.read_text())
    mutate(doc)
    kf.path.write_text(json.dumps(doc))
    with pytest.raises((WrongPassphraseError, KeyInvalidError)):
        kf.read(passphrase)


def test_missing_and_garbage_key_files(tmp_path: Path, passphrase: str) -> None:
    kf = KeyFile(tmp_path / "key.json", "1b4e28ba-2fa1-11d2-883f-0016d3cca427")
    with pytest.raises(KeyMissingError) as info:
        kf.read(passphrase)
    assert info.value.code == "store.key_missing"
    kf.path.write_bytes(b"\x00garbage")
    with pytest.raises(KeyInvalidError):
        kf.read(passphrase)


def test_absurd_kdf_parameters_are_refused_before_deriving() -> None:
    doc = wrap_key(b"k" * 32, "long enough passphrase", CHEAP, {"format": "x"})
    doc["kdf"]["n"] = 2**30  # would need 1 TiB
    with pytest.raises(KeyInvalidError):
        unwrap_key(doc, "long enough passphrase")


def test_argon2id_wrapping_when_available() -> None:
    pytest.importorskip("cryptography.hazmat.primitives.kdf.argon2")
    kdf = KdfParams.argon2id(iterations=1, lanes=1, memory_kib=64)
    doc = wrap_key(b"k" * 32, "long enough passphrase", kdf, {"format": "x"})
    assert doc["kdf"]["name"] == "argon2id"
    assert unwrap_key(doc, "long enough passphrase") == b"k" * 32


def test_profile_key_repr_and_wipe() -> None:
    key = ProfileKey.generate()
    raw_hex = key.raw().hex()
    assert raw_hex not in repr(key)
    key.wipe()
    assert key.wiped and "wiped" in repr(key)


def test_keyring_entry_with_memory_backend(set_keyring) -> None:  # type: ignore[no-untyped-def]
    backend = set_keyring("memory")
    assert keyring_available()
    entry = KeyringEntry("1b4e28ba-2fa1-11d2-883f-0016d3cca427")
    with pytest.raises(KeyMissingError):
        entry.load()
    key = ProfileKey.generate()
    entry.store(key)
    assert entry.load().raw() == key.raw()
    entry.delete()
    entry.delete()  # idempotent
    assert backend.secrets == {}


def test_keyring_refusal_and_absence_have_codes(set_keyring) -> None:  # type: ignore[no-untyped-def]
    entry = KeyringEntry("1b4e28ba-2fa1-11d2-883f-0016d3cca427")
    set_keyring("deny")
    with pytest.raises(KeyringDeniedError) as info:
        entry.load()
    assert info.value.code == "store.keyring_denied"
    set_keyring("fail")
    assert not keyring_available()
    with pytest.raises(KeyringUnavailableError):
        entry.load()
