"""The Linux installer: build it once, then use it the way a physician's machine would.

One session-scoped build (``installer/build.py`` into a temporary folder, a few
minutes); the tarball is unpacked into a fresh folder outside the repository and every
command runs from there with an empty environment (``PATH=/usr/bin:/bin``, a throw-away
``HOME``, no ``PYTHONPATH``, cwd outside the checkout), so that nothing from the source
tree or the virtual environment can stand in for something the bundle lacks. While the
program runs, ``/proc/<pid>/maps`` is sampled to prove that every shared object it
loads comes from the bundle or the system, never from the venv or the checkout.

Figures (bundle size, start times) are printed; run with ``-s`` to see them.
"""

from __future__ import annotations

import importlib.metadata
import json
import os
import re
import shutil
import signal
import subprocess
import sys
import tarfile
import threading
import time
from collections.abc import Iterator, Sequence
from dataclasses import dataclass, field
from pathlib import Path

import pytest

BUILD_TIMEOUT = 900

pytestmark = [
    pytest.mark.slow,
    # the first test also sets up the session's build (pytest-timeout counts fixtures)
    pytest.mark.timeout(BUILD_TIMEOUT + 300),
    pytest.mark.skipif(not sys.platform.startswith("linux"), reason="builds the Linux bundle"),
]

ROOT = Path(__file__).resolve().parents[2]
INSTALLER = ROOT / "installer"
APP = "fitnote-desktop"
VERSION = importlib.metadata.version(APP)

sys.path.insert(0, str(INSTALLER))
from bundle_check import frozen_modules, scan_bundle  # noqa: E402 - installer/ is not a package


@dataclass
class Build:
    """What ``installer/build.py`` produced, and how long it took."""

    dist: Path
    tarball: Path
    deb: Path | None
    seconds: float
    log: str


@dataclass
class Figures:
    """Numbers for the release notes, collected across the tests and printed at the end."""

    values: dict[str, str] = field(default_factory=dict)

    def add(self, name: str, value: str) -> None:
        self.values[name] = value


@pytest.fixture(scope="session")
def figures() -> Iterator[Figures]:
    collected = Figures()
    yield collected
    if collected.values:
        width = max(len(k) for k in collected.values)
        print("\n\ninstaller figures:")
        for name, value in collected.values.items():
            print(f"  {name:<{width}}  {value}")


@pytest.fixture(scope="session")
def build(tmp_path_factory: pytest.TempPathFactory, figures: Figures) -> Build:
    """Build once per session, like a release build on a fresh machine would."""
    out = tmp_path_factory.mktemp("installer-build")
    env = {k: v for k, v in os.environ.items() if k not in ("PYTHONPATH", "PYTHONHOME")}
    start = time.perf_counter()
    result = subprocess.run(
        [
            sys.executable,
            str(INSTALLER / "build.py"),
            "--dist-dir",
            str(out / "dist"),
            "--work-dir",
            str(out / "work"),
        ],
        cwd=ROOT,
        env=env,
        capture_output=True,
        text=True,
        timeout=BUILD_TIMEOUT,
        check=False,
    )
    seconds = time.perf_counter() - start
    log = result.stdout + result.stderr
    assert result.returncode == 0, f"build failed:\n{log[-6000:]}"
    dist = out / "dist"
    tarballs = sorted(dist.glob(f"{APP}-{VERSION}-linux-*.tar.gz"))
    assert len(tarballs) == 1, sorted(p.name for p in dist.iterdir())
    debs = sorted(dist.glob(f"{APP}_*.deb"))
    figures.add("build time", f"{seconds:.0f} s")
    return Build(dist, tarballs[0], debs[0] if debs else None, seconds, log)


@pytest.fixture(scope="session")
def unpacked(build: Build, tmp_path_factory: pytest.TempPathFactory, figures: Figures) -> Path:
    """The tarball unpacked by a user into a fresh folder (the archive must pass the
    ``data`` extraction filter: no absolute names, no links out of the folder)."""
    target = tmp_path_factory.mktemp("unpacked")
    with tarfile.open(build.tarball) as tar:
        tar.extractall(target, filter="data")
    folder = target / f"{APP}-{VERSION}"
    assert (folder / APP).is_file()
    size = sum(p.lstat().st_size for p in folder.rglob("*") if not p.is_symlink())
    figures.add("tarball", f"{build.tarball.stat().st_size / 2**20:.1f} MiB ({build.tarball.name})")
    figures.add("unpacked bundle", f"{size / 2**20:.1f} MiB")
    if build.deb:
        figures.add(".deb", f"{build.deb.stat().st_size / 2**20:.1f} MiB ({build.deb.name})")
    return folder


