"""Beheer > Jaarovergang: the year transition as a wizard (DESIGN.md 5, issue 7).

Every step explains itself, previews (nothing written), applies after an explicit
confirmation (and a second one when a safety rule refused), and reports its change set,
which the page undoes while it is the newest. The steps run the same services as the
commands (:mod:`koppel.services.transition.wizard`); uploaded files wait between preview
and apply in :mod:`koppel.services.transition.uploads`, and the apply form sends their
tokens. Here: the routes, which read the form, call the service and render the page.
"""

from __future__ import annotations

from typing import Annotated

from fastapi import APIRouter, File, Form, Request, UploadFile
from fastapi.responses import HTMLResponse

from koppel.domain.errors import KoppelError
from koppel.files.columns import ImportKind
from koppel.services.audit.undo import undo_changeset
from koppel.services.transition.life import year_life
from koppel.services.transition.status import StepState
from koppel.services.transition.wizard import (
    STEP_NUMBERS,
    ChosenFile,
    StepOutcome,
    keep_files,
    missing_file,
)
from koppel.web.dependencies import LanguageDep, UnitOfWorkDep
from koppel.web.rendering import render
from koppel.web.sessions import AdministratorDep, CheckedAdministratorDep
from koppel.web.transition.page import (
    FIELD,
    LIFE_PATHS,
    STAGE_SUMMARY_WORDS,
    STATE_WORDS,
    SUMMARY_WORDS,
    ChoicesDep,
    Screen,
    UploadStoreDep,
)

router = APIRouter(include_in_schema=False)
BASE = "/beheer/jaarovergang"
OptionalUpload = Annotated[UploadFile | None, File()]


@router.get(BASE, response_class=HTMLResponse)
def overview(
    request: Request, language: LanguageDep, uow: UnitOfWorkDep, session: AdministratorDep
) -> HTMLResponse:
    life = year_life(uow)
    return render(
        request,
        "transition/overview.html",
        language,
        session=session,
        life=life,
        status=life.transition,
        newest=life.newest,
        state_words=STATE_WORDS,
        summary_words=SUMMARY_WORDS,
        stage_summary_words=STAGE_SUMMARY_WORDS,
        life_paths=LIFE_PATHS,
    )


@router.get(BASE + "/stap/{step}", response_class=HTMLResponse)
def step_page(
    request: Request,
    step: int,
    language: LanguageDep,
    uow: UnitOfWorkDep,
    session: AdministratorDep,
    store: UploadStoreDep,
) -> HTMLResponse:
    return Screen(request, language, uow, store, session).page(step)


@router.post(BASE + "/stap/{step}/voorbeeld", response_class=HTMLResponse)
def preview(
    request: Request,
    step: int,
    language: LanguageDep,
    uow: UnitOfWorkDep,
    session: CheckedAdministratorDep,
    store: UploadStoreDep,
    choices: ChoicesDep,
    staff_file: OptionalUpload = None,
    students_file: OptionalUpload = None,
    teacher_groups_file: OptionalUpload = None,
) -> HTMLResponse:
    """Keep the chosen files (a file chosen here wins over a kept one), then run the
    step without writing."""
    screen = Screen(request, language, uow, store, session)
    if step not in STEP_NUMBERS:
        return screen.page(step)
    refused = screen.without_prepared_year(step)
    if refused is not None:
        return refused
    files = {
        ImportKind.STAFF: staff_file,
        ImportKind.STUDENTS: students_file,
        ImportKind.TEACHER_GROUPS: teacher_groups_file,
    }
    chosen = {
        kind: ChosenFile(upload.file, upload.filename)
        for kind, upload in files.items()
        if upload is not None and upload.filename
    }
    username = session.account.username
    not_kept = keep_files(store, step, chosen, choices, username=username)
    if not_kept:
        outcome = StepOutcome(step, False, choices, refused_files=not_kept)
        return screen.page(step, outcome, status_code=422)
    missing = missing_file(step, choices)
    if missing is not None:
        choose = f"wizard.choose_file.{FIELD[missing]}"
        return screen.page(step, form_error=choose, status_code=422)
    return screen.run(step, choices, apply=False, force=False)


@router.post(BASE + "/stap/{step}/toepassen", response_class=HTMLResponse)
def apply(
    request: Request,
    step: int,
    language: LanguageDep,
    uow: UnitOfWorkDep,
    session: CheckedAdministratorDep,
    store: UploadStoreDep,
    choices: ChoicesDep,
    confirm: Annotated[str, Form()] = "",
    force: Annotated[str, Form()] = "",
) -> HTMLResponse:
    """Apply what the preview showed; without the confirmation the preview is shown
    again, and ``force`` (the explicit second confirmation) counts only with it."""
    screen = Screen(request, language, uow, store, session)
    if step not in STEP_NUMBERS:
        return screen.page(step)
    refused = screen.without_prepared_year(step)
    if refused is not None:
        return refused
    confirmed = confirm == "on"
    return screen.run(
        step,
        choices,
        apply=confirmed,
        force=confirmed and force == "on",
        unconfirmed=not confirmed,
    )


@router.post(BASE + "/stap/{step}/ongedaan-maken", response_class=HTMLResponse)
def undo(
    request: Request,
    step: int,
    language: LanguageDep,
    uow: UnitOfWorkDep,
    session: CheckedAdministratorDep,
    store: UploadStoreDep,
    changeset: Annotated[str, Form()] = "",
) -> HTMLResponse:
    """Undo the step's change set: only the one that applied this step, and only while it
    is the newest (the service refuses otherwise, naming the newer one)."""
    screen = Screen(request, language, uow, store, session)
    if step not in STEP_NUMBERS:
        return screen.page(step)
    shown = year_life(uow).transition.steps[step - 1]
    if shown.state is not StepState.APPLIED or shown.changeset != changeset:
        return screen.page(step, undo_error="wizard.undo_stale", status_code=409)
    try:
        result = undo_changeset(uow, changeset, actor=session.account.username)
    except KoppelError as error:
        return screen.page(step, undo_error=error.message(language), status_code=409)
    return screen.page(step, undone=result)
