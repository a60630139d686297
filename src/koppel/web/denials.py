"""What a request that may not proceed gets: a redirect to sign in, a 403 page, or the
404 page when what it asks for is not there (an unknown address too, and a 405 for a
page's wrong method: pages for people, in the portal's layout; under /api/ the API's own
error shape). Every denial (403) is logged with the path and the account's roles, never
personal data."""

from __future__ import annotations

import logging
from collections.abc import Awaitable, Callable
from typing import cast
from urllib.parse import quote

from fastapi import FastAPI, Request
from fastapi.exception_handlers import http_exception_handler
from fastapi.responses import JSONResponse, RedirectResponse, Response
from starlette.exceptions import HTTPException

from koppel.domain.errors import NotAllowed
from koppel.i18n import texts_in
from koppel.store.secrets import SecretKeyError
from koppel.store.write_lock import WriteBusy
from koppel.web.api.common import error_body
from koppel.web.dependencies import unit_of_work
from koppel.web.language import language_of
from koppel.web.rendering import render
from koppel.web.sessions import CsrfRejected, Forbidden, SignInRequired, optional_session

log = logging.getLogger("koppel.access")

Handler = Callable[[Request, Exception], Awaitable[Response]]


class PageNotFound(Exception):
    """What the page is about is not there: 404, the not-found page with ``message`` (in
    the user's language already)."""

    def __init__(self, message: str) -> None:
        super().__init__(message)
        self.message = message


async def _sign_in_first(request: Request, _error: Exception) -> Response:
    target = request.url.path + (f"?{request.url.query}" if request.url.query else "")
    return RedirectResponse(f"/login?next={quote(target, safe='/')}", status_code=303)


async def _forbidden(request: Request, error: Exception) -> Response:
    # the route's pattern, not the path: a path may hold a student number
    route = getattr(request.scope.get("route"), "path", "?")
    log.warning("denied %s %s (%s)", request.method, route, type(error).__name__)
    language = language_of(request)
    template = "csrf.html" if isinstance(error, CsrfRejected) else "forbidden.html"
    # signed in but not allowed: the page still offers signing out
    return render(
        request,
        template,
        language,
        status_code=403,
        session=optional_session(request, unit_of_work(request)),
    )


async def _not_found(request: Request, error: Exception) -> Response:
    assert isinstance(error, PageNotFound)
    session = optional_session(request, unit_of_work(request))
    language = language_of(request)
    return render(
        request, "not_found.html", language, status_code=404, message=error.message, session=session
    )


async def _secret_key_problem(request: Request, error: Exception) -> Response:
    """The key of the TOTP secrets is missing or wrong: the server's log says which
    setting to check (no traceback, no secret); the page asks for the administrator."""
    assert isinstance(error, SecretKeyError)
    logging.getLogger("koppel.secrets").error("%s", error.message("en"))
    return render(request, "secret_key.html", language_of(request), status_code=503)


async def _busy(request: Request, error: Exception) -> Response:
    """Another change held the write lock longer than this one waits: nothing was
    written, 409 and a page that says to try again (the API answers in its own shape)."""
    assert isinstance(error, WriteBusy)
    language = language_of(request)
    if request.url.path.startswith("/api/"):
        return JSONResponse(error_body(error, language), status_code=409)
    session = optional_session(request, unit_of_work(request))
    return render(
        request,
        "busy.html",
        language,
        status_code=409,
        message=error.message(language),
        session=session,
    )


def _http_page(api_answer: Handler) -> Handler:
    """Starlette's own refusals (no such address, wrong method, a file not in /static/)
    as a page for people; under /api/ ``api_answer`` keeps the API's error shape."""

    async def answer(request: Request, error: Exception) -> Response:
        assert isinstance(error, HTTPException)
        if request.url.path.startswith("/api/"):
            return await api_answer(request, error)
        session = optional_session(request, unit_of_work(request))
        language = language_of(request)
        t = texts_in(language)
        status = error.status_code
        page = {404: "not_found.html", 403: "forbidden.html"}.get(status, "http_problem.html")
        if status == 405:
            heading, explanation = t["errors.wrong_method_title"], t["errors.wrong_method"]
        else:
            heading = t["errors.refused_title"]
            explanation = t["errors.refused"].format(status=status)
        response = render(
            request,
            page,
            language,
            status_code=status,
            session=session,
            heading=heading,
            explanation=explanation,
        )
        response.headers.update(error.headers or {})  # 405's Allow
        return response

    return answer


def add_denial_handlers(app: FastAPI) -> None:
    """The denials' pages; after the API's handlers (``v1.add_api_error_handlers``), whose
    answer to an unknown address stays the API's under /api/."""
    api_answer = cast(Handler, app.exception_handlers.get(HTTPException, http_exception_handler))
    app.add_exception_handler(HTTPException, _http_page(api_answer))
    app.add_exception_handler(WriteBusy, _busy)
    app.add_exception_handler(SignInRequired, _sign_in_first)
    app.add_exception_handler(Forbidden, _forbidden)
    app.add_exception_handler(NotAllowed, _forbidden)  # the services' own refusal
    app.add_exception_handler(CsrfRejected, _forbidden)
    app.add_exception_handler(PageNotFound, _not_found)
    app.add_exception_handler(SecretKeyError, _secret_key_problem)
