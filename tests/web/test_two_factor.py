"""Two-factor sign-in (TOTP) over real HTTP: codes computed by pyotp, as an app would."""

from __future__ import annotations

import html
import re
import time
from collections.abc import Iterator
from pathlib import Path

import httpx
import pyotp
import pytest

from tests.cli.runner import koppel
from tests.web.conftest import Portal, csrf_of, sign_in, start_portal

PASSWORD = "een-lang-wachtwoord-1"


def _account(portal: Portal, username: str, *roles: str) -> None:
    made = koppel(
        "user",
        "add",
        username,
        *[arg for role in roles or ("scheduler",) for arg in ("--role", role)],
        "--password-stdin",
        database=portal.database,
        stdin=PASSWORD + "\n",
    )
    assert made.code == 0, made.stderr


def _password_step(url: str, username: str, password: str, next_url: str = "/") -> httpx.Client:
    """Signs in with the password; the answer must send the browser to the code step."""
    client = httpx.Client(base_url=url)
    response = client.post(
        "/login",
        data={
            "username": username,
            "password": password,
            "csrf_token": csrf_of(client.get("/login").text),
            "next": next_url,
        },
    )
    assert response.status_code == 303, response.text
    assert response.headers["location"].startswith("/login/code"), response.headers
    return client


def _code_step(client: httpx.Client, code: str) -> httpx.Response:
    page = client.get("/login/code")
    assert page.status_code == 200, page.text
    return client.post(
        "/login/code",
        data={"csrf_token": csrf_of(page.text), "code": code, "next": "/account/tweestaps"},
    )


def _secret_on(page: str) -> str:
    found = re.search(r'id="totp-secret">([A-Z2-7 ]+)</code>', page)
    assert found, page
    return found[1].replace(" ", "")


def _turn_on(client: httpx.Client) -> pyotp.TOTP:
    """Sets two-factor sign-in up from the account's own page, as a user would."""
    page = client.get("/account/tweestaps")
    assert "staat uit" in page.text
    started = client.post("/account/tweestaps/instellen", data={"csrf_token": csrf_of(page.text)})
    assert started.status_code == 200
    secret = _secret_on(started.text)
    uri = re.search(r'id="totp-uri" class="secret">([^<]+)</a>', started.text)
    assert uri
    assert html.unescape(uri[1]).startswith("otpauth://totp/koppel")
    totp = pyotp.TOTP(secret)
    wrong = client.post(
        "/account/tweestaps/bevestigen",
        data={
            "csrf_token": csrf_of(started.text),
            "code": "000000" if totp.now() != "000000" else "111111",
        },
    )
    assert wrong.status_code == 422
    assert "klopt niet" in wrong.text
    assert _secret_on(wrong.text) == secret  # the same secret, to try again
    confirmed = client.post(
        "/account/tweestaps/bevestigen",
        data={"csrf_token": csrf_of(started.text), "code": totp.now()},
    )
    assert confirmed.status_code == 200, confirmed.text
    assert "staat nu aan" in confirmed.text
    return totp


def _code_at(totp: pyotp.TOTP, steps_ahead: int) -> str:
    return totp.at(time.time() + steps_ahead * 30)


def _wrong(totp: pyotp.TOTP) -> str:
    window = {_code_at(totp, k) for k in (-1, 0, 1)}
    return next(f"{n:06d}" for n in range(1_000_000) if f"{n:06d}" not in window)


