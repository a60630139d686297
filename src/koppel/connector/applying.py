"""Download (portal -> project, one transaction of the project file) and upload
(project -> portal, one batch through the API): each one change set for undo."""

from __future__ import annotations

import uuid
from collections.abc import Collection, Iterable, Mapping
from dataclasses import dataclass, replace
from datetime import UTC, datetime
from typing import Any

from koppel.connector import pending
from koppel.connector.comparing import Comparer, DomainView
from koppel.connector.groups_view import cluster_rows_in
from koppel.connector.results import ApplyResult
from koppel.connector.uploads import send_upload
from koppel.domain.sync.compare import DiffRow, absent, settled
from koppel.domain.sync.domains import PERSONAL_FIELDS, Direction, Fields, Key, SyncDomain
from koppel.domain.sync.plan import plan_apply
from koppel.store.project.session import (
    PERSONAL_WIDTH,
    Entry,
    ProjectChangeSet,
    ProjectSession,
)


@dataclass(frozen=True)
class Selection:
    """Which differing rows to apply: all by default."""

    departments: Collection[str] | None = None
    students: Collection[str] | None = None
    accept_conflicts: bool = False
    only_new_package_departments: bool = False
    """Package choices: only departments that have no packages in the project yet."""
    take_portal: bool = False
    """Download the portal's rows even where the project leads (home classes of
    project-led departments, cluster groups): how a new project starts from the portal's
    group assignments. An explicit choice; never the default."""


def _now() -> str:
    return datetime.now(UTC).isoformat(timespec="microseconds")


GROUP_CONTEXT = (
    SyncDomain.HOME_CLASSES,
    SyncDomain.DEPARTMENT_PARTICIPATION,
    SyncDomain.CLUSTER_GROUPS,
)
"""What tells a cluster group's department: home classes, participation, members."""


def context_views(
    comparer: Comparer, domains: Iterable[SyncDomain], selection: Selection
) -> dict[SyncDomain, DomainView]:
    """The views ``domains`` need to choose rows: a department's cluster-group rows
    need the home classes and participation too."""
    wanted = set(domains)
    if selection.departments is not None and SyncDomain.CLUSTER_GROUPS in wanted:
        wanted.update(GROUP_CONTEXT)
    return {domain: comparer.view(domain) for domain in SyncDomain if domain in wanted}


def chosen_rows(
    views: Mapping[SyncDomain, DomainView],
    domain: SyncDomain,
    direction: Direction,
    selection: Selection,
    project_departments: Collection[str],
) -> tuple[list[DiffRow], list[DiffRow]]:
    """(rows to apply, conflicts left) of ``domain``. Cluster-group rows carry no
    department: with departments chosen, those whose changed groups belong to them
    (:func:`cluster_rows_in`, the groups window's rule)."""
    view = views[domain]
    departments = selection.departments
    if view.diff.domain is SyncDomain.PACKAGE_CHOICES and selection.only_new_package_departments:
        having = {key[1] for key in view.project}
        candidates = {row.department for row in view.diff.rows if row.department}
        allowed = {code for code in candidates if code not in having}
        departments = allowed if departments is None else allowed & set(departments)
    diff = view.diff
    if selection.take_portal and direction is Direction.DOWNLOAD:
        diff = replace(
            diff, rows=tuple(replace(row, direction=Direction.DOWNLOAD) for row in diff.rows)
        )
    chosen, waiting = diff.selected(
        direction=direction,
        departments=departments,
        students=selection.students,
        accept_conflicts=selection.accept_conflicts,
    )
    if domain is SyncDomain.CLUSTER_GROUPS and departments is not None:
        chosen = cluster_rows_in(views, chosen, departments, project_departments)
        waiting = cluster_rows_in(views, waiting, departments, project_departments)
    return chosen, waiting


def _base_entries(
    session: ProjectSession, view: DomainView, applied: Mapping[Key, Fields]
) -> list[Entry]:
    """The base of applied rows becomes the applied value; rows both sides agree on
    settle too."""
    rows = dict(settled(view.portal, view.project, view.base, domain=view.diff.domain))
    rows.update(applied)
    return session.write_base(view.diff.domain, rows)


