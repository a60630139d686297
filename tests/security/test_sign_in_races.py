"""Counting before checking, over real HTTP on SQLite and PostgreSQL: many attempts at
once never get more secrets checked than the limit allows.

Each database gets one school (``koppel init``) and two real ``koppel serve`` processes
on it: a *patient* one, whose sign-ins wait as long as needed for their turn at a
password check (so every attempt that is not paused really is checked), and a *busy*
one with a single turn and no waiting (``KOPPEL_SIGN_IN_WAIT_SECONDS=0``), for the
flood. Attempts start together behind a barrier, each from an HTTP client of its own.

What was checked is seen without looking inside: a checked wrong secret answers with
its own message ("klopt niet") and leaves one row in ``login_failures``; an attempt
refused before any check answers 429 with Retry-After and leaves none. The requests
come from 127.0.0.1, which ``koppel serve`` trusts as a proxy, so each test names its
own client address in ``X-Forwarded-For`` (documentation ranges, never contacted).
"""

from __future__ import annotations

import re
import threading
import time
from collections import Counter
from collections.abc import Callable
from concurrent.futures import ThreadPoolExecutor
from contextlib import ExitStack
from dataclasses import dataclass
from pathlib import Path

import httpx
import pyotp
import pytest
from sqlalchemy import func, select

from koppel.domain.accounts import Account, AccountKind, Role
from koppel.services.accounts.attempts import address_key
from koppel.services.accounts.manage import add_account
from koppel.settings import Settings
from koppel.store import tables as t
from koppel.store.database import connect
from koppel.store.unit_of_work import SqlAlchemyUnitOfWork
from tests.cli.runner import koppel
from tests.security.run_logs import register_secret
from tests.security.test_cookies import set_cookies
from tests.web.conftest import csrf_of, start_portal
from tests.web.test_api_uploads import postgres_database

PASSWORD = "samen-tegelijk-raden-7"
MAX_FAILURES = Settings.model_fields["login_max_failures"].default
AT_ONCE = 50
PER_ADDRESS = 8
"""The patient portal's limit per address (the default, 100, would take long to reach)."""
TIMEOUT = httpx.Timeout(120)
"""Attempts queue for their turn at a password check: far longer than any test needs."""


@dataclass(frozen=True)
class School:
    database: str
    patient: str
    """The URL of the portal whose sign-ins wait for their turn."""
    busy: str
    """The URL of the portal with one turn and no waiting."""

    def account(self, username: str) -> str:
        engine = connect(self.database)
        account = Account(
            username=username,
            display_name=username,
            roles=frozenset({Role.TEACHER}),
            kind=AccountKind.OTHER,
        )
        add_account(SqlAlchemyUnitOfWork(engine), account, password=PASSWORD)
        engine.dispose()
        return username

    def failures(self, key: str) -> int:
        engine = connect(self.database)
        with engine.connect() as connection:
            f = t.login_failures
            found = connection.scalar(select(func.count()).where(f.c.key == key)) or 0
        engine.dispose()
        return int(found)


@pytest.fixture(
    scope="module", params=["sqlite", pytest.param("postgresql", marks=pytest.mark.postgres)]
)
def school(request: pytest.FixtureRequest, tmp_path_factory: pytest.TempPathFactory):
    register_secret("password", PASSWORD)
    with ExitStack() as stack:
        if request.param == "postgresql":
            database = stack.enter_context(postgres_database())
        else:
            database = f"sqlite:///{Path(tmp_path_factory.mktemp('races')) / 'koppel.db'}"
        made = koppel("init", database=database)
        assert made.code == 0, made.stderr
        urls = []
        for env in (
            {
                "KOPPEL_SIGN_IN_WAIT_SECONDS": "120",
                "KOPPEL_LOGIN_MAX_FAILURES_PER_ADDRESS": str(PER_ADDRESS),
            },
            {"KOPPEL_SIGN_IN_HASHES": "1", "KOPPEL_SIGN_IN_WAIT_SECONDS": "0"},
        ):
            process, url = start_portal(database, {"KOPPEL_LOG_LEVEL": "warning", **env})
            stack.callback(_stop, process)
            urls.append(url)
        yield School(database, *urls)


