"""Writing tables (exports, templates) as .xlsx or .csv, atomically and formula-safe."""

from __future__ import annotations

import csv
import os
import tempfile
from collections.abc import Iterable, Sequence
from datetime import date, datetime
from pathlib import Path

from koppel.domain.errors import InvalidValue
from koppel.files.neutralise import neutralise

Cell = str | int | float | date | None
SUFFIXES = (".xlsx", ".csv")


def _safe(value: Cell) -> Cell:
    return neutralise(value) if isinstance(value, str) else value


def write_table(
    path: Path,
    headers: Sequence[str],
    rows: Iterable[Sequence[Cell]],
    *,
    sheet_title: str = "Gegevens",
) -> None:
    """Write ``headers`` and ``rows`` to ``path`` (.xlsx or .csv); the file appears whole
    or not at all."""
    suffix = path.suffix.lower()
    if suffix not in SUFFIXES:
        raise InvalidValue("export.suffix", file=path.name, suffixes=", ".join(SUFFIXES))
    handle, temporary = tempfile.mkstemp(dir=path.parent, prefix=f".{path.name}.", suffix=suffix)
    os.close(handle)
    try:
        if suffix == ".xlsx":
            _write_xlsx(Path(temporary), headers, rows, sheet_title)
        else:
            _write_csv(Path(temporary), headers, rows)
        Path(temporary).replace(path)
    except BaseException:
        Path(temporary).unlink(missing_ok=True)
        raise


def _xlsx_value(value: Cell) -> str | float | datetime | None:
    """openpyxl writes datetimes; a plain date becomes midnight of that day."""
    if isinstance(value, datetime):
        return value
    if isinstance(value, date):
        return datetime(value.year, value.month, value.day)
    return _safe(value)  # type: ignore[return-value]


def _write_csv(path: Path, headers: Sequence[str], rows: Iterable[Sequence[Cell]]) -> None:
    """UTF-8 with BOM and ';', as Dutch Excel opens it."""
    with path.open("w", encoding="utf-8-sig", newline="") as out:
        writer = csv.writer(out, delimiter=";")
        writer.writerow([_safe(h) for h in headers])
        for row in rows:
            writer.writerow(["" if v is None else _safe(v) for v in row])


def _write_xlsx(
    path: Path, headers: Sequence[str], rows: Iterable[Sequence[Cell]], title: str
) -> None:
    from openpyxl import Workbook  # imported here: only xlsx exports need it
    from openpyxl.cell import WriteOnlyCell
    from openpyxl.styles import Font

    workbook = Workbook(write_only=True)
    sheet = workbook.create_sheet(title)
    sheet.freeze_panes = "A2"
    for index, header in enumerate(headers):
        letter = chr(ord("A") + index) if index < 26 else "A" + chr(ord("A") + index - 26)
        sheet.column_dimensions[letter].width = max(12, len(header) + 4)
    bold = Font(bold=True)
    header_cells = []
    for header in headers:
        cell = WriteOnlyCell(sheet, value=neutralise(header))
        cell.font = bold
        header_cells.append(cell)
    sheet.append(header_cells)
    for row in rows:
        cells = []
        for value in row:
            cell = WriteOnlyCell(sheet, value=_xlsx_value(value))
            if isinstance(value, str):
                cell.number_format = "@"
            elif isinstance(value, date):
                cell.number_format = "yyyy-mm-dd"
            cells.append(cell)
        sheet.append(cells)
    workbook.save(path)
