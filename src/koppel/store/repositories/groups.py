"""Groups (groepen), memberships (groepsindeling) and staff links in the portal database."""

from __future__ import annotations

import builtins
from collections.abc import Iterable, Sequence
from typing import Any

from sqlalchemy import Connection, Table, func, select

from koppel.domain.errors import AlreadyExists, NotFound
from koppel.domain.groups import Group, GroupKind, GroupMembership
from koppel.domain.imports.staff import Link
from koppel.domain.school import SchoolYear
from koppel.domain.staff import StaffLink, StaffRole
from koppel.store import tables as t
from koppel.store.repositories.school import SqlAlchemySchoolRepository
from koppel.store.repositories.staff import SqlAlchemyStaffRepository
from koppel.store.repositories.students import SqlAlchemyStudentRepository


class SqlAlchemyGroupRepository:
    """Groepen of a school year with their members and their teachers and mentors.

    Deleting a group deletes its memberships and staff links (the foreign keys cascade),
    never a student or a staff member.
    """

    def __init__(
        self,
        connection: Connection,
        *,
        school: SqlAlchemySchoolRepository,
        students: SqlAlchemyStudentRepository,
        staff: SqlAlchemyStaffRepository,
    ) -> None:
        self._connection = connection
        self._school = school
        self._students = students
        self._staff = staff

    def _groups_of(self, year: SchoolYear) -> dict[str, tuple[int, int | None, str]]:
        """name -> (id, department id, kind) for the groups of ``year``."""
        g = t.groups
        rows = self._connection.execute(
            select(g.c.name, g.c.id, g.c.department_id, g.c.kind).where(
                g.c.school_year_id == self._school.school_year_ids.id_of(year.name)
            )
        )
        return {name: (gid, dept, kind) for name, gid, dept, kind in rows}

    def add_many(self, groups: Sequence[Group]) -> None:
        rows: list[dict[str, Any]] = []
        existing: dict[str, set[str]] = {}
        for group in groups:
            if group.school_year not in existing:
                existing[group.school_year] = set(self._groups_of(SchoolYear(group.school_year)))
            names = existing[group.school_year]
            if group.name in names:
                raise AlreadyExists("groep", f"{group.name} ({group.school_year})")
            names.add(group.name)
            rows.append(
                {
                    "name": group.name,
                    "kind": group.kind.value,
                    "school_year_id": self._school.school_year_ids.id_of(group.school_year),
                    "department_id": (
                        self._school.department_ids.id_of(group.department_code)
                        if group.department_code
                        else None
                    ),
                    "folder": group.folder,
                }
            )
        if rows:
            self._connection.execute(t.groups.insert(), rows)

    def add_memberships(self, year: SchoolYear, memberships: Iterable[GroupMembership]) -> int:
        groups = self._groups_of(year)
        year_id = self._school.school_year_ids.id_of(year.name)
        rows = []
        for membership in memberships:
            if membership.group_name not in groups:
                raise NotFound("groep", membership.group_name)
            group_id, department_id, kind = groups[membership.group_name]
            rows.append(
                {
                    "group_id": group_id,
                    "student_id": self._students.ids.id_of(membership.student_number),
                    "home_class_department_id": (
                        department_id if kind == GroupKind.HOME_CLASS.value else None
                    ),
                    "school_year_id": year_id,
                }
            )
        if rows:
            self._connection.execute(t.group_memberships.insert(), rows)
        return len(rows)

    def add_staff_links(self, year: SchoolYear, links: Iterable[StaffLink]) -> int:
        groups = self._groups_of(year)
        rows = []
        for link in links:
            if link.group_name not in groups:
                raise NotFound("groep", link.group_name)
            rows.append(
                {
                    "group_id": groups[link.group_name][0],
                    "staff_id": self._staff.ids.id_of(link.staff_code),
                    "role": link.role.value,
                }
            )
        if rows:
            self._connection.execute(t.staff_links.insert(), rows)
        return len(rows)

    def list(self, year: SchoolYear) -> builtins.list[Group]:
        g, d = t.groups, t.departments
        rows = self._connection.execute(
            select(g.c.name, g.c.kind, d.c.code, g.c.folder)
            .outerjoin(d, d.c.id == g.c.department_id)
            .where(g.c.school_year_id == self._school.school_year_ids.id_of(year.name))
            .order_by(g.c.name)
        )
        return [
            Group(name, GroupKind(kind), year.name, department_code=code or "", folder=folder)
            for name, kind, code, folder in rows
        ]

    def members(self, year: SchoolYear, group_name: str) -> builtins.list[str]:
        """The student numbers of the members of a group, sorted."""
        groups = self._groups_of(year)
        if group_name not in groups:
            raise NotFound("groep", group_name)
        m, s = t.group_memberships, t.students
        rows = self._connection.execute(
            select(s.c.student_number)
            .join(m, m.c.student_id == s.c.id)
            .where(m.c.group_id == groups[group_name][0])
            .order_by(s.c.student_number)
        )
        return [number for (number,) in rows]

    def staff_links(
        self, year: SchoolYear, *, staff_code: str | None = None
    ) -> builtins.list[Link]:
        """The teacher and mentor links of ``year``; only one staff member's if given."""
        g, sl, m = t.groups, t.staff_links, t.staff_members
        query = (
            select(m.c.staff_code, g.c.name, sl.c.role)
            .join(sl, sl.c.staff_id == m.c.id)
            .join(g, g.c.id == sl.c.group_id)
            .where(g.c.school_year_id == self._school.school_year_ids.id_of(year.name))
        )
        if staff_code is not None:
            query = query.where(m.c.staff_code == staff_code)
        return [
            Link(code, name, StaffRole(role))
            for code, name, role in self._connection.execute(query)
        ]

    def remove_staff_links(self, year: SchoolYear, links: Iterable[Link]) -> int:
        groups = self._groups_of(year)
        sl = t.staff_links
        removed = 0
        for link in links:
            removed += self._connection.execute(
                sl.delete().where(
                    sl.c.group_id == groups[link.group][0],
                    sl.c.staff_id == self._staff.ids.id_of(link.staff_code),
                    sl.c.role == link.role.value,
                )
            ).rowcount
        return removed

    def home_classes(self, year: SchoolYear) -> dict[str, dict[str, str]]:
        """department code -> student number -> home class name, for ``year``."""
        g, m, s, d = t.groups, t.group_memberships, t.students, t.departments
        rows = self._connection.execute(
            select(d.c.code, s.c.student_number, g.c.name)
            .join(m, m.c.group_id == g.c.id)
            .join(s, s.c.id == m.c.student_id)
            .join(d, d.c.id == g.c.department_id)
            .where(
                g.c.school_year_id == self._school.school_year_ids.id_of(year.name),
                g.c.kind == GroupKind.HOME_CLASS.value,
            )
        )
        result: dict[str, dict[str, str]] = {}
        for code, number, name in rows:
            result.setdefault(code, {})[number] = name
        return result

    def delete(self, year: SchoolYear, names: Iterable[str]) -> int:
        """Delete groups of ``year`` by name; memberships and staff links go with them."""
        groups = self._groups_of(year)
        ids = []
        for name in names:
            if name not in groups:
                raise NotFound("groep", name)
            ids.append(groups[name][0])
        if not ids:
            return 0
        result = self._connection.execute(t.groups.delete().where(t.groups.c.id.in_(ids)))
        return result.rowcount

    def count(self) -> int:
        return self._count(t.groups)

    def count_memberships(self) -> int:
        return self._count(t.group_memberships)

    def count_staff_links(self) -> int:
        return self._count(t.staff_links)

    def _count(self, table: Table) -> int:
        return self._connection.scalar(select(func.count()).select_from(table)) or 0
