"""``koppel oneroster import`` with deltas as SIS vendors write them, through the real
command on SQLite and PostgreSQL: deletions that give only their ``sourcedId``, deltas
without sessions that reach classes of another school year than the current one, and
sessions whose ``schoolYear`` decides the year (an April-March calendar)."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from sqlalchemy import Engine

from koppel.domain.school import SchoolYear
from koppel.store.database import connect
from koppel.store.unit_of_work import SqlAlchemyUnitOfWork
from tests.cli.runner import Run, koppel
from tests.integration.sis_sets import (
    SisFiles,
    april_march_set,
    id_only_delta,
    next_year_set,
    school_set,
    student_number,
)
from tests.integration.snapshot import snapshot

CURRENT, NEXT = SchoolYear("2026-2027"), SchoolYear("2027-2028")


@pytest.fixture
def engine(database_url: str) -> Iterator[Engine]:
    """A portal made by ``koppel init`` (no school year yet)."""
    assert koppel("init", database=database_url).code == 0
    engine = connect(database_url)
    yield engine
    engine.dispose()


def _run(folder: Path, database: str, *options: str) -> Run:
    return koppel(
        "oneroster", "import", str(folder), "--json", *options, database=database, lang="en"
    )


def _problems(run: Run, kind: str = "warnings") -> list[tuple[str, int, str, str]]:
    """(file, row, column, message) of each problem, the password column's note left out."""
    return [
        (p["file"], p["row"], p["column"], p["message"])
        for p in run.json()[kind]
        if p["column"] != "password"
    ]


def _stats(database: str) -> dict[str, object]:
    data: dict[str, object] = koppel("stats", "--json", database=database).json()
    return data


def _members(engine: Engine, year: SchoolYear, group: str) -> set[str]:
    with SqlAlchemyUnitOfWork(engine) as uow:
        return set(uow.groups.members(year, group))


def _links(engine: Engine, year: SchoolYear) -> set[str]:
    with SqlAlchemyUnitOfWork(engine) as uow:
        return {link.key for link in uow.groups.staff_links(year)}


def _full_rows(bulk: SisFiles, ids: dict[str, list[str]]) -> SisFiles:
    """The same deletions with every field filled in, as the bulk set gave them."""
    files = SisFiles()
    for entity, listed in ids.items():
        name = f"{entity}.csv"
        files.modes[name] = "delta"
        files.rows[name] = [
            {**row, "status": "tobedeleted", "dateLastModified": "2026-11-02T03:00:00Z"}
            for row in bulk.rows[name]
            if row["sourcedId"] in listed
        ]
    return files


DELETIONS = {
    "users": ["s-0", "s-1", "t-1"],
    "classes": ["wi-1"],
    "enrollments": ["e-home-2-s-3", "e-wi-2-t"],
}


def test_a_delta_with_id_only_deletions_marks_those_students_left(
    engine: Engine, database_url: str, tmp_path: Path
):
    bulk = school_set(30)
    assert _run(bulk.write(tmp_path / "bulk"), database_url).code == 0
    assert _stats(database_url)["students"] == {"active": 30, "left": 0}
    assert student_number(3) in _members(engine, CURRENT, "4V2")
    assert "DOC2|4V.wi2|teacher" in _links(engine, CURRENT)
    folder = id_only_delta(**DELETIONS).write(tmp_path / "delta")

    preview = _run(folder, database_url, "--dry-run")
    assert preview.code == 3, preview.stdout  # refused: one of the two teachers leaves
    assert preview.json()["marked_left"] == 3

    assert "1 of the 2 active staff members" in preview.json()["refused"]
    applied = _run(folder, database_url, "--force")
    assert applied.code == 0, applied.stderr
    data = applied.json()
    assert data["written"] is True
    assert data["errors"] == []
    assert _problems(applied) == []
    assert sorted(u["student"] for u in data["details"]["updated"]) == ["100000", "100001"]
    assert data["details"]["staff_updated"][0]["fields"] == {
        "status": {"before": "active", "after": "left"}
    }
    assert data["details"]["groups_deleted"] == ["4V.wi1"]
    assert _stats(database_url)["students"] == {"active": 28, "left": 2}
    with SqlAlchemyUnitOfWork(engine) as uow:
        assert uow.staff.states()["DOC1"]["status"] == "left"
        assert {g.name for g in uow.groups.list(CURRENT)} == {"4V1", "4V2", "4V.wi2"}
    assert student_number(3) not in _members(engine, CURRENT, "4V2")
    assert student_number(5) in _members(engine, CURRENT, "4V2")
    assert "DOC2|4V.wi2|teacher" not in _links(engine, CURRENT)
    assert "DOC2|4V2|teacher" in _links(engine, CURRENT)
    assert _run(folder, database_url, "--force").json()["written"] is False


