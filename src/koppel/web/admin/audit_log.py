"""Beheer > Logboek: the audit log, its newest entries."""

from __future__ import annotations

from fastapi import APIRouter, Request
from fastapi.responses import HTMLResponse

from koppel.services.audit.log import latest_entries
from koppel.web.dependencies import LanguageDep, UnitOfWorkDep
from koppel.web.rendering import render
from koppel.web.sessions import AdministratorDep

router = APIRouter(include_in_schema=False)


@router.get("/beheer/logboek", response_class=HTMLResponse)
def audit_log(
    request: Request, uow: UnitOfWorkDep, language: LanguageDep, session: AdministratorDep
) -> HTMLResponse:
    return render(
        request, "admin/audit_log.html", language, session=session, entries=latest_entries(uow)
    )
