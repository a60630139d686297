"""Undo in the project never takes back what the scheduler changed after the change set
(found by the sync state machine, tests/robustness/test_sync_machine.py)."""

from __future__ import annotations

import pytest

from koppel.connector import sync
from koppel.connector.applying import Selection, download
from koppel.domain.errors import RefusedBySafetyRule
from koppel.domain.sync.domains import SyncDomain
from koppel.services.planning.edits import PlanningEdit
from tests.connector.conftest import Linked
from tests.connector.edits import portal_planning, project_rows


def _in_4h(linked: Linked) -> str:
    rows = linked.project_data()["participations"]
    return sorted(row[0] for row in rows if row[1] == "4H")[0]


def test_an_undo_that_would_overwrite_a_later_project_edit_is_refused(linked: Linked) -> None:
    linked.download_everything()
    number = _in_4h(linked)
    portal_planning(linked.uow(), "4H", [number], PlanningEdit(prognosis="5V 100"))
    with linked.comparer() as comparer:
        assert download(comparer, SyncDomain.PROGNOSES, Selection()).applied == 1
    downloaded = linked.project_data()["prognoses"]
    project_rows(linked.path, SyncDomain.PROGNOSES, {(number, None): (2, "", "5H 50 / 5V 50")})
    edited = linked.project_data()
    with linked.comparer() as comparer, pytest.raises(RefusedBySafetyRule) as refused:
        sync.undo_latest(comparer)
    assert refused.value.code == "connector.undo_changed_since"
    assert refused.value.exit_code == 3
    assert number in str(refused.value)
    assert linked.project_data() == edited
    project = {row[0]: row for row in downloaded}[number]
    project_rows(linked.path, SyncDomain.PROGNOSES, {(number, None): project[1:]})
    with linked.comparer() as comparer:
        assert sync.undo_latest(comparer).written
    prognoses = {row[0]: row[3] for row in linked.project_data()["prognoses"]}
    assert prognoses[number] != "5V 100"
