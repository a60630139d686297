"""Inlezen: one table (header and data rows) from an import file, xlsx or csv, whatever
its name says.

- The content decides how a file is read: a CSV saved as ``.xlsx`` is read as CSV (with
  a warning); an encrypted workbook or an old ``.xls`` is refused.
- Tabblad: the one asked for by name (case does not matter), else the first visible
  worksheet with a recognisable header (see
  :func:`~koppel.files.headers.has_recognisable_header`).
- Kopregel: the first recognisable row within the first 20; rows above it (titles,
  export dates) are ignored, and so are empty header cells at its end.
- Data rows keep the row number a spreadsheet shows; completely empty rows are left
  out and blank cells become ``None``. Values under a column without a header are not
  read, with a warning.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from pathlib import Path

from koppel.domain.text import clean_text
from koppel.files.columns import REQUIRED, ImportKind
from koppel.files.csv_reader import read_records
from koppel.files.headers import DUTCH_NAMES, MappingProfile, has_recognisable_header
from koppel.files.limits import (
    DEFAULT_LIMITS,
    Container,
    ImportLimits,
    check_file_size,
    sniff_container,
)
from koppel.files.problems import ImportFileError, Problem
from koppel.files.table import CellValue, RawTable, SheetRow
from koppel.files.xlsx_reader import HEADER_SEARCH_ROWS, Merged, open_workbook, sheet_rows, sheets

XLSX_SUFFIXES = frozenset({".xlsx", ".xlsm"})


_INVISIBLE_START = "\u200b\u200c\u200d\u2060\ufeff"


def _is_blank(value: CellValue) -> bool:
    if value is None or value == "":
        return True
    if type(value) is not str or not (value[0].isspace() or value[0] in _INVISIBLE_START):
        return False  # text that starts with a visible character is not blank
    return not clean_text(value)


SHARED_VALUES = 100_000
"""How many distinct cell texts are shared between rows (see :func:`_cells`)."""


def _cells(
    record: Sequence[CellValue], width: int, shared: dict[str, str]
) -> tuple[CellValue, ...]:
    """The first ``width`` cells, blank ones as None. Equal texts share one object (``4V1``
    a thousand times is stored once) while ``shared`` has room; only texts, because
    ``1``, ``1.0`` and ``True`` are equal keys. This runs for every cell, hence the one
    inlined expression."""
    keep = shared.setdefault if len(shared) < SHARED_VALUES else shared.get
    return tuple(
        [
            None
            if v is None
            or v == ""
            or (
                type(v) is str
                and (v[0].isspace() or v[0] in _INVISIBLE_START)
                and not clean_text(v)
            )
            else (keep(v, v) if type(v) is str else v)
            for v in record[:width]
        ]
    )


def column_letter(index: int) -> str:
    """Kolomletter: 0 -> ``A``, 26 -> ``AA``, as a spreadsheet names a column."""
    letters = ""
    number = index + 1
    while number:
        number, rest = divmod(number - 1, 26)
        letters = chr(ord("A") + rest) + letters
    return letters


@dataclass
class _Headless:
    """Values under columns without a header: where the first one is, and how many."""

    blank_headers: tuple[int, ...]
    width: int
    first: tuple[int, int] | None = None
    count: int = 0
    columns: set[int] = field(default_factory=set)

    def look(self, number: int, record: Sequence[CellValue]) -> None:
        for index in (*self.blank_headers, *range(self.width, len(record))):
            if index < len(record) and not _is_blank(record[index]):
                self.count += 1
                self.columns.add(index)
                if self.first is None:
                    self.first = (number, index)

    def warning(self, file_label: str) -> Problem | None:
        if self.first is None:
            return None
        row, index = self.first
        letters = ", ".join(column_letter(i) for i in sorted(self.columns))
        params: dict[str, object] = {"columns": letters, "count": self.count}
        return Problem(file_label, row, column_letter(index), "file.values_without_header", params)


def _table(
    records: Iterable[Sequence[CellValue]],
    *,
    kind: ImportKind,
    file_label: str,
    sheet: str | None,
    limits: ImportLimits,
    profile: MappingProfile | None,
    merged: Merged = (),
) -> tuple[RawTable, list[Problem]] | None:
    """The table in ``records`` (row numbers from 1) and its warnings, or None when no
    header is found in the first rows."""
    iterator = iter(records)
    header: Sequence[CellValue] = ()
    header_row = 0
    for number, record in enumerate(iterator, start=1):
        if number > HEADER_SEARCH_ROWS:
            return None
        if has_recognisable_header(record, kind, profile):
            header, header_row = record, number
            break
    if not header_row:
        return None
    headers = [clean_text(str(v)) if v is not None else "" for v in header]
    while headers and not headers[-1]:
        headers.pop()
    width = len(headers)
    headless = _Headless(tuple(i for i, h in enumerate(headers) if not h), width)
    rows: list[SheetRow] = []
    shared: dict[str, str] = {}
    for number, record in enumerate(iterator, start=header_row + 1):
        if len(record) > width or headless.blank_headers:
            headless.look(number, record)
        values = _cells(record, width, shared)
        if values.count(None) == len(values):
            continue
        if len(rows) >= limits.max_rows:
            raise ImportFileError("file.too_many_rows", file=file_label, limit=limits.max_rows)
        rows.append(SheetRow(number, values))
    warning = headless.warning(file_label)
    table = RawTable(file_label, sheet, header_row, tuple(headers), rows, merged)
    return table, [warning] if warning else []


def _no_header(file_label: str, kind: ImportKind, sheets: str = "") -> ImportFileError:
    return ImportFileError(
        "header.not_found",
        file=file_label,
        required=", ".join(DUTCH_NAMES[c] for c in REQUIRED[kind]),
        sheets=sheets or "-",
    )


def read_table(
    path: Path,
    *,
    kind: ImportKind,
    sheet: str | None = None,
    limits: ImportLimits = DEFAULT_LIMITS,
    file_label: str | None = None,
    profile: MappingProfile | None = None,
) -> tuple[RawTable, list[Problem]]:
    """Bestand inlezen: the header and data rows of the file, and warnings (a CSV saved
    as .xlsx, values without a header). ``file_label`` (default: the file's name) is the
    name problems give the file; ``profile`` helps to find the header row."""
    label = file_label or path.name
    check_file_size(path, limits, label)
    container = sniff_container(path, label)
    if container is Container.CFB:
        raise ImportFileError("xlsx.encrypted", file=label)
    if container is Container.ZIP:
        return _read_workbook(
            path, kind=kind, sheet=sheet, limits=limits, label=label, profile=profile
        )
    warnings: list[Problem] = []
    if path.suffix.lower() in XLSX_SUFFIXES:
        warnings.append(Problem(label, None, None, "file.csv_named_xlsx", {}))
    if sheet is not None:
        warnings.append(Problem(label, None, None, "file.sheet_in_csv", {"sheet": sheet}))
    found = _table(
        read_records(path, label),
        kind=kind,
        file_label=label,
        sheet=None,
        limits=limits,
        profile=profile,
    )
    if found is None:
        raise _no_header(label, kind)
    table, table_warnings = found
    return table, warnings + table_warnings


def _read_workbook(
    path: Path,
    *,
    kind: ImportKind,
    sheet: str | None,
    limits: ImportLimits,
    label: str,
    profile: MappingProfile | None,
) -> tuple[RawTable, list[Problem]]:
    with open_workbook(path, limits, label) as workbook:
        found = sheets(workbook)
        listed = ", ".join(info.name for info in found)
        if sheet is not None:
            wanted = clean_text(sheet).casefold()
            names = [info.name for info in found if clean_text(info.name).casefold() == wanted]
            if not names:
                raise ImportFileError("xlsx.no_such_sheet", file=label, sheet=sheet, sheets=listed)
        else:
            names = [info.name for info in found if info.readable]
        for name in names:
            rows, merged = sheet_rows(workbook, name, limits, label)
            table = _table(
                rows,
                kind=kind,
                file_label=label,
                sheet=name,
                limits=limits,
                profile=profile,
                merged=merged,
            )
            if table is not None:
                return table
    raise _no_header(label, kind, listed)
