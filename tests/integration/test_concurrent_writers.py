"""Two writers at once never lose an update nor record a false "before" (issue 18,
finding 1), on SQLite and PostgreSQL, with the real ``koppel`` command.

Two student imports of the same 4,000 students start together: one sets every city to
"Adorp", the other to "Bdorp". Each holds the school's write lock from its first read
on, so one runs after the other: the first records the original cities as "before", the
second records the first one's cities, and undoing them one by one gives back exactly
what each overwrote. (Without the lock both read the original cities, both record them
as "before", and undoing the second restores the originals: the first's change is lost.)
"""

from __future__ import annotations

import csv
from pathlib import Path
from typing import Any

from openpyxl import load_workbook
from sqlalchemy import select

from koppel.store import tables as t
from koppel.store.database import connect
from tests.cli.runner import finished, koppel, started

STUDENTS = 4000


def cities(database: str) -> dict[str, str]:
    engine = connect(database)
    try:
        with engine.connect() as connection:
            s = t.students
            rows = connection.execute(select(s.c.student_number, s.c.city))
            return {str(number): str(city) for number, city in rows}
    finally:
        engine.dispose()


def files_setting_every_city(database: str, directory: Path) -> dict[str, Path]:
    """Two students files as an SIS writes them (semicolons, dd-mm-yyyy), alike but for
    the city: ``Adorp`` in one, ``Bdorp`` in the other."""
    exported = directory / "leerlingen.xlsx"
    assert koppel("export", "students", str(exported), database=database).code == 0
    rows = list(load_workbook(exported, read_only=True).active.iter_rows(values_only=True))
    header = [str(cell) for cell in rows[0]]
    city, born = header.index("Woonplaats"), header.index("Geboortedatum")
    files = {}
    for tag in ("A", "B"):
        path = directory / f"leerlingen-{tag}.csv"
        with path.open("w", newline="", encoding="utf-8") as out:
            writer = csv.writer(out, delimiter=";")
            writer.writerow(header)
            for row in rows[1:]:
                cells: list[Any] = ["" if cell is None else cell for cell in row]
                cells[city] = f"{tag}dorp"
                cells[born] = row[born].strftime("%d-%m-%Y") if row[born] else ""  # type: ignore[union-attr]
                writer.writerow(cells)
        files[tag] = path
    return files


def befores(report: dict[str, Any]) -> dict[str, str]:
    return {
        line["student"]: line["fields"]["city"]["before"] for line in report["details"]["updated"]
    }


def test_two_imports_at_once_are_serialised_and_each_undo_gives_back_what_it_overwrote(
    database_url: str, tmp_path: Path
):
    built = koppel("demo", "--students", str(STUDENTS), "--seed", "3", database=database_url)
    assert built.code == 0, built.stderr
    files = files_setting_every_city(database_url, tmp_path)
    original = cities(database_url)

    runs = {
        tag: started("import", "students", str(path), "--json", database=database_url)
        for tag, path in files.items()
    }
    done = {tag: finished(process) for tag, process in runs.items()}
    for tag, run in done.items():
        assert run.code == 0, (tag, run.stderr)
        assert run.json()["written"] is True
    reports = {tag: run.json() for tag, run in done.items()}

    # the one that went first overwrote the original cities, the other one the first's
    first = "A" if befores(reports["A"]) == {n: original[n] for n in befores(reports["A"])} else "B"
    second = "B" if first == "A" else "A"
    assert befores(reports[first]) == {n: original[n] for n in befores(reports[first])}
    assert set(befores(reports[second]).values()) == {f"{first}dorp"}, "a lost update"
    assert len(befores(reports[second])) >= STUDENTS * 0.9
    # the waiting one said so on stderr; its report is the same as if it ran alone
    assert "wacht" in done[second].stderr
    assert set(cities(database_url).values()) >= {f"{second}dorp"}
    everyone = set(befores(reports[second]))
    assert {cities(database_url)[n] for n in everyone} == {f"{second}dorp"}

    undo_second = koppel("undo", reports[second]["changeset"], "--json", database=database_url)
    assert undo_second.code == 0, undo_second.stderr
    assert {cities(database_url)[n] for n in everyone} == {f"{first}dorp"}

    undo_first = koppel("undo", reports[first]["changeset"], "--json", database=database_url)
    assert undo_first.code == 0, undo_first.stderr
    assert cities(database_url) == original
