"""Which school year a command works on: the current one, or the one prepared beside it."""

from __future__ import annotations

from koppel.domain.errors import InvalidValue
from koppel.domain.school import Department, SchoolYear
from koppel.domain.school_years import SchoolYears
from koppel.store.unit_of_work import SqlAlchemyUnitOfWork


def school_years(uow: SqlAlchemyUnitOfWork) -> SchoolYears:
    """The current and the prepared year."""
    with uow.unlocked():
        return uow.school_years.years()


def known_year(uow: SqlAlchemyUnitOfWork, name: str) -> SchoolYear:
    """``name`` as a school year the portal has; exit 2 naming the ones it has."""
    year = SchoolYear(name)
    known = [y.name for y in uow.school.school_years()]
    if year.name not in known:
        raise InvalidValue(
            "transition.unknown_school_year", year=year.name, years=", ".join(known) or "-"
        )
    return year


def year_to_fill(uow: SqlAlchemyUnitOfWork, name: str | None = None) -> SchoolYear:
    """The year a step of the transition fills: ``name`` when given, else the prepared
    year; without one the step refuses (exit 2) and says how to prepare it."""
    if name is not None:
        return known_year(uow, name)
    years = uow.school_years.years()
    if years.prepared is None:
        raise InvalidValue(
            "year.not_prepared", current=years.current.name, next=years.current.next().name
        )
    return years.prepared


def year_of_work(uow: SqlAlchemyUnitOfWork, name: str | None = None) -> SchoolYear:
    """The year a status or overview shows: ``name``, else the prepared year, else the
    current one."""
    if name is not None:
        return known_year(uow, name)
    years = uow.school_years.years()
    return years.prepared or years.current


def open_departments(uow: SqlAlchemyUnitOfWork, year: SchoolYear) -> set[str]:
    """The codes of the departments open in ``year`` (:func:`open_department_list`)."""
    return {d.code for d in open_department_list(uow, year)}


def open_department_list(uow: SqlAlchemyUnitOfWork, year: SchoolYear) -> list[Department]:
    """The departments open in ``year``: the current year's, or those with settings of
    that year (a prepared year's, where one may be closed or added)."""
    if year == uow.school.current_school_year():
        return [d for d in uow.school.departments() if d.is_open]
    in_year = uow.school_years.departments_in(year)
    if not in_year:  # a year never prepared: the departments as they are
        return list(uow.school.departments())
    return [d for d in in_year if d.is_open]
