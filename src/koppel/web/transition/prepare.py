"""Beheer > Jaarovergang > Nieuw schooljaar klaarzetten: the year to prepare beside the
current one, with the departments that carry over (the preview), prepared in one change
set; then each department changed for next year only, or one added for next year only.
Every change set is undone from this screen while it is the newest."""

from __future__ import annotations

from typing import Annotated

from fastapi import APIRouter, Depends, Form, Request
from fastapi.responses import HTMLResponse

from koppel.domain.errors import InvalidValue, KoppelError
from koppel.domain.school import EducationType
from koppel.domain.school_years import LifecycleStep
from koppel.services.departments import InvalidFields
from koppel.services.school_years.prepare import PrepareRequest, prepare_year
from koppel.services.transition.next_year import DepartmentForm, change_department, prepare_screen
from koppel.web.denials import PageNotFound
from koppel.web.dependencies import LanguageDep, UnitOfWorkDep
from koppel.web.sessions import AdministratorDep, CheckedAdministratorDep
from koppel.web.transition.life_screens import LifeScreen

router = APIRouter(include_in_schema=False)
BASE = "/beheer/jaarovergang/klaarzetten"
TEMPLATE = "transition/prepare.html"
EDUCATION_TYPES = [kind.value for kind in EducationType]


def department_form(
    name: Annotated[str, Form(max_length=200)] = "",
    is_open: Annotated[str, Form()] = "open",
    lead: Annotated[str, Form()] = "",
    opens: Annotated[str, Form(max_length=20)] = "",
    closes: Annotated[str, Form(max_length=20)] = "",
    subjects: Annotated[str, Form(max_length=2000)] = "",
    new_code: Annotated[str, Form(max_length=20)] = "",
    education_type: Annotated[str, Form()] = "",
    branch: Annotated[str, Form(max_length=20)] = "",
) -> DepartmentForm:
    return DepartmentForm(
        name, is_open, lead, opens, closes, subjects, new_code, education_type, branch
    )


DepartmentFormDep = Annotated[DepartmentForm, Depends(department_form)]


def _screen(
    request: Request, language: str, uow: UnitOfWorkDep, session: AdministratorDep
) -> LifeScreen:
    return LifeScreen(request, language, uow, session, LifecycleStep.PREPARE.value)


def _page(screen: LifeScreen, *, status_code: int = 200, **more: object) -> HTMLResponse:
    return screen.page(
        TEMPLATE,
        status_code=status_code,
        view=prepare_screen(screen.uow),
        education_types=EDUCATION_TYPES,
        **more,
    )


@router.get(BASE, response_class=HTMLResponse)
def prepare_page(
    request: Request, language: LanguageDep, uow: UnitOfWorkDep, session: AdministratorDep
) -> HTMLResponse:
    """The preview (nothing prepared yet) or the prepared year's departments: looking
    changes nothing."""
    return _page(_screen(request, language, uow, session))


@router.post(BASE + "/toepassen", response_class=HTMLResponse)
def prepare_apply(
    request: Request,
    language: LanguageDep,
    uow: UnitOfWorkDep,
    session: CheckedAdministratorDep,
    confirm: Annotated[str, Form()] = "",
) -> HTMLResponse:
    screen = _screen(request, language, uow, session)
    if confirm != "on":
        return _page(screen, status_code=422, unconfirmed=True)
    try:
        report = prepare_year(uow, PrepareRequest(actor=session.account.username))
    except KoppelError as error:
        return _page(screen, status_code=409, refusal=error.message(language))
    return _page(screen, prepared=report)


def _changed(screen: LifeScreen, code: str, form: DepartmentForm, *, adding: bool) -> HTMLResponse:
    language = screen.language
    actor = screen.session.account.username
    key = "new" if adding else code.upper()
    try:
        report = change_department(screen.uow, code, form, adding=adding, actor=actor)
    except InvalidFields as invalid:
        errors = {f"{key}-{field}": e.message(language) for field, e in invalid.fields.items()}
        return _page(screen, status_code=422, failed=key, typed={key: form}, errors=errors)
    except InvalidValue as error:
        if error.code == "year.department.unknown":
            raise PageNotFound(error.message(language)) from error
        return _page(
            screen, status_code=409, failed=key, typed={key: form}, refusal=error.message(language)
        )
    return _page(screen, changed=report)


@router.post(BASE + "/afdelingen/{code}", response_class=HTMLResponse)
def department_change(
    request: Request,
    code: str,
    language: LanguageDep,
    uow: UnitOfWorkDep,
    session: CheckedAdministratorDep,
    form: DepartmentFormDep,
) -> HTMLResponse:
    """One department for next year only: renamed, closed or reopened, another leading
    side, subjects or choice window."""
    return _changed(_screen(request, language, uow, session), code, form, adding=False)


@router.post(BASE + "/afdelingen", response_class=HTMLResponse)
def department_add(
    request: Request,
    language: LanguageDep,
    uow: UnitOfWorkDep,
    session: CheckedAdministratorDep,
    form: DepartmentFormDep,
) -> HTMLResponse:
    """A department for next year only (it does not exist in the current year)."""
    return _changed(_screen(request, language, uow, session), form.code, form, adding=True)


@router.post(BASE + "/ongedaan-maken", response_class=HTMLResponse)
def prepare_undo(
    request: Request,
    language: LanguageDep,
    uow: UnitOfWorkDep,
    session: CheckedAdministratorDep,
    changeset: Annotated[str, Form(max_length=40)] = "",
) -> HTMLResponse:
    """Undo the preparation, or a department's change for next year, while newest."""
    screen = _screen(request, language, uow, session)
    status_code, shown = screen.undo(changeset)
    return _page(screen, status_code=status_code, **shown)
