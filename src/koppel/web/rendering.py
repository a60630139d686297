"""Rendering pages with the user's language and, when signed in, the session's account;
times are shown in the school's time zone (``KOPPEL_TIME_ZONE``)."""

from __future__ import annotations

from datetime import UTC, datetime
from functools import cache
from pathlib import Path
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

from fastapi import Request
from fastapi.responses import HTMLResponse
from fastapi.templating import Jinja2Templates
from jinja2 import pass_context
from jinja2.runtime import Context

from koppel.i18n import texts_in
from koppel.web.cookies import set_cookie
from koppel.web.sessions import settings_of

templates = Jinja2Templates(directory=Path(__file__).with_name("templates"))


@cache
def school_zone(name: str) -> ZoneInfo:
    """The zone called ``name``; UTC when the system does not know it."""
    try:
        return ZoneInfo(name)
    except (ZoneInfoNotFoundError, ValueError):
        return ZoneInfo("UTC")


def school_time(moment: datetime | str | None, zone: ZoneInfo, pattern: str) -> str:
    """``moment`` (a datetime or ISO text, UTC when it names no zone) in ``zone``."""
    if moment is None or moment == "":
        return ""
    found = datetime.fromisoformat(moment) if isinstance(moment, str) else moment
    if found.tzinfo is None:
        found = found.replace(tzinfo=UTC)
    return found.astimezone(zone).strftime(pattern)


@pass_context
def _school_time(context: Context, moment: datetime | str | None, pattern: str = "") -> str:
    """In a template: ``s.at|school_time`` -> ``12-05-2027 14:03`` in the school's zone
    (the project's pages have their own ``local_time``: the scheduler's clock)."""
    zone = context.get("zone")
    chosen = zone if isinstance(zone, ZoneInfo) else school_zone("UTC")
    return school_time(moment, chosen, pattern or "%d-%m-%Y %H:%M")


templates.env.filters["school_time"] = _school_time


def render(
    request: Request, name: str, language: str, status_code: int = 200, **context: object
) -> HTMLResponse:
    zone = school_zone(settings_of(request).time_zone)
    response = templates.TemplateResponse(
        request,
        name,
        {"t": texts_in(language), "lang": language, "zone": zone, **context},
        status_code=status_code,
    )
    if request.query_params.get("lang") == language:
        set_cookie(request, response, "lang", language, max_age=31_536_000)
    return response
