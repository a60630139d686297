"""Beheer > Accounts: find accounts, make one (its first password shown once), and per
account its roles and departments, deactivation, a password reset, two-factor off."""

from __future__ import annotations

from typing import Annotated

from fastapi import APIRouter, Form, Query, Request
from fastapi.responses import HTMLResponse

from koppel.domain.accounts import Account, AccountKind, Role
from koppel.domain.errors import KoppelError, NotFound
from koppel.services.accounts.manage import (
    account_of,
    add_account,
    change_access,
    deactivate_account,
    find_accounts,
    reactivate_account,
    reset_password,
)
from koppel.services.accounts.sign_in import ActiveSession
from koppel.services.accounts.two_factor import reset_two_factor
from koppel.services.departments import department_settings
from koppel.store.unit_of_work import SqlAlchemyUnitOfWork
from koppel.web.denials import PageNotFound
from koppel.web.dependencies import LanguageDep, UnitOfWorkDep
from koppel.web.rendering import render
from koppel.web.sessions import AdministratorDep, CheckedAdministratorDep

router = APIRouter(include_in_schema=False)
ROLES = list(Role)
FormList = Annotated[list[str] | None, Form()]


def field_of(error: KoppelError) -> str:
    """Which field of the account form an error belongs next to."""
    if isinstance(error, NotFound):
        return {"afdeling": "departments", "leerling": "student_number"}.get(
            str(error.params.get("entity")), "staff_code"
        )
    if error.code in _FIELD_OF_CODE:
        return _FIELD_OF_CODE[error.code]
    return _FIELD_OF_PREFIX.get(error.code.split(".")[0], "form")


_FIELD_OF_CODE = {
    "account.no_roles": "roles",
    "account.student_link": "student_number",
    "account.link_taken": "student_number",
}
_FIELD_OF_PREFIX = {
    "account": "username",
    "already_exists": "username",
    "required": "display_name",
    "email": "email",
    "student_number": "student_number",
    "staff_code": "staff_code",
}
_ROLE_VALUES = {role.value for role in Role}


def _roles(chosen: list[str] | None) -> frozenset[Role]:
    return frozenset(Role(value) for value in chosen or () if value in _ROLE_VALUES)


def _list_page(
    request: Request,
    language: str,
    uow: SqlAlchemyUnitOfWork,
    session: ActiveSession,
    *,
    text: str = "",
    role: str = "",
    page: int = 1,
    status_code: int = 200,
    **context: object,
) -> HTMLResponse:
    chosen = Role(role) if role in _ROLE_VALUES else None
    return render(
        request,
        "admin/accounts.html",
        language,
        status_code=status_code,
        session=session,
        found=find_accounts(uow, text=text, role=chosen, page=page),
        text=text,
        role=chosen.value if chosen else "",
        all_roles=ROLES,
        departments=[d.code for d in department_settings(uow)],
        **context,
    )


@router.get("/beheer/accounts", response_class=HTMLResponse)
def accounts_page(
    request: Request,
    language: LanguageDep,
    uow: UnitOfWorkDep,
    session: AdministratorDep,
    q: str = "",
    rol: str = "",
    pagina: Annotated[int, Query(ge=1)] = 1,
) -> HTMLResponse:
    return _list_page(request, language, uow, session, text=q, role=rol, page=pagina, form={})


@router.post("/beheer/accounts", response_class=HTMLResponse)
def account_create(
    request: Request,
    language: LanguageDep,
    uow: UnitOfWorkDep,
    session: CheckedAdministratorDep,
    username: Annotated[str, Form()] = "",
    display_name: Annotated[str, Form()] = "",
    email: Annotated[str, Form()] = "",
    student_number: Annotated[str, Form()] = "",
    staff_code: Annotated[str, Form()] = "",
    roles: FormList = None,
    departments: FormList = None,
) -> HTMLResponse:
    form = {
        "username": username,
        "display_name": display_name,
        "email": email,
        "student_number": student_number,
        "staff_code": staff_code,
        "roles": set(roles or ()),
        "departments": set(departments or ()),
    }
    try:
        kind = (
            AccountKind.STUDENT
            if student_number.strip()
            else AccountKind.STAFF
            if staff_code.strip()
            else AccountKind.OTHER
        )
        account = Account(
            username=username,
            display_name=display_name,
            roles=_roles(roles),
            kind=kind,
            student_number=student_number,
            staff_code=staff_code.strip().upper(),
            departments=frozenset(departments or ()),
            email=email,
        )
        created = add_account(uow, account, actor=session.account.username)
    except KoppelError as error:
        return _list_page(
            request,
            language,
            uow,
            session,
            status_code=422,
            form=form,
            errors={field_of(error): error.message(language)},
        )
    return _list_page(request, language, uow, session, form={}, created=created)


