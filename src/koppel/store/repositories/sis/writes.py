"""Bulk writes of the SIS import (SIS integration): group memberships and teacher links
of a school year read, added and removed a few statements for all of them; and the
school years, branches and departments an import added taken out again (only undo does
that)."""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable, Sequence
from typing import Any

from sqlalchemy import Column, Connection, Table, and_, bindparam, select

from koppel.domain.groups import GroupKind
from koppel.domain.imports.staff import Link
from koppel.domain.school import SchoolYear
from koppel.store import tables as t
from koppel.store.chunks import chunks
from koppel.store.repositories.school import SqlAlchemySchoolRepository
from koppel.store.repositories.staff import SqlAlchemyStaffRepository
from koppel.store.repositories.students import SqlAlchemyStudentRepository

_g, _m, _l = t.groups, t.group_memberships, t.staff_links


def insert_rows(
    connection: Connection, table: Table, columns: Sequence[str], rows: list[tuple[Any, ...]]
) -> None:
    """Insert many rows at driver speed: ``COPY`` on PostgreSQL, the driver's
    ``executemany`` on SQLite (hundreds of thousands of rows in a second or two, where
    SQLAlchemy's executemany spends that per 20,000)."""
    if not rows:
        return
    names = ", ".join(columns)
    if connection.dialect.name == "postgresql":
        raw: Any = connection.connection.driver_connection
        with raw.cursor() as cursor, cursor.copy(f"COPY {table.name} ({names}) FROM STDIN") as copy:
            for row in rows:
                copy.write_row(row)
        return
    marks = ", ".join("?" for _ in columns)
    statement = f"INSERT INTO {table.name} ({names}) VALUES ({marks})"  # noqa: S608  # nosec B608
    for chunk in chunks(rows):
        connection.exec_driver_sql(statement, chunk)


class SqlAlchemySisWriteRepository:
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

    def _groups(self, year: SchoolYear) -> dict[str, tuple[int, int | None, str]]:
        """name -> (id, department id, kind) of the groups of ``year``."""
        rows = self._connection.execute(
            select(_g.c.name, _g.c.id, _g.c.department_id, _g.c.kind).where(
                _g.c.school_year_id == self._school.school_year_ids.id_of(year.name)
            )
        )
        return {name: (gid, department, kind) for name, gid, department, kind in rows}

    def memberships(self, year: SchoolYear) -> dict[str, set[str]]:
        """group name -> the student numbers of its members, for ``year``."""
        s = t.students
        found: dict[str, set[str]] = defaultdict(set)
        rows = self._connection.execute(
            select(_g.c.name, s.c.student_number)
            .join(_m, _m.c.group_id == _g.c.id)
            .join(s, s.c.id == _m.c.student_id)
            .where(_g.c.school_year_id == self._school.school_year_ids.id_of(year.name))
        )
        for name, number in rows:
            found[name].add(number)
        return dict(found)

    def add_memberships(self, year: SchoolYear, pairs: Iterable[tuple[str, str]]) -> None:
        """Put students in groups: (group name, student number) pairs."""
        groups = self._groups(year)
        year_id = self._school.school_year_ids.id_of(year.name)
        rows: list[tuple[Any, ...]] = []
        for name, number in pairs:
            group_id, department_id, kind = groups[name]
            home = department_id if kind == GroupKind.HOME_CLASS.value else None
            rows.append((group_id, self._students.ids.id_of(number), home, year_id))
        columns = ("group_id", "student_id", "home_class_department_id", "school_year_id")
        insert_rows(self._connection, _m, columns, rows)

    def remove_memberships(self, year: SchoolYear, pairs: Iterable[tuple[str, str]]) -> None:
        groups = self._groups(year)
        rows = [
            {"_group": groups[name][0], "_student": self._students.ids.id_of(number)}
            for name, number in pairs
        ]
        if rows:
            self._connection.execute(
                _m.delete().where(
                    and_(
                        _m.c.group_id == bindparam("_group"),
                        _m.c.student_id == bindparam("_student"),
                    )
                ),
                rows,
            )

    def remove_staff_links(self, year: SchoolYear, links: Iterable[Link]) -> None:
        groups = self._groups(year)
        rows = [
            {
                "_group": groups[link.group][0],
                "_staff": self._staff.ids.id_of(link.staff_code),
                "_role": link.role.value,
            }
            for link in links
        ]
        if rows:
            self._connection.execute(
                _l.delete().where(
                    and_(
                        _l.c.group_id == bindparam("_group"),
                        _l.c.staff_id == bindparam("_staff"),
                        _l.c.role == bindparam("_role"),
                    )
                ),
                rows,
            )

    def remove_school_years(self, names: Iterable[str]) -> None:
        self._remove(t.school_years, t.school_years.c.name, names)
        self._school.school_year_ids.forget()

    def remove_branches(self, codes: Iterable[str]) -> None:
        self._remove(t.branches, t.branches.c.code, codes)
        self._school.branch_ids.forget()

    def remove_departments(self, codes: Iterable[str]) -> None:
        self._remove(t.departments, t.departments.c.code, codes)
        self._school.department_ids.forget()

    def _remove(self, table: Table, column: Column[str], keys: Iterable[str]) -> None:
        for chunk in chunks(keys):
            self._connection.execute(table.delete().where(column.in_(chunk)))
