"""Automatic runs of the SIS integration (koppel integration run) with the real SIS
import on the reference OneRoster set: a new set is applied; the same set again changes
nothing; a set that would mark too many students as left waits (nothing written, a
private copy kept) until it is approved (applied with force) or rejected (the copy goes);
a broken set fails with file, row and column. On SQLite and PostgreSQL; the commands on
SQLite."""

from __future__ import annotations

import os
import shutil
import stat
import time
import zipfile
from collections.abc import Iterator
from dataclasses import dataclass, replace
from datetime import UTC, date, datetime, timedelta
from pathlib import Path

import pytest
from sqlalchemy import Engine, func, select

from koppel.domain.errors import InvalidValue
from koppel.domain.sis.runs import RunStatus, SisRun
from koppel.services.setup import ensure_current_school_year
from koppel.services.sis.decisions import approve_run, list_runs, reject_run
from koppel.services.sis.drop_folder import fingerprint_of
from koppel.services.sis.runs import RunOutcome, RunResult, run_integration
from koppel.services.stats import collect_stats
from koppel.services.transition.status import transition_status
from koppel.store import tables as t
from koppel.store.database import connect
from koppel.store.migrate import upgrade
from koppel.store.unit_of_work import SqlAlchemyUnitOfWork
from tests.cli.runner import koppel
from tests.integration.snapshot import snapshot

REFERENCE = Path(__file__).resolve().parents[2] / ".." / "shared" / "reference-data"
OAT = REFERENCE / "oneroster-1.1-oat"
needs_reference = pytest.mark.skipif(
    not OAT.is_dir(),
    reason=f"the reference OneRoster set is not there ({OAT}); see /work/shared/reference-data",
)
pytestmark = needs_reference


def reference_set(target: Path, *, without: tuple[str, ...] = (), role: str | None = None) -> Path:
    """The OAT OneRoster 1.1 set in ``target``: users named in ``without`` left out (with
    their enrollments), or user2's role changed to ``role`` (an error in users.csv row 3)."""
    target.mkdir(parents=True)
    for source in OAT.iterdir():
        lines = source.read_text(encoding="utf-8").splitlines(keepends=True)
        if source.name in ("users.csv", "enrollments.csv"):
            lines = [line for line in lines if not any(f",{u}," in f",{line}" for u in without)]
        if role is not None and source.name == "users.csv":
            lines = [line.replace(",54321,student,", f",54321,{role},") for line in lines]
        (target / source.name).write_text("".join(lines), encoding="utf-8")
    return target


def delivered(path: Path, *, minutes_ago: float) -> Path:
    """Date the set's files (a scheduler sees the newest set as the newest files)."""
    moment = time.time() - minutes_ago * 60
    for file in [path] if path.is_file() else list(path.iterdir()):
        os.utime(file, (moment, moment))
    return path


def zipped(folder: Path, target: Path) -> Path:
    with zipfile.ZipFile(target, "w", zipfile.ZIP_DEFLATED) as archive:
        for file in sorted(folder.iterdir()):
            archive.write(file, file.name)
    shutil.rmtree(folder)
    return target


@dataclass
class Portal:
    engine: Engine
    drop: Path
    kept: Path

    @property
    def uow(self) -> SqlAlchemyUnitOfWork:
        return SqlAlchemyUnitOfWork(self.engine)

    def run(self) -> RunOutcome:
        return run_integration(self.uow, self.drop, kept_directory=self.kept, settle=0)

    def changesets(self) -> int:
        with self.engine.connect() as connection:
            return int(connection.scalar(select(func.count()).select_from(t.changesets)) or 0)

    def students(self) -> dict[str, object]:
        found = collect_stats(self.uow).as_json()["students"]
        assert isinstance(found, dict)
        return found


@pytest.fixture
def portal(database_url: str, tmp_path: Path) -> Iterator[Portal]:
    engine = connect(database_url)
    upgrade(engine)
    ensure_current_school_year(SqlAlchemyUnitOfWork(engine), today=date(2026, 11, 23))
    drop = tmp_path / "drop"
    drop.mkdir()
    yield Portal(engine, drop, tmp_path / "kept")
    engine.dispose()


