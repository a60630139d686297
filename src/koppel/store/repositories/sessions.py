"""Sign-in sessions and failed sign-ins in the portal database."""

from __future__ import annotations

import hashlib
from collections.abc import Iterable, Sequence
from datetime import datetime

from sqlalchemy import Connection, func, select, text

from koppel.domain.accounts import SignInSession
from koppel.store import tables as t


class SqlAlchemySessionRepository:
    def __init__(self, connection: Connection) -> None:
        self._connection = connection

    def add(
        self,
        *,
        token_hash: str,
        username: str,
        csrf_token: str,
        at: datetime,
        needs_second_factor: bool = False,
    ) -> None:
        account_id = self._connection.scalar(
            select(t.accounts.c.id).where(t.accounts.c.username == username)
        )
        self._connection.execute(
            t.sessions.insert().values(
                token_hash=token_hash,
                account_id=account_id,
                csrf_token=csrf_token,
                created_at=at,
                last_seen_at=at,
                needs_second_factor=needs_second_factor,
            )
        )

    def get(self, token_hash: str) -> SignInSession | None:
        s, a = t.sessions, t.accounts
        row = self._connection.execute(
            select(
                a.c.username,
                s.c.csrf_token,
                s.c.created_at,
                s.c.last_seen_at,
                a.c.is_active,
                s.c.needs_second_factor,
            )
            .join(a, a.c.id == s.c.account_id)
            .where(s.c.token_hash == token_hash)
        ).first()
        return None if row is None else SignInSession(*row)

    def touch(self, token_hash: str, at: datetime) -> None:
        self._connection.execute(
            t.sessions.update().where(t.sessions.c.token_hash == token_hash).values(last_seen_at=at)
        )

    def complete_second_factor(
        self, token_hash: str, *, new_token_hash: str, csrf_token: str, at: datetime
    ) -> None:
        """The second factor is done: a new session id (and CSRF token) from now on."""
        self._connection.execute(
            t.sessions.update()
            .where(t.sessions.c.token_hash == token_hash)
            .values(
                token_hash=new_token_hash,
                csrf_token=csrf_token,
                last_seen_at=at,
                needs_second_factor=False,
            )
        )

    def remove(self, token_hash: str) -> None:
        self._connection.execute(t.sessions.delete().where(t.sessions.c.token_hash == token_hash))

    def remove_all_of(self, username: str, *, except_hash: str | None = None) -> int:
        """End every session of the account (but the one of ``except_hash``)."""
        ids = select(t.accounts.c.id).where(t.accounts.c.username == username)
        query = t.sessions.delete().where(t.sessions.c.account_id.in_(ids))
        if except_hash is not None:
            query = query.where(t.sessions.c.token_hash != except_hash)
        return self._connection.execute(query).rowcount

    def forget_failures_before(self, before: datetime) -> None:
        """Failures older than ``before`` (every key) count no more: they go."""
        self._connection.execute(t.login_failures.delete().where(t.login_failures.c.at < before))

    def add_failure(self, key: str, at: datetime) -> None:
        self._connection.execute(t.login_failures.insert().values(key=key, at=at))

    def reserve_failures(self, keys: Sequence[str], at: datetime) -> list[int]:
        """A failure for each of ``keys``, counted before the secret is checked; the first
        statements of their transaction. Serialised per key until it ends: PostgreSQL
        takes a transaction-level advisory lock per key (in one order, so two attempts
        never wait for each other crosswise); on SQLite the insert itself takes the
        database's write lock. So the count that follows sees every reservation made
        before, and no other attempt for the same key counts in between."""
        if self._connection.dialect.name == "postgresql":
            for lock in sorted({_lock_of(key) for key in keys}):
                self._connection.execute(
                    text("SELECT pg_advisory_xact_lock(:space, :lock)"),
                    {"space": FAILURES_LOCK_SPACE, "lock": lock},
                )
        ids = []
        for key in keys:
            made = self._connection.execute(t.login_failures.insert().values(key=key, at=at))
            inserted = made.inserted_primary_key
            assert inserted is not None  # an insert of one row always has its key
            ids.append(int(inserted[0]))
        return ids

    def remove_failures(self, ids: Iterable[int]) -> None:
        """Reservations whose secret was right (or never checked): no failures after all."""
        self._connection.execute(t.login_failures.delete().where(t.login_failures.c.id.in_(ids)))

    def failures_since(self, key: str, since: datetime) -> int:
        f = t.login_failures
        return (
            self._connection.scalar(select(func.count()).where(f.c.key == key, f.c.at >= since))
            or 0
        )

    def clear_failures(self, key: str) -> None:
        self._connection.execute(t.login_failures.delete().where(t.login_failures.c.key == key))


FAILURES_LOCK_SPACE = 0x6B70
"""The first key of the two-key advisory locks on failure keys (PostgreSQL keeps the
two-key locks apart from the one-key school write lock)."""


def _lock_of(key: str) -> int:
    """A failure key's advisory lock: 32 bits of its SHA-256, signed as PostgreSQL's
    ``integer``. Two keys may share one lock: they then only wait for each other."""
    return int.from_bytes(hashlib.sha256(key.encode()).digest()[:4], "big", signed=True)
