"""Issues 7 and 17 acceptance: the school year's whole life on the demo school, on
SQLite and PostgreSQL, through the real command line.

Next year is prepared beside the current one and promoted from the prognoses; the files
are next year's SIS export as ``koppel demo next-year`` derives it from the demo school
(promotions by prognosis, exam years and a few others gone, new first-years, staff who
left and joined). The five steps fill the prepared year, each one change set; then the
school switches to it. Afterwards the new year holds exactly what the files say, the old
year's participations, home classes, groups, memberships and teacher links are exactly
as before (row by row), no student was deleted and every group has its teachers and
mentors; undoing everything newest first restores each state before it exactly. A
students file cut in half is refused in step 3.
"""

from __future__ import annotations

import csv
from collections import Counter
from collections.abc import Iterator
from dataclasses import dataclass
from datetime import date
from pathlib import Path
from typing import Any

import pytest
from sqlalchemy import Engine, func, select

from koppel.domain.school import SchoolYear
from koppel.domain.school_years import participation_text
from koppel.domain.staff import StaffStatus
from koppel.domain.students import StudentStatus
from koppel.files.columns import ImportKind
from koppel.services.demo.build import build_demo_school
from koppel.services.demo.next_year import write_next_year_files
from koppel.services.imports.options import ImportOptions
from koppel.services.imports.run import run_import
from koppel.services.school_years.prepare import PrepareRequest, prepare_year
from koppel.services.stats import collect_stats
from koppel.services.transition.groups_delete import GroupsDeleteRequest, delete_groups
from koppel.services.transition.staff_departure import remove_departed_staff
from koppel.services.transition.status import transition_status
from koppel.store import tables as t
from koppel.store.database import connect
from koppel.store.migrate import upgrade
from koppel.store.unit_of_work import SqlAlchemyUnitOfWork
from tests.cli.runner import Run, koppel
from tests.integration.snapshot import snapshot

NEXT_YEAR = "2027-2028"
"""The year the demo school prepares and fills (its current year is 2026-2027)."""
DEMO_STUDENTS = 1_000
SEED = 4
PREVIEWS = "transition_previews"
"""Where a dry run notes that a step was previewed: no school data."""


@dataclass
class School:
    engine: Engine
    url: str

    def run(self, *args: str) -> Run:
        return koppel(*args, "--json", database=self.url)

    def changesets(self) -> int:
        with self.engine.connect() as connection:
            return connection.scalar(select(func.count()).select_from(t.changesets)) or 0

    def step(self, *args: str) -> dict[str, Any]:
        """Run one step of the transition: it must apply as exactly one change set."""
        before = self.changesets()
        done = self.run(*args)
        assert done.code == 0, done.stderr
        found: dict[str, Any] = done.json()
        assert found["written"] is True, found
        assert found["changeset"], found
        assert self.changesets() == before + 1
        return found

    def step_again(self, *args: str) -> dict[str, Any]:
        """Run a step that was applied already: nothing may be written."""
        before = self.changesets()
        done = self.run(*args)
        assert done.code == 0, done.stderr
        assert self.changesets() == before
        found: dict[str, Any] = done.json()
        return found

    def uow(self) -> SqlAlchemyUnitOfWork:
        return SqlAlchemyUnitOfWork(self.engine)

    def stats(self) -> dict[str, Any]:
        """What ``koppel stats --json`` prints (asked in-process: it is asked often)."""
        return collect_stats(self.uow()).as_json()

    def states(self) -> list[str]:
        """Each step's state, as ``koppel transition status --json`` shows it."""
        return [step.state.value for step in transition_status(self.uow(), NEXT_YEAR).steps]

    def students(self) -> dict[str, str]:
        """Student number -> status, every student in the database."""
        s = t.students
        with self.engine.connect() as connection:
            return dict(connection.execute(select(s.c.student_number, s.c.status)).all())

    def placements(self) -> dict[str, tuple[str, str]]:
        """Student number -> (this year's department, home class), for active students."""
        with self.uow() as uow:
            states = uow.student_states.states(uow.school.current_school_year())
        return {
            number: (str(state["department"]), str(state["home_class"]))
            for number, state in states.items()
            if state["status"] == StudentStatus.ACTIVE.value
        }

    def active_staff(self) -> set[str]:
        m = t.staff_members
        with self.engine.connect() as connection:
            rows = connection.execute(
                select(m.c.staff_code).where(m.c.status == StaffStatus.ACTIVE.value)
            )
            return set(rows.scalars())

    def roles_per_group(self) -> dict[str, set[str]]:
        """Group name -> the roles linked to it, for the groups of next year."""
        g, link, y = t.groups, t.staff_links, t.school_years
        of_year = (
            g.c.school_year_id == select(y.c.id).where(y.c.name == NEXT_YEAR).scalar_subquery()
        )
        with self.engine.connect() as connection:
            found: dict[str, set[str]] = {
                name: set() for name in connection.scalars(select(g.c.name).where(of_year))
            }
            for name, role in connection.execute(
                select(g.c.name, link.c.role).join(link, link.c.group_id == g.c.id).where(of_year)
            ):
                found[name].add(role)
        return found


