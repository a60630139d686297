"""A demo school served by a real ``koppel serve`` that a test may kill (SIGKILL) and start
again on the same port, and a project file linked to it, possibly through a proxy."""

from __future__ import annotations

import signal
import sqlite3
import subprocess
from contextlib import closing
from datetime import date
from pathlib import Path

from sqlalchemy import Engine, func, select
from sqlalchemy.engine import make_url

from koppel.connector.client import PortalClient
from koppel.connector.project_setup import init_project
from koppel.domain.accounts import Role
from koppel.domain.sync.domains import SyncDomain
from koppel.services.accounts.tokens import create_token
from koppel.services.demo.build import build_demo_school
from koppel.store import tables
from koppel.store.database import connect
from koppel.store.migrate import upgrade
from koppel.store.project.file import ProjectFile, ProjectInfo
from koppel.store.unit_of_work import SqlAlchemyUnitOfWork
from tests.connector.conftest import DEPARTMENTS, Linked
from tests.integration.snapshot import snapshot
from tests.web.conftest import free_port, start_portal

API_BOOKKEEPING = {"idempotency_keys", "api_tokens"}
"""Stored answers to idempotency keys and the token's last use: not the school's data."""


class ServedSchool:
    """The portal database, its token for the scheduler, and the serving process."""

    def __init__(self, database: str, *, students: int, seed: int = 5) -> None:
        self.database = database
        self.engine: Engine = connect(database)
        upgrade(self.engine)
        uow = SqlAlchemyUnitOfWork(self.engine)
        built = build_demo_school(uow, students=students, seed=seed, today=date(2026, 11, 23))
        persona = built.personas["scheduler"]
        self.school_year = built.school_year
        self.token = create_token(
            SqlAlchemyUnitOfWork(self.engine),
            "project",
            username=persona,
            role=Role.SCHEDULER,
            departments=DEPARTMENTS,
        ).token
        self.port = free_port()
        self.url = f"http://127.0.0.1:{self.port}"
        self.process: subprocess.Popen[bytes] | None = None

    def start(self) -> None:
        self.process, _ = start_portal(self.database, port=self.port)

    def kill(self) -> None:
        """SIGKILL: no shutdown, no rollback by the portal itself."""
        if self.process is not None:
            self.process.send_signal(signal.SIGKILL)
            self.process.wait(timeout=10)
            self.process = None

    def stop(self) -> None:
        if self.process is not None:
            self.process.terminate()
            self.process.wait(timeout=10)
            self.process = None
        self.engine.dispose()

    def link(self, path: Path, url: str | None = None) -> Linked:
        """A new project file on ``url`` (the portal itself unless a proxy is given)."""
        info = ProjectInfo(self.school_year, DEPARTMENTS, url or self.url, self.token)
        with PortalClient(url or self.url, self.token) as client:
            init_project(path, info, client).close()
        return Linked(
            self.engine, self.database, url or self.url, self.token, path, self.school_year
        )

    def writing(self) -> bool:
        """Whether a transaction holds the SQLite database's write lock (the portal takes it
        first thing in an upload and keeps it until COMMIT): BEGIN IMMEDIATE fails at once."""
        path = make_url(self.database).database
        with closing(sqlite3.connect(str(path), timeout=0, isolation_level=None)) as probe:
            try:
                probe.execute("BEGIN IMMEDIATE")
            except sqlite3.OperationalError:
                return True
            probe.execute("ROLLBACK")
            return False

    def data(self) -> dict[str, list[tuple[object, ...]]]:
        """The school's data: every table but the bookkeeping."""
        found = snapshot(self.engine)
        return {name: rows for name, rows in found.items() if name not in API_BOOKKEEPING}

    def changesets(self) -> int:
        with self.engine.connect() as conn:
            return int(conn.scalar(select(func.count()).select_from(tables.changesets)) or 0)

    def newest_changeset(self) -> str:
        c = tables.changesets
        with self.engine.connect() as conn:
            return str(conn.scalar(select(c.c.id).order_by(c.c.created_at.desc()).limit(1)))


def students_in(linked: Linked, departments: tuple[str, ...]) -> list[str]:
    rows = linked.project_data()["participations"]
    return sorted({str(row[0]) for row in rows if row[1] in departments})


def regroup(linked: Linked, numbers: list[str], group: str) -> None:
    """The scheduler puts every one of ``numbers`` in cluster group ``group``, alone."""
    project = ProjectFile.open(linked.path)
    with project.begin() as session:
        session.write(SyncDomain.CLUSTER_GROUPS, {(n, None): ((group,),) for n in numbers})
    project.close()
