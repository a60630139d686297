"""Rows of the project file as (key, values) pairs, read and written alike for every
table: the connector compares, applies and undoes them without caring which table
holds them.

A key is (student number, second key or None); values are a tuple in the table's
column order, lists as sorted tuples (kept as JSON text in the file).
"""

from __future__ import annotations

import json
from collections import defaultdict
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass

from sqlalchemy import Connection, Table, delete, insert, select, tuple_

from koppel.domain.sync.domains import PERSONAL_FIELDS, Fields, Key
from koppel.store.project import tables

CHUNK = 500
"""Keys per ``IN`` list (SQLite allows a few thousand bound parameters)."""


def encode(values: Fields | None) -> str | None:
    return None if values is None else json.dumps(list(values), ensure_ascii=False)


def decode(text: str | None) -> Fields | None:
    if text is None:
        return None
    return tuple(tuple(v) if isinstance(v, list) else v for v in json.loads(text))


@dataclass(frozen=True)
class RowTable:
    """A table whose rows are (number[, second]) -> values."""

    name: str
    table: Table
    second: str | None
    values: tuple[str, ...]
    lists: frozenset[str] = frozenset()

    def _key(self, row: Sequence[object]) -> Key:
        return (str(row[0]), None if self.second is None else str(row[1]))

    def _columns(self) -> list[str]:
        return ["number", *([self.second] if self.second else []), *self.values]

    def _decode_row(self, row: Sequence[object]) -> Fields:
        values = tuple(row[1 if self.second is None else 2 :])
        if not self.lists:
            return values  # type: ignore[return-value]  # SQLite gives str, int, bool, None
        decoded = [
            tuple(json.loads(str(value))) if name in self.lists else value
            for name, value in zip(self.values, values, strict=True)
        ]
        return tuple(decoded)  # type: ignore[arg-type]

    def read(self, conn: Connection, numbers: Iterable[str] | None = None) -> dict[Key, Fields]:
        """Straight from the driver: these reads run for every domain of every command."""
        columns = ", ".join(self._columns())
        sql = f"SELECT {columns} FROM {self.table.name}"  # noqa: S608 - schema names  # nosec B608
        result: dict[Key, Fields] = {}
        booleans = [i for i, name in enumerate(self.values) if name == "lwoo"]
        offset = 1 if self.second is None else 2
        for chunk in _chunks(numbers):
            if chunk is None:
                rows = conn.exec_driver_sql(sql).fetchall()
            else:
                marks = ", ".join("?" * len(chunk))
                rows = conn.exec_driver_sql(
                    f"{sql} WHERE number IN ({marks})", tuple(chunk)
                ).fetchall()
            for row in rows:
                key = (row[0], None if self.second is None else row[1])
                if booleans:
                    values = list(row[offset:])
                    for index in booleans:
                        values[index] = bool(values[index])
                    result[key] = tuple(values)
                else:
                    result[key] = self._decode_row(row)
        return result

    def write(self, conn: Connection, rows: Mapping[Key, Fields | None]) -> None:
        """Each key gets exactly its values; None removes the row."""
        keys = list(rows)
        for start in range(0, len(keys), CHUNK):
            chunk = keys[start : start + CHUNK]
            if self.second is None:
                condition = self.table.c.number.in_([k[0] for k in chunk])
            else:
                column = self.table.c[self.second]
                condition = tuple_(self.table.c.number, column).in_(chunk)
            conn.execute(delete(self.table).where(condition))
        inserts = [self._as_row(key, values) for key, values in rows.items() if values is not None]
        if inserts:
            conn.execute(insert(self.table), inserts)

    def _as_row(self, key: Key, values: Fields) -> dict[str, object]:
        row: dict[str, object] = {"number": key[0]}
        if self.second is not None:
            row[self.second] = key[1]
        for name, value in zip(self.values, values, strict=True):
            if name in self.lists:
                row[name] = json.dumps(list(value) if isinstance(value, tuple) else [])
            else:
                row[name] = value
        return row


