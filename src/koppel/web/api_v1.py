"""The JSON API for the connector and scripts (``/api/v1``): bearer tokens, and errors in
one shape: ``{"error": {"code": ..., "message": ...}}``."""

from __future__ import annotations

from typing import Annotated

from fastapi import APIRouter, Depends, FastAPI, Request
from fastapi.responses import JSONResponse
from fastapi.security import HTTPAuthorizationCredentials, HTTPBearer
from pydantic import BaseModel

from koppel.domain.errors import KoppelError
from koppel.services.tokens import TokenHolder, token_holder
from koppel.store.unit_of_work import SqlAlchemyUnitOfWork
from koppel.web.texts import language_of

router = APIRouter(prefix="/api/v1", tags=["api"])
_bearer = HTTPBearer(auto_error=False, description="An API token from 'koppel token create'.")


class Unauthorised(KoppelError):
    exit_code = 2

    def __init__(self) -> None:
        super().__init__("api.unauthorised")


class ErrorView(BaseModel):
    code: str
    message: str


class ErrorEnvelope(BaseModel):
    error: ErrorView


def bearer(
    request: Request,
    credentials: Annotated[HTTPAuthorizationCredentials | None, Depends(_bearer)],
) -> TokenHolder:
    if credentials is None:
        raise Unauthorised
    holder = token_holder(SqlAlchemyUnitOfWork(request.app.state.engine), credentials.credentials)
    if holder is None:
        raise Unauthorised
    return holder


HolderDep = Annotated[TokenHolder, Depends(bearer)]


class MeView(BaseModel):
    username: str
    display_name: str
    role: str
    token: str


@router.get(
    "/me",
    response_model=MeView,
    responses={401: {"model": ErrorEnvelope, "description": "No or an invalid token"}},
)
def me(holder: HolderDep) -> MeView:
    """Who the token speaks for, and with which role."""
    return MeView(
        username=holder.account.username,
        display_name=holder.account.display_name,
        role=holder.role.value,
        token=holder.token_name,
    )


async def _unauthorised(request: Request, error: Exception) -> JSONResponse:
    assert isinstance(error, KoppelError)
    return JSONResponse(
        {"error": {"code": error.code, "message": error.message(language_of(request))}},
        status_code=401,
        headers={"WWW-Authenticate": "Bearer"},
    )


def add_api_error_handlers(app: FastAPI) -> None:
    app.add_exception_handler(Unauthorised, _unauthorised)
