"""The JSON API (``/api``)."""

from __future__ import annotations

from fastapi import APIRouter, Request, Response, status
from pydantic import BaseModel
from sqlalchemy.exc import SQLAlchemyError

from koppel import __version__
from koppel.domain.errors import KoppelError
from koppel.store.database import is_initialised

router = APIRouter(prefix="/api")


class HealthView(BaseModel):
    status: str
    version: str
    database: str


@router.get("/health", response_model=HealthView, tags=["status"])
def health(request: Request, response: Response) -> HealthView:
    """Whether the portal and its database answer (503 when the database does not)."""
    try:
        database = "ok" if is_initialised(request.app.state.engine) else "not_initialised"
    except (KoppelError, SQLAlchemyError):
        database = "unreachable"
    if database != "ok":
        response.status_code = status.HTTP_503_SERVICE_UNAVAILABLE
    return HealthView(
        status="ok" if database == "ok" else "degraded", version=__version__, database=database
    )
