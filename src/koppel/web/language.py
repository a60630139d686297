"""The language a request asks for: ``?lang=``, then the ``lang`` cookie, then the
browser's Accept-Language; Dutch when none of them chooses."""

from __future__ import annotations

from fastapi import Request

from koppel.i18n import DEFAULT_LANGUAGE, LANGUAGES
from koppel.web.cookies import cookie_value


def language_of(request: Request) -> str:
    """``?lang=en`` wins, then the ``lang`` cookie, then the browser's Accept-Language."""
    for chosen in (request.query_params.get("lang"), cookie_value(request, "lang")):
        if chosen in LANGUAGES:
            return chosen
    accepted = request.headers.get("accept-language", "").lower()
    if accepted.startswith("en"):
        return "en"
    return DEFAULT_LANGUAGE