def test_sign_in_asks_a_code_and_the_session_opens_nothing_before_it(portal: Portal):
    _account(portal, "tweestapper")
    client = sign_in(portal, "tweestapper", PASSWORD)
    totp = _turn_on(client)

    pending = _password_step(portal.url, "tweestapper", PASSWORD)
    before = pending.cookies.get("koppel_session")
    for path in ("/", "/account/wachtwoord", "/account/tweestaps"):
        denied = pending.get(path)
        assert denied.status_code == 303, path
        assert denied.headers["location"].startswith("/login?next="), path
    logout = pending.post("/logout", data={"csrf_token": csrf_of(pending.get("/login/code").text)})
    assert logout.status_code == 303
    assert logout.headers["location"].startswith("/login?next=")  # not a session for /logout
    page = pending.get("/login/code")
    assert "Code invoeren" in page.text
    assert "totp-secret" not in page.text  # the secret is never shown again
    assert "Uitloggen" not in page.text  # no navigation of a signed-in user

    wrong = _code_step(pending, _wrong(totp))
    assert wrong.status_code == 401
    assert "klopt niet" in wrong.text
    assert pending.get("/").status_code == 303

    right = _code_step(pending, _code_at(totp, 1))
    assert right.status_code == 303
    assert right.headers["location"] == "/account/tweestaps"
    after = pending.cookies.get("koppel_session")
    assert after
    assert after != before
    assert pending.get("/").status_code == 200
    stale = httpx.Client(base_url=portal.url, cookies={"koppel_session": before or ""})
    assert stale.get("/").status_code == 303


def test_a_code_is_accepted_once(portal: Portal):
    _account(portal, "eenmalig")
    totp = _turn_on(sign_in(portal, "eenmalig", PASSWORD))
    code = _code_at(totp, 1)
    first = _password_step(portal.url, "eenmalig", PASSWORD)
    assert _code_step(first, code).status_code == 303
    replay = _password_step(portal.url, "eenmalig", PASSWORD)
    refused = _code_step(replay, code)
    assert refused.status_code == 401
    assert "al gebruikt" in refused.text
    assert replay.get("/").status_code == 303


def test_wrong_codes_count_toward_the_pause(portal: Portal):
    _account(portal, "raadpleger")
    totp = _turn_on(sign_in(portal, "raadpleger", PASSWORD))
    pending = _password_step(portal.url, "raadpleger", PASSWORD)
    # the wrong code while setting it up (in _turn_on) was the first failure: a right
    # code on the account's page removes only its own attempt, never earlier failures
    for _ in range(4):
        assert _code_step(pending, _wrong(totp)).status_code == 401
    paused = _code_step(pending, _code_at(totp, 1))
    assert paused.status_code == 429
    assert paused.headers["retry-after"] == "900"
    assert "Te veel mislukte pogingen" in paused.text
    # the password alone does not clear the count either
    again = _password_step_paused(portal.url, "raadpleger", PASSWORD)
    assert "Te veel mislukte pogingen" in again.text


def _password_step_paused(url: str, username: str, password: str) -> httpx.Response:
    client = httpx.Client(base_url=url)
    response = client.post(
        "/login",
        data={
            "username": username,
            "password": password,
            "csrf_token": csrf_of(client.get("/login").text),
        },
    )
    assert response.status_code == 429
    return response


def test_turning_off_needs_a_current_code(portal: Portal):
    _account(portal, "uitzetter")
    client = sign_in(portal, "uitzetter", PASSWORD)
    totp = _turn_on(client)
    page = client.get("/account/tweestaps")
    assert "staat aan" in page.text
    refused = client.post(
        "/account/tweestaps/uitzetten",
        data={"csrf_token": csrf_of(page.text), "code": _wrong(totp)},
    )
    assert refused.status_code == 422
    done = client.post(
        "/account/tweestaps/uitzetten",
        data={"csrf_token": csrf_of(page.text), "code": _code_at(totp, 1)},
    )
    assert done.status_code == 200
    assert "staat nu uit" in done.text
    sign_in(portal, "uitzetter", PASSWORD).get("/").raise_for_status()  # the password only


def fresh_portal(tmp_path_factory: pytest.TempPathFactory, name: str) -> Iterator[Portal]:
    """A portal of its own on a new, small demo school, for tests that change the school."""
    database = f"sqlite:///{Path(tmp_path_factory.mktemp(name)) / 'koppel.db'}"
    built = koppel("demo", "--students", "60", "--seed", "5", "--json", database=database)
    assert built.code == 0, built.stderr
    data = built.json()
    process, base = start_portal(database)
    yield Portal(
        url=base,
        database=database,
        admin=(data["administrator"]["username"], data["administrator"]["password"]),
        personas=data["personas"]["usernames"],
        persona_password=data["personas"]["password"],
    )
    process.terminate()
    process.wait(timeout=10)


