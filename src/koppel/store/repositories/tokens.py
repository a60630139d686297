"""API tokens in the portal database (only their SHA-256 is stored)."""

from __future__ import annotations

from datetime import datetime

from sqlalchemy import Connection, select

from koppel.domain.accounts import ApiToken
from koppel.domain.errors import AlreadyExists, NotFound
from koppel.store import tables as t

_SELECT = (
    select(
        t.api_tokens.c.name,
        t.accounts.c.username,
        t.api_tokens.c.role,
        t.api_tokens.c.created_at,
        t.api_tokens.c.last_used_at,
        t.api_tokens.c.revoked_at,
        t.accounts.c.is_active,
    )
    .select_from(t.api_tokens)
    .join(t.accounts, t.accounts.c.id == t.api_tokens.c.account_id)
)


class SqlAlchemyTokenRepository:
    def __init__(self, connection: Connection) -> None:
        self._connection = connection

    def add(self, *, name: str, token_hash: str, username: str, role: str, at: datetime) -> None:
        if self._connection.scalar(select(t.api_tokens.c.id).where(t.api_tokens.c.name == name)):
            raise AlreadyExists("token", name)
        account_id = self._connection.scalar(
            select(t.accounts.c.id).where(t.accounts.c.username == username)
        )
        if account_id is None:
            raise NotFound("account", username)
        self._connection.execute(
            t.api_tokens.insert().values(
                name=name, token_hash=token_hash, account_id=account_id, role=role, created_at=at
            )
        )

    def by_hash(self, token_hash: str) -> ApiToken | None:
        row = self._connection.execute(
            _SELECT.where(t.api_tokens.c.token_hash == token_hash)
        ).first()
        return None if row is None else ApiToken(*row)

    def list(self) -> list[ApiToken]:
        return [
            ApiToken(*row)
            for row in self._connection.execute(_SELECT.order_by(t.api_tokens.c.name))
        ]

    def touch(self, token_hash: str, at: datetime) -> None:
        self._connection.execute(
            t.api_tokens.update()
            .where(t.api_tokens.c.token_hash == token_hash)
            .values(last_used_at=at)
        )

    def revoke(self, name: str, at: datetime) -> bool:
        result = self._connection.execute(
            t.api_tokens.update()
            .where(t.api_tokens.c.name == name, t.api_tokens.c.revoked_at.is_(None))
            .values(revoked_at=at)
        )
        if result.rowcount == 0 and not self._connection.scalar(
            select(t.api_tokens.c.id).where(t.api_tokens.c.name == name)
        ):
            raise NotFound("token", name)
        return bool(result.rowcount)
