"""The signed-in user of a request: the session cookie, CSRF checks, and the rule that
every page needs a signed-in account (deny by default). A session that still waits for
its second factor (TOTP) is no session here: only the code page sees it."""

from __future__ import annotations

import hmac
import secrets
from collections.abc import Callable
from typing import Annotated

from fastapi import Depends, Form, Request

from koppel.domain.accounts import Account, Role
from koppel.services.accounts.sign_in import ActiveSession, current_session
from koppel.settings import Settings
from koppel.web.cookies import cookie_value
from koppel.web.dependencies import UnitOfWorkDep

SESSION_COOKIE = "koppel_session"
LOGIN_CSRF_COOKIE = "koppel_login_csrf"
"""The cookies' names over plain HTTP; over HTTPS ``__Host-`` comes first
(:mod:`koppel.web.cookies`)."""


class SignInRequired(Exception):
    """The page needs a signed-in account: the app answers with a redirect to /login."""


class Forbidden(Exception):
    """The signed-in account may not see this (403, logged without personal data)."""


class CsrfRejected(Exception):
    """A form arrived without its CSRF token (403, nothing changed)."""


def settings_of(request: Request) -> Settings:
    settings: Settings = request.app.state.settings
    return settings


def optional_session(request: Request, uow: UnitOfWorkDep) -> ActiveSession | None:
    token = cookie_value(request, SESSION_COOKIE)
    if not token:
        return None
    return current_session(uow, token, settings=settings_of(request))


def pending_session(request: Request, uow: UnitOfWorkDep) -> ActiveSession:
    """The session of a sign-in whose password was right and whose code is still due;
    without one, the code page sends the browser to sign in."""
    token = cookie_value(request, SESSION_COOKIE)
    found = (
        current_session(uow, token, settings=settings_of(request), pending=True) if token else None
    )
    if found is None:
        raise SignInRequired
    return found


PendingSessionDep = Annotated[ActiveSession, Depends(pending_session)]


def check_pending_csrf(
    session: PendingSessionDep, csrf_token: Annotated[str, Form()] = ""
) -> ActiveSession:
    if not hmac.compare_digest(csrf_token.encode(), session.csrf_token.encode()):
        raise CsrfRejected
    return session


CheckedPendingSessionDep = Annotated[ActiveSession, Depends(check_pending_csrf)]


def required_session(
    session: Annotated[ActiveSession | None, Depends(optional_session)],
) -> ActiveSession:
    if session is None:
        raise SignInRequired
    return session


SessionDep = Annotated[ActiveSession, Depends(required_session)]


def require_role(account: Account, *roles: Role) -> None:
    if not any(account.has_role(role) for role in roles):
        raise Forbidden


def check_csrf(session: SessionDep, csrf_token: Annotated[str, Form()] = "") -> ActiveSession:
    """For every form of a signed-in user: the session's token must come back."""
    if not hmac.compare_digest(csrf_token.encode(), session.csrf_token.encode()):
        raise CsrfRejected
    return session


CheckedSessionDep = Annotated[ActiveSession, Depends(check_csrf)]


def session_with_role(
    *roles: Role, checked: bool = False
) -> Callable[[ActiveSession], ActiveSession]:
    """A dependency: the signed-in session when its account has one of ``roles``, 403
    (:class:`Forbidden`) otherwise; ``checked``: a form, whose CSRF token is checked
    first (:func:`check_csrf`)."""

    def with_role(session: SessionDep) -> ActiveSession:
        require_role(session.account, *roles)
        return session

    def form_with_role(session: CheckedSessionDep) -> ActiveSession:
        require_role(session.account, *roles)
        return session

    return form_with_role if checked else with_role


AdministratorDep = Annotated[ActiveSession, Depends(session_with_role(Role.ADMINISTRATOR))]
"""Beheer: the session of an administrator."""
CheckedAdministratorDep = Annotated[
    ActiveSession, Depends(session_with_role(Role.ADMINISTRATOR, checked=True))
]
"""An administrator's form: the CSRF token first, then the role."""


def new_login_csrf() -> str:
    return secrets.token_urlsafe(32)
