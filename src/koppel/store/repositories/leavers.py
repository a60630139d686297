"""Students who left and the traces that say when (read only): their yearly records, the
change sets that marked them left and the notes of earlier retention runs."""

from __future__ import annotations

from collections.abc import Collection

from sqlalchemy import Connection, Table, func, select

from koppel.domain.privacy import LEFT_SEEN_ACTION, StatusMarking
from koppel.domain.school import SchoolYear
from koppel.domain.students import StudentStatus
from koppel.store import tables as t
from koppel.store.repositories.among import among

YEARLY_RECORDS: tuple[tuple[Table, int], ...] = (
    (t.department_participations, 0),
    (t.group_memberships, 0),
    (t.prognoses, 1),
    (t.package_choices, 0),
)
"""The tables whose rows say that a student was at school in a school year, and how many
years their school year lies ahead of that one: a prognosis is kept under the year it
forecasts, made in the year before."""


class SqlAlchemyLeaverRepository:
    def __init__(self, connection: Connection) -> None:
        self._connection = connection

    def left_students(self) -> dict[str, int]:
        """``{student number: id}`` of every student with status left."""
        s = t.students
        rows = self._connection.execute(
            select(s.c.student_number, s.c.id).where(s.c.status == StudentStatus.LEFT.value)
        )
        return {number: student_id for number, student_id in rows}

    def last_record_years(self, student_ids: Collection[int]) -> dict[int, SchoolYear]:
        """``{student id: school year}``: the newest year a yearly record puts them at
        school."""
        newest: dict[int, SchoolYear] = {}
        y = t.school_years
        for table, ahead in YEARLY_RECORDS:
            for condition in among(self._connection, table.c.student_id, student_ids):
                rows = self._connection.execute(
                    select(table.c.student_id, func.max(y.c.name))
                    .join(y, y.c.id == table.c.school_year_id)
                    .where(condition)
                    .group_by(table.c.student_id)
                )
                for student_id, name in rows:
                    year = SchoolYear.starting(SchoolYear(name).start_year - ahead)
                    known = newest.get(student_id)
                    if known is None or year.start_year > known.start_year:
                        newest[student_id] = year
        return newest

    def status_changes(self, student_numbers: Collection[str]) -> list[StatusMarking]:
        """Every ``student.update`` entry of a standing change set about these students."""
        a, c = t.audit_entries, t.changesets
        found: list[StatusMarking] = []
        for condition in among(self._connection, a.c.key, student_numbers):
            rows = self._connection.execute(
                select(a.c.key, a.c.after, c.c.summary, c.c.created_at)
                .join(c, c.c.id == a.c.changeset)
                .where(
                    a.c.entity == "student",
                    a.c.action == "student.update",
                    condition,
                    c.c.undone_at.is_(None),
                )
            )
            for number, after, summary, at in rows:
                year = summary.get("school_year") if isinstance(summary, dict) else None
                found.append(StatusMarking(number, after, None if year is None else str(year), at))
        return found

    def notes(self, student_numbers: Collection[str]) -> dict[str, str]:
        """``{student number: school year}`` noted by earlier retention runs (the oldest)."""
        a = t.audit_entries
        noted: dict[str, str] = {}
        for condition in among(self._connection, a.c.key, student_numbers):
            rows = self._connection.execute(
                select(a.c.key, a.c.after).where(
                    a.c.entity == "student", a.c.action == LEFT_SEEN_ACTION, condition
                )
            )
            for number, after in rows:
                year = after.get("school_year") if isinstance(after, dict) else None
                if isinstance(year, str) and (number not in noted or year < noted[number]):
                    noted[number] = year
        return noted
