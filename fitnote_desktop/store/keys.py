"""Profile keys: a random 256-bit database key, kept in the OS keyring or passphrase-wrapped.

The database key never depends on the passphrase: it is random (``secrets``), and the
passphrase only *wraps* it (KDF -> AES-256-GCM) in a small JSON key file. So changing
the passphrase or moving the key between the keyring and a key file rewrites a few
hundred bytes, never the database, and a wrong passphrase is detected by the AEAD tag
before the database file is even opened — which is why a wrong passphrase touches
nothing.

The AEAD tag alone cannot tell a wrong passphrase from a damaged file (a flipped bit in
the salt, nonce or wrapped key fails the same way), so the key file also carries a
SHA-256 checksum over all its other fields. It is not keyed and protects nothing against
an attacker (who could rewrite it; the tag still refuses any tampering): it only lets
the app say "the key file is damaged, restore it from a backup" instead of asking for
the passphrase again. Files of the first format (``fitnote-keyfile/1``, no checksum)
still open and are rewritten in the current format on their first successful unlock.

KDF defaults (production) — scrypt N=2**17, r=8, p=1: 128 MiB and about 0.6 s on a
2-core laptop, the OWASP recommendation for scrypt. scrypt rather than Argon2id by
default because every ``cryptography>=43`` build has it, while Argon2id needs 44+ and an
OpenSSL that provides it: a backup must open on whatever machine restores it. Argon2id
(RFC 9106 second recommended option: t=3, 64 MiB, 4 lanes) can be chosen and is read
wherever available. Parameters are stored in the key file, so files written with
cheaper test parameters stay readable and stronger defaults can come later.

The raw key lives in a ``bytearray`` that :meth:`ProfileKey.wipe` overwrites on lock.
This is best effort: SQLCipher and the hex string handed to ``PRAGMA key`` hold copies
Python cannot reach. The key is never logged, never put in an exception message, never
written to disk unwrapped.
"""

from __future__ import annotations

import base64
import binascii
import contextlib
import hashlib
import json
import logging
import secrets
import unicodedata
from collections.abc import Mapping
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from fitnote_desktop.store.aead import TagMismatch, open_box
from fitnote_desktop.store.errors import (
    KeyFileDamagedError,
    KeyInvalidError,
    KeyMissingError,
    KeyringDeniedError,
    KeyringUnavailableError,
    StorageIOError,
    StoreError,
    WeakPassphraseError,
    WrongPassphraseError,
)
from fitnote_desktop.store.fileio import atomic_write_bytes

log = logging.getLogger(__name__)

KEY_BYTES = 32
MIN_PASSPHRASE_LENGTH = 10
KEY_FILE_FORMAT = "fitnote-keyfile/2"
# The first format had no checksum; read, then rewritten as the current one on unlock.
_FIRST_KEY_FILE_FORMAT = "fitnote-keyfile/1"
# A key file is a few hundred bytes; anything much larger is not one.
_MAX_KEY_FILE_BYTES = 64 * 1024
KEYRING_SERVICE = "fitnote-desktop"

# Upper bounds accepted when *reading* parameters from a file: a crafted key file must not
# make the app allocate gigabytes or spin for minutes.
_MAX_SCRYPT_N = 2**22
_MAX_SCRYPT_R = 32
_MAX_SCRYPT_P = 16
_MAX_ARGON2_MEMORY_KIB = 2 * 1024 * 1024
_MAX_ARGON2_ITERATIONS = 64
_MAX_ARGON2_LANES = 16

# hashlib.scrypt takes a memory limit below 2 GiB (a C int).
_HASHLIB_MAXMEM = 2**31 - 1


def _b64(data: bytes) -> str:
    return base64.b64encode(data).decode("ascii")


def _unb64(text: Any) -> bytes:
    if not isinstance(text, str):
        raise ValueError("not base64 text")
    return base64.b64decode(text.encode("ascii"), validate=True)


