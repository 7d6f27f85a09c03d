#!/usr/bin/env python3
"""Build fitnote-desktop as an installable desktop program for the current platform.

    python installer/build.py [--dist-dir DIR] [--work-dir DIR] [--no-deb] [--clean]

Run it with the Python of an environment that has the project and its ``test`` extra
installed (PyInstaller is in there); it builds the platform it runs on:

* always: the PyInstaller onedir bundle ``<dist>/fitnote-desktop/``, smoke-tested
  (``--version`` with an empty environment) and scanned for developer-machine leftovers
  (``installer/bundle_check.py``) before anything is packaged;
* Linux: ``fitnote-desktop-<version>-linux-<arch>.tar.gz`` (bundle, ``.desktop`` file,
  icons, per-user ``install.sh``) and, when ``dpkg-deb`` is present, a ``.deb``
  installing into ``/opt/fitnote-desktop``;
* Windows: the Inno Setup installer when ``ISCC.exe`` is found (installer/windows/);
* macOS: ``Fitnote Desktop.app`` and a zip of it; signing and notarisation are
  separate steps (installer/macos.md).

The version comes from the installed package metadata, checked against
``pyproject.toml`` so that a stale editable install cannot mislabel a release.
Translations are compiled from ``translations/*.ts`` into the staging folder (compiled
``.qm`` files are build output, not sources).
"""

from __future__ import annotations

import argparse
import importlib.metadata
import os
import platform
import re
import shutil
import subprocess
import sys
import tarfile
import time
import tomllib
from collections.abc import Sequence
from pathlib import Path

INSTALLER = Path(__file__).resolve().parent
ROOT = INSTALLER.parent
sys.path.insert(0, str(INSTALLER))

from bundle_check import scan_bundle  # noqa: E402 - needs the path above

APP = "fitnote-desktop"
DISTRIBUTION = "fitnote-desktop"
SPEC = INSTALLER / "fitnote-desktop.spec"
MAC_APP = "Fitnote Desktop.app"
DEB_DEPENDS = (
    # What the bundled Qt needs from the system (PyInstaller leaves the X/GL stack and
    # libc to the distribution): the xcb platform plugin's libraries, GL, fonts, D-Bus.
    "libc6 (>= 2.28), libegl1, libgl1, libfontconfig1, libfreetype6, libdbus-1-3, "
    "libxkbcommon0, libxkbcommon-x11-0, libxcb1, libxcb-cursor0, libxcb-icccm4, "
    "libxcb-keysyms1, libxcb-shape0, libxcb-randr0, libxcb-render-util0, libxcb-image0, "
    "libxcb-xinerama0, libx11-xcb1"
)


class BuildError(SystemExit):
    """A build step failed: one line for the user, exit status 1."""

    def __init__(self, message: str) -> None:
        super().__init__(f"build: {message}")


def log(message: str) -> None:
    print(f"build: {message}", flush=True)


# --------------------------------------------------------------------------- version


def project_version() -> str:
    """The version to build, from the installed metadata (and pyproject must agree)."""
    try:
        installed = importlib.metadata.version(DISTRIBUTION)
    except importlib.metadata.PackageNotFoundError:
        raise BuildError(
            f"{DISTRIBUTION} is not installed in {sys.prefix}: pip install -e '.[test]'"
        ) from None
    declared = tomllib.loads((ROOT / "pyproject.toml").read_text("utf-8"))["project"]["version"]
    if installed != declared:
        raise BuildError(
            f"installed metadata says {installed}, pyproject.toml says {declared}: "
            "reinstall the package (pip install -e .) before building"
        )
    return installed


def debian_version(version: str) -> str:
    """PEP 440 to Debian ordering: pre-releases sort before the release (``~``)."""
    return re.sub(r"\.?(dev|a|b|rc)(\d*)", r"~\1\2", version)


