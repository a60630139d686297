"""Rendering pages with the user's language and, when signed in, the session's account."""

from __future__ import annotations

from pathlib import Path

from fastapi import Request
from fastapi.responses import HTMLResponse
from fastapi.templating import Jinja2Templates

from koppel.i18n import texts_in
from koppel.web.sessions import set_cookie

templates = Jinja2Templates(directory=Path(__file__).with_name("templates"))


def render(
    request: Request, name: str, language: str, status_code: int = 200, **context: object
) -> HTMLResponse:
    response = templates.TemplateResponse(
        request,
        name,
        {"t": texts_in(language), "lang": language, **context},
        status_code=status_code,
    )
    if request.query_params.get("lang") == language:
        set_cookie(request, response, "lang", language, max_age=31_536_000)
    return response
