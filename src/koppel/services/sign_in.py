"""Inloggen: signing in with username and password, sessions with idle and absolute
timeouts, signing out, and pausing a username after repeated failures. The answer to a
failed sign-in never reveals whether the account exists."""

from __future__ import annotations

import hashlib
import secrets
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta
from functools import cache

from koppel.domain.accounts import Account
from koppel.domain.errors import KoppelError, NotFound
from koppel.services.audit import audit_entry
from koppel.services.passwords import hash_password, verify_password
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


def token_hash(token: str) -> str:
    return hashlib.sha256(token.encode()).hexdigest()


def _now() -> datetime:
    return datetime.now(UTC)


def _aware(moment: datetime) -> datetime:
    """SQLite gives naive datetimes back; koppel stores UTC."""
    return moment if moment.tzinfo else moment.replace(tzinfo=UTC)


def sign_in(
    uow: SqlAlchemyUnitOfWork, username: str, password: str, *, settings: Settings
) -> SignedIn:
    key = username.strip().lower()
    now = _now()
    with uow:
        since = now - timedelta(minutes=settings.login_window_minutes)
        if uow.sessions.failures_since(key, since) >= settings.login_max_failures:
            raise SignInRefused("sign_in.paused", minutes=settings.login_window_minutes)
        stored = uow.accounts.password_hash(key) if key else None
        try:
            account = uow.accounts.get(key) if stored else None
        except NotFound:
            account = None
        valid = verify_password(stored or _unknown_account_hash(), password)
        if not (valid and account is not None and account.is_active):
            uow.sessions.add_failure(key, now)
            uow.commit()
            raise SignInRefused("sign_in.refused")
        uow.sessions.clear_failures(key)
        token = secrets.token_urlsafe(32)
        csrf = secrets.token_urlsafe(32)
        uow.sessions.add(token_hash=token_hash(token), username=key, csrf_token=csrf, at=now)
        uow.audit.add_many([audit_entry("session.start", "account", key, actor=key)])
        uow.commit()
    return SignedIn(token, csrf, account)


@dataclass(frozen=True)
class ActiveSession:
    account: Account
    csrf_token: str


def current_session(
    uow: SqlAlchemyUnitOfWork, token: str, *, settings: Settings
) -> ActiveSession | None:
    """The session's account, or None when the session is unknown, idle too long, too
    old or its account deactivated (such a session is removed)."""
    hashed = token_hash(token)
    now = _now()
    with uow:
        found = uow.sessions.get(hashed)
        if found is None:
            return None
        idle = now - _aware(found.last_seen_at) > timedelta(minutes=settings.session_idle_minutes)
        old = now - _aware(found.created_at) > timedelta(hours=settings.session_absolute_hours)
        if idle or old or not found.is_active:
            uow.sessions.remove(hashed)
            uow.commit()
            return None
        uow.sessions.touch(hashed, now)
        account = uow.accounts.get(found.username)
        uow.commit()
    return ActiveSession(account, found.csrf_token)


def sign_out(uow: SqlAlchemyUnitOfWork, token: str) -> None:
    with uow:
        uow.sessions.remove(token_hash(token))
        uow.commit()
