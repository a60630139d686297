"""The safety rule of a students import (DESIGN.md 5): a file that leaves out too many
active students is refused unless the user says ``--force``.

It applies when the import would mark the absent students as left, and always in step 3
of the year transition (old groups deleted), where the file should hold every
participant of the new year: a truncated export is then caught before anything is
written. Students of an exam year (the last year of their education type) are expected
to be missing and do not count; the limit is the school's setting (default 10%).
"""

from __future__ import annotations

from collections.abc import Mapping

from koppel.domain.errors import RefusedBySafetyRule
from koppel.domain.imports.students import StudentImportPlan, StudentState
from koppel.domain.school import SchoolYear, final_year_departments
from koppel.domain.students import StudentStatus
from koppel.services.imports.options import ImportOptions
from koppel.services.school_settings import load_school_settings
from koppel.services.transition.steps import DELETE_GROUPS
from koppel.store.unit_of_work import SqlAlchemyUnitOfWork


def in_transition(uow: SqlAlchemyUnitOfWork, year: SchoolYear) -> bool:
    """Whether step 2 (old groups deleted) stands for ``year``."""
    return any(
        not record.is_undone and record.summary.get("school_year") == year.name
        for record in uow.changesets.of_kinds(DELETE_GROUPS.kinds)
    )


def expected_absent(
    uow: SqlAlchemyUnitOfWork,
    year: SchoolYear,
    existing: Mapping[str, StudentState],
    plan: StudentImportPlan,
) -> list[str]:
    """The absent students in an exam-year department: expected to have left. Filling a
    prepared year, that is their department in the current year (exam-year students are
    not promoted into the next)."""
    finals = final_year_departments(uow.school.departments())
    current = uow.school.current_school_year()
    now = existing if year == current else uow.student_states.states(current)
    return [n for n in plan.absent if now[n].get("department") in finals]


def absence_refusal(
    uow: SqlAlchemyUnitOfWork,
    year: SchoolYear,
    existing: Mapping[str, StudentState],
    plan: StudentImportPlan,
    options: ImportOptions,
    expected: int,
) -> RefusedBySafetyRule | None:
    """The refusal when too many students (not in an exam year) are absent, else None."""
    if options.force or not plan.absent:
        return None
    step_three = in_transition(uow, year)
    if not (options.mark_absent_left or step_three):
        return None
    active = sum(1 for s in existing.values() if s["status"] == StudentStatus.ACTIVE.value)
    unexpected = len(plan.absent) - expected
    limit = load_school_settings(uow).transition_max_share_percent
    if unexpected * 100 <= limit * max(active, 1):
        return None
    return RefusedBySafetyRule(
        "import.too_many_left" if options.mark_absent_left else "import.too_many_absent",
        count=unexpected,
        total=active,
        expected=expected,
        share=limit,
    )
