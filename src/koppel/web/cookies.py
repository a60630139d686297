"""The portal's cookies: HttpOnly, SameSite=Lax, Path=/ and no Domain always; over
HTTPS also Secure and named with the ``__Host-`` prefix."""

from __future__ import annotations

from fastapi import Request, Response

HOST_PREFIX = "__Host-"
"""Over HTTPS every cookie's name starts with this: browsers then keep it only when it
is Secure, for Path=/ and without a Domain, so neither plain HTTP nor another host of
the school's domain can set or overwrite it."""


def _over_https(request: Request) -> bool:
    """Reached over HTTPS: directly, or through a proxy that says so with
    ``X-Forwarded-Proto`` from an address that ``koppel serve --forwarded-allow-ips``
    trusts (uvicorn sets the scheme from it)."""
    return request.url.scheme == "https"


def cookie_name(request: Request, name: str) -> str:
    """``name`` as it is set and read for this request: ``__Host-`` over HTTPS."""
    return HOST_PREFIX + name if _over_https(request) else name


def cookie_value(request: Request, name: str) -> str:
    """The request's cookie ``name`` (over HTTPS only its ``__Host-`` form), or ''."""
    return request.cookies.get(cookie_name(request, name), "")


def set_cookie(
    request: Request, response: Response, name: str, value: str, max_age: int | None = None
) -> None:
    """HttpOnly, SameSite=Lax, Path=/, no Domain; over HTTPS Secure and ``__Host-``.
    Without ``max_age`` the browser drops it when it closes (the session cookie: the
    server ends a session after its idle and absolute limits as well)."""
    response.set_cookie(
        cookie_name(request, name),
        value,
        max_age=max_age,
        httponly=True,
        samesite="lax",
        secure=_over_https(request),
        path="/",
    )


def clear_cookie(request: Request, response: Response, name: str) -> None:
    """Tells the browser to drop ``name``, with the same flags as it was set with."""
    response.delete_cookie(
        cookie_name(request, name),
        path="/",
        httponly=True,
        samesite="lax",
        secure=_over_https(request),
    )
