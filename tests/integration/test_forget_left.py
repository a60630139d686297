"""The retention of students who left (``koppel privacy forget-left``), on SQLite and
PostgreSQL: a dry run writes nothing; a run removes exactly the students past the
school's term, leaves nothing of them in any table, keeps everyone else as they were, and
refuses while an integration set waits for a decision."""

from __future__ import annotations

from dataclasses import replace
from datetime import UTC, datetime
from pathlib import Path

import pytest
from sqlalchemy import Engine, select

from koppel.domain.sis.runs import RunStatus, SisRun
from koppel.services.audit.undo import undo_changeset
from koppel.services.privacy.forget_left import ACTION, forget_left_students
from koppel.services.privacy.scrub import FORGOTTEN
from koppel.services.school_settings import save_school_settings, school_settings
from koppel.store import tables as t
from koppel.store.unit_of_work import SqlAlchemyUnitOfWork
from tests.integration.leavers import (
    ACTIVE_OLD,
    FORGOTTEN_AFTER,
    LEFT_0,
    LEFT_3,
    RETURNED,
    STUDENT_ACCOUNTS,
    UNTRACED,
    UPLOADED,
    build_leavers_school,
    every_text,
    identifying_values,
)
from tests.integration.snapshot import snapshot


@pytest.fixture
def school(engine: Engine, tmp_path: Path) -> Engine:
    build_leavers_school(engine, tmp_path)
    return engine


def _forget(engine: Engine, *, dry_run: bool = False, actor: str = "privacy-officer"):
    return forget_left_students(SqlAlchemyUnitOfWork(engine), dry_run=dry_run, actor=actor)


def _keep_years(engine: Engine, years: int) -> None:
    current = school_settings(SqlAlchemyUnitOfWork(engine))
    chosen = replace(current, left_student_years=years)
    save_school_settings(SqlAlchemyUnitOfWork(engine), chosen, actor="beheerder")


def _rows_of(engine: Engine, numbers: set[str]) -> dict[str, object]:
    """What the portal holds of these students, table by table."""
    s = t.students
    with engine.connect() as connection:
        ids = dict(
            connection.execute(
                select(s.c.student_number, s.c.id).where(s.c.student_number.in_(numbers))
            ).all()
        )
        found: dict[str, object] = {
            "students": sorted(
                tuple(row) for row in connection.execute(select(s).where(s.c.id.in_(ids.values())))
            )
        }
        for table in (t.department_participations, t.group_memberships, t.package_choices):
            rows = connection.execute(select(table).where(table.c.student_id.in_(ids.values())))
            found[table.name] = sorted(tuple(row) for row in rows)
        a = t.accounts
        found["accounts"] = sorted(
            connection.execute(select(a.c.username).where(a.c.student_id.in_(ids.values())))
        )
    return found


def _wait_for_decision(engine: Engine) -> str:
    """A set of the SIS integration larger than the limit, kept for the administrator."""
    run = SisRun(
        "run-waiting",
        "/srv/sis/groot.zip",
        "e" * 64,
        "oneroster-1.1",
        datetime.now(UTC),
        RunStatus.PENDING,
        None,
        {"school_year": "2026-2027"},
        "/srv/koppel/kept/run-waiting",
        None,
        None,
    )
    with SqlAlchemyUnitOfWork(engine) as uow:
        uow.sis_runs.add(run)
        uow.commit()
    return run.id


def _decide(engine: Engine, run_id: str) -> None:
    with SqlAlchemyUnitOfWork(engine) as uow:
        uow.sis_runs.set_status(run_id, RunStatus.REJECTED)
        uow.commit()


def _check_dry_run(school: Engine) -> None:
    before = snapshot(school, bookkeeping=True)
    report = _forget(school, dry_run=True)
    assert snapshot(school, bookkeeping=True) == before
    assert not report.written
    assert {leaver.student_number for leaver in report.leavers} == FORGOTTEN_AFTER[2]
    assert (report.left, report.untraced) == (7, 1)
    data = report.as_json()
    assert data["students"] == {"left": 7, "forget": 2, "keep": 5, "untraced": 1}
    assert data["forget"] == [
        {"student": LEFT_3.number, "left_in": "2023-2024"},
        {"student": UPLOADED.number, "left_in": "2023-2024"},
    ]
    assert data["undoable"] is False


