"""The world of the sync state machine: one demo portal served over HTTP for a module,
fresh project files linked to it, and both sides read in full, domain by domain, so that
a step's effect can be compared with what the machine's model allows."""

from __future__ import annotations

import sqlite3
from collections.abc import Iterator
from contextlib import closing, contextmanager
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path

import httpx
from sqlalchemy import Engine, func, select

from koppel.connector.applying import Selection, download
from koppel.connector.client import PortalClient
from koppel.connector.comparing import Comparer
from koppel.connector.portal_records import to_rows
from koppel.connector.project_setup import init_project
from koppel.domain.accounts import WHOLE_SCHOOL, Role
from koppel.domain.sync.compare import absent
from koppel.domain.sync.domains import Fields, Key, SyncDomain
from koppel.services.accounts.tokens import create_token
from koppel.services.connector_api.reads import MAX_LIMIT, RecordQuery, read_records
from koppel.services.demo.build import build_demo_school
from koppel.store import tables
from koppel.store.database import connect
from koppel.store.migrate import upgrade
from koppel.store.project.file import ProjectFile, ProjectInfo
from koppel.store.unit_of_work import SqlAlchemyUnitOfWork
from tests.connector.conftest import DEPARTMENTS, DOWNLOADED
from tests.web.conftest import start_portal

Side = dict[SyncDomain, dict[Key, Fields]]
"""Every row of every domain on one side, as the comparison reads them."""
Cell = tuple[SyncDomain, Key]


@dataclass
class SyncPortal:
    """A demo school served on loopback, with a scheduler's token."""

    engine: Engine
    url: str
    token: str
    school_year: str
    home_classes_3h: tuple[str, ...]
    live: Path
    pristine: Path

    def reset(self) -> None:
        """The school as it was built: every example starts from the same portal, so a
        failing one can be replayed and shrunk (SQLite's online backup, while served)."""
        self.engine.dispose()
        with (
            closing(sqlite3.connect(self.pristine)) as source,
            closing(sqlite3.connect(self.live)) as target,
        ):
            source.backup(target)

    def uow(self) -> SqlAlchemyUnitOfWork:
        return SqlAlchemyUnitOfWork(self.engine)

    def info(self) -> ProjectInfo:
        return ProjectInfo(self.school_year, DEPARTMENTS, self.url, self.token)


@contextmanager
def served_portal(folder: Path, students: int = 150) -> Iterator[SyncPortal]:
    live, pristine = folder / "portal.db", folder / "pristine.db"
    database = f"sqlite:///{live}"
    engine = connect(database)
    upgrade(engine)
    built = build_demo_school(
        SqlAlchemyUnitOfWork(engine), students=students, seed=9, today=date(2026, 11, 23)
    )
    token = create_token(
        SqlAlchemyUnitOfWork(engine),
        "project",
        username=built.personas["scheduler"],
        role=Role.SCHEDULER,
        departments=DEPARTMENTS,
    ).token
    uow = SqlAlchemyUnitOfWork(engine)
    with uow:
        names = uow.student_planning.home_class_names(uow.school.current_school_year(), "3H")
    engine.dispose()
    with closing(sqlite3.connect(live)) as source, closing(sqlite3.connect(pristine)) as copy:
        source.backup(copy)
    process, url = start_portal(database)
    try:
        yield SyncPortal(engine, url, token, built.school_year, tuple(names), live, pristine)
    finally:
        process.terminate()
        process.wait(timeout=10)
        engine.dispose()


@contextmanager
def comparer_of(
    portal: SyncPortal, path: Path, transport: httpx.BaseTransport | None = None
) -> Iterator[Comparer]:
    project = ProjectFile.open(path)
    client = PortalClient(portal.url, portal.token, transport=transport)
    try:
        yield Comparer(project, client)
    finally:
        client.close()
        project.close()


def new_project(portal: SyncPortal, path: Path) -> None:
    """A project that starts as a copy of the portal, group assignments included."""
    with PortalClient(portal.url, portal.token) as client:
        init_project(path, portal.info(), client).close()
    with comparer_of(portal, path) as comparer:
        for domain in DOWNLOADED:
            download(comparer, domain, Selection(accept_conflicts=True))
        for domain in (SyncDomain.HOME_CLASSES, SyncDomain.CLUSTER_GROUPS):
            download(comparer, domain, Selection(take_portal=True))


def read_portal_side(portal: SyncPortal) -> Side:
    """The portal's rows of every domain, as its API answers them, read from its
    database (no copy a project keeps is involved)."""
    side: Side = {}
    for domain in SyncDomain:
        query = RecordQuery(domain, portal.school_year, DEPARTMENTS, limit=MAX_LIMIT)
        page = read_records(portal.uow(), query, actor="sync-machine", token=WHOLE_SCHOOL)
        assert page.next_cursor is None
        side[domain] = to_rows(domain, page.records)[0]
    return side


def read_project_side(path: Path) -> Side:
    project = ProjectFile.open(path)
    try:
        with project.begin() as session:
            return {domain: session.state(domain) for domain in SyncDomain}
    finally:
        project.close()


def value(side: Side, cell: Cell) -> Fields:
    """A cell's row; a missing row reads as the comparison reads it."""
    domain, key = cell
    return side[domain].get(key, absent(domain))


def changed_cells(before: Side, after: Side) -> set[Cell]:
    found: set[Cell] = set()
    for domain in SyncDomain:
        for key in before[domain].keys() | after[domain].keys():
            if value(before, (domain, key)) != value(after, (domain, key)):
                found.add((domain, key))
    return found


def changesets_in_portal(engine: Engine) -> int:
    with engine.connect() as conn:
        return int(conn.scalar(select(func.count()).select_from(tables.changesets)) or 0)


def active_students_in_portal(engine: Engine) -> int:
    s = tables.students
    with engine.connect() as conn:
        query = select(func.count()).select_from(s).where(s.c.status == "active")
        return int(conn.scalar(query) or 0)


@dataclass
class DropOneAnswer(httpx.HTTPTransport):
    """The real transport; the answer to the first POST is lost after the portal handled
    it (a reset connection). Keeps the Idempotency-Key of every POST it forwarded."""

    dropped: int = 0
    keys: list[str] = field(default_factory=list)

    def __post_init__(self) -> None:
        super().__init__()

    def handle_request(self, request: httpx.Request) -> httpx.Response:
        response = super().handle_request(request)
        if request.method != "POST":
            return response
        self.keys.append(request.headers.get("Idempotency-Key", ""))
        if not self.dropped:
            response.read()
            response.close()
            self.dropped += 1
            raise httpx.ReadError("connection reset", request=request)
        return response


def read_base(path: Path) -> dict[Cell, Fields]:
    """What the project remembers of the last sync, per cell."""
    project = ProjectFile.open(path)
    try:
        with project.begin() as session:
            return {
                (domain, key): row
                for domain in SyncDomain
                for key, row in session.base(domain).items()
            }
    finally:
        project.close()
