"""Guessing passwords over real HTTP: after ``login_max_failures`` wrong passwords a
username is paused, even for its right password, and no answer tells whether an account
exists or is deactivated.

Three usernames are attacked side by side: an active account, a deactivated one and one
that does not exist. Every answer is compared between them (status and message); a
fourth account shows that the pause is per username. The API has no sign-in of its own
(tokens are made by an administrator, 32 random bytes each): nothing to throttle there,
which the last test pins down.
"""

from __future__ import annotations

import re

import httpx
import pytest

from koppel.domain.accounts import Account, AccountKind, Role
from koppel.services.accounts.manage import add_account as add_account_to
from koppel.services.accounts.manage import deactivate_account
from koppel.settings import Settings
from koppel.store.database import connect
from koppel.store.unit_of_work import SqlAlchemyUnitOfWork
from tests.web.conftest import Portal, csrf_of

PASSWORD = "een-goed-wachtwoord-7"
MAX_FAILURES = Settings.model_fields["login_max_failures"].default
"""What the portal under test uses: it is started without KOPPEL_* settings."""


def add_account(portal: Portal, username: str, *, deactivated: bool = False) -> None:
    """A teacher's account with :data:`PASSWORD`, by the service ``koppel user add`` and
    ``koppel user deactivate`` call (the portal reads the same database)."""
    engine = connect(portal.database)
    account = Account(
        username=username,
        display_name=username,
        roles=frozenset({Role.TEACHER}),
        kind=AccountKind.OTHER,
    )
    add_account_to(SqlAlchemyUnitOfWork(engine), account, password=PASSWORD)
    if deactivated:
        assert deactivate_account(SqlAlchemyUnitOfWork(engine), username, actor="test")
    engine.dispose()


def attempt(portal: Portal, username: str, password: str) -> tuple[int, str]:
    """One sign-in from a fresh browser: the status and the message shown."""
    with httpx.Client(base_url=portal.url) as client:
        form = {
            "username": username,
            "password": password,
            "csrf_token": csrf_of(client.get("/login").text),
        }
        response = client.post("/login", data=form)
        if response.status_code == 303:
            return 303, ""
        shown = re.search(r'<p class="error" role="alert">([^<]*)</p>', response.text)
        assert shown, response.text
        return response.status_code, shown[1].strip()


@pytest.fixture(scope="module")
def usernames(portal: Portal) -> dict[str, str]:
    names = {
        "active": "gok-actief",
        "deactivated": "gok-uitgezet",
        "unknown": "gok-bestaat-niet",
        "bystander": "gok-omstander",
    }
    add_account(portal, names["active"])
    add_account(portal, names["deactivated"], deactivated=True)
    add_account(portal, names["bystander"])
    return names


def test_guessing_pauses_a_username_and_no_answer_tells_which_accounts_exist(
    portal: Portal, usernames: dict[str, str]
):
    attacked = ("active", "deactivated", "unknown")
    # a deactivated account with its right password looks like any wrong password
    assert attempt(portal, usernames["deactivated"], PASSWORD) == attempt(
        portal, usernames["unknown"], PASSWORD
    )
    for _ in range(MAX_FAILURES - 1):  # the attempt above was one failure for both
        wrong = {kind: attempt(portal, usernames[kind], "fout-123") for kind in attacked}
        assert wrong["active"][0] == 401
        assert len(set(wrong.values())) == 1, wrong
    refused = wrong["active"]
    assert attempt(portal, usernames["active"], "fout-123") == refused  # failure 5
    paused = {kind: attempt(portal, usernames[kind], PASSWORD) for kind in attacked}
    assert paused["active"][0] == 429
    assert paused["active"] != refused  # says to wait, not that the password is wrong
    assert len(set(paused.values())) == 1, paused
    # the same username in other letters or with spaces is the same username
    assert attempt(portal, f"  {usernames['active'].upper()} ", PASSWORD) == paused["active"]
    # a username that was not attacked signs in as usual
    assert attempt(portal, usernames["bystander"], PASSWORD) == (303, "")


def test_the_api_has_no_password_sign_in_to_guess_at(portal: Portal):
    document = httpx.get(f"{portal.url}/openapi.json").json()
    for path, operations in document["paths"].items():
        for operation in operations.values():
            fields = str(operation.get("requestBody", "")) + str(operation.get("parameters", ""))
            assert "password" not in fields.lower(), path
    guesses = [
        httpx.get(
            f"{portal.url}/api/v1/me", headers={"Authorization": f"Bearer guess-{number}"}
        ).status_code
        for number in range(3)
    ]
    assert guesses == [401, 401, 401]
