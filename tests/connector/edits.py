"""Changes on either side, made the way each side makes them: the portal through its own
services (as a team leader's page or an import would), the project through its file."""

from __future__ import annotations

from pathlib import Path

from sqlalchemy import Engine, update

from koppel.domain.sync.domains import Fields, Key, SyncDomain
from koppel.services.planning.edits import PlanningEdit, apply_edit
from koppel.store import tables
from koppel.store.project.file import ProjectFile
from koppel.store.repositories.connector_api.versions import SqlAlchemyVersionRepository
from koppel.store.unit_of_work import SqlAlchemyUnitOfWork


def portal_planning(
    uow: SqlAlchemyUnitOfWork, department: str, numbers: list[str], edit: PlanningEdit
) -> None:
    with uow:
        apply_edit(uow, "teamleider", uow.school.department(department), numbers, edit)


def portal_last_name(engine: Engine, number: str, last_name: str) -> None:
    """As an import from the SIS would: the row changes and the student gets a version."""
    with engine.begin() as connection:
        connection.execute(
            update(tables.students)
            .where(tables.students.c.student_number == number)
            .values(last_name=last_name)
        )
        SqlAlchemyVersionRepository(connection).stamp_students([number])


def project_rows(path: Path, domain: SyncDomain, rows: dict[Key, Fields | None]) -> None:
    project = ProjectFile.open(path)
    with project.begin() as session:
        session.write(domain, rows)
    project.close()
