"""The one router of ``/api/v1``: the API's modules add their routes to it, so that every
route carries its full path (nested routers would hide the prefix from route walkers)."""

from __future__ import annotations

from fastapi import APIRouter

router = APIRouter(prefix="/api/v1", tags=["api"])