def year_rows(engine: Engine, year: str) -> dict[str, list[tuple[object, ...]]]:
    """What one school year holds, by natural keys: participations, groups (home classes
    among them), memberships and teacher links."""
    y, s, d = t.school_years, t.students, t.departments
    g, m, p, link, st = (
        t.groups,
        t.group_memberships,
        t.department_participations,
        t.staff_links,
        t.staff_members,
    )
    with engine.connect() as connection:
        year_id = connection.scalar(select(y.c.id).where(y.c.name == year))
        queries = {
            "participations": select(s.c.student_number, d.c.code, p.c.percentage)
            .join(s, s.c.id == p.c.student_id)
            .join(d, d.c.id == p.c.department_id)
            .where(p.c.school_year_id == year_id),
            "groups": select(g.c.name, g.c.kind, d.c.code, g.c.folder)
            .outerjoin(d, d.c.id == g.c.department_id)
            .where(g.c.school_year_id == year_id),
            "memberships": select(g.c.name, s.c.student_number)
            .join(m, m.c.group_id == g.c.id)
            .join(s, s.c.id == m.c.student_id)
            .where(g.c.school_year_id == year_id),
            "teacher_links": select(g.c.name, st.c.staff_code, link.c.role)
            .join(link, link.c.group_id == g.c.id)
            .join(st, st.c.id == link.c.staff_id)
            .where(g.c.school_year_id == year_id),
        }
        return {
            name: sorted(tuple(row) for row in connection.execute(query))
            for name, query in queries.items()
        }


@pytest.fixture
def school(database_url: str) -> Iterator[School]:
    engine = connect(database_url)
    upgrade(engine)
    build_demo_school(
        SqlAlchemyUnitOfWork(engine), students=DEMO_STUDENTS, seed=SEED, today=date(2026, 11, 23)
    )
    yield School(engine, database_url)
    engine.dispose()


def _rows(path: Path) -> list[dict[str, str]]:
    with path.open(encoding="utf-8-sig", newline="") as handle:
        return list(csv.DictReader(handle, delimiter=";"))


def _without_previews(found: dict[str, list[tuple[object, ...]]]) -> dict[str, Any]:
    return {name: rows for name, rows in found.items() if name != PREVIEWS}


