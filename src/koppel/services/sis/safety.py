"""The safety rule of an SIS import (DESIGN.md 5): a set that would mark more than the
school's share (default 10%) of the active students, or of the active staff, as left is
refused unless the user says ``--force``; nothing is written.

A set of a later school year than the current one (the summer's set for the new year)
is expected to leave out the students of an exam year (4M, 5H, 6V): they do not count.
"""

from __future__ import annotations

from collections.abc import Mapping

from koppel.domain.audit import JsonValue
from koppel.domain.errors import RefusedBySafetyRule
from koppel.domain.school import SchoolYear, final_year_departments
from koppel.domain.sis.changes import PersonChanges
from koppel.domain.sis.keys import department_codes
from koppel.domain.sis.plan import SisPlan
from koppel.domain.students import StudentStatus
from koppel.services.school_settings import load_school_settings
from koppel.store.unit_of_work import SqlAlchemyUnitOfWork


def expected_to_leave(uow: SqlAlchemyUnitOfWork, plan: SisPlan, current: str | None) -> int:
    """How many absent students were in an exam year of the current school year, when the
    set is of a later year."""
    if current is None or plan.year.name <= current or not plan.students.absent:
        return 0
    finals = final_year_departments(uow.school.departments())
    states = uow.student_states.states(SchoolYear(current))
    return sum(
        1
        for number in plan.students.absent
        if any(code in finals for code in department_codes(str(states[number]["department"] or "")))
    )


def _active(states: Mapping[str, Mapping[str, JsonValue]]) -> int:
    return sum(1 for state in states.values() if state.get("status") == StudentStatus.ACTIVE.value)


def sis_refusal(
    uow: SqlAlchemyUnitOfWork,
    plan: SisPlan,
    *,
    students: Mapping[str, Mapping[str, JsonValue]],
    staff: Mapping[str, Mapping[str, JsonValue]],
    current: str | None,
) -> RefusedBySafetyRule | None:
    """The refusal when too many students or staff would be marked as left, else None."""
    limit = load_school_settings(uow).transition_max_share_percent
    checks: tuple[tuple[str, PersonChanges, int, int], ...] = (
        (
            "roster.plan.too_many_students_left",
            plan.students,
            _active(students),
            expected_to_leave(uow, plan, current),
        ),
        ("roster.plan.too_many_staff_left", plan.staff, _active(staff), 0),
    )
    for code, changes, active, expected in checks:
        leaving = changes.leaving - expected
        if leaving > 0 and leaving * 100 > limit * max(active, 1):
            return RefusedBySafetyRule(code, count=leaving, total=active, share=limit)
    return None
