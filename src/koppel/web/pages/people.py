"""Own pages: a mentor's home classes (/mentor), a teacher's groups (/docent) and a
student's own data and package choice (/leerling). Nothing here takes another person's
key from the request except a mentor's mentee, which is checked against its classes."""

from __future__ import annotations

from datetime import date
from typing import Annotated

from fastapi import APIRouter, Form, Request
from fastapi.responses import HTMLResponse, RedirectResponse, Response

from koppel.domain.errors import InvalidValue, NotFound
from koppel.services.planning.edits import EditRejected, PlanningEdit
from koppel.services.planning.people_views import (
    choose_own_package,
    edit_mentee_prognosis,
    mentor_view,
    student_view,
    teacher_view,
)
from koppel.web.denials import PageNotFound
from koppel.web.dependencies import LanguageDep, UnitOfWorkDep
from koppel.web.rendering import render
from koppel.web.sessions import CheckedSessionDep, SessionDep

router = APIRouter(include_in_schema=False)


@router.get("/mentor", response_class=HTMLResponse)
def mentor_page(
    request: Request,
    uow: UnitOfWorkDep,
    language: LanguageDep,
    session: SessionDep,
    opgeslagen: bool = False,
) -> Response:
    view = mentor_view(uow, session.account)
    return render(
        request, "pages/mentor.html", language, view=view, session=session, saved=opgeslagen
    )


@router.post("/mentor/leerlingen/{number}", response_class=HTMLResponse)
def mentee_prognosis(
    request: Request,
    number: str,
    uow: UnitOfWorkDep,
    language: LanguageDep,
    session: CheckedSessionDep,
    prognose: Annotated[str, Form()] = "",
    ronde: Annotated[str, Form()] = "",
    opmerking: Annotated[str, Form()] = "",
) -> Response:
    edit = PlanningEdit(prognosis=prognose, round=ronde, comment=opmerking)
    try:
        edit_mentee_prognosis(uow, session.account, number, edit)
    except NotFound as error:
        raise PageNotFound(error.message(language)) from error
    except EditRejected as error:
        view = mentor_view(uow, session.account)
        errors = {name: problem.message(language) for name, problem in error.errors.items()}
        return render(
            request,
            "pages/mentor.html",
            language,
            status_code=422,
            view=view,
            session=session,
            errors=errors,
            failed=number,
        )
    return RedirectResponse(f"/mentor?opgeslagen=true#leerling-{number}", 303)


@router.get("/docent", response_class=HTMLResponse)
def teacher_page(
    request: Request, uow: UnitOfWorkDep, language: LanguageDep, session: SessionDep
) -> Response:
    view = teacher_view(uow, session.account)
    return render(request, "pages/teacher.html", language, view=view, session=session)


@router.get("/leerling", response_class=HTMLResponse)
def student_page(
    request: Request,
    uow: UnitOfWorkDep,
    language: LanguageDep,
    session: SessionDep,
    opgeslagen: bool = False,
) -> Response:
    view = student_view(uow, session.account, date.today())
    return render(
        request, "pages/student.html", language, view=view, session=session, saved=opgeslagen
    )


@router.post("/leerling/pakket/{code}", response_class=HTMLResponse)
def own_package(
    request: Request,
    code: str,
    uow: UnitOfWorkDep,
    language: LanguageDep,
    session: CheckedSessionDep,
    vak: Annotated[list[str] | None, Form()] = None,
) -> Response:
    try:
        choose_own_package(uow, session.account, code, frozenset(vak or ()), date.today())
    except (InvalidValue, NotFound, EditRejected) as error:
        messages = (
            [p.message(language) for p in error.errors.values()]
            if isinstance(error, EditRejected)
            else [error.message(language)]
        )
        view = student_view(uow, session.account, date.today())
        return render(
            request,
            "pages/student.html",
            language,
            status_code=422,
            view=view,
            session=session,
            errors={code: " ".join(messages)},
        )
    return RedirectResponse("/leerling?opgeslagen=true", 303)
