"""Inloggen: signing in with username and password (and a TOTP code when the account
has two-factor sign-in, or must set it up), sessions with idle and absolute timeouts,
signing out, and pausing a username (and a network address) after repeated failures
(wrong codes count too): each attempt is counted before its secret is checked
(:mod:`koppel.services.accounts.attempts`). A password is checked between
:func:`start_sign_in` and :func:`finish_sign_in`, outside any transaction, where the
portal waits for its turn. The answer to a failed sign-in never reveals whether the
account exists."""

from __future__ import annotations

import hashlib
import secrets
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta
from functools import cache

from koppel.domain.accounts import Account, Role, TotpState
from koppel.domain.errors import KoppelError, NotFound
from koppel.services.accounts.attempts import (
    Reservation,
    account_limit,
    release,
    reserve,
    reserve_in,
    settle_right,
    sign_in_limits,
)
from koppel.services.accounts.passwords import hash_password, verify_password
from koppel.services.accounts.two_factor import matching_step, new_secret
from koppel.services.audit.entries import audit_entry
from koppel.services.school_settings import load_school_settings
from koppel.settings import Settings
from koppel.store.unit_of_work import SqlAlchemyUnitOfWork


@cache
def _unknown_account_hash() -> str:
    """Verified against when the account does not exist, so both answers take as long."""
    return hash_password(secrets.token_urlsafe(16))


class SignInRefused(KoppelError):
    """Wrong username or password, or too many attempts: one message for every cause."""

    exit_code = 2


@dataclass(frozen=True)
class SignedIn:
    token: str
    """For the cookie; only its hash is stored."""
    csrf_token: str
    account: Account
    needs_second_factor: bool = False
    """Only the password so far: the session opens nothing but the code page."""


PENDING_MINUTES = 10
"""How long a session that waits for its TOTP code (or its setup) lasts."""
TOUCH_EVERY = timedelta(minutes=1)
"""A session's (and a token's) last use is written at most this often: a write per
request would cost every page a commit, and the idle limit counts in minutes."""


def token_hash(token: str) -> str:
    return hashlib.sha256(token.encode()).hexdigest()


def _now() -> datetime:
    return datetime.now(UTC)


def _aware(moment: datetime) -> datetime:
    """SQLite gives naive datetimes back; koppel stores UTC."""
    return moment if moment.tzinfo else moment.replace(tzinfo=UTC)


def touch_due(last: datetime | None, now: datetime) -> bool:
    """Whether a last use seen at ``last`` (None: never) is to be written again now."""
    return last is None or now - _aware(last) >= TOUCH_EVERY


@dataclass(frozen=True)
class PasswordAttempt:
    """A sign-in whose failure is reserved (:func:`start_sign_in`), its password still to
    be checked (:func:`finish_sign_in`, or :func:`abandon_sign_in` when it never is)."""

    username: str
    reservation: Reservation
    password_hash: str | None
    """The account's, or None (no such account, or no password yet)."""


def start_sign_in(
    uow: SqlAlchemyUnitOfWork, username: str, *, settings: Settings, address: str | None = None
) -> PasswordAttempt:
    """Count before checking (:mod:`koppel.services.accounts.attempts`): the failure is
    reserved for the username and for ``address``; :class:`Paused` when either is over
    its limit, before any password is checked."""
    limits = sign_in_limits(username, address, settings)
    reservation = reserve(uow, limits, settings=settings, now=_now())
    key = username.strip().lower()
    with uow.unlocked():
        stored = uow.accounts.password_hash(key) if key else None
    return PasswordAttempt(key, reservation, stored)


def abandon_sign_in(uow: SqlAlchemyUnitOfWork, attempt: PasswordAttempt) -> None:
    """The password was not checked (the portal was too busy): no failure counts."""
    release(uow, attempt.reservation)


