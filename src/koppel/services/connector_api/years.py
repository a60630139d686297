"""Which school year a connector request is about, and which years a project can use.

A project belongs to one school year (DESIGN.md section 1): the current one, or next
year while it is prepared beside it. Everything the connector reads or writes is of the
year its request names (the current one when it names none): participations, prognoses,
package choices, groups and memberships, and who leads the home classes of each
department in that year.
"""

from __future__ import annotations

from dataclasses import dataclass

from koppel.domain.errors import InvalidValue
from koppel.domain.school import SchoolYear
from koppel.services.connector_api.refusals import UnknownItem
from koppel.store.unit_of_work import SqlAlchemyUnitOfWork


@dataclass(frozen=True)
class YearScope:
    """The school year of one request, inside its unit of work."""

    year: SchoolYear
    year_id: int
    is_current: bool
    forecast: SchoolYear
    """The year of the prognoses a project of this year sees. A prognosis is stored under
    the year it forecasts. A year that runs or has run shows the prognoses made during
    it, which forecast the year after it; a year that has not begun yet (the prepared
    one) shows the prognoses that forecast the year itself, from which its participations
    were made."""
    prognosis_year_id: int | None
    """The id of ``forecast`` (None when the portal has no such year: no prognoses)."""

    @property
    def settings_year_id(self) -> int | None:
        """The year whose department settings apply: None for the current year's (on the
        departments themselves)."""
        return None if self.is_current else self.year_id


def school_year_id(uow: SqlAlchemyUnitOfWork, name: str | None) -> tuple[SchoolYear, int]:
    """The named school year (the current one when None) and its id; 404 otherwise."""
    if name is None:
        year = uow.school.current_school_year()
    else:
        try:
            year = SchoolYear(name)
        except InvalidValue as error:
            raise UnknownItem("api.unknown_school_year", school_year=name) from error
    year_id = uow.school.school_year_ids.find(year.name)
    if year_id is None:
        raise UnknownItem("api.unknown_school_year", school_year=year.name)
    return year, year_id


def year_scope(uow: SqlAlchemyUnitOfWork, name: str | None) -> YearScope:
    """The named school year (the current one when None) as a request sees it; 404 when
    the portal has no such year."""
    year, year_id = school_year_id(uow, name)
    current = uow.school.current_school_year()
    forecast = year if year.start_year > current.start_year else year.next()
    return YearScope(
        year, year_id, year == current, forecast, uow.school.school_year_ids.find(forecast.name)
    )


@dataclass(frozen=True)
class PortalYears:
    """``GET /api/v1/school-years``."""

    current: str
    prepared: str | None
    years: list[str]
    """The years a project can work on: the prepared one, the current one and the
    earlier ones the portal keeps as history. A later year that is not prepared is not
    among them (it may exist because prognoses for it were entered)."""


def portal_years(uow: SqlAlchemyUnitOfWork) -> PortalYears:
    with uow.unlocked():
        found = uow.school_years.years()
        held = uow.school.school_years()
    usable = [
        year.name
        for year in held
        if year.start_year <= found.current.start_year or year == found.prepared
    ]
    return PortalYears(
        found.current.name, None if found.prepared is None else found.prepared.name, usable
    )
