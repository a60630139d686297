"""Versions of students' records for the API: one database-wide revision counter.

Every change set that touches students takes the next revision and stamps it on those
students, so a client can ask for "everything changed since revision N". The counter
row is updated before it is read: that takes the write lock first (SQLite) or the
row lock (PostgreSQL), so revisions are handed out in the order transactions commit.
"""

from __future__ import annotations

from collections.abc import Iterable

from sqlalchemy import Connection, select, update

from koppel.store import tables as t

_COUNTER = t.revision_counter
_BATCH = 500


class SqlAlchemyVersionRepository:
    def __init__(self, connection: Connection) -> None:
        self._connection = connection

    def current(self) -> int:
        """The newest revision handed out (0 in a database nothing has changed yet)."""
        value = self._connection.scalar(select(_COUNTER.c.value).where(_COUNTER.c.id == 1))
        return int(value or 0)

    def stamp_students(self, student_numbers: Iterable[str]) -> int | None:
        """Give these students the next revision; ``None`` when there are none."""
        numbers = sorted(set(student_numbers))
        if not numbers:
            return None
        self._connection.execute(
            update(_COUNTER).where(_COUNTER.c.id == 1).values(value=_COUNTER.c.value + 1)
        )
        revision = self.current()
        s = t.students
        for start in range(0, len(numbers), _BATCH):
            self._connection.execute(
                update(s)
                .where(s.c.student_number.in_(numbers[start : start + _BATCH]))
                .values(version=revision)
            )
        return revision
