"""What the docentplanner shows: the groups of the current school year with their mentors
and teachers, the staff with their groups, and what is left to do.

A home class (stamklas) needs a mentor. A cluster group or another group needs a teacher,
and so does a home class in a department without cluster groups (its students are taught
in their home class, as in the lower years); where a department has cluster groups, its
home classes need only a mentor.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from koppel.domain.groups import GroupKind
from koppel.domain.personal import sort_key
from koppel.domain.staff import StaffRole, StaffStatus
from koppel.services.school_years.years import year_of_work
from koppel.store.unit_of_work import SqlAlchemyUnitOfWork


def natural_key(name: str) -> tuple[tuple[int, int | str], ...]:
    """``4V2`` before ``4V10``: digits compare as numbers."""
    return tuple(
        (0, int(part)) if part.isdigit() else (1, part.casefold())
        for part in re.findall(r"\d+|\D+", name)
    )


@dataclass(frozen=True)
class LinkedStaff:
    staff_code: str
    name: str
    active: bool


@dataclass(frozen=True)
class GroupStaff:
    name: str
    kind: GroupKind
    department_code: str
    mentors: tuple[LinkedStaff, ...]
    teachers: tuple[LinkedStaff, ...]
    needs_teacher: bool

    @property
    def needs_mentor(self) -> bool:
        return self.kind is GroupKind.HOME_CLASS

    @property
    def without_mentor(self) -> bool:
        return self.needs_mentor and not self.mentors

    @property
    def without_teacher(self) -> bool:
        return self.needs_teacher and not self.teachers

    def linked(self) -> tuple[tuple[LinkedStaff, StaffRole], ...]:
        """Mentors first, then teachers."""
        return tuple((s, StaffRole.MENTOR) for s in self.mentors) + tuple(
            (s, StaffRole.TEACHER) for s in self.teachers
        )


@dataclass(frozen=True)
class StaffGroups:
    member: LinkedStaff
    mentor_of: tuple[str, ...]
    teacher_of: tuple[str, ...]

    def linked(self) -> tuple[tuple[str, StaffRole], ...]:
        return tuple((g, StaffRole.MENTOR) for g in self.mentor_of) + tuple(
            (g, StaffRole.TEACHER) for g in self.teacher_of
        )


@dataclass(frozen=True)
class LinkOverview:
    school_year: str
    groups: tuple[GroupStaff, ...]
    staff: tuple[StaffGroups, ...]
    """Every active staff member, and those who left but are still linked."""

    def group(self, name: str) -> GroupStaff | None:
        return next((g for g in self.groups if g.name == name), None)

    def staff_member(self, staff_code: str) -> StaffGroups | None:
        code = staff_code.strip().upper()
        return next((s for s in self.staff if s.member.staff_code == code), None)

    def label(self, staff_code: str) -> str:
        """``Piet Jansen (JANS)``; the code alone for one not in :attr:`staff`."""
        found = self.staff_member(staff_code)
        code = staff_code.strip().upper()
        return f"{found.member.name} ({code})" if found else code

    @property
    def active_staff(self) -> tuple[LinkedStaff, ...]:
        return tuple(s.member for s in self.staff if s.member.active)

    @property
    def without_mentor(self) -> tuple[GroupStaff, ...]:
        return tuple(g for g in self.groups if g.without_mentor)

    @property
    def without_teacher(self) -> tuple[GroupStaff, ...]:
        return tuple(g for g in self.groups if g.without_teacher)

    @property
    def links(self) -> int:
        return sum(len(g.mentors) + len(g.teachers) for g in self.groups)


def link_overview(uow: SqlAlchemyUnitOfWork) -> LinkOverview:
    """Read only: four queries, whatever the size of the school."""
    with uow.unlocked():
        year = year_of_work(uow)
        groups = sorted(uow.groups.list(year), key=lambda g: natural_key(g.name))
        links = uow.groups.staff_links(year)
        members = uow.staff.list()
    linked_codes = {link.staff_code for link in links}
    people = {
        m.staff_code: LinkedStaff(m.staff_code, m.full_name, m.status is StaffStatus.ACTIVE)
        for m in sorted(members, key=lambda m: sort_key(m.first_name, m.infix, m.last_name))
        if m.status is StaffStatus.ACTIVE or m.staff_code in linked_codes
    }
    by_group: dict[tuple[str, StaffRole], list[LinkedStaff]] = {}
    by_staff: dict[tuple[str, StaffRole], list[str]] = {}
    for link in links:
        by_group.setdefault((link.group, link.role), []).append(people[link.staff_code])
        by_staff.setdefault((link.staff_code, link.role), []).append(link.group)
    taught_in_clusters = {g.department_code for g in groups if g.kind is GroupKind.CLUSTER_GROUP}
    position = {code: index for index, code in enumerate(people)}

    def staff_of(group: str, role: StaffRole) -> tuple[LinkedStaff, ...]:
        found = by_group.get((group, role), [])
        return tuple(sorted(found, key=lambda s: position[s.staff_code]))

    def groups_of(code: str, role: StaffRole) -> tuple[str, ...]:
        return tuple(sorted(by_staff.get((code, role), []), key=natural_key))

    return LinkOverview(
        school_year=year.name,
        groups=tuple(
            GroupStaff(
                g.name,
                g.kind,
                g.department_code,
                mentors=staff_of(g.name, StaffRole.MENTOR),
                teachers=staff_of(g.name, StaffRole.TEACHER),
                needs_teacher=not g.is_home_class or g.department_code not in taught_in_clusters,
            )
            for g in groups
        ),
        staff=tuple(
            StaffGroups(
                person,
                mentor_of=groups_of(code, StaffRole.MENTOR),
                teacher_of=groups_of(code, StaffRole.TEACHER),
            )
            for code, person in people.items()
        ),
    )
