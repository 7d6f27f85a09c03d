"""The domain is pure: importing it pulls in no Qt, database, network or other layer."""

import subprocess
import sys

FORBIDDEN = (
    "PySide6",
    "sqlalchemy",
    "sqlcipher3",
    "httpx",
    "fastapi",
    "uvicorn",
    "reportlab",
    "pyhanko",
    "pkcs11",
    "keyring",
    "fitnote_desktop.store",
    "fitnote_desktop.signing",
    "fitnote_desktop.transport",
    "fitnote_desktop.documents",
    "fitnote_desktop.endpoint",
    "fitnote_desktop.ui",
    "fitnote_desktop.services",
)

SCRIPT = """
import builtins, sys, pkgutil, importlib
opened = []
real_open = builtins.open
def spy(*a, **k):
    opened.append(a[0] if a else k.get('file'))
    return real_open(*a, **k)
builtins.open = spy
import fitnote_desktop.domain as d
for m in pkgutil.iter_modules(d.__path__):
    importlib.import_module('fitnote_desktop.domain.' + m.name)
builtins.open = real_open
print('MODULES', ' '.join(sorted(sys.modules)))
print('OPENED', len([o for o in opened if 'fitnote_desktop' in str(o) or 'resources' in str(o)]))
"""


def test_domain_imports_nothing_from_other_layers_and_reads_no_file() -> None:
    out = subprocess.run(
        [sys.executable, "-c", SCRIPT], capture_output=True, text=True, check=True
    ).stdout
    modules = out.split("MODULES ", 1)[1].split("\n", 1)[0].split()
    bad = [m for m in modules if m.startswith(FORBIDDEN)]
    assert bad == []
    assert out.strip().endswith("OPENED 0")
