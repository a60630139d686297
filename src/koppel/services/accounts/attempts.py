"""Counting before checking: every check of a secret (a password at sign-in or on the
password page, a TOTP code at sign-in or when turning two-factor sign-in on or off)
first reserves a failure for its keys, in a short transaction that is serialised per
key, and counts the key's failures in the window with that reservation. Over the limit,
the attempt is refused without checking anything (and its reservation is rolled back:
a refused attempt is no failure). Otherwise the reservation is committed before the
secret is checked; a wrong secret leaves it as the failure, a right one removes it. So
however many attempts arrive at once, at most ``login_max_failures`` secrets of a key
are checked in a window.

Keys: the username as typed (trimmed, in lower case) when it could be a username at
all, else a hash of it (so no typed text can pose as another key, and nothing long or
odd is kept); and at sign-in the network address the request came from (an IPv6
address by its /64 network, what one connection usually has), for a limit that a whole
school behind one address does not reach but one that tries many usernames does."""

from __future__ import annotations

import hashlib
import ipaddress
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import datetime, timedelta

from koppel.domain.accounts import is_username
from koppel.domain.errors import KoppelError
from koppel.settings import Settings
from koppel.store.unit_of_work import SqlAlchemyUnitOfWork

ADDRESS_PREFIX = "address:"
"""Address keys hold a ':' (no username does); hashed ones start with '#'."""


class Paused(KoppelError):
    """Too many failures for a key in the window: refused before anything was checked.
    ``retry_after`` is the window in seconds (an answer's Retry-After)."""

    exit_code = 3

    def __init__(self, code: str, *, minutes: int) -> None:
        super().__init__(code, minutes=minutes)
        self.retry_after = minutes * 60


@dataclass(frozen=True)
class Limit:
    """At most ``most`` failures of ``key`` in the window; more are refused with
    ``code`` (a :class:`Paused`)."""

    key: str
    most: int
    code: str = "sign_in.paused"


@dataclass(frozen=True)
class Reservation:
    """The failures reserved for one attempt (their row ids) and its account's key."""

    ids: tuple[int, ...]
    key: str


def failure_key(username: str) -> str:
    """The key that counts the failures of ``username`` as typed."""
    typed = username.strip().lower()
    if is_username(typed):
        return typed
    return "#" + hashlib.sha256(typed.encode()).hexdigest()[:40]


def address_key(host: str | None) -> str | None:
    """The key that counts the failures from ``host`` (None: no address to count)."""
    try:
        address = ipaddress.ip_address(host or "")
    except ValueError:
        return None
    if isinstance(address, ipaddress.IPv6Address):
        if address.ipv4_mapped is not None:
            return f"{ADDRESS_PREFIX}{address.ipv4_mapped}"
        return f"{ADDRESS_PREFIX}{ipaddress.IPv6Network((address, 64), strict=False)}"
    return f"{ADDRESS_PREFIX}{address}"


def sign_in_limits(username: str, address: str | None, settings: Settings) -> list[Limit]:
    """At sign-in: the username's limit, and the address's where there is one."""
    limits = [Limit(failure_key(username), settings.login_max_failures)]
    key = address_key(address)
    if key is not None:
        most = settings.login_max_failures_per_address
        limits.append(Limit(key, most, "sign_in.address_paused"))
    return limits


def account_limit(username: str, settings: Settings) -> list[Limit]:
    """A signed-in account's own checks (current password, codes): its username's limit,
    shared with signing in."""
    return [Limit(failure_key(username), settings.login_max_failures)]


def reserve_in(
    uow: SqlAlchemyUnitOfWork, limits: Sequence[Limit], *, settings: Settings, now: datetime
) -> Reservation:
    """Inside a transaction that has done nothing yet: reserve, count, refuse over a
    limit (:class:`Paused`; the caller's transaction is rolled back then). The
    transaction stays serialised per key until it ends: a cheap check (a TOTP code) is
    done inside it, a slow one (a password) after committing it (:func:`reserve`)."""
    since = now - timedelta(minutes=settings.login_window_minutes)
    ids = uow.sessions.reserve_failures([limit.key for limit in limits], now)
    for limit in limits:
        if uow.sessions.failures_since(limit.key, since) > limit.most:
            uow.rollback()
            raise Paused(limit.code, minutes=settings.login_window_minutes)
    # what was typed as a username (sometimes a password) is kept no longer than it counts
    uow.sessions.forget_failures_before(since)
    return Reservation(tuple(ids), limits[0].key)


def reserve(
    uow: SqlAlchemyUnitOfWork, limits: Sequence[Limit], *, settings: Settings, now: datetime
) -> Reservation:
    """:func:`reserve_in` in a short transaction of its own, committed: for a check that
    is done outside any transaction (a password: argon2 takes a while)."""
    with uow.unlocked():
        reservation = reserve_in(uow, limits, settings=settings, now=now)
        uow.commit()
    return reservation


def release(uow: SqlAlchemyUnitOfWork, reservation: Reservation) -> None:
    """The attempt's secret was never checked (the portal was too busy): no failure."""
    with uow.unlocked():
        uow.sessions.remove_failures(reservation.ids)
        uow.commit()


def settle_right(uow: SqlAlchemyUnitOfWork, reservation: Reservation, *, clear: bool) -> None:
    """Inside the transaction of a right secret: its reservation goes, and with ``clear``
    (the whole sign-in is done, or the current password was right) every failure of
    its account's key."""
    uow.sessions.remove_failures(reservation.ids)
    if clear:
        uow.sessions.clear_failures(reservation.key)
