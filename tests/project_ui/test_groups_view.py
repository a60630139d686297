"""The groups window's view of a snapshot, on a small made-up school: which department a
cluster group belongs to, x / D / P per student and group, and the counts."""

from __future__ import annotations

from koppel.connector.comparing import DomainView, status_of
from koppel.connector.groups_view import (
    BOTH,
    PORTAL_ONLY,
    PROJECT_ONLY,
    group_departments,
    groups_overview,
    natural,
)
from koppel.connector.snapshot import Snapshot
from koppel.domain.sync.compare import compare
from koppel.domain.sync.domains import Fields, Key, Lead, SyncDomain

LEADS = {"3M": Lead.PORTAL, "4V": Lead.PROJECT}
State = dict[Key, Fields]


def _view(
    domain: SyncDomain, portal: State, project: State, base: State | None = None
) -> DomainView:
    base = portal if base is None else base
    diff = compare(domain, portal, project, base, LEADS)
    return DomainView(diff, portal, project, base, {}, "2026-11-23T10:00:00Z")


def _snapshot() -> Snapshot:
    people: State = {
        ("100001", None): ("Anna", "", "Smit", *("",) * 8),
        ("100002", None): ("Bram", "van", "Dijk", *("",) * 8),
        ("100003", None): ("Cas", "", "Bos", *("",) * 8),
    }
    taking_part: State = {
        ("100001", "4V"): (100,),
        ("100002", "4V"): (100,),
        ("100003", "3M"): (100,),
    }
    homes_portal: State = {
        ("100001", "4V"): ("4V1",),
        ("100002", "4V"): ("4V1",),
        ("100003", "3M"): ("3M1",),
    }
    homes_project: State = {**homes_portal, ("100002", "4V"): ("4V2",), ("100003", "3M"): ("3M2",)}
    clusters_portal: State = {
        ("100001", None): (("4V.en1", "4V.netl1"),),
        ("100002", None): (("4V.en1", "keuzewerktijd"),),
        ("100003", None): ((),),
    }
    clusters_project: State = {
        **clusters_portal,
        ("100001", None): (("4V.en1", "4V.netl7"),),
    }
    views = {
        SyncDomain.PERSONAL_DATA: _view(SyncDomain.PERSONAL_DATA, people, people),
        SyncDomain.DEPARTMENT_PARTICIPATION: _view(
            SyncDomain.DEPARTMENT_PARTICIPATION, taking_part, taking_part
        ),
        SyncDomain.HOME_CLASSES: _view(SyncDomain.HOME_CLASSES, homes_portal, homes_project),
        SyncDomain.CLUSTER_GROUPS: _view(
            SyncDomain.CLUSTER_GROUPS, clusters_portal, clusters_project
        ),
    }
    statuses = {domain: status_of(view.diff) for domain, view in views.items()}
    return Snapshot("", "", views, statuses, dict(LEADS), ("3M", "4V"), None)


def test_a_group_belongs_to_the_department_its_name_starts_with_else_its_members() -> None:
    members = {"4V.en1": {"1"}, "keuzewerktijd": {"1", "2"}, "los": set()}
    found = group_departments(members, members, {"3M": {"2"}, "4V": {"1"}})
    assert found == {"4V.en1": "4V", "keuzewerktijd": "3M"}


def test_natural_order_puts_4v2_before_4v10() -> None:
    assert sorted(["4V.en10", "4V10", "4V.en2", "4V2"], key=natural) == [
        "4V2",
        "4V10",
        "4V.en2",
        "4V.en10",
    ]


def test_marks_and_counts_per_department() -> None:
    overview = {d.department: d for d in groups_overview(_snapshot())}
    vwo = overview["4V"]
    columns = [c.name for c in vwo.columns]
    assert columns == ["4V1", "4V2", "4V.en1", "4V.netl1", "4V.netl7", "keuzewerktijd"]
    assert (vwo.home_classes, vwo.cluster_groups) == (2, 4)
    marks = {line.student: dict(zip(columns, line.marks, strict=True)) for line in vwo.lines}
    assert marks["100001"]["4V.en1"] == BOTH
    assert marks["100001"]["4V.netl1"] == PORTAL_ONLY
    assert marks["100001"]["4V.netl7"] == PROJECT_ONLY
    assert marks["100002"]["4V1"] == PORTAL_ONLY
    assert marks["100002"]["4V2"] == PROJECT_ONLY
    assert marks["100002"]["keuzewerktijd"] == BOTH
    assert vwo.only_project == ("4V2", "4V.netl7")
    assert vwo.only_portal == ("4V.netl1",)
    assert vwo.uploads == ("100001", "100002")
    assert [line.name for line in vwo.lines] == ["Anna Smit", "Bram van Dijk"]
    mavo = overview["3M"]
    assert mavo.lead is Lead.PORTAL
    assert not mavo.project_leads
    assert mavo.downloads == ("100003",)
    assert mavo.uploads == ()