@pytest.fixture()
def home(tmp_path: Path) -> Path:
    """A user's empty home folder, outside the checkout."""
    assert ROOT not in tmp_path.parents
    return tmp_path


def clean_env(home: Path, **extra: str) -> dict[str, str]:
    """What ``env -i PATH=/usr/bin:/bin HOME=... QT_QPA_PLATFORM=offscreen`` gives."""
    return {
        "PATH": "/usr/bin:/bin",
        "HOME": str(home),
        "QT_QPA_PLATFORM": "offscreen",
        "LANG": "C.UTF-8",
        **extra,
    }


def forbidden_roots() -> list[str]:
    """Where nothing the bundled program loads may come from."""
    roots = {str(ROOT), sys.prefix}
    return sorted(r for r in roots if r not in ("/", "/usr"))


@dataclass
class Run:
    returncode: int
    stdout: str
    stderr: str
    seconds: float
    mapped: set[str]


def run_bundled(
    exe: Path, args: Sequence[str], home: Path, timeout: float = 180, **env: str
) -> Run:
    """Run the bundled program, sampling the shared objects it maps while it runs."""
    start = time.perf_counter()
    proc = subprocess.Popen(
        [str(exe), *args],
        cwd=home,
        env=clean_env(home, **env),
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
    )
    mapped: set[str] = set()
    stop = threading.Event()

    def sample() -> None:
        maps = Path(f"/proc/{proc.pid}/maps")
        while not stop.is_set():
            try:
                for line in maps.read_text().splitlines():
                    parts = line.split(maxsplit=5)
                    if len(parts) == 6 and parts[5].startswith("/"):
                        mapped.add(parts[5])
            except OSError:
                return
            stop.wait(0.05)

    sampler = threading.Thread(target=sample, daemon=True)
    sampler.start()
    try:
        stdout, stderr = proc.communicate(timeout=timeout)
    finally:
        stop.set()
        if proc.poll() is None:
            proc.kill()
            proc.communicate()
    sampler.join(timeout=5)
    return Run(proc.returncode, stdout, stderr, time.perf_counter() - start, mapped)


def assert_loaded_from_bundle(run: Run, bundle: Path) -> None:
    """Every mapped file is the bundle's or the system's; the bundle's Python is used."""
    strays = [m for m in run.mapped if any(m.startswith(r + "/") for r in forbidden_roots())]
    assert not strays, f"loaded from the build machine: {sorted(strays)[:10]}"
    assert any(m.startswith(str(bundle) + "/") for m in run.mapped), (
        "nothing mapped from the bundle?"
    )


# --------------------------------------------------------------------------- the program


def test_version_runs_from_the_unpacked_bundle(
    unpacked: Path, home: Path, figures: Figures
) -> None:
    first = run_bundled(unpacked / APP, ["--version"], home)
    assert first.returncode == 0, first.stderr
    assert first.stdout.strip() == f"{APP} {VERSION}"
    warm = min(run_bundled(unpacked / APP, ["--version"], home).seconds for _ in range(3))
    figures.add("--version (first run)", f"{first.seconds:.2f} s")
    figures.add("--version (warm cache)", f"{warm:.2f} s")
    assert_loaded_from_bundle(first, unpacked)


def test_validate_an_example_document(unpacked: Path, home: Path) -> None:
    example = home / "incapacity-initial.json"
    shutil.copy(ROOT / "resources" / "examples" / "incapacity-initial.json", example)
    result = run_bundled(
        unpacked / APP, ["validate", example.name, "--today", "2027-01-31", "--json"], home
    )
    assert result.returncode == 0, result.stdout + result.stderr
    broken = home / "broken.json"
    broken.write_text("{not json", encoding="utf-8")
    result = run_bundled(unpacked / APP, ["validate", broken.name], home)
    assert result.returncode == 2, result.stdout + result.stderr


def test_icf_search_uses_the_bundled_catalogue(unpacked: Path, home: Path) -> None:
    result = run_bundled(unpacked / APP, ["icf", "search", "tillen"], home)
    assert result.returncode == 0, result.stderr
    assert re.search(r"^d430\b", result.stdout, re.M), result.stdout


