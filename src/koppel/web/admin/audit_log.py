"""Beheer: the administrator's pages. The audit log (logboek) lives here; accounts,
department settings, API tokens and school settings have a module each."""

from __future__ import annotations

from fastapi import APIRouter, Request
from fastapi.responses import HTMLResponse

from koppel.services.audit.log import latest_entries
from koppel.web.admin import accounts, departments, settings, sis, staff_links, tokens
from koppel.web.dependencies import LanguageDep, UnitOfWorkDep
from koppel.web.rendering import render
from koppel.web.sessions import AdministratorDep
from koppel.web.transition import wizard

router = APIRouter(include_in_schema=False)
for _part in (
    accounts,
    departments,
    tokens,
    settings,
    staff_links,
    wizard,
    sis,
):
    router.include_router(_part.router)


@router.get("/beheer/logboek", response_class=HTMLResponse)
def audit_log(
    request: Request, uow: UnitOfWorkDep, language: LanguageDep, session: AdministratorDep
) -> HTMLResponse:
    return render(request, "audit_log.html", language, session=session, entries=latest_entries(uow))
