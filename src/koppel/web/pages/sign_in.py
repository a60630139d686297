"""The sign-in page (``/login``), its second step for accounts with two-factor sign-in
(``/login/code``: the TOTP code, or setting it up first where the school requires it),
and signing out (``POST /logout``)."""

from __future__ import annotations

import hmac
from functools import partial
from typing import Annotated
from urllib.parse import quote, urlparse

from fastapi import APIRouter, Depends, Form, Request
from fastapi.responses import HTMLResponse, RedirectResponse, Response
from starlette.concurrency import run_in_threadpool

from koppel.i18n import translate
from koppel.services.accounts.attempts import Paused
from koppel.services.accounts.sign_in import (
    ActiveSession,
    SignInRefused,
    abandon_sign_in,
    complete_second_factor,
    finish_sign_in,
    sign_out,
    start_sign_in,
)
from koppel.services.accounts.two_factor import pending_setup
from koppel.store.unit_of_work import SqlAlchemyUnitOfWork
from koppel.web.cookies import clear_cookie, cookie_value, set_cookie
from koppel.web.dependencies import LanguageDep, UnitOfWorkDep
from koppel.web.hash_slots import BUSY_RETRY_SECONDS, PortalBusy, checked_in_turn
from koppel.web.rendering import render
from koppel.web.sessions import (
    LOGIN_CSRF_COOKIE,
    SESSION_COOKIE,
    CheckedPendingSessionDep,
    CheckedSessionDep,
    SignInRequired,
    new_login_csrf,
    optional_session,
    pending_session,
    settings_of,
)

router = APIRouter(include_in_schema=False)
LOGIN_FORM_SECONDS = 3600
"""How long a sign-in form's CSRF cookie lasts."""


def _safe_next(target: str | None) -> str:
    """Only a path on this portal (never another site) is followed after signing in."""
    if not target:
        return "/"
    parsed = urlparse(target)
    if parsed.scheme or parsed.netloc or not target.startswith("/") or target.startswith("//"):
        return "/"
    return target


def _login_form(
    request: Request, language: str, *, next_url: str, error: str = "", status_code: int = 200
) -> HTMLResponse:
    token = new_login_csrf()
    response = render(
        request,
        "pages/login.html",
        language,
        status_code=status_code,
        csrf_token=token,
        next_url=next_url,
        error=error,
    )
    set_cookie(request, response, LOGIN_CSRF_COOKIE, token, max_age=LOGIN_FORM_SECONDS)
    return response


@router.get("/login", response_class=HTMLResponse)
def login_page(
    request: Request,
    language: LanguageDep,
    session: Annotated[ActiveSession | None, Depends(optional_session)],
    next: str = "/",
) -> Response:
    if session is not None:
        return RedirectResponse(_safe_next(next), status_code=303)
    return _login_form(request, language, next_url=_safe_next(next))


@router.post("/login", response_class=HTMLResponse)
async def login(
    request: Request,
    language: LanguageDep,
    uow: UnitOfWorkDep,
    username: Annotated[str, Form()] = "",
    password: Annotated[str, Form()] = "",
    csrf_token: Annotated[str, Form()] = "",
    next: Annotated[str, Form()] = "/",
) -> Response:
    """Asynchronous, so that sign-ins waiting for a password check hold no thread of the
    pool that serves every other page: the failure is reserved (a short transaction in
    the pool), the turn waited for here, the password checked in the pool."""
    expected = cookie_value(request, LOGIN_CSRF_COOKIE)
    if not expected or not hmac.compare_digest(expected.encode(), csrf_token.encode()):
        return _login_form(
            request, language, next_url=_safe_next(next), error="csrf", status_code=403
        )
    settings = settings_of(request)
    address = request.client.host if request.client else None
    try:
        attempt = await run_in_threadpool(
            partial(start_sign_in, uow, username, settings=settings, address=address)
        )
        signed_in = await checked_in_turn(
            request,
            partial(finish_sign_in, uow, attempt, password, settings=settings),
            abandon=partial(abandon_sign_in, uow, attempt),
        )
    except (SignInRefused, Paused, PortalBusy) as refused:
        return _refused(request, language, refused, next_url=_safe_next(next))
    if signed_in.needs_second_factor:
        target = f"/login/code?next={quote(_safe_next(next), safe='/')}"
        response = RedirectResponse(target, status_code=303)
    else:
        response = RedirectResponse(_safe_next(next), status_code=303)
    # no Max-Age: the browser forgets the session when it closes; the server ends it
    # after its idle and absolute limits (and a pending one after PENDING_MINUTES)
    set_cookie(request, response, SESSION_COOKIE, signed_in.token)
    clear_cookie(request, response, LOGIN_CSRF_COOKIE)
    return response


