"""Switch (``koppel year switch``): the prepared year becomes the current one.

Planning pages, prognoses (now for the year after), choice windows, mentor and teacher
pages, exports and the SIS integration all follow the current year, so they follow the
switch. The old year's department settings are kept with that year, next to its
participations, groups and links: it stays readable as it was.

Refused (exit 3) while a step of the year's transition is not applied, unless forced
with a reason, which is logged. Undo restores the previous current year.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from koppel.domain.audit import AuditEntry, JsonValue
from koppel.domain.errors import InvalidValue, RefusedBySafetyRule
from koppel.domain.school import SchoolYear
from koppel.domain.school_years import SWITCH_KIND
from koppel.services.audit.change_sets import ChangeRecorder
from koppel.services.audit.entries import COMMAND_LINE_ACTOR
from koppel.services.school_years.departments import department_from_json, department_json
from koppel.services.school_years.prepare import (
    DEPARTMENT_ENTITY,
    DEPARTMENT_YEAR,
    YEAR_ENTITY,
    undo_department_years,
)
from koppel.services.school_years.years import known_year
from koppel.services.transition.status import StepState, transition_status_in
from koppel.store.unit_of_work import SqlAlchemyUnitOfWork

YEAR_SWITCH = "school_year.switch"
DEPARTMENT_LIVE = "department.settings"


@dataclass(frozen=True)
class SwitchRequest:
    school_year: str
    force: bool = False
    reason: str = ""
    dry_run: bool = False
    actor: str = COMMAND_LINE_ACTOR


@dataclass
class SwitchReport:
    school_year: str
    previous: str
    written: bool = False
    changeset: str | None = None
    forced: bool = False
    reason: str = ""
    steps_not_applied: list[int] = field(default_factory=list)
    departments: int = 0

    def as_json(self) -> dict[str, object]:
        return {
            "written": self.written,
            "changeset": self.changeset,
            "school_year": self.school_year,
            "previous": self.previous,
            "forced": self.forced,
            "reason": self.reason,
            "steps_not_applied": self.steps_not_applied,
            "departments": self.departments,
            "errors": [],
            "warnings": [],
        }


def switch_year(uow: SqlAlchemyUnitOfWork, request: SwitchRequest) -> SwitchReport:
    """Preview (``dry_run``) or apply. Exit 2 when the year is not the prepared one;
    exit 3 while transition steps of it are not applied and not ``force``d with a reason."""
    with uow.transaction(write_lock=not request.dry_run):
        year = known_year(uow, request.school_year)
        years = uow.school_years.years()
        if years.current == year:
            return SwitchReport(year.name, year.name)
        if years.prepared != year:
            raise InvalidValue(
                "year.switch.not_prepared", year=year.name, current=years.current.name
            )
        report = SwitchReport(year.name, years.current.name, reason=request.reason.strip())
        status = transition_status_in(uow, year)
        report.steps_not_applied = [
            s.number for s in status.steps if s.state is not StepState.APPLIED
        ]
        if report.steps_not_applied and not request.dry_run:
            if not request.force:
                raise RefusedBySafetyRule(
                    "year.switch.steps_open",
                    year=year.name,
                    steps=", ".join(map(str, report.steps_not_applied)),
                )
            if not report.reason:
                raise InvalidValue("year.switch.reason_needed")
            report.forced = True
        live = uow.school.departments()
        report.departments = len(live)
        if request.dry_run:
            return report
        report.changeset = _write(uow, years.current, year, report, request.actor)
        uow.commit()
    report.written = True
    return report


def _write(
    uow: SqlAlchemyUnitOfWork,
    old: SchoolYear,
    new: SchoolYear,
    report: SwitchReport,
    actor: str,
) -> str:
    recorder = ChangeRecorder(SWITCH_KIND, actor=actor)
    recorder.record(
        YEAR_SWITCH,
        YEAR_ENTITY,
        new.name,
        before={"current": old.name, "prepared": new.name},
        after={"current": new.name, "prepared": None},
    )
    live = uow.school.departments()
    kept = {d.code: d for d in uow.school_years.departments_in(old)}
    uow.school_years.write_departments_in(old, live)
    for department in live:
        earlier = kept.get(department.code)
        recorder.record(
            DEPARTMENT_YEAR,
            DEPARTMENT_ENTITY,
            department.code,
            before=None
            if earlier is None
            else {"school_year": old.name, **department_json(earlier)},
            after={"school_year": old.name, **department_json(department)},
        )
    by_code = {d.code: d for d in live}
    changed = [d for d in uow.school_years.departments_in(new) if d != by_code.get(d.code)]
    uow.school_years.set_live(changed)
    for department in changed:
        recorder.record(
            DEPARTMENT_LIVE,
            DEPARTMENT_ENTITY,
            department.code,
            before=department_json(by_code[department.code]),
            after=department_json(department),
        )
    uow.school_years.set_current(new)
    uow.school_years.set_prepared(new, False)
    summary: dict[str, JsonValue] = {
        "school_year": new.name,
        "previous": old.name,
        "forced": report.forced,
        "reason": report.reason,
        "steps_not_applied": [*report.steps_not_applied],
        "departments": len(changed),
    }
    return recorder.save(uow, summary)


def _undo_switch(uow: SqlAlchemyUnitOfWork, _year: SchoolYear, entries: list[AuditEntry]) -> None:
    for entry in entries:
        before = entry.before or {}
        uow.school_years.set_current(SchoolYear(str(before["current"])))
        uow.school_years.set_prepared(SchoolYear(entry.key), True)


def _undo_live(uow: SqlAlchemyUnitOfWork, _year: SchoolYear, entries: list[AuditEntry]) -> None:
    uow.school_years.set_live([department_from_json(e.before or {}) for e in entries])


SWITCH_UNDOERS = {
    YEAR_SWITCH: _undo_switch,
    DEPARTMENT_YEAR: undo_department_years,
    DEPARTMENT_LIVE: _undo_live,
}
"""Undone in the opposite order: the current year's settings, the old year's kept
settings, then which year is current."""
