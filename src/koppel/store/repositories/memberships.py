"""The one way a student's home class in a department is replaced (pages and API)."""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Sequence

from sqlalchemy import Connection

from koppel.store import tables as t
from koppel.store.chunks import chunks

_m = t.group_memberships


def replace_home_class(
    connection: Connection,
    *,
    year_id: int,
    student_id: int,
    department_id: int,
    group_id: int | None,
) -> None:
    """Take the student out of its home class in the department; into ``group_id`` if given."""
    replace_home_classes(connection, year_id=year_id, rows=[(student_id, department_id, group_id)])


def replace_home_classes(
    connection: Connection,
    *,
    year_id: int,
    rows: Sequence[tuple[int, int, int | None]],
) -> None:
    """:func:`replace_home_class` for many (student id, department id, group id or None)
    at once: a statement per department (and 5,000 students) to take them out, one to put
    them in."""
    students_of: dict[int, list[int]] = defaultdict(list)
    for student_id, department_id, _ in rows:
        students_of[department_id].append(student_id)
    for department_id, student_ids in students_of.items():
        for chunk in chunks(student_ids):
            connection.execute(
                _m.delete().where(
                    _m.c.student_id.in_(chunk),
                    _m.c.school_year_id == year_id,
                    _m.c.home_class_department_id == department_id,
                )
            )
    placed = [
        {
            "group_id": group_id,
            "student_id": student_id,
            "home_class_department_id": department_id,
            "school_year_id": year_id,
        }
        for student_id, department_id, group_id in rows
        if group_id is not None
    ]
    if placed:
        connection.execute(_m.insert(), placed)
