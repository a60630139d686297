"""The portal's first pages: departments and their students, for the roles that plan
them (administrator, scheduler, and team leaders for their own departments)."""

from __future__ import annotations

from typing import Annotated

from fastapi import APIRouter, Query, Request
from fastapi.responses import HTMLResponse

from koppel.domain.accounts import Role
from koppel.domain.errors import NotFound
from koppel.services.overview import department_students, list_departments
from koppel.web.dependencies import LanguageDep, UnitOfWorkDep
from koppel.web.rendering import render
from koppel.web.sessions import SessionDep, require_role

router = APIRouter(include_in_schema=False)
PLANNERS = (Role.ADMINISTRATOR, Role.SCHEDULER, Role.TEAM_LEADER)


def _sees_all(session: SessionDep) -> bool:
    return session.account.has_role(Role.ADMINISTRATOR) or session.account.has_role(Role.SCHEDULER)


@router.get("/", response_class=HTMLResponse)
def departments_page(
    request: Request, uow: UnitOfWorkDep, language: LanguageDep, session: SessionDep
) -> HTMLResponse:
    require_role(session.account, *PLANNERS)
    year, summaries = list_departments(uow)
    if not _sees_all(session):
        summaries = [s for s in summaries if session.account.leads_department(s.department.code)]
    return render(
        request,
        "departments.html",
        language,
        school_year=year,
        summaries=summaries,
        session=session,
    )


@router.get("/afdelingen/{code}", response_class=HTMLResponse)
def department_page(
    request: Request,
    code: str,
    uow: UnitOfWorkDep,
    language: LanguageDep,
    session: SessionDep,
    page: Annotated[int, Query(ge=1)] = 1,
) -> HTMLResponse:
    require_role(session.account, *PLANNERS)
    if not (_sees_all(session) or session.account.leads_department(code)):
        return render(request, "forbidden.html", language, status_code=403, session=session)
    try:
        overview = department_students(uow, code, page=page)
    except NotFound as error:
        return render(
            request,
            "not_found.html",
            language,
            status_code=404,
            message=error.message(language),
            session=session,
        )
    return render(request, "department.html", language, overview=overview, session=session)
