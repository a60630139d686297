"""What Beheer > Koppeling shows of a run: its counts, the students the set leaves out,
its refusal and its problems (file, row, column), read from the run's summary."""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

from koppel.domain.errors import KoppelError
from koppel.domain.sis.runs import RunStatus, SisRun
from koppel.files.problems import Problem
from koppel.services.sis.run_summary import count_of, error_in, problems_in

COUNTS: tuple[tuple[str, str, str], ...] = (
    ("students", "new", "runs.count.students_new"),
    ("students", "updated", "runs.count.students_updated"),
    ("students", "unchanged", "runs.count.students_unchanged"),
    ("students", "absent", "runs.count.students_absent"),
    ("staff", "new", "runs.count.staff_new"),
    ("staff", "updated", "runs.count.staff_updated"),
    ("staff", "absent", "runs.count.staff_absent"),
    ("groups", "new", "runs.count.groups_new"),
    ("groups", "deleted", "runs.count.groups_deleted"),
    ("memberships", "new", "runs.count.memberships_new"),
    ("memberships", "removed", "runs.count.memberships_removed"),
    ("links", "new", "runs.count.links_new"),
    ("links", "removed", "runs.count.links_removed"),
)
"""(part of the summary, count, text key) in the order the page lists them; besides the
students' counts only those that are not 0."""


@dataclass(frozen=True)
class RunView:
    run: SisRun
    counts: list[tuple[str, int]] = field(default_factory=list)
    absent: list[str] = field(default_factory=list)
    errors: list[Problem] = field(default_factory=list)
    warnings: list[Problem] = field(default_factory=list)
    error_count: int = 0
    warning_count: int = 0
    refusal: KoppelError | None = None
    problem: KoppelError | None = None

    @property
    def id(self) -> str:
        return self.run.id

    @property
    def status(self) -> str:
        return self.run.status.value

    @property
    def is_pending(self) -> bool:
        return self.run.status is RunStatus.PENDING

    @property
    def set_label(self) -> str:
        return str(self.run.summary.get("set") or Path(self.run.source).name)

    @property
    def school_year(self) -> str:
        return str(self.run.summary.get("school_year") or "")

    @property
    def student_counts(self) -> dict[str, int] | None:
        found = {
            name: count_of(self.run.summary, "students", name)
            for name in ("new", "updated", "absent")
        }
        if all(value is None for value in found.values()):
            return None
        return {name: value or 0 for name, value in found.items()}

    @property
    def explain(self) -> str:
        """The text key that says what happened and what to do next."""
        if self.run.status in (RunStatus.APPLIED, RunStatus.APPROVED) and not self.run.changeset:
            return f"runs.explain.{self.status}_nothing"
        return f"runs.explain.{self.status}"


def _int(value: object) -> int:
    return value if isinstance(value, int) else 0


def run_view(run: SisRun) -> RunView:
    summary = run.summary
    counts: list[tuple[str, int]] = []
    rows = summary.get("rows")
    if isinstance(rows, int):
        counts.append(("runs.count.rows", rows))
    for part, name, key in COUNTS:
        value = count_of(summary, part, name)
        if value is not None and (value or part == "students"):
            counts.append((key, value))
        if (part, name) == ("students", "absent") and isinstance(summary.get("marked_left"), int):
            counts.append(("runs.count.marked_left", _int(summary.get("marked_left"))))
    absent = summary.get("absent")
    errors = problems_in(summary, "errors")
    warnings = problems_in(summary, "warnings")
    return RunView(
        run,
        counts=counts,
        absent=[str(n) for n in absent] if isinstance(absent, list) else [],
        errors=errors,
        warnings=warnings,
        error_count=max(_int(summary.get("error_count")), len(errors)),
        warning_count=max(_int(summary.get("warning_count")), len(warnings)),
        refusal=error_in(summary, "refusal"),
        problem=error_in(summary, "problem"),
    )