def test_selfcheck_runs_the_whole_flow_headless(
    unpacked: Path, home: Path, figures: Figures
) -> None:
    """Demo PKI, profile (SQLCipher + migrations), sign, send to the embedded TLS
    endpoint, receipt, PDFs: the bundled program's own end-to-end check."""
    profiles = home / "profiles"
    before = _snapshot(unpacked)
    result = run_bundled(
        unpacked / APP, ["selfcheck", "--demo", "--profile-dir", str(profiles)], home, timeout=300
    )
    assert result.returncode == 0, result.stdout[-4000:] + result.stderr[-4000:]
    report = json.loads(result.stdout)
    assert report["ok"] is True
    failed = [s for s in report["steps"] if not s.get("ok")]
    assert not failed, failed
    figures.add("selfcheck --demo (first run)", f"{result.seconds:.1f} s")
    assert_loaded_from_bundle(result, unpacked)
    assert any("/sqlcipher3/" in m for m in result.mapped), "sqlcipher3 was never loaded"
    # The demo PKI, the profile and any cache went where the user's data goes: the
    # program never writes into its own folder (read-only under /opt or Program Files).
    assert profiles.is_dir()
    assert _snapshot(unpacked) == before, sorted(_snapshot(unpacked) ^ before)[:20]


def _snapshot(folder: Path) -> set[tuple[str, int]]:
    return {(p.relative_to(folder).as_posix(), p.lstat().st_size) for p in folder.rglob("*")}


def test_desktop_app_starts_on_a_display(unpacked: Path, home: Path) -> None:
    """The GUI (Qt widgets, platform plugin, translations) comes up and stays up: under
    Xvfb with the xcb plugin when available (system X libraries, not bundled ones),
    else offscreen."""
    xvfb = shutil.which("xvfb-run")
    exe = unpacked / APP
    args = ["--demo", "--profile-dir", str(home / "profiles")]
    command = (
        [xvfb, "-a", "-s", "-screen 0 1280x800x24", str(exe), *args] if xvfb else [str(exe), *args]
    )
    env = clean_env(home, QT_QPA_PLATFORM="xcb" if xvfb else "offscreen")
    proc = subprocess.Popen(
        command,
        cwd=home,
        env=env,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
        start_new_session=True,
    )
    try:
        deadline = time.monotonic() + 60
        plugin = "libqxcb.so" if xvfb else "libqoffscreen.so"
        mapped: set[str] = set()
        while time.monotonic() < deadline and proc.poll() is None:
            mapped |= _maps_of_tree(proc.pid)
            if any(m.endswith(plugin) for m in mapped) and any(
                m.endswith("libQt6Widgets.so.6") for m in mapped
            ):
                break
            time.sleep(0.2)
        time.sleep(3)  # past start-up: the demo profile, sandbox endpoint, main window
        alive = proc.poll() is None
    finally:
        if proc.poll() is None:
            os.killpg(proc.pid, signal.SIGTERM)
            try:
                proc.wait(timeout=15)
            except subprocess.TimeoutExpired:
                os.killpg(proc.pid, signal.SIGKILL)
        stdout, stderr = proc.communicate()
    assert alive, f"the app exited with {proc.returncode}:\n{stdout[-3000:]}\n{stderr[-3000:]}"
    ours = [m for m in mapped if m.startswith(str(unpacked) + "/")]
    assert any(m.endswith(plugin) for m in ours), f"{plugin} not loaded from the bundle"
    strays = [m for m in mapped if any(m.startswith(r + "/") for r in forbidden_roots())]
    assert not strays, sorted(strays)[:10]
    assert "Traceback" not in stderr, stderr[-3000:]


def _maps_of_tree(pid: int) -> set[str]:
    """Mapped files of ``pid`` and its descendants (xvfb-run starts the app as a child)."""
    found: set[str] = set()
    pids = [pid]
    while pids:
        current = pids.pop()
        try:
            children = Path(f"/proc/{current}/task/{current}/children").read_text().split()
            pids += [int(c) for c in children]
            for line in Path(f"/proc/{current}/maps").read_text().splitlines():
                parts = line.split(maxsplit=5)
                if len(parts) == 6 and parts[5].startswith("/"):
                    found.add(parts[5])
        except OSError:
            continue
    return found


# --------------------------------------------------------------------------- contents


