"""Year transition, step 2: ``koppel groups delete`` on a demo school (SQLite and PostgreSQL),
given the current year explicitly (as before the school year had a life; the lifecycle's
step 2 on a prepared year is in test_transition_end_to_end.py). Without a prepared year
and without ``--school-year`` it refuses.

Groups go with their memberships and teacher links, students never; each student's
home class is kept as the previous home class; prognoses and package choices stay; the
change set undoes exactly; a second run and a preview write nothing; bad input exits 2.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass
from datetime import date

import pytest
from sqlalchemy import Engine, Table, func, select

from koppel.domain.errors import InvalidValue
from koppel.services.audit.undo import undo_changeset
from koppel.services.demo.build import build_demo_school
from koppel.services.transition.groups_delete import GroupsDeleteRequest, delete_groups
from koppel.store import tables as t
from koppel.store.database import connect
from koppel.store.migrate import upgrade
from koppel.store.unit_of_work import SqlAlchemyUnitOfWork
from tests.cli.runner import koppel
from tests.integration.snapshot import snapshot

KEPT = ("students", "prognoses", "prognosis_shares", "package_choices", "package_subjects")
"""Tables that deleting groups leaves alone (students apart from previous_home_class)."""


@dataclass
class Demo:
    engine: Engine
    url: str
    year: str

    @property
    def this_year(self) -> tuple[str, str]:
        """The current year named: with no year prepared, step 2 asks for it explicitly."""
        return ("--school-year", self.year)

    def count(self, table: Table, *, year_only: bool = False) -> int:
        query = select(func.count()).select_from(table)
        if year_only:
            query = query.join(t.school_years).where(t.school_years.c.name == self.year)
        with self.engine.connect() as connection:
            return connection.scalar(query) or 0

    def home_classes(self) -> dict[str, str]:
        """student number -> home class of the year (the first by name when several)."""
        g, m, s, y = t.groups, t.group_memberships, t.students, t.school_years
        query = (
            select(s.c.student_number, g.c.name)
            .join(m, m.c.student_id == s.c.id)
            .join(g, g.c.id == m.c.group_id)
            .join(y, y.c.id == g.c.school_year_id)
            .where(g.c.kind == "home_class", y.c.name == self.year)
            .order_by(g.c.name)
        )
        found: dict[str, str] = {}
        with self.engine.connect() as connection:
            for number, name in connection.execute(query):
                found.setdefault(number, name)
        return found

    def previous_home_classes(self) -> dict[str, str]:
        s = t.students
        with self.engine.connect() as connection:
            rows = connection.execute(select(s.c.student_number, s.c.previous_home_class))
            return {number: value for number, value in rows}


@pytest.fixture
def demo(database_url: str) -> Iterator[Demo]:
    engine = connect(database_url)
    upgrade(engine)
    built = build_demo_school(
        SqlAlchemyUnitOfWork(engine), students=150, seed=7, today=date(2026, 11, 23)
    )
    yield Demo(engine, database_url, built.school_year)
    engine.dispose()


def _kept(engine: Engine) -> dict[str, list[tuple[object, ...]]]:
    whole = snapshot(engine)
    data = {name: whole[name] for name in KEPT}
    columns = [c.name for c in t.students.columns if c.name not in ("version",)]
    index = columns.index("previous_home_class")
    data["students"] = sorted(
        (row[:index] + row[index + 1 :] for row in data["students"]), key=repr
    )
    return data


def test_all_deletes_every_group_keeps_students_and_undoes_exactly(demo: Demo) -> None:
    before = snapshot(demo.engine)
    kept = _kept(demo.engine)
    groups = demo.count(t.groups, year_only=True)
    other_years = demo.count(t.groups) - groups
    memberships = demo.count(t.group_memberships, year_only=True)
    homes = demo.home_classes()
    assert groups
    assert memberships
    assert homes

    run = koppel("groups", "delete", "--all", *demo.this_year, "--json", database=demo.url)
    assert run.code == 0, run.stderr
    report = run.json()
    assert report["written"] is True
    assert report["changeset"]
    assert report["groups"] == {"new": 0, "deleted": groups}
    assert report["memberships"] == memberships
    assert report["previous_home_classes"] == len(homes)
    assert report["errors"] == []
    assert report["warnings"] == []

    assert demo.count(t.groups, year_only=True) == 0
    assert demo.count(t.groups) == other_years
    assert demo.count(t.group_memberships, year_only=True) == 0
    assert _kept(demo.engine) == kept  # no student deleted; prognoses and packages stay
    previous = demo.previous_home_classes()
    assert all(previous[number] == name for number, name in homes.items())
    with demo.engine.connect() as connection:
        stamped = connection.scalar(
            select(func.count()).where(
                t.students.c.version > 0, t.students.c.student_number.in_(homes)
            )
        )
    assert stamped == len(homes)  # the connector sees these students changed

    after = snapshot(demo.engine, bookkeeping=True)
    again = koppel("groups", "delete", "--all", *demo.this_year, "--json", database=demo.url)
    assert again.code == 0, again.stderr
    assert again.json()["written"] is False
    assert again.json()["changeset"] is None
    assert snapshot(demo.engine, bookkeeping=True) == after

    undone = koppel("undo", report["changeset"], "--json", database=demo.url)
    assert undone.code == 0, undone.stderr
    assert snapshot(demo.engine) == before


def test_folder_deletes_only_that_folder(demo: Demo) -> None:
    with SqlAlchemyUnitOfWork(demo.engine) as uow:
        year = uow.school.current_school_year()
        folders = uow.group_deletion.folders(year)
        all_groups = uow.groups.list(year)
    assert {"Stamklassen", "Clustergroepen"} <= set(folders)
    before = snapshot(demo.engine)
    report = delete_groups(
        SqlAlchemyUnitOfWork(demo.engine),
        GroupsDeleteRequest(folder="Clustergroepen", school_year=demo.year),
    )
    assert report.written
    with SqlAlchemyUnitOfWork(demo.engine) as uow:
        left = uow.groups.list(year)
    assert {g.name for g in left} == {g.name for g in all_groups if g.folder != "Clustergroepen"}
    assert report.groups == len(all_groups) - len(left)
    assert report.previous_home_classes == 0  # cluster groups are no home classes
    assert demo.home_classes()  # home classes untouched

    again = delete_groups(
        SqlAlchemyUnitOfWork(demo.engine),
        GroupsDeleteRequest(folder="Clustergroepen", school_year=demo.year),
    )
    assert not again.written
    assert again.groups == 0
    assert report.changeset is not None
    undo_changeset(SqlAlchemyUnitOfWork(demo.engine), report.changeset)
    assert snapshot(demo.engine) == before


def test_dry_run_writes_nothing(demo: Demo) -> None:
    before = snapshot(demo.engine, bookkeeping=True)
    run = koppel(
        "groups", "delete", "--all", *demo.this_year, "--dry-run", "--json", database=demo.url
    )
    assert run.code == 0, run.stderr
    report = run.json()
    assert report["written"] is False
    assert report["changeset"] is None
    assert report["groups"]["deleted"] == demo.count(t.groups, year_only=True)
    assert report["teacher_links"] > 0
    assert len(report["examples"]) == 5
    assert snapshot(demo.engine, bookkeeping=True) == before


def test_bad_input_exits_2_and_writes_nothing(demo: Demo) -> None:
    before = snapshot(demo.engine, bookkeeping=True)
    neither = koppel("groups", "delete", database=demo.url)
    assert neither.code == 2
    assert "--all" in neither.stderr
    assert "--folder" in neither.stderr
    folder = koppel(
        "groups", "delete", "--folder", "Bestaat niet", *demo.this_year, database=demo.url
    )
    assert folder.code == 2
    assert "Stamklassen" in folder.stderr
    year = koppel(
        "groups", "delete", "--all", "--school-year", "2001-2002", database=demo.url, lang="en"
    )
    assert year.code == 2
    assert "2001-2002" in year.stderr
    assert "--school-year" in year.stderr
    unprepared = koppel("groups", "delete", "--all", database=demo.url, lang="en")
    assert unprepared.code == 2  # no year prepared: this year's groups are its history
    assert "koppel year prepare" in unprepared.stderr
    with pytest.raises(InvalidValue):
        delete_groups(
            SqlAlchemyUnitOfWork(demo.engine), GroupsDeleteRequest(all_groups=True, folder="X")
        )
    assert snapshot(demo.engine, bookkeeping=True) == before
