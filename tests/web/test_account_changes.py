"""Changing one's password, an administrator's reset and deactivation, over real HTTP."""

from __future__ import annotations

import re

import httpx

from tests.cli.runner import koppel
from tests.web.conftest import Portal, csrf_of, sign_in


def _new_account(portal: Portal, username: str, password: str) -> None:
    made = koppel(
        "user",
        "add",
        username,
        "--role",
        "scheduler",
        "--password-stdin",
        database=portal.database,
        stdin=password + "\n",
    )
    assert made.code == 0, made.stderr


def test_changing_the_password_ends_other_sessions_but_not_this_one(portal: Portal):
    _new_account(portal, "wisselaar", "eerste-wachtwoord-1")
    here = sign_in(portal, "wisselaar", "eerste-wachtwoord-1")
    elsewhere = sign_in(portal, "wisselaar", "eerste-wachtwoord-1")
    page = here.get("/account/wachtwoord")
    assert page.status_code == 200
    token = csrf_of(page.text)
    wrong = here.post(
        "/account/wachtwoord",
        data={
            "csrf_token": token,
            "current": "fout",
            "new": "tweede-wachtwoord-2",
            "repeat": "tweede-wachtwoord-2",
        },
    )
    assert wrong.status_code == 422
    assert "huidige wachtwoord klopt niet" in wrong.text
    differ = here.post(
        "/account/wachtwoord",
        data={
            "csrf_token": token,
            "current": "eerste-wachtwoord-1",
            "new": "tweede-wachtwoord-2",
            "repeat": "iets-anders-3333",
        },
    )
    assert differ.status_code == 422
    no_csrf = here.post(
        "/account/wachtwoord",
        data={
            "current": "eerste-wachtwoord-1",
            "new": "tweede-wachtwoord-2",
            "repeat": "tweede-wachtwoord-2",
        },
    )
    assert no_csrf.status_code == 403
    done = here.post(
        "/account/wachtwoord",
        data={
            "csrf_token": token,
            "current": "eerste-wachtwoord-1",
            "new": "tweede-wachtwoord-2",
            "repeat": "tweede-wachtwoord-2",
        },
    )
    assert done.status_code == 200
    assert "gewijzigd" in done.text
    assert here.get("/").status_code == 200
    assert elsewhere.get("/").status_code == 303
    sign_in(portal, "wisselaar", "tweede-wachtwoord-2")


def test_reset_and_deactivation_end_sessions_and_tokens(portal: Portal):
    _new_account(portal, "vertrekker", "eerste-wachtwoord-1")
    session = sign_in(portal, "vertrekker", "eerste-wachtwoord-1")
    reset = koppel("user", "reset-password", "vertrekker", "--json", database=portal.database)
    assert reset.code == 0, reset.stderr
    assert session.get("/").status_code == 303
    new_password = reset.json()["password"]
    session = sign_in(portal, "vertrekker", new_password)
    token = koppel(
        "token",
        "create",
        "vertrekker-pc",
        "--user",
        "vertrekker",
        "--department",
        "4V",
        "--json",
        database=portal.database,
    ).json()["token"]
    api = {"Authorization": f"Bearer {token}"}
    assert httpx.get(f"{portal.url}/api/v1/me", headers=api).status_code == 200

    off = koppel("user", "deactivate", "vertrekker", "--json", database=portal.database)
    assert off.json() == {"username": "vertrekker", "deactivated": True}
    assert session.get("/").status_code == 303
    assert httpx.get(f"{portal.url}/api/v1/me", headers=api).status_code == 401
    client = httpx.Client(base_url=portal.url)
    refused = client.post(
        "/login",
        data={
            "username": "vertrekker",
            "password": new_password,
            "csrf_token": csrf_of(client.get("/login").text),
        },
    )
    assert refused.status_code == 401
    again = koppel("user", "deactivate", "vertrekker", "--json", database=portal.database)
    assert again.json()["deactivated"] is False


def test_the_administrator_sees_who_changed_what_in_the_audit_log(portal: Portal, admin):
    _new_account(portal, "gelogd", "eerste-wachtwoord-1")
    koppel("user", "reset-password", "gelogd", database=portal.database)
    html = admin.get("/beheer/logboek").text
    rows = re.findall(
        r"<tr><td>[^<]+</td><td>([^<]+)</td><td>([^<]+)</td>\s*<td>([^<]+)</td>", html
    )
    assert ("cli", "account.password_reset", "account gelogd") in rows
    assert ("cli", "account.add", "account gelogd") in rows
    assert rows.index(("cli", "account.password_reset", "account gelogd")) < rows.index(
        ("cli", "account.add", "account gelogd")
    )  # newest first
