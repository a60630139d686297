"""What a reader gives back: the header and the data rows of one sheet or CSV file."""

from __future__ import annotations

from bisect import bisect_left
from dataclasses import dataclass
from datetime import date, datetime, time, timedelta
from functools import cached_property
from itertools import accumulate

CellValue = str | int | float | bool | date | datetime | time | timedelta | None
"""A CSV gives ``str`` only; an xlsx sheet gives the typed values that calamine reads."""


@dataclass(frozen=True, slots=True)
class SheetRow:
    number: int
    """The row number as a spreadsheet shows it (the header is usually row 1)."""
    values: tuple[CellValue, ...]


@dataclass(frozen=True)
class RawTable:
    file: str
    """The file's name as the user gave it, for messages."""
    sheet: str | None
    """The sheet that was read (``None`` for CSV)."""
    header_row: int
    headers: tuple[str, ...]
    rows: list[SheetRow]
    """The data rows after the header; completely empty rows are left out."""
    merged: tuple[tuple[int, int, int, int], ...] = ()
    """Merged cell ranges of the sheet as (first row, first column, last row, last column),
    rows numbered like :attr:`SheetRow.number`, columns from 0; empty for CSV."""

    def hidden_by_merge(self, row: int, column: int) -> bool:
        """Whether the cell lies in a merged range below its first row (the merge shows
        the first row's value there). A binary search per cell: a sheet may hold tens of
        thousands of merged ranges."""
        spans = self._merged_rows.get(column)
        if spans is None:
            spans = self._merged_rows[column] = _spans(self.merged, column)
        firsts, reach = spans
        before = bisect_left(firsts, row)  # ranges that start above the row
        return before > 0 and reach[before - 1] >= row

    @cached_property
    def _merged_rows(self) -> dict[int, tuple[list[int], list[int]]]:
        return {}


def _spans(
    merged: tuple[tuple[int, int, int, int], ...], column: int
) -> tuple[list[int], list[int]]:
    """The first rows of the ranges over ``column``, sorted, and the furthest last row of
    the ranges up to each."""
    spans = sorted((first, last) for first, left, last, right in merged if left <= column <= right)
    return [first for first, _ in spans], list(accumulate((last for _, last in spans), max))
