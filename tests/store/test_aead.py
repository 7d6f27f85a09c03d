"""The key file's AES-256-GCM box opened through libcrypto (``store.aead``) and its scrypt
through hashlib (``store.keys``) agree with ``cryptography`` on every input and refuse every
tampering ``cryptography`` refuses (issue 14: unlocking without importing ``cryptography``)."""

from __future__ import annotations

import os

import pytest
from cryptography.exceptions import InvalidTag
from cryptography.hazmat.primitives.ciphers.aead import AESGCM
from cryptography.hazmat.primitives.kdf.scrypt import Scrypt
from hypothesis import given, settings
from hypothesis import strategies as st

from fitnote_desktop.store import aead
from fitnote_desktop.store.keys import KdfParams, _scrypt

OPENERS = {
    "libcrypto": lambda *a: aead._open_with_libcrypto(aead._libcrypto(), *a),
    "cryptography": aead._open_with_cryptography,
}


def test_libcrypto_is_found_here() -> None:
    assert aead._libcrypto() is not None  # else the tests below check the fallback only


def _reference(key: bytes, nonce: bytes, sealed: bytes, aad: bytes) -> bytes | None:
    try:
        return AESGCM(key).decrypt(nonce, sealed, aad)
    except InvalidTag:
        return None


def _ours(key: bytes, nonce: bytes, sealed: bytes, aad: bytes, opener: str) -> bytes | None:
    try:
        return OPENERS[opener](key, nonce, sealed, aad)
    except aead.TagMismatch:
        return None


def _flip(data: bytes, bit: int) -> bytes:
    if not data:
        return b"\x01"
    i = bit % (len(data) * 8)
    out = bytearray(data)
    out[i // 8] ^= 1 << (i % 8)
    return bytes(out)


@pytest.mark.parametrize("opener", sorted(OPENERS))
@settings(max_examples=150, deadline=None)
@given(
    key=st.binary(min_size=32, max_size=32),
    nonce=st.binary(min_size=12, max_size=12),
    plain=st.binary(max_size=80),
    aad=st.binary(max_size=300),
    part=st.sampled_from(["none", "key", "nonce", "body", "tag", "aad", "cut", "append"]),
    bit=st.integers(min_value=0, max_value=10_000),
)
def test_agrees_with_cryptography_on_valid_and_tampered_boxes(
    opener: str, key: bytes, nonce: bytes, plain: bytes, aad: bytes, part: str, bit: int
) -> None:
    sealed = AESGCM(key).encrypt(nonce, plain, aad)
    original = (key, nonce, sealed, aad)
    if part == "key":
        key = _flip(key, bit)
    elif part == "nonce":
        nonce = _flip(nonce, bit)
    elif part == "body" and len(sealed) > 16:
        sealed = _flip(sealed[:-16], bit) + sealed[-16:]
    elif part == "tag":
        sealed = sealed[:-16] + _flip(sealed[-16:], bit)
    elif part == "aad":
        aad = _flip(aad, bit)
    elif part == "cut":
        sealed = sealed[: bit % len(sealed)]
    elif part == "append":
        sealed += bytes([bit % 256])
    expected = _reference(key, nonce, sealed, aad) if len(sealed) >= 16 else None
    assert _ours(key, nonce, sealed, aad, opener) == expected
    assert expected == (plain if (key, nonce, sealed, aad) == original else None)


def test_open_box_refuses_short_input_and_bad_sizes() -> None:
    key, nonce = os.urandom(32), os.urandom(12)
    with pytest.raises(aead.TagMismatch):
        aead.open_box(key, nonce, b"\x00" * 15, b"")
    with pytest.raises(ValueError):
        aead.open_box(key[:16], nonce, AESGCM(key).encrypt(nonce, b"x", b""), b"")
    with pytest.raises(ValueError):
        aead.open_box(key, nonce + b"\x00", AESGCM(key).encrypt(nonce, b"x", b""), b"")


@pytest.mark.parametrize(
    ("n", "r", "p"), [(2**10, 8, 1), (2**12, 8, 2), (2**4, 1, 1), (2**8, 4, 3)]
)
def test_scrypt_through_hashlib_equals_cryptography(n: int, r: int, p: int) -> None:
    secret, salt = "pass phrase é".encode(), os.urandom(16)
    expected = Scrypt(salt=salt, length=32, n=n, r=r, p=p).derive(secret)
    assert _scrypt(secret, salt, n, r, p) == expected
    assert KdfParams.scrypt(n=n, r=r, p=p).derive("pass phrase é", salt) == expected


def test_the_default_scrypt_parameters_are_unchanged_and_computed_by_hashlib() -> None:
    default = KdfParams.scrypt()
    assert (default.n, default.r, default.p) == (2**17, 8, 1)
    salt = os.urandom(16)
    expected = Scrypt(salt=salt, length=32, n=2**17, r=8, p=1).derive(b"benchmark passphrase")
    assert default.derive("benchmark passphrase", salt) == expected


def test_without_libcrypto_the_box_opens_with_cryptography(monkeypatch: pytest.MonkeyPatch) -> None:
    key, nonce = os.urandom(32), os.urandom(12)
    sealed = AESGCM(key).encrypt(nonce, b"database key", b"header")
    monkeypatch.setattr(aead, "_libcrypto", lambda: None)  # as where OpenSSL is linked in
    assert aead.open_box(key, nonce, sealed, b"header") == b"database key"
    with pytest.raises(aead.TagMismatch):
        aead.open_box(key, nonce, sealed, b"other header")
