"""Step 3 in a prepared year: the students whose department in the SIS file differs
from their prognosis, per department: the list team leaders must check."""

from __future__ import annotations

from collections.abc import Iterable

from koppel.domain.audit import JsonValue
from koppel.domain.imports.students import IncomingStudent
from koppel.domain.school import SchoolYear
from koppel.domain.school_years import participation_text
from koppel.store.unit_of_work import SqlAlchemyUnitOfWork


def prognosis_differences(
    uow: SqlAlchemyUnitOfWork, year: SchoolYear, incoming: Iterable[IncomingStudent]
) -> dict[str, JsonValue]:
    """SIS department code -> ``[{student, sis, prognosis}]`` for the students whose
    file department is not their prognosis for ``year`` (no prognosis counts as one)."""
    rows = [row for row in incoming if row.values.get("department")]
    prognoses = uow.student_planning.prognoses_of(year, [row.student_number for row in rows])
    found: dict[str, list[JsonValue]] = {}
    for row in sorted(rows, key=lambda r: r.student_number):
        sis = str(row.values["department"])
        prognosis = prognoses.get(row.student_number)
        expected = participation_text(prognosis.shares) if prognosis else ""
        if expected != sis:
            department = sis.split()[0]
            found.setdefault(department, []).append(
                {"student": row.student_number, "sis": sis, "prognosis": expected}
            )
    return {code: found[code] for code in sorted(found)}
