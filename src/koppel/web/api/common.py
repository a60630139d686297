"""What the connector's API routes share: who may use them (scheduler and administrator
tokens), and every refusal in the one error shape ``{"error": {"code", "message"}}``."""

from __future__ import annotations

import logging
from typing import Annotated, Any

from fastapi import Depends, FastAPI, Request
from fastapi.exception_handlers import (
    http_exception_handler,
    request_validation_exception_handler,
)
from fastapi.exceptions import RequestValidationError
from fastapi.responses import JSONResponse, PlainTextResponse, Response
from pydantic import BaseModel
from sqlalchemy.exc import OperationalError
from starlette.exceptions import HTTPException

from koppel.domain.accounts import Role
from koppel.domain.errors import AlreadyExists, InvalidValue, KoppelError, NotFound
from koppel.services.accounts.tokens import TokenHolder
from koppel.services.connector_api.refusals import (
    Conflict,
    KeyRequired,
    KeyReused,
    NotYours,
    OutOfScope,
    StaleVersion,
    UnknownItem,
    Unprocessable,
    VersionRequired,
)
from koppel.store.database import DatabaseError
from koppel.store.write_lock import WriteBusy
from koppel.web.api.auth import HolderDep
from koppel.web.language import language_of

log = logging.getLogger("koppel.access")

CONNECTOR_ROLES = frozenset({Role.SCHEDULER, Role.ADMINISTRATOR})

NO_CONTROL_CHARACTERS = r"^[^\x00-\x1f\x7f]*$"
"""Text fields refuse control characters (PostgreSQL refuses NUL in text)."""


class Forbidden(KoppelError):
    exit_code = 2

    def __init__(self) -> None:
        super().__init__("api.forbidden")


class InvalidRequest(KoppelError):
    exit_code = 2

    def __init__(self, details: str) -> None:
        super().__init__("api.invalid_request", details=details)


_STATUS: tuple[tuple[type[KoppelError], int], ...] = (
    (Forbidden, 403),
    (NotYours, 403),
    (OutOfScope, 403),
    (UnknownItem, 404),
    (NotFound, 404),
    (Conflict, 409),
    (WriteBusy, 409),
    (AlreadyExists, 409),
    (StaleVersion, 412),
    (VersionRequired, 428),
    (KeyRequired, 400),
    (KeyReused, 422),
    (Unprocessable, 422),
    (InvalidValue, 422),
    (InvalidRequest, 422),
)


def status_of(error: KoppelError) -> int:
    for kind, status in _STATUS:
        if isinstance(error, kind):
            return status
    return 422


class ApiProblem(Exception):
    """A refusal of an API route, rendered in the one error shape."""

    def __init__(self, error: KoppelError) -> None:
        super().__init__(error.code)
        self.error = error
        self.status_code = status_of(error)


class ErrorView(BaseModel):
    code: str
    message: str


class ErrorEnvelope(BaseModel):
    error: ErrorView


class StaleErrorView(ErrorView):
    current_version: int


class StaleEnvelope(BaseModel):
    error: StaleErrorView


def error_responses(*statuses: int) -> dict[int | str, dict[str, Any]]:
    """The documented refusals of a route (every route may answer 401 and 403)."""
    descriptions = {
        400: "Idempotency-Key missing",
        401: "No or an invalid token",
        403: "The token's role may not use the connector API, or the request names a "
        "department or student outside the token's departments",
        404: "Unknown school year, student, department or domain",
        409: "Conflicts with the portal's data or with who leads",
        412: "If-Match names an old version; the body has the current one",
        422: "Invalid request",
        428: "If-Match missing",
    }
    answers: dict[int | str, dict[str, Any]] = {}
    for status in sorted({401, 403, 422, *statuses}):
        model = StaleEnvelope if status == 412 else ErrorEnvelope
        answers[status] = {"model": model, "description": descriptions[status]}
    return answers


