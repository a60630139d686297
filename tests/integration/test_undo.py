"""Applying a students plan and undoing it restores exactly what was there."""

from __future__ import annotations

import pytest
from sqlalchemy import Engine

from koppel.domain.errors import RefusedBySafetyRule
from koppel.domain.imports.students import IncomingStudent, plan_student_import
from koppel.services.audit.change_sets import ChangeRecorder
from koppel.services.audit.undo import undo_changeset
from koppel.services.imports.apply_students import apply_student_plan
from koppel.store.unit_of_work import SqlAlchemyUnitOfWork
from tests.integration.fixtures import YEAR, build_small_school
from tests.integration.snapshot import snapshot


def _apply(engine: Engine, rows, *, mark_absent_left=False) -> str:
    with SqlAlchemyUnitOfWork(engine) as uow:
        existing = uow.student_states.states(YEAR)
        groups = {g.name for g in uow.groups.list(YEAR)}
        plan = plan_student_import(
            rows, existing, existing_groups=groups, mark_absent_left=mark_absent_left
        )
        recorder = ChangeRecorder("import.students")
        apply_student_plan(uow, YEAR, plan, recorder)
        changeset = recorder.save(uow, {"school_year": YEAR.name})
        uow.commit()
    return changeset


ROWS = [
    # moves from 4V1 to a new class 4V2 and changes city
    IncomingStudent(2, "000123", {"home_class": "4V2", "department": "4V", "city": "Zeist"}),
    # 50/50 student gets one department
    IncomingStudent(3, "012345", {"department": "4H", "home_class": "4H1"}),
    # a new student in an existing class
    IncomingStudent(
        4,
        "200000",
        {
            "first_name": "Zoë",
            "last_name": "Ruïne",
            "department": "4H",
            "home_class": "4H1",
            "lwoo": True,
            "birth_date": "2010-05-17",
            "postcode": "1234 AB",
        },
    ),
]


def test_apply_then_undo_restores_every_row(engine: Engine):
    build_small_school(engine)
    before = snapshot(engine)
    changeset = _apply(engine, ROWS, mark_absent_left=True)
    with SqlAlchemyUnitOfWork(engine) as uow:
        states = uow.student_states.states(YEAR)
    assert states["000123"]["home_class"] == "4V2"
    assert states["000123"]["city"] == "Zeist"
    assert states["012345"]["department"] == "4H"
    assert states["200000"]["lwoo"] is True
    assert states["200000"]["home_class"] == "4H1"
    assert states["004567"]["status"] == "left"  # absent and asked for
    assert snapshot(engine) != before

    result = undo_changeset(SqlAlchemyUnitOfWork(engine), changeset)
    assert result.written
    assert snapshot(engine) == before
    with SqlAlchemyUnitOfWork(engine) as uow:
        assert uow.student_states.states(YEAR)["012345"]["department"] == "4H 50 / 4V 50"

    again = undo_changeset(SqlAlchemyUnitOfWork(engine), changeset)
    assert not again.written
    assert snapshot(engine) == before


def test_only_the_newest_change_set_can_be_undone(engine: Engine):
    build_small_school(engine)
    first = _apply(engine, ROWS[:1])
    second = _apply(engine, [IncomingStudent(2, "000123", {"city": "Baarn"})])
    with pytest.raises(RefusedBySafetyRule) as refused:
        undo_changeset(SqlAlchemyUnitOfWork(engine), first)
    assert second in refused.value.message("en")
    assert undo_changeset(SqlAlchemyUnitOfWork(engine), second).written
    assert undo_changeset(SqlAlchemyUnitOfWork(engine), first).written
    with SqlAlchemyUnitOfWork(engine) as uow:
        state = uow.student_states.states(YEAR)["000123"]
    assert state["city"] == "Utrecht"
    assert state["home_class"] == "4V1"
