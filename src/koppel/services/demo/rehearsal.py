"""Rehearse the school year's life on the demo school (``koppel demo next-year DIR
--rehearse``): prepare next year, promote from the prognoses, the five steps of the year
transition with next year's files, and switch.

Every step goes through the service its own command calls (``koppel year prepare``,
``koppel year promote``, ``koppel import staff``, ``koppel groups delete --all``,
``koppel import students --mark-absent-left``, ``koppel import teacher-groups``,
``koppel staff remove-departed``, ``koppel year switch``), each in its own unit of work
and change set, so each can be undone (newest first) as if typed by hand. A step that
reports errors or is refused stops the rehearsal there; what was applied before stays.

Only a database that ``koppel demo`` built is rehearsed on (switching the school year of
a real school is not a rehearsal), and only before the five steps of the prepared year
have started.
"""

from __future__ import annotations

import time
from collections.abc import Callable
from dataclasses import dataclass, field, replace

from koppel.domain.errors import InvalidValue, KoppelError, RefusedBySafetyRule
from koppel.files.columns import ImportKind
from koppel.i18n import translate
from koppel.progress import NoProgress, Progress
from koppel.services.demo.next_year import NextYearFiles
from koppel.services.imports.options import ImportOptions
from koppel.services.imports.report import ImportReport
from koppel.services.imports.run import run_import
from koppel.services.school_years.prepare import PrepareRequest, prepare_year
from koppel.services.school_years.promote import PromoteRequest, promote
from koppel.services.school_years.switch import SwitchRequest, switch_year
from koppel.services.transition.groups_delete import GroupsDeleteRequest, delete_groups
from koppel.services.transition.staff_departure import remove_departed_staff
from koppel.services.transition.status import StepState, transition_status_in
from koppel.services.transition.steps import STEPS
from koppel.store.unit_of_work import SqlAlchemyUnitOfWork

DEMO_BUILD = "demo.build"
"""The audit action ``koppel demo`` writes: the database holds the demo school."""
PREPARE, PROMOTE, SWITCH = "prepare", "promote", "switch"
STEP_CODES = (PREPARE, PROMOTE, *(step.code for step in STEPS), SWITCH)
"""The rehearsal's steps in order: the life of a school year."""
STEP_LABELS = {
    PREPARE: "year.step.prepare",
    PROMOTE: "year.step.promote",
    **{step.code: f"transition.step.{step.code}" for step in STEPS},
    SWITCH: "year.step.switch",
}
"""Each step's name, as ``koppel year status`` shows it."""
SHOWN_PROBLEMS = 5


@dataclass(frozen=True)
class RehearsedStep:
    """One step done: its change set (None when it found nothing to change) and counts."""

    code: str
    written: bool
    changeset: str | None
    counts: dict[str, int]
    seconds: float
    exit_code: int = 0
    problems: tuple[str, ...] = ()
    """Why the step stopped the rehearsal: its errors or its refusal."""

    def as_json(self) -> dict[str, object]:
        found: dict[str, object] = {
            "step": self.code,
            "written": self.written,
            "changeset": self.changeset,
            "counts": self.counts,
            "seconds": round(self.seconds, 3),
        }
        if self.exit_code:
            found["exit_code"] = self.exit_code
            found["problems"] = list(self.problems)
        return found


@dataclass
class Rehearsal:
    previous: str
    """The current year before the rehearsal."""
    school_year: str
    """The year prepared, filled and switched to."""
    steps: list[RehearsedStep] = field(default_factory=list)

    @property
    def stopped(self) -> RehearsedStep | None:
        """The step that stopped the rehearsal, if one did."""
        return next((step for step in self.steps if step.exit_code), None)

    @property
    def exit_code(self) -> int:
        return 0 if self.stopped is None else self.stopped.exit_code

    @property
    def seconds(self) -> float:
        return sum(step.seconds for step in self.steps)

    def as_json(self) -> dict[str, object]:
        stopped = self.stopped
        return {
            "previous": self.previous,
            "school_year": self.school_year,
            "switched": stopped is None and len(self.steps) == len(STEP_CODES),
            "stopped_at": None if stopped is None else stopped.code,
            "seconds": round(self.seconds, 3),
            "steps": [step.as_json() for step in self.steps],
        }


def check_rehearsal(uow: SqlAlchemyUnitOfWork) -> None:
    """Refuse before anything is written: exit 3 on a database ``koppel demo`` did not
    build; exit 2 when the five steps of the prepared year have started already."""
    with uow:
        if not uow.audit.has_action(DEMO_BUILD):
            raise RefusedBySafetyRule("demo.rehearse.not_demo")
        prepared = uow.school_years.years().prepared
        if prepared is None:
            return
        started = [
            str(step.number)
            for step in transition_status_in(uow, prepared).steps
            if step.state is StepState.APPLIED
        ]
        if started:
            raise InvalidValue(
                "demo.rehearse.started", year=prepared.name, steps=", ".join(started)
            )