def test_id_only_deletions_do_what_the_same_rows_filled_in_do(
    engine: Engine, database_url: str, tmp_path: Path
):
    bulk = school_set(30)
    assert _run(bulk.write(tmp_path / "bulk"), database_url).code == 0
    full = _run(_full_rows(bulk, DELETIONS).write(tmp_path / "full"), database_url, "--force")
    assert full.code == 0, full.stdout
    assert full.json()["written"]
    by_full_rows = snapshot(engine)
    assert koppel("undo", str(full.json()["changeset"]), database=database_url).code == 0
    assert snapshot(engine) != by_full_rows

    id_only = _run(id_only_delta(**DELETIONS).write(tmp_path / "ids"), database_url, "--force")
    assert id_only.code == 0, id_only.stdout
    assert id_only.json()["written"]
    assert snapshot(engine) == by_full_rows


def test_id_only_deletions_of_ids_koppel_does_not_know_are_warnings_not_a_stop(
    database_url: str, tmp_path: Path, engine: Engine
):
    assert _run(school_set(12).write(tmp_path / "bulk"), database_url).code == 0
    delta = id_only_delta(
        users=["g-0", "nobody", "s-2"], classes=["no-class"], enrollments=["no-enrollment"]
    )
    run = _run(delta.write(tmp_path / "delta"), database_url)
    assert run.code == 0, run.stderr
    unknown_user = "is to be deleted, but koppel does not know it (never imported"
    found = _problems(run)
    assert [(file, row, column) for file, row, column, _ in found] == [
        ("users.csv", 2, "sourcedId"),
        ("users.csv", 3, "sourcedId"),
        ("classes.csv", 2, "sourcedId"),
        ("enrollments.csv", 2, "sourcedId"),
    ]
    assert unknown_user in found[0][3]
    assert "'nobody'" in found[1][3]
    assert "class 'no-class' is to be deleted" in found[2][3]
    assert "enrollment 'no-enrollment' is to be deleted" in found[3][3]
    assert run.json()["written"] is True
    assert _stats(database_url)["students"] == {"active": 11, "left": 1}


