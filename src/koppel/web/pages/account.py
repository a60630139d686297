"""Mijn account: changing one's own password, and two-factor sign-in (tweestaps)."""

from __future__ import annotations

from typing import Annotated

from fastapi import APIRouter, Form, Request
from fastapi.responses import HTMLResponse

from koppel.domain.errors import InvalidValue
from koppel.services.accounts.manage import change_password
from koppel.services.accounts.sign_in import ActiveSession, token_hash
from koppel.services.accounts.two_factor import (
    TwoFactorSetup,
    confirm_setup,
    pending_setup,
    start_setup,
    turn_off,
    two_factor_on,
)
from koppel.store.unit_of_work import SqlAlchemyUnitOfWork
from koppel.web.dependencies import LanguageDep, UnitOfWorkDep
from koppel.web.rendering import render
from koppel.web.sessions import SESSION_COOKIE, CheckedSessionDep, SessionDep

router = APIRouter(include_in_schema=False)


@router.get("/account/wachtwoord", response_class=HTMLResponse)
def password_page(request: Request, language: LanguageDep, session: SessionDep) -> HTMLResponse:
    return render(request, "pages/password.html", language, session=session)


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
            "pages/password.html",
            language,
            status_code=422,
            session=session,
            error=error.message(language),
        )
    return render(request, "pages/password.html", language, session=session, done=True)


def _two_factor_page(
    request: Request,
    language: str,
    uow: SqlAlchemyUnitOfWork,
    session: ActiveSession,
    *,
    setup: TwoFactorSetup | None = None,
    error: str = "",
    done: str = "",
    status_code: int = 200,
) -> HTMLResponse:
    return render(
        request,
        "pages/two_factor.html",
        language,
        status_code=status_code,
        session=session,
        is_on=two_factor_on(uow, session.account.username),
        setup=setup,
        error=error,
        done=done,
    )


@router.get("/account/tweestaps", response_class=HTMLResponse)
def two_factor_page(
    request: Request, language: LanguageDep, uow: UnitOfWorkDep, session: SessionDep
) -> HTMLResponse:
    return _two_factor_page(request, language, uow, session)


@router.post("/account/tweestaps/instellen", response_class=HTMLResponse)
def two_factor_start(
    request: Request, language: LanguageDep, uow: UnitOfWorkDep, session: CheckedSessionDep
) -> HTMLResponse:
    try:
        setup = start_setup(uow, session.account.username)
    except InvalidValue as error:
        return _two_factor_page(
            request, language, uow, session, error=error.message(language), status_code=422
        )
    return _two_factor_page(request, language, uow, session, setup=setup)


@router.post("/account/tweestaps/bevestigen", response_class=HTMLResponse)
def two_factor_confirm(
    request: Request,
    language: LanguageDep,
    uow: UnitOfWorkDep,
    session: CheckedSessionDep,
    code: Annotated[str, Form()] = "",
) -> HTMLResponse:
    try:
        confirm_setup(uow, session.account.username, code)
    except InvalidValue as error:
        return _two_factor_page(
            request,
            language,
            uow,
            session,
            setup=pending_setup(uow, session.account.username),
            error=error.message(language),
            status_code=422,
        )
    return _two_factor_page(request, language, uow, session, done="two_factor.turned_on")


@router.post("/account/tweestaps/uitzetten", response_class=HTMLResponse)
def two_factor_off(
    request: Request,
    language: LanguageDep,
    uow: UnitOfWorkDep,
    session: CheckedSessionDep,
    code: Annotated[str, Form()] = "",
) -> HTMLResponse:
    try:
        turn_off(uow, session.account.username, code)
    except InvalidValue as error:
        return _two_factor_page(
            request, language, uow, session, error=error.message(language), status_code=422
        )
    return _two_factor_page(request, language, uow, session, done="two_factor.turned_off")
