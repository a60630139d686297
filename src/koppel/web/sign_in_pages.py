"""The sign-in page (``/login``) and signing out (``POST /logout``)."""

from __future__ import annotations

import hmac
from typing import Annotated
from urllib.parse import urlparse

from fastapi import APIRouter, Depends, Form, Request
from fastapi.responses import HTMLResponse, RedirectResponse, Response

from koppel.services.sign_in import ActiveSession, SignInRefused, sign_in, sign_out
from koppel.store.unit_of_work import SqlAlchemyUnitOfWork
from koppel.web.dependencies import LanguageDep
from koppel.web.rendering import render
from koppel.web.sessions import (
    LOGIN_CSRF_COOKIE,
    SESSION_COOKIE,
    CheckedSessionDep,
    new_login_csrf,
    optional_session,
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
        "login.html",
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
        signed_in = sign_in(
            SqlAlchemyUnitOfWork(request.app.state.engine), username, password, settings=settings
        )
    except SignInRefused as refused:
        return _login_form(
            request,
            language,
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
    response.delete_cookie(LOGIN_CSRF_COOKIE, path="/")
    return response


@router.post("/logout")
def logout(request: Request, session: CheckedSessionDep) -> Response:
    token = request.cookies.get(SESSION_COOKIE, "")
    sign_out(SqlAlchemyUnitOfWork(request.app.state.engine), token)
    response = RedirectResponse("/login", status_code=303)
    response.delete_cookie(SESSION_COOKIE, path="/")
    return response
