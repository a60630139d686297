"""Comparing a project with its portal, domain by domain: read-only."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass

from koppel.connector.client import PortalClient
from koppel.connector.portal_view import PortalSide, read_portal
from koppel.domain.sync.compare import DomainDiff, compare
from koppel.domain.sync.domains import DOMAIN_DIRECTION, Direction, Fields, Key, SyncDomain
from koppel.store.project.file import ProjectFile, ProjectInfo

DEPARTMENT_SCOPED = frozenset({SyncDomain.PACKAGE_CHOICES, SyncDomain.HOME_CLASSES})
"""Domains whose portal records cover only the project's departments; the project's
rows of other departments (packages of earlier years, say) are left out of the
comparison."""


@dataclass(frozen=True)
class DomainView:
    """One domain compared: the diff with both sides and the base it came from."""

    diff: DomainDiff
    portal: dict[Key, Fields]
    project: dict[Key, Fields]
    base: dict[Key, Fields]
    versions: dict[str, int]
    as_of: str


class Comparer:
    """Reads each side once per command; the students domain scopes the others."""

    def __init__(self, project: ProjectFile, client: PortalClient) -> None:
        self.project = project
        self.client = client
        self.info: ProjectInfo = project.info()
        self._sides: dict[SyncDomain, PortalSide] = {}
        self._student_table: dict[Key, Fields] | None = None

    def portal(self, domain: SyncDomain) -> PortalSide:
        if domain not in self._sides:
            side = read_portal(self.project, self.client, self.info, domain)
            self._sides[domain] = side
            if side.leads:
                with self.project.begin() as session:
                    session.set_leads({code: lead.value for code, lead in side.leads.items()})
        return self._sides[domain]

    def forget(self) -> None:
        """Read the portal again at the next question (after a write)."""
        self._sides.clear()
        self._student_table = None

    def project_changed(self) -> None:
        """The project was written: read its students again at the next question."""
        self._student_table = None

    def _students(self) -> dict[Key, Fields]:
        """The project's student rows, read once per command (until a write)."""
        if self._student_table is None:
            with self.project.begin() as session:
                self._student_table = session.student_table()
        return self._student_table

    @property
    def as_of(self) -> str:
        return max((side.as_of for side in self._sides.values()), default="")

    def view(self, domain: SyncDomain) -> DomainView:
        side = self.portal(domain)
        students = self._students()
        with self.project.begin() as session:
            project_rows = session.state(domain, student_table=students)
            base = session.base(domain)
        in_project = {key[0] for key in students}
        portal_rows = side.rows
        if domain is not SyncDomain.STUDENTS:
            in_portal = {key[0] for key in self.portal(SyncDomain.STUDENTS).rows}
            both = in_portal & in_project
            portal_rows = _only(portal_rows, both)
            project_rows = _only(project_rows, both)
            base = _only(base, both)
        if domain in DEPARTMENT_SCOPED:
            departments = set(self.info.departments)
            project_rows = {k: v for k, v in project_rows.items() if k[1] in departments}
        diff = compare(domain, portal_rows, project_rows, base, side.leads)
        return DomainView(diff, portal_rows, project_rows, base, side.versions, side.as_of)

    def views(self, domains: Iterable[SyncDomain]) -> dict[SyncDomain, DomainView]:
        return {domain: self.view(domain) for domain in domains}


def _only(rows: dict[Key, Fields], students: set[str]) -> dict[Key, Fields]:
    if all(key[0] in students for key in rows):
        return rows
    return {key: values for key, values in rows.items() if key[0] in students}


@dataclass(frozen=True)
class DomainStatus:
    domain: SyncDomain
    differences: int
    conflicts: int
    exemption_changes: int
    download: int
    upload: int

    @property
    def ok(self) -> bool:
        return self.differences == 0

    @property
    def direction(self) -> str:
        return DOMAIN_DIRECTION[self.domain].value

    @property
    def label(self) -> str:
        """ "OK", "12" or "12 [3]" (package choices: exemption changes in brackets)."""
        if self.ok:
            return "OK"
        if self.domain is SyncDomain.PACKAGE_CHOICES:
            return f"{self.differences} [{self.exemption_changes}]"
        return str(self.differences)

    def as_json(self) -> dict[str, object]:
        return {
            "differences": self.differences,
            "conflicts": self.conflicts,
            "direction": self.direction,
            "download": self.download,
            "upload": self.upload,
            "exemption_changes": self.exemption_changes,
            "label": self.label,
        }


def status_of(diff: DomainDiff) -> DomainStatus:
    return DomainStatus(
        diff.domain,
        len(diff.rows),
        diff.conflicts,
        diff.exemption_changes,
        diff.count(Direction.DOWNLOAD),
        diff.count(Direction.UPLOAD),
    )
