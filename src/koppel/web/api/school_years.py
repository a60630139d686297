"""``GET /api/v1/school-years``: which school years a project can be made for."""

from __future__ import annotations

from pydantic import BaseModel

from koppel.services.connector_api.years import portal_years
from koppel.web.api.common import ConnectorDep, error_responses
from koppel.web.api.router import router
from koppel.web.dependencies import UnitOfWorkDep


class SchoolYearsView(BaseModel):
    current: str
    """The school year that runs, like ``2026-2027``."""
    prepared: str | None
    """Next year while it is prepared beside the current one; null otherwise."""
    years: list[str]
    """Every year a project can work on: the prepared one, the current one and the earlier
    ones the portal keeps."""


@router.get("/school-years", response_model=SchoolYearsView, responses=error_responses())
def school_years(uow: UnitOfWorkDep, holder: ConnectorDep) -> SchoolYearsView:
    """The current and the prepared school year: a new project is for the prepared one
    when there is one, else for the current one."""
    found = portal_years(uow)
    return SchoolYearsView(current=found.current, prepared=found.prepared, years=found.years)
