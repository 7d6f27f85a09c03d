"""Scan a built bundle for material from the developer's machine before it ships.

A frozen program is a copy of whatever the build machine had: a stray demo PKI in the
source tree, a test module pulled in by an import, a ``direct_url.json`` naming the
developer's checkout, an absolute path compiled into ``.pyc`` files. ``build.py`` runs
this scan on every build and refuses to package a bundle that fails it; the installer
test runs it again on the bundle it builds.

What is checked, and why the line is drawn where it is:

* **Keys and key stores, everywhere** (text and binary): no PEM private-key block with a
  body (the bare marker strings inside OpenSSL are fine), no PKCS#12/keystore/database
  file names, no demo-PKI manifest, no certificate from the demo PKI (its names contain
  ``fitnote Demo``; raw bytes catch DER and PEM bodies are parsed).
* **Local paths in text files**: the checkout, the virtual environment and the home
  folder must not appear in any file without NUL bytes (metadata, data, scripts).
* **Local paths in binaries**: the checkout and the virtual environment must not appear
  in any binary either (something compiled or linked here against them). Home folders
  only when they name a person (``/home/alice``): third-party wheels carry their build
  machines' paths (pydantic-core: ``/root/.cargo/registry/...``, manylinux toolchains:
  ``/opt/rh/...``), and an interpreter carries its configure prefix and RUNPATH
  (pyenv: ``~/.pyenv/versions/3.11.7``). ``/root`` names no one and is where wheel
  builders run, so it is tolerated in binaries; an interpreter installed in a personal
  home folder makes the build fail: build releases with a system or python.org Python.
* **Frozen Python code**: no test modules or test tooling in the PYZ archive, and no
  absolute source path in any code object's ``co_filename`` (PyInstaller rewrites them
  to package-relative names; this proves it did).
"""

from __future__ import annotations

import marshal
import re
import zipfile
from collections.abc import Iterable, Iterator, Sequence
from pathlib import Path

KEYSTORE_SUFFIXES = {".p12", ".pfx", ".jks", ".keystore", ".kdbx", ".db", ".sqlite", ".sqlite3"}
FORBIDDEN_NAMES = {
    "softhsm2.conf",
    ".env",
    ".netrc",
    ".pypirc",
    "id_rsa",
    "id_ed25519",
    ".coverage",
    "direct_url.json",
}
FORBIDDEN_DIRS = {".git", ".hypothesis", ".pytest_cache", "tests", "demo-pki"}
DEMO_MARKERS = (b"fitnote Demo", b"fitnote-demo-pki/")
PRIVATE_KEY_BLOCK = re.compile(
    rb"-----BEGIN ([A-Z0-9 ]*)PRIVATE KEY-----\s*(?:[A-Za-z0-9-]+:[^\n]*\n)*\s*"
    rb"[A-Za-z0-9+/=]{40,}"
)
PEM_CERTIFICATE = re.compile(
    rb"-----BEGIN CERTIFICATE-----\s+([A-Za-z0-9+/=\s]+?)-----END CERTIFICATE-----"
)
TEST_MODULE = re.compile(
    r"^(tests|conftest|pytest|_pytest|pytestqt|hypothesis|schemathesis)(\.|$)"
    r"|(^|\.)(test_[a-z0-9_]+|conftest)$"
)
TEXT_SNIFF = 8192
MAX_SCAN = 64 * 2**20


def is_text(data: bytes) -> bool:
    """No NUL byte in the first few KiB: good enough to tell metadata from ELF/PE."""
    return b"\0" not in data[:TEXT_SNIFF]


def path_pattern(paths: Iterable[str]) -> re.Pattern[bytes] | None:
    """One regex matching any of ``paths`` used as a path.

    Whole components only, and followed by something that ends or continues a path:
    ``/root`` must match ``/root/.cache`` or ``"/root"``, not the ``/root`` inside
    ``/opt/rh/gcc-toolset-14/root/usr`` nor the ``</root>`` of an XML example.
    """
    alternatives = [re.escape(p.rstrip("/\\").encode()) for p in paths if p.strip("/\\")]
    if not alternatives:
        return None
    return re.compile(
        rb"(?<![A-Za-z0-9_.\-])(?:" + rb"|".join(alternatives) + rb")(?=[/\\\0\"'\s:;,)\]]|$)"
    )


def iter_files(root: Path) -> Iterator[Path]:
    for path in sorted(root.rglob("*")):
        if path.is_file() and not path.is_symlink():
            yield path


def demo_certificates(data: bytes) -> list[str]:
    """Subjects of PEM certificates in ``data`` that belong to the demo PKI."""
    import base64
    import warnings

    from cryptography import x509

    found = []
    for match in PEM_CERTIFICATE.finditer(data):
        try:
            der = base64.b64decode(re.sub(rb"\s+", b"", match.group(1)))
            with warnings.catch_warnings():  # old CA bundles hold non-RFC-5280 serials
                warnings.simplefilter("ignore")
                cert = x509.load_der_x509_certificate(der)
        except ValueError:
            continue
        names = cert.subject.rfc4514_string() + " " + cert.issuer.rfc4514_string()
        if "fitnote" in names.lower():
            found.append(cert.subject.rfc4514_string())
    return found


