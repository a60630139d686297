"""Hoe groot een tabblad is: the area from A1 to the furthest cell a workbook's XML names,
found before calamine reads a sheet. calamine makes that whole area a dense block in
memory (empty cells too), so one value in XFD30000 of a 2 KB file takes gigabytes.

Every part of the zip is scanned, whatever its name (the workbook's relationships may
point a sheet anywhere), in chunks, for cell references (``<c r="XFD30000">``). Only
columns beyond S are collected: up to S any number of rows (Excel has 1,048,576) fits
the limit, and rows are counted only when a sheet is wider.
"""

from __future__ import annotations

import re
import zipfile
from collections.abc import Iterator

CHUNK_BYTES = 4 * 1024 * 1024
EXCEL_ROWS = 1_048_576
NARROW_COLUMNS = 19
"""A to S: cell references there are not collected (19 x 1,048,576 is under the limit)."""

_REFERENCE = rb"r\s*=\s*[\"']"
"""A cell's ``r`` attribute, in any tag, prefix or attribute order. Matching from the
letter keeps the scan fast; an attribute that merely ends in r counts too, which can only
overstate an area."""
_WIDE = re.compile(_REFERENCE + rb"([A-Z]{2,3}|[T-Z])[0-9]")
_ANY = re.compile(_REFERENCE + rb"([A-Z]{1,3})[0-9]")
_ROW = re.compile(_REFERENCE + rb"[A-Z]{1,3}([0-9]{1,7})")


def column_number(letters: bytes) -> int:
    """``A`` -> 1, ``XFD`` -> 16384."""
    number = 0
    for letter in letters:
        number = number * 26 + letter - ord("A") + 1
    return number


def _chunks(archive: zipfile.ZipFile, entry: zipfile.ZipInfo) -> Iterator[bytes]:
    """The part in chunks that each end before the last ``<``: a tag is never cut."""
    carry = b""
    with archive.open(entry) as part:
        while block := part.read(CHUNK_BYTES):
            data = carry + block
            cut = data.rfind(b"<")
            if cut <= 0:
                carry = data
                continue
            carry = data[cut:]
            yield data[:cut]
    if carry:
        yield carry


def largest_area(archive: zipfile.ZipFile, limit: int) -> tuple[int, int] | None:
    """(rows, columns) of the first part whose cells span more than ``limit`` cells from
    A1, or None when every part fits."""
    narrow = limit >= NARROW_COLUMNS * EXCEL_ROWS  # else (a small limit, in tests) count all
    for entry in archive.infolist():
        if entry.is_dir():
            continue
        found = _distinct(archive, entry, _WIDE if narrow else _ANY)
        columns = max((column_number(c) for c in found), default=0)
        if max(columns, NARROW_COLUMNS) * EXCEL_ROWS <= limit:
            continue
        rows = max((int(r) for r in _distinct(archive, entry, _ROW)), default=0)
        if rows * columns > limit:
            return rows, columns
    return None


def _distinct(
    archive: zipfile.ZipFile, entry: zipfile.ZipInfo, pattern: re.Pattern[bytes]
) -> set[bytes]:
    found: set[bytes] = set()
    for chunk in _chunks(archive, entry):
        found.update(pattern.findall(chunk))
    return found