def _check_refusal(school: Engine) -> None:
    waiting = _wait_for_decision(school)
    before = snapshot(school, bookkeeping=True)
    refused = _forget(school)
    assert refused.exit_code == 3
    assert refused.refusal is not None
    assert "wacht" in refused.refusal.message("nl")
    assert not refused.written
    assert snapshot(school, bookkeeping=True) == before
    _decide(school, waiting)


def test_the_run_forgets_exactly_those_past_the_term_and_nothing_else(school: Engine):
    """Dry run, refusal, run, a second run; undo of the newest change set still works."""
    _check_dry_run(school)
    _check_refusal(school)
    gone = FORGOTTEN_AFTER[2]
    identities = identifying_values(school, gone)
    assert set(identities) == gone
    with school.connect() as connection:
        numbers = set(connection.scalars(select(t.students.c.student_number)))
    kept_before = _rows_of(school, numbers - gone)
    needles = [value.lower() for values in identities.values() for value in values]
    texts = every_text(school)
    assert all(any(needle in text for _, text in texts) for needle in needles)
    with SqlAlchemyUnitOfWork(school) as uow:
        newest = uow.changesets.latest_applied()

    report = _forget(school)

    assert report.written
    assert report.refusal is None
    assert report.removed["students"] == 2
    assert report.removed["accounts"] == 2  # its own, and the one the connector made
    assert report.removed["sessions"] == 1
    assert report.removed["login_failures"] == 1
    assert report.removed["roster_ids"] == 1
    texts = every_text(school)
    assert [(table, n) for table, text in texts for n in needles if n in text] == []
    assert _rows_of(school, numbers - gone) == kept_before
    with school.connect() as connection:
        entries = connection.execute(
            select(t.audit_entries.c.actor, t.audit_entries.c.after).where(
                t.audit_entries.c.action == ACTION
            )
        ).all()
        actors = set(connection.scalars(select(t.changesets.c.actor)))
        runs = connection.scalars(
            select(t.sis_runs.c.summary).where(t.sis_runs.c.id == "run-2024")
        ).all()
        answers = connection.scalar(select(t.idempotency_keys.c.key))
        deleted_groups = connection.scalars(
            select(t.audit_entries.c.before).where(t.audit_entries.c.action == "group.delete")
        ).all()
        sessions = connection.scalar(select(t.sessions.c.account_id))
    after = {"students": 2, "school_year": "2026-2027", "keep_years": 2}
    assert entries == [("privacy-officer", after)]
    assert FORGOTTEN in actors  # the student's own package choice: who made it is gone
    assert runs[0]["absent"] == [ACTIVE_OLD.number]
    assert runs[0]["warnings"][0]["params"] == {"value": FORGOTTEN}
    assert answers is None  # the connector's stored answer named the student
    assert any(ACTIVE_OLD.number in group["members"] for group in deleted_groups)
    assert sessions is not None  # the active student's session stays
    assert STUDENT_ACCOUNTS[ACTIVE_OLD] in {text for name, text in texts if name == "accounts"}
    with school.connect() as connection:
        back = connection.execute(
            select(t.students.c.status, t.students.c.last_name).where(
                t.students.c.student_number == RETURNED.number
            )
        ).one()
    assert tuple(back) == ("active", RETURNED.last)  # left in 2023-2024 too, but came back

    again = _forget(school)  # the untraced student was noted: its term runs from now
    assert (again.leavers, again.written, again.untraced) == ([], False, 0)
    assert identifying_values(school, {UNTRACED}) != {}

    assert newest is not None
    assert undo_changeset(SqlAlchemyUnitOfWork(school), newest.id).written
    with school.connect() as connection:
        status = connection.scalar(
            select(t.students.c.status).where(t.students.c.student_number == LEFT_0.number)
        )
    assert status == "active"


def test_the_setting_decides_who_is_past_the_term(school: Engine):
    for years, expected in sorted(FORGOTTEN_AFTER.items(), reverse=True):
        _keep_years(school, years)
        report = _forget(school, dry_run=True)
        assert report.keep_years == years
        assert {leaver.student_number for leaver in report.leavers} == expected
    report = _forget(school)
    assert report.removed["students"] == len(FORGOTTEN_AFTER[1])
    assert identifying_values(school, FORGOTTEN_AFTER[1]) == {}
    assert set(identifying_values(school, FORGOTTEN_AFTER[1] | {ACTIVE_OLD.number})) == {
        ACTIVE_OLD.number
    }
