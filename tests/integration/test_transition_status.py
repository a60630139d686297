"""``koppel transition status``: each step's state read from its change sets."""

from __future__ import annotations

from datetime import date

import pytest

from koppel.domain.errors import InvalidValue
from koppel.services.audit.undo import undo_changeset
from koppel.services.demo.build import build_demo_school
from koppel.services.transition.groups_delete import GroupsDeleteRequest, delete_groups
from koppel.services.transition.status import StepState, transition_status
from koppel.store.database import connect
from koppel.store.migrate import upgrade
from koppel.store.unit_of_work import SqlAlchemyUnitOfWork
from tests.cli.runner import koppel

YEAR = "2026-2027"
"""The demo school's current year, named: with no year prepared, step 2 needs it."""


def test_steps_start_apply_and_undo(database_url: str) -> None:
    engine = connect(database_url)
    upgrade(engine)
    build_demo_school(SqlAlchemyUnitOfWork(engine), students=60, seed=2, today=date(2026, 11, 23))
    uow = SqlAlchemyUnitOfWork(engine)
    fresh = transition_status(uow)
    assert [s.state for s in fresh.steps] == [StepState.NOT_STARTED] * 5
    assert fresh.next_step == 1
    deleted = delete_groups(uow, GroupsDeleteRequest(all_groups=True, school_year=YEAR))
    applied = transition_status(uow)
    assert applied.steps[1].state is StepState.APPLIED
    assert applied.steps[1].changeset == deleted.changeset
    assert applied.steps[1].summary["groups"] == deleted.groups
    assert [s.state for s in applied.steps if s.number != 2] == [StepState.NOT_STARTED] * 4
    assert deleted.changeset is not None
    undo_changeset(uow, deleted.changeset)
    assert transition_status(uow).steps[1].state is StepState.UNDONE
    assert transition_status(uow, fresh.school_year).steps[1].state is StepState.UNDONE
    with pytest.raises(InvalidValue):
        transition_status(uow, "2030-2031")
    engine.dispose()


def test_the_command_prints_json_and_refuses_an_unknown_year(sqlite_url: str) -> None:
    built = koppel("demo", "--students", "50", "--json", database=sqlite_url)
    assert built.code == 0, built.stderr
    found = koppel("transition", "status", "--json", database=sqlite_url)
    assert found.code == 0, found.stderr
    assert [step["state"] for step in found.json()["steps"]] == ["not_started"] * 5
    unknown = koppel("transition", "status", "--school-year", "2030-2031", database=sqlite_url)
    assert unknown.code == 2
    assert "2030-2031" in unknown.stderr