def test_a_year_prepared_promoted_filled_by_the_five_steps_switched_and_undone(
    school: School, tmp_path: Path
) -> None:
    current, following = "2026-2027", "2027-2028"
    old_year = year_rows(school.engine, current)
    assert old_year["groups"]
    assert old_year["teacher_links"]
    states: list[dict[str, Any]] = [snapshot(school.engine)]  # before each change set
    stats_start = school.stats()

    # Prepare next year beside the current one, then promote from the prognoses.
    refused = koppel("groups", "delete", "--all", database=school.url)
    assert refused.code == 2  # a transition step needs a prepared year
    assert "koppel year prepare" in refused.stderr
    prepared = school.step("year", "prepare")
    assert prepared["school_year"] == following
    assert school.stats()["school_years"] == {"current": current, "prepared": following}
    states.append(snapshot(school.engine))
    promoted = school.step("year", "promote")
    assert promoted["school_year"] == following
    with school.uow() as uow:
        prognoses = {p.student_number: p for p in uow.planning.prognoses(SchoolYear(following))}
        next_states = uow.student_states.states(SchoolYear(following))
    assert promoted["participations"] == len(prognoses) > 0
    for number, prognosis in prognoses.items():
        assert next_states[number]["department"] == participation_text(prognosis.shares)
    assert promoted["leaving"] > 0  # exam years have no prognosis
    assert school.step_again("year", "promote")["written"] is False
    states.append(snapshot(school.engine))

    made = school.run("demo", "next-year", str(tmp_path / "sis"), "--seed", str(SEED))
    assert made.code == 0, made.stderr
    report = made.json()
    students_file = Path(report["files"]["students"])
    staff_file = Path(report["files"]["staff"])
    links_file = Path(report["files"]["teacher_groups"])
    students = {row["Leerlingnummer"]: row for row in _rows(students_file)}
    staff = {row["Docentcode"] for row in _rows(staff_file)}
    links = _rows(links_file)

    before_students = school.students()
    active_before = {n for n, status in before_students.items() if status == "active"}
    left_before = len(before_students) - len(active_before)
    active_staff_before = school.active_staff()
    new_students = set(students) - set(before_students)
    absent = active_before - set(students)
    joined = staff - active_staff_before
    departed = active_staff_before - staff
    in_a_class = {n for n, row in students.items() if row["Stamklas"]}
    groups = {row["Stamklas"] for row in students.values() if row["Stamklas"]}
    assert len(students) == report["students"]["rows"]
    assert len(new_students) == report["students"]["new"] > 0
    assert len(absent) == report["students"]["absent"]
    assert report["students"]["graduated"] > 0
    assert report["students"]["left"] > 0
    assert not set(students) - active_before - new_students  # nobody who left comes back
    assert len(staff) == report["staff"]["rows"]
    assert len(joined) == report["staff"]["joined"] > 0
    assert len(departed) == report["staff"]["departed"] > 0
    assert len(groups) == report["groups"]
    assert len(links) == report["links"]
    assert {row["Groep"] for row in links} == groups
    assert {row["Docentcode"] for row in links} <= staff
    stats_before = school.stats()
    start = snapshot(school.engine)
    assert start == states[-1]

    # Step 1: the students file is checked (nothing written), the staff file imported.
    checked = school.run("import", "students", str(students_file), "--dry-run")
    assert checked.code == 0, checked.stderr
    check = checked.json()
    assert check["errors"] == []
    assert check["warnings"] == []
    assert check["written"] is False
    assert check["students"]["new"] == len(new_students)
    assert check["students"]["absent"] == len(absent)
    changed = Counter(f for u in check["details"]["updated"] for f in u["fields"])
    assert set(changed) <= {"department", "home_class"}  # names, addresses: the same
    assert snapshot(school.engine) == start
    assert school.states()[2] == "previewed"  # step 3: the dry run was noted
    step1 = school.step("import", "staff", str(staff_file))
    assert step1["staff"]["new"] == len(joined)
    assert step1["staff"]["updated"] == 0
    states.append(snapshot(school.engine))

    # Step 2: the old year's groups stay as history; step 3: participants into next year;
    # 4: teachers; 5: staff who left. Each says the year it fills.
    step2 = school.step("groups", "delete", "--all")
    assert step2["groups"]["deleted"] == 0
    assert step2["kept_as_history"] == stats_before["groups"]
    states.append(snapshot(school.engine))
    step3 = school.step("import", "students", str(students_file), "--mark-absent-left")
    assert step3["students"]["new"] == len(new_students)
    assert step3["marked_left"] == len(absent)
    assert step3["groups"]["new"] == len(groups)
    differs = step3["details"]["prognosis_differs"]
    listed = {row["student"]: row for rows in differs.values() for row in rows}
    for number, row in students.items():
        prognosis = prognoses.get(number)
        expected = participation_text(prognosis.shares) if prognosis else ""
        assert (number in listed) == (expected != row["Afdeling"]), number
    assert all(row["sis"].split()[0] == code for code, rows in differs.items() for row in rows)
    new_year = year_rows(school.engine, following)
    assert {number for number, _, _ in new_year["participations"]} == set(students)
    assert sorted((number, code) for number, code, _ in new_year["participations"]) == sorted(
        (number, row["Afdeling"]) for number, row in students.items()
    )  # the file's departments; promoted students who left have no place next year
    states.append(snapshot(school.engine))
    step4 = school.step("import", "teacher-groups", str(links_file))
    assert step4["links"]["new"] == len(links)
    states.append(snapshot(school.engine))
    step5 = school.step("staff", "remove-departed", "--staff-file", str(staff_file))
    assert set(step5["departed"]) == departed
    states.append(snapshot(school.engine))
    applied = [step1, step2, step3, step4, step5]
    for step in applied:
        assert step["school_year"] == following
    assert year_rows(school.engine, current) == old_year  # filled beside, not over it

    # An applied step run again changes nothing.
    before_again = school.changesets()
    again = school.run("import", "students", str(students_file), "--mark-absent-left")
    assert again.code == 0, again.stderr
    assert again.json()["written"] is False
    assert again.json()["changeset"] is None
    for kind, path in ((ImportKind.STAFF, staff_file), (ImportKind.TEACHER_GROUPS, links_file)):
        assert not run_import(school.uow(), kind, path, options=ImportOptions()).written
    assert not remove_departed_staff(school.uow(), staff_file).written
    assert school.step_again("groups", "delete", "--all")["written"] is False
    assert school.changesets() == before_again

    # The first school day: next year becomes the current one.
    switched = school.step("year", "switch", following)
    assert switched["previous"] == current
    assert switched["steps_not_applied"] == []
    applied.append(switched)

    counted = school.run("stats")
    assert counted.code == 0, counted.stderr
    stats = counted.json()
    assert stats["students"] == {"active": len(students), "left": left_before + len(absent)}
    assert stats["staff"] == stats_before["staff"] + len(joined)
    assert stats["groups"] == len(groups)
    assert stats["memberships"] == len(in_a_class)
    assert stats["teacher_links"] == len(links)
    assert stats["accounts"] == stats_before["accounts"] + len(joined)
    after = school.students()
    assert set(before_students) <= set(after)  # no student was deleted
    assert set(after) == set(before_students) | new_students
    assert {n for n, status in after.items() if status == "left"} >= absent
    assert school.placements() == {
        number: (row["Afdeling"], row["Stamklas"]) for number, row in students.items()
    }
    assert school.active_staff() == staff
    roles = school.roles_per_group()
    assert set(roles) == groups
    assert all(found == {"teacher", "mentor"} for found in roles.values()), roles
    assert stats["school_years"] == {"current": following, "prepared": None}
    assert year_rows(school.engine, current) == old_year  # the old year stays as it was
    shown = school.run("transition", "status")
    assert shown.code == 0, shown.stderr
    status = shown.json()
    assert status["school_year"] == following
    assert [s["state"] for s in status["steps"]] == ["applied"] * 5
    assert [s["changeset"] for s in status["steps"]] == [s["changeset"] for s in applied[:5]]
    assert status["next_step"] is None
    life = school.run("year", "status").json()
    assert [step["done"] for step in life["lifecycle"]] == [True, True, True]

    # Only the newest change set can be undone: step 2 waits for the ones after it. Each
    # undo, newest first, gives back exactly the state before that change set.
    early = koppel("undo", step2["changeset"], database=school.url)
    assert early.code == 3
    assert switched["changeset"] in early.stderr
    for done, before in zip(
        reversed([prepared, promoted, *applied]), reversed(states), strict=True
    ):
        undone = school.run("undo", done["changeset"])
        assert undone.code == 0, undone.stderr
        assert undone.json()["written"] is True
        assert snapshot(school.engine) == before, done
    assert school.stats() == stats_start
    assert school.states() == ["undone"] * 5


