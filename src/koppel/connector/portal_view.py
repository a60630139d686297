"""The portal's side of each domain, read through its API and kept in the project file,
so that the next read asks only for students changed since (``since``)."""

from __future__ import annotations

from dataclasses import dataclass

from koppel.connector.client import PortalClient
from koppel.connector.portal_records import to_rows
from koppel.domain.sync.domains import Fields, Key, Lead, SyncDomain
from koppel.store.project.file import ProjectFile, ProjectInfo
from koppel.store.project.session import CachedRead


@dataclass(frozen=True)
class PortalSide:
    domain: SyncDomain
    rows: dict[Key, Fields]
    versions: dict[str, int]
    """The students in scope with their versions."""
    as_of: str
    leads: dict[str, Lead]
    fetched: int
    """How many students' records came over the wire in this read."""
    revision: int
    """The portal's revision this side is current to."""


def read_portal(
    project: ProjectFile, client: PortalClient, info: ProjectInfo, domain: SyncDomain
) -> PortalSide:
    """The portal's rows of ``domain`` now: what changed since the last read, merged into
    what the project kept; everything again when the kept copy no longer adds up."""
    with project.begin() as session:
        kept = session.cached(domain)
    if kept is not None:
        read = client.read(
            domain,
            school_year=info.school_year,
            departments=info.departments,
            since=kept.revision,
        )
        rows, versions = to_rows(domain, read.records)
        changed = set(versions) | set(read.left_scope)
        merged_rows = {k: v for k, v in kept.rows.items() if k[0] not in changed}
        merged_rows.update(rows)
        merged_versions = {n: v for n, v in kept.versions.items() if n not in changed}
        merged_versions.update(versions)
        if len(merged_versions) == read.in_scope:
            fresh = CachedRead(read.revision, read.as_of, merged_rows, merged_versions)
            with project.begin() as session:
                if changed:
                    session.cache(domain, fresh)
                else:
                    session.touch_cache(domain, read.revision, read.as_of)
            return _side(domain, fresh, read.leads, len(versions))
    read = client.read(domain, school_year=info.school_year, departments=info.departments)
    rows, versions = to_rows(domain, read.records)
    fresh = CachedRead(read.revision, read.as_of, rows, versions)
    with project.begin() as session:
        session.cache(domain, fresh)
    return _side(domain, fresh, read.leads, len(versions))


def _side(domain: SyncDomain, read: CachedRead, leads: dict[str, str], fetched: int) -> PortalSide:
    return PortalSide(
        domain,
        read.rows,
        read.versions,
        read.as_of,
        {code: Lead(lead) for code, lead in leads.items()},
        fetched,
        read.revision,
    )
