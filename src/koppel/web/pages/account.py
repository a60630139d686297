"""Mijn account: changing one's own password, and two-factor sign-in (tweestaps)."""

from __future__ import annotations

from functools import partial
from typing import Annotated

from fastapi import APIRouter, Form, Request
from fastapi.responses import HTMLResponse
from starlette.concurrency import run_in_threadpool

from koppel.domain.errors import InvalidValue, KoppelError
from koppel.i18n import translate
from koppel.services.accounts.attempts import Paused
from koppel.services.accounts.manage import (
    abandon_password_change,
    finish_password_change,
    start_password_change,
)
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
from koppel.web.cookies import cookie_value
from koppel.web.dependencies import LanguageDep, UnitOfWorkDep
from koppel.web.hash_slots import BUSY_RETRY_SECONDS, PortalBusy, checked_in_turn
from koppel.web.rendering import render
from koppel.web.sessions import SESSION_COOKIE, CheckedSessionDep, SessionDep, settings_of

router = APIRouter(include_in_schema=False)


@router.get("/account/wachtwoord", response_class=HTMLResponse)
def password_page(request: Request, language: LanguageDep, session: SessionDep) -> HTMLResponse:
    return render(request, "pages/password.html", language, session=session)


@router.post("/account/wachtwoord", response_class=HTMLResponse)
async def password_change(
    request: Request,
    language: LanguageDep,
    uow: UnitOfWorkDep,
    session: CheckedSessionDep,
    current: Annotated[str, Form()] = "",
    new: Annotated[str, Form()] = "",
    repeat: Annotated[str, Form()] = "",
) -> HTMLResponse:
    """Asynchronous like signing in: the current password is counted before it is
    checked, and the check waits for its turn without holding a thread."""
    settings = settings_of(request)
    username = session.account.username
    try:
        if new != repeat:
            raise InvalidValue("password.mismatch")
        change = await run_in_threadpool(
            partial(start_password_change, uow, username, new=new, settings=settings)
        )
        await checked_in_turn(
            request,
            partial(
                finish_password_change,
                uow,
                change,
                current=current,
                new=new,
                keep_session=token_hash(cookie_value(request, SESSION_COOKIE)),
            ),
            abandon=partial(abandon_password_change, uow, change),
        )
    except (InvalidValue, Paused, PortalBusy) as error:
        message, status, retry = _refusal(error, language)
        response = render(
            request,
            "pages/password.html",
            language,
            status_code=status,
            session=session,
            error=message,
        )
        if retry:
            response.headers["Retry-After"] = str(retry)
        return response
    return render(request, "pages/password.html", language, session=session, done=True)


def _refusal(error: KoppelError | PortalBusy, language: str) -> tuple[str, int, int]:
    """The message, status and Retry-After (0: none) of a refused secret: a paused
    username or a busy portal 429, anything else 422."""
    if isinstance(error, PortalBusy):
        return translate("sign_in.busy", language), 429, BUSY_RETRY_SECONDS
    if isinstance(error, Paused):
        return error.message(language), 429, error.retry_after
    return error.message(language), 422, 0


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
        confirm_setup(uow, session.account.username, code, settings=settings_of(request))
    except (InvalidValue, Paused) as error:
        message, status, retry = _refusal(error, language)
        response = _two_factor_page(
            request,
            language,
            uow,
            session,
            setup=pending_setup(uow, session.account.username),
            error=message,
            status_code=status,
        )
        if retry:
            response.headers["Retry-After"] = str(retry)
        return response
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
        turn_off(uow, session.account.username, code, settings=settings_of(request))
    except (InvalidValue, Paused) as error:
        message, status, retry = _refusal(error, language)
        response = _two_factor_page(
            request, language, uow, session, error=message, status_code=status
        )
        if retry:
            response.headers["Retry-After"] = str(retry)
        return response
    return _two_factor_page(request, language, uow, session, done="two_factor.turned_off")
