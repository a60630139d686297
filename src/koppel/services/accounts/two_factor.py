"""Tweestapsverificatie: time-based one-time codes (TOTP, RFC 6238, 30-second steps, six
digits) as the second step of signing in. A code is accepted one step early or late,
and never twice (the last accepted step is kept). Secrets are never logged or audited."""

from __future__ import annotations

import hmac
import re
from dataclasses import dataclass
from datetime import UTC, datetime

import pyotp

from koppel.domain.accounts import Role, TotpState
from koppel.domain.audit import AuditEntry
from koppel.domain.errors import InvalidValue
from koppel.services.accounts.attempts import account_limit, reserve_in, settle_right
from koppel.services.audit.entries import audit_entry
from koppel.services.school_settings import load_school_settings
from koppel.settings import Settings
from koppel.store.unit_of_work import SqlAlchemyUnitOfWork

STEP_SECONDS = 30
WINDOW = 1
"""Steps accepted either side of now, for clocks that are a little off."""
ISSUER = "koppel"
_CODE = re.compile(r"^[0-9]{6}$")


def new_secret() -> str:
    """A random base32 secret of 160 bits, as authenticator apps expect."""
    return pyotp.random_base32()


def setup_uri(secret: str, username: str) -> str:
    """The ``otpauth://`` address that an authenticator app reads (as text or QR code)."""
    return pyotp.TOTP(secret, interval=STEP_SECONDS).provisioning_uri(
        name=username, issuer_name=ISSUER
    )


def grouped(secret: str) -> str:
    """The secret in groups of four, easier to type over: ``ABCD EFGH ...``."""
    return " ".join(secret[i : i + 4] for i in range(0, len(secret), 4))


def _now() -> datetime:
    return datetime.now(UTC)


def current_step(at: datetime | None = None) -> int:
    return int((at or datetime.now(UTC)).timestamp()) // STEP_SECONDS


def matching_step(
    secret: str, code: str, *, last_step: int | None, at: datetime | None = None
) -> int | None:
    """The time step whose code ``code`` is (within the window and after ``last_step``),
    or None: a wrong code, one from too long ago, or one that was used already."""
    typed = code.replace(" ", "").strip()
    if not _CODE.match(typed):
        return None
    totp = pyotp.TOTP(secret, interval=STEP_SECONDS)
    now = current_step(at)
    for step in range(now - WINDOW, now + WINDOW + 1):
        if last_step is not None and step <= last_step:
            continue
        if hmac.compare_digest(totp.generate_otp(step), typed):
            return step
    return None


@dataclass(frozen=True)
class TwoFactorSetup:
    secret: str
    uri: str

    @property
    def grouped_secret(self) -> str:
        return grouped(self.secret)


def two_factor_on(uow: SqlAlchemyUnitOfWork, username: str) -> bool:
    with uow.unlocked():
        return uow.accounts.totp(username).enabled


def start_setup(uow: SqlAlchemyUnitOfWork, username: str) -> TwoFactorSetup:
    """A new secret for the account, kept (not yet on) until a first code confirms it."""
    with uow:
        if uow.accounts.totp(username).enabled:
            raise InvalidValue("two_factor.already_on")
        secret = new_secret()
        uow.accounts.set_totp(username, TotpState(secret, enabled=False, last_step=None))
        uow.commit()
    return TwoFactorSetup(secret, setup_uri(secret, username.lower()))


def pending_setup(uow: SqlAlchemyUnitOfWork, username: str) -> TwoFactorSetup | None:
    """The secret being set up (not confirmed yet), to show it again after a wrong code."""
    with uow.unlocked():
        state = uow.accounts.totp(username)
    if state.enabled or not state.secret:
        return None
    return TwoFactorSetup(state.secret, setup_uri(state.secret, username.lower()))


def confirm_setup(
    uow: SqlAlchemyUnitOfWork, username: str, code: str, *, settings: Settings
) -> None:
    """Turn two-factor sign-in on with a first right code from the app. The code is
    counted before it is checked, as at sign-in (:mod:`koppel.services.accounts.attempts`):
    a wrong one is a failure of the username."""
    with uow.unlocked():
        reservation = reserve_in(
            uow, account_limit(username, settings), settings=settings, now=_now()
        )
        state = uow.accounts.totp(username)
        if state.enabled:
            raise InvalidValue("two_factor.already_on")
        if not state.secret:
            raise InvalidValue("two_factor.no_setup")
        step = matching_step(state.secret, code, last_step=None)
        if step is None:
            uow.commit()
            raise InvalidValue("two_factor.wrong_code")
        settle_right(uow, reservation, clear=False)
        uow.accounts.set_totp(username, TotpState(state.secret, enabled=True, last_step=step))
        uow.audit.add_many([_entry("account.totp_on", username, actor=username, on=True)])
        uow.commit()


def turn_off(uow: SqlAlchemyUnitOfWork, username: str, code: str, *, settings: Settings) -> None:
    """The account's own choice, with a current code (counted before it is checked, as
    at sign-in); refused for an administrator while the school requires two-factor
    sign-in for administrators."""
    with uow.unlocked():
        reservation = reserve_in(
            uow, account_limit(username, settings), settings=settings, now=_now()
        )
        account = uow.accounts.get(username)
        state = uow.accounts.totp(username)
        if not state.enabled or not state.secret:
            raise InvalidValue("two_factor.not_on")
        required = load_school_settings(uow).administrators_need_totp
        if required and account.has_role(Role.ADMINISTRATOR):
            raise InvalidValue("two_factor.required")
        if matching_step(state.secret, code, last_step=state.last_step) is None:
            uow.commit()
            raise InvalidValue("two_factor.wrong_code")
        settle_right(uow, reservation, clear=False)
        uow.accounts.set_totp(username, TotpState(None, enabled=False, last_step=None))
        uow.audit.add_many([_entry("account.totp_off", username, actor=username, on=False)])
        uow.commit()


def reset_two_factor(uow: SqlAlchemyUnitOfWork, username: str, *, actor: str) -> bool:
    """An administrator turns an account's two-factor sign-in off (a lost phone); the
    account's sessions end. False when it was not on."""
    with uow:
        account = uow.accounts.get(username)
        state = uow.accounts.totp(account.username)
        uow.accounts.set_totp(account.username, TotpState(None, enabled=False, last_step=None))
        if not state.enabled:
            uow.commit()
            return False
        uow.sessions.remove_all_of(account.username)
        uow.audit.add_many([_entry("account.totp_reset", account.username, actor=actor, on=False)])
        uow.commit()
    return True


def _entry(action: str, username: str, *, actor: str, on: bool) -> AuditEntry:
    return audit_entry(
        action,
        "account",
        username,
        actor=actor,
        before={"totp_enabled": not on},
        after={"totp_enabled": on},
    )
