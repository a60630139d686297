"""Natural keys (student number, department code, ...) to surrogate ids, per transaction."""

from __future__ import annotations

from collections.abc import Iterable

from sqlalchemy import Column, Connection, Table, select

from koppel.domain.errors import NotFound


class KeyIndex:
    """Looks up the id of a row by its natural key, loading the whole key column once.

    Call :meth:`forget` after inserting rows so the next lookup reloads.
    """

    def __init__(self, connection: Connection, table: Table, key: str, entity: str) -> None:
        self._connection = connection
        self._table = table
        self._key: Column[str] = table.c[key]
        self._entity = entity
        self._ids: dict[str, int] | None = None

    def _load(self) -> dict[str, int]:
        if self._ids is None:
            rows = self._connection.execute(select(self._key, self._table.c.id))
            self._ids = {key: row_id for key, row_id in rows}
        return self._ids

    def id_of(self, key: str) -> int:
        try:
            return self._load()[key]
        except KeyError:
            raise NotFound(self._entity, key) from None

    def find(self, key: str) -> int | None:
        return self._load().get(key)

    def ids_of(self, keys: Iterable[str]) -> list[int]:
        return [self.id_of(key) for key in keys]

    def keys_by_id(self) -> dict[int, str]:
        return {row_id: key for key, row_id in self._load().items()}

    def forget(self) -> None:
        self._ids = None
