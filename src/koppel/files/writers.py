"""Writing tables (exports, templates) as .xlsx or .csv: atomically and formula-safe.

Every text cell, header cells included, goes through
:func:`~koppel.files.neutralise.neutralise`; numbers and dates are written as numbers and
dates. The file appears whole or not at all: it is written to a temporary file in the
same folder and then moved over ``path``.
"""

from __future__ import annotations

import csv
import itertools
import os
import re
import tempfile
from collections.abc import Iterable, Iterator, Sequence
from datetime import date, datetime
from pathlib import Path

from koppel.domain.errors import InvalidValue
from koppel.files.neutralise import neutralise

Cell = str | int | float | date | None
"""A value koppel writes; a ``datetime`` is a ``date`` too."""
SUFFIXES = (".xlsx", ".csv")
CSV_DELIMITER = ";"
"""Dutch Excel's list separator: a double-clicked .csv opens in columns."""
WIDTH_SAMPLE_ROWS = 100
"""Column widths fit the header and this many first rows (the rest are streamed)."""
MIN_WIDTH = 10
MAX_WIDTH = 50
XML_ILLEGAL = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f]")
"""Control characters that XML 1.0, and so xlsx, cannot hold (openpyxl refuses them)."""


def write_table(
    path: Path,
    headers: Sequence[str],
    rows: Iterable[Sequence[Cell]],
    *,
    sheet_title: str = "Gegevens",
) -> None:
    """Write ``headers`` and ``rows`` to ``path``, as .xlsx or .csv by its suffix.

    Raises :class:`InvalidValue` (``export.suffix``) for any other suffix. If writing
    fails (a row iterator that raises, a full disk), a file that was at ``path`` stays
    as it was and no temporary file is left behind."""
    suffix = path.suffix.lower()
    if suffix not in SUFFIXES:
        raise InvalidValue("export.suffix", file=path.name, suffixes=", ".join(SUFFIXES))
    handle, name = tempfile.mkstemp(dir=path.parent, prefix=f".{path.name}.", suffix=".tmp")
    os.close(handle)
    temporary = Path(name)
    try:
        if suffix == ".xlsx":
            _write_xlsx(temporary, headers, rows, sheet_title)
        else:
            _write_csv(temporary, headers, rows)
        _flush_to_disk(temporary)
        temporary.replace(path)
    except BaseException:
        temporary.unlink(missing_ok=True)
        raise


def _flush_to_disk(path: Path) -> None:
    """So that the rename never publishes a file whose content is still in the cache."""
    with path.open("rb+") as written:
        os.fsync(written.fileno())


# --- csv -------------------------------------------------------------------------------


def _csv_value(value: Cell) -> str | int | float:
    if value is None:
        return ""
    if isinstance(value, date):
        return value.isoformat(sep=" ") if isinstance(value, datetime) else value.isoformat()
    if isinstance(value, str):
        return neutralise(value)
    return value


def _write_csv(path: Path, headers: Sequence[str], rows: Iterable[Sequence[Cell]]) -> None:
    """UTF-8 with BOM and ``;``, as Dutch Excel opens it; fields with ``;``, quotes or
    line breaks are quoted."""
    with path.open("w", encoding="utf-8-sig", newline="") as out:
        writer = csv.writer(out, delimiter=CSV_DELIMITER, lineterminator="\r\n")
        writer.writerow([neutralise(header) for header in headers])
        writer.writerows([_csv_value(value) for value in row] for row in rows)


# --- xlsx ------------------------------------------------------------------------------


def _xlsx_text(value: str) -> str:
    """Text as XML can hold it (control characters other than tab and line breaks
    cannot be stored in xlsx at all), then neutralised."""
    return neutralise(XML_ILLEGAL.sub("", value))


def _xlsx_value(value: Cell) -> str | int | float | datetime | None:
    """openpyxl writes datetimes; a plain date becomes midnight of that day."""
    if isinstance(value, str):
        return _xlsx_text(value)
    if isinstance(value, datetime):
        return value
    if isinstance(value, date):
        return datetime(value.year, value.month, value.day)
    return value


def _width(value: Cell) -> int:
    if value is None:
        return 0
    if isinstance(value, date):
        return 10
    return max((len(line) for line in str(value).splitlines()), default=0)


def _widths(headers: Sequence[str], sample: Sequence[Sequence[Cell]]) -> list[int]:
    widths = [len(header) + 3 for header in headers]  # room for the filter arrow
    for row in sample:
        for index, value in enumerate(row[: len(widths)]):
            widths[index] = max(widths[index], _width(value) + 1)
    return [min(MAX_WIDTH, max(MIN_WIDTH, width)) for width in widths]


def _write_xlsx(
    path: Path, headers: Sequence[str], rows: Iterable[Sequence[Cell]], title: str
) -> None:
    """A write-only workbook (rows are streamed): bold, frozen header; text cells with
    the text format ``@`` so that ``012345`` stays text when a user edits it."""
    from openpyxl import Workbook  # imported here: only xlsx exports need it
    from openpyxl.cell import WriteOnlyCell
    from openpyxl.styles import Font
    from openpyxl.utils import get_column_letter

    stream: Iterator[Sequence[Cell]] = iter(rows)
    sample = list(itertools.islice(stream, WIDTH_SAMPLE_ROWS))
    workbook = Workbook(write_only=True)
    sheet = workbook.create_sheet(title)
    sheet.freeze_panes = "A2"
    for index, width in enumerate(_widths(headers, sample), start=1):
        sheet.column_dimensions[get_column_letter(index)].width = width
    bold = Font(bold=True)
    header_cells = []
    for header in headers:
        cell = WriteOnlyCell(sheet, value=_xlsx_text(header))
        cell.font = bold
        cell.number_format = "@"
        header_cells.append(cell)
    sheet.append(header_cells)
    for row in itertools.chain(sample, stream):
        cells = []
        for value in row:
            cell = WriteOnlyCell(sheet, value=_xlsx_value(value))
            if isinstance(value, str):
                cell.number_format = "@"
            elif isinstance(value, date):
                timed = isinstance(value, datetime)
                cell.number_format = "yyyy-mm-dd hh:mm" if timed else "yyyy-mm-dd"
            cells.append(cell)
        sheet.append(cells)
    workbook.save(path)
