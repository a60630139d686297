"""Read-only overviews for the portal's first pages: departments and their students."""

from __future__ import annotations

from dataclasses import dataclass

from koppel.domain.school import Department
from koppel.store.unit_of_work import SqlAlchemyUnitOfWork

PAGE_SIZE = 100


@dataclass(frozen=True)
class DepartmentSummary:
    department: Department
    students: int


@dataclass(frozen=True)
class StudentLine:
    student_number: str
    sort_name: str
    home_class: str


@dataclass(frozen=True)
class DepartmentPage:
    department: Department
    school_year: str
    students: list[StudentLine]
    page: int
    pages: int
    total: int


def list_departments(uow: SqlAlchemyUnitOfWork) -> tuple[str, list[DepartmentSummary]]:
    """The current school year and each department with its number of active students."""
    with uow:
        year = uow.school.current_school_year()
        counts = uow.students.count_per_department(year.name)
        return year.name, [
            DepartmentSummary(d, counts.get(d.code, 0)) for d in uow.school.departments()
        ]


def department_students(uow: SqlAlchemyUnitOfWork, code: str, *, page: int = 1) -> DepartmentPage:
    """One page of a department's students (Dutch sort order) with their home class."""
    with uow:
        department = uow.school.department(code)
        year = uow.school.current_school_year()
        classes = uow.groups.home_classes(year).get(department.code, {})
        students = [
            s
            for s in uow.students.list(department_code=department.code, year_name=year.name)
            if s.is_active
        ]
    pages = max(1, -(-len(students) // PAGE_SIZE))
    page = min(max(1, page), pages)
    shown = students[(page - 1) * PAGE_SIZE : page * PAGE_SIZE]
    return DepartmentPage(
        department=department,
        school_year=year.name,
        students=[
            StudentLine(s.student_number, s.personal.sort_name, classes.get(s.student_number, ""))
            for s in shown
        ],
        page=page,
        pages=pages,
        total=len(students),
    )
