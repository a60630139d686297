"""Where the year transition of a school year stands, step by step (DESIGN.md 5).

Each step is applied as a change set of its own kind, carrying its school year, so the
change sets are the record: a step is applied when its newest change set of that year
stands, undone when that one was undone, not started when there is none.
"""

from __future__ import annotations

from dataclasses import dataclass
from enum import StrEnum

from koppel.domain.errors import InvalidValue
from koppel.domain.school import SchoolYear
from koppel.store.repositories.changesets import ChangeSetRecord
from koppel.store.unit_of_work import SqlAlchemyUnitOfWork

STEPS: tuple[tuple[int, str, str], ...] = (
    (1, "import_files", "import.staff"),
    (2, "delete_groups", "transition.groups_delete"),
    (3, "import_participants", "import.students"),
    (4, "link_staff", "import.teacher_groups"),
    (5, "remove_departed", "staff.remove_departed"),
)
"""(number, code, change-set kind). Step 1 reads the staff file; the students file is
checked there too and applied in step 3."""


class StepState(StrEnum):
    NOT_STARTED = "not_started"
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

    def as_json(self) -> dict[str, object]:
        return {
            "step": self.number,
            "code": self.code,
            "state": self.state.value,
            "changeset": self.changeset,
            "at": self.at,
            "summary": self.summary,
        }


@dataclass(frozen=True)
class TransitionStatus:
    school_year: str
    steps: tuple[StepStatus, ...]

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
        }


def _state(found: list[ChangeSetRecord]) -> tuple[StepState, ChangeSetRecord | None]:
    if not found:
        return StepState.NOT_STARTED, None
    standing = [record for record in found if not record.is_undone]
    if standing:
        return StepState.APPLIED, standing[-1]
    return StepState.UNDONE, found[-1]


def transition_status(
    uow: SqlAlchemyUnitOfWork, school_year: str | None = None
) -> TransitionStatus:
    with uow:
        if school_year is None:
            year = uow.school.current_school_year()
        else:
            year = SchoolYear(school_year)
            if year not in uow.school.school_years():
                raise InvalidValue("transition.unknown_year", school_year=year.name)
        records = uow.changesets.of_kinds([kind for _n, _c, kind in STEPS])
    steps: list[StepStatus] = []
    for number, code, kind in STEPS:
        found = [r for r in records if r.kind == kind and r.summary.get("school_year") == year.name]
        state, record = _state(found)
        steps.append(
            StepStatus(
                number,
                code,
                state,
                None if record is None else record.id,
                None if record is None else record.created_at.isoformat(timespec="seconds"),
                {} if record is None else dict(record.summary),
            )
        )
    return TransitionStatus(year.name, tuple(steps))
