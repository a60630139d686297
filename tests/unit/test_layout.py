"""Names and places (issue 16): a newcomer who knows the concept finds the file.

Folders stay small enough to read at a glance, modules a few hundred lines, the SIS
integration has one name, and every text users read stands in one catalogue.
"""

from __future__ import annotations

import ast
from pathlib import Path

import pytest

from koppel import i18n

PACKAGE = Path(__file__).resolve().parents[2] / "src" / "koppel"
MIGRATIONS = PACKAGE / "store" / "migrations" / "versions"
"""Migrations are history: written once, never split or edited afterwards."""

MAX_MODULES_PER_FOLDER = 20
MAX_LINES_PER_MODULE = 400


def _python_files() -> list[Path]:
    return sorted(p for p in PACKAGE.rglob("*.py") if "__pycache__" not in p.parts)


def _folders() -> list[Path]:
    return sorted({p.parent for p in _python_files()})


def _modules_in(folder: Path) -> list[Path]:
    return [p for p in folder.glob("*.py") if p.name != "__init__.py"]


def _name(path: Path) -> str:
    return str(path.relative_to(PACKAGE.parent))


def test_the_scan_sees_the_whole_package():
    names = {_name(p) for p in _python_files()}
    assert {"koppel/domain/school.py", "koppel/web/app.py", "koppel/cli/main.py"} <= names
    assert len(_folders()) > 20


@pytest.mark.parametrize("folder", _folders(), ids=_name)
def test_no_folder_holds_more_than_twenty_modules(folder: Path):
    modules = _modules_in(folder)
    assert len(modules) <= MAX_MODULES_PER_FOLDER, sorted(p.name for p in modules)


@pytest.mark.parametrize("path", [p for p in _python_files() if p.parent != MIGRATIONS], ids=_name)
def test_no_module_is_longer_than_four_hundred_lines(path: Path):
    lines = len(path.read_text("utf-8").splitlines())
    assert lines <= MAX_LINES_PER_MODULE, f"{_name(path)}: {lines} lines"


def test_the_sis_integration_has_one_name():
    """Code names ``sis``: "rooster" is the timetable in a Dutch school, and
    "integration" the word of integration tests. OneRoster is the format's own name."""
    places = [p.relative_to(PACKAGE) for p in _python_files() if p.parent != MIGRATIONS]
    wrong = {
        str(place)
        for place in places
        for part in (*place.parent.parts, place.stem)
        if "roster" in part.replace("oneroster", "") or "integration" in part
    }
    assert not wrong, sorted(wrong)


def _assigned_names(path: Path) -> set[str]:
    tree = ast.parse(path.read_text("utf-8"))
    found: set[str] = set()
    for node in tree.body:
        targets = node.targets if isinstance(node, ast.Assign) else []
        if isinstance(node, ast.AnnAssign):
            targets = [node.target]
        found |= {t.id for t in targets if isinstance(t, ast.Name)}
    return found


def test_texts_stand_only_in_the_one_catalogue():
    catalogues = {
        _name(path)
        for path in _python_files()
        if any(name.endswith("TEXTS") for name in _assigned_names(path))
        and PACKAGE / "i18n" not in path.parents
    }
    assert not catalogues, sorted(catalogues)
    assert not (PACKAGE / "web" / "texts").exists()


def test_every_module_of_texts_is_in_the_catalogue():
    """A module of texts that ``i18n.MODULES`` leaves out would hold texts nobody reads
    (that each code stands in one module: tests/unit/test_i18n.py)."""
    listed = {module.__name__ for module in i18n.MODULES}
    found = {
        ".".join(path.relative_to(PACKAGE.parent).with_suffix("").parts)
        for path in (PACKAGE / "i18n").rglob("*.py")
        if "TEXTS" in _assigned_names(path)
    }
    assert len(found) > 5
    assert found == listed


ARCHITECTURE = PACKAGE.parents[1] / "docs" / "architecture.md"


def _documented_folders() -> set[str]:
    """The folders of docs/architecture.md's tree, from its indentation."""
    text = ARCHITECTURE.read_text("utf-8")
    tree = text.split("## The tree", 1)[1].split("```")[1]
    found: set[str] = set()
    path: list[str] = []
    for line in tree.splitlines():
        name = line.strip().split(" ", 1)[0]
        if not name.endswith("/") or name == "src/koppel/":
            continue
        depth = (len(line) - len(line.lstrip()) - 2) // 2
        path = [*path[:depth], name.rstrip("/")]
        written = "/".join(path)
        found |= {written.rsplit("/", n)[0] for n in range(written.count("/") + 1)}
    return found


def test_the_architecture_page_names_every_package():
    documented = _documented_folders()
    assert {"domain", "domain/sis", "store/repositories/sis", "web/api"} <= documented
    packages = {str(folder.relative_to(PACKAGE)) for folder in _folders() if folder != PACKAGE}
    assert sorted(packages - documented) == []
    assert sorted(documented - packages - {"web/templates", "web/static"}) == []
