"""Automatic runs of the SIS integration (koppeling): ``koppel integration run``, started by
a scheduler (cron, a task). An administrator's approval or rejection of a run that waits
is :mod:`.decisions`.

A run takes the newest set of the drop folder (:mod:`.drop_folder`) and recognises it by
its fingerprint: the set the latest run took (applied, approved, rejected, failed, or
still waiting) changes nothing and leaves no row; only a run that was interrupted leaves
its set to be tried again. A set that equals an older one but not the latest is taken
up again: the portal has changed since, and the newest export is what the
administration says now. A new set is imported once, without ``force``: with errors
nothing is written (``failed``); when the safety rule refuses (more students would be
marked as left than the school allows) nothing is written and a private copy waits for
an administrator (``pending``, :mod:`.kept_sets`); otherwise it is applied
(``applied``) as one change set. The import writes nothing unless it applies, so that
one call is the preview and the apply at once.

One run at a time: a run claims its row (``running``) under the database's write lock,
and a run that finds another one busy leaves (``busy``). A run that was interrupted
(the process killed) is taken for failed after :data:`STALE_AFTER`. A newer set that is
applied or waits passes over older waiting ones (``superseded``): approving an old set
after a newer one would go back in time.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import UTC, datetime, timedelta
from enum import StrEnum
from pathlib import Path
from typing import Protocol

from koppel.domain.audit import JsonValue
from koppel.domain.errors import KoppelError
from koppel.domain.sis.runs import BUSY_STATUSES, RunStatus, SisRun
from koppel.services.audit.change_sets import new_changeset_id
from koppel.services.sis.drop_folder import (
    SETTLE_SECONDS,
    FoundSet,
    fingerprint_of,
    scan_drop_folder,
)
from koppel.services.sis.importing import import_sis
from koppel.services.sis.kept_sets import keep_set, remove_kept
from koppel.services.sis.report import SisOptions
from koppel.services.sis.run_summary import (
    SisOutcome,
    failure_summary,
    summary_of,
)
from koppel.store.unit_of_work import SqlAlchemyUnitOfWork

STUDENT_NUMBER = "student_number"
"""The summary's key for the field that gave the student numbers (``--student-number``)."""
STALE_AFTER = timedelta(hours=2)
"""A run busy for longer than this was interrupted (an import takes minutes at most)."""
ACTOR = "integration"


class SisImporter(Protocol):
    """Imports the set at ``path`` without a preview: writes only when it applies."""

    def __call__(
        self,
        uow: SqlAlchemyUnitOfWork,
        path: Path,
        *,
        force: bool,
        actor: str,
        label: str,
        student_number: str | None = None,
    ) -> SisOutcome: ...


class RunResult(StrEnum):
    APPLIED = "applied"
    PENDING = "pending"
    FAILED = "failed"
    UNCHANGED = "unchanged"
    """The newest set was seen before: nothing written."""
    BUSY = "busy"
    """Another run is busy: this one did nothing (the next one takes the set)."""
    NO_SET = "no_set"
    """The drop folder holds no set (or only sets still being written)."""


EXIT_CODES = {RunResult.FAILED: 2, RunResult.PENDING: 3}
"""Only a new set with errors (2) or one left waiting for approval (3) is not 0."""


@dataclass(frozen=True)
class RunOutcome:
    result: RunResult
    run: SisRun | None
    """The run's row: the new one, or the earlier run of the same set (unchanged)."""
    source: str | None = None
    """The set the run took (folder or zip)."""
    settling: int = 0

    @property
    def exit_code(self) -> int:
        return EXIT_CODES.get(self.result, 0)

    def as_json(self) -> dict[str, object]:
        return {
            "result": self.result.value,
            "source": self.source,
            "settling": self.settling,
            "run": None if self.run is None else run_json(self.run),
        }


