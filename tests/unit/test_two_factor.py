"""TOTP codes: the window of one step either side, never the same step twice."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta
from urllib.parse import parse_qs, urlparse

import pyotp
import pytest

from koppel.services.accounts.two_factor import (
    STEP_SECONDS,
    current_step,
    grouped,
    matching_step,
    new_secret,
    setup_uri,
)

NOW = datetime(2026, 11, 24, 9, 30, 10, tzinfo=UTC)


@pytest.fixture
def secret() -> str:
    return new_secret()


def code_at(secret: str, moment: datetime) -> str:
    return pyotp.TOTP(secret).at(moment)


def test_the_code_of_now_is_accepted_and_names_its_step(secret):
    step = matching_step(secret, code_at(secret, NOW), last_step=None, at=NOW)
    assert step == current_step(NOW) == int(NOW.timestamp()) // STEP_SECONDS


@pytest.mark.parametrize("offset", [-1, 1])
def test_one_step_early_or_late_is_accepted(secret, offset):
    moment = NOW + timedelta(seconds=offset * STEP_SECONDS)
    assert matching_step(secret, code_at(secret, moment), last_step=None, at=NOW) == (
        current_step(NOW) + offset
    )


@pytest.mark.parametrize("offset", [-3, -2, 2, 3])
def test_further_away_is_refused(secret, offset):
    moment = NOW + timedelta(seconds=offset * STEP_SECONDS)
    code = code_at(secret, moment)
    window = {code_at(secret, NOW + timedelta(seconds=k * STEP_SECONDS)) for k in (-1, 0, 1)}
    if code in window:  # one in a million: the same six digits inside the window
        pytest.skip("the code happens to repeat inside the window")
    assert matching_step(secret, code, last_step=None, at=NOW) is None


def test_a_code_is_never_accepted_twice(secret):
    code = code_at(secret, NOW)
    step = matching_step(secret, code, last_step=None, at=NOW)
    assert step is not None
    assert matching_step(secret, code, last_step=step, at=NOW) is None
    # nor an older one, once a newer step was used
    older = code_at(secret, NOW - timedelta(seconds=STEP_SECONDS))
    assert matching_step(secret, older, last_step=step, at=NOW) is None
    newer = code_at(secret, NOW + timedelta(seconds=STEP_SECONDS))
    assert matching_step(secret, newer, last_step=step, at=NOW) == step + 1


@pytest.mark.parametrize("typed", ["", "12345", "1234567", "abcdef", "12 34 5x"])
def test_what_is_not_six_digits_is_refused(secret, typed):
    assert matching_step(secret, typed, last_step=None, at=NOW) is None


def test_spaces_in_the_code_do_not_matter(secret):
    code = code_at(secret, NOW)
    assert matching_step(secret, f" {code[:3]} {code[3:]} ", last_step=None, at=NOW) is not None


def test_a_wrong_code_is_refused(secret):
    right = code_at(secret, NOW)
    wrong = f"{(int(right) + 1) % 1_000_000:06d}"
    assert matching_step(secret, wrong, last_step=None, at=NOW) is None


def test_the_setup_address_carries_secret_issuer_and_account(secret):
    uri = setup_uri(secret, "jansen")
    parsed = urlparse(uri)
    assert parsed.scheme == "otpauth"
    assert parsed.netloc == "totp"
    assert "jansen" in parsed.path
    query = parse_qs(parsed.query)
    assert query["secret"] == [secret]
    assert query["issuer"] == ["koppel"]
    assert pyotp.parse_uri(uri).now() == pyotp.TOTP(secret).now()


def test_secrets_are_new_each_time_and_grouped_for_reading():
    first, second = new_secret(), new_secret()
    assert first != second
    assert len(first) == 32
    assert grouped("ABCDEFGHIJ") == "ABCD EFGH IJ"
    assert grouped(first).replace(" ", "") == first
