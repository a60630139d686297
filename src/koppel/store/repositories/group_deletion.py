"""Deleting the groups of a school year (year transition, step 2), and putting them back.

A deleted group is read first as plain data (:class:`GroupSnapshot`): its own columns, its
members and its teacher and mentor links. That record is what the audit log keeps, and
:meth:`SqlAlchemyGroupDeletionRepository.restore` writes it back row for row, the
surrogate ids included, so that undo restores the database exactly.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from typing import Any

from sqlalchemy import Connection, bindparam, select, update

from koppel.domain.groups import GroupSnapshot
from koppel.domain.school import SchoolYear
from koppel.store import tables as t
from koppel.store.repositories.school import SqlAlchemySchoolRepository
from koppel.store.repositories.staff import SqlAlchemyStaffRepository
from koppel.store.repositories.students import SqlAlchemyStudentRepository

_BATCH = 500


class SqlAlchemyGroupDeletionRepository:
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

    def folders(self, year: SchoolYear) -> list[str]:
        """The folders (mappen) that hold groups in ``year``, sorted."""
        g = t.groups
        rows = self._connection.execute(
            select(g.c.folder)
            .where(g.c.school_year_id == self._school.school_year_ids.id_of(year.name))
            .distinct()
        )
        return sorted(folder for (folder,) in rows)

    def deleted_folders(self, kind: str, year: SchoolYear) -> set[str]:
        """Folders emptied by applied (not undone) change sets of ``kind`` in ``year``."""
        c = t.changesets
        rows = self._connection.execute(
            select(c.c.summary).where(c.c.kind == kind, c.c.undone_at.is_(None))
        )
        return {
            str(summary["folder"])
            for (summary,) in rows
            if summary.get("school_year") == year.name and summary.get("folder") is not None
        }

    def groups(self, year: SchoolYear, *, folder: str | None = None) -> list[GroupSnapshot]:
        """The groups of ``year`` (only those in ``folder`` if given), sorted by name."""
        g, d = t.groups, t.departments
        query = (
            select(g.c.id, g.c.name, g.c.kind, d.c.code, g.c.folder)
            .outerjoin(d, d.c.id == g.c.department_id)
            .where(g.c.school_year_id == self._school.school_year_ids.id_of(year.name))
        )
        if folder is not None:
            query = query.where(g.c.folder == folder)
        found = list(self._connection.execute(query.order_by(g.c.name)))
        ids = [row.id for row in found]
        members = self._members(ids)
        links = self._links(ids)
        return [
            GroupSnapshot(
                id=row.id,
                name=row.name,
                kind=row.kind,
                department=row.code or "",
                folder=row.folder,
                members=tuple(sorted(members.get(row.id, ()))),
                links=tuple(sorted(links.get(row.id, ()))),
            )
            for row in found
        ]

    def _members(self, group_ids: list[int]) -> dict[int, list[str]]:
        m, s = t.group_memberships, t.students
        result: dict[int, list[str]] = {}
        for start in range(0, len(group_ids), _BATCH):
            rows = self._connection.execute(
                select(m.c.group_id, s.c.student_number)
                .join(s, s.c.id == m.c.student_id)
                .where(m.c.group_id.in_(group_ids[start : start + _BATCH]))
            )
            for group_id, number in rows:
                result.setdefault(group_id, []).append(number)
        return result

    def _links(self, group_ids: list[int]) -> dict[int, list[tuple[str, str]]]:
        sl, sm = t.staff_links, t.staff_members
        result: dict[int, list[tuple[str, str]]] = {}
        for start in range(0, len(group_ids), _BATCH):
            rows = self._connection.execute(
                select(sl.c.group_id, sm.c.staff_code, sl.c.role)
                .join(sm, sm.c.id == sl.c.staff_id)
                .where(sl.c.group_id.in_(group_ids[start : start + _BATCH]))
            )
            for group_id, code, role in rows:
                result.setdefault(group_id, []).append((code, role))
        return result

    def previous_home_classes(self, student_numbers: Iterable[str]) -> dict[str, str]:
        """student number -> the stored previous home class (stamklas oud)."""
        numbers = sorted(set(student_numbers))
        s = t.students
        result: dict[str, str] = {}
        for start in range(0, len(numbers), _BATCH):
            rows = self._connection.execute(
                select(s.c.student_number, s.c.previous_home_class).where(
                    s.c.student_number.in_(numbers[start : start + _BATCH])
                )
            )
            result.update({number: value for number, value in rows})
        return result

    def set_previous_home_classes(self, values: Mapping[str, str]) -> None:
        if not values:
            return
        s = t.students
        self._connection.execute(
            update(s)
            .where(s.c.student_number == bindparam("number"))
            .values(previous_home_class=bindparam("value")),
            [{"number": number, "value": value} for number, value in values.items()],
        )

    def delete(self, group_ids: Iterable[int]) -> int:
        """Delete groups by id; memberships and staff links go with them (explicitly
        here, so that it does not depend on SQLite's foreign-key pragma)."""
        ids = sorted(group_ids)
        deleted = 0
        for start in range(0, len(ids), _BATCH):
            batch = ids[start : start + _BATCH]
            self._connection.execute(
                t.group_memberships.delete().where(t.group_memberships.c.group_id.in_(batch))
            )
            self._connection.execute(
                t.staff_links.delete().where(t.staff_links.c.group_id.in_(batch))
            )
            deleted += self._connection.execute(
                t.groups.delete().where(t.groups.c.id.in_(batch))
            ).rowcount
        return deleted

    def restore(self, year: SchoolYear, records: Iterable[GroupSnapshot]) -> None:
        """Write deleted groups back exactly: same ids, members and links."""
        year_id = self._school.school_year_ids.id_of(year.name)
        groups: list[dict[str, Any]] = []
        members: list[dict[str, Any]] = []
        links: list[dict[str, Any]] = []
        for record in records:
            department_id = (
                self._school.department_ids.id_of(record.department) if record.department else None
            )
            groups.append(
                {
                    "id": record.id,
                    "name": record.name,
                    "kind": record.kind,
                    "school_year_id": year_id,
                    "department_id": department_id,
                    "folder": record.folder,
                }
            )
            home_department = department_id if record.is_home_class else None
            members.extend(
                {
                    "group_id": record.id,
                    "student_id": self._students.ids.id_of(number),
                    "home_class_department_id": home_department,
                    "school_year_id": year_id,
                }
                for number in record.members
            )
            links.extend(
                {"group_id": record.id, "staff_id": self._staff.ids.id_of(code), "role": role}
                for code, role in record.links
            )
        for table, rows in (
            (t.groups, groups),
            (t.group_memberships, members),
            (t.staff_links, links),
        ):
            if rows:
                self._connection.execute(table.insert(), rows)