def test_a_delta_without_sessions_reaches_a_class_of_the_prepared_year(
    engine: Engine, database_url: str, tmp_path: Path
):
    assert _run(school_set(8).write(tmp_path / "now"), database_url).code == 0
    prepared = _run(next_year_set(8).write(tmp_path / "next"), database_url)
    assert prepared.code == 0, prepared.stdout
    assert prepared.json()["school_year"] == NEXT.name
    assert student_number(0) in _members(engine, NEXT, "4V1")
    delta = SisFiles(
        rows={
            "enrollments.csv": [
                {"sourcedId": "n-e-home-1-s-0", "status": "tobedeleted",
                 "dateLastModified": "2027-06-20T02:00:00Z"},
                {"sourcedId": "n-e-home-2-s-0", "status": "active",
                 "dateLastModified": "2027-06-20T02:00:00Z", "classSourcedId": "n-home-2",
                 "schoolSourcedId": "org-1", "userSourcedId": "s-0", "role": "student"},
            ]
        },
        modes={"enrollments.csv": "delta"},
    )  # fmt: skip

    run = _run(delta.write(tmp_path / "delta"), database_url)
    assert run.code == 0, run.stdout
    assert run.json()["school_year"] == NEXT.name
    assert run.json()["errors"] == []
    assert student_number(0) not in _members(engine, NEXT, "4V1")
    assert student_number(0) in _members(engine, NEXT, "4V2")
    assert student_number(0) in _members(engine, CURRENT, "4V1")  # the current year untouched

    current = _run(id_only_delta(classes=["wi-1"]).write(tmp_path / "old"), database_url)
    assert current.json()["school_year"] == CURRENT.name
    assert current.json()["details"]["groups_deleted"] == ["4V.wi1"]
    with SqlAlchemyUnitOfWork(engine) as uow:
        assert "4V.wi1" in {g.name for g in uow.groups.list(NEXT)}


def test_a_delta_naming_classes_of_two_years_is_refused_with_row_and_column(
    engine: Engine, database_url: str, tmp_path: Path
):
    assert _run(school_set(4).write(tmp_path / "now"), database_url).code == 0
    assert _run(next_year_set(4).write(tmp_path / "next"), database_url).code == 0
    start = snapshot(engine)
    rows = [
        {"sourcedId": f"x-{c}", "status": "active", "dateLastModified": "2027-06-20T02:00:00Z",
         "classSourcedId": c, "schoolSourcedId": "org-1", "userSourcedId": "s-1",
         "role": "student"}
        for c in ("n-wi-1", "n-wi-2", "home-1")
    ]  # fmt: skip
    delta = SisFiles(rows={"enrollments.csv": rows}, modes={"enrollments.csv": "delta"})
    run = _run(delta.write(tmp_path / "delta"), database_url)
    assert run.code == 2
    ((file, row, column, message),) = _problems(run, "errors")
    assert (file, row, column) == ("enrollments.csv", 4, "classSourcedId")
    assert "class 'home-1' was imported in school year 2026-2027" in message
    assert snapshot(engine) == start


def test_an_april_to_march_set_takes_its_school_year_from_school_year(
    engine: Engine, database_url: str, tmp_path: Path
):
    run = _run(april_march_set(8).write(tmp_path / "set"), database_url)
    assert run.code == 0, run.stdout
    assert run.json()["school_year"] == CURRENT.name
    assert _stats(database_url)["students"] == {"active": 8, "left": 0}
    with SqlAlchemyUnitOfWork(engine) as uow:
        assert uow.school.current_school_year() == CURRENT
        assert {g.name for g in uow.groups.list(CURRENT)} == {"4V1", "4V2", "4V.wi1", "4V.wi2"}


def test_without_school_year_the_dates_decide_and_a_wrong_one_is_named(
    engine: Engine, database_url: str, tmp_path: Path
):
    blank = _run(april_march_set(4, school_year="").write(tmp_path / "blank"), database_url)
    assert blank.code == 2  # the dates put the terms in two August-July years
    assert {message.split(" falls in")[1][:23] for *_, message in _problems(blank, "errors")} == {
        " school year 2025-2026,"
    }
    wrong = _run(april_march_set(4, school_year="27/28").write(tmp_path / "wrong"), database_url)
    assert wrong.code == 2
    first = _problems(wrong, "errors")[0]
    assert first[:3] == ("academicSessions.csv", 2, "schoolYear")
    assert first[3].startswith("'27/28' is no school year: write the year")
    spelled = _run(
        april_march_set(4, school_year="2026-2027").write(tmp_path / "spelled"), database_url
    )
    assert spelled.code == 0, spelled.stdout
    assert spelled.json()["school_year"] == CURRENT.name
    assert _stats(database_url)["students"] == {"active": 4, "left": 0}