def _import_counts(report: ImportReport) -> dict[str, int]:
    counts = next((c for c in (report.students, report.staff, report.links) if c), None)
    found = {} if counts is None else {k: v for k, v in counts.as_json().items() if v}
    if report.marked_left:
        found["marked_left"] = report.marked_left
    if report.groups_new:
        found["groups_new"] = report.groups_new
    differs = report.details.get("prognosis_differs")
    if isinstance(differs, dict):
        found["prognosis_differs"] = sum(
            len(rows) for rows in differs.values() if isinstance(rows, list)
        )
    return found


def _from_import(code: str, report: ImportReport, seconds: float) -> RehearsedStep:
    problems = [problem.message() for problem in report.errors[:SHOWN_PROBLEMS]]
    if report.refusal is not None:
        problems.append(report.refusal.message())
    return RehearsedStep(
        code,
        report.written,
        report.changeset,
        _import_counts(report),
        seconds,
        report.exit_code,
        tuple(problems),
    )


def _prepare(uow: SqlAlchemyUnitOfWork, files: NextYearFiles) -> RehearsedStep:
    report = prepare_year(uow, PrepareRequest(files.school_year))
    counts = {"departments": len(report.departments)}
    return RehearsedStep(PREPARE, report.written, report.changeset, counts, 0.0)


def _promote(uow: SqlAlchemyUnitOfWork, _files: NextYearFiles) -> RehearsedStep:
    report = promote(uow, PromoteRequest())
    counts = {
        "participations": report.participations,
        "previous_home_classes": report.previous_home_classes,
        "package_choices": report.package_choices,
        "without_prognosis": len(report.without_prognosis),
        "leaving": report.leaving,
    }
    return RehearsedStep(PROMOTE, report.written, report.changeset, counts, 0.0)


def _import_files(uow: SqlAlchemyUnitOfWork, files: NextYearFiles) -> RehearsedStep:
    report = run_import(uow, ImportKind.STAFF, files.staff_file, options=ImportOptions())
    return _from_import(STEPS[0].code, report, 0.0)


def _delete_groups(uow: SqlAlchemyUnitOfWork, _files: NextYearFiles) -> RehearsedStep:
    report = delete_groups(uow, GroupsDeleteRequest(all_groups=True))
    counts = {
        "groups": report.groups,
        "memberships": report.memberships,
        "teacher_links": report.teacher_links,
        "kept_as_history": report.history,
    }
    return RehearsedStep(STEPS[1].code, report.written, report.changeset, counts, 0.0)


def _import_participants(uow: SqlAlchemyUnitOfWork, files: NextYearFiles) -> RehearsedStep:
    options = ImportOptions(mark_absent_left=True)
    report = run_import(uow, ImportKind.STUDENTS, files.students_file, options=options)
    return _from_import(STEPS[2].code, report, 0.0)


def _link_staff(uow: SqlAlchemyUnitOfWork, files: NextYearFiles) -> RehearsedStep:
    path = files.teacher_groups_file
    report = run_import(uow, ImportKind.TEACHER_GROUPS, path, options=ImportOptions())
    return _from_import(STEPS[3].code, report, 0.0)


def _remove_departed(uow: SqlAlchemyUnitOfWork, files: NextYearFiles) -> RehearsedStep:
    report = remove_departed_staff(uow, files.staff_file)
    return replace(
        _from_import(STEPS[4].code, report, 0.0), counts={"departed": len(report.departed)}
    )


def _switch(uow: SqlAlchemyUnitOfWork, files: NextYearFiles) -> RehearsedStep:
    report = switch_year(uow, SwitchRequest(files.school_year))
    counts = {"departments": report.departments}
    return RehearsedStep(SWITCH, report.written, report.changeset, counts, 0.0)


RUNNERS: tuple[Callable[[SqlAlchemyUnitOfWork, NextYearFiles], RehearsedStep], ...] = (
    _prepare,
    _promote,
    _import_files,
    _delete_groups,
    _import_participants,
    _link_staff,
    _remove_departed,
    _switch,
)
"""One per code of :data:`STEP_CODES`, in the same order."""


def rehearse(
    uow: SqlAlchemyUnitOfWork,
    files: NextYearFiles,
    *,
    progress: Progress | None = None,
    on_step: Callable[[RehearsedStep], None] | None = None,
) -> Rehearsal:
    """Run the year's life with ``files`` (written by
    :func:`~koppel.services.demo.next_year.write_next_year_files` for the year after the
    current one); ``on_step`` hears of each step when it is done. Call
    :func:`check_rehearsal` first."""
    shown = progress or NoProgress()
    with uow:
        current = uow.school.current_school_year()
    rehearsal = Rehearsal(current.name, files.school_year)
    for code, run in zip(STEP_CODES, RUNNERS, strict=True):
        shown.step(translate(STEP_LABELS[code]), 1)
        started = time.perf_counter()
        try:
            done = run(uow, files)
        except KoppelError as error:
            done = RehearsedStep(code, False, None, {}, 0.0, error.exit_code, (error.message(),))
        step = replace(done, seconds=time.perf_counter() - started)
        shown.advance()
        rehearsal.steps.append(step)
        if on_step is not None:
            on_step(step)
        if step.exit_code:
            break
    return rehearsal