def run_json(run: SisRun) -> dict[str, object]:
    return {
        "id": run.id,
        "source": run.source,
        "fingerprint": run.fingerprint,
        "format": run.format,
        "received_at": run.received_at.isoformat(timespec="seconds"),
        "status": run.status.value,
        "changeset": run.changeset,
        "decided_by": run.decided_by,
        "decided_at": (
            None if run.decided_at is None else run.decided_at.isoformat(timespec="seconds")
        ),
        "pending_copy": run.kept_at is not None,
        "summary": dict(run.summary),
    }


def sis_importer(
    uow: SqlAlchemyUnitOfWork,
    path: Path,
    *,
    force: bool,
    actor: str,
    label: str,
    student_number: str | None = None,
) -> SisOutcome:
    """The real import (``koppel oneroster import``), applying unless refused."""
    options = SisOptions(
        dry_run=False,
        force=force,
        actor=actor,
        home_class_pattern=None,
        file_label=label,
        student_number=student_number,
    )
    return import_sis(uow, path, options=options)


def utc_now() -> datetime:
    return datetime.now(UTC)


def _format_of(report: SisOutcome) -> str:
    found = getattr(report, "format", None)
    return "" if found is None else str(getattr(found, "value", found))


def school_year_of(uow: SqlAlchemyUnitOfWork, report: SisOutcome | None) -> str:
    said = None if report is None else report.as_json().get("school_year")
    if isinstance(said, str) and said:
        return said
    with uow.unlocked():
        return uow.school.current_school_year().name


def _interrupted(run: SisRun) -> dict[str, JsonValue]:
    problem: dict[str, JsonValue] = {"code": "integration.interrupted", "params": {}}
    return {**run.summary, "problem": problem}


def _was_interrupted(run: SisRun) -> bool:
    """A run that ended by an unexpected error: its set is tried again."""
    problem = run.summary.get("problem")
    return isinstance(problem, dict) and problem.get("code") == "integration.interrupted"


def clear_stale(uow: SqlAlchemyUnitOfWork, now: datetime) -> list[SisRun]:
    """Inside the write lock: busy runs older than :data:`STALE_AFTER` are given up (a run
    becomes failed, an approval waits again); the busy runs that remain."""
    busy: list[SisRun] = []
    for run in uow.sis_runs.with_status(*BUSY_STATUSES):
        since = run.decided_at if run.status is RunStatus.APPROVING else run.received_at
        if since is not None and now - since <= STALE_AFTER:
            busy.append(run)
        elif run.status is RunStatus.APPROVING:
            uow.sis_runs.set_status(run.id, RunStatus.PENDING)
        else:
            summary = _interrupted(run)
            uow.sis_runs.finish(run.id, status=RunStatus.FAILED, format=run.format, summary=summary)
    return busy


def student_number_of(run: SisRun) -> str | None:
    """The field that gave the student numbers when the run took its set (None: the
    default), so that an approval imports the kept copy the same way."""
    chosen = run.summary.get(STUDENT_NUMBER)
    return chosen if isinstance(chosen, str) and chosen else None


def _claim(
    uow: SqlAlchemyUnitOfWork,
    found: FoundSet,
    fingerprint: str,
    actor: str,
    student_number: str | None,
) -> RunOutcome | SisRun:
    """The new run's row (``running``), or why there is none."""
    now = utc_now()
    with uow:
        busy = clear_stale(uow, now)
        if busy:
            uow.commit()
            return RunOutcome(RunResult.BUSY, busy[0], str(found.path))
        latest = uow.sis_runs.list_runs(limit=1)
        if latest and latest[0].fingerprint == fingerprint and not _was_interrupted(latest[0]):
            uow.commit()
            return RunOutcome(RunResult.UNCHANGED, latest[0], str(found.path))
        run = SisRun(
            id=new_changeset_id(),
            source=str(found.path),
            fingerprint=fingerprint,
            format="",
            received_at=now,
            status=RunStatus.RUNNING,
            changeset=None,
            summary={
                "set": found.label,
                "actor": actor,
                "school_year": uow.school.current_school_year().name,
                STUDENT_NUMBER: student_number,
            },
            kept_at=None,
            decided_by=None,
            decided_at=None,
        )
        uow.sis_runs.add(run)
        uow.commit()
    return run


