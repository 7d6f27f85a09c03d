"""Dependencies point inward: ui → services → domain ← adapters; wiring knows them all.

Two checks. A subprocess imports every module of ``services`` and lists what ended up
in ``sys.modules`` (catches an indirect import through another package). An AST scan
of every import statement, including the ones inside functions, of ``services`` and
``ui`` (catches a lazy import that the first check would never execute).
"""

from __future__ import annotations

import ast
import subprocess
import sys
from pathlib import Path

PACKAGE = Path(__file__).resolve().parents[1] / "fitnote_desktop"

SERVICES_MAY_NOT_IMPORT = (
    "PySide6",
    "fitnote_desktop.endpoint",
    "fitnote_desktop.store",
    "fitnote_desktop.signing",
    "fitnote_desktop.transport",
    "fitnote_desktop.adapters",
    "fitnote_desktop.wiring",
    "fitnote_desktop.demo",
    "fitnote_desktop.documents",
    "fitnote_desktop.ui",
)
UI_MAY_IMPORT = (
    "fitnote_desktop.services",
    "fitnote_desktop.domain",
    "fitnote_desktop.ui",
    "fitnote_desktop.resources",  # finds the data files (translations); no layer behind it
)

SCRIPT = """
import importlib, pkgutil, sys
import fitnote_desktop.services as s
for m in pkgutil.iter_modules(s.__path__):
    importlib.import_module('fitnote_desktop.services.' + m.name)
print(' '.join(sorted(sys.modules)))
"""


def imported_modules(path: Path) -> set[str]:
    """Every module an ``import``/``from ... import`` in ``path`` names (absolute)."""
    tree = ast.parse(path.read_text(encoding="utf-8"), filename=str(path))
    names: set[str] = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            names.update(alias.name for alias in node.names)
        elif isinstance(node, ast.ImportFrom) and (node.level or node.module):
            names.add(from_module(node, path))
    return names


def from_module(node: ast.ImportFrom, path: Path) -> str:
    """The module a ``from ... import`` names, a relative one resolved against ``path``."""
    if not node.level:
        return node.module or ""
    parts = path.relative_to(PACKAGE.parent).with_suffix("").parts
    base = ".".join(parts[: len(parts) - node.level])
    return f"{base}.{node.module}" if node.module else base


def sources(subpackage: str) -> list[Path]:
    files = sorted((PACKAGE / subpackage).rglob("*.py"))
    assert files, subpackage
    return files


def test_importing_the_services_loads_no_outer_layer() -> None:
    out = subprocess.run(
        [sys.executable, "-c", SCRIPT], capture_output=True, text=True, check=True
    ).stdout
    loaded = [m for m in out.split() if m.startswith(SERVICES_MAY_NOT_IMPORT)]
    assert loaded == []


def test_no_import_statement_in_services_names_an_outer_layer() -> None:
    bad = {
        f"{path.name}: {name}"
        for path in sources("services")
        for name in imported_modules(path)
        if name.startswith(SERVICES_MAY_NOT_IMPORT)
    }
    assert bad == set()


def test_ui_imports_only_services_domain_and_itself() -> None:
    bad = {
        f"{path.relative_to(PACKAGE)}: {name}"
        for path in sources("ui")
        for name in imported_modules(path)
        if name.startswith("fitnote_desktop") and not name.startswith(UI_MAY_IMPORT)
    }
    assert bad == set()


def test_the_scan_sees_lazy_imports(tmp_path: Path) -> None:
    """The AST scan is not fooled by an import inside a function."""
    probe = tmp_path / "probe.py"
    probe.write_text("def f():\n    from fitnote_desktop.store import x\n", encoding="utf-8")
    assert "fitnote_desktop.store" in imported_modules(probe)


def module_of(path: Path) -> str:
    parts = path.relative_to(PACKAGE.parent).with_suffix("").parts
    return ".".join(parts[:-1] if parts[-1] == "__init__" else parts)


def product_imports(path: Path, modules: set[str]) -> set[str]:
    """The product modules that the import statements of ``path`` name, including those
    under ``if TYPE_CHECKING`` and inside functions; ``from pkg import mod`` names the
    submodule ``pkg.mod``."""
    tree = ast.parse(path.read_text(encoding="utf-8"), filename=str(path))
    names: set[str] = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            names.update(alias.name for alias in node.names)
        elif isinstance(node, ast.ImportFrom):
            base = from_module(node, path)
            for alias in node.names:
                submodule = f"{base}.{alias.name}"
                names.add(submodule if submodule in modules else base)
    return names & modules


def import_circles(graph: dict[str, set[str]]) -> list[list[str]]:
    """The strongly connected components of more than one module (Tarjan)."""
    index: dict[str, int] = {}
    low: dict[str, int] = {}
    stack: list[str] = []
    circles: list[list[str]] = []

    def visit(node: str) -> None:
        index[node] = low[node] = len(index)
        stack.append(node)
        for nxt in graph.get(node, ()):
            if nxt not in index:
                visit(nxt)
                low[node] = min(low[node], low[nxt])
            elif nxt in stack:
                low[node] = min(low[node], index[nxt])
        if low[node] == index[node]:
            component = []
            while True:
                top = stack.pop()
                component.append(top)
                if top == node:
                    break
            if len(component) > 1:
                circles.append(sorted(component))

    for node in sorted(graph):
        if node not in index:
            visit(node)
    return circles


def test_no_two_product_modules_import_each_other() -> None:
    """No import circle, not even through a type-only or lazy import: a circle means
    two modules share something that belongs in a third (the circles of session 8:
    store.profile <-> store.profiles, ui.actions -> ui.main_window -> ui.actions)."""
    paths = {module_of(path): path for path in product_sources()}
    modules = set(paths)
    graph = {name: product_imports(path, modules) - {name} for name, path in paths.items()}
    assert import_circles(graph) == []


MAX_FILE_LINES = 600
MAX_FUNCTION_LINES = 120
MIGRATIONS = PACKAGE / "store" / "migrations" / "versions"


def product_sources() -> list[Path]:
    """Every product module except the generated-once Alembic revisions."""
    return [path for path in sorted(PACKAGE.rglob("*.py")) if MIGRATIONS not in path.parents]


def test_no_product_file_is_over_600_lines() -> None:
    """A file that long mixes several jobs; split it by what it does (issue 11)."""
    too_long = {
        f"{path.relative_to(PACKAGE)}: {length}"
        for path in product_sources()
        if (length := len(path.read_text(encoding="utf-8").splitlines())) > MAX_FILE_LINES
    }
    assert too_long == set()


def test_no_function_is_over_120_lines() -> None:
    """A function that long is several named steps waiting to be extracted (issue 11)."""
    too_long: set[str] = set()
    for path in product_sources():
        tree = ast.parse(path.read_text(encoding="utf-8"), filename=str(path))
        for node in ast.walk(tree):
            if isinstance(node, (ast.FunctionDef, ast.AsyncFunctionDef)):
                length = (node.end_lineno or node.lineno) - node.lineno + 1
                if length > MAX_FUNCTION_LINES:
                    too_long.add(f"{path.relative_to(PACKAGE)}:{node.name}: {length}")
    assert too_long == set()


def test_no_testing_module_ships_in_the_product() -> None:
    """Test helpers live under tests/, never in the installed package."""
    assert sorted(str(p.relative_to(PACKAGE)) for p in PACKAGE.rglob("testing.py")) == []
