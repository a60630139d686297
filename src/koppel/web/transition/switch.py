"""Beheer > Jaarovergang > Wisselen naar het nieuwe schooljaar: the prepared year becomes
the current one (the first school day). The screen shows which steps are done; while one
is not, it explains and offers a forced switch only with a reason, which is logged. One
change set; undo from here restores the previous current year."""

from __future__ import annotations

from typing import Annotated

from fastapi import APIRouter, Form, Request
from fastapi.responses import HTMLResponse

from koppel.domain.errors import KoppelError
from koppel.domain.school_years import LifecycleStep
from koppel.services.accounts.sign_in import ActiveSession
from koppel.services.school_years.switch import SwitchReport, SwitchRequest, switch_year
from koppel.services.school_years.years import school_years
from koppel.web.dependencies import LanguageDep, UnitOfWorkDep
from koppel.web.sessions import AdministratorDep, CheckedAdministratorDep
from koppel.web.transition.life_screens import LifeScreen

router = APIRouter(include_in_schema=False)
BASE = "/beheer/jaarovergang/wisselen"
TEMPLATE = "transition/switch.html"
REASON_LIMIT = 500


def _screen(
    request: Request, language: str, uow: UnitOfWorkDep, session: ActiveSession
) -> LifeScreen:
    return LifeScreen(request, language, uow, session, LifecycleStep.SWITCH.value)


def _preview(screen: LifeScreen) -> SwitchReport | None:
    """What switching would do (nothing written); None without a prepared year."""
    prepared = school_years(screen.uow).prepared
    if prepared is None:
        return None
    request = SwitchRequest(prepared.name, dry_run=True, actor=screen.session.account.username)
    return switch_year(screen.uow, request)


def _page(screen: LifeScreen, *, status_code: int = 200, **more: object) -> HTMLResponse:
    return screen.page(TEMPLATE, status_code=status_code, preview=_preview(screen), **more)


@router.get(BASE, response_class=HTMLResponse)
def switch_page(
    request: Request, language: LanguageDep, uow: UnitOfWorkDep, session: AdministratorDep
) -> HTMLResponse:
    return _page(_screen(request, language, uow, session))


@router.post(BASE + "/toepassen", response_class=HTMLResponse)
def switch_apply(
    request: Request,
    language: LanguageDep,
    uow: UnitOfWorkDep,
    session: CheckedAdministratorDep,
    confirm: Annotated[str, Form()] = "",
    force: Annotated[str, Form()] = "",
    reason: Annotated[str, Form(max_length=2000)] = "",
) -> HTMLResponse:
    """Switch after the confirmation; with steps not applied only when ``force`` is ticked
    and a reason is given (nothing is written otherwise)."""
    screen = _screen(request, language, uow, session)
    preview = _preview(screen)
    typed = {"force": force == "on", "reason": reason}
    if preview is None:
        return _page(screen, status_code=409, refused_unprepared=True)
    problems: dict[str, str] = {}
    forcing = bool(preview.steps_not_applied) and force == "on"
    if preview.steps_not_applied and not forcing:
        problems["force"] = "year_life.switch.force_missing"
    if forcing and not reason.strip():
        problems["reason"] = "year_life.switch.reason_missing"
    if len(reason.strip()) > REASON_LIMIT:
        problems["reason"] = "year_life.switch.reason_long"
    if confirm != "on":
        problems["confirm"] = "year_life.confirm_missing"
    if problems:
        return _page(screen, status_code=422, problems=problems, typed=typed)
    switch = SwitchRequest(
        preview.school_year,
        force=forcing,
        reason=reason.strip(),
        actor=session.account.username,
    )
    try:
        report = switch_year(uow, switch)
    except KoppelError as error:
        return _page(screen, status_code=409, refusal=error.message(language), typed=typed)
    return _page(screen, switched=report)


@router.post(BASE + "/ongedaan-maken", response_class=HTMLResponse)
def switch_undo(
    request: Request,
    language: LanguageDep,
    uow: UnitOfWorkDep,
    session: CheckedAdministratorDep,
    changeset: Annotated[str, Form(max_length=40)] = "",
) -> HTMLResponse:
    """Undo the switch while it is the newest: the previous year is current again and
    this one prepared beside it."""
    screen = _screen(request, language, uow, session)
    status_code, shown = screen.undo(changeset)
    return _page(screen, status_code=status_code, **shown)
