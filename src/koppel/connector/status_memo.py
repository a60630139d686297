"""A status remembered, so that asking again when nothing changed costs one request.

The versions of the portal's records are per student, not per domain: one question
("which students in scope changed since revision R, who left, how many are there?")
tells whether any domain can have changed. When the portal says nothing changed, the
leads are the same and the project's data revision is the one the status was made at,
the remembered status still holds.
"""

from __future__ import annotations

import json
from dataclasses import dataclass

from koppel.connector.comparing import Comparer, DomainStatus
from koppel.domain.sync.domains import SyncDomain

MEMO = "status_memo"


@dataclass(frozen=True)
class Remembered:
    as_of: str
    domains: dict[SyncDomain, DomainStatus]


def remember(comparer: Comparer, domains: dict[SyncDomain, DomainStatus]) -> None:
    sides = [comparer.portal(domain) for domain in SyncDomain]
    students = comparer.portal(SyncDomain.STUDENTS)
    memo = {
        "revision": min(side.revision for side in sides),
        "in_scope": len(students.versions),
        "leads": {code: lead.value for code, lead in students.leads.items()},
        "domains": {
            d.value: [s.differences, s.conflicts, s.exemption_changes, s.download, s.upload]
            for d, s in domains.items()
        },
    }
    with comparer.project.begin() as session:
        memo["data_revision"] = session.data_revision()
        session.set_setting(MEMO, json.dumps(memo, separators=(",", ":")))


def recall(comparer: Comparer, *, auto: bool) -> Remembered | None:
    """The remembered status when nothing changed on either side; None otherwise."""
    with comparer.project.begin() as session:
        text = session.settings().get(MEMO)
        revision = session.data_revision()
    if text is None:
        return None
    memo = json.loads(text)
    if memo.get("data_revision") != revision:
        return None
    domains = {
        SyncDomain(code): DomainStatus(SyncDomain(code), *values)
        for code, values in memo["domains"].items()
    }
    personal = domains[SyncDomain.PERSONAL_DATA]
    if auto and personal.differences > personal.conflicts:
        return None  # the automatic take-over has work to do
    info = comparer.info
    probe = comparer.client.read(
        SyncDomain.STUDENTS,
        school_year=info.school_year,
        departments=info.departments,
        since=int(memo["revision"]),
        limit=1,
    )
    unchanged = (
        not probe.records
        and not probe.left_scope
        and probe.in_scope == memo["in_scope"]
        and probe.leads == memo["leads"]
    )
    return Remembered(probe.as_of, domains) if unchanged else None
