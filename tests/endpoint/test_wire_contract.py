"""The wire contract sits between client and endpoint: both import ``fitnote_desktop.wire``,
neither imports the other's package, and the endpoint serves exactly the contract's routes.

The import rule is checked on the source (every ``import`` statement, including those
inside functions), not by importing, so a lazy import cannot hide from it.
"""

from __future__ import annotations

import ast
from pathlib import Path

import pytest
from support.endpoint import endpoint_settings

from fitnote_desktop.demo.pki import DemoPki
from fitnote_desktop.endpoint.app import create_app
from fitnote_desktop.wire import routes

PACKAGE = Path(__file__).resolve().parents[2] / "fitnote_desktop"


def imported_modules(source: str, module: str) -> set[str]:
    """Every module an ``import`` statement in ``source`` names (``module`` is the dotted
    name of the file, to resolve relative imports)."""
    found: set[str] = set()
    for node in ast.walk(ast.parse(source)):
        if isinstance(node, ast.Import):
            found.update(alias.name for alias in node.names)
        elif isinstance(node, ast.ImportFrom):
            base = node.module or ""
            if node.level:
                parent = module.rsplit(".", node.level)[0]
                base = f"{parent}.{base}" if base else parent
            found.add(base)
            found.update(f"{base}.{alias.name}" for alias in node.names)
    return found


def package_imports(package: str) -> dict[str, set[str]]:
    """``{file: imported modules}`` for every module of ``fitnote_desktop.<package>``."""
    out = {}
    for path in sorted((PACKAGE / package).rglob("*.py")):
        relative = path.relative_to(PACKAGE.parent).with_suffix("")
        module = ".".join(relative.parts)
        if path.name == "__init__.py":
            module = module.rsplit(".", 1)[0] + ".__init__"
        out[str(path.relative_to(PACKAGE))] = imported_modules(path.read_text("utf-8"), module)
    return out


def offenders(package: str, forbidden: tuple[str, ...]) -> dict[str, list[str]]:
    bad = {}
    for file, modules in package_imports(package).items():
        hits = sorted(m for m in modules if any(m == f or m.startswith(f + ".") for f in forbidden))
        if hits:
            bad[file] = hits
    return bad


def test_the_scan_sees_every_form_of_import() -> None:
    source = (
        "import fitnote_desktop.transport.client\n"
        "from fitnote_desktop import transport\n"
        "def later():\n"
        "    from ..transport import receipts\n"
    )
    found = imported_modules(source, "fitnote_desktop.endpoint.app")
    assert "fitnote_desktop.transport.client" in found
    assert "fitnote_desktop.transport" in found
    assert "fitnote_desktop.transport.receipts" in found


def test_endpoint_does_not_import_the_client() -> None:
    assert package_imports("endpoint")
    assert offenders("endpoint", ("fitnote_desktop.transport",)) == {}


def test_client_does_not_import_the_endpoint() -> None:
    assert package_imports("transport")
    assert offenders("transport", ("fitnote_desktop.endpoint",)) == {}


def test_wire_imports_no_other_part_of_the_app() -> None:
    others = tuple(
        f"fitnote_desktop.{p.stem}"
        for p in PACKAGE.iterdir()
        if p.name not in ("wire", "__pycache__", "__init__.py")
        and (p.is_dir() or p.suffix == ".py")
    )
    assert "fitnote_desktop.transport" in others
    assert offenders("wire", others) == {}


@pytest.fixture(scope="module")
def served(demo_pki: DemoPki, tmp_path_factory: pytest.TempPathFactory) -> set[str]:
    db = tmp_path_factory.mktemp("routes") / "endpoint.sqlite3"
    app = create_app(endpoint_settings(demo_pki, f"sqlite:///{db}"))
    return set(app.openapi()["paths"])


def test_the_endpoint_serves_exactly_the_contract_routes(served: set[str]) -> None:
    assert served == {routes.API_PREFIX + path for path in routes.ALL}


def test_the_client_writes_no_path_of_its_own() -> None:
    """Every path the client calls comes from ``wire.routes``: a literal like
    ``"/documents/..."`` in transport/ would drift from what the endpoint serves."""
    literals = {
        f"{path.relative_to(PACKAGE)}:{node.lineno}: {node.value}"
        for path in sorted((PACKAGE / "transport").rglob("*.py"))
        for node in ast.walk(ast.parse(path.read_text("utf-8")))
        if isinstance(node, ast.Constant)
        and isinstance(node.value, str)
        and node.value.startswith("/")
        and node.value.strip("/").split("/")[0] in {p.strip("/").split("/")[0] for p in routes.ALL}
    }
    assert literals == set()


def test_the_contract_lists_only_codes_the_endpoint_answers() -> None:
    """A code in ``wire/errors.py`` is one the endpoint really sends (as a literal in its
    source): a retired answer (``episode.not_found``, an existence oracle) leaves the
    contract, the API documentation and the catalogue with it."""
    from fitnote_desktop.wire.errors import ERRORS

    source = "".join(p.read_text(encoding="utf-8") for p in (PACKAGE / "endpoint").rglob("*.py"))
    assert [code for code in ERRORS if f'"{code}"' not in source] == []
