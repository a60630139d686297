"""API tokens: made from the command line, used as bearer tokens over real HTTP."""

from __future__ import annotations

import hashlib

import httpx
from sqlalchemy import select

from koppel.store import tables as t
from koppel.store.database import connect
from tests.cli.runner import koppel
from tests.web.conftest import Portal


def test_a_token_is_shown_once_stored_hashed_works_and_can_be_revoked(portal: Portal):
    scheduler = portal.personas["scheduler"]
    made = koppel(
        "token",
        "create",
        "rooster-pc",
        "--user",
        scheduler,
        "--department",
        "4v",
        "--department",
        "5V, 6V",
        "--json",
        database=portal.database,
    )
    assert made.code == 0, made.stderr
    token = made.json()["token"]
    assert made.json()["departments"] == ["4V", "5V", "6V"]
    assert token.startswith("kpl_")
    assert len(token) > 40

    engine = connect(portal.database)
    with engine.connect() as connection:
        stored = connection.execute(select(t.api_tokens.c.token_hash)).scalars().all()
    engine.dispose()
    assert token not in stored
    assert hashlib.sha256(token.encode()).hexdigest() in stored

    me = httpx.get(f"{portal.url}/api/v1/me", headers={"Authorization": f"Bearer {token}"})
    assert me.status_code == 200
    assert me.json() == {
        "username": scheduler,
        "display_name": me.json()["display_name"],
        "role": "scheduler",
        "token": "rooster-pc",
        "departments": ["4V", "5V", "6V"],
    }

    listed = koppel("token", "list", "--json", database=portal.database).json()["tokens"]
    assert [
        (x["name"], x["departments"], x["revoked"]) for x in listed if x["name"] == "rooster-pc"
    ] == [("rooster-pc", ["4V", "5V", "6V"], False)]
    assert token not in str(listed)
    table = koppel("token", "list", database=portal.database)
    assert "4V, 5V, 6V" in table.stdout

    assert koppel("token", "revoke", "rooster-pc", database=portal.database).code == 0
    after = httpx.get(f"{portal.url}/api/v1/me", headers={"Authorization": f"Bearer {token}"})
    assert after.status_code == 401
    again = koppel("token", "revoke", "rooster-pc", "--json", database=portal.database)
    assert again.json() == {"name": "rooster-pc", "revoked": False}


def test_requests_without_a_valid_token_get_401_in_one_error_shape(portal: Portal):
    for headers in ({}, {"Authorization": "Bearer kpl_nope"}, {"Authorization": "Basic eDp5"}):
        response = httpx.get(f"{portal.url}/api/v1/me", headers=headers)
        assert response.status_code == 401
        assert response.headers["www-authenticate"] == "Bearer"
        assert response.json()["error"]["code"] == "api.unauthorised"
        assert "Bearer" in response.json()["error"]["message"]


def test_a_token_can_only_have_a_role_of_its_account(portal: Portal):
    run = koppel(
        "token",
        "create",
        "te-veel",
        "--user",
        portal.personas["teacher"],
        "--role",
        "administrator",
        database=portal.database,
    )
    assert run.code == 2
    assert "heeft de rol beheerder niet" in run.stderr  # the users' word, not the code


def test_the_api_is_in_the_openapi_document(portal: Portal):
    document = httpx.get(f"{portal.url}/openapi.json").json()
    assert "/api/v1/me" in document["paths"]
    assert "HTTPBearer" in document["components"]["securitySchemes"]


def _create(portal: Portal, name: str, *options: str) -> tuple[int, str]:
    run = koppel("token", "create", name, *options, database=portal.database)
    return run.code, run.stderr


def _token_names(portal: Portal) -> set[str]:
    engine = connect(portal.database)
    with engine.connect() as connection:
        names = set(connection.scalars(select(t.api_tokens.c.name)))
    engine.dispose()
    return names


def test_a_schedulers_token_needs_departments_and_only_a_schedulers_has_them(portal: Portal):
    scheduler, admin = portal.personas["scheduler"], portal.admin[0]
    code, message = _create(portal, "zonder-afdeling", "--user", scheduler)
    assert code == 2
    assert "--department" in message
    code, message = _create(
        portal, "beheer-4v", "--user", admin, "--role", "administrator", "--department", "4V"
    )
    assert code == 2
    assert "hele school" in message
    code, message = _create(portal, "onbekend", "--user", scheduler, "--department", "4V,9Q")
    assert code == 2
    assert "9Q" in message
    assert {"zonder-afdeling", "beheer-4v", "onbekend"}.isdisjoint(_token_names(portal))


def test_an_administrators_token_is_for_the_whole_school(portal: Portal):
    made = koppel(
        "token",
        "create",
        "beheer-pc",
        "--user",
        portal.admin[0],
        "--role",
        "administrator",
        "--json",
        database=portal.database,
    )
    assert made.code == 0, made.stderr
    assert made.json()["departments"] is None
    me = httpx.get(
        f"{portal.url}/api/v1/me", headers={"Authorization": f"Bearer {made.json()['token']}"}
    )
    assert me.json()["departments"] is None
    listed = koppel("token", "list", "--json", database=portal.database).json()["tokens"]
    assert [x["departments"] for x in listed if x["name"] == "beheer-pc"] == [None]