def test_bundle_carries_its_data_files(unpacked: Path) -> None:
    data = unpacked / "_internal" / "fitnote_desktop" / "_data"
    assert (data / "resources" / "icf" / "catalogue.json").is_file()
    assert (data / "resources" / "schema" / "fitnote-1.schema.json").is_file()
    assert sorted(p.name for p in (data / "resources" / "messages").glob("*.json")) == [
        "de.json",
        "en.json",
        "fr.json",
        "nl.json",
    ]
    assert list((data / "resources" / "fonts").glob("DejaVuSans*.ttf"))
    sources = sorted(p.stem for p in (ROOT / "translations").glob("*.ts"))
    compiled = sorted(p.stem for p in (data / "translations").glob("*.qm"))
    assert compiled == sources and compiled, (sources, compiled)
    assert not list((data / "translations").glob("*.ts")), "sources are not shipped"
    migrations = unpacked / "_internal" / "fitnote_desktop" / "store" / "migrations"
    assert (migrations / "env.py").is_file()
    shipped = sorted(p.name for p in (migrations / "versions").glob("0*.py"))
    in_tree = sorted(
        p.name
        for p in (ROOT / "fitnote_desktop" / "store" / "migrations" / "versions").glob("0*.py")
    )
    assert shipped == in_tree
    plugins = unpacked / "_internal" / "PySide6" / "Qt" / "plugins" / "platforms"
    assert {"libqxcb.so", "libqoffscreen.so", "libqwayland.so"} <= {
        p.name for p in plugins.iterdir()
    }
    meta = unpacked / "_internal" / f"fitnote_desktop-{VERSION}.dist-info" / "METADATA"
    assert f"Version: {VERSION}" in meta.read_text("utf-8")


def test_dynamically_imported_modules_are_frozen(unpacked: Path) -> None:
    """What the run-time flows above cannot reach headless: every CLI command (found
    with pkgutil at run time), the keyring backends of each desktop (chosen through entry
    points), uvicorn's auto-selected loop/protocol/lifespan, the migrations' imports."""
    frozen = set(frozen_modules(unpacked / APP))
    commands = ROOT / "fitnote_desktop" / "commands"
    wanted = {f"fitnote_desktop.commands.{p.stem}" for p in commands.glob("[!_]*.py")}
    wanted |= {
        "keyring.backends.SecretService",
        "keyring.backends.kwallet",
        "keyring.backends.chainer",
        "keyring.backends.fail",
        "jeepney",
        "secretstorage",
        "uvicorn.loops.auto",
        "uvicorn.loops.asyncio",
        "uvicorn.protocols.http.auto",
        "uvicorn.protocols.http.h11_impl",
        "uvicorn.lifespan.on",
        "sqlcipher3.dbapi2",
        "alembic.ddl.sqlite",
        "pkcs11.constants",
        "reportlab.graphics.barcode.qr",
        "fitnote_desktop.ui.main_window",
    }
    assert wanted <= frozen, sorted(wanted - frozen)
    entry_points = list((unpacked / "_internal").glob("keyring-*.dist-info/entry_points.txt"))
    assert entry_points and "SecretService" in entry_points[0].read_text("utf-8")
    assert list((unpacked / "_internal" / "pkcs11").glob("_pkcs11.*.so"))


def test_no_developer_machine_material_in_the_bundle(unpacked: Path) -> None:
    """No keys, no demo PKI, no test code, no build-machine paths (see bundle_check for
    the rules on binaries); plus direct checks that do not go through bundle_check."""
    home = str(Path.home())
    text_paths = sorted({str(ROOT), sys.prefix, home, "/work/", "/root/"} - {"/"})
    binary_paths = sorted({str(ROOT), sys.prefix})
    problems = scan_bundle(unpacked, text_paths, binary_paths)
    assert not problems, "\n".join(problems)

    for path in unpacked.rglob("*"):
        rel = path.relative_to(unpacked).as_posix()
        assert path.suffix not in {".p12", ".pfx", ".key", ".pyc"}, rel
        assert not re.search(r"(^|/)(tests?|conftest)(/|\.py$)", rel), rel
        if path.is_file() and not path.is_symlink():
            data = path.read_bytes()
            if b"\0" not in data[:8192]:
                assert b"PRIVATE KEY-----" not in data, rel
                assert b"/work/" not in data and b"/root/" not in data, rel
                assert str(ROOT).encode() not in data and sys.prefix.encode() not in data, rel
    dangling = [p for p in unpacked.rglob("*") if p.is_symlink() and not p.exists()]
    assert not dangling, dangling


# --------------------------------------------------------------------------- packages


def test_tarball_is_a_clean_user_download(build: Build) -> None:
    with tarfile.open(build.tarball) as tar:
        members = tar.getmembers()
    top = f"{APP}-{VERSION}"
    assert all(m.name == top or m.name.startswith(top + "/") for m in members)
    assert all(m.uname == "root" and m.uid == 0 and m.gid == 0 for m in members), "builder's user"
    names = {m.name.removeprefix(top + "/") for m in members}
    assert {APP, f"{APP}.desktop", "install.sh", "README.txt"} <= names
    assert f"icons/hicolor/scalable/apps/{APP}.svg" in names
    for size in (16, 32, 48, 128, 256):
        assert f"icons/hicolor/{size}x{size}/apps/{APP}.png" in names
    modes = {m.name.removeprefix(top + "/"): m.mode for m in members}
    assert modes[APP] & 0o111 and modes["install.sh"] & 0o111


