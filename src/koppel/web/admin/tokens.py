"""Beheer > API-tokens: the list, a new token (shown once), revoking one."""

from __future__ import annotations

from typing import Annotated

from fastapi import APIRouter, Form, Request
from fastapi.responses import HTMLResponse

from koppel.domain.accounts import Role
from koppel.domain.errors import KoppelError, NotFound
from koppel.services.accounts.sign_in import ActiveSession
from koppel.services.accounts.tokens import create_token, list_tokens, revoke_token
from koppel.services.departments import department_settings
from koppel.store.unit_of_work import SqlAlchemyUnitOfWork
from koppel.web.denials import PageNotFound
from koppel.web.dependencies import LanguageDep, UnitOfWorkDep
from koppel.web.rendering import render
from koppel.web.sessions import AdministratorDep, CheckedAdministratorDep

router = APIRouter(include_in_schema=False)
_ROLE_VALUES = {role.value for role in Role}
FormList = Annotated[list[str] | None, Form()]
_DEPARTMENT_ERRORS = {"token.departments_required", "token.departments_only_scheduler"}


def _tokens_page(
    request: Request,
    language: str,
    uow: SqlAlchemyUnitOfWork,
    session: ActiveSession,
    *,
    status_code: int = 200,
    **context: object,
) -> HTMLResponse:
    context.setdefault("form", {})
    context.setdefault("errors", {})
    return render(
        request,
        "admin/tokens.html",
        language,
        status_code=status_code,
        session=session,
        tokens=list_tokens(uow),
        all_roles=list(Role),
        departments=[d.code for d in department_settings(uow)],
        **context,
    )


@router.get("/beheer/tokens", response_class=HTMLResponse)
def tokens_page(
    request: Request, language: LanguageDep, uow: UnitOfWorkDep, session: AdministratorDep
) -> HTMLResponse:
    return _tokens_page(request, language, uow, session)


@router.post("/beheer/tokens", response_class=HTMLResponse)
def token_create(
    request: Request,
    language: LanguageDep,
    uow: UnitOfWorkDep,
    session: CheckedAdministratorDep,
    name: Annotated[str, Form()] = "",
    username: Annotated[str, Form()] = "",
    role: Annotated[str, Form()] = "",
    departments: FormList = None,
) -> HTMLResponse:
    chosen = departments or []
    form = {"name": name, "username": username, "role": role, "departments": set(chosen)}
    try:
        if role not in _ROLE_VALUES:
            raise KoppelError("required", field="rol")
        made = create_token(
            uow,
            name,
            username=username.strip(),
            role=Role(role),
            departments=chosen,
            actor=session.account.username,
        )
    except KoppelError as error:
        if isinstance(error, NotFound) and error.params.get("entity") == "account":
            field = "username"
        elif error.code in {"token.name", "already_exists"}:
            field = "name"
        elif error.code in _DEPARTMENT_ERRORS or isinstance(error, NotFound):
            field = "departments"
        else:
            field = "role"
        return _tokens_page(
            request,
            language,
            uow,
            session,
            status_code=422,
            form=form,
            errors={field: error.message(language)},
        )
    return _tokens_page(request, language, uow, session, created=made)


@router.post("/beheer/tokens/{name}/intrekken", response_class=HTMLResponse)
def token_revoke(
    request: Request,
    name: str,
    language: LanguageDep,
    uow: UnitOfWorkDep,
    session: CheckedAdministratorDep,
) -> HTMLResponse:
    try:
        revoked = revoke_token(uow, name, actor=session.account.username)
    except NotFound as error:
        raise PageNotFound(error.message(language)) from error
    return _tokens_page(
        request,
        language,
        uow,
        session,
        done="token.revoked" if revoked else "token.was_revoked",
        done_name=name,
    )
