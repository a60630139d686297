"""The rehearsal of the school year's life (services/demo/rehearsal.py) on SQLite and
PostgreSQL: a step that fails stops it where it failed."""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import replace
from datetime import date
from pathlib import Path

import pytest
from sqlalchemy import Engine

from koppel.services.demo.build import build_demo_school
from koppel.services.demo.next_year import NextYearFiles, write_next_year_files
from koppel.services.demo.rehearsal import STEP_CODES, rehearse
from koppel.store.database import connect
from koppel.store.migrate import upgrade
from koppel.store.repositories import student_planning
from koppel.store.unit_of_work import SqlAlchemyUnitOfWork


@pytest.fixture
def school(database_url: str) -> Iterator[Engine]:
    engine = connect(database_url)
    upgrade(engine)
    build_demo_school(SqlAlchemyUnitOfWork(engine), students=400, seed=6, today=date(2026, 11, 23))
    yield engine
    engine.dispose()


def _files(engine: Engine, folder: Path) -> NextYearFiles:
    return write_next_year_files(SqlAlchemyUnitOfWork(engine), folder, seed=6)


def test_a_failing_step_stops_the_rehearsal_where_it_failed(school: Engine, tmp_path: Path) -> None:
    files = _files(school, tmp_path)
    broken = tmp_path / "docent-groepen-kapot.csv"
    broken.write_text("Docentcode;Groep;Rol\nNIEMAND;9Z9;docent\n", encoding="utf-8")
    heard: list[str] = []
    done = rehearse(
        SqlAlchemyUnitOfWork(school),
        replace(files, teacher_groups_file=broken),
        on_step=lambda step: heard.append(step.code),
    )
    stopped = done.stopped
    assert stopped is not None
    assert stopped.code == "link_staff"
    assert stopped.exit_code == 2
    assert stopped.problems
    assert done.exit_code == 2
    assert heard == list(STEP_CODES[: STEP_CODES.index("link_staff") + 1])
    assert all(step.written for step in done.steps[:-1])
    assert done.as_json()["switched"] is False
    assert done.as_json()["stopped_at"] == "link_staff"
    with SqlAlchemyUnitOfWork(school) as uow:
        years = uow.school_years.years()
    assert years.current.name == done.previous  # not switched
    assert years.prepared is not None
    assert years.prepared.name == done.school_year


def test_step_threes_prognoses_read_the_same_whole_or_in_batches(
    school: Engine, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Step 3 asks the prognoses of every student in the file: from 5,000 students on
    they are read for the whole year at once (not in batches of 500) and filtered."""
    with SqlAlchemyUnitOfWork(school) as uow:
        year = uow.school.current_school_year().next()
        every = sorted(uow.student_states.states(year))
        asked = [*every[::3], "999999"]  # a third of them, and one who does not exist
        batched = uow.student_planning.prognoses_of(year, asked)
        monkeypatch.setattr(student_planning, "_WHOLE_YEAR", 10)
        whole = uow.student_planning.prognoses_of(year, asked)
    assert batched
    assert whole == batched
    assert set(whole) <= set(asked)
