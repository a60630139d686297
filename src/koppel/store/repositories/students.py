"""Students (leerlingen) in the portal database."""

from __future__ import annotations

import builtins
from collections.abc import Iterable, Sequence
from typing import Any

from sqlalchemy import Connection, func, select

from koppel.domain.errors import AlreadyExists, NotFound
from koppel.domain.personal import Gender, PersonalData
from koppel.domain.students import Student, StudentStatus, ensure_unique_student_numbers
from koppel.store import tables as t
from koppel.store.repositories.keys import KeyIndex

_COLUMNS = (
    t.students.c.student_number,
    t.students.c.first_name,
    t.students.c.infix,
    t.students.c.last_name,
    t.students.c.gender,
    t.students.c.street,
    t.students.c.house_number,
    t.students.c.postcode,
    t.students.c.city,
    t.students.c.email,
    t.students.c.previous_home_class,
    t.students.c.birth_date,
    t.students.c.lwoo,
    t.students.c.status,
)


def _row_of(student: Student) -> dict[str, Any]:
    p = student.personal
    return {
        "student_number": student.student_number,
        "first_name": p.first_name,
        "infix": p.infix,
        "last_name": p.last_name,
        "gender": p.gender.value,
        "street": p.street,
        "house_number": p.house_number,
        "postcode": p.postcode,
        "city": p.city,
        "email": p.email,
        "previous_home_class": p.previous_home_class,
        "birth_date": student.birth_date,
        "lwoo": student.lwoo,
        "status": student.status.value,
    }


def _student_of(row: Any) -> Student:  # noqa: ANN401 - a Row of _COLUMNS
    personal = PersonalData(
        first_name=row.first_name,
        infix=row.infix,
        last_name=row.last_name,
        gender=Gender(row.gender),
        street=row.street,
        house_number=row.house_number,
        postcode=row.postcode,
        city=row.city,
        email=row.email,
        previous_home_class=row.previous_home_class,
    )
    return Student(
        student_number=row.student_number,
        personal=personal,
        birth_date=row.birth_date,
        lwoo=row.lwoo,
        status=StudentStatus(row.status),
    )


class SqlAlchemyStudentRepository:
    """Leerlingen, keyed by student number. There is no delete: students are marked as left."""

    def __init__(self, connection: Connection) -> None:
        self._connection = connection
        self.ids = KeyIndex(connection, t.students, "student_number", "leerling")

    def add_many(self, students: Sequence[Student]) -> None:
        ensure_unique_student_numbers(s.student_number for s in students)
        for student in students:
            if self.ids.find(student.student_number) is not None:
                raise AlreadyExists("leerling", student.student_number)
        if students:
            self._connection.execute(t.students.insert(), [_row_of(s) for s in students])
        self.ids.forget()

    def get(self, student_number: str) -> Student:
        row = self._connection.execute(
            select(*_COLUMNS).where(t.students.c.student_number == student_number)
        ).first()
        if row is None:
            raise NotFound("leerling", student_number)
        return _student_of(row)

    def list(
        self,
        *,
        department_code: str | None = None,
        year_name: str | None = None,
        limit: int | None = None,
    ) -> list[Student]:
        """Students sorted the Dutch way (last name, first name, infix); with
        ``department_code`` only those participating in it in school year ``year_name``."""
        query = select(*_COLUMNS).order_by(
            t.students.c.last_name, t.students.c.first_name, t.students.c.infix
        )
        if department_code is not None:
            p, d, y = t.department_participations, t.departments, t.school_years
            query = (
                query.join(p, p.c.student_id == t.students.c.id)
                .join(d, d.c.id == p.c.department_id)
                .join(y, y.c.id == p.c.school_year_id)
                .where(d.c.code == department_code.upper(), y.c.name == year_name)
            )
        if limit is not None:
            query = query.limit(limit)
        return [_student_of(row) for row in self._connection.execute(query)]

    def in_groups(
        self, year_name: str, group_names: Iterable[str]
    ) -> dict[str, builtins.list[Student]]:
        """group name -> its members (Dutch sort order), for groups of ``year_name``."""
        g, m, y = t.groups, t.group_memberships, t.school_years
        names = sorted(set(group_names))
        found: dict[str, builtins.list[Student]] = {name: [] for name in names}
        if not names:
            return found
        rows = self._connection.execute(
            select(g.c.name.label("group_name"), *_COLUMNS)
            .join(m, m.c.student_id == t.students.c.id)
            .join(g, g.c.id == m.c.group_id)
            .join(y, y.c.id == g.c.school_year_id)
            .where(y.c.name == year_name, g.c.name.in_(names))
            .order_by(t.students.c.last_name, t.students.c.first_name, t.students.c.infix)
        )
        for row in rows:
            found[row.group_name].append(_student_of(row))
        return found

    def count_per_department(self, year_name: str) -> dict[str, int]:
        """Active students per department code in the school year ``year_name``."""
        p, d, y, s = t.department_participations, t.departments, t.school_years, t.students
        rows = self._connection.execute(
            select(d.c.code, func.count())
            .join(p, p.c.department_id == d.c.id)
            .join(y, y.c.id == p.c.school_year_id)
            .join(s, s.c.id == p.c.student_id)
            .where(y.c.name == year_name, s.c.status == StudentStatus.ACTIVE.value)
            .group_by(d.c.code)
        )
        return {code: count for code, count in rows}

    def mark_left(self, student_numbers: Iterable[str]) -> int:
        ids = self.ids.ids_of(student_numbers)
        result = self._connection.execute(
            t.students.update()
            .where(t.students.c.id.in_(ids))
            .values(status=StudentStatus.LEFT.value)
        )
        return result.rowcount

    def count_by_status(self) -> dict[StudentStatus, int]:
        rows = self._connection.execute(
            select(t.students.c.status, func.count()).group_by(t.students.c.status)
        )
        counts = dict.fromkeys(StudentStatus, 0)
        for status, count in rows:
            counts[StudentStatus(status)] = count
        return counts
