"""A request body larger than its route needs is refused (413) before it is read.

Without this, anyone (signed in or not) could make the portal read a body of any size
into memory. A body with a Content-Length over the limit is refused at once; a chunked
body is read up to the limit and refused when it goes over.
"""

from __future__ import annotations

import json

from starlette.requests import Request
from starlette.types import ASGIApp, Message, Receive, Scope, Send

from koppel.i18n import translate
from koppel.web.language import language_of

MB = 1024 * 1024
API_LIMIT = 32 * MB
"""The connector's uploads: up to 20,000 items per list."""
TRANSITION_LIMIT = 160 * MB
"""The year transition's wizard: up to three files of at most 50 MB each."""
FORM_LIMIT = 1 * MB
"""Every other form."""


def limit_for(path: str) -> int:
    if path.startswith("/api/"):
        return API_LIMIT
    if path.startswith("/beheer/jaarovergang"):
        return TRANSITION_LIMIT
    return FORM_LIMIT


class BodyLimit:
    """ASGI middleware: :func:`limit_for` each path."""

    def __init__(self, app: ASGIApp) -> None:
        self.app = app

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        limit = limit_for(str(scope["path"]))
        headers = dict(scope["headers"])
        length = headers.get(b"content-length")
        if length is not None:
            if not length.isdigit() or int(length) > limit:
                await _too_large(scope, send, limit)
                return
            await self.app(scope, receive, send)
            return
        if b"chunked" not in headers.get(b"transfer-encoding", b""):
            await self.app(scope, receive, send)
            return
        messages = await _read_chunked(receive, limit)
        if messages is None:
            await _too_large(scope, send, limit)
            return
        await self.app(scope, _replay(messages, receive), send)


async def _read_chunked(receive: Receive, limit: int) -> list[Message] | None:
    """Every message of the body, or None once it goes over ``limit``."""
    messages: list[Message] = []
    size = 0
    while True:
        message = await receive()
        messages.append(message)
        if message["type"] != "http.request":
            return messages
        size += len(message.get("body", b""))
        if size > limit:
            return None
        if not message.get("more_body", False):
            return messages


def _replay(messages: list[Message], receive: Receive) -> Receive:
    waiting = list(messages)

    async def replay() -> Message:
        return waiting.pop(0) if waiting else await receive()

    return replay


async def _too_large(scope: Scope, send: Send, limit: int) -> None:
    message = translate("request.too_large", language_of(Request(scope)), limit=limit // MB)
    if str(scope["path"]).startswith("/api/"):
        body = json.dumps({"error": {"code": "request.too_large", "message": message}}).encode()
        kind = b"application/json"
    else:
        body = message.encode()
        kind = b"text/plain; charset=utf-8"
    await send(
        {
            "type": "http.response.start",
            "status": 413,
            "headers": [
                (b"content-type", kind),
                (b"content-length", str(len(body)).encode()),
                (b"connection", b"close"),
            ],
        }
    )
    await send({"type": "http.response.body", "body": body})
