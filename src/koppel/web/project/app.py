"""The project app, built by :func:`create_project_app`.

It listens on 127.0.0.1 only and answers only the browser that ``koppel project open``
started: that browser opens ``/?sleutel=<secret>`` once, gets the secret as a
SameSite=Strict, HttpOnly cookie and is sent on without it; anything else gets 403.
"""

from __future__ import annotations

import hmac
from collections.abc import Awaitable, Callable
from pathlib import Path

import httpx
from fastapi import FastAPI, Request, Response
from fastapi.responses import HTMLResponse, RedirectResponse
from fastapi.staticfiles import StaticFiles

from koppel import __version__
from koppel.web.app import STATIC
from koppel.web.language import language_of
from koppel.web.project import dashboard, windows
from koppel.web.project.common import COOKIE, render
from koppel.web.project.state import ProjectState
from koppel.web.security import add_security_headers_everywhere

KEY_PARAMETER = "sleutel"


def create_project_app(
    path: Path, *, secret: str, transport: httpx.BaseTransport | None = None
) -> FastAPI:
    app = FastAPI(title="koppel project", version=__version__, docs_url=None, redoc_url=None)
    app.state.project = ProjectState(path, secret, transport)
    app.middleware("http")(_only_the_schedulers_browser)
    add_security_headers_everywhere(app)
    app.mount("/static", StaticFiles(directory=STATIC), name="static")
    app.include_router(dashboard.router)
    app.include_router(windows.router)
    return app


async def _only_the_schedulers_browser(
    request: Request, call_next: Callable[[Request], Awaitable[Response]]
) -> Response:
    state: ProjectState = request.app.state.project
    if request.url.path.startswith("/static/"):
        return await call_next(request)
    offered = request.query_params.get(KEY_PARAMETER)
    if offered is not None and hmac.compare_digest(offered, state.secret):
        response = RedirectResponse(request.url.path, status_code=303)
        response.set_cookie(COOKIE, state.secret, httponly=True, samesite="strict")
        return response
    if not hmac.compare_digest(request.cookies.get(COOKIE, ""), state.secret):
        language = language_of(request)
        page: HTMLResponse = render(request, "project/denied.html", language, status_code=403)
        return page
    return await call_next(request)
