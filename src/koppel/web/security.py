"""Headers that every response carries."""

from __future__ import annotations

from collections.abc import Awaitable, Callable

from fastapi import FastAPI, Request, Response
from fastapi.responses import PlainTextResponse

SECURITY_HEADERS = {
    "Content-Security-Policy": (
        "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; "
        "frame-ancestors 'none'; base-uri 'self'; form-action 'self'"
    ),
    "X-Content-Type-Options": "nosniff",
    "X-Frame-Options": "DENY",
    "Referrer-Policy": "same-origin",
}
NO_STORE = "no-store"
"""Pages and API answers may carry pupils' data: no browser or proxy keeps a copy."""
HSTS = "max-age=31536000"
"""Reached over HTTPS (a proxy says so): browsers come back over HTTPS only, for a year."""
CACHEABLE_PREFIX = "/static/"
"""The package's own styles and scripts: no personal data, so they may be cached."""

# The OpenAPI viewer (/docs) loads its scripts from a CDN; koppel serves no such page.


async def add_security_headers(
    request: Request, call_next: Callable[[Request], Awaitable[Response]]
) -> Response:
    response = await call_next(request)
    _secure(request, response)
    return response


def _secure(request: Request, response: Response) -> None:
    for name, value in SECURITY_HEADERS.items():
        response.headers.setdefault(name, value)
    if not request.url.path.startswith(CACHEABLE_PREFIX):
        response.headers["Cache-Control"] = NO_STORE
    if request.url.scheme == "https":
        response.headers.setdefault("Strict-Transport-Security", HSTS)


async def _unexpected_error(request: Request, _error: Exception) -> Response:
    """A bug's 500: no detail of the error, and the same headers (the middleware does not
    see this answer). The server still logs the traceback."""
    response = PlainTextResponse("Internal Server Error", status_code=500)
    _secure(request, response)
    return response


def add_security_headers_everywhere(app: FastAPI) -> None:
    """The headers on every answer of ``app``, its 500s included."""
    app.middleware("http")(add_security_headers)
    app.add_exception_handler(Exception, _unexpected_error)