def test_desktop_entry(unpacked: Path) -> None:
    entry = (unpacked / f"{APP}.desktop").read_text("utf-8")
    keys = dict(
        line.split("=", 1)
        for line in entry.splitlines()
        if "=" in line and not line.startswith("#")
    )
    assert entry.startswith("[Desktop Entry]")
    assert keys["Type"] == "Application"
    assert keys["Exec"] == APP
    assert keys["Icon"] == APP
    assert keys["Terminal"] == "false"
    assert keys["Categories"].endswith(";")
    validator = shutil.which("desktop-file-validate")
    if validator:
        result = subprocess.run(
            [validator, str(unpacked / f"{APP}.desktop")], capture_output=True, text=True
        )
        assert result.returncode == 0, result.stdout + result.stderr


def test_install_script_installs_and_removes_per_user(unpacked: Path, home: Path) -> None:
    env = clean_env(home)
    result = subprocess.run(
        ["sh", str(unpacked / "install.sh")], env=env, capture_output=True, text=True, check=False
    )
    assert result.returncode == 0, result.stdout + result.stderr
    launcher = home / ".local" / "bin" / APP
    desktop = home / ".local" / "share" / "applications" / f"{APP}.desktop"
    icon = home / ".local" / "share" / "icons" / "hicolor" / "48x48" / "apps" / f"{APP}.png"
    assert launcher.is_symlink() and desktop.is_file() and icon.is_file()
    exec_line = re.search(r"(?m)^Exec=(.*)$", desktop.read_text("utf-8"))
    assert exec_line and exec_line.group(1).strip('"') == str(home / ".local" / "opt" / APP / APP)
    ran = run_bundled(launcher, ["--version"], home)  # through the symlink, as from PATH
    assert ran.returncode == 0 and ran.stdout.strip() == f"{APP} {VERSION}", ran.stderr
    data_dir = home / ".local" / "share" / APP
    data_dir.mkdir(parents=True, exist_ok=True)
    (data_dir / "keep-me").write_text("profiles live here", encoding="utf-8")
    result = subprocess.run(
        ["sh", str(unpacked / "install.sh"), "--uninstall"],
        env=env,
        capture_output=True,
        text=True,
        check=False,
    )
    assert result.returncode == 0, result.stdout + result.stderr
    assert not launcher.exists() and not launcher.is_symlink()
    assert not desktop.exists() and not icon.exists()
    assert not (home / ".local" / "opt" / APP).exists()
    assert (data_dir / "keep-me").is_file(), "uninstalling must never delete profiles"


def test_deb_package(build: Build) -> None:
    if build.deb is None:
        pytest.skip("dpkg-deb not available")
    info = subprocess.run(
        ["dpkg-deb", "--field", str(build.deb)], capture_output=True, text=True, check=True
    ).stdout
    fields = dict(line.split(": ", 1) for line in info.splitlines() if ": " in line)
    assert fields["Package"] == APP
    assert fields["Version"].startswith(VERSION.split("+")[0].split("rc")[0].split(".dev")[0])
    assert "libxcb-cursor0" in fields["Depends"] and "libegl1" in fields["Depends"]
    contents = subprocess.run(
        ["dpkg-deb", "--contents", str(build.deb)], capture_output=True, text=True, check=True
    ).stdout.splitlines()
    paths = {line.split()[5]: line for line in contents}
    assert f"./opt/{APP}/{APP}" in paths
    assert f"./usr/share/applications/{APP}.desktop" in paths
    assert f"./usr/share/icons/hicolor/scalable/apps/{APP}.svg" in paths
    link = next(line for line in contents if f"./usr/bin/{APP}" in line)
    assert f"-> /opt/{APP}/{APP}" in link
    assert all(" root/root " in line for line in contents), "files owned by the builder"


def test_deb_payload_runs(build: Build, tmp_path: Path) -> None:
    """The program as the .deb lays it out under /opt (extracted, not installed: the
    test must not change the machine)."""
    if build.deb is None:
        pytest.skip("dpkg-deb not available")
    root = tmp_path / "root"
    subprocess.run(["dpkg-deb", "-x", str(build.deb), str(root)], check=True)
    exe = root / "opt" / APP / APP
    home = tmp_path / "home"
    home.mkdir()
    result = run_bundled(exe, ["--version"], home)
    assert result.returncode == 0 and result.stdout.strip() == f"{APP} {VERSION}", result.stderr