def test_a_set_is_applied_once_and_a_larger_one_waits_for_approval(portal: Portal) -> None:
    delivered(reference_set(portal.drop / "2026-08-01"), minutes_ago=30)
    applied = portal.run()
    assert applied.result is RunResult.APPLIED
    assert applied.exit_code == 0
    assert applied.run is not None
    first = applied.run
    assert first.status is RunStatus.APPLIED
    assert first.changeset is not None
    assert first.format == "oneroster-1.1"
    assert first.summary["school_year"] == "2026-2027"
    assert first.summary["students"] == {"new": 2, "updated": 0, "unchanged": 0, "absent": 0}
    assert portal.students() == {"active": 2, "left": 0}

    # the same set again (a scheduler runs every quarter of an hour): nothing at all
    before, changesets = snapshot(portal.engine), portal.changesets()
    again = portal.run()
    assert again.result is RunResult.UNCHANGED
    assert again.exit_code == 0
    assert again.run is not None
    assert again.run.id == first.id
    assert snapshot(portal.engine) == before
    assert portal.changesets() == changesets
    assert [r.id for r in list_runs(portal.uow)] == [first.id]

    # a newer set, zipped, that leaves out one of the two students: over the 10% limit
    smaller = zipped(reference_set(portal.drop / "x", without=("user2",)), portal.drop / "b.zip")
    delivered(smaller, minutes_ago=20)
    waiting = portal.run()
    assert waiting.result is RunResult.PENDING
    assert waiting.exit_code == 3
    assert waiting.run is not None
    pending = waiting.run
    assert pending.status is RunStatus.PENDING
    assert pending.changeset is None
    assert pending.summary["refusal"]["code"] == "roster.plan.too_many_students_left"  # type: ignore[index]
    assert pending.summary["students"]["absent"] == 1  # type: ignore[index]
    assert len(pending.summary["absent"]) == 1  # type: ignore[arg-type]
    assert snapshot(portal.engine) == before
    assert portal.changesets() == changesets
    assert pending.kept_at is not None
    kept = Path(pending.kept_at)
    assert kept == portal.kept / pending.id / "b.zip"
    assert stat.S_IMODE(portal.kept.stat().st_mode) == 0o700
    assert stat.S_IMODE(kept.parent.stat().st_mode) == 0o700
    assert stat.S_IMODE(kept.stat().st_mode) == 0o600
    assert fingerprint_of(kept) == fingerprint_of(smaller) == pending.fingerprint
    assert portal.run().result is RunResult.UNCHANGED  # still waiting: no second row
    assert [r.status for r in list_runs(portal.uow)] == [RunStatus.PENDING, RunStatus.APPLIED]

    status = transition_status(portal.uow)
    assert [(r.run, r.status) for r in status.integration] == [
        (pending.id, "pending"),
        (first.id, "applied"),
    ]
    assert status.as_json()["integration"][1]["changeset"] == first.changeset  # type: ignore[index]

    # approved: applied from the kept copy with force, as the administrator's change set
    smaller.unlink()  # the SIS may clean its folder: the copy is what counts
    approved = approve_run(portal.uow, pending.id, actor="beheerder")
    assert approved.status is RunStatus.APPROVED
    assert approved.changeset is not None
    assert approved.decided_by == "beheerder"
    assert approved.decided_at is not None
    assert approved.kept_at is None
    assert not kept.parent.exists()
    assert portal.students() == {"active": 1, "left": 1}
    with portal.uow as uow:
        assert uow.changesets.get(approved.changeset).actor == "beheerder"
        entries = [e for e in uow.audit.latest() if e.entity == "integration_run"]
    assert [(e.action, e.key, e.actor) for e in entries] == [("approved", pending.id, "beheerder")]
    with pytest.raises(InvalidValue):
        reject_run(portal.uow, pending.id, actor="beheerder")  # decided already

    # a set without the other student waits too; rejected, nothing written, copy gone
    delivered(reference_set(portal.drop / "2026-08-03", without=("user1", "user2")), minutes_ago=10)
    before, changesets = snapshot(portal.engine), portal.changesets()
    third = portal.run()
    assert third.result is RunResult.PENDING
    assert third.run is not None
    assert third.run.kept_at is not None
    rejected = reject_run(portal.uow, third.run.id, actor="beheerder")
    assert rejected.status is RunStatus.REJECTED
    assert rejected.changeset is None
    assert not Path(third.run.kept_at).exists()
    assert list(portal.kept.iterdir()) == []
    assert snapshot(portal.engine) == before
    assert portal.changesets() == changesets
    assert portal.run().result is RunResult.UNCHANGED  # a rejected set is not taken up again
    assert [r.status for r in list_runs(portal.uow)] == [
        RunStatus.REJECTED,
        RunStatus.APPROVED,
        RunStatus.APPLIED,
    ]


