"""Next year's departments (``koppel year department``): renamed, closed, reopened,
given another leading side, subject list or choice window, or added, for the prepared
year only. The current year keeps its own. One change set; undo puts them back.
"""

from __future__ import annotations

from dataclasses import dataclass, field, replace
from datetime import date

from koppel.domain.audit import AuditEntry, JsonValue
from koppel.domain.errors import InvalidValue
from koppel.domain.school import Department, EducationType, LeadingSide, SchoolYear
from koppel.services.audit.change_sets import ChangeRecorder
from koppel.services.audit.entries import COMMAND_LINE_ACTOR
from koppel.services.school_years.departments import department_json
from koppel.services.school_years.prepare import DEPARTMENT_ENTITY, DEPARTMENT_YEAR
from koppel.services.school_years.years import year_to_fill
from koppel.store.unit_of_work import SqlAlchemyUnitOfWork

KIND = "year.departments"
DEPARTMENT_ADD = "department.add"


@dataclass(frozen=True)
class DepartmentChange:
    """What changes for one department next year; ``None`` keeps it as it is."""

    code: str
    name: str | None = None
    is_open: bool | None = None
    home_class_lead: LeadingSide | None = None
    subjects: frozenset[str] | None = None
    choice_window: tuple[date | None, date | None] | None = None
    """Both days, or ``(None, None)`` for no choice window next year."""
    new_year_of_study: int | None = None
    """With ``new_education_type``: add this department, for next year only."""
    new_education_type: EducationType | None = None
    new_branch: str | None = None
    actor: str = COMMAND_LINE_ACTOR
    dry_run: bool = False


@dataclass
class DepartmentChangeReport:
    school_year: str
    written: bool = False
    changeset: str | None = None
    added: bool = False
    before: dict[str, JsonValue] | None = None
    after: dict[str, JsonValue] = field(default_factory=dict)

    def as_json(self) -> dict[str, object]:
        return {
            "written": self.written,
            "changeset": self.changeset,
            "school_year": self.school_year,
            "added": self.added,
            "before": self.before,
            "after": self.after,
            "errors": [],
            "warnings": [],
        }


def _changed(department: Department, change: DepartmentChange) -> Department:
    opens, closes = (
        change.choice_window
        if change.choice_window is not None
        else (department.choice_opens_on, department.choice_closes_on)
    )
    return replace(
        department,
        name=change.name if change.name is not None else department.name,
        is_open=change.is_open if change.is_open is not None else department.is_open,
        home_class_lead=change.home_class_lead or department.home_class_lead,
        subjects=change.subjects if change.subjects is not None else department.subjects,
        choice_opens_on=opens,
        choice_closes_on=closes,
    )


def change_next_department(
    uow: SqlAlchemyUnitOfWork, change: DepartmentChange
) -> DepartmentChangeReport:
    """Preview or apply one department's change for the prepared year (exit 2 without
    a prepared year, or for an unknown department unless it is being added)."""
    with uow.transaction(write_lock=not change.dry_run):
        year = year_to_fill(uow)
        report = DepartmentChangeReport(year.name)
        known = {d.code: d for d in uow.school_years.departments_in(year)}
        code = change.code.upper()
        old = known.get(code)
        if old is None and change.new_year_of_study is None:
            raise InvalidValue(
                "year.department.unknown", code=code, year=year.name, known=", ".join(known)
            )
        if old is not None and change.new_year_of_study is not None:
            raise InvalidValue("year.department.exists", code=code, year=year.name)
        base = old or _new(uow, change)
        new = _changed(base, change)
        report.added = old is None
        report.before = None if old is None else department_json(old)
        report.after = department_json(new)
        if change.dry_run or new == old:
            return report
        recorder = ChangeRecorder(KIND, actor=change.actor)
        if old is None:
            uow.school.add_departments([replace(new, is_open=False)])
            recorder.record(DEPARTMENT_ADD, DEPARTMENT_ENTITY, new.code, after=report.after)
        uow.school_years.write_departments_in(year, [new])
        recorder.record(
            DEPARTMENT_YEAR,
            DEPARTMENT_ENTITY,
            new.code,
            before=None if report.before is None else {"school_year": year.name, **report.before},
            after={"school_year": year.name, **report.after},
        )
        report.changeset = recorder.save(
            uow, {"school_year": year.name, "department": new.code, "added": report.added}
        )
        uow.commit()
    report.written = True
    return report


def _new(uow: SqlAlchemyUnitOfWork, change: DepartmentChange) -> Department:
    if change.new_education_type is None or change.name is None:
        raise InvalidValue("year.department.incomplete", code=change.code)
    branches = uow.school.branches()
    branch = change.new_branch or (branches[0].code if branches else "")
    return Department(
        change.code,
        change.name,
        change.new_year_of_study or 0,
        change.new_education_type,
        branch,
    )


def _undo_adds(uow: SqlAlchemyUnitOfWork, _year: SchoolYear, entries: list[AuditEntry]) -> None:
    uow.school_years.remove_departments(entry.key for entry in entries)


NEXT_DEPARTMENT_UNDOERS = {DEPARTMENT_ADD: _undo_adds}
"""The settings of the year (recorded after the add) are undone first, then the added
department goes."""
