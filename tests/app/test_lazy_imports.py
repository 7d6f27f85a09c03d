"""Start-up imports only what the first screen needs (issue 14).

Each check runs in a fresh interpreter, since this test process has long since imported
everything. The heavy libraries of signing (pyHanko, asn1crypto, ...), PDF (reportlab),
KMEHR (lxml, xmlschema), the sandbox endpoint (FastAPI, uvicorn, starlette) and the
transport (httpx) load on first use: with them at start the window took several times
as long as a bare Qt window to appear. The same holds for the app's own heavy parts: the
document editor is built when the first document opens, and the version is read from the
package metadata only when asked for.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[2]

HEAVY = (
    "pyhanko",
    "pyhanko_certvalidator",
    "asn1crypto",
    "oscrypto",
    "reportlab",
    "fastapi",
    "uvicorn",
    "starlette",
    "pydantic",
    "jinja2",
    "lxml",
    "xmlschema",
    "elementpath",
    "httpx",
    "h2",
    "pkcs11",
    "keyring",
    "pyqtgraph",  # the mirror screen's charts
    "numpy",  # behind pyqtgraph
    "stdnum",  # NISS checks: its package imports pydoc and ssl
)

# Not before the unlock dialog: the profiles are listed from their profile.json, and the
# database modules are imported while the key is derived (ui/unlock.py).
DATABASE = ("sqlalchemy", "sqlcipher3")

# Not before the first screen: the key file opens through hashlib and libcrypto (store/aead.py);
# only sealing a new key file or a signature needs it.
CRYPTOGRAPHY = ("cryptography",)

# The app's own modules imported while the key is derived, not before the unlock dialog
# (the domain model: the dialog's messages only need their catalogue).
WHILE_DERIVING = ("fitnote_desktop.services", "fitnote_desktop.domain.model")

UNLOCK_DIALOG = """
import json, sys
import fitnote_desktop.ui
from PySide6.QtWidgets import QApplication
from fitnote_desktop.store import ProfileManager
from fitnote_desktop.ui import i18n
from fitnote_desktop.ui.controller import AppController
from fitnote_desktop.ui.style import style_sheet
from fitnote_desktop.ui.unlock import UnlockDialog

app = QApplication(sys.argv[:1])
app.setStyleSheet(style_sheet(app.palette(), app.font()))
dialog = UnlockDialog(ProfileManager(sys.argv[1]))
dialog.show()
app.processEvents()
listed = [dialog.profile.itemText(i) for i in range(dialog.profile.count())]
print(json.dumps([sorted(sys.modules), listed]))
"""

# A profile with a PKCS#12 signer checks the file's ASN.1 header at unlock (asn1crypto),
# so that a wrong file is named at once and not at the first signature; this profile
# has no signer, like a fresh one.
WINDOW = """
import sys
from pathlib import Path

import fitnote_desktop
import fitnote_desktop.ui
from PySide6.QtCore import QSettings
from PySide6.QtWidgets import QApplication

from fitnote_desktop.store import ProfileManager
from fitnote_desktop.ui import i18n
from fitnote_desktop.ui.main_window import MainWindow
from fitnote_desktop.wiring.session import open_session

root = Path(sys.argv[1])
manager = ProfileManager(root / "profiles")  # created by the test: sealing needs cryptography
app = QApplication(sys.argv[:1])
languages = i18n.LanguageManager(app)
languages.switch("nl")
session = open_session(manager.open("lazy", "a passphrase for the test"))
settings = QSettings(str(root / "ui.ini"), QSettings.Format.IniFormat)
window = MainWindow(session.services, languages, settings=settings)
window.show()
app.processEvents()
loaded = sorted(m for m in sys.modules)
editor_built = window._editor is not None
version_read = fitnote_desktop._version.cache_info().currsize > 0
window.close()
session.close()
print(__import__("json").dumps([loaded, editor_built, version_read]))
"""

# The app's own modules that the first screen (the patient list) does not need.
DEFERRED = ("fitnote_desktop.ui.editor", "fitnote_desktop.ui.editor.document_editor")


def _run(code: str, *args: str) -> Any:
    """What ``code`` prints as JSON on its last line, run in a fresh interpreter."""
    env = {**os.environ, "PYTHONPATH": str(ROOT), "QT_QPA_PLATFORM": "offscreen"}
    out = subprocess.run(
        [sys.executable, "-c", code, *args],
        capture_output=True,
        text=True,
        env=env,
        cwd=ROOT,
        timeout=300,
        check=True,
    ).stdout
    return json.loads(out.strip().splitlines()[-1])


def _heavy(modules: set[str]) -> list[str]:
    return sorted(m for m in modules if m.split(".")[0] in HEAVY)


def test_importing_the_app_loads_no_heavy_library() -> None:
    loaded = set(
        _run("import sys, json\nimport fitnote_desktop.app\nprint(json.dumps(sorted(sys.modules)))")
    )
    assert "fitnote_desktop.app" in loaded
    assert _heavy(loaded) == []
    assert [m for m in DEFERRED if m in loaded] == []


def test_the_main_window_of_an_unlocked_profile_loads_no_heavy_library(tmp_path: Path) -> None:
    from fitnote_desktop.domain import samples
    from fitnote_desktop.store import KdfParams, PractitionerInfo, ProfileManager, StoreOptions

    manager = ProfileManager(tmp_path / "profiles", StoreOptions(kdf=KdfParams.for_tests()))
    author = samples.practitioner()
    info = PractitionerInfo(author.given_name, author.family_name, author.riziv)
    manager.create("lazy", passphrase="a passphrase for the test", practitioner=info)
    modules, editor_built, version_read = _run(WINDOW, str(tmp_path))
    loaded = set(modules)
    assert "fitnote_desktop.ui.main_window" in loaded
    assert "fitnote_desktop.wiring.session" in loaded
    assert _heavy(loaded) == []
    assert sorted(m for m in loaded if m.split(".")[0] in CRYPTOGRAPHY) == []
    assert [m for m in DEFERRED if m in loaded] == []
    assert not editor_built
    assert not version_read


def test_the_unlock_dialog_lists_the_profiles_without_the_database_modules(
    tmp_path: Path,
) -> None:
    from fitnote_desktop.store import KdfParams, ProfileManager, StoreOptions

    manager = ProfileManager(tmp_path, StoreOptions(kdf=KdfParams.for_tests()))
    manager.create("dr-a", label="Dr A", passphrase="a passphrase for the test")
    modules, listed = _run(UNLOCK_DIALOG, str(tmp_path))
    assert listed == ["Dr A"]
    assert sorted(m for m in modules if m.split(".")[0] in DATABASE + CRYPTOGRAPHY) == []
    assert sorted(m for m in modules if m.startswith(WHILE_DERIVING)) == []
    assert _heavy(set(modules)) == []


def test_the_version_is_read_when_asked_for() -> None:
    version, before = _run(
        "import json, fitnote_desktop\n"
        "before = fitnote_desktop._version.cache_info().currsize\n"
        "print(json.dumps([fitnote_desktop.__version__, before]))"
    )
    assert before == 0
    assert version  # installed metadata, or the source tree's placeholder