def finish_sign_in(
    uow: SqlAlchemyUnitOfWork, attempt: PasswordAttempt, password: str, *, settings: Settings
) -> SignedIn:
    """Checks the password outside any transaction (an unknown account against a hash of
    the same cost, so both answers take as long); a wrong one leaves its reservation as
    the failure. A right one signs in (or opens the code step)."""
    unknown = _unknown_account_hash()  # made at the first sign-in, whichever account
    valid = verify_password(attempt.password_hash or unknown, password)
    if not valid or attempt.password_hash is None:
        raise SignInRefused("sign_in.refused")
    key = attempt.username
    now = _now()
    with uow.unlocked():
        try:
            account = uow.accounts.get(key)
        except NotFound:
            account = None
        if account is None or not account.is_active:
            uow.commit()
            raise SignInRefused("sign_in.refused")
        totp = uow.accounts.totp(key)
        must_set_up = (
            not totp.enabled
            and account.has_role(Role.ADMINISTRATOR)
            and load_school_settings(uow).administrators_need_totp
        )
        if must_set_up:  # a fresh secret at every sign-in until a first code confirms it
            uow.accounts.set_totp(key, TotpState(new_secret(), enabled=False, last_step=None))
        pending = totp.enabled or must_set_up
        # failures are cleared only once the whole sign-in is done
        settle_right(uow, attempt.reservation, clear=not pending)
        token = secrets.token_urlsafe(32)
        csrf = secrets.token_urlsafe(32)
        uow.sessions.add(
            token_hash=token_hash(token),
            username=key,
            csrf_token=csrf,
            at=now,
            needs_second_factor=pending,
        )
        action = "session.password_only" if pending else "session.start"
        uow.audit.add_many([audit_entry(action, "account", key, actor=key)])
        uow.commit()
    return SignedIn(token, csrf, account, needs_second_factor=pending)


def complete_second_factor(
    uow: SqlAlchemyUnitOfWork, token: str, code: str, *, settings: Settings
) -> SignedIn:
    """The code step of signing in: a right code (from an app that is on, or being set
    up) makes the pending session a full one, under a new session id. A wrong code counts
    as a failed sign-in of the username: counted before it is checked, in one
    transaction serialised per username (so a code is also never accepted twice)."""
    hashed = token_hash(token)
    now = _now()
    with uow.unlocked():
        found = uow.sessions.get(hashed)
        if found is None or not found.needs_second_factor:
            raise SignInRefused("sign_in.expired")
        key = found.username
    with uow.unlocked():
        reservation = reserve_in(uow, account_limit(key, settings), settings=settings, now=now)
        if uow.sessions.get(hashed) is None:  # ended meanwhile (signed out, reset)
            raise SignInRefused("sign_in.expired")
        state = uow.accounts.totp(key)
        step = (
            matching_step(state.secret, code, last_step=state.last_step) if state.secret else None
        )
        if step is None:
            uow.commit()
            raise SignInRefused("two_factor.wrong_code")
        uow.accounts.set_totp(key, TotpState(state.secret, enabled=True, last_step=step))
        settle_right(uow, reservation, clear=True)
        new_token = secrets.token_urlsafe(32)
        csrf = secrets.token_urlsafe(32)
        uow.sessions.complete_second_factor(
            hashed, new_token_hash=token_hash(new_token), csrf_token=csrf, at=now
        )
        entries = [audit_entry("session.start", "account", key, actor=key)]
        if not state.enabled:
            entries.insert(
                0,
                audit_entry(
                    "account.totp_on",
                    "account",
                    key,
                    actor=key,
                    before={"totp_enabled": False},
                    after={"totp_enabled": True},
                ),
            )
        uow.audit.add_many(entries)
        account = uow.accounts.get(key)
        uow.commit()
    return SignedIn(new_token, csrf, account)


@dataclass(frozen=True)
class ActiveSession:
    account: Account
    csrf_token: str
    needs_second_factor: bool = False


def current_session(
    uow: SqlAlchemyUnitOfWork, token: str, *, settings: Settings, pending: bool = False
) -> ActiveSession | None:
    """The session's account, or None when the session is unknown, idle too long, too
    old or its account deactivated (such a session is removed).

    A session still waiting for its second factor counts only where ``pending`` asks for
    one (the code page); everywhere else it is no session at all, and the reverse."""
    hashed = token_hash(token)
    now = _now()
    with uow.unlocked():
        found = uow.sessions.get(hashed)
        if found is None:
            return None
        idle = now - _aware(found.last_seen_at) > timedelta(minutes=settings.session_idle_minutes)
        old = now - _aware(found.created_at) > timedelta(hours=settings.session_absolute_hours)
        stale = found.needs_second_factor and now - _aware(found.created_at) > timedelta(
            minutes=PENDING_MINUTES
        )
        if idle or old or stale or not found.is_active:
            uow.sessions.remove(hashed)
            uow.commit()
            return None
        if found.needs_second_factor != pending:
            return None
        if touch_due(found.last_seen_at, now):
            uow.sessions.touch(hashed, now)
        account = uow.accounts.get(found.username)
        uow.commit()
    return ActiveSession(account, found.csrf_token, found.needs_second_factor)


def sign_out(uow: SqlAlchemyUnitOfWork, token: str) -> None:
    with uow.unlocked():
        uow.sessions.remove(token_hash(token))
        uow.commit()
