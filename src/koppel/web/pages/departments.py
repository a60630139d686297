"""The portal's start page: the departments, for the roles that plan them (administrator,
scheduler, and team leaders for their own departments); others go to their own page."""

from __future__ import annotations

from fastapi import APIRouter, Request
from fastapi.responses import HTMLResponse, RedirectResponse, Response

from koppel.domain.access import sees_all_departments
from koppel.domain.accounts import Role
from koppel.services.planning.overview import list_departments
from koppel.web.dependencies import LanguageDep, UnitOfWorkDep
from koppel.web.rendering import render
from koppel.web.sessions import SessionDep, require_role

router = APIRouter(include_in_schema=False)
PLANNERS = (Role.ADMINISTRATOR, Role.SCHEDULER, Role.TEAM_LEADER)
OWN_PAGES = ((Role.MENTOR, "/mentor"), (Role.TEACHER, "/docent"), (Role.STUDENT, "/leerling"))


@router.get("/", response_class=HTMLResponse)
def departments_page(
    request: Request, uow: UnitOfWorkDep, language: LanguageDep, session: SessionDep
) -> Response:
    account = session.account
    if not any(account.has_role(role) for role in PLANNERS):
        for role, page in OWN_PAGES:
            if account.has_role(role):
                return RedirectResponse(page, status_code=303)
    require_role(account, *PLANNERS)
    year, summaries = list_departments(uow)
    if not sees_all_departments(account):
        summaries = [s for s in summaries if account.leads_department(s.department.code)]
    return render(
        request,
        "pages/departments.html",
        language,
        school_year=year,
        summaries=summaries,
        session=session,
    )
