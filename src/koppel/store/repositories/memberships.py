"""The one way a student's home class in a department is replaced (pages and API)."""

from __future__ import annotations

from sqlalchemy import Connection

from koppel.store import tables as t

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
    connection.execute(
        _m.delete().where(
            _m.c.student_id == student_id,
            _m.c.school_year_id == year_id,
            _m.c.home_class_department_id == department_id,
        )
    )
    if group_id is not None:
        connection.execute(
            _m.insert().values(
                group_id=group_id,
                student_id=student_id,
                home_class_department_id=department_id,
                school_year_id=year_id,
            )
        )
