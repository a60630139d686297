"""From a file on disk to rows whose cells can be asked for domain values: the one place
where the import services meet the file adapters (reader, header mapping, values)."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path

from koppel.domain.errors import KoppelError
from koppel.domain.staff import validate_staff_code
from koppel.files import values
from koppel.files.cells import check_cells
from koppel.files.columns import Column, ImportKind
from koppel.files.headers import HeaderMap, MappingProfile, map_headers
from koppel.files.limits import check_file_size
from koppel.files.problems import Problem
from koppel.files.profiles import load_profile
from koppel.files.readers import read_table
from koppel.files.table import CellValue, RawTable, SheetRow
from koppel.services.imports.options import ImportOptions

OnError = Callable[[Column, KoppelError], None]


@dataclass(frozen=True)
class ParsedRow:
    table: ParsedTable
    row: SheetRow

    @property
    def number(self) -> int:
        return self.row.number

    def cell(self, column: Column) -> CellValue:
        index = self.table.index.get(column)
        if index is None or index >= len(self.row.values):
            return None
        return self.row.values[index]

    def text(self, column: Column) -> str:
        index = self.table.index.get(column)
        cells = self.row.values
        return values.cell_text(cells[index] if index is not None and index < len(cells) else None)

    def house_number(self) -> str:
        """Huisnummer, joined with its toevoeging when the file keeps that in a column of
        its own (the header map gives it as the column's second index)."""
        cells = [
            self.row.values[i] if i < len(self.row.values) else None
            for i in self.table.columns.indexes_of(Column.HOUSE_NUMBER)
        ]
        return values.house_number(*cells[:2]) if cells else ""

    def items(self, column: Column) -> list[str]:
        """A list cell ('4V1, 4V2') or several columns of one kind (Groep 1, Groep 2)."""
        found: list[str] = []
        for index in self.table.columns.indexes_of(column):
            if index < len(self.row.values):
                found.extend(values.split_list(self.row.values[index]))
        return found

    def is_merged(self, column: Column) -> bool:
        index = self.table.columns.index_of(column)
        return index is not None and self.table.raw.hidden_by_merge(self.number, index)

    def _parse(
        self, column: Column, parse: Callable[[CellValue], object], on_error: OnError, empty: object
    ) -> object:
        try:
            return parse(self.cell(column))
        except KoppelError as error:
            on_error(column, error)
            return empty

    def student_number(self, width: int | None, *, on_error: OnError) -> tuple[str, bool]:
        cell = self.cell(Column.STUDENT_NUMBER)
        if not values.cell_text(cell):
            on_error(
                Column.STUDENT_NUMBER,
                KoppelError("required", field=self.table.header(Column.STUDENT_NUMBER)),
            )
            return "", False
        try:
            return values.parse_student_number(cell, width=width)
        except KoppelError as error:
            on_error(Column.STUDENT_NUMBER, error)
            return "", False

    def staff_code(self, *, on_error: OnError) -> str:
        try:
            return validate_staff_code(self.text(Column.STAFF_CODE))
        except KoppelError as error:
            on_error(Column.STAFF_CODE, error)
            return ""

    def postcode(self, *, on_error: OnError) -> str:
        return str(self._parse(Column.POSTCODE, values.parse_postcode, on_error, ""))

    def email(self, *, on_error: OnError) -> str:
        return str(self._parse(Column.EMAIL, values.parse_email, on_error, ""))

    def date(self, column: Column, *, on_error: OnError) -> date | None:
        found = self._parse(column, values.parse_date, on_error, None)
        return found if isinstance(found, date) else None

    def flag(self, column: Column, *, on_error: OnError) -> bool:
        return bool(self._parse(column, values.parse_bool, on_error, False))


@dataclass(frozen=True)
class ParsedTable:
    raw: RawTable
    columns: HeaderMap
    warnings: list[Problem]
    profile: MappingProfile | None = None
    """The import profile the file was read with (``--mapping``), if any."""
    index: dict[Column, int] = field(init=False)
    """The first column index of each column the file has (looked up for every cell)."""

    def __post_init__(self) -> None:
        found = {c: i for c in Column if (i := self.columns.index_of(c)) is not None}
        object.__setattr__(self, "index", found)

    @property
    def file(self) -> str:
        return self.raw.file

    @property
    def rows(self) -> list[ParsedRow]:
        return [ParsedRow(self, row) for row in self.raw.rows]

    def has(self, column: Column) -> bool:
        return column in self.index

    def header(self, column: Column) -> str:
        """The column's header as the file has it, or koppel's name when it is missing."""
        return self.columns.header_of(column) or column.value


def parse_file(
    path: Path, kind: ImportKind, *, options: ImportOptions, file_label: str
) -> ParsedTable:
    """Read and map a file; raises ImportFileError when it cannot be read at all or a
    cell cannot be stored (:func:`~koppel.files.cells.check_cells`)."""
    check_file_size(path, options.limits, file_label)
    profile = load_profile(options.mapping) if options.mapping else None
    raw, warnings = read_table(
        path,
        kind=kind,
        sheet=options.sheet,
        limits=options.limits,
        file_label=file_label,
        profile=profile,
    )
    columns, header_warnings = map_headers(
        raw.headers, kind, file=file_label, header_row=raw.header_row, profile=profile
    )
    check_cells(raw, columns)
    return ParsedTable(raw, columns, [*warnings, *header_warnings], profile)


class RowProblems:
    """Collects the problems of one row, each naming file, row and column."""

    def __init__(self, table: ParsedTable, row: ParsedRow) -> None:
        self.table = table
        self.row = row
        self.found: list[Problem] = []

    def add(self, column: Column, error: KoppelError) -> None:
        self.found.append(
            Problem(
                self.table.file,
                self.row.number,
                self.table.header(column),
                error.code,
                dict(error.params),
            )
        )

    def message(self, column: Column, code: str, /, **params: object) -> None:
        self.found.append(
            Problem(self.table.file, self.row.number, self.table.header(column), code, params)
        )

    def required(self, column: Column) -> None:
        code = (
            "import.required_empty_merged"
            if self.row.is_merged(column)
            else "import.required_empty"
        )
        self.message(column, code, column=self.table.header(column))