def _stop(process) -> None:  # type: ignore[no-untyped-def]
    process.terminate()
    process.wait(timeout=15)


def from_address(address: str) -> dict[str, str]:
    """Headers of a request that a trusted proxy passed on from ``address``."""
    return {"X-Forwarded-For": address}


def at_once(count: int, prepare: Callable[[int], Callable[[], httpx.Response]]) -> list:
    """``count`` requests, each prepared on its own (a form read, a client made), then
    sent together; their answers in order."""
    barrier = threading.Barrier(count)

    def one(index: int) -> httpx.Response:
        send = prepare(index)
        barrier.wait(timeout=120)
        return send()

    with ThreadPoolExecutor(count) as pool:
        return list(pool.map(one, range(count)))


def message(response: httpx.Response) -> str:
    shown = re.search(r'<p class="error"[^>]*>([^<]*)</p>', response.text)
    return shown[1].strip() if shown else ""


def tally(answers: list[httpx.Response]) -> Counter[tuple[int, str]]:
    return Counter((answer.status_code, message(answer)) for answer in answers)


def sign_in_attempt(url: str, username: str, password: str, address: str):
    """A browser that reads the sign-in form; the returned call posts it."""
    client = httpx.Client(base_url=url, headers=from_address(address), timeout=TIMEOUT)
    form = {
        "username": username,
        "password": password,
        "csrf_token": csrf_of(client.get("/login").text),
    }

    def send() -> httpx.Response:
        try:
            return client.post("/login", data=form)
        finally:
            client.close()

    return send


def signed_in(url: str, username: str, address: str) -> httpx.Client:
    client = httpx.Client(base_url=url, headers=from_address(address), timeout=TIMEOUT)
    form = {
        "username": username,
        "password": PASSWORD,
        "csrf_token": csrf_of(client.get("/login").text),
    }
    answer = client.post("/login", data=form)
    assert answer.status_code == 303, answer.text
    return client


def copy_of(client: httpx.Client) -> httpx.Client:
    """Another connection with the same session (the same browser, many tabs)."""
    return httpx.Client(
        base_url=client.base_url, headers=client.headers, cookies=client.cookies, timeout=TIMEOUT
    )


def assert_checked_at_most_the_limit(
    answers: list[httpx.Response], wrong: str, paused_status: int = 429
) -> None:
    """Exactly the limit were checked (each answered ``wrong``); the rest were refused
    before any check, with Retry-After."""
    seen = tally(answers)
    checked = sum(n for (_status, shown), n in seen.items() if wrong in shown)
    paused = [a for a in answers if "Te veel mislukte pogingen" in message(a)]
    assert checked == MAX_FAILURES, seen
    assert len(paused) == len(answers) - MAX_FAILURES, seen
    assert {a.status_code for a in paused} == {paused_status}, seen
    assert {a.headers.get("retry-after") for a in paused} == {"900"}, seen


def test_fifty_wrong_passwords_at_once_check_only_five_and_then_the_right_one_waits(
    school: School,
):
    username = school.account("tegelijk-geraden")
    address = "192.0.2.10"
    answers = at_once(
        AT_ONCE, lambda i: sign_in_attempt(school.patient, username, f"fout-{i}", address)
    )
    assert_checked_at_most_the_limit(answers, "klopt niet")
    assert {a.status_code for a in answers if "klopt niet" in message(a)} == {401}
    assert school.failures(username) == MAX_FAILURES  # one row per checked password
    right = sign_in_attempt(school.patient, username, PASSWORD, address)()
    assert right.status_code == 429
    assert "Te veel mislukte pogingen" in message(right)


