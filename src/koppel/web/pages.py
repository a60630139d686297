"""The portal's first pages: departments and their students (read only, no sign-in yet)."""

from __future__ import annotations

from pathlib import Path
from typing import Annotated

from fastapi import APIRouter, Query, Request
from fastapi.responses import HTMLResponse
from fastapi.templating import Jinja2Templates

from koppel.domain.errors import NotFound
from koppel.services.overview import department_students, list_departments
from koppel.web.dependencies import LanguageDep, UnitOfWorkDep
from koppel.web.texts import PAGE_TEXTS

router = APIRouter(include_in_schema=False)
templates = Jinja2Templates(directory=Path(__file__).with_name("templates"))


def _render(
    request: Request, name: str, language: str, status_code: int = 200, **context: object
) -> HTMLResponse:
    response = templates.TemplateResponse(
        request,
        name,
        {"t": PAGE_TEXTS[language], "lang": language, **context},
        status_code=status_code,
    )
    if request.query_params.get("lang") == language:
        response.set_cookie("lang", language, samesite="lax", httponly=True, max_age=31_536_000)
    return response


@router.get("/", response_class=HTMLResponse)
def departments_page(request: Request, uow: UnitOfWorkDep, language: LanguageDep) -> HTMLResponse:
    year, summaries = list_departments(uow)
    return _render(request, "departments.html", language, school_year=year, summaries=summaries)


@router.get("/afdelingen/{code}", response_class=HTMLResponse)
def department_page(
    request: Request,
    code: str,
    uow: UnitOfWorkDep,
    language: LanguageDep,
    page: Annotated[int, Query(ge=1)] = 1,
) -> HTMLResponse:
    try:
        overview = department_students(uow, code, page=page)
    except NotFound as error:
        return _render(
            request, "not_found.html", language, status_code=404, message=error.message(language)
        )
    return _render(request, "department.html", language, overview=overview)
