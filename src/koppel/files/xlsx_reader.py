"""Excel-werkmappen (.xlsx) through python-calamine: fast, and formulas never evaluated.

calamine gives each cell's saved value: what Excel showed when the file was saved. koppel
never computes a formula; a formula that was never calculated (a file written by a
program rather than by Excel) has no saved value and reads as an empty cell. Text that
merely starts with ``=`` is text.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from typing import cast

from python_calamine import CalamineError, CalamineWorkbook, SheetTypeEnum, SheetVisibleEnum

from koppel.files.limits import ImportLimits, check_xlsx_container
from koppel.files.problems import ImportFileError
from koppel.files.table import CellValue

HEADER_SEARCH_ROWS = 20
"""The header is looked for in this many rows at the top of a sheet or file."""

Merged = tuple[tuple[int, int, int, int], ...]


@dataclass(frozen=True)
class SheetInfo:
    """Tabblad: its name, and whether a user would look at it."""

    name: str
    readable: bool
    """A visible worksheet (not hidden, not a chart)."""


def open_workbook(path: Path, limits: ImportLimits, file_label: str) -> CalamineWorkbook:
    """The workbook, once its container passed :func:`check_xlsx_container`."""
    check_xlsx_container(path, limits, file_label)
    try:
        return CalamineWorkbook.from_path(str(path))
    except (CalamineError, ValueError, OSError) as error:
        raise ImportFileError("xlsx.corrupt", file=file_label) from error


def sheets(workbook: CalamineWorkbook) -> list[SheetInfo]:
    """The workbook's sheets in their order."""
    return [
        SheetInfo(
            meta.name,
            meta.typ == SheetTypeEnum.WorkSheet and meta.visible == SheetVisibleEnum.Visible,
        )
        for meta in workbook.sheets_metadata
    ]


def sheet_rows(
    workbook: CalamineWorkbook, name: str, limits: ImportLimits, file_label: str
) -> tuple[list[list[CellValue]], Merged]:
    """The sheet's rows from A1 (row i is spreadsheet row i + 1) and its merged ranges
    as (first row, first column, last row, last column), rows 1-based, columns 0-based.

    A sheet with more rows than the limit allows is refused before its cells become
    Python objects."""
    try:
        sheet = workbook.get_sheet_by_name(name)
        end = sheet.end  # (row, column) of the last cell, from 0; None for an empty sheet
        if end is not None and end[0] + 1 > limits.max_rows + HEADER_SEARCH_ROWS + 1:
            raise ImportFileError("file.too_many_rows", file=file_label, limit=limits.max_rows)
        rows = cast(list[list[CellValue]], sheet.to_python(skip_empty_area=False))
        merged = tuple(
            (top + 1, left, bottom + 1, right)
            for (top, left), (bottom, right) in (sheet.merged_cell_ranges or [])
        )
    except (CalamineError, ValueError) as error:
        raise ImportFileError("xlsx.corrupt", file=file_label) from error
    except BaseException as error:
        if not is_panic(error):
            raise
        raise ImportFileError("xlsx.corrupt", file=file_label) from None
    return rows, merged


def is_panic(error: BaseException) -> bool:
    """calamine's Rust code panicked: pyo3 raises ``PanicException``, which derives from
    BaseException (not Exception) and cannot be imported. A date or time cell far out of
    range does it (chrono: "TimeDelta::milliseconds out of bounds")."""
    return type(error).__name__ == "PanicException"