def _new_students(comparer: Comparer, rows: Iterable[DiffRow]) -> dict[Key, Fields | None]:
    """Students coming down get the portal's personal data; LWOO follows in its domain."""
    wanted = list(rows)
    adding = [row.key for row in wanted if row.portal is not None]
    personal = comparer.portal(SyncDomain.PERSONAL_DATA).rows if adding else {}
    result: dict[Key, Fields | None] = {}
    for row in wanted:
        if row.portal is None:
            result[row.key] = None
        else:
            found = personal.get(row.key)
            result[row.key] = (*(found or ("",) * 10), False)
    return result


BROUGHT_ALONG = (
    SyncDomain.DEPARTMENT_PARTICIPATION,
    SyncDomain.HOME_CLASSES,
    SyncDomain.CLUSTER_GROUPS,
)
"""What a student coming down brings from the portal in the same change set."""


def _rows_of_new_students(
    comparer: Comparer, rows: Iterable[DiffRow]
) -> dict[SyncDomain, dict[Key, Fields]]:
    """Students coming into the project bring their department participations as the
    portal has them (so that prognoses, package choices and home classes work for them
    straight away) and the portal's group assignments: the project has nothing to say
    about a student it did not know, and an upload must not take the portal's home
    classes and cluster groups away from them."""
    added = {row.student for row in rows if row.portal is not None}
    if not added:
        return {}
    departments = set(comparer.info.departments)
    found: dict[SyncDomain, dict[Key, Fields]] = {}
    for domain in BROUGHT_ALONG:
        everywhere = domain is SyncDomain.DEPARTMENT_PARTICIPATION
        found[domain] = {
            key: values
            for key, values in comparer.portal(domain).rows.items()
            if key[0] in added and (everywhere or key[1] is None or key[1] in departments)
        }
    return found


def download(
    comparer: Comparer,
    domain: SyncDomain,
    selection: Selection,
    *,
    action: str = "download",
) -> ApplyResult:
    """The selected differences of ``domain`` from the portal into the project."""
    views = context_views(comparer, (domain,), selection)
    view = views[domain]
    departments = comparer.info.departments
    chosen, waiting = chosen_rows(views, domain, Direction.DOWNLOAD, selection, departments)
    result = ApplyResult((domain,), Direction.DOWNLOAD, view.as_of, conflicts=len(waiting))
    if not chosen:
        return result
    plan = plan_apply(domain, Direction.DOWNLOAD, chosen, view.base)
    target: dict[Key, Fields | None] = (
        _new_students(comparer, chosen)
        if domain is SyncDomain.STUDENTS
        else {write.key: write.after for write in plan.target}
    )
    brought = _rows_of_new_students(comparer, chosen) if domain is SyncDomain.STUDENTS else {}
    changeset = uuid.uuid4().hex
    with comparer.project.begin() as session:
        entries = session.write(domain, target)
        for other, rows in brought.items():
            entries += session.write(other, dict(rows))
            entries += session.write_base(other, rows)
        entries += _base_entries(
            session, view, {w.key: w.after for w in plan.base if w.after is not None}
        )
        session.record_changeset(
            ProjectChangeSet(
                changeset,
                _now(),
                action,
                domain.value,
                {"applied": len(chosen), "conflicts": len(waiting), "as_of": view.as_of},
                None,
                None,
            ),
            entries,
        )
    comparer.project_changed()
    result.changeset = changeset
    result.applied = len(chosen)
    return result


