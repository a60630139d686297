"""Cellen die koppel niet kan bewaren: a control character (PostgreSQL refuses NUL in
text; an escape sequence in a name would reach every terminal that prints it) or a text
longer than its column holds. Refused before any row is planned, naming file, row and
column; tab and line breaks are no control characters here (they are whitespace, which
cleaning collapses).

Only the columns that koppel reads are looked at; a column it ignores may hold anything.
"""

from __future__ import annotations

import re
from operator import itemgetter

from koppel.domain.personal import full_name
from koppel.files.columns import Column
from koppel.files.headers import HeaderMap
from koppel.files.problems import ImportFileError
from koppel.files.table import CellValue, RawTable
from koppel.files.values import cell_text, house_number

CONTROL_CHARACTERS = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\x7f]")

MAX_LENGTHS: dict[Column, int] = {
    Column.STUDENT_NUMBER: 20,
    Column.FIRST_NAME: 100,
    Column.INFIX: 30,
    Column.LAST_NAME: 100,
    Column.STREET: 200,
    Column.HOUSE_NUMBER: 20,
    Column.CITY: 100,
    Column.EMAIL: 254,
    Column.GROUP: 40,
    Column.DEPARTMENT: 100,  # a code (8) or a department's name (100), matched to a code
    Column.STAFF_CODE: 8,
}
"""What the portal's tables hold (koppel.store.tables); the value as it is stored, cleaned."""
NAME_PARTS = (Column.FIRST_NAME, Column.INFIX, Column.LAST_NAME)
FULL_NAME_MAX_LENGTH = 200
"""An account's name: roepnaam, tussenvoegsel and achternaam with spaces between."""
OTHER_MAX_LENGTH = 1_000
"""Any other column (a date, a gender, a list of groups): far more than a real value."""


def check_cells(table: RawTable, columns: HeaderMap) -> None:
    """Refuse the first cell, in the columns koppel reads, with a control character or
    a text too long for its column; and a full name too long for an account."""
    rows = [row.values for row in table.rows]
    width = min(map(len, rows), default=0)
    longest: dict[Column, int] = {}
    for column, indexes in columns.indexes.items():
        limit = MAX_LENGTHS.get(column, OTHER_MAX_LENGTH)
        for index in indexes:
            # every cell as text, in C loops (a number or date never fails the checks)
            cells = (
                map(itemgetter(index), rows)
                if index < width
                else (values[index] if index < len(values) else None for values in rows)
            )
            texts = list(map(str, cells))
            longest[column] = max(map(len, texts), default=0)
            if CONTROL_CHARACTERS.search("\n".join(texts)) or longest[column] > limit:
                _refuse_first(table, index, limit)
        if column is Column.HOUSE_NUMBER and len(indexes) > 1:
            _check_joined_house_numbers(table, indexes[:2], limit)
    names = sum(longest.get(c, 0) for c in NAME_PARTS) + len(NAME_PARTS) - 1
    if names > FULL_NAME_MAX_LENGTH and Column.LAST_NAME in columns.indexes:
        _check_full_names(table, columns)


def _refuse_first(table: RawTable, index: int, limit: int) -> None:
    for row in table.rows:
        value = row.values[index] if index < len(row.values) else None
        if type(value) is not str:
            continue
        found = CONTROL_CHARACTERS.search(value)
        if found:
            raise ImportFileError(
                "file.control_character",
                file=table.file,
                row=row.number,
                column=table.headers[index],
                character=f"U+{ord(found.group()):04X}",
                position=found.start() + 1,
            )
        _check_length(table, row.number, index, cell_text(value), limit)


def _check_joined_house_numbers(table: RawTable, indexes: tuple[int, ...], limit: int) -> None:
    """A number and its addition in columns of their own are stored as one text."""
    for row in table.rows:
        cells: list[CellValue] = [row.values[i] if i < len(row.values) else None for i in indexes]
        _check_length(table, row.number, indexes[0], house_number(*cells), limit)


def _check_length(table: RawTable, row: int, index: int, text: str, limit: int) -> None:
    if len(text) > limit:
        raise ImportFileError(
            "file.value_too_long",
            file=table.file,
            row=row,
            column=table.headers[index],
            length=len(text),
            limit=limit,
        )


def _check_full_names(table: RawTable, columns: HeaderMap) -> None:
    index = {c: columns.index_of(c) for c in NAME_PARTS}
    for row in table.rows:
        parts = [
            cell_text(row.values[i]) if i is not None and i < len(row.values) else ""
            for i in index.values()
        ]
        name = full_name(*parts)
        if len(name) > FULL_NAME_MAX_LENGTH:
            raise ImportFileError(
                "file.name_too_long",
                file=table.file,
                row=row.number,
                column=table.headers[index[Column.LAST_NAME] or 0],
                length=len(name),
                limit=FULL_NAME_MAX_LENGTH,
            )