def test_a_broken_set_fails_with_file_row_and_column(portal: Portal) -> None:
    delivered(reference_set(portal.drop / "export", role="wizard"), minutes_ago=5)
    before = snapshot(portal.engine)
    failed = portal.run()
    assert failed.result is RunResult.FAILED
    assert failed.exit_code == 2
    assert failed.run is not None
    assert failed.run.status is RunStatus.FAILED
    assert failed.run.kept_at is None
    errors = failed.run.summary["errors"]
    assert isinstance(errors, list)
    assert errors[0]["file"] == "users.csv"  # type: ignore[index]
    assert errors[0]["row"] == 3  # type: ignore[index]
    assert errors[0]["column"] == "role"  # type: ignore[index]
    assert snapshot(portal.engine) == before
    assert portal.changesets() == 0
    assert not portal.kept.exists()
    assert portal.run().result is RunResult.UNCHANGED  # the same broken set: no second row
    assert len(list_runs(portal.uow)) == 1


def test_a_newer_set_passes_over_one_that_waits(portal: Portal) -> None:
    delivered(reference_set(portal.drop / "1"), minutes_ago=30)
    assert portal.run().result is RunResult.APPLIED
    delivered(reference_set(portal.drop / "2", without=("user2",)), minutes_ago=20)
    older = portal.run()
    assert older.result is RunResult.PENDING
    assert older.run is not None
    delivered(reference_set(portal.drop / "3", without=("user1",)), minutes_ago=10)
    newer = portal.run()
    assert newer.result is RunResult.PENDING
    assert newer.run is not None
    runs = {r.id: r for r in list_runs(portal.uow)}
    assert runs[older.run.id].status is RunStatus.SUPERSEDED
    assert runs[older.run.id].kept_at is None
    assert [p.name for p in portal.kept.iterdir()] == [newer.run.id]
    with pytest.raises(InvalidValue):
        approve_run(portal.uow, older.run.id, actor="beheerder")