@pytest.fixture(scope="module")
def strict_school(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Portal]:
    """The school will require two-factor sign-in for administrators."""
    yield from fresh_portal(tmp_path_factory, "strict")


def test_when_the_school_requires_it_an_administrator_sets_it_up_first(strict_school: Portal):
    admin = sign_in(strict_school, *strict_school.admin)
    page = admin.get("/beheer/instellingen")
    saved = admin.post(
        "/beheer/instellingen",
        data={"csrf_token": csrf_of(page.text), "administrators_need_totp": "on"},
    )
    assert saved.status_code == 200
    assert "zelf nog geen tweestapsverificatie" in saved.text
    assert admin.get("/beheer/accounts").status_code == 200  # this session goes on

    # a second administrator, made by the first; a scheduler is not affected
    _account(strict_school, "tweedebeheerder", "administrator")
    scheduler = sign_in(strict_school, *strict_school.login_as("scheduler"))
    assert scheduler.get("/").status_code == 200

    pending = _password_step(strict_school.url, "tweedebeheerder", PASSWORD, "/beheer/tokens")
    assert pending.get("/beheer/accounts").status_code == 303
    setup = pending.get("/login/code")
    assert "Tweestapsverificatie instellen" in setup.text
    totp = pyotp.TOTP(_secret_on(setup.text))
    assert _code_step(pending, _wrong(totp)).status_code == 401
    done = pending.post(
        "/login/code",
        data={"csrf_token": csrf_of(setup.text), "code": totp.now(), "next": "/beheer/tokens"},
    )
    assert done.status_code == 303
    assert done.headers["location"] == "/beheer/tokens"
    own = pending.get("/account/tweestaps")
    assert "staat aan" in own.text
    refused = pending.post(
        "/account/tweestaps/uitzetten",
        data={"csrf_token": csrf_of(own.text), "code": _code_at(totp, 1)},
    )
    assert refused.status_code == 422
    assert "verplicht" in refused.text

    # a lost phone: the first administrator turns it off; the sessions end
    account = admin.get("/beheer/accounts/tweedebeheerder")
    assert "Tweestapsverificatie staat aan" in account.text
    reset = admin.post(
        "/beheer/accounts/tweedebeheerder/tweestaps-uit",
        data={"csrf_token": csrf_of(account.text)},
    )
    assert reset.status_code == 200
    assert "Tweestapsverificatie is uitgezet" in reset.text
    assert pending.get("/beheer/tokens").status_code == 303
    again = _password_step(strict_school.url, "tweedebeheerder", PASSWORD)
    new_setup = again.get("/login/code")
    assert "Tweestapsverificatie instellen" in new_setup.text
    assert _secret_on(new_setup.text) != totp.secret  # a new secret for the new phone
    log = admin.get("/beheer/logboek").text
    assert "account.totp_reset" in log
    assert totp.secret not in log


def test_the_command_line_turns_two_factor_off_for_a_lost_phone(portal: Portal):
    _account(portal, "telefoonkwijt")
    session = sign_in(portal, "telefoonkwijt", PASSWORD)
    _turn_on(session)
    _password_step(portal.url, "telefoonkwijt", PASSWORD)
    reset = koppel("user", "reset-totp", "telefoonkwijt", "--json", database=portal.database)
    assert reset.code == 0, reset.stderr
    assert reset.json() == {"username": "telefoonkwijt", "reset": True}
    assert session.get("/").status_code == 303  # its sessions ended
    assert sign_in(portal, "telefoonkwijt", PASSWORD).get("/").status_code == 200
    again = koppel("user", "reset-totp", "telefoonkwijt", database=portal.database)
    assert "stond al uit" in again.stdout
