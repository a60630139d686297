"""A demo portal served on loopback (SQLite and PostgreSQL) and a project file linked to
it: the connector talks to the real app over real HTTP; nothing is mocked."""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from datetime import date
from pathlib import Path

import pytest
from sqlalchemy import Engine, select

from koppel.connector.applying import Selection, download
from koppel.connector.client import PortalClient
from koppel.connector.comparing import Comparer
from koppel.connector.project_setup import init_project
from koppel.domain.accounts import Role
from koppel.domain.sync.domains import SyncDomain
from koppel.services.accounts.tokens import create_token
from koppel.services.demo.build import build_demo_school
from koppel.store.database import connect
from koppel.store.migrate import upgrade
from koppel.store.project import tables as project_tables
from koppel.store.project.file import ProjectFile, ProjectInfo
from koppel.store.unit_of_work import SqlAlchemyUnitOfWork
from tests.web.conftest import start_portal

DEPARTMENTS = ("3H", "4H", "4V")
"""3H: the portal leads home classes; 4H and 4V: the project leads."""

DOWNLOADED = (
    SyncDomain.STUDENTS,
    SyncDomain.PERSONAL_DATA,
    SyncDomain.DEPARTMENT_PARTICIPATION,
    SyncDomain.LWOO,
    SyncDomain.PROGNOSES,
    SyncDomain.PACKAGE_CHOICES,
    SyncDomain.HOME_CLASSES,
)


@dataclass
class Linked:
    engine: Engine
    database: str
    url: str
    token: str
    path: Path
    school_year: str

    def uow(self) -> SqlAlchemyUnitOfWork:
        return SqlAlchemyUnitOfWork(self.engine)

    @contextmanager
    def comparer(self) -> Iterator[Comparer]:
        project = ProjectFile.open(self.path)
        client = PortalClient(self.url, self.token)
        try:
            yield Comparer(project, client)
        finally:
            client.close()
            project.close()

    def project_data(self) -> dict[str, list[tuple[object, ...]]]:
        """The scheduler's data and the sync base, every row, sorted."""
        project = ProjectFile.open(self.path)
        found: dict[str, list[tuple[object, ...]]] = {}
        with project.engine.connect() as conn:
            for table in (*project_tables.DATA_TABLES, project_tables.sync_base):
                found[table.name] = sorted(
                    (tuple(row) for row in conn.execute(select(table))), key=repr
                )
        project.close()
        return found

    def download_everything(self) -> None:
        """The project starts as a copy of the portal, group assignments included."""
        with self.comparer() as comparer:
            for domain in DOWNLOADED:
                download(comparer, domain, Selection(accept_conflicts=True))
            for domain in (SyncDomain.HOME_CLASSES, SyncDomain.CLUSTER_GROUPS):
                download(comparer, domain, Selection(take_portal=True))


@pytest.fixture
def linked(database_url: str, tmp_path: Path) -> Iterator[Linked]:
    """A 300-student demo portal served over HTTP and an empty project linked to it."""
    engine = connect(database_url)
    upgrade(engine)
    built = build_demo_school(
        SqlAlchemyUnitOfWork(engine), students=300, seed=5, today=date(2026, 11, 23)
    )
    persona = built.personas["scheduler"]
    token = create_token(
        SqlAlchemyUnitOfWork(engine),
        "project",
        username=persona,
        role=Role.SCHEDULER,
        departments=DEPARTMENTS,
    ).token
    process, url = start_portal(database_url)
    path = tmp_path / "rooster.koppel"
    try:
        info = ProjectInfo(built.school_year, DEPARTMENTS, url, token)
        with PortalClient(url, token) as client:
            init_project(path, info, client).close()
        yield Linked(engine, database_url, url, token, path, built.school_year)
    finally:
        process.terminate()
        process.wait(timeout=10)
        engine.dispose()
