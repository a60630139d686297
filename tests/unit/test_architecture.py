"""The layers of DESIGN.md 6: the domain is plain Python (no framework, no storage, no outer
layer); no layer imports one above it; pages and commands reach storage only through the
services (never a repository); the connector reaches the portal only over HTTP."""

from __future__ import annotations

import ast
import json
import subprocess
import sys
from pathlib import Path

import pytest

SRC = Path(__file__).resolve().parents[2] / "src"
DOMAIN = SRC / "koppel" / "domain"
DEMO = SRC / "koppel" / "services" / "demo"

FORBIDDEN_LIBRARIES = frozenset(
    {
        "sqlalchemy",
        "alembic",
        "fastapi",
        "starlette",
        "uvicorn",
        "typer",
        "rich",
        "pydantic",
        "pydantic_settings",
        "httpx",
        "requests",
        "jinja2",
        "faker",
        "psycopg",
        "openpyxl",
        "python_calamine",
        "argon2",
        "sqlite3",
        "socket",
        "subprocess",
    }
)
OUTER_LAYERS = (
    "koppel.store",
    "koppel.web",
    "koppel.cli",
    "koppel.services",
    "koppel.files",
    "koppel.connector",
)


def _module_name(path: Path) -> str:
    parts = list(path.relative_to(SRC).with_suffix("").parts)
    if parts[-1] == "__init__":
        parts.pop()
    return ".".join(parts)


def imported_modules(source: str, module: str, *, is_package: bool = False) -> set[str]:
    """Every module that ``source`` (the text of ``module``) imports, relative ones resolved."""
    package = module if is_package else module.rpartition(".")[0]
    found: set[str] = set()
    for node in ast.walk(ast.parse(source)):
        if isinstance(node, ast.Import):
            found.update(alias.name for alias in node.names)
        elif isinstance(node, ast.ImportFrom):
            if node.level:
                base = package.split(".")
                base = base[: len(base) - (node.level - 1)]
                stem = ".".join([*base, node.module] if node.module else base)
            else:
                stem = node.module or ""
            found.add(stem)
            found.update(f"{stem}.{alias.name}" for alias in node.names)
    return found


def forbidden(imports: set[str], outer: tuple[str, ...] = OUTER_LAYERS) -> set[str]:
    return {
        name
        for name in imports
        if name.split(".")[0] in FORBIDDEN_LIBRARIES
        or any(name == layer or name.startswith(layer + ".") for layer in outer)
    }


def _imports_of(path: Path) -> set[str]:
    return imported_modules(
        path.read_text("utf-8"), _module_name(path), is_package=path.name == "__init__.py"
    )


DOMAIN_FILES = sorted(p for p in DOMAIN.rglob("*.py") if "__pycache__" not in p.parts)


def test_domain_modules_exist():
    names = {path.stem for path in DOMAIN_FILES}
    assert {"school", "personal", "students", "planning", "groups", "staff", "accounts"} <= names


def _relative(path: Path) -> str:
    return str(path.relative_to(SRC))


def test_the_domain_scan_reaches_the_subpackages():
    assert {"sync", "sis", "imports"} <= {path.parent.name for path in DOMAIN_FILES}


@pytest.mark.parametrize("path", DOMAIN_FILES, ids=_relative)
def test_domain_imports_no_framework_and_no_outer_layer(path):
    assert not forbidden(_imports_of(path)), path


@pytest.mark.parametrize(
    ("source", "module", "bad"),
    [
        ("import sqlalchemy", "koppel.domain.x", {"sqlalchemy"}),
        ("import sqlalchemy.orm as orm", "koppel.domain.x", {"sqlalchemy.orm"}),
        ("from fastapi import Request", "koppel.domain.x", {"fastapi", "fastapi.Request"}),
        (
            "from koppel.store import tables",
            "koppel.domain.x",
            {"koppel.store", "koppel.store.tables"},
        ),
        ("from ..web import app", "koppel.domain.x", {"koppel.web", "koppel.web.app"}),
        ("from .. import cli", "koppel.domain.x", {"koppel.cli"}),
        ("def f():\n    import typer\n", "koppel.domain.x", {"typer"}),
        ("from koppel.domain.errors import InvalidValue", "koppel.domain.x", set()),
        ("from .errors import InvalidValue", "koppel.domain.x", set()),
        ("import koppel.storey", "koppel.domain.x", set()),
        ("from koppel import i18n", "koppel.domain.x", set()),
    ],
)
def test_the_import_check_itself(source, module, bad):
    assert forbidden(imported_modules(source, module)) == bad


