"""Signing in and out over real HTTP: cookies, CSRF, throttling, timeouts, scope."""

from __future__ import annotations

import re

import httpx
import pytest

from tests.cli.runner import koppel
from tests.web.conftest import Portal, csrf_of, sign_in, start_portal


def _login_form(client: httpx.Client) -> str:
    return csrf_of(client.get("/login").text)


def test_pages_need_a_signed_in_account(portal: Portal):
    response = httpx.get(f"{portal.url}/afdelingen/4V?page=2")
    assert response.status_code == 303
    assert response.headers["location"] == "/login?next=/afdelingen/4V%3Fpage%3D2"


def test_a_session_cookie_is_httponly_samesite_and_new_at_every_sign_in(portal: Portal):
    cookies = []
    for _ in range(2):
        client = httpx.Client(base_url=portal.url)
        token = _login_form(client)
        response = client.post(
            "/login",
            data={"username": portal.admin[0], "password": portal.admin[1], "csrf_token": token},
        )
        assert response.status_code == 303
        header = response.headers["set-cookie"]
        assert "koppel_session=" in header
        assert "HttpOnly" in header
        assert "SameSite=lax" in header
        assert "Secure" not in header  # plain HTTP on loopback
        cookies.append(client.cookies["koppel_session"])
    assert cookies[0] != cookies[1]


@pytest.mark.parametrize("username", ["beheerder", "niemand-die-bestaat"])
def test_a_failed_sign_in_never_says_whether_the_account_exists(portal: Portal, username: str):
    client = httpx.Client(base_url=portal.url)
    response = client.post(
        "/login",
        data={
            "username": username,
            "password": "fout-wachtwoord-123",
            "csrf_token": _login_form(client),
        },
    )
    assert response.status_code == 401
    assert "Gebruikersnaam of wachtwoord klopt niet." in response.text
    assert "koppel_session" not in client.cookies


def test_sign_in_without_its_csrf_token_is_refused(portal: Portal):
    client = httpx.Client(base_url=portal.url)
    client.get("/login")
    response = client.post(
        "/login", data={"username": portal.admin[0], "password": portal.admin[1]}
    )
    assert response.status_code == 403
    assert "koppel_session" not in client.cookies


def test_repeated_failures_pause_the_username_even_for_the_right_password(portal: Portal):
    username, password = "gepauzeerd", "een-goed-wachtwoord-1"
    added = koppel(
        "user",
        "add",
        username,
        "--role",
        "teacher",
        "--password-stdin",
        database=portal.database,
        stdin=password + "\n",
    )
    assert added.code == 0, added.stderr
    assert sign_in(portal, username, password).get("/").status_code == 303  # signs in
    client = httpx.Client(base_url=portal.url)
    for _ in range(5):
        client.post(
            "/login",
            data={"username": username, "password": "nee", "csrf_token": _login_form(client)},
        )
    response = client.post(
        "/login",
        data={
            "username": username,
            "password": portal.persona_password,
            "csrf_token": _login_form(client),
        },
    )
    assert response.status_code == 429  # too many requests, with when to come back
    assert response.headers["retry-after"] == "900"
    assert "Te veel mislukte pogingen" in response.text
    ghost = client.post(
        "/login", data={"username": "ghost", "password": "x", "csrf_token": _login_form(client)}
    )
    assert "Te veel" not in ghost.text  # another username is not paused


def test_sign_out_needs_csrf_and_really_ends_the_session(portal: Portal):
    client = sign_in(portal, *portal.admin)
    page = client.get("/")
    assert client.post("/logout").status_code == 403  # no token: nothing changes
    assert client.get("/").status_code == 200
    cookie = client.cookies["koppel_session"]
    assert client.post("/logout", data={"csrf_token": csrf_of(page.text)}).status_code == 303
    replay = httpx.get(f"{portal.url}/", cookies={"koppel_session": cookie})
    assert replay.status_code == 303


def test_no_state_change_over_get(portal: Portal):
    client = sign_in(portal, *portal.admin)
    assert client.get("/logout").status_code == 405
    assert client.get("/").status_code == 200


@pytest.mark.parametrize("target", ["https://evil.example/", "//evil.example", "javascript:x"])
def test_sign_in_never_redirects_to_another_site(portal: Portal, target: str):
    client = httpx.Client(base_url=portal.url)
    token = csrf_of(client.get("/login", params={"next": target}).text)
    response = client.post(
        "/login",
        data={
            "username": portal.admin[0],
            "password": portal.admin[1],
            "csrf_token": token,
            "next": target,
        },
    )
    assert response.headers["location"] == "/"


def test_team_leaders_see_only_their_departments(portal: Portal):
    client = sign_in(portal, *portal.login_as("team_leader"))
    listed = re.findall(r'href="/afdelingen/([^"]+)"', client.get("/").text)
    assert listed == ["1M", "1MH", "2M", "2MH"]
    assert client.get("/afdelingen/1M").status_code == 200
    assert client.get("/afdelingen/6V").status_code == 403


@pytest.mark.parametrize("role", ["teacher", "mentor", "student"])
def test_other_roles_may_not_see_the_planning_pages(portal: Portal, role: str):
    client = sign_in(portal, *portal.login_as(role))
    start = client.get("/")
    assert start.status_code == 303  # on to their own page
    assert start.headers["location"] in {"/mentor", "/docent", "/leerling"}
    assert client.get("/afdelingen/1M").status_code == 403


def test_an_idle_session_ends(tmp_path):
    database = f"sqlite:///{tmp_path / 'idle.db'}"
    built = koppel("demo", "--students", "60", "--json", database=database).json()
    process, base = start_portal(database, {"KOPPEL_SESSION_IDLE_MINUTES": "0"})
    try:
        portal = Portal(
            base,
            database,
            (built["administrator"]["username"], built["administrator"]["password"]),
            {},
            "",
        )
        client = sign_in(portal, *portal.admin)
        assert client.get("/").status_code == 303  # idle for more than 0 minutes
    finally:
        process.terminate()
        process.wait(timeout=10)


def test_accounts_without_a_password_cannot_sign_in(portal: Portal):
    client = httpx.Client(base_url=portal.url)
    response = client.post(
        "/login", data={"username": "000000", "password": "", "csrf_token": _login_form(client)}
    )
    assert response.status_code == 401
