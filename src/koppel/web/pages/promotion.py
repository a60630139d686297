"""Doorzetten naar volgend schooljaar for one department (/afdelingen/{code}/doorzetten):
its team leaders (and administrators) promote its students from their prognoses into the
prepared year, after a preview; undone from the same page while it is the newest change
set. Another department's team leader is denied like any other forbidden action."""

from __future__ import annotations

from typing import Annotated

from fastapi import APIRouter, Form, Request
from fastapi.responses import HTMLResponse

from koppel.domain.errors import KoppelError, NotFound
from koppel.services.accounts.sign_in import ActiveSession
from koppel.services.planning.promotion import (
    PromotionPlace,
    promotion_place,
    promotion_view,
    undo_promotion,
)
from koppel.store.unit_of_work import SqlAlchemyUnitOfWork
from koppel.web.denials import PageNotFound
from koppel.web.dependencies import LanguageDep, UnitOfWorkDep
from koppel.web.rendering import render
from koppel.web.sessions import CheckedSessionDep, SessionDep

router = APIRouter(include_in_schema=False)
TEMPLATE = "pages/promote.html"


def _place(
    uow: SqlAlchemyUnitOfWork, session: ActiveSession, code: str, language: str
) -> PromotionPlace:
    """The department's place (NotAllowed outside the account's scope, 404 unknown)."""
    try:
        return promotion_place(uow, session.account, code)
    except NotFound as error:
        raise PageNotFound(error.message(language)) from error


def _page(
    request: Request,
    uow: SqlAlchemyUnitOfWork,
    session: ActiveSession,
    language: str,
    code: str,
    *,
    apply: bool = False,
    status_code: int = 200,
    **more: object,
) -> HTMLResponse:
    place = _place(uow, session, code, language)
    view = None
    if place.prepared_year is not None:
        view = promotion_view(uow, session.account, code, dry_run=not apply)
        if apply:
            place = _place(uow, session, code, language)
    elif apply:
        status_code = 409
    return render(
        request,
        TEMPLATE,
        language,
        status_code=status_code,
        session=session,
        code=code.upper(),
        place=place,
        view=view,
        applied=apply and view is not None,
        **more,
    )


@router.get("/afdelingen/{code}/doorzetten", response_class=HTMLResponse)
def promotion_preview(
    request: Request, code: str, uow: UnitOfWorkDep, language: LanguageDep, session: SessionDep
) -> HTMLResponse:
    """What promoting the department would write (nothing is written)."""
    return _page(request, uow, session, language, code)


@router.post("/afdelingen/{code}/doorzetten", response_class=HTMLResponse)
def promotion_apply(
    request: Request,
    code: str,
    uow: UnitOfWorkDep,
    language: LanguageDep,
    session: CheckedSessionDep,
    confirm: Annotated[str, Form()] = "",
) -> HTMLResponse:
    _place(uow, session, code, language)  # the scope first: denied before anything runs
    if confirm != "on":
        return _page(request, uow, session, language, code, status_code=422, unconfirmed=True)
    try:
        return _page(request, uow, session, language, code, apply=True)
    except KoppelError as error:
        message = error.message(language)
        return _page(request, uow, session, language, code, status_code=409, refusal=message)


@router.post("/afdelingen/{code}/doorzetten/ongedaan-maken", response_class=HTMLResponse)
def promotion_undo(
    request: Request,
    code: str,
    uow: UnitOfWorkDep,
    language: LanguageDep,
    session: CheckedSessionDep,
    changeset: Annotated[str, Form(max_length=40)] = "",
) -> HTMLResponse:
    """Undo this department's promotion while it is the newest change set."""
    _place(uow, session, code, language)  # the scope first
    try:
        result = undo_promotion(uow, session.account, code, changeset)
    except KoppelError as error:
        message = error.message(language)
        return _page(request, uow, session, language, code, status_code=409, undo_error=message)
    return _page(request, uow, session, language, code, undone=result)