def _account_page(
    request: Request,
    language: str,
    uow: SqlAlchemyUnitOfWork,
    session: ActiveSession,
    username: str,
    *,
    status_code: int = 200,
    **context: object,
) -> HTMLResponse:
    try:
        account, totp_on = account_of(uow, username)
    except NotFound as error:
        raise PageNotFound(error.message(language)) from error
    return render(
        request,
        "admin/account.html",
        language,
        status_code=status_code,
        session=session,
        account=account,
        totp_on=totp_on,
        is_self=account.username == session.account.username,
        all_roles=ROLES,
        departments=[d.code for d in department_settings(uow)],
        **context,
    )


@router.get("/beheer/accounts/{username}", response_class=HTMLResponse)
def account_page(
    request: Request,
    username: str,
    language: LanguageDep,
    uow: UnitOfWorkDep,
    session: AdministratorDep,
) -> HTMLResponse:
    return _account_page(request, language, uow, session, username)


@router.post("/beheer/accounts/{username}/toegang", response_class=HTMLResponse)
def account_access(
    request: Request,
    username: str,
    language: LanguageDep,
    uow: UnitOfWorkDep,
    session: CheckedAdministratorDep,
    roles: FormList = None,
    departments: FormList = None,
) -> HTMLResponse:
    try:
        change_access(
            uow,
            username,
            roles=_roles(roles),
            departments=departments or (),
            actor=session.account.username,
        )
    except KoppelError as error:
        field = "departments" if isinstance(error, NotFound) else "roles"
        return _account_page(
            request,
            language,
            uow,
            session,
            username,
            status_code=422,
            errors={field: error.message(language)},
        )
    return _account_page(request, language, uow, session, username, done="account.saved")


@router.post("/beheer/accounts/{username}/deactiveren", response_class=HTMLResponse)
def account_deactivate(
    request: Request,
    username: str,
    language: LanguageDep,
    uow: UnitOfWorkDep,
    session: CheckedAdministratorDep,
) -> HTMLResponse:
    try:
        deactivate_account(uow, username, actor=session.account.username)
    except KoppelError as error:
        return _account_page(
            request,
            language,
            uow,
            session,
            username,
            status_code=422,
            errors={"active": error.message(language)},
        )
    return _account_page(request, language, uow, session, username, done="account.deactivated")


@router.post("/beheer/accounts/{username}/activeren", response_class=HTMLResponse)
def account_reactivate(
    request: Request,
    username: str,
    language: LanguageDep,
    uow: UnitOfWorkDep,
    session: CheckedAdministratorDep,
) -> HTMLResponse:
    try:
        reactivate_account(uow, username, actor=session.account.username)
    except NotFound:
        return _account_page(request, language, uow, session, username)  # its 404
    return _account_page(request, language, uow, session, username, done="account.reactivated")


@router.post("/beheer/accounts/{username}/wachtwoord", response_class=HTMLResponse)
def account_password_reset(
    request: Request,
    username: str,
    language: LanguageDep,
    uow: UnitOfWorkDep,
    session: CheckedAdministratorDep,
) -> HTMLResponse:
    try:
        password = reset_password(uow, username, actor=session.account.username)
    except NotFound:
        return _account_page(request, language, uow, session, username)  # its 404
    return _account_page(request, language, uow, session, username, new_password=password)


@router.post("/beheer/accounts/{username}/tweestaps-uit", response_class=HTMLResponse)
def account_two_factor_off(
    request: Request,
    username: str,
    language: LanguageDep,
    uow: UnitOfWorkDep,
    session: CheckedAdministratorDep,
) -> HTMLResponse:
    try:
        changed = reset_two_factor(uow, username, actor=session.account.username)
    except NotFound:
        return _account_page(request, language, uow, session, username)  # its 404
    done = "account.totp_reset" if changed else "account.totp_was_off"
    return _account_page(request, language, uow, session, username, done=done)
