"""The year transition's state and safety: previews noted as "previewed", and step 3
refusing a students file that leaves out too many students (exam years excepted)."""

from __future__ import annotations

import csv
from collections.abc import Collection, Iterator
from datetime import date
from pathlib import Path

import pytest
from sqlalchemy import Engine

from koppel.domain.school import final_year_departments
from koppel.files.columns import ImportKind
from koppel.services.audit.undo import undo_changeset
from koppel.services.demo.build import build_demo_school
from koppel.services.exports import export_students
from koppel.services.imports.options import ImportOptions
from koppel.services.imports.report import ImportReport
from koppel.services.imports.run import run_import
from koppel.services.transition.groups_delete import GroupsDeleteRequest, delete_groups
from koppel.services.transition.status import StepState, transition_status
from koppel.store.database import connect
from koppel.store.migrate import upgrade
from koppel.store.unit_of_work import SqlAlchemyUnitOfWork
from tests.integration.snapshot import snapshot

YEAR = "2026-2027"
"""The demo school's current year, named: with no year prepared, step 2 needs it."""


@pytest.fixture
def school(database_url: str) -> Iterator[Engine]:
    engine = connect(database_url)
    upgrade(engine)
    build_demo_school(SqlAlchemyUnitOfWork(engine), students=240, seed=5, today=date(2026, 11, 23))
    yield engine
    engine.dispose()


def _students_file(
    engine: Engine, folder: Path, *, first: int | None = None, without: Collection[str] = ()
) -> tuple[Path, int]:
    """The portal's active students as a file: the ``first`` rows, leaving out ``without``."""
    exported = folder / "all.csv"
    export_students(SqlAlchemyUnitOfWork(engine), exported)
    with exported.open(newline="", encoding="utf-8-sig") as source:
        rows = list(csv.reader(source, delimiter=";"))
    header, body = rows[0], [row for row in rows[1:] if row[0] not in without]
    kept = body[:first]
    path = folder / "leerlingen.csv"
    with path.open("w", newline="", encoding="utf-8") as target:
        writer = csv.writer(target, delimiter=";")
        writer.writerow(header)
        writer.writerows(kept)
    return path, len(kept)


def _students(engine: Engine, path: Path, **chosen: object) -> ImportReport:
    options = ImportOptions(**chosen)  # type: ignore[arg-type]
    return run_import(SqlAlchemyUnitOfWork(engine), ImportKind.STUDENTS, path, options=options)


def test_a_preview_is_noted_and_the_state_follows_apply_and_undo(
    school: Engine, tmp_path: Path
) -> None:
    uow = SqlAlchemyUnitOfWork(school)
    before = snapshot(school, bookkeeping=True)
    preview = delete_groups(
        uow, GroupsDeleteRequest(all_groups=True, dry_run=True, actor="beheer", school_year=YEAR)
    )
    assert snapshot(school, bookkeeping=True) == before  # no school data, no change set
    step = transition_status(uow).steps[1]
    assert step.state is StepState.PREVIEWED
    assert step.preview is not None
    assert step.preview["groups"] == {
        "new": 0,
        "deleted": preview.groups,
    }
    assert step.changeset is None
    assert step.previewed_at is not None
    applied = delete_groups(
        uow, GroupsDeleteRequest(all_groups=True, actor="beheer", school_year=YEAR)
    )
    assert transition_status(uow).steps[1].state is StepState.APPLIED
    assert applied.changeset is not None
    undo_changeset(uow, applied.changeset)
    assert transition_status(uow).steps[1].state is StepState.UNDONE
    delete_groups(uow, GroupsDeleteRequest(all_groups=True, dry_run=True, school_year=YEAR))
    again = transition_status(uow).steps[1]
    assert again.state is StepState.PREVIEWED
    assert again.changeset == applied.changeset  # the last one, undone


def test_a_students_dry_run_notes_step_three(school: Engine, tmp_path: Path) -> None:
    path, rows = _students_file(school, tmp_path)
    report = _students(school, path, dry_run=True)
    assert report.errors == []
    assert not report.written
    step = transition_status(SqlAlchemyUnitOfWork(school)).steps[2]
    assert step.state is StepState.PREVIEWED
    assert step.preview is not None
    assert step.preview["rows"] == rows
    assert "details" not in step.preview


def test_step_three_refuses_a_truncated_file_and_writes_nothing(
    school: Engine, tmp_path: Path
) -> None:
    path, rows = _students_file(school, tmp_path, first=120)
    assert rows == 120  # half the school, with last year's classes as new ones
    delete_groups(
        SqlAlchemyUnitOfWork(school), GroupsDeleteRequest(all_groups=True, school_year=YEAR)
    )
    before = snapshot(school, bookkeeping=True)
    refused = _students(school, path)
    assert refused.exit_code == 3
    assert refused.refusal is not None
    assert "--force" in refused.refusal.message()
    assert not refused.written
    assert snapshot(school, bookkeeping=True) == before
    forced = _students(school, path, force=True)
    assert forced.written
    assert forced.exit_code == 0
    assert forced.students is not None
    assert refused.students is not None
    assert forced.students.absent == refused.students.absent > 100


def test_exam_year_students_are_expected_to_be_missing(school: Engine, tmp_path: Path) -> None:
    uow = SqlAlchemyUnitOfWork(school)
    with uow:
        finals = final_year_departments(uow.school.departments())
        year = uow.school.current_school_year()
        states = uow.student_states.states(year)
    exam = {n for n, s in states.items() if s["department"] in finals and s["status"] == "active"}
    assert finals
    assert exam
    delete_groups(uow, GroupsDeleteRequest(all_groups=True, school_year=YEAR))
    path, _rows = _students_file(school, tmp_path, without=exam)
    applied = _students(school, path, mark_absent_left=True)
    assert applied.exit_code == 0, applied.refusal
    assert applied.written
    assert applied.details["absent_final_year"] == len(exam)
    assert applied.marked_left == len(exam)


def test_outside_the_transition_a_partial_file_is_an_ordinary_import(
    school: Engine, tmp_path: Path
) -> None:
    path, rows = _students_file(school, tmp_path, first=10)
    assert rows == 10
    report = _students(school, path)
    assert report.exit_code == 0
    assert report.refusal is None
    marking = _students(school, path, mark_absent_left=True)
    assert marking.exit_code == 3
    assert not marking.written
