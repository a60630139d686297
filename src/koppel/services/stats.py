"""What the portal holds, counted (``koppel stats``)."""

from __future__ import annotations

from dataclasses import dataclass

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
        }


def collect_stats(uow: SqlAlchemyUnitOfWork) -> PortalStats:
    with uow:
        students = uow.students.count_by_status()
        return PortalStats(
            students_active=students[StudentStatus.ACTIVE],
            students_left=students[StudentStatus.LEFT],
            staff=uow.staff.count(),
            accounts=uow.accounts.count(),
            departments=uow.school.count_departments(),
            groups=uow.groups.count(),
            memberships=uow.groups.count_memberships(),
            teacher_links=uow.groups.count_staff_links(),
            prognoses=uow.planning.count_prognoses(),
            package_choices=uow.planning.count_package_choices(),
        )