def test_wrong_current_passwords_at_once_on_the_password_page(school: School):
    username = school.account("wachtwoord-raden")
    client = signed_in(school.patient, username, "192.0.2.11")
    token = csrf_of(client.get("/account/wachtwoord").text)

    def attempt(current: str) -> Callable[[], httpx.Response]:
        tab = copy_of(client)
        data = {
            "csrf_token": token,
            "current": current,
            "new": "nieuw-wachtwoord-8",
            "repeat": "nieuw-wachtwoord-8",
        }
        return lambda: tab.post("/account/wachtwoord", data=data)

    answers = at_once(AT_ONCE, lambda i: attempt(f"fout-{i}"))
    assert_checked_at_most_the_limit(answers, "huidige wachtwoord klopt niet")
    assert school.failures(username) == MAX_FAILURES
    right = attempt(PASSWORD)()
    assert right.status_code == 429
    assert sign_in_attempt(school.patient, username, PASSWORD, "192.0.2.11")().status_code == 429


def _turn_on(client: httpx.Client) -> pyotp.TOTP:
    page = client.get("/account/tweestaps")
    started = client.post("/account/tweestaps/instellen", data={"csrf_token": csrf_of(page.text)})
    found = re.search(r'id="totp-secret">([A-Z2-7 ]+)</code>', started.text)
    assert found, started.text
    totp = pyotp.TOTP(found[1].replace(" ", ""))
    done = client.post(
        "/account/tweestaps/bevestigen",
        data={"csrf_token": csrf_of(started.text), "code": totp.now()},
    )
    assert "staat nu aan" in done.text, done.text
    return totp


def wrong_codes(totp: pyotp.TOTP, count: int) -> list[str]:
    """Codes that no step near now has (the right ones are three of a million)."""
    near = {totp.at(time.time() + 30 * step) for step in range(-3, 4)}
    return [code for code in (f"{n:06d}" for n in range(1000, 2000)) if code not in near][:count]


def test_wrong_codes_at_once_at_sign_in(school: School):
    username = school.account("code-raden")
    totp = _turn_on(signed_in(school.patient, username, "192.0.2.12"))
    pending = signed_in(school.patient, username, "192.0.2.12")  # the password step
    token = csrf_of(pending.get("/login/code").text)

    def attempt(code: str) -> Callable[[], httpx.Response]:
        tab = copy_of(pending)
        return lambda: tab.post("/login/code", data={"csrf_token": token, "code": code})

    codes = wrong_codes(totp, AT_ONCE)
    answers = at_once(AT_ONCE, lambda i: attempt(codes[i]))
    assert_checked_at_most_the_limit(answers, "De code klopt niet")
    assert school.failures(username) == MAX_FAILURES
    assert attempt(totp.now())().status_code == 429  # the right code waits too


@pytest.mark.parametrize("turning", ["on", "off"])
def test_wrong_codes_at_once_when_turning_two_factor_on_or_off(school: School, turning: str):
    username = school.account(f"tweestaps-{turning}")
    client = signed_in(school.patient, username, "192.0.2.13")
    if turning == "on":
        page = client.post(
            "/account/tweestaps/instellen",
            data={"csrf_token": csrf_of(client.get("/account/tweestaps").text)},
        )
        found = re.search(r'id="totp-secret">([A-Z2-7 ]+)</code>', page.text)
        assert found
        totp, path = pyotp.TOTP(found[1].replace(" ", "")), "/account/tweestaps/bevestigen"
    else:
        totp, path = _turn_on(client), "/account/tweestaps/uitzetten"
    token = csrf_of(client.get("/account/tweestaps").text)

    def attempt(code: str) -> Callable[[], httpx.Response]:
        tab = copy_of(client)
        return lambda: tab.post(path, data={"csrf_token": token, "code": code})

    codes = wrong_codes(totp, AT_ONCE)
    answers = at_once(AT_ONCE, lambda i: attempt(codes[i]))
    assert_checked_at_most_the_limit(answers, "De code klopt niet")
    assert school.failures(username) == MAX_FAILURES
    assert attempt(totp.now())().status_code == 429
    expected = "staat uit" if turning == "on" else "staat aan"  # nothing changed
    assert expected in client.get("/account/tweestaps").text


