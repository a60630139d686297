"""What a reader gives back: the header and the data rows of one sheet or CSV file."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime, time, timedelta

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