def numeric_version(version: str) -> str:
    """Digits only, for Windows version resources: ``0.2.0rc1+g1a2b`` -> ``0.2.0``."""
    match = re.match(r"\d+(\.\d+)*", version)
    return match.group() if match else "0.0.0"


# --------------------------------------------------------------------------- staging


def find_tool(name: str) -> str:
    """A PySide6 tool (``pyside6-lrelease``) next to this Python or on PATH."""
    for candidate in (
        Path(sys.executable).with_name(name),
        Path(sys.executable).with_name(name + ".exe"),
    ):
        if candidate.exists():
            return str(candidate)
    found = shutil.which(name)
    if not found:
        raise BuildError(f"{name} not found (it comes with pyside6-essentials)")
    return found


def stage_data(stage: Path, version: str) -> Path:
    """Copy what the bundle carries as ``fitnote_desktop/_data`` into ``stage``.

    Only the data formats are copied (no Python files, caches or dot-files that may
    sit in a developer's tree); translations are compiled fresh from the ``.ts``
    sources so that the bundle can never carry stale ``.qm`` files.
    """
    if stage.exists():
        shutil.rmtree(stage)
    stage.mkdir(parents=True)
    shutil.copytree(
        ROOT / "resources",
        stage / "resources",
        ignore=shutil.ignore_patterns("__pycache__", "*.py", "*.pyc", ".*", "*~"),
    )
    out = stage / "translations"
    out.mkdir()
    sources = sorted((ROOT / "translations").glob("*.ts"))
    if sources:
        lrelease = find_tool("pyside6-lrelease")
        for ts in sources:
            subprocess.run(
                [lrelease, "-silent", str(ts), "-qm", str(out / ts.with_suffix(".qm").name)],
                check=True,
            )
    else:  # no sources: fall back to committed compiled files, if any
        for qm in sorted((ROOT / "translations").glob("*.qm")):
            shutil.copy2(qm, out / qm.name)
    if not any(out.glob("*.qm")):
        log("warning: no translations found; the UI will be English only")
    dist_info = stage / f"fitnote_desktop-{version}.dist-info"
    dist_info.mkdir()
    (dist_info / "METADATA").write_text(
        f"Metadata-Version: 2.1\nName: {DISTRIBUTION}\nVersion: {version}\n"
        "Summary: Belgian incapacity certificates and ICF fit-notes\n"
        "License-Expression: EUPL-1.2\n",
        encoding="utf-8",
    )
    (dist_info / "INSTALLER").write_text("pyinstaller\n", encoding="utf-8")
    return stage


# --------------------------------------------------------------------------- PyInstaller


def run_pyinstaller(stage: Path, version: str, dist: Path, work: Path, clean: bool) -> Path:
    """Run the spec; returns the onedir bundle folder."""
    cmd = [
        sys.executable,
        "-m",
        "PyInstaller",
        "--noconfirm",
        "--log-level",
        "WARN",
        "--distpath",
        str(dist),
        "--workpath",
        str(work / "pyinstaller"),
        *(["--clean"] if clean else []),
        str(SPEC),
        "--",
        "--data-dir",
        str(stage),
        "--app-version",
        version,
    ]
    log("running PyInstaller (a few minutes)")
    env = dict(os.environ)
    env.pop("PYTHONPATH", None)  # the spec puts this source tree first; nothing else
    subprocess.run(cmd, check=True, cwd=ROOT, env=env)
    bundle = dist / APP
    if not (bundle / executable_name()).is_file():
        raise BuildError(f"PyInstaller produced no {bundle / executable_name()}")
    return bundle


def executable_name() -> str:
    return APP + (".exe" if sys.platform.startswith("win") else "")


def clean_env(home: Path) -> dict[str, str]:
    """An environment with nothing from the build machine's Python setup."""
    env = {"HOME": str(home), "QT_QPA_PLATFORM": "offscreen", "LANG": "C.UTF-8"}
    if sys.platform.startswith("win"):
        env.update({k: os.environ[k] for k in ("SYSTEMROOT", "TEMP", "TMP") if k in os.environ})
        env["PATH"] = os.environ.get("SYSTEMROOT", r"C:\Windows") + r"\System32"
        env["USERPROFILE"] = str(home)
    else:
        env["PATH"] = "/usr/bin:/bin"
    return env