def normalize_passphrase(passphrase: str) -> bytes:
    """NFC then UTF-8, so "é" typed as one or two code points unlocks the same key."""
    return unicodedata.normalize("NFC", passphrase).encode("utf-8")


def check_new_passphrase(passphrase: str) -> None:
    """Refuse passphrases too short to survive an offline attack on a stolen laptop."""
    if len(unicodedata.normalize("NFC", passphrase)) < MIN_PASSPHRASE_LENGTH:
        raise WeakPassphraseError()


@dataclass(frozen=True)
class KdfParams:
    """Passphrase -> key-encryption-key derivation, recorded in every wrapped key."""

    name: str = "scrypt"
    n: int = 2**17
    r: int = 8
    p: int = 1
    iterations: int = 3
    lanes: int = 4
    memory_kib: int = 64 * 1024

    @classmethod
    def scrypt(cls, n: int = 2**17, r: int = 8, p: int = 1) -> KdfParams:
        return cls(name="scrypt", n=n, r=r, p=p)

    @classmethod
    def argon2id(
        cls, iterations: int = 3, lanes: int = 4, memory_kib: int = 64 * 1024
    ) -> KdfParams:
        return cls(name="argon2id", iterations=iterations, lanes=lanes, memory_kib=memory_kib)

    @classmethod
    def for_tests(cls) -> KdfParams:
        """Cheap parameters (about 1 ms) for test suites; never use them for real data."""
        return cls.scrypt(n=2**10, r=8, p=1)

    def to_json(self, salt: bytes) -> dict[str, Any]:
        if self.name == "scrypt":
            return {"name": "scrypt", "salt": _b64(salt), "n": self.n, "r": self.r, "p": self.p}
        return {
            "name": "argon2id",
            "salt": _b64(salt),
            "iterations": self.iterations,
            "lanes": self.lanes,
            "memory_kib": self.memory_kib,
        }

    @classmethod
    def from_json(cls, data: Mapping[str, Any]) -> tuple[KdfParams, bytes]:
        """Parse and bound-check KDF parameters read from a file; ValueError if invalid."""
        name = data.get("name")
        salt = _unb64(data.get("salt"))
        if len(salt) < 16:
            raise ValueError("salt too short")
        if name == "scrypt":
            n, r, p = int(data["n"]), int(data["r"]), int(data["p"])
            if n < 2 or n & (n - 1) or n > _MAX_SCRYPT_N:
                raise ValueError("scrypt n out of range")
            if not (1 <= r <= _MAX_SCRYPT_R and 1 <= p <= _MAX_SCRYPT_P):
                raise ValueError("scrypt r/p out of range")
            return cls.scrypt(n=n, r=r, p=p), salt
        if name == "argon2id":
            it, lanes, mem = int(data["iterations"]), int(data["lanes"]), int(data["memory_kib"])
            if not (1 <= it <= _MAX_ARGON2_ITERATIONS and 1 <= lanes <= _MAX_ARGON2_LANES):
                raise ValueError("argon2 iterations/lanes out of range")
            if not (8 * lanes <= mem <= _MAX_ARGON2_MEMORY_KIB):
                raise ValueError("argon2 memory out of range")
            return cls.argon2id(iterations=it, lanes=lanes, memory_kib=mem), salt
        raise ValueError("unknown KDF")

    def derive(self, passphrase: str, salt: bytes) -> bytes:
        secret = normalize_passphrase(passphrase)
        if self.name == "scrypt":
            return _scrypt(secret, salt, self.n, self.r, self.p)
        if self.name == "argon2id":
            from cryptography.exceptions import UnsupportedAlgorithm

            try:
                from cryptography.hazmat.primitives.kdf.argon2 import Argon2id
            except ImportError as exc:  # cryptography < 44
                raise KeyInvalidError(
                    "This key file uses Argon2id, which this installation cannot compute."
                ) from exc
            try:
                kdf = Argon2id(
                    salt=salt,
                    length=KEY_BYTES,
                    iterations=self.iterations,
                    lanes=self.lanes,
                    memory_cost=self.memory_kib,
                )
            except UnsupportedAlgorithm as exc:
                raise KeyInvalidError(
                    "This key file uses Argon2id, which this installation cannot compute."
                ) from exc
            return kdf.derive(secret)
        raise KeyInvalidError()


