"""Excel workbooks (.xlsx) through python-calamine: fast, and formulas are never evaluated."""

from __future__ import annotations

from pathlib import Path

from python_calamine import CalamineError, CalamineWorkbook, PasswordError, XmlError, ZipError

from koppel.files.limits import ImportLimits, check_xlsx_container
from koppel.files.problems import ImportFileError
from koppel.files.table import CellValue

HEADER_SEARCH_ROWS = 20


def open_workbook(path: Path, limits: ImportLimits, file_label: str) -> CalamineWorkbook:
    check_xlsx_container(path, limits, file_label)
    try:
        return CalamineWorkbook.from_path(str(path))
    except (CalamineError, PasswordError, XmlError, ZipError, ValueError, OSError) as error:
        raise ImportFileError("xlsx.corrupt", file=file_label) from error


def sheet_rows(
    workbook: CalamineWorkbook, name: str, limits: ImportLimits, file_label: str
) -> tuple[list[list[CellValue]], tuple[tuple[int, int, int, int], ...]]:
    """The sheet's rows from A1 (row i is spreadsheet row i + 1) and its merged ranges
    as (first row, first column, last row, last column), rows 1-based, columns 0-based."""
    try:
        sheet = workbook.get_sheet_by_name(name)
        rows: list[list[CellValue]] = sheet.to_python(  # type: ignore[assignment]
            skip_empty_area=False, nrows=limits.max_rows + HEADER_SEARCH_ROWS + 2
        )
        merged = tuple(
            (top + 1, left, bottom + 1, right)
            for (top, left), (bottom, right) in (sheet.merged_cell_ranges or [])
        )
    except (CalamineError, XmlError, ZipError, ValueError) as error:
        raise ImportFileError("xlsx.corrupt", file=file_label) from error
    return rows, merged