def test_the_commands_run_list_approve_and_show_the_status(tmp_path: Path) -> None:
    database = f"sqlite:///{tmp_path / 'koppel.db'}"
    assert koppel("init", database=database).code == 0
    drop = tmp_path / "drop"
    delivered(reference_set(drop / "2026-08-01"), minutes_ago=30)
    first = koppel("integration", "run", "--source", str(drop), "--json", database=database)
    assert first.code == 0, first.stderr
    assert first.json()["result"] == "applied"
    changeset = first.json()["run"]["changeset"]
    quiet = koppel("integration", "run", "--source", str(drop), "--quiet", database=database)
    assert (quiet.code, quiet.stdout, quiet.stderr) == (0, "", "")

    delivered(reference_set(drop / "2026-08-02", without=("user2",)), minutes_ago=20)
    waiting = koppel("integration", "run", "--source", str(drop), database=database)
    assert waiting.code == 3
    assert "wacht op goedkeuring" in waiting.stderr
    assert "Beheer > Koppeling" in waiting.stderr
    assert (tmp_path / "koppel.db.integration").is_dir()  # next to the database
    listed = koppel("integration", "runs", "--json", database=database)
    runs = listed.json()["runs"]
    assert [r["status"] for r in runs] == ["pending", "applied"]
    assert runs[0]["pending_copy"] is True
    table = koppel("integration", "runs", database=database)
    assert "wacht op goedkeuring" in table.stdout
    assert "koppel integration approve RUN" in table.stdout

    approved = koppel("integration", "approve", runs[0]["id"], database=database)
    assert approved.code == 0, approved.stderr
    assert "koppel undo" in approved.stdout
    again = koppel("integration", "reject", runs[0]["id"], database=database)
    assert again.code == 2
    assert "wacht niet op goedkeuring" in again.stderr

    status = koppel("transition", "status", "--json", database=database).json()
    assert [(r["status"], r["changeset"]) for r in status["integration"]][1] == (
        "applied",
        changeset,
    )
    shown = koppel("transition", "status", database=database, lang="en")
    assert "Integration runs in" in shown.stdout
    missing = koppel("integration", "run", "--source", str(tmp_path / "nowhere"), database=database)
    assert missing.code == 2
    assert "nowhere" in missing.stderr


def test_one_run_at_a_time_and_an_interrupted_one_is_given_up(portal: Portal) -> None:
    delivered(reference_set(portal.drop / "export"), minutes_ago=5)
    now = datetime.now(UTC)
    busy = SisRun(
        id="0000busy0000",
        source="/elsewhere",
        fingerprint="f" * 64,
        format="",
        received_at=now - timedelta(minutes=5),
        status=RunStatus.RUNNING,
        changeset=None,
        summary={"set": "elsewhere"},
        kept_at=None,
        decided_by=None,
        decided_at=None,
    )
    with portal.uow as uow:
        uow.sis_runs.add(busy)
        uow.commit()
    before = snapshot(portal.engine, bookkeeping=True)
    waited = portal.run()
    assert waited.result is RunResult.BUSY
    assert waited.run is not None
    assert waited.run.id == busy.id
    assert snapshot(portal.engine, bookkeeping=True) == before

    with portal.uow as uow:  # the same run, started three hours ago: it was interrupted
        uow.sis_runs.finish(busy.id, status=RunStatus.FAILED, format="", summary={})
        uow.sis_runs.add(replace(busy, id="0000stale000", received_at=now - timedelta(hours=3)))
        uow.commit()
    applied = portal.run()
    assert applied.result is RunResult.APPLIED
    assert applied.run is not None
    with portal.uow as uow:
        stale = uow.sis_runs.get("0000stale000")
        same = uow.sis_runs.by_fingerprint(applied.run.fingerprint)
        assert uow.sis_runs.pending() == []
    assert stale is not None
    assert stale.status is RunStatus.FAILED
    assert stale.summary["problem"] == {"code": "integration.interrupted", "params": {}}
    assert [r.id for r in same] == [applied.run.id]
    assert [r.id for r in list_runs(portal.uow)] == [applied.run.id, busy.id, "0000stale000"]


def test_the_set_of_an_interrupted_run_is_tried_again(portal: Portal) -> None:
    found = delivered(reference_set(portal.drop / "export"), minutes_ago=5)
    killed = SisRun(
        id="0000killed00",
        source=str(found),
        fingerprint=fingerprint_of(found),
        format="",
        received_at=datetime.now(UTC) - timedelta(hours=3),
        status=RunStatus.RUNNING,
        changeset=None,
        summary={"set": "export"},
        kept_at=None,
        decided_by=None,
        decided_at=None,
    )
    with portal.uow as uow:
        uow.sis_runs.add(killed)
        uow.commit()
    again = portal.run()
    assert again.result is RunResult.APPLIED
    assert [(r.id == killed.id, r.status) for r in list_runs(portal.uow)] == [
        (False, RunStatus.APPLIED),
        (True, RunStatus.FAILED),
    ]
    assert portal.run().result is RunResult.UNCHANGED
