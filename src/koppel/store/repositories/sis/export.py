"""What ``koppel oneroster export`` reads: the whole school in a handful of set-based
queries (one per kind of thing, never one per student), in a stable order, and only the
columns OneRoster carries (no addresses)."""

from __future__ import annotations

from collections import defaultdict

from sqlalchemy import Connection, select

from koppel.domain.sis.export_input import (
    ExportBranch,
    ExportDepartment,
    ExportGroup,
    ExportLink,
    ExportMembership,
    ExportStaff,
    ExportStudent,
    ExportYear,
    PortalExport,
)
from koppel.store import tables as t
from koppel.store.repositories.student_states import format_departments


class SqlAlchemySisExportRepository:
    def __init__(self, connection: Connection) -> None:
        self._connection = connection

    def read(self) -> PortalExport:
        students, numbers = self._students()
        groups, group_names = self._groups()
        return PortalExport(
            school_name=self._school_name(),
            years=self._years(),
            branches=self._branches(),
            departments=self._departments(),
            students=students,
            staff=self._staff(),
            groups=groups,
            memberships=self._memberships(group_names, numbers),
            links=self._links(group_names),
        )

    def _school_name(self) -> str:
        value = self._connection.scalar(
            select(t.settings.c.value).where(t.settings.c.key == "school_name")
        )
        return value if isinstance(value, str) else ""

    def _years(self) -> list[ExportYear]:
        y = t.school_years
        rows = self._connection.execute(
            select(y.c.name, y.c.starts_on, y.c.ends_on).order_by(y.c.name)
        ).all()
        return [ExportYear(*row) for row in rows]

    def _branches(self) -> list[ExportBranch]:
        b = t.branches
        rows = self._connection.execute(select(b.c.code, b.c.name).order_by(b.c.code))
        return [ExportBranch(*row) for row in rows]

    def _departments(self) -> list[ExportDepartment]:
        d, b = t.departments, t.branches
        rows = self._connection.execute(
            select(d.c.code, d.c.name, d.c.year_of_study, d.c.education_type, b.c.code)
            .join(b, b.c.id == d.c.branch_id)
            .order_by(d.c.year_of_study, d.c.code)
        ).all()
        return [ExportDepartment(*row) for row in rows]

    def _current_year_id(self) -> int | None:
        y = t.school_years
        return self._connection.scalar(select(y.c.id).where(y.c.is_current.is_(True)))

    def _participations(self) -> dict[int, str]:
        """Student id -> this school year's department text (``4H 50 / 4V 50``)."""
        year_id = self._current_year_id()
        if year_id is None:
            return {}
        p, d = t.department_participations, t.departments
        shares: dict[int, list[tuple[str, int]]] = defaultdict(list)
        for student_id, code, pct in self._connection.execute(
            select(p.c.student_id, d.c.code, p.c.percentage)
            .join(d, d.c.id == p.c.department_id)
            .where(p.c.school_year_id == year_id)
            .order_by(p.c.student_id, p.c.percentage.desc(), d.c.code)
        ):
            shares[student_id].append((code, pct))
        return {student_id: format_departments(found) for student_id, found in shares.items()}

    def _students(self) -> tuple[list[ExportStudent], dict[int, str]]:
        """The students by number, and student id -> number."""
        s, a = t.students, t.accounts
        departments = self._participations()
        rows = self._connection.execute(
            select(
                s.c.id,
                s.c.student_number,
                s.c.first_name,
                s.c.infix,
                s.c.last_name,
                s.c.gender,
                s.c.birth_date,
                s.c.email,
                s.c.lwoo,
                s.c.status,
                a.c.username,
            )
            .outerjoin(a, a.c.student_id == s.c.id)
            .order_by(s.c.student_number)
        ).all()
        found = [
            ExportStudent(
                number,
                first,
                infix,
                last,
                gender,
                born,
                email,
                bool(lwoo),
                status,
                departments.get(key, ""),
                user or "",
            )
            for key, number, first, infix, last, gender, born, email, lwoo, status, user in rows
        ]
        return found, {row[0]: row[1] for row in rows}

    def _staff(self) -> list[ExportStaff]:
        m, a = t.staff_members, t.accounts
        rows = self._connection.execute(
            select(
                m.c.staff_code,
                m.c.first_name,
                m.c.infix,
                m.c.last_name,
                m.c.email,
                m.c.status,
                a.c.username,
            )
            .outerjoin(a, a.c.staff_id == m.c.id)
            .order_by(m.c.staff_code)
        ).all()
        return [ExportStaff(*row[:6], username=row[6] or "") for row in rows]

    def _groups(self) -> tuple[list[ExportGroup], dict[int, tuple[str, str]]]:
        """The groups by school year and name, and group id -> (school year, name)."""
        g, y, d = t.groups, t.school_years, t.departments
        rows = self._connection.execute(
            select(g.c.id, y.c.name, g.c.name, g.c.kind, d.c.code, g.c.folder)
            .join(y, y.c.id == g.c.school_year_id)
            .outerjoin(d, d.c.id == g.c.department_id)
            .order_by(y.c.name, g.c.name)
        ).all()
        found = [
            ExportGroup(year, name, kind, code or "", folder or "")
            for _, year, name, kind, code, folder in rows
        ]
        return found, {row[0]: (row[1], row[2]) for row in rows}

    def _memberships(
        self, groups: dict[int, tuple[str, str]], numbers: dict[int, str]
    ) -> list[ExportMembership]:
        """By ids, without joins: the largest table (several rows per student)."""
        m = t.group_memberships
        rows = self._connection.execute(
            select(m.c.group_id, m.c.student_id).order_by(m.c.group_id, m.c.student_id)
        ).all()
        return [ExportMembership(*groups[group], numbers[student]) for group, student in rows]

    def _links(self, groups: dict[int, tuple[str, str]]) -> list[ExportLink]:
        sl, m = t.staff_links, t.staff_members
        rows = self._connection.execute(
            select(sl.c.group_id, m.c.staff_code, sl.c.role)
            .join(m, m.c.id == sl.c.staff_id)
            .order_by(sl.c.group_id, sl.c.role, m.c.staff_code)
        ).all()
        return [ExportLink(*groups[group], code, role) for group, code, role in rows]