def smoke_test(bundle: Path, version: str, scratch: Path) -> float:
    """``--version`` from the bundle, with an empty environment and a foreign cwd."""
    scratch.mkdir(parents=True, exist_ok=True)
    start = time.perf_counter()
    result = subprocess.run(
        [str(bundle / executable_name()), "--version"],
        cwd=scratch,
        env=clean_env(scratch),
        capture_output=True,
        text=True,
        timeout=120,
        check=False,
    )
    elapsed = time.perf_counter() - start
    expected = f"fitnote-desktop {version}"
    if result.returncode != 0 or result.stdout.strip() != expected:
        raise BuildError(
            f"the bundle's --version failed (exit {result.returncode}): "
            f"{result.stdout.strip()!r} {result.stderr.strip()[-2000:]}"
        )
    return elapsed


# --------------------------------------------------------------------------- Linux


def linux_arch() -> str:
    return platform.machine() or "unknown"


def _normalised(info: tarfile.TarInfo) -> tarfile.TarInfo:
    """No builder's user or group name in the archive; files readable by all."""
    info.uid = info.gid = 0
    info.uname = info.gname = "root"
    info.mode = (info.mode | 0o644) & 0o755 if not info.isdir() else 0o755
    return info


def desktop_entry(exec_line: str) -> str:
    """The ``.desktop`` template with its ``Exec=`` line set."""
    text = (INSTALLER / "linux" / f"{APP}.desktop").read_text("utf-8")
    return re.sub(r"(?m)^Exec=.*$", f"Exec={exec_line}", text)


def icon_files() -> list[tuple[Path, str]]:
    """(source, path under ``icons/hicolor``) of every icon size, plus the SVG."""
    hicolor = INSTALLER / "icons" / "hicolor"
    pairs = [(p, p.relative_to(hicolor).as_posix()) for p in sorted(hicolor.rglob("*.png"))]
    pairs.append((INSTALLER / "icons" / f"{APP}.svg", f"scalable/apps/{APP}.svg"))
    return pairs


def make_tarball(bundle: Path, version: str, dist: Path, work: Path) -> Path:
    """``fitnote-desktop-<version>-linux-<arch>.tar.gz`` with one top-level folder."""
    top = f"{APP}-{version}"
    staging = work / "tarball" / top
    if staging.parent.exists():
        shutil.rmtree(staging.parent)
    shutil.copytree(bundle, staging, symlinks=True)
    (staging / f"{APP}.desktop").write_text(desktop_entry(APP), encoding="utf-8")
    for source, rel in icon_files():
        target = staging / "icons" / "hicolor" / rel
        target.parent.mkdir(parents=True, exist_ok=True)
        shutil.copy2(source, target)
    shutil.copy2(INSTALLER / "linux" / "install.sh", staging / "install.sh")
    (staging / "install.sh").chmod(0o755)
    shutil.copy2(INSTALLER / "linux" / "README.txt", staging / "README.txt")
    target = dist / f"{top}-linux-{linux_arch()}.tar.gz"
    log(f"writing {target.name}")
    with tarfile.open(target, "w:gz", compresslevel=6) as tar:
        tar.add(staging, arcname=top, filter=_normalised)
    return target


def deb_arch() -> str:
    result = subprocess.run(
        ["dpkg", "--print-architecture"], capture_output=True, text=True, check=False
    )
    if result.returncode == 0 and result.stdout.strip():
        return result.stdout.strip()
    return {"x86_64": "amd64", "aarch64": "arm64"}.get(linux_arch(), linux_arch())


