"""Recording that a step of the year transition was previewed.

A preview writes no school data; it leaves a note (the step, when, by whom, its counts)
so the transition's status can say "previewed" and the wizard can resume there. The
services call :func:`note_preview` inside their own unit of work and commit it.
"""

from __future__ import annotations

from collections.abc import Mapping
from datetime import UTC, datetime

from koppel.domain.audit import JsonValue
from koppel.domain.transition import StepPreview
from koppel.services.transition.steps import Step
from koppel.store.unit_of_work import SqlAlchemyUnitOfWork


def note_preview(
    uow: SqlAlchemyUnitOfWork,
    step: Step,
    *,
    school_year: str,
    actor: str,
    summary: Mapping[str, JsonValue],
) -> None:
    """Keep this preview as ``step``'s newest and commit ``uow`` (which wrote nothing else)."""
    uow.transition_previews.record(
        StepPreview(school_year, step.number, datetime.now(UTC), actor, dict(summary))
    )
    uow.commit()


LEFT_OUT = frozenset({"details", "errors", "warnings", "examples"})
"""What a preview's note leaves out of a report: long lists (and there are no errors)."""


def note_report_preview(
    uow: SqlAlchemyUnitOfWork,
    step: Step,
    *,
    school_year: str,
    actor: str,
    report: Mapping[str, object],
) -> None:
    """:func:`note_preview` with the counts of a report's JSON shape (DESIGN.md 8)."""
    summary: dict[str, JsonValue] = {
        key: value  # type: ignore[misc]
        for key, value in report.items()
        if key not in LEFT_OUT
    }
    note_preview(uow, step, school_year=school_year, actor=actor, summary=summary)
