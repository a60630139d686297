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
    departments: list[str] | None
    """The departments whose students and groups the token reads and writes; null for
    the whole school (an administrator's token). A scheduler's token without departments
    (made before tokens had them) has none and the connector's routes refuse it."""


@router.get(
    "/me",
    response_model=MeView,
    responses={401: {"model": ErrorEnvelope, "description": "No or an invalid token"}},
)
def me(holder: HolderDep) -> MeView:
    """Who the token speaks for, with which role and for which departments."""
    scope = holder.scope.departments
    return MeView(
        username=holder.account.username,
        display_name=holder.account.display_name,
        role=holder.role.value,
        token=holder.token_name,
        departments=None if scope is None else sorted(scope),
    )


def add_api_error_handlers(app: FastAPI) -> None:
    app.add_exception_handler(Unauthorised, unauthorised)
    add_record_error_handlers(app)