def make_deb(bundle: Path, version: str, dist: Path, work: Path) -> Path:
    """A ``.deb`` installing into ``/opt/fitnote-desktop`` with menu entry and icons."""
    root = work / "deb"
    if root.exists():
        shutil.rmtree(root)
    opt = root / "opt" / APP
    shutil.copytree(bundle, opt, symlinks=True)
    (root / "usr" / "bin").mkdir(parents=True)
    (root / "usr" / "bin" / APP).symlink_to(f"/opt/{APP}/{APP}")
    apps = root / "usr" / "share" / "applications"
    apps.mkdir(parents=True)
    (apps / f"{APP}.desktop").write_text(desktop_entry(APP), encoding="utf-8")
    for source, rel in icon_files():
        target = root / "usr" / "share" / "icons" / "hicolor" / rel
        target.parent.mkdir(parents=True, exist_ok=True)
        shutil.copy2(source, target)
    doc = root / "usr" / "share" / "doc" / APP
    doc.mkdir(parents=True)
    (doc / "copyright").write_text(
        "Format: https://www.debian.org/doc/packaging-manuals/copyright-format/1.0/\n"
        f"Upstream-Name: {APP}\n\nFiles: *\nCopyright: fitnote-desktop developers\n"
        "License: EUPL-1.2\n",
        encoding="utf-8",
    )
    size_kib = sum(p.stat().st_size for p in root.rglob("*") if p.is_file()) // 1024
    control = root / "DEBIAN" / "control"
    control.parent.mkdir()
    control.write_text(
        f"Package: {APP}\n"
        f"Version: {debian_version(version)}\n"
        f"Architecture: {deb_arch()}\n"
        "Maintainer: fitnote-desktop developers <noreply@fitnote-desktop.invalid>\n"
        f"Installed-Size: {size_kib}\n"
        f"Depends: {DEB_DEPENDS}\n"
        "Suggests: eid-mw\n"
        "Section: misc\n"
        "Priority: optional\n"
        "Description: incapacity certificates and ICF fit-notes for Belgian physicians\n"
        " Draft certificates of incapacity for work and fit-notes offline in an\n"
        " encrypted local store, sign them with the eID (PKCS#11, from the eID\n"
        " middleware package) and send them to a TRIO-like endpoint.\n",
        encoding="utf-8",
    )
    for path in [root, *root.rglob("*")]:
        if path.is_symlink():
            continue
        path.chmod(0o755 if path.is_dir() or os.access(path, os.X_OK) else 0o644)
    target = dist / f"{APP}_{debian_version(version)}_{deb_arch()}.deb"
    log(f"writing {target.name}")
    subprocess.run(
        ["dpkg-deb", "--root-owner-group", "-Zgzip", "--build", str(root), str(target)],
        check=True,
        stdout=subprocess.DEVNULL,
    )
    return target


# --------------------------------------------------------------------------- Windows, macOS


def find_iscc() -> str | None:
    """Inno Setup's compiler: on PATH, or in its default install folders."""
    found = shutil.which("iscc") or shutil.which("ISCC.exe")
    if found:
        return found
    # os.environ is case-insensitive on Windows
    for base in (os.environ.get("PROGRAMFILES(X86)"), os.environ.get("PROGRAMFILES")):
        if base and (Path(base) / "Inno Setup 6" / "ISCC.exe").is_file():
            return str(Path(base) / "Inno Setup 6" / "ISCC.exe")
    local = os.environ.get("LOCALAPPDATA")
    if local and (Path(local) / "Programs" / "Inno Setup 6" / "ISCC.exe").is_file():
        return str(Path(local) / "Programs" / "Inno Setup 6" / "ISCC.exe")
    return None


def make_windows_installer(bundle: Path, version: str, dist: Path) -> Path | None:
    iscc = find_iscc()
    if iscc is None:
        log("ISCC.exe not found: no setup program (winget install JRSoftware.InnoSetup)")
        return None
    subprocess.run(
        [
            iscc,
            "/Q",
            f"/DAppVersion={version}",
            f"/DAppNumericVersion={numeric_version(version)}",
            f"/DSourceDir={bundle}",
            f"/DOutputDir={dist}",
            str(INSTALLER / "windows" / f"{APP}.iss"),
        ],
        check=True,
    )
    return dist / f"{APP}-{version}-windows-x64-setup.exe"


