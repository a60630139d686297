"""Every file koppel writes is safe against formula injection, and reads back unchanged.

Values that a spreadsheet would run (``=HYPERLINK(...)``, ``@SUM(1)``, ``+1``, ``-1+1``,
and the same behind a tab or a carriage return) are planted in a real demo school: in
students' names, addresses, e-mail and previous class, in staff names, in group names and
folders, in the branch's and a department's name. Then every export runs on the command
line's services (``koppel export students``, ``koppel oneroster export`` as folder and
zip, ``koppel demo next-year``, ``koppel import template``; the portal and the API offer
no file downloads) and every cell of every file is read: no formula cell, and no text that
starts like a formula unless an apostrophe guards it. Files that carry the school's data
must show the guard (the planted values really got there). Finally the exports are read
back by koppel's own imports (dry run; the OneRoster set by the real commands): the
guard is taken off again, nothing changes.
"""

from __future__ import annotations

import csv
import io
import zipfile
from collections.abc import Iterator
from pathlib import Path

import openpyxl
import pytest
from hypothesis import given
from hypothesis import strategies as st
from sqlalchemy import select, update

from koppel.files.columns import ImportKind
from koppel.files.neutralise import neutralise, restore
from koppel.files.templates import write_template
from koppel.services.demo.next_year import write_next_year_files
from koppel.services.exports import export_students
from koppel.services.imports.options import ImportOptions
from koppel.services.imports.run import run_import
from koppel.services.sis.exporting import export_sis
from koppel.store import tables as t
from koppel.store.database import connect
from koppel.store.unit_of_work import SqlAlchemyUnitOfWork
from tests.cli.runner import koppel

FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")
IMPORTABLE = ('=HYPERLINK("http://x","y")', "@SUM(1)", "+1", "-1+1")
"""Values an import accepts as they are; the planted students and staff get these."""
WHITESPACE_LED = ("\t=1+1", "\r=1+1")
"""Values only a direct database write can hold (an import trims them)."""
PLANTED_STUDENTS = 12
PLANTED_GROUPS = 8


def plant(database: str) -> set[str]:
    """Formula-like values in the demo school; the numbers of the students planted with
    values that an import keeps as they are."""
    engine = connect(database)
    s = t.students
    with engine.begin() as connection:
        ids = connection.execute(select(s.c.id, s.c.student_number).order_by(s.c.id)).all()
        importable = set()
        for index, (student_id, number) in enumerate(ids[:PLANTED_STUDENTS]):
            value = (IMPORTABLE + WHITESPACE_LED)[index % 6]
            if value in IMPORTABLE:
                importable.add(number)
            connection.execute(
                update(s)
                .where(s.c.id == student_id)
                .values(
                    first_name=value,
                    infix=value[:30],
                    last_name=value + "x",
                    street=value,
                    house_number=value[:20],  # the column full: 21 with the guard
                    city=value,
                    previous_home_class=value[:40],
                    email=f"{'=+-'[index % 3]}a{index}@example.org",  # valid
                )
            )
        staff = connection.execute(select(t.staff_members.c.id).order_by(t.staff_members.c.id))
        for index, (staff_id,) in enumerate(staff.all()):
            value = IMPORTABLE[index % len(IMPORTABLE)]
            connection.execute(
                update(t.staff_members)
                .where(t.staff_members.c.id == staff_id)
                .values(first_name=value, infix=value[:30], last_name=value + "x")
            )
        groups = connection.execute(select(t.groups.c.id).order_by(t.groups.c.id).limit(8))
        for index, (group_id,) in enumerate(groups.all()):
            value = IMPORTABLE[index % len(IMPORTABLE)]
            connection.execute(
                update(t.groups)
                .where(t.groups.c.id == group_id)
                .values(name=f"{value[:4]}G{index}", folder=value)
            )
        connection.execute(update(t.branches).values(name=IMPORTABLE[0]))
        connection.execute(
            update(t.departments).where(t.departments.c.code == "1M").values(name=IMPORTABLE[1])
        )
    engine.dispose()
    return importable


def cells(path: Path) -> Iterator[tuple[str, object, str]]:
    """(where, value, data type) of every cell of a written file, zip members included."""
    if path.suffix == ".xlsx":
        workbook = openpyxl.load_workbook(path)
        for sheet in workbook:
            for row in sheet.iter_rows():
                for cell in row:
                    yield f"{path.name}!{cell.coordinate}", cell.value, cell.data_type
    elif path.suffix == ".zip":
        with zipfile.ZipFile(path) as archive:
            for name in archive.namelist():
                yield from _csv_cells(f"{path.name}:{name}", archive.read(name).decode("utf-8-sig"))
    else:
        yield from _csv_cells(path.name, path.read_text(encoding="utf-8-sig"))


def _csv_cells(where: str, content: str) -> Iterator[tuple[str, object, str]]:
    delimiter = ";" if content.split("\n", 1)[0].count(";") else ","
    for number, row in enumerate(csv.reader(io.StringIO(content), delimiter=delimiter), 1):
        for column, value in enumerate(row, 1):
            yield f"{where} row {number} column {column}", value, "s"


