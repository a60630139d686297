"""A form posted WITH the session's valid CSRF token by a role that may not use it is
still refused (403) and changes nothing in the database.

The authorization matrix posts without the token, so there the CSRF check alone could be
what refuses; here the token is right and only the role check stands between a signed-in
pupil and the administrator's forms. The forms carry plausible values, so that a missing
role check would really change something.
"""

from __future__ import annotations

import hashlib
from collections.abc import Iterator

import httpx
import pytest
from sqlalchemy import select

from koppel.settings import Settings
from koppel.store import tables as t
from koppel.store.database import connect
from koppel.web.app import create_app
from tests.web.conftest import Portal, csrf_of, sign_in
from tests.web.routes_admin import MATRIX as ADMIN_MATRIX
from tests.web.routes_admin import ROUTE_OF as ADMIN_ROUTE_OF
from tests.web.test_authorization_matrix import _routes

NON_ADMINISTRATORS = ("scheduler", "team_leader", "mentor", "teacher", "student")
VOLATILE = {"sessions", "login_failures"}
"""Rows that signing in and every request touch (last seen); no form writes them."""

FORMS: dict[str, dict[str, str]] = {
    "/beheer/accounts": {
        "username": "indringer",
        "display_name": "Indringer",
        "email": "indringer@example.org",
        "role": "administrator",
        "roles": "administrator",
    },
    "/beheer/accounts/beheerder/toegang": {"roles": "student", "role": "student"},
    "/beheer/accounts/beheerder/wachtwoord": {"password": "Overgenomen-123456"},
    "/beheer/afdelingen/4V": {"lead": "project", "subjects": "netl entl"},
    "/beheer/docentplanner/koppelen": {"staff_code": "HAK", "group": "1M1", "role": "mentor"},
    "/beheer/docentplanner/ontkoppelen": {"staff_code": "HAK", "group": "1M1", "role": "mentor"},
    "/beheer/jaarovergang/stap/3/toepassen": {"confirm": "ja", "force": "ja"},
    "/beheer/jaarovergang/klaarzetten/toepassen": {"confirm": "on"},
    "/beheer/jaarovergang/klaarzetten/afdelingen": {
        "new_code": "1T",
        "name": "1 Technasium",
        "education_type": "HAVO/VWO",
        "lead": "portal",
    },
    "/beheer/jaarovergang/klaarzetten/afdelingen/4V": {"name": "4 VWO", "is_open": "closed"},
    "/beheer/jaarovergang/doorzetten/toepassen": {"confirm": "on"},
    "/beheer/jaarovergang/wisselen/toepassen": {"confirm": "on", "force": "on", "reason": "x"},
    "/beheer/koppeling/0123456789ab/goedkeuren": {"confirm": "ja"},
    "/beheer/tokens": {"name": "overgenomen", "username": "beheerder", "role": "administrator"},
    "/beheer/instellingen": {"administrators_need_totp": "", "mentors_edit_prognoses": "on"},
}
ADMIN_POSTS = sorted(
    path for method, path in ADMIN_MATRIX if method == "POST" and path.startswith("/beheer/")
)


def fingerprint(database: str) -> str:
    """A hash of every row that a form could change."""
    engine = connect(database)
    digest = hashlib.sha256()
    with engine.connect() as connection:
        for table in sorted(t.metadata.sorted_tables, key=lambda table: table.name):
            if table.name in VOLATILE:
                continue
            rows = sorted(repr(tuple(row)) for row in connection.execute(select(table)))
            digest.update(f"{table.name}:{len(rows)}:{rows}".encode())
    engine.dispose()
    return digest.hexdigest()


@pytest.fixture(scope="module")
def signed_in(portal: Portal) -> Iterator[dict[str, tuple[httpx.Client, str]]]:
    """role -> a signed-in client and its session's CSRF token."""
    made = {}
    for role in NON_ADMINISTRATORS:
        client = sign_in(portal, *portal.login_as(role))
        made[role] = (client, csrf_of(client.get("/account/wachtwoord").text))
    yield made
    for client, _token in made.values():
        client.close()


def test_every_administrators_form_of_the_app_is_tried():
    app = create_app(Settings(database_url="sqlite:///:memory:"))
    forms = {path for method, path in _routes(app) if method == "POST" and "/beheer/" in path}
    assert {ADMIN_ROUTE_OF.get(path, path) for path in ADMIN_POSTS} == forms
    assert set(FORMS) <= set(ADMIN_POSTS)


@pytest.mark.parametrize("role", NON_ADMINISTRATORS)
def test_a_valid_csrf_token_does_not_open_the_administrators_forms(
    portal: Portal, signed_in: dict[str, tuple[httpx.Client, str]], role: str
):
    client, token = signed_in[role]
    before = fingerprint(portal.database)
    answers = {
        path: client.post(path, data={**FORMS.get(path, {}), "csrf_token": token}).status_code
        for path in ADMIN_POSTS
    }
    assert answers == dict.fromkeys(ADMIN_POSTS, 403)
    assert fingerprint(portal.database) == before
    assert client.get("/account/wachtwoord").status_code == 200  # the token was valid


@pytest.mark.parametrize(
    ("role", "path", "form"),
    [
        ("student", "/afdelingen/1M/selectie", {"action": "lwoo", "students": "000001"}),
        ("teacher", "/afdelingen/1M/selectie", {"action": "lwoo", "students": "000001"}),
        ("team_leader", "/afdelingen/6V/selectie", {"action": "lwoo", "students": "000001"}),
        ("student", "/mentor/leerlingen/{own}", {"prognosis": "2M 100"}),
        ("scheduler", "/leerling/pakket/1M", {"subjects": "netl"}),
        ("scheduler", "/afdelingen/1M/doorzetten", {"confirm": "on"}),
        ("team_leader", "/afdelingen/6V/doorzetten", {"confirm": "on"}),
        ("mentor", "/afdelingen/1M/doorzetten", {"confirm": "on"}),
    ],
)
def test_a_valid_csrf_token_does_not_open_other_roles_planning_forms(
    portal: Portal,
    signed_in: dict[str, tuple[httpx.Client, str]],
    role: str,
    path: str,
    form: dict[str, str],
):
    client, token = signed_in[role]
    before = fingerprint(portal.database)
    concrete = path.format(own=portal.personas["student"])
    response = client.post(concrete, data={**form, "csrf_token": token})
    assert response.status_code == 403
    assert fingerprint(portal.database) == before
