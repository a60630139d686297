"""The security headers on every answer of a real portal, and no inline script or style
in any template (the Content-Security-Policy blocks them).

Every route of the authorization matrix, for every role, is checked by the matrix itself
(tests/web/test_authorization_matrix.py, with :mod:`tests.security.answers`); here the
answers that no route plans for: 404, 405, 422, static files, redirects, the API's JSON
answers and errors with a real token, and a bug's 500 (an audit entry that is not JSON).
"""

from __future__ import annotations

from pathlib import Path

import httpx
import pytest
from sqlalchemy import text

from koppel.store.database import connect
from tests.cli.runner import koppel
from tests.security.answers import INLINE_CODE, TEMPLATES, header_problems, inline_code
from tests.web.conftest import Portal, demo_portal, sign_in


@pytest.fixture(scope="module")
def token(portal: Portal) -> str:
    """A scheduler's API token (the connector's), so that the API answers past its 401."""
    made = koppel(
        "token",
        "create",
        "security-headers",
        "--user",
        portal.login_as("scheduler")[0],
        "--department",
        "4H,4V",
        "--json",
        database=portal.database,
    )
    assert made.code == 0, made.stderr
    return str(made.json()["token"])


@pytest.mark.parametrize(
    ("role", "method", "path", "status"),
    [
        ("anonymous", "GET", "/niet-hier", 404),
        ("administrator", "GET", "/niet-hier", 404),
        ("administrator", "GET", "/logout", 405),
        ("administrator", "OPTIONS", "/", 405),
        ("administrator", "GET", "/beheer/jaarovergang/stap/twee", 422),
        ("anonymous", "GET", "/static/koppel.css", 200),
        ("anonymous", "GET", "/static/htmx-2.0.11.min.js", 200),
        ("anonymous", "GET", "/static/transition.js", 200),
        ("anonymous", "GET", "/static/niet-hier.js", 404),
        ("anonymous", "GET", "/static/../app.py", 404),
        ("anonymous", "GET", "/?lang=en", 303),
        ("student", "GET", "/leerling?lang=en", 200),
    ],
)
def test_answers_no_route_plans_for_carry_the_headers(
    clients: dict[str, httpx.Client], role: str, method: str, path: str, status: int
):
    response = clients[role].request(method, path)
    assert response.status_code == status
    assert header_problems(response) == []


@pytest.mark.parametrize(
    ("method", "path", "body", "status"),
    [
        ("GET", "/api/v1/me", None, 200),
        ("GET", "/api/v1/records/students", None, 200),
        ("GET", "/api/v1/records/personal_data", None, 200),
        ("GET", "/api/v1/records/no_such_domain", None, 404),
        ("GET", "/api/v1/records/students?limit=-1", None, 422),
        ("POST", "/api/v1/uploads", b"{not json", 422),
        ("PUT", "/api/v1/students/000001/cluster-groups", b"[]", 422),
        ("POST", "/api/v1/changesets/0123456789ab/undo", None, 404),
    ],
)
def test_api_answers_and_json_errors_carry_the_headers(
    portal: Portal, token: str, method: str, path: str, body: bytes | None, status: int
):
    response = httpx.request(
        method,
        f"{portal.url}{path}",
        content=body,
        headers={"Authorization": f"Bearer {token}", "Content-Type": "application/json"},
    )
    assert response.status_code == status, response.text
    assert response.headers["content-type"].startswith("application/json")
    assert header_problems(response) == []


def test_an_unexpected_error_is_a_bare_500_with_the_headers(tmp_path: Path):
    with demo_portal(tmp_path, students=50) as broken:
        administrator = sign_in(broken, *broken.admin)  # signing in writes to the log
        engine = connect(broken.database)
        with engine.begin() as connection:
            connection.execute(text("UPDATE audit_entries SET after = '{not json'"))
        engine.dispose()
        response = administrator.get("/beheer/logboek")
    assert response.status_code == 500
    assert response.text == "Internal Server Error"  # no traceback, no SQL, no data
    assert header_problems(response) == []


@pytest.mark.parametrize("template", sorted(TEMPLATES.rglob("*.html")), ids=lambda path: path.name)
def test_no_template_holds_code_or_style_that_the_policy_blocks(template: Path):
    assert inline_code(template.read_text(encoding="utf-8")) == []


def test_the_template_scan_finds_what_it_looks_for():
    planted = (
        '<script>alert(1)</script><a onclick="x()" href="javascript:x()" style="color:red">'
        '<style>p{}</style><div hx-on:click="x()"></div>'
    )
    assert len(inline_code(planted)) == len(INLINE_CODE)
    assert inline_code('<script src="/static/a.js" defer></script><a href="/x">') == []


def test_the_header_check_sees_what_is_missing():
    bare = httpx.Response(200, request=httpx.Request("GET", "http://127.0.0.1/afdelingen"))
    assert len(header_problems(bare)) == 8
    weak = httpx.Response(
        200,
        headers={
            "Content-Security-Policy": "default-src 'self'; script-src 'self' 'unsafe-inline'"
        },
        request=httpx.Request("GET", "http://127.0.0.1/static/a.js"),
    )
    assert any("unsafe-inline" in problem for problem in header_problems(weak))
