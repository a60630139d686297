"""Beheer > Koppeling: the SIS integration's automatic runs (issue 8).

The list shows every run, newest first, with what became of it; the runs that wait for
approval come first with their preview (counts, the students the set leaves out, the
refusal and any problem by file, row and column) and two forms: approve (with an explicit
confirmation, as it goes over the safety limit: the command line's ``--force``) and
reject. Both are POSTs with the session's CSRF token and run the same services as
``koppel integration approve|reject``.
"""

from __future__ import annotations

from typing import Annotated

from fastapi import APIRouter, Form, Request
from fastapi.responses import HTMLResponse

from koppel.domain.errors import KoppelError, NotFound
from koppel.domain.sis.runs import RunStatus, SisRun
from koppel.i18n import translate
from koppel.services.accounts.sign_in import ActiveSession
from koppel.services.school_settings import school_settings
from koppel.services.sis.decisions import approve_run, find_run, list_runs, pending_runs, reject_run
from koppel.store.unit_of_work import SqlAlchemyUnitOfWork
from koppel.web.admin.sis_views import run_view
from koppel.web.denials import PageNotFound
from koppel.web.dependencies import LanguageDep, UnitOfWorkDep
from koppel.web.rendering import render
from koppel.web.sessions import AdministratorDep, CheckedAdministratorDep

router = APIRouter(include_in_schema=False)
BASE = "/beheer/koppeling"
SHOWN = 200
"""Runs in the list (the command line shows any number)."""


@router.get(BASE, response_class=HTMLResponse)
def overview(
    request: Request, language: LanguageDep, uow: UnitOfWorkDep, session: AdministratorDep
) -> HTMLResponse:
    runs = list_runs(uow, limit=SHOWN)
    return render(
        request,
        "admin/sis.html",
        language,
        session=session,
        pending=[run_view(r) for r in pending_runs(uow)],
        runs=[run_view(r) for r in runs],
        shown=SHOWN if len(runs) == SHOWN else None,
        share=school_settings(uow).transition_max_share_percent,
    )


def _page(
    request: Request,
    language: str,
    session: ActiveSession,
    run: SisRun,
    *,
    status_code: int = 200,
    **more: object,
) -> HTMLResponse:
    return render(
        request,
        "admin/sis_run.html",
        language,
        status_code=status_code,
        session=session,
        view=run_view(run),
        **more,
    )


def _no_such_run(language: str, run_id: str) -> PageNotFound:
    return PageNotFound(translate("runs.no_such_run", language, run=run_id))


@router.get(BASE + "/{run_id}", response_class=HTMLResponse)
def run_page(
    request: Request,
    run_id: str,
    language: LanguageDep,
    uow: UnitOfWorkDep,
    session: AdministratorDep,
) -> HTMLResponse:
    run = find_run(uow, run_id)
    if run is None:
        raise _no_such_run(language, run_id)
    return _page(request, language, session, run)


def _refused(
    request: Request,
    language: str,
    session: ActiveSession,
    uow: SqlAlchemyUnitOfWork,
    run_id: str,
    error: KoppelError,
) -> HTMLResponse:
    run = find_run(uow, run_id)
    if run is None or isinstance(error, NotFound):
        raise _no_such_run(language, run_id)
    message = translate("runs.refused", language, message=error.message(language))
    return _page(request, language, session, run, status_code=409, refused=message)


@router.post(BASE + "/{run_id}/goedkeuren", response_class=HTMLResponse)
def approve(
    request: Request,
    run_id: str,
    language: LanguageDep,
    uow: UnitOfWorkDep,
    session: CheckedAdministratorDep,
    confirm: Annotated[str, Form()] = "",
) -> HTMLResponse:
    """Apply the kept set over the safety limit; only with the confirmation ticked."""
    run = find_run(uow, run_id)
    if run is None:
        raise _no_such_run(language, run_id)
    if confirm != "on" and run.status is RunStatus.PENDING:
        return _page(request, language, session, run, status_code=422, unconfirmed=True)
    try:
        decided = approve_run(uow, run_id, actor=session.account.username)
    except KoppelError as error:
        return _refused(request, language, session, uow, run_id, error)
    if decided.status is RunStatus.FAILED:
        done = "runs.approve_failed"
    else:
        done = "integration.approved" if decided.changeset else "integration.approved_nothing"
    message = translate(done, language, run=run_id, changeset=decided.changeset)
    status_code = 422 if decided.status is RunStatus.FAILED else 200
    return _page(request, language, session, decided, status_code=status_code, done=message)


@router.post(BASE + "/{run_id}/afwijzen", response_class=HTMLResponse)
def reject(
    request: Request,
    run_id: str,
    language: LanguageDep,
    uow: UnitOfWorkDep,
    session: CheckedAdministratorDep,
) -> HTMLResponse:
    try:
        decided = reject_run(uow, run_id, actor=session.account.username)
    except KoppelError as error:
        return _refused(request, language, session, uow, run_id, error)
    message = translate("runs.rejected", language, run=run_id)
    return _page(request, language, session, decided, done=message)
