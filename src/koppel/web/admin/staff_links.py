"""Beheer > Docentplanner (year transition, step 4): link teachers and mentors to the
groups of the current school year, per group or per staff member, and see which groups
still miss a mentor or a teacher. Administrators only; every save is one change set."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Annotated

from fastapi import APIRouter, Form, Request
from fastapi.responses import HTMLResponse

from koppel.domain.errors import NotFound
from koppel.domain.groups import GroupKind
from koppel.domain.staff import StaffRole
from koppel.services.accounts.sign_in import ActiveSession
from koppel.services.transition.staff_link_overview import link_overview
from koppel.services.transition.staff_links import (
    LinkRejected,
    LinkRequest,
    change_staff_links,
    role_of,
)
from koppel.store.unit_of_work import SqlAlchemyUnitOfWork
from koppel.web.denials import PageNotFound
from koppel.web.dependencies import LanguageDep, UnitOfWorkDep
from koppel.web.rendering import render
from koppel.web.sessions import AdministratorDep, CheckedAdministratorDep

router = APIRouter(include_in_schema=False)
PATH = "/beheer/docentplanner"
STAFF_VIEW = "medewerker"
"""The form's ``view`` when it was sent from a staff member's view (else a group's)."""
KIND_HEADINGS = {
    GroupKind.HOME_CLASS: "domain.home_classes",
    GroupKind.CLUSTER_GROUP: "domain.cluster_groups",
    GroupKind.OTHER: "planner.kinds.other",
}
"""The text over each kind's groups in the group pickers, in the order shown."""


@dataclass(frozen=True)
class Outcome:
    """What a save did, for the message: ``what`` is added, removed, already or
    not_linked."""

    what: str
    staff_code: str
    group: str
    role: str
    changeset: str | None


def _page(
    request: Request,
    language: str,
    session: ActiveSession,
    uow: SqlAlchemyUnitOfWork,
    *,
    group: str = "",
    staff: str = "",
    status_code: int = 200,
    errors: dict[str, str] | None = None,
    typed: LinkRequest | None = None,
    outcome: Outcome | None = None,
    picking: bool = False,
) -> HTMLResponse:
    """The planner; ``picking``: a group or staff member asked for in the address that
    does not exist answers 404 (with the page, to pick another)."""
    try:
        overview = link_overview(uow)
    except NotFound as error:
        raise PageNotFound(error.message(language)) from error
    picked_group, picked_staff = group.strip(), staff.strip().upper()
    shown_group = overview.group(picked_group) if picked_group else None
    member = overview.staff_member(picked_staff) if picked_staff else None
    unknown = (picked_group and shown_group is None) or (picked_staff and member is None)
    return render(
        request,
        "admin/staff_links.html",
        language,
        status_code=404 if picking and unknown else status_code,
        session=session,
        overview=overview,
        kinds=KIND_HEADINGS,
        link_roles=[StaffRole.MENTOR, StaffRole.TEACHER],
        picked_group=picked_group,
        picked_staff=picked_staff,
        group=shown_group,
        member=member,
        errors=errors or {},
        typed=typed,
        outcome=outcome,
    )


@router.get(PATH, response_class=HTMLResponse)
def planner_page(
    request: Request,
    language: LanguageDep,
    uow: UnitOfWorkDep,
    session: AdministratorDep,
    groep: str = "",
    medewerker: str = "",
) -> HTMLResponse:
    return _page(request, language, session, uow, group=groep, staff=medewerker, picking=True)


def _save(
    request: Request,
    language: str,
    uow: SqlAlchemyUnitOfWork,
    session: ActiveSession,
    asked: LinkRequest,
    *,
    view: str,
    adding: bool,
) -> HTMLResponse:
    group, staff = ("", asked.staff_code) if view == STAFF_VIEW else (asked.group, "")
    try:
        result = change_staff_links(
            uow,
            add=[asked] if adding else [],
            remove=[] if adding else [asked],
            actor=session.account.username,
        )
    except NotFound:
        return _page(request, language, session, uow)  # no current school year: 404
    except LinkRejected as rejected:
        return _page(
            request,
            language,
            session,
            uow,
            status_code=422,
            errors={rejected.field: rejected.message(language)},
            typed=asked,
            group=group,
            staff=staff,
        )
    changed = result.added or result.removed
    link = changed[0] if changed else None
    if adding:
        what = "added" if result.added else "already"
    else:
        what = "removed" if result.removed else "not_linked"
    outcome = Outcome(
        what,
        staff_code=link.staff_code if link else asked.staff_code.strip().upper(),
        group=link.group if link else asked.group.strip(),
        role=link.role.value if link else role_of(asked.role).value,
        changeset=result.changeset,
    )
    return _page(request, language, session, uow, group=group, staff=staff, outcome=outcome)


@router.post(PATH + "/koppelen", response_class=HTMLResponse)
def link_staff(
    request: Request,
    language: LanguageDep,
    uow: UnitOfWorkDep,
    session: CheckedAdministratorDep,
    staff_code: Annotated[str, Form()] = "",
    group: Annotated[str, Form()] = "",
    role: Annotated[str, Form()] = "",
    view: Annotated[str, Form()] = "",
) -> HTMLResponse:
    asked = LinkRequest(staff_code, group, role)
    return _save(request, language, uow, session, asked, view=view, adding=True)


@router.post(PATH + "/ontkoppelen", response_class=HTMLResponse)
def unlink_staff(
    request: Request,
    language: LanguageDep,
    uow: UnitOfWorkDep,
    session: CheckedAdministratorDep,
    staff_code: Annotated[str, Form()] = "",
    group: Annotated[str, Form()] = "",
    role: Annotated[str, Form()] = "",
    view: Annotated[str, Form()] = "",
) -> HTMLResponse:
    asked = LinkRequest(staff_code, group, role)
    return _save(request, language, uow, session, asked, view=view, adding=False)
