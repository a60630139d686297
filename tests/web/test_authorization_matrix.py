"""Every route of the portal for every role, over real HTTP, against the matrix below.

A route that is not in the matrix fails the test: whoever adds a route decides here who
may use it. Expected answers: 200 allowed, 303 sent to sign in, 401 no API token, 403
denied, 404 not found, 405 not a method of this path.
"""

from __future__ import annotations

from collections.abc import Iterator

import httpx
import pytest
from fastapi import FastAPI

from koppel.settings import Settings
from koppel.web.app import create_app
from tests.web.conftest import Portal, csrf_of, sign_in

ROLES = ("anonymous", "administrator", "scheduler", "team_leader", "mentor", "teacher", "student")

# (method, concrete path) -> expected status per role, in the order of ROLES.
# The demo's team leader leads 1M, 1MH, 2M and 2MH: 1M is its own, 6V another's.
MATRIX: dict[tuple[str, str], tuple[int, ...]] = {
    ("GET", "/"): (303, 200, 200, 200, 403, 403, 403),
    ("GET", "/afdelingen/1M"): (303, 200, 200, 200, 403, 403, 403),
    ("GET", "/afdelingen/6V"): (303, 200, 200, 403, 403, 403, 403),
    ("GET", "/afdelingen/9Q"): (303, 404, 404, 403, 403, 403, 403),
    ("GET", "/login"): (200, 303, 303, 303, 303, 303, 303),
    ("POST", "/logout"): (303, 403, 403, 403, 403, 403, 403),  # without its CSRF token
    ("GET", "/api/health"): (200,) * 7,
    ("GET", "/openapi.json"): (200,) * 7,
    ("GET", "/api/v1/me"): (401,) * 7,  # pages' sessions are no API tokens
    ("GET", "/account/wachtwoord"): (303, 200, 200, 200, 200, 200, 200),
    ("GET", "/beheer/logboek"): (303, 200, 403, 403, 403, 403, 403),
    ("POST", "/account/wachtwoord"): (303, 403, 403, 403, 403, 403, 403),  # without CSRF
}
ROUTE_OF = {
    "/afdelingen/1M": "/afdelingen/{code}",
    "/afdelingen/6V": "/afdelingen/{code}",
    "/afdelingen/9Q": "/afdelingen/{code}",
}
NOT_CHECKED = {("POST", "/login")}  # signing in has tests of its own (test_sign_in.py)


def _routes(app: FastAPI) -> Iterator[tuple[str, str]]:
    def walk(routes: list[object]) -> Iterator[object]:
        for route in routes:
            inner = getattr(getattr(route, "original_router", None), "routes", None)
            yield from walk(inner) if inner is not None else [route]

    for route in walk(list(app.router.routes)):
        for method in sorted(getattr(route, "methods", None) or []):
            if method != "HEAD":
                yield method, str(getattr(route, "path", ""))


def test_every_route_is_in_the_matrix():
    app = create_app(Settings(database_url="sqlite:///:memory:"))
    covered = {(method, ROUTE_OF.get(path, path)) for method, path in MATRIX}
    missing = [route for route in _routes(app) if route not in covered | NOT_CHECKED]
    assert missing == []


@pytest.fixture(scope="module")
def clients(portal: Portal) -> Iterator[dict[str, httpx.Client]]:
    made = {"anonymous": httpx.Client(base_url=portal.url)}
    for role in ROLES[1:]:
        made[role] = sign_in(portal, *portal.login_as(role))
    yield made
    for client in made.values():
        client.close()


@pytest.mark.parametrize(("method", "path"), list(MATRIX))
def test_each_role_gets_what_the_matrix_says(clients, method: str, path: str):
    answers = tuple(clients[role].request(method, path).status_code for role in ROLES)
    assert dict(zip(ROLES, answers, strict=True)) == dict(
        zip(ROLES, MATRIX[(method, path)], strict=True)
    )


def test_logout_with_its_token_works_for_every_role(portal: Portal):
    for role in ROLES[1:]:
        client = sign_in(portal, *portal.login_as(role))
        page = client.get("/login", follow_redirects=True)
        response = client.post("/logout", data={"csrf_token": csrf_of(page.text)})
        assert response.status_code == 303, role
        assert client.get("/").status_code == 303, role
