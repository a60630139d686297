"""Controles per waarde: required values, status, enumerations, dates and booleans, each
problem naming the file, row and column (the header as the file spells it)."""

from __future__ import annotations

import datetime
from collections.abc import Mapping
from types import MappingProxyType

from koppel.domain.sis.sets import FileMode, RecordStatus
from koppel.files.sis.csvfile import CsvTable
from koppel.files.sis.findings import Findings
from koppel.files.sis.values import (
    STATUS,
    allowed_text,
    enum_value,
    is_datetime,
    parse_bool,
    parse_date,
)

NO_EXT: Mapping[str, str] = MappingProxyType({})


class Checks:
    """The checks of one file; ``table.find`` gives the positions they take."""

    def __init__(self, table: CsvTable, findings: Findings) -> None:
        self.table = table
        self.file = table.file
        self.findings = findings
        self.delta = table.mode is FileMode.DELTA
        self.datetimes: set[str] = {""}
        """The ``dateLastModified`` texts found good (and blank), each checked once."""
        self._dates: dict[str, datetime.date] = {}

    def error(self, number: int, position: int | None, code: str, /, **params: object) -> None:
        column = None if position is None else self.table.header(position)
        self.findings.error(self.file, number, column, code, **params)

    def warning(self, number: int, position: int | None, code: str, /, **params: object) -> None:
        column = None if position is None else self.table.header(position)
        self.findings.warning(self.file, number, column, code, **params)

    def required(self, number: int, position: int, value: str) -> bool:
        if value:
            return True
        self.error(number, position, "roster.value.required", file=self.file)
        return False

    def status(
        self, number: int, position: int | None, values: list[str], *, vendor: bool = False
    ) -> RecordStatus | None:
        """Blank is active in a bulk file and an error in a delta file."""
        raw = values[position] if position is not None else ""
        if not raw:
            if self.delta:
                self.error(number, position, "roster.value.status_delta")
                return None
            return RecordStatus.ACTIVE
        found = STATUS.get(raw.lower())
        if found is None:
            self.error(
                number,
                position,
                "roster.value.enum",
                value=raw,
                allowed=allowed_text(STATUS, vendor=vendor),
            )
        return found

    def enum(
        self,
        number: int,
        position: int,
        value: str,
        allowed: Mapping[str, str],
        *,
        vendor: bool = True,
    ) -> str | None:
        found = enum_value(value, allowed, vendor=vendor)
        if found is None:
            self.error(
                number,
                position,
                "roster.value.enum",
                value=value,
                allowed=allowed_text(allowed, vendor=vendor),
            )
        return found

    def modified(self, number: int, position: int | None, values: list[str]) -> None:
        """``dateLastModified``: an ISO date-time when given (checked once per text)."""
        if position is None:
            return
        raw = values[position]
        if raw in self.datetimes:
            return
        if is_datetime(raw):
            self.datetimes.add(raw)
        else:
            self.error(number, position, "roster.value.datetime", value=raw)

    def date(
        self, number: int, position: int | None, values: list[str], *, us: bool = False
    ) -> datetime.date | None:
        """A date (YYYY-MM-DD; with ``us`` also M/D/YYYY), None when blank or wrong."""
        if position is None:
            return None
        raw = values[position]
        if not raw:
            return None
        found = self._dates.get(raw)
        if found is None:
            found = parse_date(raw, us=us)
            if found is None:
                code = "roster.value.date_us" if us else "roster.value.date"
                self.error(number, position, code, value=raw)
                return None
            self._dates[raw] = found
        return found

    def period(
        self,
        number: int,
        end_position: int | None,
        start: datetime.date | None,
        end: datetime.date | None,
    ) -> None:
        if start and end and end < start:
            self.error(
                number,
                end_position,
                "roster.value.date_order",
                start=start.isoformat(),
                end=end.isoformat(),
            )

    def boolean(
        self, number: int, position: int | None, values: list[str], *, default: bool
    ) -> bool:
        if position is None or not values[position]:
            return default
        found = parse_bool(values[position])
        if found is None:
            self.error(number, position, "roster.value.boolean", value=values[position])
            return default
        return found

    def ext(self, values: list[str]) -> Mapping[str, str]:
        """The record's ``ext_koppel_*`` values by name without the prefix."""
        if not self.table.ext:
            return NO_EXT
        return {name: values[position] for name, position in self.table.ext}

    def vendor(self, values: list[str]) -> Mapping[str, str]:
        """The record's other vendor columns (``ext_*``, ``metadata.*``) by header."""
        if not self.table.vendor:
            return NO_EXT
        return {name: values[position] for name, position in self.table.vendor}
