"""API tokens in the portal database (only their SHA-256 is stored), with the departments
a token is limited to."""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Sequence
from datetime import datetime
from typing import Any

from sqlalchemy import Connection, select

from koppel.domain.accounts import ApiToken
from koppel.domain.errors import AlreadyExists, NotFound
from koppel.store import tables as t

_tk, _td, _d = t.api_tokens, t.api_token_departments, t.departments
_SELECT = (
    select(
        _tk.c.id,
        _tk.c.name,
        t.accounts.c.username,
        _tk.c.role,
        _tk.c.created_at,
        _tk.c.last_used_at,
        _tk.c.revoked_at,
        t.accounts.c.is_active,
    )
    .select_from(_tk)
    .join(t.accounts, t.accounts.c.id == _tk.c.account_id)
)


class SqlAlchemyTokenRepository:
    def __init__(self, connection: Connection) -> None:
        self._connection = connection

    def add(
        self,
        *,
        name: str,
        token_hash: str,
        username: str,
        role: str,
        at: datetime,
        department_ids: Sequence[int] = (),
    ) -> None:
        if self._connection.scalar(select(_tk.c.id).where(_tk.c.name == name)):
            raise AlreadyExists("token", name)
        account_id = self._connection.scalar(
            select(t.accounts.c.id).where(t.accounts.c.username == username)
        )
        if account_id is None:
            raise NotFound("account", username)
        self._connection.execute(
            _tk.insert().values(
                name=name, token_hash=token_hash, account_id=account_id, role=role, created_at=at
            )
        )
        token_id = self._connection.scalar(select(_tk.c.id).where(_tk.c.name == name))
        if department_ids:
            self._connection.execute(
                _td.insert(),
                [{"token_id": token_id, "department_id": d} for d in sorted(set(department_ids))],
            )

    def _departments(self, token_ids: Sequence[int]) -> dict[int, tuple[str, ...]]:
        found: dict[int, list[str]] = defaultdict(list)
        rows = self._connection.execute(
            select(_td.c.token_id, _d.c.code)
            .join(_d, _d.c.id == _td.c.department_id)
            .where(_td.c.token_id.in_(token_ids))
            .order_by(_td.c.token_id, _d.c.code)
        )
        for token_id, code in rows:
            found[token_id].append(code)
        return {token_id: tuple(codes) for token_id, codes in found.items()}

    def _tokens(self, rows: Sequence[Any]) -> list[ApiToken]:
        departments = self._departments([row.id for row in rows]) if rows else {}
        return [
            ApiToken(
                row.name,
                row.username,
                row.role,
                row.created_at,
                row.last_used_at,
                row.revoked_at,
                row.is_active,
                departments.get(row.id, ()),
            )
            for row in rows
        ]

    def by_hash(self, token_hash: str) -> ApiToken | None:
        rows = self._connection.execute(_SELECT.where(_tk.c.token_hash == token_hash)).all()
        return self._tokens(rows)[0] if rows else None

    def list(self) -> list[ApiToken]:
        return self._tokens(self._connection.execute(_SELECT.order_by(_tk.c.name)).all())

    def touch(self, token_hash: str, at: datetime) -> None:
        self._connection.execute(
            _tk.update().where(_tk.c.token_hash == token_hash).values(last_used_at=at)
        )

    def revoke(self, name: str, at: datetime) -> bool:
        result = self._connection.execute(
            _tk.update().where(_tk.c.name == name, _tk.c.revoked_at.is_(None)).values(revoked_at=at)
        )
        if result.rowcount == 0 and not self._connection.scalar(
            select(_tk.c.id).where(_tk.c.name == name)
        ):
            raise NotFound("token", name)
        return bool(result.rowcount)
