"""Promote from the prognoses (``koppel year promote``): next year's participations are
made from each student's last prognosis, the packages that continue go with them, and
this year's home class becomes the previous home class (stamklas oud).

Students without a prognosis are listed, not guessed. One change set; running it again
after prognoses changed writes only what changed; undo gives back the state before.
"""

from __future__ import annotations

from dataclasses import dataclass, field, replace

from koppel.domain.audit import JsonValue
from koppel.domain.errors import InvalidValue
from koppel.domain.planning import PackageChoice
from koppel.domain.school import Department, SchoolYear, final_year_departments
from koppel.domain.school_years import PROMOTE_KIND, Promotion, StudentNow, plan_promotion
from koppel.domain.students import StudentStatus
from koppel.services.audit.change_sets import STUDENT_ENTITY, ChangeRecorder
from koppel.services.audit.entries import COMMAND_LINE_ACTOR
from koppel.services.planning.edits import choice_json
from koppel.services.school_years.years import year_to_fill
from koppel.services.transition.groups_delete import PREVIOUS_HOME_CLASS
from koppel.store.unit_of_work import SqlAlchemyUnitOfWork

STUDENT_UPDATE = "student.update"
PACKAGE_CHOICE = "package_choice.set"
EXAMPLES = 20


@dataclass(frozen=True)
class PromoteRequest:
    department: str | None = None
    """Only the students of this department in the current year."""
    dry_run: bool = False
    actor: str = COMMAND_LINE_ACTOR


@dataclass
class PromoteReport:
    school_year: str
    current: str
    department: str | None
    written: bool = False
    changeset: str | None = None
    participations: int = 0
    previous_home_classes: int = 0
    package_choices: int = 0
    unchanged: int = 0
    without_prognosis: list[str] = field(default_factory=list)
    leaving: int = 0
    closed: dict[str, str] = field(default_factory=dict)
    examples: list[dict[str, JsonValue]] = field(default_factory=list)

    def as_json(self) -> dict[str, object]:
        return {
            "written": self.written,
            "changeset": self.changeset,
            "school_year": self.school_year,
            "current": self.current,
            "department": self.department,
            "participations": self.participations,
            "previous_home_classes": self.previous_home_classes,
            "package_choices": self.package_choices,
            "unchanged": self.unchanged,
            "without_prognosis": self.without_prognosis,
            "leaving": self.leaving,
            "closed_departments": self.closed,
            "examples": self.examples,
            "errors": [],
            "warnings": [],
        }


def _continues(now: Department, then: Department) -> bool:
    """Whether a package of ``now`` carries into ``then`` (the next year of study of the
    same education type at the same branch: 4V -> 5V)."""
    return (
        then.year_of_study == now.year_of_study + 1
        and then.education_type == now.education_type
        and then.branch_code == now.branch_code
    )


def _continuing_choices(
    made: list[PackageChoice], departments: list[Department]
) -> dict[tuple[str, str], PackageChoice]:
    by_code = {d.code: d for d in departments}
    found: dict[tuple[str, str], PackageChoice] = {}
    for choice in made:
        now = by_code.get(choice.department_code)
        if now is None:
            continue
        for then in departments:
            if _continues(now, then):
                found[(choice.student_number, then.code)] = replace(
                    choice, department_code=then.code
                )
    return found


def _plan(
    uow: SqlAlchemyUnitOfWork, current: SchoolYear, prepared: SchoolYear, scope: str | None
) -> Promotion:
    states = uow.student_states.states(current)
    next_states = uow.student_states.states(prepared)
    homes = uow.group_deletion.previous_home_classes(states)
    students = []
    for number, state in states.items():
        if state["status"] != StudentStatus.ACTIVE.value or not state["department"]:
            continue
        codes = tuple(part.split()[0] for part in str(state["department"]).split(" / "))
        if scope is not None and scope not in codes:
            continue
        students.append(
            StudentNow(number, codes, str(state["home_class"]).split(", ")[0], homes[number])
        )
    departments = uow.school.departments()
    next_departments = uow.school_years.departments_in(prepared)
    prognoses = {p.student_number: p for p in uow.planning.prognoses(prepared)}
    return plan_promotion(
        students,
        prognoses,
        {n: str(s["department"]) for n, s in next_states.items() if s["department"]},
        _continuing_choices(uow.planning.package_choices(current), next_departments),
        frozenset(uow.planning.package_choice_keys(prepared)),
        open_next_year=frozenset(d.code for d in next_departments if d.is_open),
        exam_years=final_year_departments(departments),
    )


def promote(uow: SqlAlchemyUnitOfWork, request: PromoteRequest) -> PromoteReport:
    """Preview (``dry_run``) or apply; exit 2 without a prepared year or for an unknown
    department."""
    with uow.transaction(write_lock=not request.dry_run):
        prepared = year_to_fill(uow)
        current = uow.school.current_school_year()
        scope = None if request.department is None else request.department.upper()
        if scope is not None and scope not in {d.code for d in uow.school.departments()}:
            raise InvalidValue("year.promote.unknown_department", department=scope)
        plan = _plan(uow, current, prepared, scope)
        report = PromoteReport(
            prepared.name,
            current.name,
            scope,
            participations=len(plan.participations),
            previous_home_classes=len(plan.previous_home_classes),
            package_choices=len(plan.package_choices),
            unchanged=plan.unchanged,
            without_prognosis=plan.without_prognosis,
            leaving=len(plan.leaving),
            closed=plan.closed,
            examples=[
                {"student": number, "before": before, "after": after}
                for number, (before, after) in list(plan.participations.items())[:EXAMPLES]
            ],
        )
        if request.dry_run or not plan.changes:
            return report
        report.changeset = _write(uow, prepared, plan, request, report)
        uow.commit()
    report.written = True
    return report


def _write(
    uow: SqlAlchemyUnitOfWork,
    year: SchoolYear,
    plan: Promotion,
    request: PromoteRequest,
    report: PromoteReport,
) -> str:
    recorder = ChangeRecorder(PROMOTE_KIND, actor=request.actor)
    for number, (before, after) in plan.participations.items():
        recorder.record(
            STUDENT_UPDATE,
            STUDENT_ENTITY,
            number,
            before={"department": before},
            after={"department": after},
        )
    uow.student_states.write_many(
        year, {number: {"department": after} for number, (_, after) in plan.participations.items()}
    )
    for number, (before, after) in plan.previous_home_classes.items():
        recorder.record(
            PREVIOUS_HOME_CLASS,
            STUDENT_ENTITY,
            number,
            before={"previous_home_class": before},
            after={"previous_home_class": after},
        )
    uow.group_deletion.set_previous_home_classes(
        {number: after for number, (_, after) in plan.previous_home_classes.items()}
    )
    for (number, code), (old, new) in plan.package_choices.items():
        recorder.record(
            PACKAGE_CHOICE,
            STUDENT_ENTITY,
            number,
            before={"school_year": year.name, **choice_json(old, code)},
            after={"school_year": year.name, **choice_json(new, code)},
        )
    uow.student_planning.set_package_choices(
        year, {pair: new for pair, (_, new) in plan.package_choices.items()}
    )
    summary: dict[str, JsonValue] = {
        "school_year": year.name,
        "department": report.department,
        "participations": report.participations,
        "previous_home_classes": report.previous_home_classes,
        "package_choices": report.package_choices,
        "without_prognosis": len(report.without_prognosis),
    }
    return recorder.save(uow, summary)
