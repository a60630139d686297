"""Beheer > Instellingen: the school's own choices (two-factor sign-in for
administrators, mentors editing prognoses, how long students who left are kept), audited."""

from __future__ import annotations

from dataclasses import replace
from typing import Annotated

from fastapi import APIRouter, Form, Request
from fastapi.responses import HTMLResponse

from koppel.domain.errors import InvalidValue
from koppel.i18n import translate
from koppel.services.accounts.two_factor import two_factor_on
from koppel.services.school_settings import (
    LEFT_STUDENT_YEARS_RANGE,
    StaffRetention,
    save_school_settings,
    school_settings,
)
from koppel.web.dependencies import LanguageDep, UnitOfWorkDep
from koppel.web.rendering import render
from koppel.web.sessions import AdministratorDep, CheckedAdministratorDep

router = APIRouter(include_in_schema=False)
LEFT_YEARS_ERROR = "settings.left_years_range"


def _left_years_texts(language: str) -> dict[str, object]:
    """The retention field's words (koppel.i18n) and bounds, for the template."""
    fewest, most = LEFT_STUDENT_YEARS_RANGE
    return {
        "label": translate("settings.left_years", language),
        "help": translate("settings.left_years_help", language),
        "fewest": fewest,
        "most": most,
    }


@router.get("/beheer/instellingen", response_class=HTMLResponse)
def settings_page(
    request: Request, language: LanguageDep, uow: UnitOfWorkDep, session: AdministratorDep
) -> HTMLResponse:
    return render(
        request,
        "admin/settings.html",
        language,
        session=session,
        chosen=school_settings(uow),
        own_totp=two_factor_on(uow, session.account.username),
        left_years=_left_years_texts(language),
    )


@router.post("/beheer/instellingen", response_class=HTMLResponse)
def settings_save(
    request: Request,
    language: LanguageDep,
    uow: UnitOfWorkDep,
    session: CheckedAdministratorDep,
    administrators_need_totp: Annotated[str, Form()] = "",
    mentors_edit_prognoses: Annotated[str, Form()] = "",
    transition_max_share_percent: Annotated[int | None, Form(ge=0, le=100)] = None,
    staff_retention: Annotated[StaffRetention | None, Form()] = None,
    home_class_rule: Annotated[str | None, Form(max_length=200)] = None,
    left_student_years: Annotated[int | None, Form()] = None,
) -> HTMLResponse:
    current = school_settings(uow)
    try:
        chosen = replace(
            current,
            administrators_need_totp=administrators_need_totp == "on",
            mentors_edit_prognoses=mentors_edit_prognoses == "on",
            transition_max_share_percent=(
                current.transition_max_share_percent
                if transition_max_share_percent is None
                else transition_max_share_percent
            ),
            staff_retention=staff_retention or current.staff_retention,
            home_class_rule=current.home_class_rule if home_class_rule is None else home_class_rule,
            left_student_years=current.left_student_years
            if left_student_years is None
            else left_student_years,
        )
    except InvalidValue as error:
        years_wrong = error.code == LEFT_YEARS_ERROR
        return render(
            request,
            "admin/settings.html",
            language,
            status_code=422,
            session=session,
            chosen=current,
            own_totp=two_factor_on(uow, session.account.username),
            left_years=_left_years_texts(language),
            years_error=error.message(language) if years_wrong else None,
            years_given=left_student_years,
            rule_error=None if years_wrong else error.message(language),
            rule_given=home_class_rule,
        )
    before = save_school_settings(uow, chosen, actor=session.account.username)
    return render(
        request,
        "admin/settings.html",
        language,
        session=session,
        chosen=chosen,
        own_totp=two_factor_on(uow, session.account.username),
        left_years=_left_years_texts(language),
        done="settings.saved" if before != chosen else "settings.unchanged",
    )
