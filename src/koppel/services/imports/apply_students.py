"""Applying a students plan inside the caller's transaction, recording every change."""

from __future__ import annotations

from collections.abc import Mapping
from datetime import date

from koppel.domain.audit import JsonValue
from koppel.domain.groups import Group, GroupKind
from koppel.domain.imports.students import StudentImportPlan, StudentState, personal_of
from koppel.domain.school import SchoolYear
from koppel.domain.students import Student, StudentStatus
from koppel.services.audit.change_sets import ChangeRecorder
from koppel.store.unit_of_work import SqlAlchemyUnitOfWork

IMPORT_FOLDER = "Import"


def apply_student_plan(
    uow: SqlAlchemyUnitOfWork,
    year: SchoolYear,
    plan: StudentImportPlan,
    recorder: ChangeRecorder,
    *,
    placed_before: Mapping[str, StudentState] | None = None,
) -> None:
    """Write ``plan``: new groups, new students, updated fields, students marked as left.

    Filling a prepared year, ``placed_before`` holds that year's states: a student marked
    as left keeps the current year as history but loses the place promotion gave it in
    the year it will not be at school."""
    uow.groups.add_many(
        [
            Group(g.name, GroupKind.HOME_CLASS, year.name, g.department_code, folder=IMPORT_FOLDER)
            for g in plan.new_groups
        ]
    )
    for group in plan.new_groups:
        recorder.record(
            "group.add", "group", group.name, after={"department": group.department_code}
        )

    new_students = [
        Student(
            new.student_number,
            personal_of(new.state),
            birth_date=date.fromisoformat(str(new.state["birth_date"]))
            if new.state["birth_date"]
            else None,
            lwoo=bool(new.state["lwoo"]),
        )
        for new in plan.new
    ]
    uow.students.add_many(new_students)
    uow.student_states.place_new(
        year,
        {
            new.student_number: {
                "department": new.state["department"],
                "home_class": new.state["home_class"],
            }
            for new in plan.new
            if new.state["department"] or new.state["home_class"]
        },
    )
    for new in plan.new:
        recorder.record("student.add", "student", new.student_number, after=new.state)

    updates: dict[str, dict[str, JsonValue]] = {
        u.student_number: {name: change.after for name, change in u.changes.items()}
        for u in plan.updated
    }
    unplaced: dict[str, dict[str, JsonValue]] = {}
    for number in plan.to_mark_left:
        updates.setdefault(number, {})["status"] = StudentStatus.LEFT.value
        before = (placed_before or {}).get(number, {})
        unplaced[number] = {
            name: before[name] for name in ("department", "home_class") if before.get(name)
        }
        updates[number].update(dict.fromkeys(unplaced[number], ""))
    uow.student_states.write_many(year, updates)
    for update in plan.updated:
        recorder.record(
            "student.update",
            "student",
            update.student_number,
            before={name: c.before for name, c in update.changes.items()},
            after={name: c.after for name, c in update.changes.items()},
        )
    for number in plan.to_mark_left:
        recorder.record(
            "student.update",
            "student",
            number,
            before={"status": StudentStatus.ACTIVE.value, **unplaced[number]},
            after={"status": StudentStatus.LEFT.value, **dict.fromkeys(unplaced[number], "")},
        )