def connector(request: Request, holder: HolderDep) -> TokenHolder:
    """The token's holder, when its role may use the connector API and, for a scheduler,
    the token has departments; 403 otherwise, logged with the route's pattern and the
    role (never a student number or a name)."""
    route = getattr(request.scope.get("route"), "path", "?")
    if holder.role not in CONNECTOR_ROLES:
        log.warning("denied %s %s (token role %s)", request.method, route, holder.role.value)
        raise ApiProblem(Forbidden())
    if holder.lacks_departments:
        log.warning("denied %s %s (token without departments)", request.method, route)
        error = OutOfScope("api.token_without_departments", username=holder.account.username)
        raise ApiProblem(error)
    return holder


ConnectorDep = Annotated[TokenHolder, Depends(connector)]


def error_body(error: KoppelError, language: str) -> dict[str, Any]:
    body: dict[str, Any] = {"code": error.code, "message": error.message(language)}
    if isinstance(error, StaleVersion):
        body["current_version"] = error.current
    return {"error": body}


async def _problem(request: Request, exc: Exception) -> Response:
    assert isinstance(exc, ApiProblem)
    headers = {}
    if isinstance(exc.error, StaleVersion):
        headers["ETag"] = f'"{exc.error.current}"'
    return JSONResponse(
        error_body(exc.error, language_of(request)), status_code=exc.status_code, headers=headers
    )


async def _invalid(request: Request, exc: Exception) -> Response:
    """Under /api/v1 a request that does not fit the schema gets the one error shape."""
    assert isinstance(exc, RequestValidationError)
    if not request.url.path.startswith("/api/v1/"):
        return await request_validation_exception_handler(request, exc)
    details = "; ".join(
        f"{'.'.join(str(part) for part in e.get('loc', ()))}: {e.get('msg', '')}"
        for e in exc.errors()
    )
    error = InvalidRequest(details)
    return JSONResponse(error_body(error, language_of(request)), status_code=422)


async def _database_failed(request: Request, exc: Exception) -> Response:
    """The database failed in the middle of a request (its connection dropped): the
    transaction is rolled back and the broken connection leaves the pool, so the answer is
    503 (try again) in the one error shape, and the next request works."""
    assert isinstance(exc, OperationalError)
    reason = str(exc.orig or exc).strip().splitlines()[0]
    code = "database.lost" if exc.connection_invalidated else "database.failed"
    route = getattr(request.scope.get("route"), "path", "?")
    log.warning("database failed during %s %s: %s", request.method, route, reason)
    # the answer names the kind of failure only: the driver's text (tables, constraints)
    # stays in the server's log
    error = DatabaseError(code, reason=type(exc.orig or exc).__name__)
    language = language_of(request)
    if request.url.path.startswith("/api/"):
        return JSONResponse(error_body(error, language), status_code=503)
    return PlainTextResponse(error.message(language), status_code=503)


_HTTP_CODES = {404: "api.no_such_route", 405: "api.method_not_allowed"}


async def _http_problem(request: Request, exc: Exception) -> Response:
    """Under /api/ an unknown route or method answers in the one error shape too (not
    FastAPI's ``{"detail": ...}``); elsewhere FastAPI's own answer stands."""
    assert isinstance(exc, HTTPException)
    if not request.url.path.startswith("/api/"):
        return await http_exception_handler(request, exc)
    code = _HTTP_CODES.get(exc.status_code, "api.refused")
    error = KoppelError(code, status=exc.status_code)
    return JSONResponse(
        error_body(error, language_of(request)),
        status_code=exc.status_code,
        headers=getattr(exc, "headers", None),
    )


def add_record_error_handlers(app: FastAPI) -> None:
    app.add_exception_handler(HTTPException, _http_problem)
    app.add_exception_handler(ApiProblem, _problem)
    app.add_exception_handler(RequestValidationError, _invalid)
    app.add_exception_handler(OperationalError, _database_failed)
