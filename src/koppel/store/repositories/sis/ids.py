"""Which student, staff member, group, branch, department or school year an SIS set's
``sourcedId`` stands for (table ``sis_ids``), so that a later set finds it again."""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any

from sqlalchemy import Connection, and_, bindparam, select

from koppel.domain.sis.keys import SisId, SisIds
from koppel.store import tables as t
from koppel.store.repositories.sis.writes import insert_rows

_r = t.sis_ids


class SqlAlchemySisIdRepository:
    def __init__(self, connection: Connection) -> None:
        self._connection = connection

    def all(self) -> SisIds:
        """(kind, sourcedId) -> key, every one remembered."""
        rows = self._connection.execute(select(_r.c.kind, _r.c.sourced_id, _r.c.key))
        return {(kind, sourced_id): key for kind, sourced_id, key in rows}

    def add_many(self, ids: Iterable[SisId]) -> None:
        rows: list[tuple[Any, ...]] = [(i.kind, i.sourced_id, i.key) for i in ids]
        insert_rows(self._connection, _r, ("kind", "sourced_id", "key"), rows)

    def set_keys(self, ids: Iterable[SisId]) -> None:
        """Give remembered sourcedIds another key."""
        rows = [{"_kind": i.kind, "_sourced_id": i.sourced_id, "_key": i.key} for i in ids]
        if rows:
            self._connection.execute(
                _r.update()
                .where(
                    and_(
                        _r.c.kind == bindparam("_kind"), _r.c.sourced_id == bindparam("_sourced_id")
                    )
                )
                .values(key=bindparam("_key")),
                rows,
            )

    def remove(self, pairs: Iterable[tuple[str, str]]) -> None:
        """Forget (kind, sourcedId) pairs (only undo does this)."""
        rows = [{"_kind": kind, "_sourced_id": sourced_id} for kind, sourced_id in pairs]
        if rows:
            self._connection.execute(
                _r.delete().where(
                    and_(
                        _r.c.kind == bindparam("_kind"), _r.c.sourced_id == bindparam("_sourced_id")
                    )
                ),
                rows,
            )
