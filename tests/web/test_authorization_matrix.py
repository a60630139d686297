"""Every route of the portal for every role, over real HTTP, against the matrix below.

A route that is not in the matrix fails the test: whoever adds a route decides here who
may use it. Expected answers: 200 allowed, 303 sent to sign in, 401 no API token, 403
denied, 404 not found, 405 not a method of this path. Every answer also carries the
security headers, and no page holds inline code (tests/security/answers.py).

The API's routes also answer API tokens by the token's departments (least privilege):
every ``/api/v1`` route x every token role x a request inside and outside the
scheduler's token (routes_api.SCOPE_MATRIX), on SQLite and PostgreSQL. A refusal writes
nothing: the database, audit log included, is read before and after.
"""

from __future__ import annotations

from collections.abc import Iterator

import pytest
from fastapi import FastAPI
from sqlalchemy import select
from starlette.routing import Mount

from koppel.settings import Settings
from koppel.store import tables as t
from koppel.store.database import connect
from koppel.web.app import create_app
from tests.security.answers import header_problems, inline_code
from tests.web import routes_admin, routes_api, routes_pages
from tests.web.conftest import ROLES, Portal, csrf_of, sign_in
from tests.web.scope_school import CALLS, LOGGED, ScopedSchool, error_code, school

__all__ = ["school"]  # the scoped school's fixture, for the token-scope matrix

# (method, concrete path) -> expected status per role, in the order of ROLES; one module
# per area of the portal, so that whoever adds a route decides there who may use it.
MATRIX: dict[tuple[str, str], tuple[int, ...]] = {
    **routes_pages.MATRIX,
    **routes_admin.MATRIX,
    **routes_api.MATRIX,
}
ROUTE_OF = {**routes_pages.ROUTE_OF, **routes_admin.ROUTE_OF, **routes_api.ROUTE_OF}
NOT_CHECKED = routes_pages.NOT_CHECKED | routes_admin.NOT_CHECKED | routes_api.NOT_CHECKED


def _routes(app: FastAPI) -> Iterator[tuple[str, str]]:
    def walk(routes: list[object]) -> Iterator[object]:
        for route in routes:
            inner = getattr(getattr(route, "original_router", None), "routes", None)
            yield from walk(inner) if inner is not None else [route]

    for route in walk(list(app.router.routes)):
        if isinstance(route, Mount):  # a mounted app (/static) answers GET on any path
            yield "GET", f"{route.path}/{{path:path}}"
        for method in sorted(getattr(route, "methods", None) or []):
            if method != "HEAD":
                yield method, str(getattr(route, "path", ""))


def test_every_route_is_in_the_matrix():
    app = create_app(Settings(database_url="sqlite:///:memory:"))
    covered = {(method, ROUTE_OF.get(path, path)) for method, path in MATRIX}
    missing = [route for route in _routes(app) if route not in covered | NOT_CHECKED]
    assert missing == []


@pytest.fixture(scope="module")
def keys(portal: Portal) -> dict[str, str]:
    """Concrete values for the placeholders in the matrix's paths."""
    engine = connect(portal.database)
    with engine.connect() as connection:
        s, p, d = t.students, t.department_participations, t.departments
        other = connection.scalar(
            select(s.c.student_number)
            .join(p, p.c.student_id == s.c.id)
            .join(d, d.c.id == p.c.department_id)
            .where(d.c.code == "6V")
            .limit(1)
        )
    engine.dispose()
    return {"own_student": portal.personas["student"], "other_student": str(other)}


@pytest.mark.parametrize(("method", "path"), list(MATRIX))
def test_each_role_gets_what_the_matrix_says(clients, keys, method: str, path: str):
    concrete = path.format(**keys)
    responses = [clients[role].request(method, concrete) for role in ROLES]
    answers = tuple(response.status_code for response in responses)
    assert dict(zip(ROLES, answers, strict=True)) == dict(
        zip(ROLES, MATRIX[(method, path)], strict=True)
    )
    pages = [r for r in responses if r.headers.get("content-type", "").startswith("text/html")]
    assert [problem for r in responses for problem in header_problems(r)] == []
    assert [found for page in pages for found in inline_code(page.text)] == []


def test_logout_with_its_token_works_for_every_role(portal: Portal):
    for role in ROLES[1:]:
        client = sign_in(portal, *portal.login_as(role))
        page = client.get("/login", follow_redirects=True)
        response = client.post("/logout", data={"csrf_token": csrf_of(page.text)})
        assert response.status_code == 303, role
        assert client.get("/").status_code == 303, role


def test_every_api_route_has_its_token_scopes():
    """Whoever adds an API route decides in routes_api.SCOPE_MATRIX what a token inside
    and outside its departments gets, and how such a request is made (scope_school.CALLS)."""
    api = {route for route in MATRIX if route[1].startswith("/api/v1/")}
    patterns = {(method, ROUTE_OF.get(path, path)) for method, path in api}
    scoped = {(method, ROUTE_OF.get(path, path)) for method, path in routes_api.SCOPE_MATRIX}
    assert scoped == patterns
    assert {path for _method, path in routes_api.SCOPE_MATRIX} == set(CALLS)


@pytest.mark.parametrize("inside", [True, False], ids=["inside", "outside"])
@pytest.mark.parametrize("role", routes_api.TOKEN_ROLES)
@pytest.mark.parametrize(("method", "route"), list(routes_api.SCOPE_MATRIX))
def test_each_token_gets_what_the_scope_matrix_says(
    school: ScopedSchool, method: str, route: str, role: str, inside: bool
):
    call = CALLS[route](school, role, inside)
    assert call.method == method
    answers = routes_api.SCOPE_MATRIX[(method, route)][routes_api.TOKEN_ROLES.index(role)]
    status = answers[0 if inside else 1]
    code = error_code(route, role, status)
    watched = status == 403 and (method != "GET" or route in LOGGED)
    before = school.state() if watched else None
    with school.client(role) as client:
        response = client.request(
            method, call.path, params=call.params, json=call.body, headers=call.headers
        )
    assert response.status_code == status, response.text
    assert header_problems(response) == []
    if code is not None:
        assert set(response.json()) == {"error"}
        assert response.json()["error"]["code"] == code
        assert response.json()["error"]["message"]
    if before is not None:
        assert school.state() == before  # nothing written, nothing logged
    if status == 200 and route.startswith("/api/v1/records/"):
        chosen = {call.params["departments"]}
        assert {r["student"] for r in response.json()["records"]} == school.students_in(chosen)
