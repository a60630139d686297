"""Bearer tokens for ``/api/v1``: who a request speaks for, or 401 in the one error shape."""

from __future__ import annotations

from typing import Annotated

from fastapi import Depends, Request
from fastapi.responses import JSONResponse
from fastapi.security import HTTPAuthorizationCredentials, HTTPBearer

from koppel.domain.errors import KoppelError
from koppel.services.accounts.tokens import TokenHolder, token_holder
from koppel.web.dependencies import UnitOfWorkDep
from koppel.web.language import language_of

_bearer = HTTPBearer(auto_error=False, description="An API token from 'koppel token create'.")


class Unauthorised(KoppelError):
    exit_code = 2

    def __init__(self) -> None:
        super().__init__("api.unauthorised")


def bearer(
    uow: UnitOfWorkDep,
    credentials: Annotated[HTTPAuthorizationCredentials | None, Depends(_bearer)],
) -> TokenHolder:
    if credentials is None:
        raise Unauthorised
    holder = token_holder(uow, credentials.credentials)
    if holder is None:
        raise Unauthorised
    return holder


HolderDep = Annotated[TokenHolder, Depends(bearer)]


async def unauthorised(request: Request, error: Exception) -> JSONResponse:
    assert isinstance(error, KoppelError)
    return JSONResponse(
        {"error": {"code": error.code, "message": error.message(language_of(request))}},
        status_code=401,
        headers={"WWW-Authenticate": "Bearer"},
    )