def make_mac_zip(dist: Path, version: str) -> Path:
    app = dist / MAC_APP
    if not app.is_dir():
        raise BuildError(f"{app} was not produced")
    target = dist / f"{APP}-{version}-macos-{platform.machine()}.zip"
    subprocess.run(
        ["ditto", "-c", "-k", "--sequesterRsrc", "--keepParent", str(app), str(target)],
        check=True,
    )
    return target


# --------------------------------------------------------------------------- main


def size_mib(path: Path) -> float:
    if path.is_file():
        return path.stat().st_size / 2**20
    files = (p for p in path.rglob("*") if p.is_file() and not p.is_symlink())
    return sum(p.lstat().st_size for p in files) / 2**20


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--dist-dir", type=Path, default=ROOT / "dist", help="output folder")
    parser.add_argument(
        "--work-dir", type=Path, default=ROOT / "build" / "installer", help="scratch folder"
    )
    parser.add_argument("--no-deb", action="store_true", help="Linux: skip the .deb")
    parser.add_argument("--clean", action="store_true", help="empty PyInstaller's caches first")
    args = parser.parse_args(argv)
    dist: Path = args.dist_dir.resolve()
    work: Path = args.work_dir.resolve()
    dist.mkdir(parents=True, exist_ok=True)
    work.mkdir(parents=True, exist_ok=True)

    version = project_version()
    log(f"{DISTRIBUTION} {version} for {sys.platform}/{platform.machine()}")
    started = time.perf_counter()
    stage = stage_data(work / "data", version)
    bundle = run_pyinstaller(stage, version, dist, work, args.clean)
    seconds = smoke_test(bundle, version, work / "smoke")
    text_paths, binary_paths = forbidden_paths()
    problems = scan_bundle(bundle, text_paths, binary_paths)
    if problems:
        raise BuildError(
            "the bundle carries developer-machine material:\n  " + "\n  ".join(problems)
        )
    artefacts: list[Path] = [bundle]
    if sys.platform.startswith("linux"):
        artefacts.append(make_tarball(bundle, version, dist, work))
        if not args.no_deb and shutil.which("dpkg-deb"):
            artefacts.append(make_deb(bundle, version, dist, work))
    elif sys.platform.startswith("win"):
        setup = make_windows_installer(bundle, version, dist)
        if setup:
            artefacts.append(setup)
    elif sys.platform == "darwin":
        artefacts.append(make_mac_zip(dist, version))
    log(f"done in {time.perf_counter() - started:.0f} s; --version starts in {seconds:.2f} s")
    for path in artefacts:
        log(f"  {path}  ({size_mib(path):.1f} MiB)")
    return 0


def forbidden_paths() -> tuple[list[str], list[str]]:
    """Build-machine paths that must not appear in the bundle: (text files, binaries).

    Text files: the checkout, the virtual environment and the home folder (a user name
    is personal data), plus the base interpreter's prefix when it lives in a home
    folder (pyenv). Binaries: the same, except a home folder that names no one
    (``/root``, where wheel builders run too; see ``bundle_check``).
    """
    home = Path.home()
    paths = {ROOT, Path(sys.prefix), home}
    base = Path(sys.base_prefix)
    if home in base.parents:
        paths.add(base)
    text = sorted(str(p) for p in paths if len(p.parts) >= 2)
    impersonal = {Path("/root"), Path("/var/root")}
    binary = sorted(
        str(p)
        for p in paths
        if len(p.parts) >= 2 and not any(p == h or h in p.parents for h in impersonal)
    )
    return text, binary


if __name__ == "__main__":
    raise SystemExit(main())
