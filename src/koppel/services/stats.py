"""What the portal holds, counted (``koppel stats``): groups, memberships and teacher
links of the current school year (the old years' stay as history and are not counted)."""

from __future__ import annotations

from dataclasses import dataclass

from koppel.domain.errors import NotFound
from koppel.domain.school import SchoolYear
from koppel.domain.school_years import YEAR_COUNTS
from koppel.domain.students import StudentStatus
from koppel.store.unit_of_work import SqlAlchemyUnitOfWork


@dataclass(frozen=True)
class PortalStats:
    students_active: int
    students_left: int
    staff: int
    accounts: int
    departments: int
    groups: int
    memberships: int
    teacher_links: int
    prognoses: int
    package_choices: int
    school_years: dict[str, str | None]

    def as_json(self) -> dict[str, object]:
        """The shape of DESIGN.md section 8."""
        return {
            "students": {"active": self.students_active, "left": self.students_left},
            "staff": self.staff,
            "accounts": self.accounts,
            "departments": self.departments,
            "groups": self.groups,
            "memberships": self.memberships,
            "teacher_links": self.teacher_links,
            "prognoses": self.prognoses,
            "package_choices": self.package_choices,
            "school_years": self.school_years,
        }


def collect_stats(uow: SqlAlchemyUnitOfWork) -> PortalStats:
    with uow.unlocked():
        students = uow.students.count_by_status()
        try:
            years: dict[str, str | None] = uow.school_years.years().as_json()
        except NotFound:  # an empty portal: no school year yet
            years = {"current": None, "prepared": None}
        current = years["current"]
        in_year = (
            uow.school_years.counts(SchoolYear(current))
            if current
            else dict.fromkeys(YEAR_COUNTS, 0)
        )
        return PortalStats(
            students_active=students[StudentStatus.ACTIVE],
            students_left=students[StudentStatus.LEFT],
            staff=uow.staff.count(),
            accounts=uow.accounts.count(),
            departments=uow.school.count_departments(),
            groups=in_year["groups"],
            memberships=in_year["memberships"],
            teacher_links=in_year["teacher_links"],
            prognoses=uow.planning.count_prognoses(),
            package_choices=uow.planning.count_package_choices(),
            school_years=years,
        )