def scan(files: list[Path]) -> tuple[list[str], int, int]:
    """Cells a spreadsheet would run; how many cells were read; how many were guarded."""
    dangerous, read, guarded = [], 0, 0
    for path in files:
        for where, value, data_type in cells(path):
            read += 1
            if data_type == "f":
                dangerous.append(f"{where}: formula cell {value!r}")
            elif isinstance(value, str) and value.startswith(FORMULA_STARTS):
                dangerous.append(f"{where}: {value!r}")
            elif (
                isinstance(value, str) and value[:1] == "'" and value[1:].startswith(FORMULA_STARTS)
            ):
                guarded += 1
    return dangerous, read, guarded


@pytest.fixture(scope="module")
def school(tmp_path_factory: pytest.TempPathFactory) -> tuple[str, Path, set[str]]:
    folder = tmp_path_factory.mktemp("formulas")
    database = f"sqlite:///{folder / 'koppel.db'}"
    built = koppel("demo", "--students", "50", "--json", database=database)
    assert built.code == 0, built.stderr
    return database, folder, plant(database)


def _export(name: str, database: str, out: Path) -> None:
    """One export, by the service its command calls (``koppel export students`` calls
    :func:`export_students`, and so on): the same files, without a process per export."""
    uow = SqlAlchemyUnitOfWork(connect(database))
    kind, _, suffix = name.partition(".")
    if kind == "students":
        export_students(uow, out / f"leerlingen.{suffix}")
    elif kind == "oneroster":
        export_sis(uow, out / ("set.zip" if suffix else "set"), as_zip=bool(suffix))
    elif kind == "next-year":
        write_next_year_files(uow, out, suffix=f".{suffix}")
    else:
        for template in ImportKind:
            write_template(template, out / f"{template.value}.{suffix}")


EXPORTS = {
    "students.csv": True,
    "students.xlsx": True,
    "oneroster": True,
    "oneroster.zip": True,
    "next-year.csv": True,
    "next-year.xlsx": True,
    "templates.csv": False,  # the import templates: headers and an example row
    "templates.xlsx": False,
}


@pytest.mark.parametrize("export", list(EXPORTS))
def test_no_cell_of_any_export_runs_as_a_formula(school: tuple[str, Path, set[str]], export: str):
    database, folder, _planted = school
    out = folder / export
    out.mkdir()
    _export(export, database, out)
    files = sorted(path for path in out.rglob("*") if path.is_file())
    assert files
    dangerous, read, guarded = scan(files)
    assert dangerous == []
    assert read > 0
    if EXPORTS[export]:
        assert guarded >= 4, "the planted values did not reach the file"


def test_the_scan_sees_formula_cells_and_unguarded_text(tmp_path: Path):
    workbook = openpyxl.Workbook()
    workbook.active.append(["=1+1", "ok"])
    workbook.save(tmp_path / "a.xlsx")
    (tmp_path / "b.csv").write_text("Naam;Plaats\n@SUM(1);'=1+1\n", encoding="utf-8")
    dangerous, read, guarded = scan([tmp_path / "a.xlsx", tmp_path / "b.csv"])
    assert len(dangerous) == 2
    assert (read, guarded) == (6, 1)


@pytest.mark.parametrize("suffix", ["csv", "xlsx"])
def test_a_students_export_imported_again_changes_nothing(
    school: tuple[str, Path, set[str]], suffix: str
):
    database, folder, planted = school
    path = folder / f"terug.{suffix}"
    _export(f"students.{suffix}", database, folder)
    (folder / f"leerlingen.{suffix}").replace(path)
    uow = SqlAlchemyUnitOfWork(connect(database))
    report = run_import(uow, ImportKind.STUDENTS, path, options=ImportOptions(dry_run=True))
    assert [problem.as_json() for problem in report.errors] == []
    details = report.as_json()["details"]
    assert isinstance(details, dict)
    updated = {change["student"] for change in details["updated"]}
    assert updated.isdisjoint(planted)  # only the whitespace-led values are trimmed
    assert len(planted) == 8


def test_a_oneroster_export_imported_again_changes_nothing(school: tuple[str, Path, set[str]]):
    database, folder, planted = school
    target = folder / "terug-set.zip"
    exported = koppel("oneroster", "export", str(target), "--zip", database=database)
    assert exported.code == 0, exported.stderr  # the command, as a user runs it
    run = koppel("oneroster", "import", str(target), "--dry-run", "--json", database=database)
    assert run.code == 0, run.stderr
    report = run.json()
    updated = {change["student"] for change in report["details"]["updated"]}
    assert updated.isdisjoint(planted)
    assert report["staff"]["updated"] == 0
    assert report["groups"] == {"new": 0, "deleted": 0}


@given(st.text(max_size=12))
def test_reading_takes_off_exactly_the_guard_that_writing_put_on(value: str):
    if value.startswith("'") and value[1:].startswith(FORMULA_STARTS):
        return  # text that looks guarded already is read as guarded (see restore)
    written = neutralise(value)
    assert not written.startswith(FORMULA_STARTS)
    assert restore(written) == value
