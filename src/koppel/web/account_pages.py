"""Mijn account: changing one's own password."""

from __future__ import annotations

from typing import Annotated

from fastapi import APIRouter, Form, Request
from fastapi.responses import HTMLResponse

from koppel.domain.errors import InvalidValue
from koppel.services.accounts import change_password
from koppel.services.sign_in import token_hash
from koppel.web.dependencies import LanguageDep, UnitOfWorkDep
from koppel.web.rendering import render
from koppel.web.sessions import SESSION_COOKIE, CheckedSessionDep, SessionDep

router = APIRouter(include_in_schema=False)


@router.get("/account/wachtwoord", response_class=HTMLResponse)
def password_page(request: Request, language: LanguageDep, session: SessionDep) -> HTMLResponse:
    return render(request, "password.html", language, session=session)


@router.post("/account/wachtwoord", response_class=HTMLResponse)
def password_change(
    request: Request,
    language: LanguageDep,
    uow: UnitOfWorkDep,
    session: CheckedSessionDep,
    current: Annotated[str, Form()] = "",
    new: Annotated[str, Form()] = "",
    repeat: Annotated[str, Form()] = "",
) -> HTMLResponse:
    try:
        if new != repeat:
            raise InvalidValue("password.mismatch")
        change_password(
            uow,
            session.account.username,
            current=current,
            new=new,
            keep_session=token_hash(request.cookies.get(SESSION_COOKIE, "")),
        )
    except InvalidValue as error:
        return render(
            request,
            "password.html",
            language,
            status_code=422,
            session=session,
            error=error.message(language),
        )
    return render(request, "password.html", language, session=session, done=True)
