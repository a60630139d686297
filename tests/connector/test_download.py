"""Download: portal -> project over real HTTP, on SQLite and PostgreSQL."""

from __future__ import annotations

import httpx
from sqlalchemy import func, select

from koppel.connector import sync
from koppel.connector.applying import Selection, download
from koppel.connector.client import PortalClient
from koppel.connector.comparing import Comparer
from koppel.domain.sync.compare import Origin
from koppel.domain.sync.domains import Direction, SyncDomain
from koppel.services.planning.edits import PlanningEdit
from koppel.store import tables
from koppel.store.project.file import ProjectFile
from tests.connector.conftest import DEPARTMENTS, Linked
from tests.connector.edits import portal_last_name, portal_planning, project_rows


def _students_in_scope(linked: Linked) -> set[str]:
    s, p, d, y = (
        tables.students,
        tables.department_participations,
        tables.departments,
        tables.school_years,
    )
    query = (
        select(s.c.student_number)
        .join(p, p.c.student_id == s.c.id)
        .join(d, d.c.id == p.c.department_id)
        .join(y, y.c.id == p.c.school_year_id)
        .where(d.c.code.in_(DEPARTMENTS), y.c.name == linked.school_year)
    )
    with linked.engine.connect() as conn:
        return {number for (number,) in conn.execute(query)}


def _in_4h(linked: Linked, count: int) -> list[str]:
    with linked.comparer() as comparer:
        rows = comparer.view(SyncDomain.DEPARTMENT_PARTICIPATION).portal
    return sorted({key[0] for key in rows if key[1] == "4H"})[:count]


def test_a_new_project_downloads_the_portals_students_and_every_domain(linked: Linked) -> None:
    linked.download_everything()
    with linked.comparer() as comparer:
        report = sync.status(comparer, auto=False)
        in_project = comparer.project.info()
    assert in_project.departments == DEPARTMENTS
    for domain in SyncDomain:
        assert report.domains[domain].ok, (domain, report.domains[domain])
    assert {key[0] for key in linked.project_data()["students"]} == _students_in_scope(linked)
    assert len(linked.project_data()["students"]) > 50


def test_only_the_selected_students_come_down(linked: Linked) -> None:
    linked.download_everything()
    chosen = _in_4h(linked, 3)
    portal_planning(linked.uow(), "4H", chosen, PlanningEdit(prognosis="5H 60 / 5V 40"))
    with linked.comparer() as comparer:
        rows = comparer.view(SyncDomain.PROGNOSES).diff.rows
        assert [row.student for row in rows] == chosen
        assert all(r.origin is Origin.PORTAL and r.direction is Direction.DOWNLOAD for r in rows)
        result = download(comparer, SyncDomain.PROGNOSES, Selection(students=chosen[:2]))
        assert (result.applied, result.conflicts) == (2, 0)
        left = comparer.view(SyncDomain.PROGNOSES).diff.rows
    assert [row.student for row in left] == chosen[2:]
    prognoses = {row[0]: row[3] for row in linked.project_data()["prognoses"]}
    assert prognoses[chosen[0]] == prognoses[chosen[1]] == "5H 60 / 5V 40"
    assert prognoses[chosen[2]] != "5H 60 / 5V 40"


def test_a_conflict_is_reported_and_not_overwritten(linked: Linked) -> None:
    linked.download_everything()
    number = _in_4h(linked, 1)[0]
    portal_planning(linked.uow(), "4H", [number], PlanningEdit(prognosis="5V 100"))
    project_rows(linked.path, SyncDomain.PROGNOSES, {(number, None): (1, "", "5H 50 / 5V 50")})
    with linked.comparer() as comparer:
        (row,) = comparer.view(SyncDomain.PROGNOSES).diff.rows
        assert row.conflict
        assert row.proposed is not None
        assert row.proposed[2] == "5V 100"
        shares = next(f for f in row.fields if f.name == "shares")
        assert (shares.portal, shares.project, shares.conflict) == ("5V 100", "5H 50 / 5V 50", True)
        waiting = download(comparer, SyncDomain.PROGNOSES, Selection())
        assert (waiting.written, waiting.conflicts) == (False, 1)
        assert {r[0]: r[3] for r in linked.project_data()["prognoses"]}[number] == "5H 50 / 5V 50"
        decided = download(comparer, SyncDomain.PROGNOSES, Selection(accept_conflicts=True))
        assert decided.applied == 1
        assert comparer.view(SyncDomain.PROGNOSES).diff.rows == ()