def _scrypt(secret: bytes, salt: bytes, n: int, r: int, p: int) -> bytes:
    """scrypt through OpenSSL (``hashlib``), as ``cryptography`` computes it, without
    importing ``cryptography`` at unlock (see :mod:`fitnote_desktop.store.aead`).

    ``maxmem`` is what OpenSSL needs for these parameters (its V and B arrays) plus slack;
    parameters needing 2 GiB or more, beyond hashlib's limit (only a key file written with
    far stronger costs than the default's 128 MiB), go to ``cryptography``.
    """
    memory = 128 * r * (n + p + 2) + 1024 * 1024
    if memory <= _HASHLIB_MAXMEM:
        return hashlib.scrypt(secret, salt=salt, n=n, r=r, p=p, maxmem=memory, dklen=KEY_BYTES)
    from cryptography.hazmat.primitives.kdf.scrypt import Scrypt

    return Scrypt(salt=salt, length=KEY_BYTES, n=n, r=r, p=p).derive(secret)


DEFAULT_KDF = KdfParams.scrypt()


class ProfileKey:
    """The raw 256-bit database key, held in a wipeable buffer and never printed."""

    __slots__ = ("_buf",)

    def __init__(self, raw: bytes | bytearray) -> None:
        if len(raw) != KEY_BYTES:
            raise KeyInvalidError()
        self._buf: bytearray | None = bytearray(raw)

    @classmethod
    def generate(cls) -> ProfileKey:
        return cls(secrets.token_bytes(KEY_BYTES))

    @property
    def wiped(self) -> bool:
        return self._buf is None

    def raw(self) -> bytes:
        if self._buf is None:
            from fitnote_desktop.store.errors import ProfileLockedError

            raise ProfileLockedError()
        return bytes(self._buf)

    def sqlcipher_pragma_value(self) -> str:
        """The ``x'<hex>'`` literal for ``PRAGMA key``: raw key, no SQLCipher KDF round."""
        return f"x'{self.raw().hex()}'"

    def wipe(self) -> None:
        if self._buf is not None:
            for i in range(len(self._buf)):
                self._buf[i] = 0
            self._buf = None

    def __repr__(self) -> str:
        return "ProfileKey(<hidden>)" if self._buf is not None else "ProfileKey(<wiped>)"


# AEAD wrapping ---------------------------------------------------------------------------
def _canonical_json(fields: Mapping[str, Any]) -> bytes:
    """The one byte form of a set of fields (sorted keys, no spaces) that AAD and checksum use."""
    return json.dumps(fields, sort_keys=True, separators=(",", ":")).encode("utf-8")


def wrap_key(
    key: bytes, passphrase: str, kdf: KdfParams, header: Mapping[str, Any]
) -> dict[str, Any]:
    """Wrap ``key`` with a passphrase; ``header`` is authenticated (AAD) along with it.

    Returns a JSON-ready mapping: ``header`` plus ``kdf``, ``aead``, ``nonce`` and
    ``wrapped_key``. Tampering with any field makes unwrapping fail.
    """
    salt = secrets.token_bytes(16)
    nonce = secrets.token_bytes(12)
    doc: dict[str, Any] = dict(header)
    doc["kdf"] = kdf.to_json(salt)
    doc["aead"] = "AES-256-GCM"
    doc["nonce"] = _b64(nonce)
    kek = kdf.derive(passphrase, salt)
    from cryptography.hazmat.primitives.ciphers.aead import AESGCM  # sealing: rare, see aead

    doc["wrapped_key"] = _b64(AESGCM(kek).encrypt(nonce, key, _canonical_json(_authenticated(doc))))
    return doc


