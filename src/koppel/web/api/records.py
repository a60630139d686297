"""``GET /api/v1/records/{domain}``: the portal's records for the connector, one route per
domain so that ``/openapi.json`` documents each domain's record."""

from __future__ import annotations

import json
from collections.abc import Callable
from datetime import datetime
from typing import Annotated, Generic, Literal, TypeVar

from fastapi import Query, Response
from pydantic import BaseModel

from koppel.domain.errors import KoppelError
from koppel.services.connector_api.reads import (
    DEFAULT_LIMIT,
    MAX_LIMIT,
    Domain,
    RecordQuery,
    parse_departments,
    read_records,
)
from koppel.services.connector_api.refusals import UnknownItem
from koppel.web.api.common import ApiProblem, ConnectorDep, error_responses
from koppel.web.api.router import router
from koppel.web.dependencies import UnitOfWorkDep


class RecordBase(BaseModel):
    student: str
    department: str | None
    """The department of the record; null for domains kept per student."""
    version: int
    """The student's version: the revision of the last change to the student."""


class StudentRecord(RecordBase):
    first_name: str
    infix: str
    last_name: str
    status: Literal["active", "left"]


class PersonalDataRecord(RecordBase):
    first_name: str
    infix: str
    last_name: str
    gender: Literal["M", "V", "X"]
    street: str
    house_number: str
    postcode: str
    city: str
    email: str
    previous_home_class: str


class ParticipationRecord(RecordBase):
    percentage: int


class LwooRecord(RecordBase):
    lwoo: bool


class ShareView(BaseModel):
    department: str
    percentage: int


class PrognosisRecord(RecordBase):
    forecast_year: str
    """The school year the prognosis forecasts: the year after the one asked for, or the
    year asked for itself when it has not begun yet (the prepared year)."""
    round: int | None
    comment: str
    shares: list[ShareView]


class PackageChoiceRecord(RecordBase):
    profile: str | None
    subjects: list[str]
    exemptions: list[str]


class HomeClassRecord(RecordBase):
    home_class: str | None
    lead: Literal["portal", "project"]


class ClusterGroupRecord(RecordBase):
    groups: list[str]


R = TypeVar("R", bound=RecordBase)


class RecordPageView(BaseModel, Generic[R]):
    domain: str
    school_year: str
    as_of: datetime
    """When the portal's data was read (UTC)."""
    revision: int
    """The newest revision when reading began: ask ``since`` it next time."""
    records: list[R]
    next_cursor: str | None
    leads: dict[str, Literal["portal", "project"]]
    """Per department who leads its home classes."""
    in_scope: int
    """How many students are in scope in all (every page, not only changed ones)."""
    left_scope: list[str]
    """With ``since`` (first page only): students changed since then that are no longer
    in scope (their participation in the departments ended)."""


_MODELS: dict[Domain, type[RecordBase]] = {
    Domain.STUDENTS: StudentRecord,
    Domain.PERSONAL_DATA: PersonalDataRecord,
    Domain.DEPARTMENT_PARTICIPATION: ParticipationRecord,
    Domain.LWOO: LwooRecord,
    Domain.PROGNOSES: PrognosisRecord,
    Domain.PACKAGE_CHOICES: PackageChoiceRecord,
    Domain.HOME_CLASSES: HomeClassRecord,
    Domain.CLUSTER_GROUPS: ClusterGroupRecord,
}

SchoolYearQuery = Annotated[
    str | None,
    Query(
        description="Like 2026-2027 (a year of GET /api/v1/school-years); the current school "
        "year when left out.",
        max_length=20,
    ),
]
DepartmentsQuery = Annotated[
    str | None,
    Query(
        description="Department codes, comma-separated (4H,4V); the token's departments "
        "when left out (an administrator's token: all). A department outside the token's "
        "departments: 403.",
        max_length=500,
    ),
]
MAX_REVISION = 2**63 - 1
"""Versions are 64-bit integers in the database."""
SinceQuery = Annotated[
    int | None,
    Query(
        ge=0,
        le=MAX_REVISION,
        description="Only students whose version is above this revision.",
    ),
]
LimitQuery = Annotated[int, Query(ge=1, le=MAX_LIMIT, description="Students per page.")]
CursorQuery = Annotated[
    str | None, Query(max_length=500, description="next_cursor of the previous page.")
]


def _iso(value: object) -> str:
    if isinstance(value, datetime):
        return value.isoformat().replace("+00:00", "Z")
    raise TypeError(type(value).__name__)


def _reader(domain: Domain) -> Callable[..., Response]:
    def read(
        uow: UnitOfWorkDep,
        holder: ConnectorDep,
        school_year: SchoolYearQuery = None,
        departments: DepartmentsQuery = None,
        since: SinceQuery = None,
        limit: LimitQuery = DEFAULT_LIMIT,
        cursor: CursorQuery = None,
    ) -> Response:
        try:
            query = RecordQuery(
                domain, school_year, parse_departments(departments), since, limit, cursor
            )
            page = read_records(
                uow,
                query,
                actor=holder.account.username,
                token=holder.scope,
                token_name=holder.token_name,
            )
        except KoppelError as error:
            raise ApiProblem(error) from error
        body = {
            "domain": page.domain.value,
            "school_year": page.school_year,
            "as_of": page.as_of,
            "revision": page.revision,
            "records": page.records,
            "next_cursor": page.next_cursor,
            "leads": page.leads,
            "in_scope": page.in_scope,
            "left_scope": page.left_scope,
        }
        # The records are built to the documented model already (tests check it against
        # /openapi.json): answered directly, without validating 5,000 records again.
        return Response(
            json.dumps(body, default=_iso, ensure_ascii=False, separators=(",", ":")),
            media_type="application/json",
        )

    read.__doc__ = f"The portal's `{domain.value}` records of the students in scope."
    return read


for _domain, _model in _MODELS.items():
    router.add_api_route(
        f"/records/{_domain.value}",
        _reader(_domain),
        methods=["GET"],
        name=f"read_{_domain.value}",
        response_model=RecordPageView[_model],  # type: ignore[valid-type]
        responses=error_responses(404),
    )


@router.get("/records/{domain}", responses=error_responses(404), name="read_unknown_domain")
def unknown_domain(holder: ConnectorDep, domain: str) -> None:
    """A domain that does not exist: 404 naming the ones that do."""
    known = ", ".join(d.value for d in Domain)
    raise ApiProblem(UnknownItem("api.unknown_domain", domain=domain, known=known))