def _refused(
    request: Request,
    language: str,
    refused: SignInRefused | Paused | PortalBusy,
    *,
    next_url: str,
) -> HTMLResponse:
    """A wrong password (401), a paused username or address (429, Retry-After: the
    window), or no turn at a password check in time (429, Retry-After: seconds)."""
    if isinstance(refused, PortalBusy):
        response = _login_form(
            request,
            language,
            next_url=next_url,
            error=translate("sign_in.busy", language),
            status_code=429,
        )
        response.headers["Retry-After"] = str(BUSY_RETRY_SECONDS)
        return response
    status = 429 if isinstance(refused, Paused) else 401
    response = _login_form(
        request, language, next_url=next_url, error=refused.message(language), status_code=status
    )
    if isinstance(refused, Paused):
        response.headers["Retry-After"] = str(refused.retry_after)
    return response


def _code_form(
    request: Request,
    language: str,
    uow: SqlAlchemyUnitOfWork,
    pending: ActiveSession,
    *,
    next_url: str,
    error: str = "",
    status_code: int = 200,
) -> HTMLResponse:
    """The code step; with the secret to set up when the account has none on yet.
    The pending session is not passed as ``session``: the page offers nothing else."""
    return render(
        request,
        "pages/two_factor_code.html",
        language,
        status_code=status_code,
        pending=pending,
        setup=pending_setup(uow, pending.account.username),
        next_url=next_url,
        error=error,
    )


@router.get("/login/code", response_class=HTMLResponse)
def code_page(
    request: Request,
    language: LanguageDep,
    uow: UnitOfWorkDep,
    session: Annotated[ActiveSession | None, Depends(optional_session)],
    next: str = "/",
) -> Response:
    if session is not None:  # signed in completely already
        return RedirectResponse(_safe_next(next), status_code=303)
    try:
        pending = pending_session(request, uow)
    except SignInRequired:
        return RedirectResponse("/login", status_code=303)
    return _code_form(request, language, uow, pending, next_url=_safe_next(next))


@router.post("/login/code", response_class=HTMLResponse)
def code_check(
    request: Request,
    language: LanguageDep,
    uow: UnitOfWorkDep,
    pending: CheckedPendingSessionDep,
    code: Annotated[str, Form()] = "",
    next: Annotated[str, Form()] = "/",
) -> Response:
    settings = settings_of(request)
    try:
        signed_in = complete_second_factor(
            uow,
            cookie_value(request, SESSION_COOKIE),
            code,
            settings=settings,
        )
    except (SignInRefused, Paused) as refused:
        if refused.code == "sign_in.expired":
            return RedirectResponse("/login", status_code=303)
        page = _code_form(
            request,
            language,
            uow,
            pending,
            next_url=_safe_next(next),
            error=refused.message(language),
            status_code=429 if isinstance(refused, Paused) else 401,
        )
        if isinstance(refused, Paused):
            page.headers["Retry-After"] = str(refused.retry_after)
        return page
    response = RedirectResponse(_safe_next(next), status_code=303)
    set_cookie(request, response, SESSION_COOKIE, signed_in.token)
    return response


@router.post("/logout")
def logout(request: Request, uow: UnitOfWorkDep, session: CheckedSessionDep) -> Response:
    token = cookie_value(request, SESSION_COOKIE)
    sign_out(uow, token)
    response = RedirectResponse("/login", status_code=303)
    clear_cookie(request, response, SESSION_COOKIE)
    return response
