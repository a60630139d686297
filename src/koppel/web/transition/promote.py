"""Beheer > Jaarovergang > Doorzetten vanuit de prognoses: every student's last prognosis
becomes its participation in the prepared year (package choices that continue go with
it, this year's home class becomes stamklas oud). The preview counts what would change and
names the students it leaves to people; apply writes one change set, undone from here
while it is the newest."""

from __future__ import annotations

from typing import Annotated

from fastapi import APIRouter, Form, Request
from fastapi.responses import HTMLResponse

from koppel.domain.errors import KoppelError
from koppel.domain.school_years import LifecycleStep
from koppel.services.accounts.sign_in import ActiveSession
from koppel.services.planning.promotion import (
    promotion_place,
    promotion_view,
    undo_promotion,
)
from koppel.web.dependencies import LanguageDep, UnitOfWorkDep
from koppel.web.sessions import AdministratorDep, CheckedAdministratorDep
from koppel.web.transition.life_screens import LifeScreen

router = APIRouter(include_in_schema=False)
BASE = "/beheer/jaarovergang/doorzetten"
TEMPLATE = "transition/promote.html"


def _page(
    screen: LifeScreen, *, apply: bool = False, status_code: int = 200, **more: object
) -> HTMLResponse:
    """The preview, or with ``apply`` the promotion itself; without a prepared year the
    screen says where to start (409 for a form)."""
    account = screen.session.account
    place = promotion_place(screen.uow, account, None)
    if place.prepared_year is None:
        refused = 409 if apply else status_code
        return screen.page(TEMPLATE, status_code=refused, place=place, **more)
    view = promotion_view(screen.uow, account, None, dry_run=not apply)
    if apply:
        place = promotion_place(screen.uow, account, None)
    return screen.page(
        TEMPLATE, status_code=status_code, place=place, view=view, applied=apply, **more
    )


def _screen(
    request: Request, language: str, uow: UnitOfWorkDep, session: ActiveSession
) -> LifeScreen:
    return LifeScreen(request, language, uow, session, LifecycleStep.PROMOTE.value)


@router.get(BASE, response_class=HTMLResponse)
def promote_page(
    request: Request, language: LanguageDep, uow: UnitOfWorkDep, session: AdministratorDep
) -> HTMLResponse:
    return _page(_screen(request, language, uow, session))


@router.post(BASE + "/toepassen", response_class=HTMLResponse)
def promote_apply(
    request: Request,
    language: LanguageDep,
    uow: UnitOfWorkDep,
    session: CheckedAdministratorDep,
    confirm: Annotated[str, Form()] = "",
) -> HTMLResponse:
    screen = _screen(request, language, uow, session)
    if confirm != "on":
        return _page(screen, status_code=422, unconfirmed=True)
    try:
        return _page(screen, apply=True)
    except KoppelError as error:
        return _page(screen, status_code=409, refusal=error.message(language))


@router.post(BASE + "/ongedaan-maken", response_class=HTMLResponse)
def promote_undo(
    request: Request,
    language: LanguageDep,
    uow: UnitOfWorkDep,
    session: CheckedAdministratorDep,
    changeset: Annotated[str, Form(max_length=40)] = "",
) -> HTMLResponse:
    screen = _screen(request, language, uow, session)
    try:
        result = undo_promotion(uow, session.account, None, changeset)
    except KoppelError as error:
        return _page(screen, status_code=409, undo_error=error.message(language))
    return _page(screen, undone=result)
