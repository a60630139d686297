"""The connector's commands as use cases: status, diff, download, upload, undo.

Every command first takes over the portal's personal data (the seed: the portal always
leads there, and opening a project does it), unless the scheduler says ``--no-auto``.
Conflicting personal data is left for a decision, like everywhere else.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from datetime import UTC, datetime

from koppel.connector.applying import Selection, download, upload
from koppel.connector.comparing import Comparer, DomainStatus, status_of
from koppel.connector.results import ApplyResult, UndoResult
from koppel.connector.status_memo import recall, remember
from koppel.domain.errors import KoppelError, RefusedBySafetyRule
from koppel.domain.sync.compare import DomainDiff
from koppel.domain.sync.domains import SyncDomain
from koppel.progress import NoProgress, Progress

DOWNLOADS = frozenset(
    {
        SyncDomain.STUDENTS,
        SyncDomain.PERSONAL_DATA,
        SyncDomain.DEPARTMENT_PARTICIPATION,
        SyncDomain.LWOO,
        SyncDomain.PROGNOSES,
        SyncDomain.PACKAGE_CHOICES,
        SyncDomain.HOME_CLASSES,
    }
)
UPLOADS = frozenset({SyncDomain.STUDENTS, SyncDomain.HOME_CLASSES, SyncDomain.CLUSTER_GROUPS})
GROUP_ASSIGNMENTS = "group_assignments"
"""Upload's name for home classes of project-led departments and cluster groups together
(the seed's "Groepsindelingen")."""


class WrongDirection(KoppelError):
    exit_code = 2


def parse_domain(text: str) -> SyncDomain:
    try:
        return SyncDomain(text.strip().lower().replace("-", "_"))
    except ValueError as error:
        known = ", ".join(d.value for d in SyncDomain)
        raise WrongDirection("connector.unknown_domain", domain=text, known=known) from error


def upload_domains(text: str) -> tuple[SyncDomain, ...]:
    if text.strip().lower().replace("-", "_") == GROUP_ASSIGNMENTS:
        return (SyncDomain.HOME_CLASSES, SyncDomain.CLUSTER_GROUPS)
    domain = parse_domain(text)
    if domain not in UPLOADS:
        raise WrongDirection("connector.not_uploadable", domain=domain.value)
    return (domain,)


def download_domain(text: str, *, take_portal: bool = False) -> SyncDomain:
    domain = parse_domain(text)
    if domain not in DOWNLOADS and not take_portal:
        raise WrongDirection("connector.not_downloadable", domain=domain.value)
    return domain


def take_over_personal_data(comparer: Comparer) -> ApplyResult:
    """Opening a project: the portal's personal data replaces the project's (conflicts
    excepted); one change set of its own, so undo can take it back."""
    return download(comparer, SyncDomain.PERSONAL_DATA, Selection(), action="auto")


@dataclass(frozen=True)
class StatusReport:
    as_of: str
    domains: dict[SyncDomain, DomainStatus]
    auto: ApplyResult | None
    read_at: str

    def as_json(self) -> dict[str, object]:
        return {
            "as_of": self.as_of,
            "domains": {d.value: s.as_json() for d, s in self.domains.items()},
            "auto": None if self.auto is None else self.auto.as_json(),
        }


def status(
    comparer: Comparer, *, auto: bool = True, progress: Progress | None = None
) -> StatusReport:
    """Per domain OK or its differences; when nothing changed since the last status on
    either side, the remembered one after a single question to the portal."""
    shown = progress or NoProgress()
    shown.step("Portal en project vergelijken", len(SyncDomain) + int(auto))
    remembered = recall(comparer, auto=auto)
    if remembered is not None:
        shown.advance(len(SyncDomain) + int(auto))
        return StatusReport(remembered.as_of, remembered.domains, None, _now())
    taken = take_over_personal_data(comparer) if auto else None
    shown.advance(int(auto))
    domains: dict[SyncDomain, DomainStatus] = {}
    for domain in SyncDomain:
        domains[domain] = status_of(comparer.view(domain).diff)
        shown.advance()
    remember(comparer, domains)
    return StatusReport(comparer.as_of, domains, taken, _now())


def _now() -> str:
    return datetime.now(UTC).isoformat()


@dataclass(frozen=True)
class DiffReport:
    as_of: str
    diff: DomainDiff
    auto: ApplyResult | None

    def as_json(self, departments: Iterable[str] | None = None) -> dict[str, object]:
        wanted = None if departments is None else set(departments)
        rows = [
            {
                "student": row.student,
                "department": row.department,
                "direction": row.direction.value,
                "origin": row.origin.value,
                "conflict": row.conflict,
                "fields": {
                    f.name: {
                        "portal": _json(f.portal),
                        "project": _json(f.project),
                        "base": _json(f.base),
                        "conflict": f.conflict,
                    }
                    for f in row.fields
                },
            }
            for row in self.diff.rows
            if wanted is None or row.department is None or row.department in wanted
        ]
        return {
            "as_of": self.as_of,
            "domain": self.diff.domain.value,
            "rows": rows,
            "auto": None if self.auto is None else self.auto.as_json(),
        }


def _json(value: object) -> object:
    return list(value) if isinstance(value, tuple) else value


def diff(comparer: Comparer, domain: SyncDomain, *, auto: bool = True) -> DiffReport:
    taken = take_over_personal_data(comparer) if auto else None
    view = comparer.view(domain)
    return DiffReport(view.as_of, view.diff, taken)


def download_selection(
    comparer: Comparer, domain: SyncDomain, selection: Selection, *, auto: bool = True
) -> tuple[ApplyResult, ApplyResult | None]:
    taken = None
    if auto and domain is not SyncDomain.PERSONAL_DATA:
        taken = take_over_personal_data(comparer)
    return download(comparer, domain, selection), taken


def upload_selection(
    comparer: Comparer,
    domains: tuple[SyncDomain, ...],
    selection: Selection,
    *,
    auto: bool = True,
) -> tuple[ApplyResult, ApplyResult | None]:
    taken = take_over_personal_data(comparer) if auto else None
    return upload(comparer, domains, selection), taken


def undo_latest(comparer: Comparer) -> UndoResult:
    """The newest change set of the project undone exactly; an upload's portal change
    set is undone in the portal first (refused there: nothing changes here). Refused
    when rows it wrote were changed in the project since: undoing would overwrite them."""
    with comparer.project.begin() as session:
        latest = session.latest_changeset()
        changed = [] if latest is None else session.changed_since(latest.id)
    if latest is None:
        return UndoResult(None, 0)
    if changed:
        shown = ", ".join(" ".join(part for part in key if part) for key in changed[:5])
        raise RefusedBySafetyRule(
            "connector.undo_changed_since", changeset=latest.id, count=len(changed), rows=shown
        )
    if latest.portal_changeset is not None:
        comparer.client.undo(latest.portal_changeset)
    with comparer.project.begin() as session:
        reversed_rows = session.undo_entries(latest.id, datetime.now(UTC))
        if latest.portal_changeset is not None:
            session.forget_cache()
    comparer.forget()
    return UndoResult(latest.id, reversed_rows, latest.portal_changeset)
