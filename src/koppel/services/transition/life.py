"""The school year's life as Beheer > Jaarovergang shows it (DESIGN.md 5): prepare,
promote, the five steps of the transition and the switch, in that order, each with its
state, for the one year the life is about; and undo of a stage's change set from its
screen (only while it is the newest, as ``koppel undo``).

The year the life is about: the prepared year; without one, the current year when it was
switched to (its life is complete), else the year to prepare next.
"""

from __future__ import annotations

from collections.abc import Collection
from dataclasses import dataclass, field
from datetime import datetime

from koppel.domain.change_sets import ChangeSet
from koppel.domain.errors import InvalidValue, NotFound
from koppel.domain.school import SchoolYear
from koppel.domain.school_years import (
    PREPARE_KIND,
    PROMOTE_KIND,
    SWITCH_KIND,
    LifecycleStep,
    SchoolYears,
)
from koppel.services.audit.undo import UndoResult, undo_changeset
from koppel.services.school_years.next_departments import KIND as DEPARTMENTS_KIND
from koppel.services.transition.status import (
    StepState,
    StepStatus,
    TransitionStatus,
    transition_status_in,
)
from koppel.store.unit_of_work import SqlAlchemyUnitOfWork

PARTLY = "partly"
"""A promotion that stands for some departments only (team leaders promoted theirs)."""
SCREEN_KINDS: dict[str, tuple[str, ...]] = {
    LifecycleStep.PREPARE.value: (PREPARE_KIND, DEPARTMENTS_KIND),
    LifecycleStep.PROMOTE.value: (PROMOTE_KIND,),
    LifecycleStep.SWITCH.value: (SWITCH_KIND,),
}
"""The change sets each screen of the life applies, and so may undo."""


@dataclass(frozen=True)
class Stage:
    """One stage of the life: ``prepare``, ``promote``, a step's code, or ``switch``."""

    code: str
    state: str
    """A :class:`StepState` value, or :data:`PARTLY`."""
    changeset: str | None = None
    at: datetime | str | None = None
    summary: dict[str, object] = field(default_factory=dict)
    number: int | None = None
    """1 to 5 for the steps of the transition."""
    previewed_at: str | None = None

    @property
    def done(self) -> bool:
        return self.state == StepState.APPLIED.value


@dataclass(frozen=True)
class YearLife:
    years: SchoolYears
    year: SchoolYear
    """The year the life is about."""
    stages: tuple[Stage, ...]
    newest: str | None
    """The newest change set that stands: the only one undo accepts."""
    transition: TransitionStatus
    """The five steps of the year, as the step screens show them."""
    promoted_departments: tuple[str, ...] = ()
    """Departments promoted one by one (team leaders), while the whole school is not."""

    @property
    def prepared(self) -> bool:
        return self.years.prepared is not None

    @property
    def switched(self) -> bool:
        """The life is complete: its year is the current one."""
        return self.year == self.years.current

    @property
    def to_prepare(self) -> SchoolYear:
        return self.years.current.next()

    @property
    def next_stage(self) -> Stage | None:
        return next((stage for stage in self.stages if not stage.done), None)

    def stage(self, code: str) -> Stage:
        return next(stage for stage in self.stages if stage.code == code)

    @property
    def steps(self) -> tuple[Stage, ...]:
        return tuple(stage for stage in self.stages if stage.number is not None)

    @property
    def open_steps(self) -> list[int]:
        return [s.number for s in self.steps if s.number is not None and not s.done]


def _of_year(records: list[ChangeSet], kind: str, year: SchoolYear) -> list[ChangeSet]:
    return [r for r in records if r.kind == kind and r.summary.get("school_year") == year.name]


def _stage(code: str, found: list[ChangeSet], *, done_anyway: bool = False) -> Stage:
    standing = [r for r in found if not r.is_undone]
    if standing:
        last = standing[-1]
        return Stage(code, StepState.APPLIED.value, last.id, last.created_at, dict(last.summary))
    if done_anyway:
        return Stage(code, StepState.APPLIED.value)
    if found:
        last = found[-1]
        return Stage(code, StepState.UNDONE.value, last.id, last.undone_at, dict(last.summary))
    return Stage(code, StepState.NOT_STARTED.value)


def _promote_stage(found: list[ChangeSet]) -> tuple[Stage, tuple[str, ...]]:
    whole = [r for r in found if r.summary.get("department") is None]
    stage = _stage(LifecycleStep.PROMOTE.value, whole)
    if stage.done:
        return stage, ()
    parts = [r for r in found if r.summary.get("department") is not None and not r.is_undone]
    if not parts:
        return _stage(LifecycleStep.PROMOTE.value, found), ()
    departments = tuple(sorted({str(r.summary["department"]) for r in parts}))
    last = parts[-1]
    stage = Stage(LifecycleStep.PROMOTE.value, PARTLY, last.id, last.created_at, dict(last.summary))
    return stage, departments


def _step_stage(step: StepStatus) -> Stage:
    return Stage(
        step.code,
        step.state.value,
        step.changeset,
        step.at,
        dict(step.summary),
        step.number,
        step.previewed_at,
    )


def life_year(uow: SqlAlchemyUnitOfWork, years: SchoolYears) -> SchoolYear:
    """The year the life is about (inside an open unit of work)."""
    if years.prepared is not None:
        return years.prepared
    switches = _of_year(uow.changesets.of_kinds([SWITCH_KIND]), SWITCH_KIND, years.current)
    if any(not r.is_undone for r in switches):
        return years.current
    return years.current.next()


def year_life(uow: SqlAlchemyUnitOfWork) -> YearLife:
    """Where the life of the year stands, stage by stage."""
    with uow.unlocked():
        years = uow.school_years.years()
        year = life_year(uow, years)
        records = uow.changesets.of_kinds([PREPARE_KIND, PROMOTE_KIND, SWITCH_KIND])
        prepare = _stage(
            LifecycleStep.PREPARE.value,
            _of_year(records, PREPARE_KIND, year),
            done_anyway=years.prepared == year or years.current == year,
        )
        promote, promoted = _promote_stage(_of_year(records, PROMOTE_KIND, year))
        switch = _stage(LifecycleStep.SWITCH.value, _of_year(records, SWITCH_KIND, year))
        transition = transition_status_in(uow, year)
        latest = uow.changesets.latest_applied()
    return YearLife(
        years,
        year,
        (prepare, promote, *(_step_stage(step) for step in transition.steps), switch),
        None if latest is None else latest.id,
        transition,
        promoted,
    )


def undo_on_screen(
    uow: SqlAlchemyUnitOfWork,
    changeset_id: str,
    kinds: Collection[str],
    *,
    actor: str,
    department: str | None = None,
    any_department: bool = True,
) -> UndoResult:
    """Undo a change set from the screen that applied it: only one of ``kinds`` that
    still stands (and, unless ``any_department``, of ``department``: ``None`` for the whole
    school); InvalidValue ``year_life.undo_stale`` otherwise. The undo itself refuses
    (RefusedBySafetyRule) a change set that is not the newest, naming the newer one."""
    with uow:
        try:
            record: ChangeSet | None = uow.changesets.get(changeset_id)
        except NotFound:
            record = None
    fits = (
        record is not None
        and not record.is_undone
        and record.kind in kinds
        and (any_department or record.summary.get("department") == department)
    )
    if not fits:
        raise InvalidValue("year_life.undo_stale", changeset=changeset_id)
    return undo_changeset(uow, changeset_id, actor=actor)
