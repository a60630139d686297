"""The team leader's pages: a department's students with prognosis, LWOO, home class and
package choice; one student's form, and a change for a whole selection (bulk edit)."""

from __future__ import annotations

from typing import Annotated

from fastapi import APIRouter, Form, Query, Request
from fastapi.responses import HTMLResponse, RedirectResponse, Response

from koppel.domain.errors import NotFound
from koppel.i18n import translate
from koppel.services.planning.department_view import (
    DepartmentView,
    PlanningRow,
    PrognosisFilter,
    SortKey,
    ViewQuery,
    department_view,
)
from koppel.services.planning.edits import EditRejected, PlanningEdit, edit_students
from koppel.web.denials import PageNotFound
from koppel.web.dependencies import LanguageDep, UnitOfWorkDep
from koppel.web.rendering import render
from koppel.web.sessions import CheckedSessionDep, Forbidden, SessionDep

router = APIRouter(include_in_schema=False)
UNCHANGED = "__unchanged__"
NO_HOME_CLASS = "__geen__"
"""Form values for 'leave as is' and 'no home class' (an empty form value reads as absent)."""
SORT_WORDS = {
    SortKey.NAME: "word.name",
    SortKey.NUMBER: "planning.sort.nummer",
    SortKey.HOME_CLASS: "group_kind.home_class",
    SortKey.PROGNOSIS: "planning.sort.prognose",
}
"""The text that names each way to sort, in the order the page offers them."""


def _query(
    q: str = "",
    klas: str = "",
    prognose: str = "",
    sorteer: str = "naam",
    aflopend: bool = False,
    page: int = 1,
) -> ViewQuery:
    return ViewQuery(
        search=q[:100],
        home_class=klas[:40],
        prognosis=PrognosisFilter(prognose)
        if prognose in set(PrognosisFilter)
        else PrognosisFilter.ALL,
        sort=SortKey(sorteer) if sorteer in set(SortKey) else SortKey.NAME,
        descending=aflopend,
        page=max(1, page),
    )


def _view(uow: UnitOfWorkDep, session: SessionDep, code: str, query: ViewQuery) -> DepartmentView:
    return department_view(uow, session.account, code, query)


@router.get("/afdelingen/{code}", response_class=HTMLResponse)
def department_page(
    request: Request,
    code: str,
    uow: UnitOfWorkDep,
    language: LanguageDep,
    session: SessionDep,
    q: Annotated[str, Query(max_length=100)] = "",
    klas: Annotated[str, Query(max_length=40)] = "",
    prognose: str = "",
    sorteer: str = "naam",
    aflopend: bool = False,
    page: Annotated[int, Query(ge=1, le=10_000)] = 1,
    gewijzigd: Annotated[int | None, Query(ge=0)] = None,
) -> Response:
    try:
        view = _view(uow, session, code, _query(q, klas, prognose, sorteer, aflopend, page))
    except NotFound as error:
        raise PageNotFound(error.message(language)) from error
    return render(
        request,
        "pages/department.html",
        language,
        view=view,
        session=session,
        changed=gewijzigd,
        sort_words=SORT_WORDS,
    )


def _edit_of(
    *,
    prognosis: str | None,
    round_: str | None,
    comment: str | None,
    lwoo: str | None,
    home_class: str | None,
    subjects: str | None,
    exemptions: str | None,
) -> PlanningEdit:
    """A form's fields: absent or 'unchanged' leaves a field as it is."""

    def kept(value: str | None) -> str | None:
        return None if value is None or value == UNCHANGED else value

    lwoo_value = kept(lwoo)
    return PlanningEdit(
        prognosis=kept(prognosis),
        round=kept(round_),
        comment=kept(comment),
        lwoo=None if lwoo_value is None else lwoo_value == "ja",
        home_class="" if home_class == NO_HOME_CLASS else kept(home_class),
        subjects=kept(subjects),
        exemptions=kept(exemptions),
    )


def _messages(error: EditRejected, language: str) -> dict[str, str]:
    return {name: problem.message(language) for name, problem in error.errors.items()}


SELECTION_FIELDS = 50_000
"""A bulk edit may name any selection the page offers: a student number per field, as
many as fit the 1 MB a form may send (Starlette's default of 1,000 fields answered a bare
400 "Too many fields" for a larger selection)."""


