"""Inlezen: one table (header and data rows) from an import file, xlsx or csv, whatever
its name says. The sheet is the one asked for, or the first with a recognisable header."""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from pathlib import Path

from koppel.domain.text import clean_text
from koppel.files.columns import REQUIRED, ImportKind
from koppel.files.csv_reader import read_records
from koppel.files.headers import DUTCH_NAMES, MappingProfile, has_recognisable_header
from koppel.files.limits import DEFAULT_LIMITS, ImportLimits, check_file_size, sniff_kind
from koppel.files.problems import ImportFileError, Problem
from koppel.files.table import CellValue, RawTable, SheetRow
from koppel.files.xlsx_reader import HEADER_SEARCH_ROWS, open_workbook, sheet_rows


def _is_blank(value: CellValue) -> bool:
    if value is None or value == "":
        return True
    if not isinstance(value, str) or not (value[0].isspace() or value[0] in "\u200b\ufeff"):
        return False  # text that starts with a visible character is not blank
    return not clean_text(value)


def _table(
    records: Iterable[Sequence[CellValue]],
    *,
    kind: ImportKind,
    file_label: str,
    sheet: str | None,
    limits: ImportLimits,
    profile: MappingProfile | None,
    merged: tuple[tuple[int, int, int, int], ...] = (),
) -> RawTable | None:
    """The table in ``records`` (row numbers from 1), or None when no header is found in
    the first rows."""
    header_row = 0
    width = 0
    headers: tuple[str, ...] = ()
    rows: list[SheetRow] = []
    for number, record in enumerate(records, start=1):
        if not header_row:
            if number > HEADER_SEARCH_ROWS:
                return None
            if has_recognisable_header(record, kind, profile):
                header_row = number
                headers = tuple(clean_text(str(v)) if v is not None else "" for v in record)
                while headers and not headers[-1]:
                    headers = headers[:-1]
                width = len(headers)
            continue
        values = tuple(None if _is_blank(v) else v for v in record[:width])
        if all(v is None for v in values):
            continue
        if len(rows) >= limits.max_rows:
            raise ImportFileError("file.too_many_rows", file=file_label, limit=limits.max_rows)
        rows.append(SheetRow(number, values))
    if not header_row:
        return None
    return RawTable(file_label, sheet, header_row, headers, rows, merged)


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
    """The header and data rows of the file; warnings such as 'CSV saved as .xlsx'."""
    label = file_label or path.name
    check_file_size(path, limits, label)
    warnings: list[Problem] = []
    content = sniff_kind(path)
    if content == "cfb":
        raise ImportFileError("xlsx.encrypted", file=label)
    named_xlsx = path.suffix.lower() in {".xlsx", ".xlsm"}
    if content == "text":
        if named_xlsx:
            warnings.append(Problem(label, None, None, "file.csv_named_xlsx", {}))
        table = _table(
            read_records(path, label),
            kind=kind,
            file_label=label,
            sheet=None,
            limits=limits,
            profile=profile,
        )
        if table is None:
            raise _no_header(label, kind)
        return table, warnings
    workbook = open_workbook(path, limits, label)
    names: list[str] = list(workbook.sheet_names)
    if sheet is not None:
        chosen = [n for n in names if n.casefold() == sheet.casefold()]
        if not chosen:
            raise ImportFileError(
                "xlsx.no_such_sheet", file=label, sheet=sheet, sheets=", ".join(names)
            )
        names = chosen
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
            return table, warnings
    raise _no_header(label, kind, ", ".join(names))
