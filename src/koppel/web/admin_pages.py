"""Beheer: the administrator's pages. For now the audit log (logboek)."""

from __future__ import annotations

from fastapi import APIRouter, Request
from fastapi.responses import HTMLResponse

from koppel.domain.accounts import Role
from koppel.services.audit_log import latest_entries
from koppel.web.dependencies import LanguageDep, UnitOfWorkDep
from koppel.web.rendering import render
from koppel.web.sessions import SessionDep, require_role

router = APIRouter(include_in_schema=False)


@router.get("/beheer/logboek", response_class=HTMLResponse)
def audit_log(
    request: Request, uow: UnitOfWorkDep, language: LanguageDep, session: SessionDep
) -> HTMLResponse:
    require_role(session.account, Role.ADMINISTRATOR)
    return render(request, "audit_log.html", language, session=session, entries=latest_entries(uow))
