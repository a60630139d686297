"""Beheer > Afdelingsinstellingen: per department who leads its home classes, the
choice window and the subjects students can choose; one form per department."""

from __future__ import annotations

from typing import Annotated

from fastapi import APIRouter, Form, Request
from fastapi.responses import HTMLResponse

from koppel.domain.errors import NotFound
from koppel.services.departments import (
    DepartmentForm,
    InvalidFields,
    department_settings,
    update_department_settings,
)
from koppel.web.denials import PageNotFound
from koppel.web.dependencies import LanguageDep, UnitOfWorkDep
from koppel.web.rendering import render
from koppel.web.sessions import AdministratorDep, CheckedAdministratorDep

router = APIRouter(include_in_schema=False)


@router.get("/beheer/afdelingen", response_class=HTMLResponse)
def departments_page(
    request: Request, language: LanguageDep, uow: UnitOfWorkDep, session: AdministratorDep
) -> HTMLResponse:
    return render(
        request,
        "admin/departments.html",
        language,
        session=session,
        departments=department_settings(uow, open_only=True),
        typed={},
        errors={},
    )


@router.post("/beheer/afdelingen/{code}", response_class=HTMLResponse)
def department_save(
    request: Request,
    code: str,
    language: LanguageDep,
    uow: UnitOfWorkDep,
    session: CheckedAdministratorDep,
    lead: Annotated[str, Form()] = "",
    opens: Annotated[str, Form()] = "",
    closes: Annotated[str, Form()] = "",
    subjects: Annotated[str, Form()] = "",
) -> HTMLResponse:
    form = DepartmentForm(lead=lead, opens=opens, closes=closes, subjects=subjects)
    try:
        saved = update_department_settings(uow, code, form, actor=session.account.username)
    except NotFound as error:
        raise PageNotFound(error.message(language)) from error
    except InvalidFields as invalid:
        return render(
            request,
            "admin/departments.html",
            language,
            status_code=422,
            session=session,
            departments=department_settings(uow, open_only=True),
            failed=code.upper(),
            typed={code.upper(): form},
            errors={
                f"{code.upper()}-{field}": error.message(language)
                for field, error in invalid.fields.items()
            },
        )
    return render(
        request,
        "admin/departments.html",
        language,
        session=session,
        departments=department_settings(uow, open_only=True),
        saved=saved.code,
        typed={},
        errors={},
    )