@dataclass(frozen=True)
class GroupTable:
    """Cluster groups: one row per student and group, read as (number, None) -> (groups,)."""

    name: str = "cluster_groups"

    def read(self, conn: Connection, numbers: Iterable[str] | None = None) -> dict[Key, Fields]:
        found: dict[str, list[str]] = defaultdict(list)
        table = tables.cluster_groups
        for chunk in _chunks(numbers):
            query = select(table.c.number, table.c.group_name)
            if chunk is not None:
                query = query.where(table.c.number.in_(chunk))
            for number, group in conn.execute(query):
                found[number].append(group)
        return {(n, None): (tuple(sorted(groups)),) for n, groups in found.items()}

    def write(self, conn: Connection, rows: Mapping[Key, Fields | None]) -> None:
        table = tables.cluster_groups
        numbers = [key[0] for key in rows]
        for start in range(0, len(numbers), CHUNK):
            chunk = numbers[start : start + CHUNK]
            conn.execute(delete(table).where(table.c.number.in_(chunk)))
        inserts = [
            {"number": key[0], "group_name": group}
            for key, values in rows.items()
            if values is not None and isinstance(values[0], tuple)
            for group in values[0]
        ]
        if inserts:
            conn.execute(insert(table), inserts)


@dataclass(frozen=True)
class DomainTable:
    """The sync base of one domain, (number, department) -> values, kept as one JSON row
    (sorted, so that the same rows are always the same text)."""

    table: Table
    domain: str

    def read(self, conn: Connection) -> dict[Key, Fields]:
        found = conn.exec_driver_sql(
            f"SELECT rows FROM {self.table.name} WHERE domain = ?",  # noqa: S608  # nosec B608
            (self.domain,),
        ).first()
        if found is None:
            return {}
        return {
            (number, department): tuple(tuple(v) if isinstance(v, list) else v for v in values)
            for number, department, values in json.loads(found[0])
        }

    def write(self, conn: Connection, rows: Mapping[Key, Fields | None]) -> None:
        current = self.read(conn)
        for key, values in rows.items():
            if values is None:
                current.pop(key, None)
            else:
                current[key] = values
        listed = sorted(
            ([n, d, list(v)] for (n, d), v in current.items()), key=lambda r: (r[0], r[1] or "")
        )
        t = self.table
        conn.execute(delete(t).where(t.c.domain == self.domain))
        if listed:
            text = json.dumps(listed, ensure_ascii=False, separators=(",", ":"))
            conn.execute(insert(t).values(domain=self.domain, rows=text))


def _chunks(numbers: Iterable[str] | None) -> Iterable[list[str] | None]:
    if numbers is None:
        yield None
        return
    wanted = list(numbers)
    for start in range(0, len(wanted), CHUNK):
        yield wanted[start : start + CHUNK]


PERSONAL_COLUMNS = PERSONAL_FIELDS

STUDENT_ROWS = RowTable("student", tables.students, None, (*PERSONAL_COLUMNS, "lwoo"))
PARTICIPATION_ROWS = RowTable("participation", tables.participations, "department", ("percentage",))
PROGNOSIS_ROWS = RowTable("prognosis", tables.prognoses, None, ("round", "comment", "shares"))
PACKAGE_ROWS = RowTable(
    "package_choice",
    tables.package_choices,
    "department",
    ("profile", "subjects", "exemptions"),
    frozenset({"subjects", "exemptions"}),
)
HOME_CLASS_ROWS = RowTable("home_class", tables.home_classes, "department", ("home_class",))
EXTRA_ROWS = RowTable("extra", tables.extra_properties, "name", ("value",))
GROUP_ROWS = GroupTable()

STORES: dict[str, RowTable | GroupTable] = {
    store.name: store
    for store in (
        STUDENT_ROWS,
        PARTICIPATION_ROWS,
        PROGNOSIS_ROWS,
        PACKAGE_ROWS,
        HOME_CLASS_ROWS,
        GROUP_ROWS,
        EXTRA_ROWS,
    )
}
"""Every table of the scheduler's data by name; ``changeset_entries.store`` names one
of these or ``base:<domain>``."""