def _authenticated(doc: Mapping[str, Any]) -> dict[str, Any]:
    """The fields under the AEAD tag: all but the ciphertext and the key file's checksum."""
    return {k: v for k, v in doc.items() if k not in ("wrapped_key", "checksum")}


def unwrap_key(
    doc: Mapping[str, Any],
    passphrase: str,
    *,
    wrong: type[WrongPassphraseError] = WrongPassphraseError,
    invalid: type[Exception] = KeyInvalidError,
) -> bytes:
    """Inverse of :func:`wrap_key`; raises ``wrong`` when the tag does not verify."""
    try:
        kdf, salt = KdfParams.from_json(doc["kdf"])
        nonce = _unb64(doc["nonce"])
        wrapped = _unb64(doc["wrapped_key"])
        if doc.get("aead") != "AES-256-GCM" or len(nonce) != 12:
            raise ValueError("unsupported AEAD")
    except (KeyError, TypeError, ValueError, binascii.Error) as exc:
        raise invalid() from exc
    kek = kdf.derive(passphrase, salt)
    try:
        key = open_box(kek, nonce, wrapped, _canonical_json(_authenticated(doc)))
    except TagMismatch:
        raise wrong() from None
    if len(key) != KEY_BYTES:
        raise invalid()
    return key


# Key file -------------------------------------------------------------------------------
def _checksum(doc: Mapping[str, Any]) -> str:
    """SHA-256 over every field but the checksum itself: detects damage, not tampering."""
    fields = {k: v for k, v in doc.items() if k != "checksum"}
    return "sha256:" + hashlib.sha256(_canonical_json(fields)).hexdigest()


@dataclass(frozen=True)
class KeyFile:
    """The passphrase-wrapped key of one profile: ``<profile>/key.json``."""

    path: Path
    key_id: str

    def exists(self) -> bool:
        return self.path.exists()

    def write(self, key: ProfileKey, passphrase: str, kdf: KdfParams = DEFAULT_KDF) -> None:
        """Atomically (re)write the key file: a crash leaves the old or the new one."""
        check_new_passphrase(passphrase)
        self._write(key, passphrase, kdf)

    def _write(self, key: ProfileKey, passphrase: str, kdf: KdfParams) -> None:
        doc = wrap_key(
            key.raw(), passphrase, kdf, {"format": KEY_FILE_FORMAT, "key_id": self.key_id}
        )
        doc["checksum"] = _checksum(doc)
        atomic_write_bytes(self.path, (json.dumps(doc, indent=2, sort_keys=True) + "\n").encode())

    def read(self, passphrase: str) -> ProfileKey:
        """Unwrap the key; a wrong passphrase changes nothing on disk.

        Raises :class:`KeyFileDamagedError` (before the passphrase is tried) when the
        file is not an intact key file, :class:`WrongPassphraseError` when it is and
        the passphrase does not unwrap it. A file of the first format is rewritten in
        the current one after it opened.
        """
        doc = self._load()
        key = ProfileKey(unwrap_key(doc, passphrase, invalid=KeyFileDamagedError))
        if doc["format"] == _FIRST_KEY_FILE_FORMAT:
            self._upgrade(key, passphrase, KdfParams.from_json(doc["kdf"])[0])
        return key

    def _load(self) -> dict[str, Any]:
        """The key file's fields once its checksum holds (first format: once it parses)."""
        try:
            with self.path.open("rb") as fh:
                raw = fh.read(_MAX_KEY_FILE_BYTES + 1)
        except FileNotFoundError:
            raise KeyMissingError() from None
        except OSError as exc:
            raise StorageIOError() from exc
        if len(raw) > _MAX_KEY_FILE_BYTES:
            raise KeyFileDamagedError()
        try:
            doc = json.loads(raw)
        except (ValueError, UnicodeDecodeError, RecursionError):
            raise KeyFileDamagedError() from None
        if not isinstance(doc, dict):
            raise KeyFileDamagedError()
        if "checksum" in doc:
            if doc["checksum"] != _checksum(doc):
                raise KeyFileDamagedError()
            if doc.get("format") != KEY_FILE_FORMAT:
                raise KeyInvalidError()  # intact, but written by a newer version
        elif doc.get("format") != _FIRST_KEY_FILE_FORMAT:
            raise KeyFileDamagedError()
        if doc.get("key_id") != self.key_id:
            raise KeyInvalidError()  # intact, but the key file of another profile
        return doc

    def _upgrade(self, key: ProfileKey, passphrase: str, kdf: KdfParams) -> None:
        """Rewrite a first-format file with a checksum, keeping its KDF parameters.

        Best effort: a profile on a read-only medium still opens, and is upgraded at a
        later unlock. The passphrase was accepted when the file was made, so it is not
        measured against today's minimum length here.
        """
        try:
            self._write(key, passphrase, kdf)
        except StoreError:
            log.warning("key file %s kept in its first format (not writable)", self.key_id)

    def kdf(self) -> KdfParams | None:
        """Parameters of the existing file (to keep them on rewrap), or None."""
        try:
            return KdfParams.from_json(json.loads(self.path.read_bytes())["kdf"])[0]
        except (OSError, ValueError, KeyError, TypeError, binascii.Error):
            return None

    def delete(self) -> None:
        try:
            self.path.unlink()
        except FileNotFoundError:
            pass
        except OSError as exc:
            raise StorageIOError() from exc


