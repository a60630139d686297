"""One upload of the connector as one change set, and undoing it:
``POST /api/v1/uploads`` and ``POST /api/v1/changesets/{changeset}/undo``."""

from __future__ import annotations

from typing import Annotated, Any, Literal

from fastapi import Path, Request
from fastapi.responses import JSONResponse
from pydantic import BaseModel, Field

from koppel.domain.errors import KoppelError
from koppel.services.audit.undo import undo_own_changeset
from koppel.services.connector_api.changes import (
    ClusterGroupsChange,
    HomeClassChange,
    NewStudentRequest,
)
from koppel.services.connector_api.refusals import KeyRequired
from koppel.services.connector_api.uploads import MAX_ITEMS, Upload, UploadRefused, upload
from koppel.services.connector_api.writes import WriteRequest, perform
from koppel.web.api.common import (
    NO_CONTROL_CHARACTERS,
    ApiProblem,
    ConnectorDep,
    ErrorEnvelope,
    ErrorView,
    error_responses,
    status_of,
)
from koppel.web.api.router import router
from koppel.web.api.writes import (
    GroupName,
    IdempotencyKey,
    NewStudentItem,
    SchoolYearText,
    Text8,
    request_hash,
)
from koppel.web.dependencies import UnitOfWorkDep
from koppel.web.language import language_of

StudentRef = Annotated[str, Field(min_length=1, max_length=20, pattern=NO_CONTROL_CHARACTERS)]
Version = Annotated[int, Field(ge=0, description="The student's version (0: made by this upload)")]
ListName = Literal["students", "home_classes", "cluster_groups"]


class HomeClassItem(BaseModel):
    student: StudentRef
    department: Text8
    home_class: GroupName | None
    version: Version


class ClusterGroupsItem(BaseModel):
    student: StudentRef
    groups: Annotated[list[GroupName], Field(max_length=200)]
    version: Version


class UploadBody(BaseModel):
    school_year: SchoolYearText = None
    students: Annotated[list[NewStudentItem], Field(max_length=MAX_ITEMS)] = []
    home_classes: Annotated[list[HomeClassItem], Field(max_length=MAX_ITEMS)] = []
    cluster_groups: Annotated[list[ClusterGroupsItem], Field(max_length=MAX_ITEMS)] = []


class UploadView(BaseModel):
    changeset: str | None
    """The change set (undo it with ``POST /changesets/{changeset}/undo``); null when
    nothing changed."""
    school_year: str
    created: int
    home_classes: int
    """Home classes that changed."""
    cluster_groups: int
    """Students whose cluster groups changed."""
    versions: dict[str, int]
    """Every student the upload names, with its version afterwards."""


class ItemRefusalView(BaseModel):
    list: ListName
    index: int
    """The item's place in its list, from 0."""
    student: str
    code: str
    message: str
    current_version: int | None
    """The student's version in the portal; null when there is no such student."""


class UploadErrorView(ErrorView):
    items: list[ItemRefusalView] = Field(default_factory=list)
    """Every refused item (empty when the upload as a whole is refused)."""


class UploadErrorEnvelope(BaseModel):
    error: UploadErrorView


class UndoView(BaseModel):
    undone: str
    changeset: str | None
    """The undo's own change set; null when it was undone already."""
    reversed: int
    written: bool


_UPLOAD_REFUSALS = {
    403: "The token's role may not use the connector API; or items name students or "
    "departments outside the token's departments",
    404: "Unknown school year; or items name unknown students or departments",
    409: "Items clash with the portal: the student exists, or the portal leads",
    412: "Every refused item names an old version of its student",
    422: "Invalid request; or items break a rule (see items)",
}
_STATUS_ORDER = (403, 409, 404, 422)
"""With refusals of several kinds the upload answers the first of these that occurs."""


def _upload_responses() -> dict[int | str, dict[str, Any]]:
    answers = error_responses(400)
    for status, description in _UPLOAD_REFUSALS.items():
        answers[status] = {"model": UploadErrorEnvelope, "description": description}
    return answers


def _refused(request: Request, refused: UploadRefused) -> JSONResponse:
    language = language_of(request)
    statuses = {status_of(r.error) for r in refused.refusals if not r.is_stale}
    status = 412 if refused.all_stale else next((s for s in _STATUS_ORDER if s in statuses), 422)
    items = [
        {
            "list": r.list,
            "index": r.index,
            "student": r.student,
            "code": r.error.code,
            "message": r.error.message(language),
            "current_version": r.current_version,
        }
        for r in refused.refusals
    ]
    body = {"code": refused.code, "message": refused.message(language), "items": items}
    return JSONResponse({"error": body}, status_code=status)


@router.post("/uploads", response_model=UploadView, responses=_upload_responses())
def post_upload(
    request: Request,
    uow: UnitOfWorkDep,
    holder: ConnectorDep,
    body: UploadBody,
    key: IdempotencyKey = None,
) -> JSONResponse:
    """New students, home classes and cluster groups in one change set: all or nothing.
    When items are refused nothing is written and `items` lists every refused one."""
    if key is None:
        raise ApiProblem(KeyRequired())
    operation = upload(
        Upload(
            body.school_year,
            [
                NewStudentRequest(s.student_number, s.department, s.email, s.personal())
                for s in body.students
            ],
            [
                HomeClassChange(h.student, h.department, h.home_class, str(h.version))
                for h in body.home_classes
            ],
            [ClusterGroupsChange(c.student, c.groups, str(c.version)) for c in body.cluster_groups],
        ),
        token=holder.scope,
    )
    who = WriteRequest(holder.token_name, holder.account.username, request_hash(request, body), key)
    try:
        answer = perform(uow, who, operation)
    except UploadRefused as refused:
        return _refused(request, refused)
    except KoppelError as error:
        raise ApiProblem(error) from error
    headers = {"Idempotent-Replayed": "true"} if answer.replayed else {}
    return JSONResponse(answer.body, status_code=answer.status_code, headers=headers)


_UNDO_RESPONSES = error_responses(404, 409)
_UNDO_RESPONSES[403] = {
    "model": ErrorEnvelope,
    "description": "The token's role may not use the connector API, or the change set "
    "was not made through the API by the token's account, or it touches students or "
    "departments outside the token's departments",
}


@router.post("/changesets/{changeset}/undo", response_model=UndoView, responses=_UNDO_RESPONSES)
def post_undo(
    uow: UnitOfWorkDep,
    holder: ConnectorDep,
    changeset: Annotated[str, Path(max_length=40, pattern=NO_CONTROL_CHARACTERS)],
) -> UndoView:
    """Undo a change set this token's account made through the API (like an upload),
    exactly; only the newest change set can be undone. Undoing it again changes nothing
    (`written` false)."""
    try:
        result = undo_own_changeset(
            uow, changeset, actor=holder.account.username, scope=holder.scope
        )
    except KoppelError as error:
        raise ApiProblem(error) from error
    return UndoView(
        undone=result.changeset,
        changeset=result.undo_changeset,
        reversed=result.reversed,
        written=result.written,
    )