def scan_files(
    root: Path,
    text_forbidden: re.Pattern[bytes] | None,
    binary_forbidden: re.Pattern[bytes] | None,
) -> list[str]:
    problems: list[str] = []
    for path in iter_files(root):
        rel = path.relative_to(root).as_posix()
        parts = set(path.relative_to(root).parts[:-1])
        if path.suffix.lower() in KEYSTORE_SUFFIXES or path.name in FORBIDDEN_NAMES:
            problems.append(f"{rel}: key store, database or credentials file")
        if parts & FORBIDDEN_DIRS:
            problems.append(
                f"{rel}: inside a development folder ({', '.join(parts & FORBIDDEN_DIRS)})"
            )
        if path.stat().st_size > MAX_SCAN:
            problems.append(f"{rel}: larger than {MAX_SCAN // 2**20} MiB, not scanned")
            continue
        data = path.read_bytes()
        if PRIVATE_KEY_BLOCK.search(data):
            problems.append(f"{rel}: contains a PEM private key")
        for marker in DEMO_MARKERS:
            if marker in data:
                problems.append(f"{rel}: contains demo PKI material ({marker.decode()})")
        for subject in demo_certificates(data):
            problems.append(f"{rel}: demo PKI certificate {subject}")
        text = is_text(data)
        pattern = text_forbidden if text else binary_forbidden
        hit = pattern.search(data) if pattern is not None else None
        if hit:
            kind = "text file" if text else "binary"
            problems.append(f"{rel}: {kind} names a build-machine path ({hit.group().decode()})")
    return problems


def _code_filenames(code: object) -> Iterator[str]:
    """``co_filename`` of a code object and every code object nested in it."""
    stack = [code]
    while stack:
        current = stack.pop()
        filename = getattr(current, "co_filename", None)
        if filename is not None:
            yield filename
            stack.extend(c for c in getattr(current, "co_consts", ()) if hasattr(c, "co_code"))


def _absolute(filename: str) -> bool:
    return filename.startswith(("/", "\\")) or bool(re.match(r"^[A-Za-z]:[\\/]", filename))


def frozen_modules(executable: Path) -> dict[str, object]:
    """Module name to code object for everything in the executable's archives."""
    from PyInstaller.archive.readers import (
        PKG_ITEM_PYMODULE,
        PKG_ITEM_PYPACKAGE,
        PKG_ITEM_PYSOURCE,
        PKG_ITEM_PYZ,
        CArchiveReader,
    )

    modules: dict[str, object] = {}
    pkg = CArchiveReader(str(executable))
    for name, entry in pkg.toc.items():
        typecode = entry[-1]
        if typecode == PKG_ITEM_PYZ:
            pyz = pkg.open_embedded_archive(name)
            for module in pyz.toc:
                modules[module] = pyz.extract(module)
        elif typecode in (PKG_ITEM_PYSOURCE, PKG_ITEM_PYMODULE, PKG_ITEM_PYPACKAGE):
            # our own build output, read by the interpreter that wrote it
            modules[f"<script {name}>"] = marshal.loads(pkg.extract(name))  # noqa: S302
    return modules


def base_library_modules(internal: Path) -> dict[str, object]:
    """Code objects in ``base_library.zip`` (the stdlib modules needed at startup)."""
    modules: dict[str, object] = {}
    zip_path = internal / "base_library.zip"
    if not zip_path.is_file():
        return modules
    with zipfile.ZipFile(zip_path) as archive:
        for info in archive.infolist():
            if info.filename.endswith(".pyc"):
                pyc = archive.read(info)[16:]  # after the header: magic, flags, date, size
                modules[info.filename] = marshal.loads(pyc)  # noqa: S302 - as above
    return modules


def scan_code(modules: dict[str, object]) -> list[str]:
    problems = []
    for name, code in sorted(modules.items()):
        if TEST_MODULE.search(name):
            problems.append(f"frozen module {name}: test code")
        if code is None:  # namespace package
            continue
        for filename in _code_filenames(code):
            if _absolute(filename):
                problems.append(f"frozen module {name}: absolute co_filename {filename}")
                break
    return problems


def find_executable(bundle: Path) -> Path:
    for name in ("fitnote-desktop", "fitnote-desktop.exe"):
        if (bundle / name).is_file():
            return bundle / name
    raise FileNotFoundError(f"no fitnote-desktop executable in {bundle}")


def scan_bundle(
    bundle: Path,
    forbidden_paths: Sequence[str] = (),
    binary_forbidden_paths: Sequence[str] | None = None,
) -> list[str]:
    """Every problem found in the onedir ``bundle``; an empty list means it may ship.

    ``forbidden_paths`` must not appear in text files; ``binary_forbidden_paths``
    (default: the same) not in binaries.
    """
    if binary_forbidden_paths is None:
        binary_forbidden_paths = forbidden_paths
    problems = scan_files(
        bundle, path_pattern(forbidden_paths), path_pattern(binary_forbidden_paths)
    )
    modules = frozen_modules(find_executable(bundle))
    modules.update(base_library_modules(bundle / "_internal"))
    problems += scan_code(modules)
    return problems


if __name__ == "__main__":
    import sys

    found = scan_bundle(Path(sys.argv[1]), sys.argv[2:])  # the same paths for both kinds
    print("\n".join(found) or "clean")
    raise SystemExit(1 if found else 0)
