"""What the project's screens show: every domain compared once, as of one moment.

The screens read from a snapshot, so that filtering and paging never wait for the
portal; the refresh button (and every apply) takes a new one. The seed's windows show
the same: "a refresh button with a time: when the information you see is from".
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import UTC, datetime

from koppel.connector.comparing import Comparer, DomainStatus, DomainView, status_of
from koppel.connector.results import ApplyResult
from koppel.connector.sync import take_over_personal_data
from koppel.domain.sync.domains import Lead, SyncDomain


@dataclass(frozen=True)
class Snapshot:
    as_of: str
    """When the portal's data was read (UTC, ISO 8601)."""
    taken_at: str
    views: dict[SyncDomain, DomainView]
    statuses: dict[SyncDomain, DomainStatus]
    leads: dict[str, Lead]
    departments: tuple[str, ...]
    auto: ApplyResult | None

    def view(self, domain: SyncDomain) -> DomainView:
        return self.views[domain]


def take_snapshot(comparer: Comparer, *, auto: bool = True) -> Snapshot:
    """Personal data taken over first (the seed: opening a project does it), then every
    domain compared."""
    taken = take_over_personal_data(comparer) if auto else None
    views = {domain: comparer.view(domain) for domain in SyncDomain}
    statuses = {domain: status_of(view.diff) for domain, view in views.items()}
    leads = comparer.portal(SyncDomain.HOME_CLASSES).leads
    return Snapshot(
        comparer.as_of,
        datetime.now(UTC).isoformat(timespec="seconds"),
        views,
        statuses,
        dict(leads),
        comparer.info.departments,
        taken,
    )