def test_one_address_trying_many_usernames_is_paused_and_another_address_is_not(
    school: School,
):
    address = "198.51.100.20"
    answers = at_once(
        20, lambda i: sign_in_attempt(school.patient, f"niemand-{i}", "geraden-wachtwoord", address)
    )
    seen = tally(answers)
    refused = [a for a in answers if a.status_code == 401]
    paused = [a for a in answers if a.status_code == 429]
    assert len(refused) == PER_ADDRESS, seen  # unknown usernames are checked, and count
    assert len(paused) == 20 - PER_ADDRESS, seen
    assert all("vanaf dit netwerk" in message(a) for a in paused), seen
    assert {a.headers["retry-after"] for a in paused} == {"900"}
    assert school.failures(str(address_key(address))) == PER_ADDRESS
    # a username of its own, but from the same address: paused as well
    username = school.account("zelfde-netwerk")
    assert sign_in_attempt(school.patient, username, PASSWORD, address)().status_code == 429
    # the next address signs in as usual
    assert sign_in_attempt(school.patient, username, PASSWORD, "198.51.100.21")().status_code == 303


def test_a_flood_gets_429_with_retry_after_while_a_signed_in_page_still_answers(
    school: School,
):
    reader = signed_in(school.busy, school.account("lezer-tijdens-vloed"), "192.0.2.30")
    address = "203.0.113.50"
    pages: list[int] = []
    stop = threading.Event()

    def read() -> None:
        with copy_of(reader) as tab:
            while not stop.is_set():
                pages.append(tab.get("/account/wachtwoord").status_code)

    browsing = threading.Thread(target=read)
    browsing.start()
    try:
        answers = at_once(
            40, lambda i: sign_in_attempt(school.busy, f"vloed-{i}", "geraden-wachtwoord", address)
        )
    finally:
        stop.set()
        browsing.join(timeout=120)
    seen = tally(answers)
    busy = [a for a in answers if a.status_code == 429]
    assert busy, seen  # one turn, no waiting: forty at once cannot all be checked
    assert {a.status_code for a in answers} <= {401, 429}, seen
    assert all("erg veel tegelijk" in message(a) for a in busy), seen
    assert {a.headers["retry-after"] for a in busy} == {"5"}
    # an attempt that got no turn was never checked: it counts as no failure
    checked = len(answers) - len(busy)
    assert school.failures(str(address_key(address))) == checked
    assert pages
    assert set(pages) == {200}, Counter(pages)
    assert reader.get("/account/wachtwoord").status_code == 200


def test_the_session_cookie_ends_with_the_browser_and_is_host_prefixed_behind_https(
    school: School,
):
    username = school.account("koekjes")
    for headers, name in (
        ({}, "koppel_session"),
        ({"X-Forwarded-Proto": "https"}, "__Host-koppel_session"),
    ):
        form = httpx.get(f"{school.patient}/login", headers=headers)
        csrf_cookie = next(iter(set_cookies(form).items()))
        answer = httpx.post(
            f"{school.patient}/login",
            headers={**headers, "Cookie": f"{csrf_cookie[0]}={csrf_cookie[1]['value']}"},
            data={"username": username, "password": PASSWORD, "csrf_token": csrf_of(form.text)},
        )
        assert answer.status_code == 303, answer.text
        session = set_cookies(answer)[name]
        assert session["max-age"] == "", session
        assert session["expires"] == "", session
        assert session["path"] == "/"
        assert session["domain"] == ""
        assert session["secure"] is bool(headers)
        assert session["httponly"]