def upload(
    comparer: Comparer, domains: tuple[SyncDomain, ...], selection: Selection
) -> ApplyResult:
    """The selected project changes of ``domains`` to the portal in one batch (one portal
    change set); the project keeps the new base and the portal's change set for undo.
    An earlier upload that got no answer is finished first (:mod:`pending`)."""
    resumed = _resume(comparer)
    views = context_views(comparer, domains, selection)
    as_of = max(views[domain].as_of for domain in domains)
    result = resumed or ApplyResult(domains, Direction.UPLOAD, as_of)
    result.domains, result.as_of = domains, as_of
    chosen: dict[SyncDomain, list[DiffRow]] = {}
    departments = comparer.info.departments
    for domain in domains:
        rows, waiting = chosen_rows(views, domain, Direction.UPLOAD, selection, departments)
        result.conflicts += len(waiting)
        if rows:
            chosen[domain] = rows
    if not chosen:
        return result
    sent = send_upload(comparer, views, chosen)
    result.skipped = sent.skipped
    if not sent.applied:
        return result
    changeset = uuid.uuid4().hex
    with comparer.project.begin() as session:
        entries: list[Entry] = []
        for domain, rows in sent.applied.items():
            applied = {row.key: row.project or absent(domain) for row in rows}
            entries += _base_entries(session, views[domain], applied)
        accounts = {row.student for row in sent.applied.get(SyncDomain.STUDENTS, [])}
        entries += _emails_sent(
            session, {n: email for n, email in sent.emails.items() if n in accounts}
        )
        session.record_changeset(
            _upload_record(
                changeset, domains, _summary(sent.applied, result, as_of), sent.portal_changeset
            ),
            entries,
        )
        pending.answered(session)
    comparer.forget()
    result.changeset = changeset
    result.portal_changeset = sent.portal_changeset
    result.applied += sum(len(rows) for rows in sent.applied.values())
    return result


EMAIL = PERSONAL_FIELDS.index("email")


def _emails_sent(session: ProjectSession, emails: Mapping[str, str]) -> list[Entry]:
    """The project's e-mail field is where a student's address lives: a new account
    made with ``#EMAIL`` puts that address there too, as the portal now has it (else
    the personal data would differ from the portal's at the next comparison)."""
    if not emails:
        return []
    rows: dict[Key, Fields | None] = {}
    for key, values in session.student_rows(emails).items():
        personal = list(values[:PERSONAL_WIDTH])
        personal[EMAIL] = emails[key[0]]
        rows[key] = tuple(personal)
    return session.write(SyncDomain.PERSONAL_DATA, rows)


def _resume(comparer: Comparer) -> ApplyResult | None:
    """The upload that got no answer, sent again with its own key: the project records the
    portal's change set and its base moves on to the rows both sides now agree on."""
    resumed = pending.resend(comparer.project, comparer.client)
    if resumed is None:
        return None
    comparer.forget()
    domains = resumed.pending.domains
    views = {domain: comparer.view(domain) for domain in domains}
    as_of = max((view.as_of for view in views.values()), default="")
    changeset = uuid.uuid4().hex
    with comparer.project.begin() as session:
        entries: list[Entry] = []
        for view in views.values():
            entries += _base_entries(session, view, {})
        accounts = resumed.pending.body.get("students") or []
        entries += _emails_sent(
            session, {str(item["student_number"]): str(item["email"]) for item in accounts}
        )
        summary = {"applied": resumed.pending.items, "resumed": True, "as_of": as_of}
        session.record_changeset(
            _upload_record(changeset, domains, summary, resumed.portal_changeset), entries
        )
        pending.answered(session)
    comparer.forget()
    result = ApplyResult(domains, Direction.UPLOAD, as_of, changeset=changeset)
    result.portal_changeset = resumed.portal_changeset
    result.applied = resumed.pending.items
    return result


def _upload_record(
    changeset: str,
    domains: tuple[SyncDomain, ...],
    summary: dict[str, Any],
    portal_changeset: str | None,
) -> ProjectChangeSet:
    """The project's change set of an upload, with the portal's change set it made."""
    domain_names = ",".join(d.value for d in domains)
    return ProjectChangeSet(
        changeset, _now(), "upload", domain_names, summary, portal_changeset, None
    )


def _summary(
    applied: Mapping[SyncDomain, list[DiffRow]], result: ApplyResult, as_of: str
) -> dict[str, Any]:
    return {
        "applied": {domain.value: len(rows) for domain, rows in applied.items()},
        "skipped": len(result.skipped),
        "conflicts": result.conflicts,
        "as_of": as_of,
    }