def run_integration(
    uow: SqlAlchemyUnitOfWork,
    source: Path,
    *,
    kept_directory: Path,
    actor: str = ACTOR,
    settle: float = SETTLE_SECONDS,
    importer: SisImporter = sis_importer,
    student_number: str | None = None,
) -> RunOutcome:
    """Take the newest set of the drop folder ``source`` and apply it, keep it for
    approval, or record why it failed; a set seen before changes nothing. Paths are
    recorded absolute: the portal finds a kept copy wherever the scheduler started.
    ``student_number`` is the field that gives a student's number (kept with the run)."""
    scan = scan_drop_folder(source.resolve(), settle=settle)
    if scan.newest is None:
        return RunOutcome(RunResult.NO_SET, None, settling=scan.settling)
    found = scan.newest
    claimed = _claim(uow, found, fingerprint_of(found.path), actor, student_number)
    if isinstance(claimed, RunOutcome):
        return claimed
    try:
        outcome = _import(uow, claimed, found, kept_directory, actor, importer)
    except BaseException:
        _give_up(uow, claimed)
        raise
    return RunOutcome(outcome[0], outcome[1], str(found.path), scan.settling)


def _import(
    uow: SqlAlchemyUnitOfWork,
    run: SisRun,
    found: FoundSet,
    kept_directory: Path,
    actor: str,
    importer: SisImporter,
) -> tuple[RunResult, SisRun]:
    chosen = student_number_of(run)
    try:
        report = importer(
            uow, found.path, force=False, actor=actor, label=found.label, student_number=chosen
        )
    except KoppelError as error:
        summary = failure_summary(
            error, school_year=school_year_of(uow, None), set_label=found.label, format=""
        )
        summary[STUDENT_NUMBER] = chosen
        return RunResult.FAILED, _finish(uow, run, RunStatus.FAILED, "", summary)
    format = _format_of(report)
    summary = summary_of(
        report, school_year=school_year_of(uow, report), set_label=found.label, format=format
    )
    summary[STUDENT_NUMBER] = chosen
    if report.errors:
        return RunResult.FAILED, _finish(uow, run, RunStatus.FAILED, format, summary)
    if report.refusal is not None and not report.written:
        kept = keep_set(found.path, kept_directory, run.id)
        try:
            finished = _finish(uow, run, RunStatus.PENDING, format, summary, kept_at=str(kept))
        except BaseException:
            remove_kept(str(kept), run.id)
            raise
        return RunResult.PENDING, finished
    return RunResult.APPLIED, _finish(
        uow, run, RunStatus.APPLIED, format, summary, changeset=report.changeset
    )


def _finish(
    uow: SqlAlchemyUnitOfWork,
    run: SisRun,
    status: RunStatus,
    format: str,
    summary: dict[str, JsonValue],
    *,
    changeset: str | None = None,
    kept_at: str | None = None,
) -> SisRun:
    """Record the outcome; a newer set that applied or waits passes over older waiting
    ones (their copies go)."""
    passed_over: list[SisRun] = []
    with uow:
        uow.sis_runs.finish(
            run.id,
            status=status,
            format=format,
            summary=summary,
            changeset=changeset,
            kept_at=kept_at,
        )
        if status in (RunStatus.APPLIED, RunStatus.PENDING):
            for older in uow.sis_runs.pending():
                if older.id != run.id and older.received_at <= run.received_at:
                    uow.sis_runs.decide(
                        older.id, status=RunStatus.SUPERSEDED, by=ACTOR, at=utc_now()
                    )
                    passed_over.append(older)
        finished = uow.sis_runs.get(run.id)
        uow.commit()
    for older in passed_over:
        remove_kept(older.kept_at, older.id)
    assert finished is not None
    return finished


def _give_up(uow: SqlAlchemyUnitOfWork, run: SisRun) -> None:
    """An unexpected error: the run failed (the error itself goes up to be reported)."""
    summary = _interrupted(run)
    with uow:
        uow.sis_runs.finish(run.id, status=RunStatus.FAILED, format=run.format, summary=summary)
        uow.commit()