@router.post(
    "/afdelingen/{code}/selectie",
    response_class=HTMLResponse,
    form_limits={"max_fields": SELECTION_FIELDS},
)
def bulk_edit(
    request: Request,
    code: str,
    uow: UnitOfWorkDep,
    language: LanguageDep,
    session: CheckedSessionDep,
    leerling: Annotated[list[str] | None, Form()] = None,
    prognose: Annotated[str | None, Form()] = None,
    ronde: Annotated[str | None, Form()] = None,
    lwoo: Annotated[str | None, Form()] = None,
    stamklas: Annotated[str | None, Form()] = None,
) -> Response:
    edit = _edit_of(
        prognosis=prognose or None,
        round_=ronde or None,
        comment=None,
        lwoo=lwoo,
        home_class=stamklas,
        subjects=None,
        exemptions=None,
    )
    errors: dict[str, str] = {}
    try:
        if not leerling:
            errors["selection"] = _nothing_selected(language)
        else:
            result = edit_students(uow, session.account, code, leerling, edit)
            return RedirectResponse(f"/afdelingen/{code}?gewijzigd={result.changed}", 303)
    except NotFound as error:
        raise PageNotFound(error.message(language)) from error
    except EditRejected as error:
        errors = _messages(error, language)
    view = _view(uow, session, code, ViewQuery())
    return render(
        request,
        "pages/department.html",
        language,
        status_code=422,
        view=view,
        session=session,
        bulk_errors=errors,
        bulk_values={"prognose": prognose or "", "ronde": ronde or ""},
        selected=set(leerling or ()),
        sort_words=SORT_WORDS,
    )


def _nothing_selected(language: str) -> str:
    return translate("planning.nothing_selected", language)


def _student_row(view: DepartmentView, number: str) -> PlanningRow:
    for row in view.rows:
        if row.student_number == number:
            return row
    raise NotFound("leerling", number)


@router.get("/afdelingen/{code}/leerlingen/{number}", response_class=HTMLResponse)
def student_form(
    request: Request,
    code: str,
    number: str,
    uow: UnitOfWorkDep,
    language: LanguageDep,
    session: SessionDep,
) -> Response:
    try:
        view = _view(uow, session, code, ViewQuery(search=number))
        if not (view.may_edit or view.may_edit_home_classes):
            raise Forbidden
        row = _student_row(view, number)
    except NotFound as error:
        raise PageNotFound(error.message(language)) from error
    return render(request, "pages/student_edit.html", language, view=view, row=row, session=session)


@router.post("/afdelingen/{code}/leerlingen/{number}", response_class=HTMLResponse)
def student_save(
    request: Request,
    code: str,
    number: str,
    uow: UnitOfWorkDep,
    language: LanguageDep,
    session: CheckedSessionDep,
    prognose: Annotated[str | None, Form()] = None,
    ronde: Annotated[str | None, Form()] = None,
    opmerking: Annotated[str | None, Form()] = None,
    lwoo_getoond: Annotated[str | None, Form()] = None,
    lwoo: Annotated[str | None, Form()] = None,
    stamklas: Annotated[str | None, Form()] = None,
    vakken: Annotated[str | None, Form()] = None,
    vrijstellingen: Annotated[str | None, Form()] = None,
) -> Response:
    edit = _edit_of(
        prognosis=prognose,
        round_=ronde,
        comment=opmerking,
        lwoo=("ja" if lwoo else "nee") if lwoo_getoond else None,
        home_class=stamklas,
        subjects=vakken,
        exemptions=vrijstellingen,
    )
    try:
        result = edit_students(uow, session.account, code, [number], edit)
    except NotFound as error:
        raise PageNotFound(error.message(language)) from error
    except EditRejected as error:
        view = _view(uow, session, code, ViewQuery(search=number))
        return render(
            request,
            "pages/student_edit.html",
            language,
            status_code=422,
            view=view,
            row=_student_row(view, number),
            session=session,
            errors=_messages(error, language),
            values={
                "prognose": prognose,
                "ronde": ronde,
                "opmerking": opmerking,
                "vakken": vakken,
                "vrijstellingen": vrijstellingen,
            },
        )
    target = f"/afdelingen/{code}?gewijzigd={result.changed}#leerling-{number}"
    return RedirectResponse(target, 303)
