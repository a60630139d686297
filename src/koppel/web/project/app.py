"""The project app, built by :func:`create_project_app`.

It listens on 127.0.0.1 only and answers only the browser that ``koppel project open``
started (see :mod:`koppel.web.project.launch`): that browser hands in the one-time key
once and gets a session cookie (HttpOnly, SameSite=Strict); anything else gets 403.
A request that names another host than ``127.0.0.1:<port>`` or ``localhost:<port>``
gets 400 before anything else, so a web page whose name was made to point at
127.0.0.1 (DNS rebinding) reaches nothing. An unknown address, a wrong method or a form
without its CSRF token gets a page in the app's layout (404, 405, 403), not JSON.
"""

from __future__ import annotations

import hmac
import secrets
from collections.abc import Awaitable, Callable
from pathlib import Path

import httpx
from fastapi import FastAPI, Request, Response
from fastapi.responses import PlainTextResponse
from fastapi.staticfiles import StaticFiles
from starlette.exceptions import HTTPException

from koppel import __version__
from koppel.i18n import texts_in, translate
from koppel.web.app import STATIC
from koppel.web.language import language_of
from koppel.web.project import dashboard, launch, windows
from koppel.web.project.common import COOKIE, render
from koppel.web.project.state import ProjectState
from koppel.web.security import add_security_headers_everywhere

HOST = "127.0.0.1"


def allowed_hosts(port: int) -> frozenset[str]:
    """The ``Host`` headers the app answers: its own address and port, nothing else."""
    return frozenset({f"{HOST}:{port}", f"localhost:{port}"})


def create_project_app(
    path: Path,
    *,
    port: int,
    launch_key: str,
    launch_file: Path | None = None,
    transport: httpx.BaseTransport | None = None,
) -> FastAPI:
    app = FastAPI(title="koppel project", version=__version__, docs_url=None, redoc_url=None)
    app.state.project = ProjectState(
        path,
        secrets.token_urlsafe(32),
        transport,
        launch_key=launch_key,
        launch_file=launch_file,
    )
    app.state.hosts = allowed_hosts(port)
    app.middleware("http")(_only_the_schedulers_browser)
    add_security_headers_everywhere(app)  # outside the check: its answers get them too
    app.mount("/static", StaticFiles(directory=STATIC), name="static")
    app.include_router(launch.router)
    app.include_router(dashboard.router)
    app.include_router(windows.router)
    app.add_exception_handler(HTTPException, _refusal_page)
    return app


async def _refusal_page(request: Request, error: Exception) -> Response:
    """Starlette's refusals (and the CSRF check's) as a page of the app, with the way on."""
    assert isinstance(error, HTTPException)
    t = texts_in(language_of(request))
    status = error.status_code
    if status == 404:
        heading, explanation = t["not_found_title"], t["errors.no_such_page"]
    elif status == 403:
        heading, explanation = t["forbidden"], t["csrf_expired"]
    elif status == 405:
        heading, explanation = t["errors.wrong_method_title"], t["errors.wrong_method"]
    else:
        heading, explanation = t["errors.refused_title"], t["errors.refused"].format(status=status)
    response = render(
        request,
        "project/http_problem.html",
        status_code=status,
        heading=heading,
        explanation=explanation,
    )
    response.headers.update(error.headers or {})  # 405's Allow
    return response


async def _only_the_schedulers_browser(
    request: Request, call_next: Callable[[Request], Awaitable[Response]]
) -> Response:
    if request.headers.get("host", "").lower() not in request.app.state.hosts:
        # plain text: a page would build its links from the very Host it refuses
        text = translate("project.wrong_host", language_of(request))
        return PlainTextResponse(text, status_code=400)
    if request.url.path.startswith("/static/"):
        return await call_next(request)
    if request.url.path == launch.KEY_PATH and request.method == "POST":
        return await call_next(request)  # the launch file's form: checks the key itself
    state: ProjectState = request.app.state.project
    if not hmac.compare_digest(request.cookies.get(COOKIE, "").encode(), state.secret.encode()):
        return render(request, "project/denied.html", status_code=403)
    return await call_next(request)
