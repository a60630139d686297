"""Every cookie the portal sets, over plain HTTP on loopback and behind an HTTPS proxy.

A school runs koppel behind a reverse proxy that ends TLS and says so with
``X-Forwarded-Proto: https``; uvicorn believes that header from 127.0.0.1, as from such a
proxy on the same machine. Then every cookie must be Secure; over plain HTTP none may be
(else the demo on loopback could not sign in). Always HttpOnly and SameSite Lax or Strict.
Behind HTTPS the answers also carry Strict-Transport-Security.
The cookies are followed by hand: a client keeps Secure cookies away from http URLs.
"""

from __future__ import annotations

import re
from http.cookies import SimpleCookie

import httpx
import pytest

from tests.web.conftest import Portal

BEHIND_HTTPS = {"X-Forwarded-Proto": "https"}
EXPECTED = {"koppel_login_csrf", "koppel_session", "lang"}


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
            }
    return found


def walk_sign_in_and_out(portal: Portal, headers: dict[str, str]) -> list[tuple[str, dict]]:
    """Login form, sign-in, a language choice, sign-out: every cookie set on the way."""
    seen: list[tuple[str, dict]] = []
    jar: dict[str, str] = {"koppel_session": "chosen-by-an-attacker"}

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
    session = jar["koppel_session"]
    assert session != "chosen-by-an-attacker"  # no fixation: a new id at sign-in
    page = ask("GET", "/?lang=en")
    assert page.status_code == 200, "signed in with the cookies as set"
    csrf = re.search(r'name="csrf_token" value="([^"]+)"', page.text)
    assert csrf
    assert ask("POST", "/logout", data={"csrf_token": csrf[1]}).status_code == 303
    replay = httpx.get(f"{portal.url}/", headers={**headers, "Cookie": f"koppel_session={session}"})
    assert replay.status_code == 303  # the old session id opens nothing after signing out
    return seen


@pytest.mark.parametrize(("headers", "secure"), [({}, False), (BEHIND_HTTPS, True)])
def test_every_cookie_is_httponly_samesite_and_secure_exactly_behind_https(
    portal: Portal, headers: dict[str, str], secure: bool
):
    seen = walk_sign_in_and_out(portal, headers)
    assert {name for name, _flags in seen} == EXPECTED
    assert len(seen) >= 5  # set and cleared: login CSRF twice, session twice, language
    for name, flags in seen:
        assert flags["httponly"], name
        assert flags["samesite"] in {"lax", "strict"}, name
        assert flags["secure"] is secure, name
    # and browsers are told to come back over HTTPS only (ignored over plain HTTP)
    answer = httpx.get(f"{portal.url}/login", headers=headers)
    assert ("max-age=" in answer.headers.get("strict-transport-security", "")) is secure


def test_the_session_id_changes_at_every_sign_in_and_is_long_and_random(portal: Portal):
    values = set()
    for _ in range(2):
        seen = walk_sign_in_and_out(portal, {})
        values |= {str(flags["value"]) for name, flags in seen if name == "koppel_session"}
    values.discard("")  # the cookie cleared at sign-out
    assert len(values) == 2
    assert all(len(value) >= 40 for value in values)  # 32 random bytes, base64
