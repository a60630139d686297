"""What the connector uploads: ``POST /api/v1/students``, ``PUT .../home-classes/{dept}``
and ``PUT .../cluster-groups``. Changes name the version they are based on
(``If-Match``); ``Idempotency-Key`` makes a retry safe (required on POST)."""

from __future__ import annotations

import hashlib
import json
from typing import Annotated, Literal

from fastapi import Header, Request
from fastapi.responses import JSONResponse
from pydantic import BaseModel, Field

from koppel.domain.errors import KoppelError
from koppel.services.accounts.tokens import TokenHolder
from koppel.services.connector_api.changes import NewStudentRequest
from koppel.services.connector_api.refusals import KeyRequired
from koppel.services.connector_api.writes import (
    Operation,
    WriteAnswer,
    WriteRequest,
    add_student,
    perform,
    set_cluster_groups,
    set_home_class,
)
from koppel.store.unit_of_work import SqlAlchemyUnitOfWork
from koppel.web.api.common import (
    NO_CONTROL_CHARACTERS,
    ApiProblem,
    ConnectorDep,
    error_responses,
)
from koppel.web.api.router import router
from koppel.web.dependencies import UnitOfWorkDep

SchoolYearText = Annotated[str | None, Field(max_length=20, pattern=r"^\d{4}-\d{4}$")]
GroupName = Annotated[str, Field(min_length=1, max_length=40, pattern=NO_CONTROL_CHARACTERS)]
Text8 = Annotated[str, Field(max_length=8, pattern=NO_CONTROL_CHARACTERS)]
Text20 = Annotated[str, Field(max_length=20, pattern=NO_CONTROL_CHARACTERS)]
Text30 = Annotated[str, Field(max_length=30, pattern=NO_CONTROL_CHARACTERS)]
Text100 = Annotated[str, Field(max_length=100, pattern=NO_CONTROL_CHARACTERS)]
Text200 = Annotated[str, Field(max_length=200, pattern=NO_CONTROL_CHARACTERS)]
Text254 = Annotated[str, Field(max_length=254, pattern=NO_CONTROL_CHARACTERS)]
IdempotencyKey = Annotated[
    str | None,
    Header(
        alias="Idempotency-Key",
        max_length=200,
        description="Any unique text; a retry with the same key is applied once.",
    ),
]
IfMatch = Annotated[
    str | None,
    Header(alias="If-Match", max_length=40, description='The record\'s version, like "12".'),
]


class NewStudentItem(BaseModel):
    """A new student as ``POST /students`` and an upload take it (an upload's items have
    no school year of their own)."""

    student_number: Annotated[str, Field(pattern=r"^[0-9A-Za-z]{1,20}$")]
    department: Text8
    email: Text254
    first_name: Text100
    infix: Text30 = ""
    last_name: Text100
    gender: Literal["M", "V", "X"] = "X"
    street: Text200 = ""
    house_number: Text20 = ""
    postcode: Text8 = ""
    city: Text100 = ""

    def personal(self) -> dict[str, str]:
        return self.model_dump(include=PERSONAL_FIELDS)


PERSONAL_FIELDS = {
    "first_name",
    "infix",
    "last_name",
    "gender",
    "street",
    "house_number",
    "postcode",
    "city",
}


class NewStudentBody(NewStudentItem):
    school_year: SchoolYearText = None


class HomeClassBody(BaseModel):
    school_year: SchoolYearText = None
    home_class: GroupName | None


class ClusterGroupsBody(BaseModel):
    school_year: SchoolYearText = None
    groups: Annotated[list[GroupName], Field(max_length=200)]


class WrittenView(BaseModel):
    student: str
    school_year: str
    version: int
    """The student's version after the change: send it as If-Match next time."""
    changeset: str | None
    """The change set (for ``koppel undo``); null when nothing changed."""


class NewStudentView(WrittenView):
    department: str
    account: str


class HomeClassView(WrittenView):
    department: str
    home_class: str | None


class ClusterGroupsView(WrittenView):
    groups: list[str]


def request_hash(request: Request, body: BaseModel) -> str:
    canonical = json.dumps(body.model_dump(mode="json"), sort_keys=True, separators=(",", ":"))
    return hashlib.sha256(f"{request.method} {request.url.path}\n{canonical}".encode()).hexdigest()


def _write(
    request: Request,
    uow: SqlAlchemyUnitOfWork,
    holder: TokenHolder,
    body: BaseModel,
    key: str | None,
    operation: Operation,
) -> JSONResponse:
    who = WriteRequest(holder.token_name, holder.account.username, request_hash(request, body), key)
    try:
        answer: WriteAnswer = perform(uow, who, operation)
    except KoppelError as error:
        raise ApiProblem(error) from error
    headers = {"ETag": f'"{answer.version}"'}
    if answer.replayed:
        headers["Idempotent-Replayed"] = "true"
    return JSONResponse(answer.body, status_code=answer.status_code, headers=headers)


@router.post(
    "/students",
    status_code=201,
    response_model=NewStudentView,
    responses=error_responses(400, 404, 409),
)
def create_student(
    request: Request,
    uow: UnitOfWorkDep,
    holder: ConnectorDep,
    body: NewStudentBody,
    key: IdempotencyKey = None,
) -> JSONResponse:
    """A project student without a portal account: the student with a participation of
    100% in the department, and an account (role and kind student, no password)."""
    if key is None:
        raise ApiProblem(KeyRequired())
    new = NewStudentRequest(
        body.student_number, body.department, body.email, body.personal(), body.school_year
    )
    return _write(request, uow, holder, body, key, add_student(new, token=holder.scope))


@router.put(
    "/students/{number}/home-classes/{department}",
    response_model=HomeClassView,
    responses=error_responses(404, 409, 412, 428),
)
def put_home_class(
    request: Request,
    uow: UnitOfWorkDep,
    holder: ConnectorDep,
    number: str,
    department: str,
    body: HomeClassBody,
    if_match: IfMatch = None,
    key: IdempotencyKey = None,
) -> JSONResponse:
    """The student's home class in a department where the project leads (null: none)."""
    operation = set_home_class(
        number,
        department,
        school_year=body.school_year,
        home_class=body.home_class,
        if_match=if_match,
        token=holder.scope,
    )
    return _write(request, uow, holder, body, key, operation)


@router.put(
    "/students/{number}/cluster-groups",
    response_model=ClusterGroupsView,
    responses=error_responses(404, 412, 428),
)
def put_cluster_groups(
    request: Request,
    uow: UnitOfWorkDep,
    holder: ConnectorDep,
    number: str,
    body: ClusterGroupsBody,
    if_match: IfMatch = None,
    key: IdempotencyKey = None,
) -> JSONResponse:
    """Exactly these cluster groups for the student; groups not in the portal are made."""
    operation = set_cluster_groups(
        number,
        school_year=body.school_year,
        groups=body.groups,
        if_match=if_match,
        token=holder.scope,
    )
    return _write(request, uow, holder, body, key, operation)
