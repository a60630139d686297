"""Where the year transition of a school year stands, step by step (DESIGN.md 5).

Each step is applied as a change set of its own kind, carrying its school year, so the
change sets are the record: a step is applied when its newest change set of that year
stands, undone when that one was undone, not started when there is none. A preview
(a dry run) leaves a note; a step previewed after its last change set (or without one)
and not standing is *previewed*.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime
from enum import StrEnum

from koppel.domain.change_sets import ChangeSet
from koppel.domain.school import SchoolYear
from koppel.domain.transition import StepPreview
from koppel.services.school_years.years import year_of_work
from koppel.services.transition.steps import STEPS
from koppel.store.unit_of_work import SqlAlchemyUnitOfWork


class StepState(StrEnum):
    NOT_STARTED = "not_started"
    PREVIEWED = "previewed"
    APPLIED = "applied"
    UNDONE = "undone"


@dataclass(frozen=True)
class StepStatus:
    number: int
    code: str
    state: StepState
    changeset: str | None
    at: str | None
    summary: dict[str, object]
    previewed_at: str | None = None
    preview: dict[str, object] | None = None

    def as_json(self) -> dict[str, object]:
        return {
            "step": self.number,
            "code": self.code,
            "state": self.state.value,
            "changeset": self.changeset,
            "at": self.at,
            "summary": self.summary,
            "previewed_at": self.previewed_at,
            "preview": self.preview,
        }


@dataclass(frozen=True)
class SisRunStatus:
    """One automatic run of the SIS integration in the school year (koppel integration)."""

    run: str
    at: str
    status: str
    changeset: str | None

    def as_json(self) -> dict[str, object]:
        return {"run": self.run, "at": self.at, "status": self.status, "changeset": self.changeset}


@dataclass(frozen=True)
class TransitionStatus:
    school_year: str
    steps: tuple[StepStatus, ...]
    integration: tuple[SisRunStatus, ...] = ()
    """The SIS integration's runs of the school year, newest first."""

    @property
    def next_step(self) -> int | None:
        for step in self.steps:
            if step.state is not StepState.APPLIED:
                return step.number
        return None

    def as_json(self) -> dict[str, object]:
        return {
            "school_year": self.school_year,
            "next_step": self.next_step,
            "steps": [step.as_json() for step in self.steps],
            "integration": [run.as_json() for run in self.integration],
        }


def _state(
    found: list[ChangeSet], preview: StepPreview | None
) -> tuple[StepState, ChangeSet | None]:
    standing = [record for record in found if not record.is_undone]
    if standing:
        return StepState.APPLIED, standing[-1]
    last = found[-1] if found else None
    last_at = None if last is None else (last.undone_at or last.created_at)
    if preview is not None and (last_at is None or preview.previewed_at >= last_at):
        return StepState.PREVIEWED, last
    if last is None:
        return StepState.NOT_STARTED, None
    return StepState.UNDONE, last


def _iso(at: datetime) -> str:
    return at.isoformat(timespec="seconds")


def transition_status(
    uow: SqlAlchemyUnitOfWork, school_year: str | None = None
) -> TransitionStatus:
    """The transition of ``school_year``: by default the prepared year's, or the current
    year's when none is prepared."""
    with uow.unlocked():
        return transition_status_in(uow, year_of_work(uow, school_year))


def transition_status_in(uow: SqlAlchemyUnitOfWork, year: SchoolYear) -> TransitionStatus:
    """:func:`transition_status` inside an open unit of work."""
    records = uow.changesets.of_kinds([kind for step in STEPS for kind in step.kinds])
    previews = uow.transition_previews.of_year(year.name)
    runs = [
        SisRunStatus(run.id, _iso(run.received_at), run.status.value, run.changeset)
        for run in uow.sis_runs.list_runs()
        if run.summary.get("school_year") == year.name
    ]
    steps: list[StepStatus] = []
    for step in STEPS:
        found = [
            r for r in records if r.kind in step.kinds and r.summary.get("school_year") == year.name
        ]
        preview = previews.get(step.number)
        state, record = _state(found, preview)
        steps.append(
            StepStatus(
                step.number,
                step.code,
                state,
                None if record is None else record.id,
                None if record is None else _iso(record.created_at),
                {} if record is None else dict(record.summary),
                None if preview is None else _iso(preview.previewed_at),
                None if preview is None else dict(preview.summary),
            )
        )
    return TransitionStatus(year.name, tuple(steps), tuple(runs))
