"""The sign-in page (``/login``), its second step for accounts with two-factor sign-in
(``/login/code``: the TOTP code, or setting it up first where the school requires it),
and signing out (``POST /logout``)."""

from __future__ import annotations

import hmac
from typing import Annotated
from urllib.parse import quote, urlparse

from fastapi import APIRouter, Depends, Form, Request
from fastapi.responses import HTMLResponse, RedirectResponse, Response

from koppel.services.accounts.sign_in import (
    PENDING_MINUTES,
    ActiveSession,
    SignInRefused,
    complete_second_factor,
    sign_in,
    sign_out,
)
from koppel.services.accounts.two_factor import pending_setup
from koppel.store.unit_of_work import SqlAlchemyUnitOfWork
from koppel.web.dependencies import LanguageDep, UnitOfWorkDep
from koppel.web.rendering import render
from koppel.web.sessions import (
    LOGIN_CSRF_COOKIE,
    SESSION_COOKIE,
    CheckedPendingSessionDep,
    CheckedSessionDep,
    SignInRequired,
    clear_cookie,
    new_login_csrf,
    optional_session,
    pending_session,
    set_cookie,
    settings_of,
)

router = APIRouter(include_in_schema=False)


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
    set_cookie(request, response, LOGIN_CSRF_COOKIE, token, max_age=3600)
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
def login(
    request: Request,
    language: LanguageDep,
    uow: UnitOfWorkDep,
    username: Annotated[str, Form()] = "",
    password: Annotated[str, Form()] = "",
    csrf_token: Annotated[str, Form()] = "",
    next: Annotated[str, Form()] = "/",
) -> Response:
    expected = request.cookies.get(LOGIN_CSRF_COOKIE, "")
    if not expected or not hmac.compare_digest(expected.encode(), csrf_token.encode()):
        return _login_form(
            request, language, next_url=_safe_next(next), error="csrf", status_code=403
        )
    settings = settings_of(request)
    try:
        signed_in = sign_in(uow, username, password, settings=settings)
    except SignInRefused as refused:
        return _login_form(
            request,
            language,
            next_url=_safe_next(next),
            error=refused.message(language),
            status_code=401,
        )
    if signed_in.needs_second_factor:
        target = f"/login/code?next={quote(_safe_next(next), safe='/')}"
        response = RedirectResponse(target, status_code=303)
        set_cookie(request, response, SESSION_COOKIE, signed_in.token, PENDING_MINUTES * 60)
    else:
        response = RedirectResponse(_safe_next(next), status_code=303)
        set_cookie(
            request,
            response,
            SESSION_COOKIE,
            signed_in.token,
            max_age=settings.session_absolute_hours * 3600,
        )
    clear_cookie(request, response, LOGIN_CSRF_COOKIE)
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
            request.cookies.get(SESSION_COOKIE, ""),
            code,
            settings=settings,
        )
    except SignInRefused as refused:
        if refused.code == "sign_in.expired":
            return RedirectResponse("/login", status_code=303)
        return _code_form(
            request,
            language,
            uow,
            pending,
            next_url=_safe_next(next),
            error=refused.message(language),
            status_code=401,
        )
    response = RedirectResponse(_safe_next(next), status_code=303)
    set_cookie(
        request,
        response,
        SESSION_COOKIE,
        signed_in.token,
        max_age=settings.session_absolute_hours * 3600,
    )
    return response


@router.post("/logout")
def logout(request: Request, uow: UnitOfWorkDep, session: CheckedSessionDep) -> Response:
    token = request.cookies.get(SESSION_COOKIE, "")
    sign_out(uow, token)
    response = RedirectResponse("/login", status_code=303)
    clear_cookie(request, response, SESSION_COOKIE)
    return response