def test_a_students_file_cut_in_half_is_refused_in_step_3(school: School, tmp_path: Path) -> None:
    files = write_next_year_files(SqlAlchemyUnitOfWork(school.engine), tmp_path, seed=SEED)
    lines = files.students_file.read_text(encoding="utf-8-sig").splitlines(keepends=True)
    kept = (len(lines) - 1) // 2
    half = tmp_path / "half.csv"
    half.write_text("".join(lines[: 1 + kept]), encoding="utf-8-sig")
    assert prepare_year(SqlAlchemyUnitOfWork(school.engine), PrepareRequest()).written
    deleted = delete_groups(
        SqlAlchemyUnitOfWork(school.engine), GroupsDeleteRequest(all_groups=True)
    )
    assert deleted.written  # step 2 stands: the file should hold every participant
    before = _without_previews(snapshot(school.engine, bookkeeping=True))

    for choice in ((), ("--mark-absent-left",)):
        refused = koppel(
            "import", "students", str(half), *choice, "--json", database=school.url, lang="en"
        )
        assert refused.code == 3, refused.stdout + refused.stderr
        shown = refused.json()
        assert shown["written"] is False
        assert shown["changeset"] is None
        assert "--force" in shown["refused"]
        assert _without_previews(snapshot(school.engine, bookkeeping=True)) == before

    forced = school.step("import", "students", str(half), "--mark-absent-left", "--force")
    assert forced["rows"] == kept
