"""The students known on one side only (added in the portal, or only in the project):
their names and departments for the Students window, read once from the project file
(its own rows, and the portal's answers it keeps with the snapshot)."""

from __future__ import annotations

from collections.abc import Mapping
from pathlib import Path

from koppel.connector.snapshot import Snapshot
from koppel.connector.students_view import Person, name_of, per_student
from koppel.domain.sync.domains import Fields, Key, SyncDomain
from koppel.store.project.file import ProjectFile


def one_sided(snapshot: Snapshot) -> tuple[set[str], set[str]]:
    """(students only the portal has, students only the project has)."""
    rows = snapshot.views[SyncDomain.STUDENTS].diff.rows
    portal = {row.student for row in rows if row.portal is not None and row.project is None}
    project = {row.student for row in rows if row.project is not None and row.portal is None}
    return portal, project


def read_one_sided(path: Path, snapshot: Snapshot) -> dict[str, Person]:
    """Names and departments of the students known on one side only, from the project
    file: its own rows, and the portal's answers it keeps (read with the snapshot)."""
    portal_only, project_only = one_sided(snapshot)
    if not portal_only and not project_only:
        return {}
    project = ProjectFile.open(path)
    try:
        with project.begin() as session:
            people: dict[str, Person] = {}
            if portal_only:
                kept = session.cached(SyncDomain.PERSONAL_DATA)
                taking = session.cached(SyncDomain.DEPARTMENT_PARTICIPATION)
                people |= _people(
                    portal_only,
                    kept.rows if kept else {},
                    taking.rows if taking else {},
                )
            if project_only:
                people |= _people(
                    project_only,
                    session.student_rows(project_only),
                    session.state(SyncDomain.DEPARTMENT_PARTICIPATION),
                )
            return people
    finally:
        project.close()


def _people(
    numbers: set[str], personal: Mapping[Key, Fields], participation: Mapping[Key, Fields]
) -> dict[str, Person]:
    departments = per_student(key for key in participation if key[0] in numbers)
    return {
        number: Person(
            name_of(personal.get((number, None))), tuple(sorted(departments.get(number, ())))
        )
        for number in numbers
    }
