"""Eén bestand van een SIS-set as a header and a stream of rows.

- Encoding as the other readers detect it (UTF-8 with or without BOM, UTF-16, else
  Windows-1252 and kin); delimiter sniffed (OneRoster says comma; Dutch Excel writes ``;``).
- Headers are matched ignoring case. Every column whose name holds ``password`` (any
  case, ``ext_*Password`` too) is dropped before a row is looked at: its values are
  blanked in every row and never read, shown or stored. A warning says so once per
  column that holds a value (an empty one, as OneRoster 1.1's ``users.csv`` has, is no
  news).
- ``ext_koppel_*`` columns are passed on (name without the prefix); other vendor
  columns (``ext_*``, ``metadata.*``) are passed on by lower-case header (a user's may
  give the student number); unknown columns are ignored.
- Rows are numbered as a spreadsheet shows them (the header is row 1); empty rows are
  skipped; values are trimmed and short rows padded; text that koppel's export guarded
  against formulas (``'=1+1``) is read without its apostrophe.
- A row is refused, naming its row and column, when a cell holds a control character,
  an id or name is longer than the portal stores, or a full name longer than an account
  holds (as :mod:`koppel.files.cells` does for import files).
"""

from __future__ import annotations

import csv
import io
from collections.abc import Iterator, Sequence
from dataclasses import dataclass

from koppel.domain.personal import full_name
from koppel.domain.sis.sets import KOPPEL_EXT, VENDOR_PREFIXES, FileMode
from koppel.files.cells import CONTROL_CHARACTERS, FULL_NAME_MAX_LENGTH
from koppel.files.csv_reader import SNIFF_CHARS, check_width, sniff_delimiter
from koppel.files.limits import ImportLimits
from koppel.files.neutralise import restore
from koppel.files.problems import ImportFileError
from koppel.files.sis.findings import Findings
from koppel.files.sis.source import SourceFile

PASSWORD = "password"  # noqa: S105 - the word that marks a column to drop
MAX_LENGTHS = {
    "sourcedid": 255,
    "sis id": 255,
    "givenname": 100,
    "first name": 100,
    "familyname": 100,
    "last name": 100,
    "email": 254,
    "secondary email": 254,
}
"""Columns whose text koppel stores as it is, by lower-case header: what the portal's
tables hold (koppel.store.tables)."""
NAMES = (("givenname", "middlename", "familyname"), ("first name", "middle name", "last name"))
INFIX_MAX_LENGTH = 30
"""A longer middle name is no tussenvoegsel: koppel does not store it."""

Row = tuple[int, list[str]]


@dataclass
class CsvTable:
    file: str
    mode: FileMode
    headers: tuple[str, ...]
    positions: dict[str, int]
    """Lower-case header -> position (password columns left out)."""
    ext: tuple[tuple[str, int], ...]
    """``ext_koppel_*`` columns: (name without the prefix, position)."""
    rows: Iterator[Row]
    vendor: tuple[tuple[str, int], ...] = ()
    """Other vendor columns (``ext_*``, ``metadata.*``): (lower-case header, position)."""

    def find(self, *names: str) -> int | None:
        """The position of the first of ``names`` that the file has."""
        for name in names:
            position = self.positions.get(name.lower())
            if position is not None:
                return position
        return None

    def at(self, *names: str) -> int:
        """The position of a required column (:func:`open_table` made sure it is there)."""
        position = self.find(*names)
        if position is None:
            raise KeyError(names[0])
        return position

    def header(self, position: int) -> str:
        return self.headers[position]


def open_table(
    file: SourceFile,
    mode: FileMode,
    findings: Findings,
    limits: ImportLimits,
    required: Sequence[str | tuple[str, ...]] = (),
) -> CsvTable | None:
    """The file as a table, or None (with errors) when it is empty or lacks a required
    column; a name in ``required`` may be a tuple of alternatives (first one is named)."""
    text = file.text()
    if not text.strip():
        findings.error(file.name, None, None, "file.empty", file=file.name)
        return None
    delimiter = sniff_delimiter(text[:SNIFF_CHARS])
    check_width(text, delimiter, file.name)
    if text.count('"') % 2:
        _check_quotes(text, delimiter, file.name)
    reader = csv.reader(io.StringIO(text, newline=""), delimiter=delimiter)
    headers = tuple(cell.strip().lstrip("\ufeff").strip() for cell in next(reader, []))
    positions: dict[str, int] = {}
    ext: list[tuple[str, int]] = []
    vendor: list[tuple[str, int]] = []
    dropped: list[int] = []
    for position, name in enumerate(headers):
        lowered = name.lower()
        if PASSWORD in lowered:
            dropped.append(position)
            continue
        if not lowered:
            continue
        if lowered in positions:
            findings.error(file.name, 1, name, "roster.header.twice")
            continue
        positions[lowered] = position
        if lowered.startswith(KOPPEL_EXT):
            ext.append((name[len(KOPPEL_EXT) :], position))
        elif lowered.startswith(VENDOR_PREFIXES):
            vendor.append((lowered, position))
    missing = [
        names[0]
        for names in ((n,) if isinstance(n, str) else n for n in required)
        if not any(name.lower() in positions for name in names)
    ]
    for name in missing:
        found = ", ".join(h for h in headers if h) or "-"
        findings.error(
            file.name, 1, name, "roster.header.missing", file=file.name, column=name, found=found
        )
    if missing:
        return None
    cells = _Cells(
        file.name,
        headers,
        tuple((p, MAX_LENGTHS[h]) for h, p in positions.items() if h in MAX_LENGTHS),
        next(
            (tuple(positions.get(n) for n in names) for names in NAMES if names[0] in positions), ()
        ),
        CONTROL_CHARACTERS.search(text) is not None,
    )
    passwords = _Passwords(file.name, headers, tuple(dropped), findings)
    rows = _rows(reader, file.name, len(headers), passwords, limits, cells)
    return CsvTable(file.name, mode, headers, positions, tuple(ext), rows, tuple(vendor))


