"""Where the school year's life stands (``koppel year status``): the current and the
prepared year, what each holds, and which steps of the prepared year are done."""

from __future__ import annotations

from dataclasses import dataclass

from koppel.domain.change_sets import ChangeSet
from koppel.domain.school import SchoolYear
from koppel.domain.school_years import KIND_OF_STEP, LifecycleStep, SchoolYears
from koppel.services.transition.status import TransitionStatus, transition_status_in
from koppel.store.unit_of_work import SqlAlchemyUnitOfWork


@dataclass(frozen=True)
class StepDone:
    step: str
    done: bool
    changeset: str | None
    at: str | None

    def as_json(self) -> dict[str, object]:
        return {"step": self.step, "done": self.done, "changeset": self.changeset, "at": self.at}


@dataclass(frozen=True)
class YearStatus:
    years: SchoolYears
    counts: dict[str, dict[str, int]]
    """school year -> what it holds (participations, groups, ...)."""
    lifecycle: tuple[StepDone, ...]
    """Prepare, promote and switch of the prepared (or just switched-to) year."""
    transition: TransitionStatus | None
    """The five steps of that year."""
    year: str
    """The year the lifecycle is about."""

    def as_json(self) -> dict[str, object]:
        return {
            **self.years.as_json(),
            "year": self.year,
            "counts": self.counts,
            "lifecycle": [step.as_json() for step in self.lifecycle],
            "transition": None if self.transition is None else self.transition.as_json(),
        }


def _standing(records: list[ChangeSet], year: SchoolYear) -> ChangeSet | None:
    found = [r for r in records if r.summary.get("school_year") == year.name and not r.is_undone]
    return found[-1] if found else None


def year_status(uow: SqlAlchemyUnitOfWork) -> YearStatus:
    with uow.unlocked():
        years = uow.school_years.years()
        year = years.prepared or years.current
        counts = {years.current.name: uow.school_years.counts(years.current)}
        if years.prepared is not None:
            counts[years.prepared.name] = uow.school_years.counts(years.prepared)
        records = uow.changesets.of_kinds(list(KIND_OF_STEP.values()))
        steps = []
        for step, kind in KIND_OF_STEP.items():
            standing = _standing([r for r in records if r.kind == kind], year)
            steps.append(
                StepDone(
                    step.value,
                    standing is not None
                    or (step is LifecycleStep.PREPARE and years.prepared is not None),
                    None if standing is None else standing.id,
                    None if standing is None else standing.created_at.isoformat("T", "seconds"),
                )
            )
        transition = transition_status_in(uow, year)
    return YearStatus(years, counts, tuple(steps), transition, year.name)
