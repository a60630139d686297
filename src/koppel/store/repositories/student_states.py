"""Students as imports see them: one flat state per student, read in one go and written
field by field (see :mod:`koppel.domain.imports.students`).

``department`` is this year's participation, written like a prognosis (``4V`` for 100%,
``4H 50 / 4V 50`` for a split); ``home_class`` is this year's home class, several
separated by ``, `` in the rare case of two departments. Both round-trip exactly, so
undo restores what was there.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable, Mapping, Sequence
from datetime import date
from typing import Any

from sqlalchemy import Connection, String, and_, bindparam, cast, select

from koppel.domain.audit import JsonValue
from koppel.domain.groups import GroupKind
from koppel.domain.imports.students import PERSONAL_FIELDS, StudentState
from koppel.domain.school import SchoolYear
from koppel.store import tables as t
from koppel.store.chunks import chunks
from koppel.store.repositories.school import SqlAlchemySchoolRepository
from koppel.store.repositories.students import SqlAlchemyStudentRepository

COLUMN_FIELDS = (*PERSONAL_FIELDS, "birth_date", "lwoo", "status")


def format_departments(shares: Sequence[tuple[str, int]]) -> str:
    if len(shares) == 1 and shares[0][1] == 100:
        return shares[0][0]
    return " / ".join(f"{code} {pct}" for code, pct in shares)


def parse_departments(text: str) -> list[tuple[str, int]]:
    if not text:
        return []
    parts = [part.split() for part in text.split(" / ")]
    if len(parts) == 1 and len(parts[0]) == 1:
        return [(parts[0][0], 100)]
    return [(code, int(pct)) for code, pct in parts]


def _column_values(fields: Mapping[str, JsonValue]) -> dict[str, Any]:
    values: dict[str, Any] = {}
    for name in COLUMN_FIELDS:
        if name in fields:
            value = fields[name]
            values[name] = (
                (date.fromisoformat(str(value)) if value else None)
                if name == "birth_date"
                else value
            )
    return values


class SqlAlchemyStudentStateRepository:
    def __init__(
        self,
        connection: Connection,
        *,
        school: SqlAlchemySchoolRepository,
        students: SqlAlchemyStudentRepository,
    ) -> None:
        self._connection = connection
        self._school = school
        self._students = students

    def states(self, year: SchoolYear) -> dict[str, StudentState]:
        """Every student's state in ``year`` (left students included)."""
        s = t.students
        year_id = self._school.school_year_ids.id_of(year.name)
        result: dict[str, StudentState] = {}
        columns = [
            cast(s.c[f], String) if f == "birth_date" else s.c[f] for f in COLUMN_FIELDS
        ]  # the date as ISO text, read without conversion
        for number, *values in self._connection.execute(select(s.c.student_number, *columns)):
            state: StudentState = dict(zip(COLUMN_FIELDS, values, strict=True))
            state["department"] = ""
            state["home_class"] = ""
            result[number] = state
        p, d = t.department_participations, t.departments
        shares: dict[str, list[tuple[str, int]]] = defaultdict(list)
        for number, code, pct in self._connection.execute(
            select(s.c.student_number, d.c.code, p.c.percentage)
            .join(p, p.c.student_id == s.c.id)
            .join(d, d.c.id == p.c.department_id)
            .where(p.c.school_year_id == year_id)
            .order_by(s.c.student_number, p.c.percentage.desc(), d.c.code)
        ):
            shares[number].append((code, pct))
        for number, found in shares.items():
            result[number]["department"] = format_departments(found)
        for number, classes in self._home_classes(year_id).items():
            result[number]["home_class"] = ", ".join(sorted(classes))
        return result

    def _home_classes(self, year_id: int) -> dict[str, list[str]]:
        g, m, s = t.groups, t.group_memberships, t.students
        classes: dict[str, list[str]] = defaultdict(list)
        for number, name in self._connection.execute(
            select(s.c.student_number, g.c.name)
            .join(m, m.c.student_id == s.c.id)
            .join(g, g.c.id == m.c.group_id)
            .where(g.c.school_year_id == year_id, g.c.kind == GroupKind.HOME_CLASS.value)
        ):
            classes[number].append(name)
        return classes

    def write(self, year: SchoolYear, student_number: str, fields: Mapping[str, JsonValue]) -> None:
        """Set the given fields of one existing student."""
        self.write_many(year, {student_number: fields})

    def write_many(self, year: SchoolYear, changes: Mapping[str, Mapping[str, JsonValue]]) -> None:
        """Set fields of existing students: ``{student number: {field: value}}``; a few
        statements for all of them (one update per combination of columns)."""
        year_id = self._school.school_year_ids.id_of(year.name)
        updates: dict[tuple[str, ...], list[dict[str, Any]]] = defaultdict(list)
        departments: dict[int, str] = {}
        home_classes: dict[int, str] = {}
        for number, fields in changes.items():
            student_id = self._students.ids.id_of(number)
            columns = _column_values(fields)
            if columns:
                updates[tuple(sorted(columns))].append(
                    {"_id": student_id, **{f"_{k}": v for k, v in columns.items()}}
                )
            if "department" in fields:
                departments[student_id] = str(fields["department"] or "")
            if "home_class" in fields:
                home_classes[student_id] = str(fields["home_class"] or "")
        s = t.students
        for names, rows in updates.items():
            statement = (
                s.update()
                .where(s.c.id == bindparam("_id"))
                .values({name: bindparam(f"_{name}") for name in names})
            )
            self._connection.execute(statement, rows)
        self._set_departments(year_id, departments)
        self._set_home_classes(year_id, home_classes)

    def place_new(
        self, year: SchoolYear, placements: Mapping[str, Mapping[str, JsonValue]]
    ) -> None:
        """Department and home class of students that have none yet, in bulk:
        ``{student number: {"department": ..., "home_class": ...}}``."""
        year_id = self._school.school_year_ids.id_of(year.name)
        participations = []
        memberships = []
        groups = self._groups_by_name(year_id)
        for number, fields in placements.items():
            student_id = self._students.ids.id_of(number)
            for code, pct in parse_departments(str(fields.get("department") or "")):
                participations.append(
                    {
                        "student_id": student_id,
                        "department_id": self._school.department_ids.id_of(code),
                        "school_year_id": year_id,
                        "percentage": pct,
                    }
                )
            for name in str(fields.get("home_class") or "").split(", "):
                if name:
                    group_id, department_id = groups[name]
                    memberships.append(
                        {
                            "group_id": group_id,
                            "student_id": student_id,
                            "home_class_department_id": department_id,
                            "school_year_id": year_id,
                        }
                    )
        if participations:
            self._connection.execute(t.department_participations.insert(), participations)
        if memberships:
            self._connection.execute(t.group_memberships.insert(), memberships)

    def _groups_by_name(self, year_id: int) -> dict[str, tuple[int, int | None]]:
        g = t.groups
        return {
            name: (gid, dept)
            for name, gid, dept in self._connection.execute(
                select(g.c.name, g.c.id, g.c.department_id).where(g.c.school_year_id == year_id)
            )
        }

    def _set_departments(self, year_id: int, texts: Mapping[int, str]) -> None:
        """Replace this year's participations of these students (id -> ``4H 50, 4V 50``)."""
        p = t.department_participations
        for chunk in chunks(texts):
            self._connection.execute(
                p.delete().where(p.c.student_id.in_(chunk), p.c.school_year_id == year_id)
            )
        rows = [
            {
                "student_id": student_id,
                "department_id": self._school.department_ids.id_of(code),
                "school_year_id": year_id,
                "percentage": pct,
            }
            for student_id, text in texts.items()
            for code, pct in parse_departments(text)
        ]
        if rows:
            self._connection.execute(p.insert(), rows)

    def _set_home_classes(self, year_id: int, texts: Mapping[int, str]) -> None:
        """Replace this year's home classes of these students (id -> ``4H1, 4V2``)."""
        g, m = t.groups, t.group_memberships
        # EXISTS, not group_id IN (this year's home classes): with IN, SQLite probes the
        # primary key for every home class times every student of the chunk (1,800 x
        # 5,000 per statement at 50,000 students: 2 s each); EXISTS walks the student's
        # few memberships through its index.
        is_home_class = (
            select(g.c.id)
            .where(
                g.c.id == m.c.group_id,
                g.c.school_year_id == year_id,
                g.c.kind == GroupKind.HOME_CLASS.value,
            )
            .exists()
        )
        for chunk in chunks(texts):
            self._connection.execute(
                m.delete().where(and_(m.c.student_id.in_(chunk), is_home_class))
            )
        wanted = {
            student_id: [name for name in text.split(", ") if name]
            for student_id, text in texts.items()
        }
        if not any(wanted.values()):
            return
        groups = self._groups_by_name(year_id)
        self._connection.execute(
            m.insert(),
            [
                {
                    "group_id": groups[name][0],
                    "student_id": student_id,
                    "home_class_department_id": groups[name][1],
                    "school_year_id": year_id,
                }
                for student_id, names in wanted.items()
                for name in names
            ],
        )

    def remove(self, year: SchoolYear, student_numbers: Iterable[str]) -> None:
        """Take out students that an import added (only undo does this): their
        memberships and participations first, then the students themselves."""
        ids = self._students.ids.ids_of(student_numbers)
        if not ids:
            return
        m, p = t.group_memberships, t.department_participations
        self._connection.execute(m.delete().where(m.c.student_id.in_(ids)))
        self._connection.execute(p.delete().where(p.c.student_id.in_(ids)))
        self._connection.execute(t.students.delete().where(t.students.c.id.in_(ids)))
        self._students.ids.forget()
