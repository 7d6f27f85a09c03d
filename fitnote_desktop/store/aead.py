"""AES-256-GCM decryption of the key file, through the OpenSSL that Python's hashlib loaded.

Unlocking a profile opens one AES-256-GCM box (:func:`fitnote_desktop.store.keys.unwrap_key`).
``cryptography`` does that in one call, but importing it maps its Rust extension: about 7 MiB
of resident memory and 20 ms at start-up, before the first screen, for a single decryption
(issue 14; nothing else on the first screen uses it). The process already holds OpenSSL's
libcrypto (hashlib's, which also derives the key: ``hashlib.scrypt``), so :func:`open_box`
calls its EVP interface directly; the same calls ``cryptography`` makes. Where no libcrypto
can be found by name (an OpenSSL linked statically into Python), ``cryptography`` opens the
box instead. tests/store/test_aead.py checks both against ``cryptography`` on valid boxes and
on every kind of tampering.

Only decryption lives here: sealing a box (a new key file, a new passphrase) is rare and
keeps using ``cryptography``.
"""

from __future__ import annotations

import ctypes
from functools import cache
from typing import Any

TAG_BYTES = 16
KEY_BYTES = 32
NONCE_BYTES = 12

# OpenSSL's EVP_CIPHER_CTX_ctrl codes for GCM (evp.h), the same in OpenSSL 1.1 and 3.
_EVP_CTRL_GCM_SET_IVLEN = 0x9
_EVP_CTRL_GCM_SET_TAG = 0x11

# The names libcrypto goes by: Linux (OpenSSL 3, 1.1), Windows (python.org), macOS.
_LIBCRYPTO_NAMES = (
    "libcrypto.so.3",
    "libcrypto.so.1.1",
    "libcrypto-3-x64",
    "libcrypto-3",
    "libcrypto-1_1-x64",
    "libcrypto-1_1",
    "libcrypto.3.dylib",
)


class TagMismatch(Exception):
    """The box does not open: wrong key, or any of nonce, ciphertext, tag or AAD altered."""


@cache
def _libcrypto() -> Any | None:
    """libcrypto with the EVP functions typed, or None when none is found by name."""
    import hashlib  # noqa: F401 - loads libcrypto first where hashlib links it dynamically

    for name in _LIBCRYPTO_NAMES:
        try:
            lib = ctypes.CDLL(name)
            lib.EVP_aes_256_gcm.restype = ctypes.c_void_p
        except (OSError, AttributeError):
            continue
        lib.EVP_aes_256_gcm.argtypes = []
        lib.EVP_CIPHER_CTX_new.restype = ctypes.c_void_p
        lib.EVP_CIPHER_CTX_new.argtypes = []
        lib.EVP_CIPHER_CTX_free.restype = None
        lib.EVP_CIPHER_CTX_free.argtypes = [ctypes.c_void_p]
        lib.EVP_CIPHER_CTX_ctrl.restype = ctypes.c_int
        lib.EVP_CIPHER_CTX_ctrl.argtypes = [
            ctypes.c_void_p,
            ctypes.c_int,
            ctypes.c_int,
            ctypes.c_void_p,
        ]
        lib.EVP_DecryptInit_ex.restype = ctypes.c_int
        lib.EVP_DecryptInit_ex.argtypes = [ctypes.c_void_p] * 5
        lib.EVP_DecryptUpdate.restype = ctypes.c_int
        lib.EVP_DecryptUpdate.argtypes = [
            ctypes.c_void_p,
            ctypes.c_void_p,
            ctypes.POINTER(ctypes.c_int),
            ctypes.c_char_p,
            ctypes.c_int,
        ]
        lib.EVP_DecryptFinal_ex.restype = ctypes.c_int
        lib.EVP_DecryptFinal_ex.argtypes = [
            ctypes.c_void_p,
            ctypes.c_void_p,
            ctypes.POINTER(ctypes.c_int),
        ]
        return lib
    return None


def open_box(key: bytes, nonce: bytes, sealed: bytes, aad: bytes) -> bytes:
    """The plaintext of ``sealed`` (ciphertext then 16-byte tag, as ``cryptography``'s
    ``AESGCM.encrypt`` returns it); :class:`TagMismatch` unless the tag verifies."""
    if len(key) != KEY_BYTES or len(nonce) != NONCE_BYTES:
        raise ValueError("AES-256-GCM needs a 32-byte key and a 12-byte nonce")
    if len(sealed) < TAG_BYTES:
        raise TagMismatch()
    lib = _libcrypto()
    if lib is None:
        return _open_with_cryptography(key, nonce, sealed, aad)
    return _open_with_libcrypto(lib, key, nonce, sealed, aad)


def _open_with_libcrypto(lib: Any, key: bytes, nonce: bytes, sealed: bytes, aad: bytes) -> bytes:
    body, tag = sealed[:-TAG_BYTES], sealed[-TAG_BYTES:]
    out = ctypes.create_string_buffer(len(body) + TAG_BYTES)
    length = ctypes.c_int(0)
    ctx = lib.EVP_CIPHER_CTX_new()
    if not ctx:
        raise MemoryError()
    try:
        ok = (
            lib.EVP_DecryptInit_ex(ctx, lib.EVP_aes_256_gcm(), None, None, None) == 1
            and lib.EVP_CIPHER_CTX_ctrl(ctx, _EVP_CTRL_GCM_SET_IVLEN, NONCE_BYTES, None) == 1
            and lib.EVP_DecryptInit_ex(ctx, None, None, key, nonce) == 1
            and lib.EVP_DecryptUpdate(ctx, None, ctypes.byref(length), aad, len(aad)) == 1
            and lib.EVP_DecryptUpdate(ctx, out, ctypes.byref(length), body, len(body)) == 1
            and length.value == len(body)
            and lib.EVP_CIPHER_CTX_ctrl(ctx, _EVP_CTRL_GCM_SET_TAG, TAG_BYTES, tag) == 1
        )
        if not ok:
            raise TagMismatch()
        tail = ctypes.c_int(0)
        # the tag is checked here: anything but 1 means the box was not sealed with this key
        if lib.EVP_DecryptFinal_ex(ctx, ctypes.byref(out, len(body)), ctypes.byref(tail)) != 1:
            ctypes.memset(out, 0, len(out))
            raise TagMismatch()
        plain = out.raw[: len(body)]
        ctypes.memset(out, 0, len(out))
        return plain
    finally:
        lib.EVP_CIPHER_CTX_free(ctx)


def _open_with_cryptography(key: bytes, nonce: bytes, sealed: bytes, aad: bytes) -> bytes:
    from cryptography.exceptions import InvalidTag
    from cryptography.hazmat.primitives.ciphers.aead import AESGCM

    try:
        return AESGCM(key).decrypt(nonce, sealed, aad)
    except InvalidTag:
        raise TagMismatch() from None