def test_domain_really_imports_its_own_modules():
    """The scan is not vacuous: it sees the domain's real imports."""
    assert "koppel.domain.errors" in _imports_of(DOMAIN / "school.py")
    assert "koppel.i18n.translate" in _imports_of(DOMAIN / "errors.py")


PURE_DEMO_FILES = [
    DEMO / name
    for name in (
        "school.py",
        "students.py",
        "staffing.py",
        "catalog.py",
        "people.py",
        "next_year_plan.py",
    )
]


@pytest.mark.parametrize("path", PURE_DEMO_FILES, ids=lambda path: path.name)
def test_demo_generator_does_no_io(path):
    allowed = FORBIDDEN_LIBRARIES - {"faker"}
    imports = _imports_of(path)
    outer = ("koppel.store", "koppel.web", "koppel.cli", "koppel.files", "koppel.connector")
    assert not {name for name in imports if name.split(".")[0] in allowed}, path
    assert not forbidden(imports, outer) - {n for n in imports if n.startswith("faker")}, path


def test_importing_the_domain_loads_no_framework():
    """Also the transitive imports (through koppel.i18n and the package itself)."""
    names = ", ".join(_module_name(path) for path in DOMAIN_FILES)
    script = f"import sys, json; import {names}; print(json.dumps(sorted(m for m in sys.modules)))"
    result = subprocess.run(
        [sys.executable, "-c", script], capture_output=True, text=True, check=True, timeout=60
    )
    loaded = set(json.loads(result.stdout))
    assert "koppel.domain.school" in loaded
    assert not forbidden(loaded), sorted(forbidden(loaded))


# --- the layers above the domain ------------------------------------------------------------

PACKAGE = SRC / "koppel"
LAYERS = {
    "koppel.domain": 0,
    "koppel.i18n": 0,
    "koppel.progress": 0,
    "koppel.settings": 0,
    "koppel.logs": 0,
    "koppel.places": 0,
    "koppel.files": 1,
    "koppel.store": 1,
    "koppel.connector": 2,
    "koppel.services": 3,
    "koppel.web": 4,
    "koppel.cli": 5,
    "koppel.__main__": 6,
}
"""Each part may import its own layer and those below it, never one above."""


def _layer(module: str) -> int | None:
    if module == "koppel":
        return 0  # the package itself: its version, nothing more
    for name, layer in LAYERS.items():
        if module == name or module.startswith(name + "."):
            return layer
    return None


def _files_under(*parts: str) -> list[Path]:
    return sorted(p for p in PACKAGE.joinpath(*parts).rglob("*.py") if "__pycache__" not in p.parts)


ALL_FILES = _files_under()


@pytest.mark.parametrize("path", ALL_FILES, ids=_relative)
def test_no_module_imports_a_layer_above_its_own(path):
    own = _layer(_module_name(path))
    assert own is not None, f"{_relative(path)} is in no layer: add its package to LAYERS"
    above = {name for name in _imports_of(path) if (_layer(name) or 0) > own and name != "koppel"}
    assert not above, sorted(above)


def _within(imports: set[str], packages: tuple[str, ...]) -> set[str]:
    """The imports of ``packages`` or of a module inside them."""
    return {n for n in imports if any(n == p or n.startswith(p + ".") for p in packages)}


REPOSITORIES = ("koppel.store.repositories",)
PORTAL_SIDE = (
    "koppel.services",
    "koppel.web",
    "koppel.cli",
    "koppel.store.repositories",
    "koppel.store.unit_of_work",
    "koppel.store.tables",
    "koppel.store.database",
)


@pytest.mark.parametrize("path", _files_under("web") + _files_under("cli"), ids=_relative)
def test_pages_and_commands_reach_storage_only_through_services(path):
    assert not _within(_imports_of(path), REPOSITORIES), path


@pytest.mark.parametrize("path", _files_under("connector"), ids=_relative)
def test_the_connector_reaches_the_portal_only_over_http(path):
    """The project side runs on the scheduler's machine: no portal service or database."""
    assert not _within(_imports_of(path), PORTAL_SIDE), path


def test_the_layer_scans_are_not_vacuous():
    web = _imports_of(PACKAGE / "web" / "app.py")
    assert "koppel.web.body_limit" in web
    assert _layer("koppel.web.app") == 4
    assert _layer("koppel.store.project.file") == 1
    assert _within({"koppel.store.repositories.groups", "koppel.storey"}, REPOSITORIES) == {
        "koppel.store.repositories.groups"
    }
    connector = set().union(*(_imports_of(p) for p in _files_under("connector")))
    assert "koppel.store.project.file" in connector
