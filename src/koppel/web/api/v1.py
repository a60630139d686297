"""The JSON API for the connector and scripts (``/api/v1``): bearer tokens, and errors in
one shape: ``{"error": {"code": ..., "message": ...}}``."""

from __future__ import annotations

from fastapi import FastAPI
from pydantic import BaseModel

from koppel.web.api import records, school_years, uploads, writes
from koppel.web.api.auth import HolderDep, Unauthorised, unauthorised
from koppel.web.api.common import ErrorEnvelope, add_record_error_handlers
from koppel.web.api.router import router

__all__ = ["add_api_error_handlers", "records", "router", "school_years", "uploads", "writes"]


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


def add_api_error_handlers(app: FastAPI) -> None:
    app.add_exception_handler(Unauthorised, unauthorised)
    add_record_error_handlers(app)
