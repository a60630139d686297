"""The demo's scheduler's project (``koppel demo --project FILE``): a project file linked
to the demo portal, as if synced some time ago, with realistic differences since.

The portal's rows are read in-process exactly as its API answers them (``read_records``,
page by page), the differences are planted by ``project_changes`` and the file is
written in one transaction, with a new scheduler's token for the connector.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from koppel.connector.portal_records import to_rows
from koppel.domain.accounts import Role, TokenScope
from koppel.domain.sync.domains import Lead, SyncDomain
from koppel.services.accounts.tokens import create_token
from koppel.services.audit.entries import COMMAND_LINE_ACTOR
from koppel.services.connector_api.reads import MAX_LIMIT, Record, RecordQuery, read_records
from koppel.services.demo.catalog import DEPARTMENTS
from koppel.services.demo.project_changes import ProjectRows, Rows, plant_differences
from koppel.store.project.file import ProjectFile, ProjectFileError, ProjectInfo
from koppel.store.project.rows import EXTRA_ROWS
from koppel.store.project.session import DIRECT, ProjectSession
from koppel.store.unit_of_work import SqlAlchemyUnitOfWork

DEFAULT_PORTAL_URL = "http://127.0.0.1:8000"
TOKEN_NAME = "demo-project"  # noqa: S105 - the token's name, not a secret
PROJECT_YEARS = range(3, 7)
"""Years 3 to 6: portal-led home classes (years 3, 4 MAVO) and project-led ones."""


@dataclass(frozen=True)
class DemoProject:
    path: Path
    school_year: str
    departments: tuple[str, ...]
    portal_url: str
    token_name: str
    planted: dict[str, int]
    """How many differences of each kind the project has."""


def project_departments() -> tuple[str, ...]:
    return tuple(sorted(d.code for d in DEPARTMENTS if d.year in PROJECT_YEARS))


def check_project_path(path: Path) -> None:
    """Refuse before anything is written: the file must be new, its folder must exist."""
    if path.exists():
        raise ProjectFileError("project.exists", path=str(path))
    if not path.parent.is_dir():
        raise ProjectFileError("project.no_folder", path=str(path))


def read_portal_rows(
    uow: SqlAlchemyUnitOfWork, school_year: str, departments: tuple[str, ...]
) -> tuple[dict[SyncDomain, Rows], dict[str, Lead]]:
    """Every domain's rows as the connector would read them over HTTP (with a token for
    ``departments``), and who leads each department's home classes."""
    rows: dict[SyncDomain, Rows] = {}
    leads: dict[str, Lead] = {}
    for domain in SyncDomain:
        records: list[Record] = []
        cursor: str | None = None
        while True:
            page = read_records(
                uow,
                RecordQuery(domain, school_year, departments, limit=MAX_LIMIT, cursor=cursor),
                actor=COMMAND_LINE_ACTOR,
                token=TokenScope(frozenset(departments)),
            )
            records.extend(page.records)
            leads = {code: Lead(lead) for code, lead in page.leads.items()}
            cursor = page.next_cursor
            if cursor is None:
                break
        rows[domain] = to_rows(domain, records)[0]
    return rows, leads


def _write(session: ProjectSession, changes: ProjectRows, leads: dict[str, Lead]) -> None:
    session.set_leads({code: lead.value for code, lead in sorted(leads.items())})
    session.write(SyncDomain.STUDENTS, changes.students())
    for domain in DIRECT:
        session.write(domain, changes.project[domain])
    session.write_store(EXTRA_ROWS.name, changes.extra)
    for domain in SyncDomain:
        session.write_base(domain, changes.base[domain])


def write_demo_project(
    uow: SqlAlchemyUnitOfWork,
    path: Path,
    *,
    school_year: str,
    scheduler: str,
    seed: int,
    portal_url: str = DEFAULT_PORTAL_URL,
    departments: tuple[str, ...] | None = None,
    token_name: str = TOKEN_NAME,
) -> DemoProject:
    """A new project file at ``path`` for the demo portal's ``school_year``, with a new
    token for the ``scheduler`` account, limited to the project's departments; the same
    seed gives the same rows."""
    chosen = departments or project_departments()
    check_project_path(path)
    portal, leads = read_portal_rows(uow, school_year, chosen)
    changes = plant_differences(portal, leads, chosen, seed=seed)
    token = create_token(
        uow, token_name, username=scheduler, role=Role.SCHEDULER, departments=chosen
    )
    project = ProjectFile.create(path, ProjectInfo(school_year, chosen, portal_url, token.token))
    try:
        with project.begin() as session:
            _write(session, changes, leads)
    finally:
        project.close()
    return DemoProject(
        path, school_year, chosen, portal_url, token.name, dict(sorted(changes.planted.items()))
    )