def test_undo_restores_the_project_exactly(linked: Linked) -> None:
    linked.download_everything()
    before = linked.project_data()
    chosen = _in_4h(linked, 4)
    portal_planning(linked.uow(), "4H", chosen, PlanningEdit(prognosis="5H 30 / 5V 70", lwoo=True))
    with linked.comparer() as comparer:
        assert download(comparer, SyncDomain.PROGNOSES, Selection()).applied == 4
        assert download(comparer, SyncDomain.LWOO, Selection()).applied >= 1
        assert linked.project_data() != before
        assert sync.undo_latest(comparer).written
        assert sync.undo_latest(comparer).written
    assert linked.project_data() == before


def test_personal_data_is_taken_over_when_the_project_is_opened(linked: Linked) -> None:
    linked.download_everything()
    number = _in_4h(linked, 1)[0]
    portal_last_name(linked.engine, number, "Jansen-de Vries")
    with linked.comparer() as comparer:
        untouched = sync.status(comparer, auto=False)
        assert untouched.domains[SyncDomain.PERSONAL_DATA].differences == 1
        report = sync.status(comparer, auto=True)
    assert report.auto is not None
    assert report.auto.applied == 1
    assert report.domains[SyncDomain.PERSONAL_DATA].ok
    names = {row[0]: row[3] for row in linked.project_data()["students"]}
    assert names[number] == "Jansen-de Vries"


def test_a_second_status_asks_only_for_what_changed(linked: Linked) -> None:
    linked.download_everything()
    with linked.comparer() as comparer:
        sync.status(comparer, auto=False)
    number = _in_4h(linked, 1)[0]
    portal_planning(linked.uow(), "4H", [number], PlanningEdit(comment="herkansing"))
    with linked.comparer() as comparer:
        report = sync.status(comparer, auto=False)
        fetched = {domain: comparer.portal(domain).fetched for domain in SyncDomain}
    assert report.domains[SyncDomain.PROGNOSES].differences == 1
    assert fetched[SyncDomain.PROGNOSES] == 1
    assert fetched[SyncDomain.PERSONAL_DATA] == 1
    with linked.engine.connect() as conn:
        assert conn.scalar(select(func.count()).select_from(tables.students)) == 300


def test_students_that_come_down_bring_their_group_assignments(linked: Linked) -> None:
    with linked.comparer() as comparer:
        download(comparer, SyncDomain.STUDENTS, Selection())
        report = sync.status(comparer, auto=False)
        portal_groups = comparer.view(SyncDomain.CLUSTER_GROUPS).portal
    assert portal_groups
    assert report.domains[SyncDomain.CLUSTER_GROUPS].ok
    assert report.domains[SyncDomain.HOME_CLASSES].upload == 0


class CountingTransport(httpx.HTTPTransport):
    requests = 0

    def handle_request(self, request: httpx.Request) -> httpx.Response:
        self.requests += 1
        return super().handle_request(request)


def test_a_status_when_nothing_changed_costs_one_request(linked: Linked) -> None:
    linked.download_everything()
    project = ProjectFile.open(linked.path)
    counted = CountingTransport()
    with PortalClient(linked.url, linked.token, transport=counted) as client:
        first = sync.status(Comparer(project, client), auto=True)
        asked = counted.requests
        again = sync.status(Comparer(project, client), auto=True)
        assert counted.requests == asked + 1
        assert again.domains == first.domains
        number = _in_4h(linked, 1)[0]
        project_rows(linked.path, SyncDomain.LWOO, {(number, None): (True,)})
        edited = sync.status(Comparer(project, client), auto=True)
        assert edited.domains[SyncDomain.LWOO].differences == 1
        portal_planning(linked.uow(), "4H", [number], PlanningEdit(comment="nieuw"))
        changed = sync.status(Comparer(project, client), auto=True)
        assert changed.domains[SyncDomain.PROGNOSES].differences == 1
    project.close()
