"""The portal's state as an SIS import needs it, read inside the caller's unit of work
in a handful of set-based queries (no statement per student)."""

from __future__ import annotations

import re
from datetime import date

from koppel.domain.audit import JsonValue
from koppel.domain.errors import InvalidValue, NotFound
from koppel.domain.school import SchoolYear
from koppel.domain.sis.findings import Findings
from koppel.domain.sis.keys import SisIds
from koppel.domain.sis.plan import PortalState
from koppel.domain.sis.sets import SisSet
from koppel.domain.sis.structure import YearChoice, choose_school_year
from koppel.services.school_settings import load_school_settings
from koppel.store.unit_of_work import SqlAlchemyUnitOfWork


def current_year(uow: SqlAlchemyUnitOfWork) -> str | None:
    try:
        return uow.school.current_school_year().name
    except NotFound:
        return None


def school_year_of(
    uow: SqlAlchemyUnitOfWork, sis_set: SisSet, sis_ids: SisIds, findings: Findings
) -> YearChoice:
    """The set's school year (see :func:`choose_school_year`)."""
    return choose_school_year(
        sis_set,
        sis_ids,
        known_years={year.name for year in uow.school.school_years()},
        current=current_year(uow),
        fallback=SchoolYear.containing(date.today()).name,
        findings=findings,
    )


def home_class_pattern(uow: SqlAlchemyUnitOfWork, given: str | None) -> re.Pattern[str] | None:
    """The rule that makes a class a home class: ``given`` (the command's option), else
    the school's setting; None for the default (classType homeroom). A pattern that is no
    regular expression raises :class:`InvalidValue`."""
    text = given if given is not None else load_school_settings(uow).home_class_rule
    if not text:
        return None
    try:
        return re.compile(text)
    except re.error as error:
        raise InvalidValue("roster.plan.pattern_invalid", pattern=text, reason=str(error)) from None


def read_portal_state(uow: SqlAlchemyUnitOfWork, year: YearChoice, sis_ids: SisIds) -> PortalState:
    students: dict[str, dict[str, JsonValue]] = {}
    groups = {}
    memberships: dict[str, set[str]] = {}
    links = set()
    if not year.is_new:
        chosen = SchoolYear(year.name)
        students = dict(uow.student_states.states(chosen))
        groups = {g.name: g for g in uow.groups.list(chosen)}
        memberships = uow.sis_writes.memberships(chosen)
        links = set(uow.groups.staff_links(chosen))
    else:
        students = _students_in_new_year(uow)
    return PortalState(
        year=year,
        students=students,
        staff=uow.staff.states(),
        groups=groups,
        memberships=memberships,
        links=links,
        branches={b.code: b.name for b in uow.school.branches()},
        departments={d.code for d in uow.school.departments()},
        usernames=set(uow.accounts.ids.keys_by_id().values()),
        sis_ids=sis_ids,
        staff_emails=uow.staff.codes_by_email(),
    )


def _students_in_new_year(uow: SqlAlchemyUnitOfWork) -> dict[str, dict[str, JsonValue]]:
    """Every student's state in a school year the portal does not have yet: as in any
    year it has, without department and home class."""
    years = uow.school.school_years()
    if not years:
        if any(uow.students.count_by_status().values()):
            raise NotFound("schooljaar", "huidig")
        return {}
    states = uow.student_states.states(years[-1])
    for state in states.values():
        state["department"] = ""
        state["home_class"] = ""
    return states