# Keyring ----------------------------------------------------------------------------------
def keyring_available() -> bool:
    """True when the active keyring backend can store secrets at all.

    ``keyring`` picks the ``fail`` backend (priority 0) on headless machines; a chainer
    with no backends behaves the same. Both mean: use a passphrase.
    ``keyring`` is imported here, not at the top: loading it (its backends' entry points)
    costs about 0.1 s of start-up that a passphrase-wrapped profile never needs.
    """
    import keyring

    try:
        backend = keyring.get_keyring()
    except Exception:
        return False
    from keyring.backends import fail

    if isinstance(backend, fail.Keyring):
        return False
    try:
        return float(backend.priority) > 0
    except Exception:
        return True


@dataclass(frozen=True)
class KeyringEntry:
    """The key of one profile in the OS keyring, under a random per-key username.

    The username is the profile's ``key_id`` (a UUID), not its name: two profile
    directories with the same profile name (tests, restored copies) never collide.
    """

    key_id: str
    service: str = KEYRING_SERVICE

    def _call(self, fn: Any, *args: Any) -> Any:
        import keyring.errors

        if not keyring_available():
            raise KeyringUnavailableError()
        try:
            return fn(self.service, self.key_id, *args)
        except keyring.errors.NoKeyringError:
            raise KeyringUnavailableError() from None
        except keyring.errors.PasswordDeleteError:
            raise
        except keyring.errors.KeyringError:
            log.warning("keyring refused access for key %s", self.key_id)
            raise KeyringDeniedError() from None
        except OSError:
            raise KeyringDeniedError() from None

    def store(self, key: ProfileKey) -> None:
        import keyring

        self._call(keyring.set_password, key.raw().hex())
        if self.load().raw() != key.raw():  # some backends silently drop writes
            raise KeyringDeniedError()

    def load(self) -> ProfileKey:
        import keyring

        secret = self._call(keyring.get_password)
        if secret is None:
            raise KeyMissingError()
        try:
            raw = bytes.fromhex(secret)
        except (ValueError, TypeError):
            raise KeyInvalidError() from None
        return ProfileKey(raw)

    def delete(self) -> None:
        import keyring.errors

        # PasswordDeleteError: already gone, which is the goal
        with contextlib.suppress(keyring.errors.PasswordDeleteError):
            self._call(keyring.delete_password)
