"""The school year of a project: chosen when it is made, checked whenever it is used.

A project belongs to one school year (DESIGN.md section 1). A new project is for the
portal's prepared year when there is one (the scheduler builds next year's timetable
while the current year runs), else for the current year. Every read and upload names the
project's year, so the portal answers with that year's rows only. Before a project is
used the portal is asked whether it has the year; a portal that lacks it gets a clear
refusal (exit code 2) naming the year and what to do, and nothing is read or written.

A project file without a stored year (none that koppel makes; one edited by hand, say)
works as the portal's current year: the first time it is used that year is written into
it, so that after the portal's switch it stays with the year its rows are of.
"""

from __future__ import annotations

from koppel.connector.client import PortalClient, PortalYears
from koppel.connector.comparing import Comparer
from koppel.domain.errors import KoppelError
from koppel.domain.school import SchoolYear
from koppel.store.project.file import ProjectFile, ProjectInfo


class YearMissing(KoppelError):
    """The portal has not got the project's school year (exit code 2: nothing written)."""

    exit_code = 2


def default_year(years: PortalYears) -> str:
    """The year a new project is for: the prepared one, else the current one."""
    return years.prepared or years.current


def check_year(years: PortalYears, year: str) -> None:
    """Refuse a year the portal cannot serve a project for, saying what to do."""
    if year in years.years:
        return
    wanted = SchoolYear(year)
    if wanted == SchoolYear(years.current).next() and years.prepared is None:
        raise YearMissing("connector.year_not_prepared", year=year, current=years.current)
    raise YearMissing(
        "connector.year_unknown", year=year, years=", ".join(years.years) or years.current
    )


def year_of(project: ProjectFile, client: PortalClient) -> ProjectInfo:
    """The project's settings once the portal is known to have its school year; a
    project without a stored year gets the portal's current year."""
    info = project.info()
    years = client.school_years()
    if not info.school_year:
        with project.begin() as session:
            session.set_setting("school_year", years.current)
        info = project.info()
    check_year(years, info.school_year)
    return info


def open_comparer(project: ProjectFile, client: PortalClient) -> Comparer:
    """A comparer of the project with its portal, for the project's school year."""
    year_of(project, client)
    return Comparer(project, client)
