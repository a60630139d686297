"""``column IN (keys)`` for tens of thousands of keys: one array parameter on PostgreSQL
(``= ANY(...)``; thousands of separate parameters cost more on the client than the
statement on the server), pieces of :data:`koppel.store.chunks.CHUNK` on SQLite."""

from __future__ import annotations

from collections.abc import Collection, Iterator
from typing import Any

from sqlalchemy import Column, ColumnElement, Connection, any_, bindparam
from sqlalchemy.dialects.postgresql import ARRAY

from koppel.store.chunks import chunks


def among(
    connection: Connection, column: Column[Any], keys: Collection[Any]
) -> Iterator[ColumnElement[bool]]:
    """Conditions that together select the rows whose ``column`` is one of ``keys``
    (none when there are no keys)."""
    if not keys:
        return
    if connection.dialect.name == "postgresql":
        values = bindparam(None, list(keys), type_=ARRAY(column.type))
        yield column == any_(values)
        return
    for part in chunks(keys):
        yield column.in_(part)
