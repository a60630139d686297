"""Exports (uitvoer): the portal's students in the layout of the import template, so
that a file exported, edited and imported again changes exactly what was edited."""

from __future__ import annotations

from datetime import date
from pathlib import Path

from koppel.domain.imports.students import PERSONAL_FIELDS
from koppel.domain.students import StudentStatus
from koppel.files.columns import ImportKind
from koppel.files.templates import headers_of
from koppel.files.writers import Cell, write_table
from koppel.store.unit_of_work import SqlAlchemyUnitOfWork

STUDENT_FIELDS = (*PERSONAL_FIELDS, "home_class", "department")
"""In the order of the template's columns, between student number and LWOO."""


def export_students(uow: SqlAlchemyUnitOfWork, path: Path) -> int:
    """Write the active students of the current school year; returns how many."""
    with uow.unlocked():
        year = uow.school.current_school_year()
        states = uow.student_states.states(year)
    rows: list[list[Cell]] = []
    for number, state in sorted(states.items()):
        if state["status"] != StudentStatus.ACTIVE.value:
            continue
        born = state["birth_date"]
        rows.append(
            [
                number,
                *(str(state[name] or "") for name in STUDENT_FIELDS),
                "ja" if state["lwoo"] else "nee",
                date.fromisoformat(str(born)) if born else None,
            ]
        )
    write_table(path, headers_of(ImportKind.STUDENTS), rows, sheet_title="Leerlingen")
    return len(rows)
