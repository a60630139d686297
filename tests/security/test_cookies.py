"""Every cookie the portal sets, over plain HTTP on loopback and behind an HTTPS proxy.

A school runs koppel behind a reverse proxy that ends TLS and says so with
``X-Forwarded-Proto: https``; uvicorn believes that header from 127.0.0.1, as from such a
proxy on the same machine. Then every cookie must be Secure; over plain HTTP none may be
(else the demo on loopback could not sign in), and behind HTTPS every name carries the
``__Host-`` prefix (so the browser keeps it only Secure, for Path=/, without a Domain).
Always HttpOnly, SameSite Lax or Strict and Path=/; the session cookie has no Max-Age or
Expires (it ends with the browser; the server ends it after 30 minutes idle or 12 hours).
Behind HTTPS the answers also carry Strict-Transport-Security.
The cookies are followed by hand: a client keeps Secure cookies away from http URLs.
"""

from __future__ import annotations

import re
from http.cookies import SimpleCookie

import httpx
import pytest

from tests.web.conftest import Portal, csrf_of

BEHIND_HTTPS = {"X-Forwarded-Proto": "https"}
EXPECTED = {"koppel_login_csrf", "koppel_session", "lang"}
HOST = "__Host-"


def set_cookies(response: httpx.Response) -> dict[str, dict[str, str | bool]]:
    """name -> the value and flags of each Set-Cookie header of ``response``."""
    found: dict[str, dict[str, str | bool]] = {}
    for header in response.headers.get_list("set-cookie"):
        parsed = SimpleCookie()
        parsed.load(header)
        for name, morsel in parsed.items():
            found[name] = {
                "value": morsel.value,
                "httponly": bool(morsel["httponly"]),
                "secure": bool(morsel["secure"]),
                "samesite": str(morsel["samesite"]).lower(),
                "path": str(morsel["path"]),
                "domain": str(morsel["domain"]),
                "max-age": str(morsel["max-age"]),
                "expires": str(morsel["expires"]),
            }
    return found


def walk_sign_in_and_out(
    portal: Portal, headers: dict[str, str], prefix: str = ""
) -> list[tuple[str, dict]]:
    """Login form, sign-in, a language choice, sign-out: every cookie set on the way.
    ``prefix``: what the cookies' names start with (``__Host-`` behind HTTPS)."""
    seen: list[tuple[str, dict]] = []
    name = f"{prefix}koppel_session"
    jar: dict[str, str] = {name: "chosen-by-an-attacker"}

    def ask(method: str, path: str, **kwargs: object) -> httpx.Response:
        cookie = "; ".join(f"{name}={value}" for name, value in jar.items())
        response = httpx.request(
            method, f"{portal.url}{path}", headers={**headers, "Cookie": cookie}, **kwargs
        )
        for name, flags in set_cookies(response).items():
            seen.append((name, flags))
            jar[name] = str(flags["value"])
        return response

    form = ask("GET", "/login")
    token = re.search(r'name="csrf_token" value="([^"]+)"', form.text)
    assert token, form.text
    username, password = portal.admin
    signed_in = ask(
        "POST", "/login", data={"username": username, "password": password, "csrf_token": token[1]}
    )
    assert signed_in.status_code == 303
    session = jar[name]
    assert session != "chosen-by-an-attacker"  # no fixation: a new id at sign-in
    page = ask("GET", "/?lang=en")
    assert page.status_code == 200, "signed in with the cookies as set"
    csrf = re.search(r'name="csrf_token" value="([^"]+)"', page.text)
    assert csrf
    assert ask("POST", "/logout", data={"csrf_token": csrf[1]}).status_code == 303
    replay = httpx.get(f"{portal.url}/", headers={**headers, "Cookie": f"{name}={session}"})
    assert replay.status_code == 303  # the old session id opens nothing after signing out
    return seen


@pytest.mark.parametrize(
    ("headers", "secure", "prefix"), [({}, False, ""), (BEHIND_HTTPS, True, HOST)]
)
def test_every_cookie_is_httponly_samesite_and_secure_exactly_behind_https(
    portal: Portal, headers: dict[str, str], secure: bool, prefix: str
):
    seen = walk_sign_in_and_out(portal, headers, prefix)
    assert {name for name, _flags in seen} == {prefix + name for name in EXPECTED}
    assert len(seen) >= 5  # set and cleared: login CSRF twice, session twice, language
    for name, flags in seen:
        assert flags["httponly"], name
        assert flags["samesite"] in {"lax", "strict"}, name
        assert flags["secure"] is secure, name
        assert flags["path"] == "/", name  # and no Domain: what __Host- demands
        assert flags["domain"] == "", name
    # the session ends with the browser: its cookie has neither Max-Age nor Expires
    sessions = [f for n, f in seen if n == f"{prefix}koppel_session" and f["value"]]
    assert sessions
    assert all(f["max-age"] == "" and f["expires"] == "" for f in sessions), sessions
    # and browsers are told to come back over HTTPS only (ignored over plain HTTP)
    answer = httpx.get(f"{portal.url}/login", headers=headers)
    assert ("max-age=" in answer.headers.get("strict-transport-security", "")) is secure


def test_behind_https_only_the_host_prefixed_session_cookie_counts(portal: Portal):
    """A cookie without the prefix may come from plain HTTP or another host of the
    school's domain: behind HTTPS it opens nothing, even with a valid session id."""
    with httpx.Client(base_url=portal.url, headers=BEHIND_HTTPS) as client:
        form = client.get("/login")
        token = form.cookies.get(f"{HOST}koppel_login_csrf")
        assert token, form.headers
        username, password = portal.admin
        signed_in = httpx.post(
            f"{portal.url}/login",
            headers={**BEHIND_HTTPS, "Cookie": f"{HOST}koppel_login_csrf={token}"},
            data={"username": username, "password": password, "csrf_token": csrf_of(form.text)},
        )
    assert signed_in.status_code == 303, signed_in.text
    session = set_cookies(signed_in)[f"{HOST}koppel_session"]["value"]
    as_set = {**BEHIND_HTTPS, "Cookie": f"{HOST}koppel_session={session}"}
    assert httpx.get(f"{portal.url}/", headers=as_set).status_code == 200
    plain = {**BEHIND_HTTPS, "Cookie": f"koppel_session={session}"}
    assert httpx.get(f"{portal.url}/", headers=plain).status_code == 303  # to /login
    # over plain HTTP the prefixed name is not read either (the browser would not send it)
    assert (
        httpx.get(f"{portal.url}/", headers=as_set | {"X-Forwarded-Proto": "http"}).status_code
        == 303
    )


def test_the_session_id_changes_at_every_sign_in_and_is_long_and_random(portal: Portal):
    values = set()
    for _ in range(2):
        seen = walk_sign_in_and_out(portal, {})
        values |= {str(flags["value"]) for name, flags in seen if name == "koppel_session"}
    values.discard("")  # the cookie cleared at sign-out
    assert len(values) == 2
    assert all(len(value) >= 40 for value in values)  # 32 random bytes, base64