@dataclass(frozen=True)
class _Cells:
    """What a row's cells must pass to be stored: no control characters, texts that fit
    their columns, a full name that fits an account (see :mod:`koppel.files.cells`)."""

    file: str
    headers: tuple[str, ...]
    limited: tuple[tuple[int, int], ...]
    names: tuple[int | None, ...]
    """Positions of the given, middle and family name (None where the file has none)."""
    controls: bool
    """Whether the file holds a control character anywhere (else rows are not searched)."""

    def check(self, row: int, values: list[str]) -> None:
        if self.controls:
            for header, value in zip(self.headers, values, strict=False):
                found = CONTROL_CHARACTERS.search(value)
                if found:
                    character = f"U+{ord(found.group()):04X}"
                    raise ImportFileError(
                        "file.control_character",
                        file=self.file,
                        row=row,
                        column=header,
                        character=character,
                        position=found.start() + 1,
                    )
        for position, limit in self.limited:
            if len(values[position]) > limit:
                self._refuse("file.value_too_long", row, position, len(values[position]), limit)
        if self.names:
            parts = [values[p] if p is not None else "" for p in self.names]
            if len(parts[1]) > INFIX_MAX_LENGTH:
                parts[1] = ""
            name = full_name(*parts)
            if len(name) > FULL_NAME_MAX_LENGTH:
                family = self.names[2] if self.names[2] is not None else self.names[0]
                self._refuse(
                    "file.name_too_long", row, family or 0, len(name), FULL_NAME_MAX_LENGTH
                )

    def _refuse(self, code: str, row: int, position: int, length: int, limit: int) -> None:
        raise ImportFileError(
            code, file=self.file, row=row, column=self.headers[position], length=length, limit=limit
        )


class _Passwords:
    """The password columns: blanked in every row, each warned about once, at the first
    value it holds (the value itself is never shown)."""

    def __init__(
        self, file: str, headers: tuple[str, ...], columns: tuple[int, ...], findings: Findings
    ) -> None:
        self.file, self.headers, self.findings = file, headers, findings
        self.columns = columns
        self._unwarned = set(columns)

    def blank(self, values: list[str]) -> None:
        for position in self.columns:
            if values[position] and position in self._unwarned:
                self._unwarned.discard(position)
                self.findings.warning(
                    self.file, 1, self.headers[position], "roster.header.password"
                )
            values[position] = ""


def _rows(
    reader: Iterator[list[str]],
    file: str,
    width: int,
    passwords: _Passwords,
    limits: ImportLimits,
    cells: _Cells,
) -> Iterator[Row]:
    number = 1
    count = 0
    strip = str.strip
    try:
        for number, record in enumerate(reader, start=2):
            values = [restore(v) if v[:1] == "'" else v for v in map(strip, record)]
            if len(values) < width:
                values.extend([""] * (width - len(values)))
            if passwords.columns:
                passwords.blank(values)
            if not any(values):
                continue
            count += 1
            if count > limits.max_rows:
                raise ImportFileError("file.too_many_rows", file=file, limit=limits.max_rows)
            cells.check(number, values)
            yield number, values
    except csv.Error as error:
        raise _csv_error(error, file, number + 1) from None


def _check_quotes(text: str, delimiter: str, file: str) -> None:
    """An odd number of quotes: refuse the file when a quote opened and never closed made
    the rest of it one value (naming the row where it opens), before any row is read."""
    number, record = 0, list[str]()
    try:
        for item in enumerate(csv.reader(io.StringIO(text, newline=""), delimiter=delimiter), 1):
            number, record = item
    except csv.Error as error:
        raise _csv_error(error, file, number + 1) from None
    if any("\n" in value or "\r" in value for value in record):
        raise ImportFileError("csv.unclosed_quote", file=file, row=number)


def _csv_error(error: csv.Error, file: str, row: int) -> ImportFileError:
    if "field larger than field limit" in str(error):
        return ImportFileError("csv.unclosed_quote", file=file, row=row)
    return ImportFileError("csv.syntax", file=file, reason=str(error))
