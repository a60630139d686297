"""The departments overview: each department with its number of active students."""

from __future__ import annotations

from dataclasses import dataclass

from koppel.domain.school import Department
from koppel.store.unit_of_work import SqlAlchemyUnitOfWork


@dataclass(frozen=True)
class DepartmentSummary:
    department: Department
    students: int


def list_departments(uow: SqlAlchemyUnitOfWork) -> tuple[str, list[DepartmentSummary]]:
    """The current school year and each department open in it with its number of active
    students (a department added for next year only, or closed this year, is not listed)."""
    with uow.unlocked():
        year = uow.school.current_school_year()
        counts = uow.students.count_per_department(year.name)
        return year.name, [
            DepartmentSummary(d, counts.get(d.code, 0))
            for d in uow.school.departments()
            if d.is_open
        ]
