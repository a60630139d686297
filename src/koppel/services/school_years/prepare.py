"""Prepare next year (``koppel year prepare``): the next school year beside the current
one, with every department's settings carried over, to be changed for that year only.

One change set; undo takes the preparation away again (and the year itself when
preparing added it and nothing was written into it since).
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from typing import Any

from koppel.domain.audit import AuditEntry, JsonValue
from koppel.domain.errors import InvalidValue
from koppel.domain.school import SchoolYear
from koppel.domain.school_years import PREPARE_KIND
from koppel.services.audit.change_sets import ChangeRecorder
from koppel.services.audit.entries import COMMAND_LINE_ACTOR
from koppel.services.school_years.departments import department_from_json, department_json
from koppel.store.unit_of_work import SqlAlchemyUnitOfWork

YEAR_PREPARE = "school_year.prepare"
DEPARTMENT_YEAR = "department_year.set"
YEAR_ENTITY = "school_year"
DEPARTMENT_ENTITY = "department"


@dataclass(frozen=True)
class PrepareRequest:
    school_year: str | None = None
    """The year to prepare; the one after the current year when not given."""
    dry_run: bool = False
    actor: str = COMMAND_LINE_ACTOR


@dataclass
class PrepareReport:
    school_year: str
    current: str
    written: bool = False
    changeset: str | None = None
    already_prepared: bool = False
    departments: list[dict[str, JsonValue]] = field(default_factory=list)

    def as_json(self) -> dict[str, object]:
        return {
            "written": self.written,
            "changeset": self.changeset,
            "school_year": self.school_year,
            "current": self.current,
            "already_prepared": self.already_prepared,
            "departments": self.departments,
            "errors": [],
            "warnings": [],
        }


def prepare_year(uow: SqlAlchemyUnitOfWork, request: PrepareRequest) -> PrepareReport:
    """Preview (``dry_run``) or apply; exit 2 when the year is not the next one or
    another year is prepared already."""
    with uow.transaction(write_lock=not request.dry_run):
        years = uow.school_years.years()
        wanted = years.current.next()
        year = wanted if request.school_year is None else SchoolYear(request.school_year)
        if year != wanted:
            raise InvalidValue("year.prepare.not_next", year=year.name, next=wanted.name)
        report = PrepareReport(year.name, years.current.name)
        if years.prepared is not None:
            if years.prepared != year:  # pragma: no cover - only the next year is prepared
                raise InvalidValue("year.prepare.other", prepared=years.prepared.name)
            report.already_prepared = True
            report.departments = [department_json(d) for d in uow.school_years.departments_in(year)]
            return report
        departments = uow.school.departments()
        report.departments = [department_json(d) for d in departments]
        if request.dry_run:
            return report
        recorder = ChangeRecorder(PREPARE_KIND, actor=request.actor)
        added = uow.school_years.ensure(year)
        uow.school_years.set_prepared(year, True)
        recorder.record(
            YEAR_PREPARE,
            YEAR_ENTITY,
            year.name,
            before={"exists": not added, "prepared": False},
            after={"exists": True, "prepared": True},
        )
        had = {d.code: d for d in uow.school_years.departments_in(year)} if not added else {}
        uow.school_years.write_departments_in(year, departments)
        for department in departments:
            old = had.get(department.code)
            recorder.record(
                DEPARTMENT_YEAR,
                DEPARTMENT_ENTITY,
                department.code,
                before=None if old is None else _in_year(year, department_json(old)),
                after=_in_year(year, department_json(department)),
            )
        summary: dict[str, JsonValue] = {
            "school_year": year.name,
            "current": years.current.name,
            "departments": len(departments),
        }
        report.changeset = recorder.save(uow, summary)
        uow.commit()
    report.written = True
    return report


def _in_year(year: SchoolYear, found: dict[str, JsonValue]) -> dict[str, JsonValue]:
    return {"school_year": year.name, **found}


def _before(entry: AuditEntry) -> Mapping[str, Any]:
    return entry.before or {}


def _undo_prepare(uow: SqlAlchemyUnitOfWork, year: SchoolYear, entries: list[AuditEntry]) -> None:
    for entry in entries:
        prepared = SchoolYear(entry.key)
        uow.school_years.set_prepared(prepared, bool(_before(entry).get("prepared")))
        if not _before(entry).get("exists") and not uow.school_years.holds_anything(prepared):
            uow.school_years.remove(prepared)


def undo_department_years(
    uow: SqlAlchemyUnitOfWork, _year: SchoolYear, entries: list[AuditEntry]
) -> None:
    """Put each department's settings of a year back as they were (or take them away)."""
    for entry in entries:
        after = entry.after or {}
        year = SchoolYear(str(after.get("school_year") or _before(entry)["school_year"]))
        if uow.school.school_year_ids.find(year.name) is None:
            continue  # the year itself went first
        if entry.before is None:
            uow.school_years.forget_departments_in(year, [entry.key])
        else:
            uow.school_years.write_departments_in(year, [department_from_json(entry.before)])


PREPARE_UNDOERS = {
    YEAR_PREPARE: _undo_prepare,
    DEPARTMENT_YEAR: undo_department_years,
}
"""Undo reverses in the opposite order of first appearance: the departments' settings of
the year go first, then the year's preparation (and the year, if preparing added it)."""
