"""Upload: project -> portal over real HTTP, on SQLite and PostgreSQL: one batch, one
change set in the portal, versions and idempotency keys, undo in both places."""

from __future__ import annotations

import httpx
from sqlalchemy import func, select

from koppel.connector import sync
from koppel.connector.applying import Selection, upload
from koppel.connector.client import PortalClient
from koppel.connector.comparing import Comparer
from koppel.domain.sync.domains import SyncDomain
from koppel.services.planning.edits import PlanningEdit
from koppel.store import tables
from koppel.store.project.file import ProjectFile
from tests.connector.conftest import Linked
from tests.connector.edits import portal_planning, project_rows
from tests.integration.snapshot import snapshot

GROUPS = (SyncDomain.HOME_CLASSES, SyncDomain.CLUSTER_GROUPS)
API_BOOKKEEPING = {"idempotency_keys", "api_tokens"}
"""Stored answers to idempotency keys and the token's last use: not the school's data."""


def portal_data(linked: Linked) -> dict[str, list[tuple[object, ...]]]:
    found = snapshot(linked.engine)
    return {name: rows for name, rows in found.items() if name not in API_BOOKKEEPING}


def _in(linked: Linked, department: str, count: int) -> list[str]:
    rows = linked.project_data()["participations"]
    return sorted(row[0] for row in rows if row[1] == department)[:count]


def _portal(linked: Linked, domain: SyncDomain) -> dict[tuple[str, str | None], tuple[object, ...]]:
    with linked.comparer() as comparer:
        return dict(comparer.view(domain).portal)


def _changesets(linked: Linked) -> int:
    with linked.engine.connect() as conn:
        return int(conn.scalar(select(func.count()).select_from(tables.changesets)) or 0)


def _assign(linked: Linked) -> tuple[str, list[str]]:
    """The scheduler puts one 4V student in 4V9 and two in a new cluster group."""
    moved = _in(linked, "4V", 1)[0]
    grouped = _in(linked, "4V", 3)[1:]
    project_rows(linked.path, SyncDomain.HOME_CLASSES, {(moved, "4V"): ("4V9",)})
    project_rows(
        linked.path, SyncDomain.CLUSTER_GROUPS, {(n, None): (("4V.netl9",),) for n in grouped}
    )
    return moved, grouped


def test_group_assignments_go_up_in_one_change_set_and_undo_restores_both_sides(
    linked: Linked,
) -> None:
    linked.download_everything()
    portal_before = portal_data(linked)
    moved, grouped = _assign(linked)
    project_before = linked.project_data()
    changesets = _changesets(linked)
    with linked.comparer() as comparer:
        result = upload(comparer, GROUPS, Selection())
    assert result.applied == 3
    assert result.portal_changeset is not None
    assert _changesets(linked) == changesets + 1
    assert _portal(linked, SyncDomain.HOME_CLASSES)[(moved, "4V")] == ("4V9",)
    for number in grouped:
        assert _portal(linked, SyncDomain.CLUSTER_GROUPS)[(number, None)] == (("4V.netl9",),)
    with linked.comparer() as comparer:
        after = sync.status(comparer, auto=False)
        assert after.domains[SyncDomain.HOME_CLASSES].ok
        assert after.domains[SyncDomain.CLUSTER_GROUPS].ok
        undone = sync.undo_latest(comparer)
    assert undone.portal_changeset == result.portal_changeset
    assert portal_data(linked) == portal_before
    assert linked.project_data() == project_before


def test_deselected_students_stay_untouched_on_both_sides(linked: Linked) -> None:
    linked.download_everything()
    moved, grouped = _assign(linked)
    before = _portal(linked, SyncDomain.CLUSTER_GROUPS)
    with linked.comparer() as comparer:
        result = upload(comparer, GROUPS, Selection(students=[grouped[0]]))
    assert result.applied == 1
    after = _portal(linked, SyncDomain.CLUSTER_GROUPS)
    assert after[(grouped[0], None)] == (("4V.netl9",),)
    assert after.get((grouped[1], None)) == before.get((grouped[1], None))
    assert _portal(linked, SyncDomain.HOME_CLASSES)[(moved, "4V")] != ("4V9",)


def test_a_portal_edit_between_diff_and_upload_is_reported_not_overwritten(
    linked: Linked,
) -> None:
    linked.download_everything()
    _moved, grouped = _assign(linked)
    project = ProjectFile.open(linked.path)
    with PortalClient(linked.url, linked.token) as client:
        comparer = Comparer(project, client)
        assert len(comparer.view(SyncDomain.CLUSTER_GROUPS).diff.rows) == 2  # the diff
        portal_planning(linked.uow(), "4V", [grouped[0]], PlanningEdit(comment="gewijzigd"))
        result = upload(comparer, (SyncDomain.CLUSTER_GROUPS,), Selection())
    project.close()
    assert [s.student for s in result.skipped] == [grouped[0]]
    assert result.skipped[0].reason == "connector.skip.stale"
    assert result.applied == 1
    portal = _portal(linked, SyncDomain.CLUSTER_GROUPS)
    assert portal.get((grouped[0], None)) != (("4V.netl9",),)
    assert portal[(grouped[1], None)] == (("4V.netl9",),)


class DropFirstUpload(httpx.HTTPTransport):
    """The portal applies the upload, but its answer is lost on the way back."""

    dropped = 0

    def handle_request(self, request: httpx.Request) -> httpx.Response:
        response = super().handle_request(request)
        if request.url.path == "/api/v1/uploads" and not self.dropped:
            response.read()
            self.dropped += 1
            raise httpx.ReadError("connection reset", request=request)
        return response


def test_an_upload_retried_after_a_dropped_answer_applies_once(linked: Linked) -> None:
    linked.download_everything()
    _assign(linked)
    changesets = _changesets(linked)
    transport = DropFirstUpload()
    project = ProjectFile.open(linked.path)
    with PortalClient(linked.url, linked.token, transport=transport) as client:
        result = upload(Comparer(project, client), GROUPS, Selection())
    project.close()
    assert transport.dropped == 1
    assert result.applied == 3
    assert _changesets(linked) == changesets + 1


def test_project_students_without_an_account_get_one(linked: Linked) -> None:
    linked.download_everything()
    portal_before = portal_data(linked)
    new = {("990001", None): ("Anouk", "van", "Dijk", "V", "", "", "", "", "", "", False)}
    project_rows(linked.path, SyncDomain.STUDENTS, new)
    project_rows(linked.path, SyncDomain.DEPARTMENT_PARTICIPATION, {("990001", "4V"): (100,)})
    project = ProjectFile.open(linked.path)
    with project.begin() as session:
        session.write_store("extra", {("990001", "#EMAIL"): ("anouk@example.org",)})
    project.close()
    with linked.comparer() as comparer:
        (row,) = comparer.view(SyncDomain.STUDENTS).diff.rows
        assert row.student == "990001"
        result = upload(comparer, (SyncDomain.STUDENTS,), Selection())
    assert result.applied == 1
    with linked.engine.connect() as conn:
        s, a = tables.students, tables.accounts
        email = conn.scalar(select(s.c.email).where(s.c.student_number == "990001"))
        roles = conn.scalar(select(a.c.kind).where(a.c.username == "990001"))
    assert email == "anouk@example.org"
    assert roles == "student"
    with linked.comparer() as comparer:
        assert sync.status(comparer, auto=False).domains[SyncDomain.STUDENTS].ok
        assert sync.undo_latest(comparer).written
    assert portal_data(linked) == portal_before
