"""The life of a school year (DESIGN.md 5): the current year runs while next year is
prepared beside it, promoted from the prognoses, filled by the transition and then
switched to. Pure rules; the services read and write.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from enum import StrEnum

from koppel.domain.planning import DepartmentShare, PackageChoice, Prognosis
from koppel.domain.school import SchoolYear


class LifecycleStep(StrEnum):
    """What was done to a school year, in order: the five transition steps come between
    promote and switch."""

    PREPARE = "prepare"
    PROMOTE = "promote"
    SWITCH = "switch"


PREPARE_KIND = "year.prepare"
PROMOTE_KIND = "year.promote"
SWITCH_KIND = "year.switch"
KIND_OF_STEP = {
    LifecycleStep.PREPARE: PREPARE_KIND,
    LifecycleStep.PROMOTE: PROMOTE_KIND,
    LifecycleStep.SWITCH: SWITCH_KIND,
}

YEAR_COUNTS = (
    "participations",
    "groups",
    "memberships",
    "teacher_links",
    "prognoses",
    "package_choices",
)
"""What ``koppel year status`` counts per school year."""


@dataclass(frozen=True)
class SchoolYears:
    """The year that runs and, from preparation to the switch, the one beside it."""

    current: SchoolYear
    prepared: SchoolYear | None = None

    def as_json(self) -> dict[str, str | None]:
        return {
            "current": self.current.name,
            "prepared": None if self.prepared is None else self.prepared.name,
        }


def participation_text(shares: Iterable[DepartmentShare]) -> str:
    """A participation written as imports and prognoses write it: ``4V`` for 100%,
    ``4H 50 / 4V 50`` for a split (largest share first, then by code)."""
    ordered = sorted(shares, key=lambda s: (-s.percentage, s.department_code))
    if len(ordered) == 1 and ordered[0].percentage == 100:
        return ordered[0].department_code
    return " / ".join(f"{s.department_code} {s.percentage}" for s in ordered)


@dataclass(frozen=True)
class StudentNow:
    """What promotion needs of one active student in the current year."""

    number: str
    departments: tuple[str, ...]
    """Codes of the student's departments this year (usually one)."""
    home_class: str
    previous_home_class: str


@dataclass
class Promotion:
    """What promotion would write to the prepared year, and who it leaves to people."""

    participations: dict[str, tuple[str, str]] = field(default_factory=dict)
    """student number -> (participation before, after) in the prepared year."""
    previous_home_classes: dict[str, tuple[str, str]] = field(default_factory=dict)
    """student number -> (stamklas oud before, after)."""
    package_choices: dict[tuple[str, str], tuple[PackageChoice | None, PackageChoice]] = field(
        default_factory=dict
    )
    """(student number, department) -> (next year's choice before, after): a package that
    continues (this year's, for the department that follows it) where no choice was made
    for next year's department yet. A choice made for it is never overwritten."""
    without_prognosis: list[str] = field(default_factory=list)
    """Students with no prognosis for the prepared year: listed, not guessed."""
    leaving: list[str] = field(default_factory=list)
    """Students of an exam year without a prognosis: they are expected to leave."""
    closed: dict[str, str] = field(default_factory=dict)
    """student number -> the department of its prognosis that is closed next year."""
    unchanged: int = 0
    """Students whose promotion is already in the prepared year."""

    @property
    def changes(self) -> int:
        return (
            len(self.participations) + len(self.previous_home_classes) + len(self.package_choices)
        )


def plan_promotion(
    students: Iterable[StudentNow],
    prognoses: Mapping[str, Prognosis],
    prepared_participations: Mapping[str, str],
    choices_made: Mapping[tuple[str, str], PackageChoice],
    choices_next: Mapping[tuple[str, str], PackageChoice] | frozenset[tuple[str, str]],
    *,
    open_next_year: frozenset[str],
    exam_years: frozenset[str],
) -> Promotion:
    """Each student's last prognosis becomes its participation in the prepared year, the
    package choices made for those departments go with it, and this year's home class
    becomes its previous home class. Running it again plans only what changed since."""
    plan = Promotion()
    for student in sorted(students, key=lambda s: s.number):
        number = student.number
        prognosis = prognoses.get(number)
        if prognosis is None or not prognosis.shares:
            if set(student.departments) & exam_years:
                plan.leaving.append(number)
            else:
                plan.without_prognosis.append(number)
            continue
        closed = [
            s.department_code for s in prognosis.shares if s.department_code not in open_next_year
        ]
        if closed:
            plan.closed[number] = closed[0]
            continue
        changed = False
        wanted = participation_text(prognosis.shares)
        before = prepared_participations.get(number, "")
        if before != wanted:
            plan.participations[number] = (before, wanted)
            changed = True
        if student.home_class and student.home_class != student.previous_home_class:
            plan.previous_home_classes[number] = (student.previous_home_class, student.home_class)
            changed = True
        for share in prognosis.shares:
            key = (number, share.department_code)
            made = choices_made.get(key)
            if made is not None and key not in choices_next:
                plan.package_choices[key] = (None, made)
                changed = True
        if not changed:
            plan.unchanged += 1
    return plan
